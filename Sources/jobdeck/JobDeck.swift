@main struct JobDeckMain { static func main() { print("jobdeck: the CLI lands with the store") } }
