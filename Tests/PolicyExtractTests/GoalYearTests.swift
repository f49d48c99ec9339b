import Testing
@testable import PolicyExtract

/// The years that targets are bound to are reported as deadline years: a year that opens a goal list without 到,
/// and `今年` in a dated work report (its own year item, its span on the word). A year that opens no goal stays
/// what the year matcher found.
@Suite struct GoalYearTests {
    static func years(_ text: String) -> [String] {
        DocumentExtractor().extract(text: text).items(YearMatcher.id).map { item in
            guard case .year(let y, let kind) = item.mention.value else { return "" }
            return "\(item.text) \(y) \(kind.rawValue)"
        }
    }

    @Test("a year that opens a goal list is a deadline year")
    func opensGoals() {
        // Fixtures/docs/235_fujian_2023_work_report_goals_news.txt, line 1 (from 记者 to 一般公共预算总收入增长6%左右): the first
        // 2023年 is of work, not goals.
        let text = "记者从报告中获悉,福建将全力做好2023年工作,2023年经济社会发展的主要预期目标是:全省地区生产总值增长6%左右,一般公共预算总收入增长6%左右,"
        #expect(Self.years(text) == ["2023年 2023 other", "2023年 2023 deadline"])
    }

    @Test("今年 in a dated report is a deadline year of its own")
    func thisYear() {
        // Fixtures/docs/134_gov_work_report_2025.txt, lines 1 and 6.
        let text = "政府工作报告——2025年3月5日在第十四届全国人民代表大会第三次会议上国务院总理 李强\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，城镇新增就业1200万人以上。"
        #expect(Self.years(text).contains("今年 2025 deadline"))
    }

    @Test("must not: a year over work, not goals, stays as found")
    func notGoals() {
        // Fixtures/docs/134_gov_work_report_2025.txt, lines 13-14.
        #expect(Self.years("三、2025年政府工作任务\n今年经济社会发展任务十分繁重。我们要突出重点、把握关键，着重抓好以下几个方面工作。") == ["2025年 2025 other"])
        // Fixtures/docs/115_hunan_gov_work_report_2023.txt, line 3 (to 提升43%): results, no year.
        #expect(Self.years("这五年,人民生活获得全面性改善。如期打赢脱贫攻坚战,全面建成小康社会,实现第一个百年奋斗目标,十八洞村成为全国精准脱贫样板。五年投入3400亿元,办成重点民生实事66件111项;农村电网户均配变容量达2.4千伏安,提升43%;").isEmpty)
    }
}
