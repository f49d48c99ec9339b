import ArgumentParser
struct Run: ParsableCommand {}
struct Bench: ParsableCommand {}
struct Eval: ParsableCommand {}
struct Validate: ParsableCommand {}
struct Examples: ParsableCommand {}
