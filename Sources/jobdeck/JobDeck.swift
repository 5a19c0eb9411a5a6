@main struct JobDeckMain { static func main() { print("jobdeck") } }
