/// Areas of land and floor space — `50亩`, `24.3万亩`, `100平方公里`, `10万平方米`, `3-5公顷`.
///
/// Matches an Arabic number (or a range `a-b`) followed by a unit of the `area_units` lexicon (longest first).
/// Produces the value in its unit, the base unit and the value in it (`24.3万亩` → 243000 亩), and the
/// qualifier (约 → about, 达 → reach …). A unit after `/` (`380万元/亩`, `12人/百亩`) is a rate, not an area.
package struct AreaMatcher: Matcher {
    package static let id = "area"
    package init() {}

    /// Starts from a digit; a number is followed by the first character of an area unit or a range separator.
    package static let scan = ScanDeclaration(kind: .digit, starts: { CharClass.isDigit($0) }, numberFollowers: { lexicons in
        ScalarSet(((try? units(lexicons))?.units ?? []).compactMap(\.word.first) + ((try? NumberWords.of(lexicons))?.rangeSeparatorCharacters ?? []))
    })

    /// The lexicon of area units.
    static let lexicon = "area_units"

    package static let output: RecordOutput? = RecordOutput(key: "areas", fields: [
        .init("value", .number, "the number as written, in `unit`"),
        .init("value_max", .number, nullable: true, "the upper end of a range (`3-5公顷`), else null"),
        .init("unit", .string, "the unit as written: 亩, 万亩, 平方米, 万平方米, 平方公里, 公顷 …"),
        .init("base_unit", .string, "the unit without its multiplier: 亩, 平方米, 平方公里, 公顷"),
        .init("base_value", .number, nullable: true, "`value` in `base_unit` (null beyond 64 bits)"),
        .init("qualifier", .string, "reach, exceed, at_least, about, at_most or none"),
    ])

    /// One unit of the lexicon.
    struct Unit: Sendable {
        var word: [UInt32]
        var text: String
        var baseUnit: String
        var scale: Int64
    }

    /// The units, longest first, and their first characters: what may follow a number that begins an area.
    struct Units: Sendable {
        var units: [Unit]
        var firsts: ScalarSet

        init(_ rows: [[String]], origin: String) throws {
            units = try rows.map { r in
                let scale = r.count > 2 ? Int64(r[2]) : 1
                guard !r[0].isEmpty, let scale, scale > 0 else {
                    throw PipelineError("\(origin): \(AreaMatcher.lexicon) row \(r) needs a unit, and a base unit and a positive scale or neither")
                }
                return Unit(word: scalars(r[0]), text: r[0], baseUnit: r.count > 1 && !r[1].isEmpty ? r[1] : r[0], scale: scale)
            }.sorted { $0.word.count > $1.word.count }
            firsts = ScalarSet(units.compactMap(\.word.first))
        }

        /// The unit at `i`, longest first.
        func unit(_ ctx: MatchContext, at i: Int) -> Unit? {
            guard i < ctx.chars.count, firsts.contains(ctx.chars[i]) else { return nil }
            return units.first { ctx.has($0.word, at: i) }
        }
    }

    /// The pipeline's units, read from its lexicon once.
    static func units(_ lexicons: Lexicons) throws -> Units {
        try lexicons.prepared.value(lexicon) { try Units(lexicons.rows(of: lexicon), origin: lexicons.origin) }
    }

    package static func prepare(_ lexicons: Lexicons) throws {
        _ = try units(lexicons)
        _ = try NumberWords.of(lexicons)
    }

    /// What an area record holds.
    struct Value: RecordValue {
        var value: ExactDecimal
        var valueMax: ExactDecimal?
        var unit: Unit
        var qualifier: Qualifier

        var fields: [FieldValue] {
            [.number(value), .optional(valueMax), .string(unit.text), .string(unit.baseUnit), .optional(value.multiplied(by: unit.scale)),
             .string(qualifier.rawValue)]
        }

        var summary: String {
            let max = valueMax.map { "-\($0)" } ?? ""
            return "\(value)\(max)\(unit.text) \(qualifier.rawValue)"
        }
    }

    package func find(in ctx: MatchContext) -> [Mention] {
        guard let units = ctx.words.areaUnits else { return [] }
        let chars = ctx.chars
        let followers = ctx.followers(of: Self.self)
        var result: [Mention] = []
        var i = 0
        while i < chars.count {
            i = ctx.next(.digit, from: i, to: chars.count)
            // An integer followed by none of the declared followers (an area unit's first character, a range
            // separator) begins no area: passed over without being read.
            if let d = ctx.integerRuledOut(at: i, followers: followers) {
                i = d
                continue
            }
            guard ctx.startsNumber(i), let (a, aEnd) = ctx.arabicNumber(at: i) else { i += 1; continue }
            var valueMax: ExactDecimal? = nil
            var k = aEnd
            if let (b, bEnd) = ctx.rangeEnd(at: k, fits: { b, bEnd in b > a && units.unit(ctx, at: bEnd) != nil }) {
                valueMax = b
                k = bEnd
            }
            guard let unit = units.unit(ctx, at: k) else { i = aEnd; continue }
            let end = k + unit.word.count
            let q = ctx.qualifier(before: i, after: end)
            result.append(Mention(range: i..<end, value: .record(Value(value: a, valueMax: valueMax, unit: unit, qualifier: q))))
            i = end
        }
        return result
    }

    package static let examples: [MatcherExample] = [
        // 214_zhejiang_tenglong_huanniao_news
        .init("一块约50亩的建设用地", ["50亩 => 50亩 about"]),
        .init("折算每家企业的最大发展空间仅为384.5亩", ["384.5亩 => 384.5亩 none"]),
        .init("出让国有建设用地24.3万亩，其中工矿仓储用地（主要是工业用地）出让面积达12.7万亩",
              ["24.3万亩 => 24.3万亩 none", "12.7万亩 => 12.7万亩 reach"]),
        .init("腾出低效工业用地100平方公里", ["100平方公里 => 100平方公里 none"]),
        // 121_ningbo_smartcity_fullwidth
        .init("宁海浙东10万亩农业循环经济示范区", ["10万亩 => 10万亩 none"]),
        // must not match: a rate per area (002), 亩 as 亩均 (214), a count, a year
        .init("含工业用地效率≥380 万元/亩、数字工匠密度>12 人/百亩等 16 项指标", []),
        .init("全省规上工业亩均税收达到37万元，亩均增加值达到180万元", []),
        .init("新增企业2000家", []),
        .init("到2025年,基本实现", []),
    ]
}
