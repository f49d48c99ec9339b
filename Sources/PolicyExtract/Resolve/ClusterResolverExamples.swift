/// Examples of `ClusterResolver`: passages of real documents and the named clusters in them (`Cluster.summary`).
/// To add a case, add a line here; `ResolverExampleTests` runs them all.
extension ClusterResolver {
    static let examples: [ResolverExample] = [
        // A list under its tier; a place written without 市 is written in full in the canonical name.
        .init("国家级先进制造业集群（3个）：\n\n青岛市智能家电集群、青岛市轨道交通装备集群、潍坊市动力装备集群",
              ["青岛市智能家电集群 => 青岛市智能家电产业集群 (国家级)", "青岛市轨道交通装备集群 => 青岛市轨道交通装备产业集群 (国家级)",
               "潍坊市动力装备集群 => 潍坊市动力装备产业集群 (国家级)"],
              source: "Fixtures/docs/000_49ccca5bbe7b47df.txt, lines 19-21"),
        .init("成交额增速超 30%且发明专利产业化率突破 24%的领域(如青岛智能家电集群 2022 年达 26.3%)",
              ["青岛智能家电集群 => 青岛市智能家电产业集群"], source: "Fixtures/docs/002_823c9dc78815e142.txt"),
        // A bracketed remark inside a name; the last name after 和.
        .init("江苏入围的6个先进制造业集群分别为:无锡市物联网集群、南京市软件和信息服务集群、南京市新型电力(智能电网)装备集群、苏州市纳米新材料集群、徐州市工程机械集群和常州市新型碳材料集群。",
              ["无锡市物联网集群 => 无锡市物联网产业集群", "南京市软件和信息服务集群 => 南京市软件和信息服务产业集群",
               "南京市新型电力(智能电网)装备集群 => 南京市新型电力(智能电网)装备产业集群", "苏州市纳米新材料集群 => 苏州市纳米新材料产业集群",
               "徐州市工程机械集群 => 徐州市工程机械产业集群", "常州市新型碳材料集群 => 常州市新型碳材料产业集群"],
              source: "http://chinadevelopment.com.cn/news/cj/2021/04/1721036.shtml (pages corpus), 中国经济导报 2021-04"),
        // Items numbered with digits, a bracketed industry, in Traditional script.
        .init("2022年度山東省特色產業集群名單\n1.山東濟南市中區(能源互聯網)特色產業集群\n2.山東濟南章丘區(醫藥及防護用品)特色產業集群\n3.山東青島西海岸新區(紡織機械)特色產業集群",
              ["山东济南市中区(能源互联网)特色产业集群 => 山东济南市中区(能源互联网)特色产业集群",
               "山东济南章丘区(医药及防护用品)特色产业集群 => 山东济南章丘区(医药及防护用品)特色产业集群",
               "山东青岛西海岸新区(纺织机械)特色产业集群 => 山东省青岛西海岸新区(纺织机械)特色产业集群"],
              source: "https://858852.com/www/2022/0427/65356.html (pages corpus): 2022年度山東省特色產業集群名單公示, its list's title and first rows"),
        // Several places sharing one name.
        .init("重点培育滨州、文登、高密、蓬莱家纺产业集群、淄博纺织服装产业集群，促其做大做强。",
              ["滨州、文登、高密、蓬莱家纺产业集群 => 滨州市、文登、高密、蓬莱家纺产业集群", "淄博纺织服装产业集群 => 淄博市纺织服装产业集群"],
              source: "Fixtures/docs/003_421d88c52cb26333.txt, line 75"),
        // A list of names one a line, under the list's title.
        .init("附件:山东省第一批战略性新兴产业集群名单\n济南市生物医药产业集群\n淄博市生物医药产业集群",
              ["济南市生物医药产业集群 => 济南市生物医药产业集群", "淄博市生物医药产业集群 => 淄博市生物医药产业集群"],
              source: "Fixtures/docs/223_shandong_sei_clusters_batch1.txt, lines 8-10"),
        // An enumeration of names without a place, in Traditional script; the kind after 等 is no name.
        .init("打造生物醫藥產業集群、智能制造裝備產業集群、集成電路產業集群等5個具有國際競爭力的戰略性新興產業集群",
              ["生物医药产业集群 => 生物医药产业集群", "智能制造装备产业集群 => 智能制造装备产业集群", "集成电路产业集群 => 集成电路产业集群"],
              source: "Fixtures/docs/203_jiangsu_sei_fusion_clusters_news_trad.txt, line 2"),
        // 的 after a district, and the industry after it read whole (分析 is a stop word elsewhere); Latin letters after
        // a digit (5G) in an industry; the first name written again without 的 is the same name.
        .init("""
              分别是福田区的5G信息技术应用产业集群、南山区的新能源应用产业集群、宝安区的激光产业集群、宝安区的低空无人机产业集群、龙岗区的智能机器人产业集群、龙华区的大数据分析及应用软件产业集群、龙华区的高性能医疗器械产业集群、光明区的智能传输及感知器件产业集群、光明区的电子材料产业集群。
              截至目前,深圳省级中小企业特色产业集群16个,其中国家级中小企业特色产业集群4个。深圳此次新增的9个产业集群均以新兴产业为主,以福田区5G信息技术应用产业集群为例,其主要集中于上梅林片区,是深圳市首个以“5G研发及应用”产业为主导的高端创新集聚区。
              """,
              ["福田区的5G信息技术应用产业集群 => 福田区5G信息技术应用产业集群", "南山区的新能源应用产业集群 => 南山区新能源应用产业集群",
               "宝安区的激光产业集群 => 宝安区激光产业集群", "宝安区的低空无人机产业集群 => 宝安区低空无人机产业集群",
               "龙岗区的智能机器人产业集群 => 龙岗区智能机器人产业集群", "龙华区的大数据分析及应用软件产业集群 => 龙华区大数据分析及应用软件产业集群",
               "龙华区的高性能医疗器械产业集群 => 龙华区高性能医疗器械产业集群", "光明区的智能传输及感知器件产业集群 => 光明区智能传输及感知器件产业集群",
               "光明区的电子材料产业集群 => 光明区电子材料产业集群"],
              source: "Fixtures/docs/224_shenzhen_sme_clusters_2024.txt, lines 2-3 (https://mryunwei.com/619435.html, pages corpus)"),
        // Must not match: a plan's number with a letter, in quotes, before 先进制造业集群.
        .init("按照《浙江省人民政府关于印发浙江省“415X”先进制造业集群建设行动方案(2023—2027年)的通知》(浙政发〔2023〕4号)要求",
              [], source: "Fixtures/docs/124_ningbo_361_clusters.txt, line 15"),
        // Must not match: kinds of clusters, not names.
        .init("培育一批国家级特色产业集群,累计建成国家级中小企业特色产业集群30个;储备一批省级特色产业集群,新认定省级中小企业特色集群50个。",
              [], source: "Fixtures/docs/204_hubei_sme_clusters_2027_news.txt, line 3"),
        .init("到2025年,培育形成2个千亿级产业集群和6个五百亿级产业集群,力争实现全市8大重点产业集群总量超过五千亿规模",
              [], source: "Fixtures/docs/210_kaifeng_manufacturing_plan.txt, line 8"),
        .init("着力打造“361”万千亿级产业集群,巩固提升优势产业集群,培育壮大特色产业集群,抢占新兴和未来产业新赛道",
              [], source: "Fixtures/docs/124_ningbo_361_clusters.txt, line 23"),
    ]
}
