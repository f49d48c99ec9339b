/// Examples of `TargetResolver`: passages of real documents and the targets they state (`Target.summary`).
/// To add a case, add a line here; `ResolverExampleTests` runs them all.
extension TargetResolver {
    static let examples: [ResolverExample] = [
        // Annual goal lists: 今年 in a dated work report; a rate of change keeps its verb; a central document's subject is 全国.
        .init("政府工作报告——2025年3月5日在第十四届全国人民代表大会第三次会议上国务院总理 李强\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，城镇新增就业1200万人以上；居民消费价格涨幅2%左右；居民收入增长和经济增长同步；国际收支保持基本平衡；粮食产量1.4万亿斤左右；单位国内生产总值能耗降低3%左右，生态环境质量持续改善。",
              ["2025 全国 | 国内生产总值增长 | about 5 %", "2025 全国 | 城镇调查失业率 | about 5.5 %", "2025 全国 | 城镇新增就业 | at_least 1200 万人",
               "2025 全国 | 居民消费价格涨幅 | about 2 %", "2025 全国 | 粮食产量 | about 1.4 万亿斤", "2025 全国 | 单位国内生产总值能耗降低 | about 3 %"],
              source: "Fixtures/docs/134_gov_work_report_2025.txt, lines 1 and 6"),
        // 今年 with its year in brackets (今年(2024年)) in a news report that has no date of its own: the year of the
        // goal list 今年…主要預期目標 that follows; Traditional script.
        .init("【點新聞報道】廣東省十四屆人大二次會議今日(23日)上午開幕。廣東省省長王偉中作省政府工作報告時表示,今年(2024年)廣東省發展面臨的有利條件強於不利因素,經濟回升向好、長期向好的基本趨勢沒有改變,預期地區生產總值增長5%。\n王偉中指,今年經濟社會發展的主要預期目標是:地區生產總值增長5%;固定資產投資增長4%,社會消費品零售總額增長6%,進出口總額增長1%;規模以上工業增加值增長5%;地方一般公共預算收入增長3%;",
              ["2024 广东省 | 地区生产总值增长 | none 5 %", "2024 广东省 | 固定资产投资增长 | none 4 %", "2024 广东省 | 社会消费品零售总额增长 | none 6 %",
               "2024 广东省 | 进出口总额增长 | none 1 %", "2024 广东省 | 规模以上工业增加值增长 | none 5 %", "2024 广东省 | 地方一般公共预算收入增长 | none 3 %"],
              source: "Fixtures/docs/231_guangdong_2024_goals_news_trad.txt, lines 1 and 2 (to 增長3%)"),
        // Must not match: 今年(2025年) names the year, but no goal follows it (an article on AI investment in 2025).
        .init("2025年AI行业的投资机会被普遍认为是乐观的。线性资本投资人郑灿指出，尽管2024年下半年整体投资氛围有所放缓，但今年（2025年）市场再次活跃起来。与去年10月、11月相比，团队最近看的项目数量已成倍增加。", [],
              source: "an article on AI investment in 2025 stored in a public repository's HTML (find_string id 36531288790)"),
        // A year that opens the goals (`2023年泉州发展目标:`); the city's goals.
        .init("报告定下2023年泉州发展目标:全市生产总值增长6.5%左右,一般公共预算总收入增长7%,固定资产投资增长8%,社会消费品零售总额增长7%,居民消费价格涨幅控制在3%左右,居民人均可支配收入和经济增长同步,完成节能减排降碳任务。",
              ["2023 全市 | 生产总值增长 | about 6.5 %", "2023  | 一般公共预算总收入增长 | none 7 %", "2023  | 固定资产投资增长 | none 8 %",
               "2023  | 社会消费品零售总额增长 | none 7 %", "2023  | 居民消费价格涨幅 | about 3 %"],
              source: "Fixtures/docs/213_quanzhou_2023_work_report_goals.txt, line 3"),
        // The year of a heading (今年, its year from the headline `2023年GDP目標為…`), the goals listed one a line; Traditional script.
        .init("2023年GDP目標為增長5%左右\n\n二、今年發展主要預期目標\n\n國內生產總值增長5%左右\n\n城鎮新增就業1200萬人左右\n\n居民消費價格漲幅3%左右\n\n糧食產量保持在1.3萬億斤以上\n\n三、對今年政府工作的建議",
              ["2023  | 国内生产总值增长 | about 5 %", "2023  | 城镇新增就业 | about 1200 万人", "2023  | 居民消费价格涨幅 | about 3 %", "2023  | 粮食产量 | at_least 1.3 万亿斤"],
              source: "https://taiwandomnews.com/%e5%85%a9%e5%b2%b8/43748 (pages corpus): its headline line and the lines 二、… to 三、…"),
        // `2022年,力争…` then `到2025年`; counts whose metric follows them; 全市 names the city.
        .init("方案也敲定了今年和2025年北京数字消费发展的目标。2022年，力争实现全市5G基站新增6000个，千兆光网用户新增10万户，信息内容消费实现收入超过3500亿元，直播电商成交额达到1万亿元，培育或引进10家龙头直播电商专业服务机构。到2025年，信息内容消费实现收入超过5000亿元，直播电商成交额翻一番，力争培育10个具有国际影响力的直播电商平台或直播电商企业，推出30个线上线下融合的直播示范场景，孵化40个网络直播新消费品牌。",
              ["2022 北京市 | 5G基站新增 | none 6000 个", "2022 北京市 | 千兆光网用户新增 | none 10 万户", "2022 北京市 | 信息内容消费实现收入 | exceed 3500 亿元",
               "2022 北京市 | 直播电商成交额 | reach 1 万亿元", "2022 北京市 | 龙头直播电商专业服务机构 | none 10 家", "2025 北京市 | 信息内容消费实现收入 | exceed 5000 亿元",
               "2025 北京市 | 具有国际影响力的直播电商平台或直播电商企业 | none 10 个", "2025 北京市 | 线上线下融合的直播示范场景 | none 30 个",
               "2025 北京市 | 网络直播新消费品牌 | none 40 个"],
              source: "a 新浪 news report of 2022-06-13 on 北京's 数字消费 方案, stored in a public repository's news feed JSON (search index file 40331527100)"),
        // A verb before a percentage (实现50%以上规模企业…): the metric follows; a rate alone takes the metric before it.
        .init("目标：到２０１５年，实现５０％以上规模企业生产经营全面实现自动化、集成化、网络化、智能化和协同化。实现新一代信息技术产业销售收入超１４２０亿元，年均增长１７％，在全市国民经济和社会发展中发挥更加重要的支撑和带动作用。",
              ["2015  | 规模企业生产经营全面实现自动化、集成化、网络化、智能化和协同化 | at_least 50 %", "2015  | 新一代信息技术产业销售收入 | exceed 1420 亿元",
               "2015  | 新一代信息技术产业销售收入年均增长 | none 17 %"],
              source: "Fixtures/docs/121_ningbo_smartcity_fullwidth.txt, line 24"),
        // Members without the verb phrase before them (在全市培育形成).
        .init("到2027年,在全市培育形成数字产业、绿色石化、高端装备等3个万亿级产业集群,新型功能材料、新能源、关键基础件、智能家电、时尚纺织服装、现代健康等6个千亿级产业集群",
              ["2027  | 万亿级产业集群 | none 3 个 [数字产业、绿色石化、高端装备]",
               "2027  | 千亿级产业集群 | none 6 个 [新型功能材料、新能源、关键基础件、智能家电、时尚纺织服装、现代健康]"],
              source: "Fixtures/docs/124_ningbo_361_clusters.txt, line 25 (to its second tier)"),
        // The verbs after a named subject are not the metric (制造业集群力争培育…).
        .init("到2025年,力争培育营业收入百亿级集群35个,其中:500亿级集群3个、300—500亿级集群10个左右,集群营业收入总规模突破1万亿元;制造业集群力争培育高新技术企业2400家",
              ["2025  | 百亿级集群 | none 35 个", "2025  | 500亿级集群 | none 3 个", "2025  | 300—500亿级集群 | about 10 个", "2025 集群 | 营业收入总规模 | exceed 1 万亿元",
               "2025 制造业集群 | 高新技术企业 | none 2400 家"],
              source: "Fixtures/docs/112_anhui_county_clusters_gb18030.txt, line 13 (to 2400家)"),
        // Counts of a tier joined to their threshold by 的; a tier before its noun.
        .init("其中提出,到2027年,全省中小企业特色产业集群综合实力明显增强,基本形成“三个一批”的发展格局:即提升一批百亿级特色产业集群,年营业收入超1000亿元的2个,超500亿元的5个、超300亿元的20个、超100亿元的50个;",
              ["2027  | 特色产业集群 | level 100 亿元", "2027  | 年营业收入超1000亿元 | none 2 个", "2027  | 超500亿元 | none 5 个",
               "2027  | 超300亿元 | none 20 个", "2027  | 超100亿元 | none 50 个"],
              source: "Fixtures/docs/204_hubei_sme_clusters_2027_news.txt, line 3"),
        // A caption over the rows of a goal table (rows numbered without tabs, read as headings) gives them its year.
        .init("(本文有删减)\n\n2016年《政府工作报告》量化指标任务分工\n\n序号 工 作 任 务 牵头负责部门\n1 居民消费价格涨幅3%左右 发展改革委\n2 城镇新增就业1000万人以上 人力资源社会保障部",
              ["2016  | 居民消费价格涨幅 | about 3 %", "2016  | 城镇新增就业 | at_least 1000 万人"],
              source: "Fixtures/docs/220_guobanhan_2016_38_quantified_tasks.txt, lines 20-26"),
        // A list one goal a line under a heading that states their year, each line after a bullet (`●`; the `◆` lines of
        // https://freewechat.com/a/Mzg3NjEwMjcxMg==/2248037598/1 are another such list); the results list before it states no goal.
        .init("    ■ 2024年成绩单\n\n    ●预计全省地区生产总值增长6%左右\n\n    ●粮食总产达到557亿斤\n\n    ■ 2025年经济社会发展的主要预期目标\n\n    ●经济增长6%左右\n\n    ●城镇调查失业率5.5%左右,城镇新增就业70万人以上\n\n    ●居民消费价格涨幅2%左右\n\n    ●居民收入增长与经济增长同步\n\n    ●粮食产量继续保持500亿斤以上",
              ["2025  | 经济增长 | about 6 %", "2025  | 城镇调查失业率 | about 5.5 %", "2025  | 城镇新增就业 | at_least 70 万人",
               "2025  | 居民消费价格涨幅 | about 2 %", "2025  | 粮食产量 | at_least 500 亿斤"],
              source: "Fixtures/docs/230_hubei_2025_work_report_digest_news.txt, lines 5, 7, 15 and 21-31"),
        // A year that opens the goals (`2023年经济社会发展的主要预期目标是:`); 全省 names the province; values stated 分别 for
        // the items of a list, one each.
        .init("记者从报告中获悉,福建将全力做好2023年工作,2023年经济社会发展的主要预期目标是:全省地区生产总值增长6%左右,一般公共预算总收入增长6%左右,地方一般公共预算收入增长5.5%左右,固定资产投资增长6%,社会消费品零售总额增长10%,出口增长7%,城镇居民、农村居民人均可支配收入分别增长7%、7.5%,",
              ["2023 福建省 | 地区生产总值增长 | about 6 %", "2023 福建省 | 一般公共预算总收入增长 | about 6 %", "2023 福建省 | 地方一般公共预算收入增长 | about 5.5 %",
               "2023 福建省 | 固定资产投资增长 | none 6 %", "2023 福建省 | 社会消费品零售总额增长 | none 10 %", "2023 福建省 | 出口增长 | none 7 %",
               "2023 福建省 | 城镇居民人均可支配收入增长 | none 7 %", "2023 福建省 | 农村居民人均可支配收入增长 | none 7.5 %"],
              source: "Fixtures/docs/235_fujian_2023_work_report_goals_news.txt, line 1 (from 记者 to 7.5%)"),
        // The same with a head shared by the items (花生种植、收获机械化率); the second value takes the first one's verb.
        // (`均达到45%` states one value for both items: not split yet.)
        .init("到2025年，农机装备品类基本齐全，重点农机产品和关键零部件实现协同发展，产品质量可靠性达到国际先进水平，产品和技术供给基本满足需要，农机装备产业迈入高质量发展阶段。全国农机总动力稳定在11亿千瓦左右，其中灌排机械动力达到1.3亿千瓦，农机具配置结构趋于合理，农机作业条件显著改善，覆盖农业产前产中产后的农机社会化服务体系基本建立，农机使用效率显著提升，农业机械化进入全程全面高质高效发展时期。全国农作物耕种收综合机械化率达到75%，粮棉油糖主产县（市、区）基本实现农业机械化，丘陵山区县（市、区）农作物耕种收综合机械化率达到55%。薄弱环节机械化全面突破，其中马铃薯种植、收获机械化率均达到45%，棉花收获机械化率达到60%，花生种植、收获机械化率分别达到65%和55%，油菜种植、收获机械化率分别达到50%和65%",
              ["2025 全国 | 农机总动力 | about 11 亿千瓦", "2025  | 灌排机械动力 | reach 1.3 亿千瓦", "2025 全国 | 农作物耕种收综合机械化率 | reach 75 %",
               "2025  | 丘陵山区县(市、区)农作物耕种收综合机械化率 | reach 55 %", "2025  | 马铃薯种植、收获机械化率 | reach 45 %", "2025  | 棉花收获机械化率 | reach 60 %",
               "2025  | 花生种植机械化率 | reach 65 %", "2025  | 花生收获机械化率 | reach 55 %", "2025  | 油菜种植机械化率 | reach 50 %", "2025  | 油菜收获机械化率 | reach 65 %"],
              source: "Fixtures/docs/200_guofa_2018_42_farm_machinery.txt, line 19 (to 50%和65%)"),
        // A share with nothing before it measures the amount of the goal before it.
        .init("行动计划提出,到2022年,南京数字经济增加值达到10000亿元,占GDP比重达56%以上,积极争创国家数字经济创新发展试验区和国家新一代人工智能创新发展试验区。",
              ["2022 南京市 | 南京数字经济增加值 | reach 10000 亿元", "2022 南京市 | 南京数字经济增加值占GDP比重 | at_least 56 %"],
              source: "Fixtures/docs/232_nanjing_digital_economy_plan_news.txt, line 2"),
        // The same, past a rate between them; the rate keeps its word of change without the comparator's verb (增长超).
        .init("《行动计划》提出,我市力争到2020年,数字经济规模突破4000亿元,年均增长超20%,占GDP比重达45%以上,基本形成数字基础设施泛在先进、电子政务协同高效、数字经济融合创新、网络与信息安全自主可控的发展格局,基本实现“数字化、网络化、智能化”。",
              ["2020  | 数字经济规模 | exceed 4000 亿元", "2020  | 数字经济规模年均增长 | exceed 20 %", "2020  | 数字经济规模占GDP比重 | at_least 45 %"],
              source: "Fixtures/docs/233_fuzhou_digital_plan_2018_news.txt, line 1 (the sentence from 《行动计划》提出)"),
        // Must not match: achievements of past years, with no goal year.
        .init("这五年,人民生活获得全面性改善。如期打赢脱贫攻坚战,全面建成小康社会,实现第一个百年奋斗目标,十八洞村成为全国精准脱贫样板。五年投入3400亿元,办成重点民生实事66件111项;农村电网户均配变容量达2.4千伏安,提升43%;",
              [], source: "Fixtures/docs/115_hunan_gov_work_report_2023.txt, line 3"),
        // Must not match: a heading naming a year for work, not goals, over figures of a budget.
        .init("三、2025年政府工作任务\n今年经济社会发展任务十分繁重。我们要突出重点、把握关键，着重抓好以下几个方面工作。",
              [], source: "Fixtures/docs/134_gov_work_report_2025.txt, lines 13-14"),
        // Must not match: growth over a period.
        .init("2017—2022年新进入企业数量分别增长27.7%、23.2%、16.3%。", [], source: "Fixtures/docs/002_823c9dc78815e142.txt, line 23"),
    ]
}
