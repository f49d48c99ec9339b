import Foundation
import Testing
@testable import PolicyExtract

/// Targets, clusters and departments over the Fixtures.
@Suite struct ResolveTests {
    static func target(_ r: DocumentResult, year: Int, value: String, unit: String) -> Target? {
        r.targets.first { $0.year == year && $0.value.description == value && $0.unit == unit }
    }

    /// A paragraph of goals without a single comma or full stop (about 9 000 characters): each target's clause
    /// stays within its sentence (at most `Segmenter.maxSentence` characters; a value cut by a sentence limit
    /// reaches into the next one) instead of reaching back to the paragraph's start for every value.
    @Test func goalsWithoutBreaksStayWithinTheirSentence() {
        let text = "前言\n\n到2025年" + (0..<600).map { "营业收入达到\($0 + 1)亿元企业\($0 + 1)家" }.joined()
        let r = DocumentExtractor().extract(text: text)
        #expect(r.targets.count > 500)
        #expect(r.targets.allSatisfy { $0.year == 2025 })
        let longest = r.targets.map { max($0.text.unicodeScalars.count, $0.metric.unicodeScalars.count) }.max() ?? 0
        #expect(longest <= 2 * Segmenter.maxSentence, "\(longest)")
    }

    @Test func doc004ClusterTargetsAndDepartments() throws {
        let r = try extract(Repo.fixture("004_"))
        let clusters = ["高端装备产业集群", "高端化工产业集群", "新一代信息技术产业集群", "新能源产业集群", "新材料产业集群", "医药产业集群"]
        // 6 clusters × 2023 and 2025 × {enterprises, revenue}
        let expected: [String: [(Int, String, String)]] = [
            "高端装备产业集群": [(2023, "650", "家"), (2023, "1200", "亿元"), (2025, "800", "家"), (2025, "1500", "亿元")],
            "高端化工产业集群": [(2023, "280", "家"), (2023, "1200", "亿元"), (2025, "340", "家"), (2025, "1600", "亿元")],
            "新一代信息技术产业集群": [(2023, "60", "家"), (2023, "150", "亿元"), (2025, "100", "家"), (2025, "300", "亿元")],
            "新能源产业集群": [(2023, "80", "家"), (2023, "100", "亿元"), (2025, "100", "家"), (2025, "300", "亿元")],
            "新材料产业集群": [(2023, "70", "家"), (2023, "200", "亿元"), (2025, "90", "家"), (2025, "300", "亿元")],
            "医药产业集群": [(2023, "70", "家"), (2023, "210", "亿元"), (2025, "90", "家"), (2025, "300", "亿元")],
        ]
        var count = 0
        for c in clusters {
            for (year, value, unit) in expected[c]! {
                let t = r.targets.first { $0.subject == c && $0.year == year && $0.value.description == value && $0.unit == unit }
                #expect(t != nil, "\(c) \(year) \(value)\(unit)")
                if t != nil { count += 1 }
            }
        }
        #expect(count == 24)
        let energy = r.targets.filter { $0.subject == "新能源产业集群" && $0.year == 2025 }
        #expect(energy.contains { $0.value.description == "300" && $0.unit == "万千瓦" && $0.comparator == .atLeast })
        #expect(energy.contains { $0.value.description == "22" && $0.unit == "%" && $0.comparator == .exceed })
        // Overall 2025 goals.
        #expect(r.targets.contains { $0.year == 2025 && $0.value.description == "1500" && $0.unit == "家" && $0.comparator == .exceed })
        #expect(r.targets.contains { $0.year == 2025 && $0.value.description == "4300" && $0.unit == "亿元" && $0.comparator == .exceed })
        #expect(r.targets.contains { $0.year == 2025 && $0.value.description == "60" && $0.unit == "%" && $0.comparator == .atLeast })
        #expect(r.targets.contains { $0.year == 2025 && $0.value.description == "45" && $0.unit == "%" && $0.metric.includes("高新技术产业产值占比") })
        #expect(r.targets.contains { $0.year == 2025 && $0.value.description == "500" && $0.unit == "家" })
        #expect(r.targets.contains { $0.year == 2025 && $0.value.description == "30" && $0.unit == "个" })
        #expect(r.targets.contains { $0.year == 2025 && $0.metric == "本地配套率" && $0.value.description == "50" && $0.comparator == .atLeast })
        // Lead and responsible bound per section.
        let equipment = r.targets.first { $0.subject == "高端装备产业集群" }!
        #expect(equipment.lead == ["市工业和信息化局"])
        #expect(equipment.responsible.contains("市科技局"))
        #expect(r.targets.first { $0.subject == "新能源产业集群" }!.lead == ["市能源局"])
        let sectionsWithBoth = Set(r.departments.filter { $0.role == .lead }.map { r.structure.sections[$0.section].path.prefix(3).joined() })
            .intersection(Set(r.departments.filter { $0.role == .responsible }.map { r.structure.sections[$0.section].path.prefix(3).joined() }))
        #expect(sectionsWithBoth.count == 13)
        #expect(Set(r.departments.filter { $0.role == .issuer }.map(\.name)) == ["中共济宁市委", "济宁市人民政府"])
        // Six named clusters.
        #expect(Set(clusters).isSubset(of: Set(r.clusters.map(\.name))))
    }

    @Test func docs000And001TiersAndGoals() throws {
        for prefix in ["000_", "001_"] {
            let r = try extract(Repo.fixture(prefix))
            for (value, tier) in [("3", "世界级"), ("8", "国家级"), ("30", "省级")] {
                #expect(r.targets.contains { $0.year == 2025 && $0.value.description == value && $0.unit == "个" && $0.metric.includes(tier) }, "\(prefix) \(tier)")
            }
            let five = r.targets.first { $0.threshold?.yiYuan.description == "5000" }
            #expect(five?.members == ["动力装备", "高端铝业", "智能家电"])
            #expect(five?.value.description == "3")
            #expect(r.targets.first { $0.threshold?.yiYuan.description == "3000" }?.members.count == 6)
            #expect(r.targets.contains { $0.value.description == "1000" && $0.unit == "亿元" && $0.members.count == 6 })
        }
        let r = try extract(Repo.fixture("001_"))
        #expect(r.targets.contains { $0.value.description == "5000" && $0.unit == "家" && $0.metric.includes("高新技术企业") })
        #expect(r.targets.contains { $0.value.description == "45" && $0.unit == "%" && $0.metric.includes("高新技术产品占比") })
        #expect(r.targets.contains { $0.value.description == "30" && $0.unit == "家" && $0.metric.includes("国家智能制造工厂") })
        #expect(r.targets.contains { $0.value.description == "15" && $0.metric.includes("独角兽企业") && $0.comparator == .about })
        // The Beijing, Jiangxi, Henan and Chongqing items are articles of their own, never Shandong's targets.
        #expect(r.structure.articles.count == 5)
        #expect(!r.targets.contains { $0.article > 0 })
    }

    @Test func doc000ClustersAndTable() throws {
        let r = try extract(Repo.fixture("000_"))
        #expect(r.clusters.filter { $0.tier == "国家级" }.count == 3)
        #expect(r.clusters.filter { $0.tier == "省级" }.count == 10)
        #expect(r.clusters.first { $0.name == "青岛市智能家电集群" }?.place == "青岛市")
        // No target from the loan table.
        #expect(!r.targets.contains { r.structure.sections[$0.section].kind == .table || $0.unit == "元" })
    }

    @Test func doc003GoalsIssuersPrinterClusters() throws {
        let r = try extract(Repo.fixture("003_"))
        let ten = r.targets.first { $0.year == 2020 && $0.value.description == "10" }
        #expect(ten?.threshold?.yiYuan.description == "1000")
        #expect(ten?.threshold?.comparator == .exceed)
        #expect(r.targets.first { $0.year == 2020 && $0.value.description == "50" }?.threshold?.yiYuan.description == "500")
        let header = r.departments.filter { $0.role == .issuer && $0.name.hasPrefix("山东省") }
        #expect(header.count == 9)
        // Named in full in the header and abbreviated in the opening sentence: nine issuers by canonical name.
        let issuers = Set(r.departments.filter { $0.role == .issuer }.map(\.canonical))
        #expect(issuers == ["山东省商务厅", "山东省发展和改革委员会", "山东省经济和信息化委员会", "山东省科学技术厅", "山东省财政厅",
                            "山东省人力资源和社会保障厅", "山东省国土资源厅", "山东省住房和城乡建设厅", "山东省中小企业局"], "\(issuers.sorted())")
        #expect(r.departments.filter { $0.role == .printer }.map(\.name) == ["山东省商务厅办公室"])
        for heading in ["新一代信息技术产业集群", "新材料产业集群", "生物医药产业集群", "高端装备制造产业集群", "汽车及零部件产业集群",
                        "化工产业集群", "食品产业集群", "纺织服装产业集群", "有色金属产业集群", "现代物流产业集群"] {
            #expect(r.clusters.contains { $0.name == heading }, "\(heading)")
        }
    }

    @Test func doc002ReferencesGiveNoTargets() throws {
        let r = try extract(Repo.fixture("002_"))
        #expect(r.targets.isEmpty)
    }

    /// A heading without its numbering: the name a cluster or a target's subject is read from.
    @Test(arguments: [
        ("(一)高端装备产业集群", "高端装备产业集群"), ("一、重点任务", "重点任务"), ("十一、保障措施", "保障措施"),
        ("1.发展目标", "发展目标"), ("2.1 数字经济", "数字经济"), ("(3) 新能源产业集群 ", "新能源产业集群"),
        ("高端装备产业集群", "高端装备产业集群"), ("2025", "2025"), ("(一)", "(一)"), ("一、", "一、"), ("", ""),
    ])
    func headingNames(_ heading: String, _ name: String) {
        #expect(ResolveContext.headingName(heading) == name)
    }
}
