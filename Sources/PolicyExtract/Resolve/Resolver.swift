/// Resolve — binds extracted values into targets, and finds departments and clusters.
struct Resolver {
    let lexicons: Lexicons

    func resolve(_ result: inout DocumentResult) {
    }
}
