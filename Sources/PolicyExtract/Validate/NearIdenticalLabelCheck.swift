/// Near-identical labels — the same programme spelled two ways across documents (`强基韧链` vs `强基链链`).
///
/// Quoted labels of two to eight Han characters are grouped by each one-character wildcard of their text
/// (强*韧链, 强基*链 …), so that labels differing in exactly one character meet in a group without any
/// all-pairs comparison. A pair from different documents is a warning naming both spans; `info` when both are
/// names of bodies or places (`…研究院`, `…实验室`, `…产业园`): two bodies' names often differ in one character.
package struct NearIdenticalLabelCheck: CrossDocumentCheck {
    package static let id = "near_identical_label"
    package init() {}

    /// Endings of names of bodies, institutions and places (`body_ending` of the `check_words` lexicon).
    static let bodyEndings = Lexicons.CheckWords.builtIn.strings(.bodyEnding)

    static func namesABody(_ label: String) -> Bool { bodyEndings.contains { label.hasSuffix($0) } }

    package func run(_ documents: [DocumentClaims]) -> [Finding] {
        var groups: [String: [Label]] = [:]
        var order: [String] = []
        for d in documents {
            var seen = Set<String>()
            for l in d.labels where l.text.unicodeScalars.count >= 3 && seen.insert(l.text).inserted {
                let s = Array(l.text.unicodeScalars)
                for i in s.indices {
                    var w = s
                    w[i] = "*"
                    let key = String(String.UnicodeScalarView(w))
                    if groups[key] == nil { order.append(key) }
                    groups[key, default: []].append(l)
                }
            }
        }
        var reported = Set<String>()
        var findings: [Finding] = []
        for key in order {
            let labels = groups[key]!
            var byText: [String: Label] = [:]
            var texts: [String] = []
            for l in labels where byText[l.text] == nil { byText[l.text] = l; texts.append(l.text) }
            guard texts.count >= 2 else { continue }
            for i in 0..<texts.count {
                for j in (i + 1)..<texts.count {
                    let a = byText[texts[i]]!, b = byText[texts[j]]!
                    guard a.evidence.document != b.evidence.document else { continue }
                    // Numbered labels (十四五 / 十五五, 五个一 / 九个一) name different things.
                    let diff = zip(a.text.unicodeScalars, b.text.unicodeScalars).filter { $0 != $1 }
                    if diff.allSatisfy({ CharClass.isChineseNumeral($0.0.value) && CharClass.isChineseNumeral($0.1.value) }) { continue }
                    let pair = [a.text, b.text].sorted().joined(separator: "|")
                    guard reported.insert(pair).inserted else { continue }
                    let bodies = Self.namesABody(a.text) && Self.namesABody(b.text)
                    findings.append(Finding(check: Self.id, severity: bodies ? .info : .warning, claim: "label “\(a.text)” spelled “\(b.text)” elsewhere",
                                            stated: a.text, computed: b.text, tolerance: "one character",
                                            evidence: [a.evidence, b.evidence],
                                            detail: "two spellings differ in one character; one may be a typo",
                                            reason: bodies ? "both name bodies or places, which often differ in one character: may be two bodies"
                                                : "one quoted label spelled two ways (\(diff.map { "\($0.0)/\($0.1)" }.joined(separator: ", "))): one may be a slip"))
                }
            }
        }
        return findings
    }

    package static let examples: [CheckExample] = [
        .init(["实施集群“强基韧链”行动。", "实施集群“强基链链”行动。"], ["warning"]),
        .init(["实施集群“强基韧链”行动。", "实施集群“强基韧链”行动。"], []),
        .init(["实施“四新”经济。", "实施“三新”产业集群。"], []),
        .init(["“十四五”时期", "“十五五”规划"], []),
        // Two bodies whose names differ in one character are likely two bodies.
        .init(["依托“之江实验室”建设。", "依托“珠江实验室”建设。"], ["info"]),
    ]
}
