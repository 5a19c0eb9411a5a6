import Foundation
import JobDeckCore
@testable import JobDeckTUI
