/// Synthetic documents that grow in one direction: many goals in lines without a full stop, many goal
/// sentences, many distinct metrics, one paragraph without any break, many share sentences, many tables
/// with growth sentences, long department lists. Each once made the pipeline's time or output grow with the
/// square of its size; `bench --scaling` times each at two sizes, and a test checks that the output grows
/// in proportion.
package enum ScalingShapes {
    package struct Shape: Sendable {
        package let name: String
        /// The document with `n` repetitions of the shape's unit.
        package let make: @Sendable (Int) -> String
    }

    static let han = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥")

    package static let all: [Shape] = [
        Shape(name: "goal lines, no full stop") { n in
            "前言\n\n" + (0..<n).map { "到\(2020 + $0 % 10)年，营业收入达到\($0)亿元" }.joined(separator: "\n")
        },
        Shape(name: "goal sentences") { n in
            "前言\n\n" + (0..<n).map { "到\(2020 + $0 % 10)年，营业收入达到\($0)亿元。" }.joined(separator: "\n")
        },
        Shape(name: "distinct metrics") { n in
            "前言\n\n" + (0..<n).map { "到2025年，指标\($0)达到100亿元。" }.joined(separator: "\n")
        },
        Shape(name: "paragraph without breaks") { n in
            "前言\n\n到2025年" + (0..<n).map { "营业收入达到\($0 + 1)亿元企业\($0 + 1)家" }.joined()
        },
        Shape(name: "share sentences") { n in
            "前言\n\n" + (0..<n).map { "共有\(1000 + $0)家，其中甲市拥有\($0)家，乙市拥有\($0 + 1)家，占全省比例分别为12.3%和23.6%" }.joined(separator: "。")
        },
        Shape(name: "growth tables") { n in
            (0..<n).map { "2020—2023年地区\($0)增长12.5%。\n\n指标\t2020年\t2023年\n地区\($0)\t\($0 + 1)\t\($0 + 2)\n" }.joined(separator: "\n")
        },
        Shape(name: "department lists") { n in
            "前言\n\n" + (0..<n).map { "市\(han[$0 % 20])\(han[($0 / 20) % 20])局、市工业和信息化局、市财政局按职责分工负责" }.joined(separator: "，")
        },
    ]
}
