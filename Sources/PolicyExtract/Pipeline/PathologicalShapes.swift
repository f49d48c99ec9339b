/// Hostile documents that grow in one direction: HTML with unclosed tags, comments and quotes, a page of
/// one character (an opening bracket, a numeral, 亿, 、, a heading marker), a line without a break, a
/// table of many cells, brackets nested deep. None is a policy document; each is the shape a stage that
/// looks back or ahead without bound turns quadratic on (a search from every `<` to the end of the page
/// made 2 MB of HTML run for hours). A test times each at two sizes (4× the input must cost at most about
/// 6× the time) and checks the memory of a process reading the larger; `bench --pathological N` times them
/// at any size.
package enum PathologicalShapes {
    package struct Shape: Sendable {
        package let name: String
        /// The file's name extension: `html` makes the pipeline strip markup first.
        package let fileExtension: String
        /// The document's bytes with `n` repetitions of the shape's unit.
        package let make: @Sendable (Int) -> [UInt8]
    }

    static func repeated(_ unit: String, _ n: Int, before: String = "", after: String = "") -> [UInt8] {
        Array((before + String(repeating: unit, count: n) + after).utf8)
    }

    package static let all: [Shape] = [
        // HTML.
        Shape(name: "html: lone <", fileExtension: "html") { n in repeated("<", n) },
        Shape(name: "html: unclosed tags", fileExtension: "html") { n in repeated("<p 产业集群 ", n) },
        Shape(name: "html: unclosed comments", fileExtension: "html") { n in repeated("<!-- 注释 ", n) },
        Shape(name: "html: unclosed quotes", fileExtension: "html") { n in repeated("<a title=\"到2025年 ", n, after: ">") },
        Shape(name: "html: quotes, one > at the end", fileExtension: "html") { n in repeated("<a b=\"\" c='\" ", n, after: ">") },
        Shape(name: "html: unclosed scripts", fileExtension: "html") { n in repeated("<script>营业收入<style>", n) },
        Shape(name: "html: unclosed entities", fileExtension: "html") { n in repeated("&#12345", n) },
        Shape(name: "html: nested tags", fileExtension: "html") { n in repeated("<div><p>", n, after: "到2025年，营业收入达到100亿元。") + repeated("</p></div>", n) },
        // One character, or one short unit, over and over.
        Shape(name: "one character: （", fileExtension: "txt") { n in repeated("（", n) },
        Shape(name: "one character: 1", fileExtension: "txt") { n in repeated("1", n) },
        Shape(name: "one character: 一", fileExtension: "txt") { n in repeated("一", n) },
        Shape(name: "one character: 亿", fileExtension: "txt") { n in repeated("亿", n) },
        Shape(name: "one character: 、", fileExtension: "txt") { n in repeated("、", n) },
        Shape(name: "one character: 〔", fileExtension: "txt") { n in repeated("〔", n) },
        Shape(name: "heading markers 一、", fileExtension: "txt") { n in repeated("一、", n) },
        Shape(name: "heading lines 一、", fileExtension: "txt") { n in repeated("一、\n", n) },
        Shape(name: "digit groups 1 000", fileExtension: "txt") { n in repeated("1 000 ", n, before: "达到", after: "亿元") },
        Shape(name: "digits and commas 1,", fileExtension: "txt") { n in repeated("1,", n, after: "亿元") },
        Shape(name: "numerals and 亿: 一亿", fileExtension: "txt") { n in repeated("一亿", n, after: "元") },
        Shape(name: "spaced characters 山 东", fileExtension: "txt") { n in repeated("山 ", n) },
        Shape(name: "empty lines", fileExtension: "txt") { n in repeated("\n", n, before: "前言", after: "到2025年，营业收入达到100亿元。") },
        // One line without a break, and a sentence without an end.
        Shape(name: "one line, no break", fileExtension: "txt") { n in repeated("产业集群发展", n) },
        Shape(name: "one clause list, no full stop", fileExtension: "txt") { n in repeated("济南市、", n, before: "到2025年，", after: "营业收入达到100亿元") },
        Shape(name: "heading line of amounts", fileExtension: "txt") { n in repeated("达到1亿元，", n, before: "前言\n\n一、") },
        Shape(name: "first line of amounts", fileExtension: "txt") { n in repeated("达到1亿元，", n) },
        Shape(name: "header lines of amounts", fileExtension: "txt") { n in repeated("1亿元　", n, before: "山东省人民政府文件\n\n鲁政发〔2020〕3号\n", after: "\n\n关于印发的通知\n") },
        Shape(name: "lines of one character", fileExtension: "txt") { n in repeated("产\n", n) },
        Shape(name: "Traditional characters", fileExtension: "txt") { n in repeated("營業收入達到1億元，", n) },
        Shape(name: "newspaper articles", fileExtension: "txt") { n in repeated("## 标题\n\n本报讯 到2025年，营业收入达到1亿元。\n\n", n) },
        Shape(name: "dates", fileExtension: "txt") { n in repeated("2020年1月1日前，", n) },
        Shape(name: "periods and years", fileExtension: "txt") { n in repeated("2020—2023年，2024年，", n) },
        Shape(name: "percentages", fileExtension: "txt") { n in repeated("增长12.5%，", n) },
        Shape(name: "counts", fileExtension: "txt") { n in repeated("企业100家，", n) },
        Shape(name: "document numbers", fileExtension: "txt") { n in repeated("鲁政发〔2020〕3号、", n) },
        Shape(name: "goals of one key", fileExtension: "txt") { n in repeated("到2025年，全省营业收入达到1亿元。", n, before: "前言\n\n") },
        Shape(name: "tiers and counts", fileExtension: "txt") { n in repeated("打造千亿级产业集群3个，", n, before: "前言\n\n到2025年，") },
        Shape(name: "shares of one total", fileExtension: "txt") { n in repeated("甲市拥有1家，", n, before: "共有100家，其中", after: "占全省比例分别为12.3%。") },
        Shape(name: "counts and enumerations", fileExtension: "txt") { n in repeated("济南、青岛", n, after: "等7个城市。") },
        // Tables.
        Shape(name: "table: one row of cells", fileExtension: "txt") { n in repeated("12.5\t", n, before: "指标\t", after: "\n") },
        Shape(name: "table: rows of ten cells", fileExtension: "txt") { n in
            repeated("地区\t1\t2\t3\t4\t5\t6\t7\t8\t9\n", max(1, n / 10), before: "表1\n指标\t2016\t2017\t2018\t2019\t2020\t2021\t2022\t2023\t2024\n")
        },
        Shape(name: "table: | cells", fileExtension: "txt") { n in repeated("|1亿元", n, before: "|指标|\n", after: "|\n") },
        // Legacy encodings (the decoder's detection and conversion).
        Shape(name: "GB18030: one line of amounts", fileExtension: "txt") { n in
            TextEncoder.encode(String(repeating: "营业收入达到1亿元，", count: n), charset: "GB18030") ?? []
        },
        Shape(name: "UTF-16: one line of amounts", fileExtension: "txt") { n in
            var bytes: [UInt8] = [0xFF, 0xFE]
            for u in String(repeating: "营业收入达到1亿元，", count: n).utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
            return bytes
        },
        // Brackets nested deep.
        Shape(name: "nested brackets （（（", fileExtension: "txt") { n in repeated("（", n, after: "到2025年达到100亿元") + repeated("）", n) },
        Shape(name: "nested brackets mixed", fileExtension: "txt") { n in repeated("（【〔《“[(", n, after: "2025年") + repeated(")]”》〕】）", n) },
    ]
}
