/// Examples of `DepartmentResolver`: passages of real documents (a title or header line first where the place
/// matters) and the bodies they must yield, each written as `Department.summary` (`<name> / <role> / <canonical>`),
/// collective addressees left out, in any order. An empty list is a must-not-match case. To add a case, add one
/// line here; `ResolverExampleTests` runs them all.
extension DepartmentResolver {
    static let examples: [ResolverExample] = [
        // Division-of-labour brackets under the first-listed convention, which carries to later brackets.
        // 国发〔2018〕42号 (gov.cn; Fixtures 200_guofa_2018_42_farm_machinery).
        .init("（三）完善农机装备创新体系。持续提升创新能力。（工业和信息化部、发展改革委、科技部、农业农村部等负责。列第一位者为牵头单位，下同）\n（七）加快补齐全程机械化生产短板。大力推进产前产中产后全程机械化。（农业农村部、发展改革委、财政部等负责）",
              ["工业和信息化部 / lead / 工业和信息化部", "发展改革委 / responsible / 国家发展和改革委员会", "科技部 / responsible / 科学技术部",
               "农业农村部 / responsible / 农业农村部", "农业农村部 / lead / 农业农村部", "财政部 / responsible / 财政部"], source: "Fixtures/docs/200_guofa_2018_42_farm_machinery.txt (国发〔2018〕42号)"),
        // 国发〔2019〕3号 (gov.cn; Fixtures 201_guofa_2019_3_bonded_zones): the same convention in other words; a
        // bracket naming one body makes it lead.
        .init("1.拓展两个市场。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）\n5.推进区内外联动。（海关总署负责）",
              ["税务总局 / lead / 国家税务总局", "财政部 / responsible / 财政部", "海关总署 / responsible / 海关总署", "海关总署 / lead / 海关总署"], source: "Fixtures/docs/201_guofa_2019_3_bonded_zones.txt (国发〔2019〕3号)"),
        // Without the convention every body of the bracket is responsible (国发〔2019〕3号).
        .init("3.促进研发创新。（海关总署、商务部负责）", ["海关总署 / responsible / 海关总署", "商务部 / responsible / 商务部"], source: "Fixtures/docs/201_guofa_2019_3_bonded_zones.txt (国发〔2019〕3号)"),
        // 牵头负责: all lead; 由X牵头: X lead (国发〔2018〕42号).
        .init("建立由农业农村部、工业和信息化部牵头的国家农业机械化发展协调推进机制。（农业农村部、工业和信息化部牵头负责）",
              ["农业农村部 / lead / 农业农村部", "工业和信息化部 / lead / 工业和信息化部"], source: "Fixtures/docs/200_guofa_2018_42_farm_machinery.txt (国发〔2018〕42号)"),
        // (X牵头,Y、Z按职责分工负责) with the province from the title (豫政〔2023〕5号, Fixtures 120_henan_tasks).
        .init("河南省人民政府 关于明确政府工作报告提出的2023年 重点工作责任单位的通知 豫政〔2023〕5号\n2.落实好提振市场信心90条措施。(省发展改革委牵头,省商务厅、财政厅、文化和旅游厅、工业和信息化厅、住房城乡建设厅等相关部门按职责分工负责)",
              ["河南省人民政府 / issuer / 河南省人民政府", "省发展改革委 / lead / 河南省发展和改革委员会", "省商务厅 / responsible / 河南省商务厅",
               "财政厅 / responsible / 河南省财政厅", "文化和旅游厅 / responsible / 河南省文化和旅游厅", "工业和信息化厅 / responsible / 河南省工业和信息化厅",
               "住房城乡建设厅 / responsible / 河南省住房和城乡建设厅"], source: "Fixtures/docs/120_henan_tasks.txt (豫政〔2023〕5号)"),
        // The city from the title; a list of collective bodies is left out (咸阳市2022年…工作要点, Traditional script,
        // names given in the normalized (Simplified) form; Fixtures 222_trad_xianyang_business_env_2022).
        .init("鹹陽市2022年深化“放管服”改革最佳化營商環境工作要點\n1.全面實施行政許可事項清單管理。(市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責)",
              ["市政府办公室 / lead / 咸阳市人民政府办公室", "市行政审批制度改革工作领导小组办公室 / lead / 咸阳市行政审批制度改革工作领导小组办公室"], source: "Fixtures/docs/222_trad_xianyang_business_env_2022.txt"),
        // (X牵头,Y、Z参与) — 国办发〔2018〕128号 (gov.cn, ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 7).
        .init("（生态环境部牵头，国家发展改革委、工业和信息化部、住房城乡建设部、农业农村部、国家统计局参与）",
              ["生态环境部 / lead / 生态环境部", "国家发展改革委 / responsible / 国家发展和改革委员会", "工业和信息化部 / responsible / 工业和信息化部",
               "住房城乡建设部 / responsible / 住房和城乡建设部", "农业农村部 / responsible / 农业农村部", "国家统计局 / responsible / 国家统计局"], source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 7 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国办发〔2018〕128号)"),
        // X会同Y: X lead, Y responsible (国办发〔2018〕128号, as above).
        .init("生态环境部会同国家发展改革委、工业和信息化部、财政部等部门筛选确定。",
              ["生态环境部 / lead / 生态环境部", "国家发展改革委 / responsible / 国家发展和改革委员会", "工业和信息化部 / responsible / 工业和信息化部",
               "财政部 / responsible / 财政部"], source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 7 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国办发〔2018〕128号)"),
        // Issuers of the opening sentence, abbreviated after the first: each takes the province of the first
        // (鲁商发〔2016〕3号, Fixtures 003, whose sentence writes 省商务厅 where this one writes it in full).
        .init("## 关于印发山东省经济开发区 产业集群培育行动计划的通知\n为加快推进全省经济开发区产业转型升级，山东省商务厅会同省发展改革委、省经济信息化委、省科技厅制定了《山东省经济开发区产业集群培育行动计划》。现印发你们。",
              ["山东省商务厅 / issuer / 山东省商务厅", "省发展改革委 / issuer / 山东省发展和改革委员会",
               "省经济信息化委 / issuer / 山东省经济和信息化委员会", "省科技厅 / issuer / 山东省科学技术厅"], source: "Fixtures/docs/003_421d88c52cb26333.txt (鲁商发〔2016〕3号), its opening sentence with the first body in full"),
        // Two bodies written together, cited as the issuers of another policy: two mentioned bodies
        // (Fixtures 210_kaifeng_manufacturing_plan).
        .init("根据中共河南省委办公厅河南省人民政府办公厅印发的《河南省推动制造业高质量发展实施方案》,结合我市实际,制定本计划。",
              ["中共河南省委办公厅 / mentioned / 中共河南省委办公厅", "河南省人民政府办公厅 / mentioned / 河南省人民政府办公厅"], source: "Fixtures/docs/210_kaifeng_manufacturing_plan.txt"),
        // X会同Y in central letters, the lead a short name opening its clause (国资委, 发展改革委: no 国家 written).
        .init("发展改革委会同水利部研究提出了办理意见。",
              ["发展改革委 / lead / 国家发展和改革委员会", "水利部 / responsible / 水利部"],
              source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 48 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国办函〔2004〕25号)"),
        .init("国资委会同财政部、劳动保障部提出了办理意见：根据有关规定，辅业改制企业职工解除劳动关系的经济补偿金的支付渠道是国有企业的净资产。",
              ["国资委 / lead / 国务院国有资产监督管理委员会", "财政部 / responsible / 财政部", "劳动保障部 / responsible / 劳动和社会保障部"],
              source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 48 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国办函〔2004〕25号)"),
        // Two leads listed before 会同; a word between the lead and 会同 (已, 要).
        .init("发展改革委、农业部会同财政部等有关部门研究提出了办理意见：发展改革委在安排全国农产品深加工项目和资金工作中，一直对包括你省在内的西部地区予以适当倾斜和重点扶持。",
              ["发展改革委 / lead / 国家发展和改革委员会", "农业部 / lead / 农业部", "财政部 / responsible / 财政部"],
              source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 22 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国办函〔2004〕71号)"),
        .init("扶贫办已会同交通部、水利部、林业局等部门赴广安市水淹区进行了实地调查。",
              ["扶贫办 / lead / 国务院扶贫开发领导小组办公室", "交通部 / responsible / 交通部", "水利部 / responsible / 水利部", "林业局 / responsible / 国家林业局"],
              source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 22 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国办函〔2004〕71号)"),
        .init("市场监管总局要会同有关部门制定联合抽查事项清单、标准和实施办法。",
              ["市场监管总局 / lead / 国家市场监督管理总局"],
              source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 1 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国发〔2019〕5号)"),
        // Must not match: 会同 opening its clause, with a province as partner (国办函〔2004〕71号).
        .init("发展改革委将继续加强协调，会同你省积极推进该项目前期工作。", [],
              source: "ZhouYNF/platform-1 db/ge_policy_raw20190217.sql row 22 @ 2197df553eee3b0bc9989d91addadf2f4227fddc (国办函〔2004〕71号)"),
        // A date between the issuer and its verb, in news.
        .init("湖北省人民政府办公厅4月2日发布《湖北省中小企业特色产业集群高质量发展工作方案(2025-2027年)》。",
              ["湖北省人民政府办公厅 / issuer / 湖北省人民政府办公厅"], source: "Fixtures/docs/204_hubei_sme_clusters_2027_news.txt, line 3"),
        .init("财政部3月28日印发《农村金融机构定向费用补贴管理办法》。符合补贴条件的三类金融机构，即银监会批准设立的村镇银行、贷款公司、农村资金互助社。",
              ["财政部 / issuer / 财政部"],
              source: "a 2014-04-10 news summary (findview.cn, 严字当头，怎样解读农村金融机构补贴新规？) kept in a public repository's Java source (find_string id 20673341290)"),
        // Must not match: a title and a person before 政府 (泉州晚报 on the 泉州 2023 report, Fixtures 213; 国发〔2018〕42号).
        .init("1月8日开幕的泉州市十七届人大二次会议上,市长蔡战胜作政府工作报告。", [], source: "Fixtures/docs/213_quanzhou_2023_work_report_goals.txt"),
        .init("完善粮食安全省长责任制等政府目标考核中的农业机械化内容。", [], source: "Fixtures/docs/200_guofa_2018_42_farm_machinery.txt (国发〔2018〕42号)"),
        // A 2004 short name of a State Council office, alone in prose (the gov.cn menus of 国务院 bodies list 南水北调办
        // and 三峡办 the same way: find_string id 6486007400).
        .init("四、关于加强对口支援问题。你省请求，国家比照三峡工程建设和移民安置对口支援的做法，在南水北调工程中继续实施对口支援，并在南水北调办设立对口支援司。",
              ["南水北调办 / mentioned / 国务院南水北调工程建设委员会办公室"],
              source: "Fixtures/docs/236_guobanhan_2004_25_hubei_reply.txt, line 23 (国办函〔2004〕25号)"),
        // Must not match: a central body followed by 有关部门 (a class of bodies) or by its people (领导同志, 负责同志).
        .init("2003年10月24日至26日，温家宝总理率国务院有关部门负责同志赴重庆市、湖北省考察。", [],
              source: "Fixtures/docs/236_guobanhan_2004_25_hubei_reply.txt, line 14 (国办函〔2004〕25号)"),
        .init("为切实抓好2016年《政府工作报告》的贯彻落实,经国务院领导同志同意,现将《2016年量化指标任务分工》印发给你们,并就有关事项通知如下:", [],
              source: "Fixtures/docs/220_guobanhan_2016_38_quantified_tasks.txt, line 9 (国办函〔2016〕38号)"),
        // Must not match: collective bodies (国发〔2018〕42号).
        .init("（十九）强化地方政府责任。结合实际制定实施意见。（各省级人民政府负责）", [], source: "Fixtures/docs/200_guofa_2018_42_farm_machinery.txt (国发〔2018〕42号)"),
    ]
}
