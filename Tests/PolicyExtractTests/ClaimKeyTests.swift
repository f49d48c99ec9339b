import Foundation
import Testing
@testable import PolicyExtract

/// Claim keys: the place of a document and of a figure, units, and 分别 lists, with real sentences.
@Suite struct ClaimKeyTests {
    /// The place a document's claims are keyed to: its most specific issuing or subject place (real titles).
    @Test(arguments: [
        ("濮阳市人民政府办公室关于印发濮阳市城市道路窨井设施管理暂行办法的通知", "濮阳"),
        ("关于印发山东省经济开发区产业集群培育行动计划的通知", "山东"),
        ("国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见", "内蒙古"),
        ("中华人民共和国2024年国民经济和社会发展统计公报", PolicyExtract.ClaimExtractor.national),
        ("商务部等4部门办公厅关于进一步做好家电以旧换新工作的通知", PolicyExtract.ClaimExtractor.national),
        ("人力资源社会保障部关于印发“技能中国行动”实施方案的通知", PolicyExtract.ClaimExtractor.national),
        ("咸阳市2022年深化“放管服”改革优化营商环境工作要点", "咸阳"),
    ] as [(String, String)])
    func documentPlaceFromTitle(_ title: String, _ place: String) {
        let r = DocumentExtractor().extract(text: title + "\n\n为全面贯彻落实国家部署，制定本方案。", id: "t")
        #expect(ClaimExtractor.claimPlace(r) == place, "\(title)")
    }

    /// A city plan citing its province: the city (开封, 2020年 实施方案, first lines) — not 河南.
    @Test func cityOverItsProvince() {
        let text = """
        各县、区人民政府,市人民政府有关部门,各有关单位:
        《开封市推动制造业高质量发展实施方案》《开封市制造业高质量发展若干财政支持措施》《开封市培育壮大主导产业若干财政支持措施》已经市政府第48次常务会议研究通过,现印发给你们,请认真贯彻落实。
        开封市推动制造业高质量发展实施方案
        根据中共河南省委办公厅河南省人民政府办公厅印发的《河南省推动制造业高质量发展实施方案》精神,结合我市实际,制定本实施方案。
        """
        #expect(ClaimExtractor.claimPlace(DocumentExtractor().extract(text: text, id: "t")) == "开封")
        // The issuer's line names the province: 河南, though its cities are named more often below.
        let henan = "河南省人民政府 关于明确政府工作报告提出的2023年 重点工作责任单位的通知 豫政〔2023〕5号\n郑州、洛阳、郑州、洛阳、郑州要加快建设。"
        #expect(ClaimExtractor.claimPlace(DocumentExtractor().extract(text: henan, id: "t")) == "河南")
    }

    /// The place a figure's sentence names before it, else the document's; 全省 in a city's document is kept apart.
    @Test(arguments: [
        ("其中济南市拥有1 782家", "济南市拥有1 782家", "山东", "济南"),
        ("到2025年,全省千亿级产业集群达到10个", "千亿级产业集群达到10个", "济宁", "全省@济宁"),
        ("到2025年,全省千亿级产业集群达到10个", "千亿级产业集群达到10个", "山东", "山东"),
        ("到2025年,全市千亿级产业集群达到2个", "千亿级产业集群达到2个", "济宁", "济宁"),
        ("到2025年,千亿级产业集群达到2个", "千亿级产业集群达到2个", "济宁", nil),
    ] as [(String, String, String, String?)])
    func sentencePlace(_ sentence: String, _ goal: String, _ documentPlace: String, _ expected: String?) {
        #expect(ClaimExtractor.sentencePlace(sentence, goalText: goal, documentPlace: documentPlace) == expected)
    }

    /// Units as claims are keyed: money in 亿元, a 万/亿 prefix taken into the value.
    @Test(arguments: [
        ("万元", "5000", "亿元", "0.5"), ("亿元", "0.5", "亿元", "0.5"), ("万亿元", "1.2", "亿元", "12000"), ("亿", "3", "亿元", "3"),
        ("万千瓦", "110000", "千瓦", "1100000000"), ("亿千瓦", "11", "千瓦", "1100000000"), ("%", "45", "%", "45"), ("家", "650", "家", "650"),
    ] as [(String, String, String, String)])
    func units(_ unit: String, _ value: String, _ key: String, _ normalized: String) {
        let (k, v) = ClaimExtractor.normalizedUnit(unit, ExactDecimal(value)!)
        #expect(k == key)
        #expect(v.doubleValue == ExactDecimal(normalized)!.doubleValue, "\(value) \(unit) → \(v) \(k)")
    }

    /// 分别 lists bind each figure to its subject in order (国发〔2018〕42号; 002's growth sentence).
    @Test func enumerationBinding() {
        let farm = "薄弱环节机械化全面突破,其中马铃薯种植、收获机械化率均达到45%,棉花收获机械化率达到60%,花生种植、收获机械化率分别达到65%和55%,油菜种植、收获机械化率分别达到50%和65%,甘蔗收获机械化率达到30%。"
        #expect(ClaimExtractor.enumerationSubject(sentence: farm, goalText: "收获机械化率分别达到65%") == .bound("花生种植", list: "花生种植、收获机械化率", position: 0, count: 2))
        #expect(ClaimExtractor.enumerationSubject(sentence: farm, goalText: "收获机械化率分别达到50%和65%") == .bound("收获机械化率", list: "油菜种植、收获机械化率", position: 1, count: 2))
        #expect(ClaimExtractor.enumerationSubject(sentence: farm, goalText: "棉花收获机械化率达到60%") == .none)
        let growth = "从增长率看,2017—2022年山东先进制造业出口复杂度指数增长22.99%,同期浙江、福建、江苏、广东分别增长40.02%、36.84%、30.78%、26.52%。"
        #expect(ClaimExtractor.enumerationSubject(sentence: growth, goalText: "分别增长40.02%、36.84%、30.78%") == .bound("江苏", list: "浙江、福建、江苏、广东", position: 2, count: 4))
        // Three subjects, two values: the figure cannot be bound, and is never compared as another's claim.
        if case .unbound = ClaimExtractor.enumerationSubject(sentence: "浙江、福建、江苏分别增长40.02%、36.84%。", goalText: "分别增长40.02%") {} else {
            Issue.record("three subjects for two values must stay unbound")
        }
    }

    /// Findings written before `reason` existed still decode.
    @Test func findingWithoutReasonDecodes() throws {
        let json = #"{"check":"same_claim","severity":"conflict","claim":"c","stated":"1","computed":"2","tolerance":"0","detail":"","evidence":[]}"#
        let f = try JSONDecoder().decode(Finding.self, from: Data(json.utf8))
        #expect(f.reason == "" && f.severity == .conflict)
        let g = try JSONDecoder().decode(Finding.self, from: JSONEncoder().encode(Finding(check: "x", severity: .info, claim: "", stated: "", computed: "",
                                                                                          tolerance: "", evidence: [], detail: "", reason: "why")))
        #expect(g.reason == "why" && g.severity == .info)
    }
}
