import Foundation

/// The review site: static HTML that opens from disk with no network (inline CSS and JavaScript).
///
/// `index.html` lists the documents from `index-data.js` (one JSON row per document, paged, sortable, searchable:
/// 10 000 documents are one small script, not a 10 000-row table); `docs/<id>.html` shows a document's original text
/// with every record's span highlighted by kind, a legend that turns kinds off, the record under the pointer, and
/// side panels (targets, departments by role, clusters, findings, gold); `findings.html` lists every finding with its
/// figures and a link to the exact span in each document involved. The page functions are pure: records and text
/// in, HTML out; `ReviewSiteWriter` writes them.
public enum ReviewSite {
    /// A finding as the site numbers it (`findings.html#f<number>`).
    public struct NumberedFinding: Sendable {
        public var number: Int
        public var finding: Finding
        public var documents: [String] { var seen = Set<String>(); return finding.evidence.map(\.document).filter { seen.insert($0).inserted } }
        public var crossDocument: Bool { documents.count > 1 }
    }

    /// The anchor of an evidence span on a document page.
    public static func evidenceAnchor(_ s: Span) -> String { "e\(s.start)-\(s.end)" }
    /// The file of a document page, relative to the site.
    public static func pageFile(_ id: String) -> String { "docs/" + id + ".html" }
    public static func pageHref(_ id: String) -> String { "docs/" + HTML.pathSegment(id) + ".html" }

    // MARK: - Document page

    /// The page of one document. `findings` are those whose evidence names it (its own and cross-document ones).
    public static func documentPage(_ doc: ReviewDocument, findings: [NumberedFinding]) -> String {
        let r = doc.record
        let id = r.document.id
        let records = ReviewRecord.all(r)
        var marks: [ReviewMarks.Mark] = records.enumerated().map { k, rec in
            ReviewMarks.Mark(start: rec.span.start, end: rec.span.end, kind: rec.kind, record: k, anchor: "r\(k)")
        }
        var anchored = Set<String>()
        for f in findings {
            for e in f.finding.evidence where e.document == id && anchored.insert(evidenceAnchor(e.span)).inserted {
                marks.append(.init(start: e.span.start, end: e.span.end, kind: "evidence", anchor: evidenceAnchor(e.span)))
            }
        }
        for (k, g) in doc.gold.enumerated() {
            if let s = g.span { marks.append(.init(start: s.start, end: s.end, kind: g.kind, anchor: "g\(k)", gold: k)) }
        }
        let title = r.document.title ?? id
        var body = "<header><a href=\"../index.html\">← all documents</a> · <a href=\"../findings.html\">findings</a>"
        body += "<h1>\(HTML.escape(title))</h1><p class=\"meta\">\(HTML.escape(metaLine(r)))</p></header>"
        body += "<div id=\"legend\">" + legend(present: Set(marks.map(\.kind))) + "</div>"
        body += "<main><section id=\"doc\">"
        if let text = doc.original {
            body += "<pre id=\"text\">" + ReviewMarks.html(text, marks) + "</pre>"
        } else {
            body += "<p class=\"note\">\(HTML.escape(doc.textNote ?? "the original text is not available"))</p>"
        }
        body += "</section><aside>"
        body += "<div id=\"record\" class=\"panel\"><h2>Record</h2><p class=\"hint\">Point at or click a highlighted span.</p></div>"
        body += targetsPanel(r, records) + departmentsPanel(r, records) + clustersPanel(r, records)
        body += findingsPanel(id, findings) + goldPanel(doc.gold)
        body += "</aside></main><div id=\"tip\" hidden></div>"
        let data = "const R=" + HTML.script(json(records)) + ";"
        return page(title: title + " — review", style: documentStyle, body: body, script: data + documentScript)
    }

    static func metaLine(_ r: DocumentRecord) -> String {
        let d = r.document
        var parts = [d.id]
        if let n = d.docNumber { parts.append(n) }
        if let date = d.date { parts.append(date) }
        if let place = d.place { parts.append(place) }
        parts.append("\(d.characters) characters, \(d.encoding)\(d.traditionalConverted ? ", Traditional converted" : "")")
        parts.append(d.source)
        return parts.joined(separator: " · ")
    }

    static func legend(present: Set<String>) -> String {
        ReviewMarks.kinds.filter { present.contains($0.key) }.map { k in
            "<label class=\"lg\"><input type=\"checkbox\" checked data-k=\"\(k.key)\"><span class=\"m k-\(k.key)\">\(HTML.escape(k.label))</span></label>"
        }.joined()
    }

    static func link(_ k: Int, _ text: String) -> String { "<a href=\"#r\(k)\">\(HTML.escape(text))</a>" }

    static func targetsPanel(_ r: DocumentRecord, _ records: [ReviewRecord]) -> String {
        guard !r.targets.isEmpty else { return "" }
        let first = records.firstIndex { $0.kind == "target" } ?? 0
        var s = "<div class=\"panel\" id=\"targets\"><h2>Targets (\(r.targets.count))</h2><table><tr><th>year</th><th>subject</th><th>metric</th><th>value</th><th>lead</th><th>responsible</th></tr>"
        for (k, t) in r.targets.enumerated() {
            let value = (t.comparator == .none ? "" : t.comparator.rawValue + " ") + "\(t.value)" + (t.valueMax.map { "–\($0)" } ?? "") + " " + t.unit
            s += "<tr><td>\(t.year)</td><td>\(HTML.escape(t.subject))</td><td>\(link(first + k, t.metric))</td><td>\(HTML.escape(value))</td>"
            s += "<td>\(HTML.escape(t.lead.joined(separator: "、")))</td><td>\(HTML.escape(t.responsible.joined(separator: "、")))</td></tr>"
        }
        return s + "</table></div>"
    }

    static func departmentsPanel(_ r: DocumentRecord, _ records: [ReviewRecord]) -> String {
        guard !r.departments.isEmpty else { return "" }
        let first = records.firstIndex { $0.kind.hasPrefix("dept-") } ?? 0
        var s = "<div class=\"panel\" id=\"departments\"><h2>Departments (\(r.departments.count))</h2>"
        for role in DepartmentRole.allCases {
            let list = r.departments.enumerated().filter { $0.element.role == role }
            if list.isEmpty { continue }
            s += "<h3><span class=\"m k-dept-\(role.rawValue)\">\(role.rawValue)</span></h3><ul>"
            for (k, d) in list { s += "<li>\(link(first + k, d.name))\(d.level.map { " <small>\(HTML.escape($0))</small>" } ?? "")</li>" }
            s += "</ul>"
        }
        return s + "</div>"
    }

    static func clustersPanel(_ r: DocumentRecord, _ records: [ReviewRecord]) -> String {
        guard !r.clusters.isEmpty else { return "" }
        let first = records.firstIndex { $0.kind == "cluster" } ?? 0
        var s = "<div class=\"panel\" id=\"clusters\"><h2>Clusters (\(r.clusters.count))</h2><ul>"
        for (k, c) in r.clusters.enumerated() {
            s += "<li>\(link(first + k, c.name)) <small>\(HTML.escape([c.tier, c.status].compactMap { $0 }.joined(separator: ", ")))</small></li>"
        }
        return s + "</ul></div>"
    }

    static func findingsPanel(_ id: String, _ findings: [NumberedFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        var s = "<div class=\"panel\" id=\"findings\"><h2>Findings (\(findings.count))</h2><ul>"
        for f in findings {
            let x = f.finding
            s += "<li class=\"sev-\(x.severity.rawValue)\"><a href=\"../findings.html#f\(f.number)\">\(x.severity.rawValue)</a> \(HTML.escape(x.check)): \(HTML.escape(x.claim))"
            s += "<br>stated \(HTML.escape(x.stated)) · computed \(HTML.escape(x.computed))"
            for e in x.evidence where e.document == id { s += "<br>→ <a href=\"#\(evidenceAnchor(e.span))\">\(HTML.escape(e.text))</a>" }
            if f.crossDocument { s += "<br><small>with " + HTML.escape(f.documents.filter { $0 != id }.joined(separator: ", ")) + "</small>" }
            s += "</li>"
        }
        return s + "</ul></div>"
    }

    static func goldPanel(_ gold: [GoldMark]) -> String {
        guard !gold.isEmpty else { return "" }
        var s = "<div class=\"panel\" id=\"gold\"><h2>Against gold (\(gold.count))</h2><ul>"
        for (k, g) in gold.enumerated() {
            let label = g.kind == "miss" ? "missed" : "false positive"
            let text = g.span != nil ? "<a href=\"#g\(k)\">\(HTML.escape(g.text))</a>" : HTML.escape(g.text) + " <small>(not located in the text)</small>"
            s += "<li><span class=\"m k-\(g.kind)\">\(label)</span> [\(HTML.escape(g.field))] \(text)\(g.detail.isEmpty ? "" : " <small>\(HTML.escape(g.detail))</small>")</li>"
        }
        return s + "</ul></div>"
    }

    // MARK: - Index

    /// One row of the index: id, title, doc number, date, place, counts per kind, findings, gold disagreements.
    public struct IndexRow: Sendable, Encodable {
        public var id: String
        public var title: String
        public var docNumber: String
        public var date: String
        public var place: String
        public var counts: [Int]
        public var findings: Int
        public var gold: Int
        enum CodingKeys: String, CodingKey { case id, title = "t", docNumber = "n", date = "d", place = "p", counts = "c", findings = "f", gold = "g" }
    }

    public static func indexRow(_ doc: ReviewDocument, findings: Int) -> IndexRow {
        let d = doc.record.document
        return IndexRow(id: d.id, title: d.title ?? "", docNumber: d.docNumber ?? "", date: d.date ?? "", place: d.place ?? "",
                        counts: ReviewRecord.counts(doc.record), findings: findings, gold: doc.gold.count)
    }

    /// `index-data.js`: the rows as one JSON value given to the index page.
    public static func indexData(_ rows: [IndexRow], gold: Bool) -> String {
        struct Data: Encodable { var kinds: [String]; var gold: Bool; var rows: [IndexRow] }
        return "window.REVIEW_INDEX=" + HTML.script(json(Data(kinds: ReviewRecord.countKinds, gold: gold, rows: rows))) + ";\n"
    }

    public static func indexPage(documents: Int, findings: Int, errors: [BatchError]) -> String {
        var body = "<header><h1>Review: \(documents) documents</h1><p><a href=\"findings.html\">\(findings) findings</a></p></header>"
        body += "<div id=\"bar\"><input id=\"q\" type=\"search\" placeholder=\"search title, id, doc number, date, place\" autofocus> "
        body += "<span id=\"shown\"></span> <button id=\"prev\">‹ previous</button> <span id=\"pageno\"></span> <button id=\"next\">next ›</button></div>"
        body += "<table id=\"index\"><thead></thead><tbody></tbody></table>"
        if !errors.isEmpty {
            body += "<h2>Not converted (\(errors.count))</h2><ul class=\"errors\">"
            for e in errors { body += "<li>\(HTML.escape(e.path)): \(HTML.escape(e.message))</li>" }
            body += "</ul>"
        }
        return page(title: "Review", style: indexStyle, body: body, script: indexScript, scriptFile: "index-data.js")
    }

    // MARK: - Findings page

    /// The findings page: its list is drawn from `findings-data.js`, 50 a page, those across documents first, with a
    /// filter by severity, by text and for cross-document findings only; `#f<number>` opens the page that holds it.
    public static func findingsPage(count: Int, cross: Int) -> String {
        var body = "<header><a href=\"index.html\">← all documents</a><h1>Findings (\(count))</h1>"
        body += "<p>\(cross) across documents, \(count - cross) within one document.</p>"
        body += "<div id=\"bar\"><label><input type=\"checkbox\" id=\"crossonly\"> across documents only</label> "
        body += "<select id=\"sev\"><option value=\"\">every severity</option><option>conflict</option><option>warning</option><option>consistent</option></select> "
        body += "<input id=\"q\" type=\"search\" placeholder=\"search check, claim, figures\"> <span id=\"shown\"></span> "
        body += "<button id=\"prev\">‹ previous</button> <span id=\"pageno\"></span> <button id=\"next\">next ›</button></div></header>"
        body += "<main class=\"findings\" id=\"list\"></main>"
        return page(title: "Findings — review", style: findingsStyle, body: body, script: findingsScript, scriptFile: "findings-data.js")
    }

    /// `findings-data.js`: every finding (across documents first, each keeping its number) and the title of every
    /// document that has a page.
    public static func findingsData(_ findings: [NumberedFinding], titles: [String: String]) -> String {
        struct Item: Encodable {
            var n: Int, s: String, c: String, l: String, st: String, co: String, to: String, de: String, x: Bool
            var e: [[String]]
        }
        struct Data: Encodable { var docs: [String: String]; var findings: [Item] }
        let ordered = findings.filter(\.crossDocument) + findings.filter { !$0.crossDocument }
        let items = ordered.map { f in
            Item(n: f.number, s: f.finding.severity.rawValue, c: f.finding.check, l: f.finding.claim, st: f.finding.stated, co: f.finding.computed,
                 to: f.finding.tolerance, de: f.finding.detail, x: f.crossDocument,
                 e: f.finding.evidence.map { [$0.document, evidenceAnchor($0.span), "\($0.span.line)", $0.text] })
        }
        var docs: [String: String] = [:]
        for f in findings { for d in f.documents { if let t = titles[d] { docs[d] = t } } }
        return "window.REVIEW_FINDINGS=" + HTML.script(json(Data(docs: docs, findings: items))) + ";\n"
    }

    // MARK: - Shared

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func page(title: String, style: String, body: String, script: String, scriptFile: String? = nil) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        s += "<title>\(HTML.escape(title))</title><style>\(baseStyle)\(style)\(kindStyle)</style></head><body>\n"
        s += body
        if let scriptFile { s += "<script src=\"\(scriptFile)\"></script>" }
        s += "<script>\(script)</script></body></html>\n"
        return s
    }

    /// A colour per legend kind, and the rule that turns it off (`body.off-<kind>`).
    static let kindStyle: String = ReviewMarks.kinds.map { k in
        let on = k.underline ? "border-bottom:2px solid \(k.color)" : "background:\(k.color)"
        return ".k-\(k.key){\(on)}body.off-\(k.key) #text .k-\(k.key){background:none;border-bottom:none}"
    }.joined()

    static let baseStyle = """
    body{font:14px/1.5 system-ui,"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:0;color:#222}
    header{padding:8px 16px;border-bottom:1px solid #ddd}h1{font-size:20px;margin:4px 0}h2{font-size:15px;margin:8px 0 4px}
    a{color:#0645ad}small{color:#666}table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
    .sev-conflict .sev,.sev-conflict>a{color:#c00;font-weight:bold}.sev-warning .sev,.sev-warning>a{color:#b36b00;font-weight:bold}
    """

    static let documentStyle = """
    #legend{padding:6px 16px;border-bottom:1px solid #ddd;position:sticky;top:0;background:#fff;z-index:2}
    .lg{margin-right:10px;white-space:nowrap;cursor:pointer}.lg .m{padding:0 3px}
    main{display:flex;gap:16px;padding:0 16px}#doc{flex:3;min-width:0}aside{flex:2;min-width:280px;max-height:calc(100vh - 90px);overflow:auto;position:sticky;top:40px}
    #text{white-space:pre-wrap;word-break:break-all;font:15px/1.9 "Noto Sans CJK SC","Noto Sans SC",system-ui,sans-serif}
    #text .m{cursor:pointer;padding-bottom:1px}#text [id]{scroll-margin-top:35vh}#text .m:target,#text .m.flash{outline:3px solid #f00}
    .panel{border:1px solid #ddd;border-radius:4px;padding:4px 8px;margin:8px 0}.panel ul{margin:2px 0;padding-left:18px}
    .panel table{font-size:12px}.hint{color:#888}#record table{font-size:13px}
    #tip{position:fixed;z-index:5;background:#fffef0;border:1px solid #999;padding:4px 8px;font-size:12px;max-width:420px;box-shadow:0 2px 6px #0003;pointer-events:none}
    #tip table,#record table{border:none}#tip td,#tip th{border:none;padding:0 6px 0 0}
    .note{background:#fee;padding:8px}
    """

    static let indexStyle = """
    #bar{padding:8px 16px}#q{width:360px;padding:4px}#index{margin:0 16px 16px;font-size:13px}#index th{cursor:pointer;background:#f4f4f4;user-select:none}
    #index th.asc::after{content:" ▲"}#index th.desc::after{content:" ▼"}#index td.n{text-align:right}
    """

    static let findingsStyle = """
    #bar{margin:6px 0}.findings{padding:0 16px}.finding h3{font-size:15px;margin:6px 0}.finding{border:1px solid #ddd;border-radius:4px;padding:4px 10px;margin:10px 0}.finding:target{outline:3px solid #f90}
    .finding h2 .sev{text-transform:uppercase;font-size:12px}body.crossonly .finding:not(.cross){display:none}h2.group{font-size:17px;margin-top:14px}
    """

    static let documentScript = """
    (function(){
    var body=document.body,tip=document.getElementById('tip'),panel=document.getElementById('record');
    document.querySelectorAll('#legend input').forEach(function(cb){cb.addEventListener('change',function(){body.classList.toggle('off-'+cb.dataset.k,!cb.checked);});});
    function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
    function label(k){var i=document.querySelector('#legend input[data-k="'+k+'"]');return i?i.parentNode.textContent:k;}
    function html(r){var s='<b>'+esc(label(r.k))+'</b> “'+esc(r.t)+'”<table>';r.f.forEach(function(p){s+='<tr><th>'+esc(p[0])+'</th><td>'+esc(p[1])+'</td></tr>';});return s+'</table>';}
    var text=document.getElementById('text');if(!text)return;
    function under(el){var all=[];while(el&&el.id!=='text'){if(el.dataset&&el.dataset.r!==undefined&&!body.classList.contains('off-'+R[+el.dataset.r].k))all.push(R[+el.dataset.r]);el=el.parentNode;}return all;}
    text.addEventListener('mousemove',function(e){var all=under(e.target);if(!all.length){tip.hidden=true;return;}tip.innerHTML=all.map(html).join('<hr>');tip.hidden=false;
      var x=Math.min(e.clientX+12,window.innerWidth-tip.offsetWidth-8),y=e.clientY+16;if(y+tip.offsetHeight>window.innerHeight)y=e.clientY-tip.offsetHeight-8;tip.style.left=x+'px';tip.style.top=y+'px';});
    text.addEventListener('mouseleave',function(){tip.hidden=true;});
    text.addEventListener('click',function(e){var all=under(e.target);if(all.length)panel.innerHTML='<h2>Record</h2>'+all.map(html).join('<hr>');});
    function flash(){var h=location.hash.slice(1);if(!h)return;var el=document.getElementById(h);if(el){el.scrollIntoView({block:'center'});el.classList.add('flash');setTimeout(function(){el.classList.remove('flash');},1500);}}
    window.addEventListener('hashchange',flash);flash();
    })();
    """

    static let indexScript = """
    (function(){
    var D=window.REVIEW_INDEX,rows=D.rows,size=100,page=0,key='id',dir=1,q='';
    var cols=[['id','id'],['t','title'],['n','doc number'],['d','date'],['p','place']];
    D.kinds.forEach(function(k,i){cols.push(['c'+i,k]);});cols.push(['f','findings']);if(D.gold)cols.push(['g','gold']);
    function val(r,k){return k.charAt(0)==='c'&&k.length>1?r.c[+k.slice(1)]:r[k];}
    function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
    var head=document.querySelector('#index thead'),tbody=document.querySelector('#index tbody');
    head.innerHTML='<tr>'+cols.map(function(c){return '<th data-k="'+c[0]+'">'+esc(c[1])+'</th>';}).join('')+'</tr>';
    head.addEventListener('click',function(e){var k=e.target.dataset.k;if(!k)return;dir=(key===k)?-dir:1;key=k;page=0;render();});
    var view=rows;
    function filter(){var s=q.toLowerCase();view=!s?rows.slice():rows.filter(function(r){return (r.id+' '+r.t+' '+r.n+' '+r.d+' '+r.p).toLowerCase().indexOf(s)>=0;});
      view.sort(function(a,b){var x=val(a,key),y=val(b,key);return (x<y?-1:x>y?1:0)*dir;});}
    function render(){filter();var pages=Math.max(1,Math.ceil(view.length/size));if(page>=pages)page=pages-1;
      var out=[];view.slice(page*size,page*size+size).forEach(function(r){
        var href='docs/'+encodeURIComponent(r.id)+'.html';
        var s='<tr><td><a href="'+href+'">'+esc(r.id)+'</a></td><td><a href="'+href+'">'+esc(r.t||'(no title)')+'</a></td><td>'+esc(r.n)+'</td><td>'+esc(r.d)+'</td><td>'+esc(r.p)+'</td>';
        r.c.forEach(function(n){s+='<td class="n">'+n+'</td>';});s+='<td class="n">'+r.f+'</td>';if(D.gold)s+='<td class="n">'+r.g+'</td>';out.push(s+'</tr>');});
      tbody.innerHTML=out.join('');
      head.querySelectorAll('th').forEach(function(th){th.className=th.dataset.k===key?(dir>0?'asc':'desc'):'';});
      document.getElementById('shown').textContent=view.length+' of '+rows.length+' documents';
      document.getElementById('pageno').textContent='page '+(page+1)+' of '+pages;
      document.getElementById('prev').disabled=page===0;document.getElementById('next').disabled=page>=pages-1;}
    var timer;document.getElementById('q').addEventListener('input',function(e){clearTimeout(timer);timer=setTimeout(function(){q=e.target.value;page=0;render();},120);});
    document.getElementById('prev').addEventListener('click',function(){page--;render();});
    document.getElementById('next').addEventListener('click',function(){page++;render();});
    render();
    })();
    """

    static let findingsScript = """
    (function(){
    var D=window.REVIEW_FINDINGS,F=D.findings,size=50,page=0,view=F;
    var cross=document.getElementById('crossonly'),sev=document.getElementById('sev'),q=document.getElementById('q'),list=document.getElementById('list');
    function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
    function filter(){var s=q.value.toLowerCase();view=F.filter(function(f){return (!cross.checked||f.x)&&(!sev.value||f.s===sev.value)&&
      (!s||(f.c+' '+f.l+' '+f.st+' '+f.co+' '+f.de).toLowerCase().indexOf(s)>=0);});}
    function row(k,v){return '<tr><th>'+k+'</th><td>'+esc(v)+'</td></tr>';}
    function card(f){var s='<article class="finding sev-'+f.s+(f.x?' cross':'')+'" id="f'+f.n+'"><h3><span class="sev">'+f.s+'</span> '+esc(f.c)+': '+esc(f.l)+'</h3><table>'
      +row('stated',f.st)+row('computed',f.co)+row('tolerance',f.to)+(f.de?row('detail',f.de):'')+'</table><ul>';
      f.e.forEach(function(e){var t=D.docs[e[0]],where=esc(e[0])+' line '+e[2];
        s+=t!==undefined?'<li><a class="ev" href="docs/'+encodeURIComponent(e[0])+'.html#'+e[1]+'">'+esc(e[3])+'</a> <small>'+esc(t)+' · '+where+'</small></li>'
          :'<li>'+esc(e[3])+' <small>'+where+' (no page)</small></li>';});
      return s+'</ul></article>';}
    function render(){var pages=Math.max(1,Math.ceil(view.length/size));if(page>=pages)page=pages-1;if(page<0)page=0;
      var out=[],last=null;view.slice(page*size,page*size+size).forEach(function(f){if(f.x!==last){out.push('<h2 class="group">'+(f.x?'Across documents':'Within one document')+'</h2>');last=f.x;}out.push(card(f));});
      list.innerHTML=out.join('');document.getElementById('shown').textContent=view.length+' of '+F.length+' findings';
      document.getElementById('pageno').textContent='page '+(page+1)+' of '+pages;
      document.getElementById('prev').disabled=page===0;document.getElementById('next').disabled=page>=pages-1;}
    function update(){filter();page=0;render();}
    cross.addEventListener('change',update);sev.addEventListener('change',update);
    var timer;q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(update,120);});
    document.getElementById('prev').addEventListener('click',function(){page--;render();window.scrollTo(0,0);});
    document.getElementById('next').addEventListener('click',function(){page++;render();window.scrollTo(0,0);});
    function open(){var m=/^#f(\\d+)$/.exec(location.hash);if(!m){render();return;}var n=+m[1];
      filter();var i=view.findIndex(function(f){return f.n===n;});if(i<0){cross.checked=false;sev.value='';q.value='';filter();i=view.findIndex(function(f){return f.n===n;});}
      page=i<0?0:Math.floor(i/size);render();var el=document.getElementById('f'+n);if(el)el.scrollIntoView();}
    window.addEventListener('hashchange',open);open();
    })();
    """
}

/// Writes a review site into a folder: each document's page as it comes (one document in memory at a time), then
/// the index, its data and the findings page.
public final class ReviewSiteWriter {
    public let directory: String
    let findings: [ReviewSite.NumberedFinding]
    /// Findings by the documents their evidence names.
    let byDocument: [String: [ReviewSite.NumberedFinding]]
    var rows: [ReviewSite.IndexRow] = []
    var titles: [String: String] = [:]
    var gold = false
    public private(set) var errors: [BatchError] = []

    /// `findings`: every finding the site lists (each document's and the cross-document ones).
    public init(directory: String, findings: [Finding]) throws {
        self.directory = directory
        self.findings = findings.enumerated().map { ReviewSite.NumberedFinding(number: $0.offset + 1, finding: $0.element) }
        var by: [String: [ReviewSite.NumberedFinding]] = [:]
        for f in self.findings { for d in f.documents { by[d, default: []].append(f) } }
        byDocument = by
        try FileManager.default.createDirectory(atPath: (directory as NSString).appendingPathComponent("docs"), withIntermediateDirectories: true)
    }

    public func add(_ doc: ReviewDocument) throws {
        let id = doc.record.document.id
        let mine = byDocument[id] ?? []
        try write(ReviewSite.documentPage(doc, findings: mine), ReviewSite.pageFile(id))
        rows.append(ReviewSite.indexRow(doc, findings: mine.count))
        titles[id] = doc.record.document.title ?? id
        if !doc.gold.isEmpty { gold = true }
    }

    public func addErrors(_ e: [BatchError]) { errors += e }

    /// Writes the index, its data and the findings page; returns the number of documents.
    @discardableResult public func finish() throws -> Int {
        try write(ReviewSite.indexData(rows, gold: gold), "index-data.js")
        try write(ReviewSite.indexPage(documents: rows.count, findings: findings.count, errors: errors), "index.html")
        try write(ReviewSite.findingsData(findings, titles: titles), "findings-data.js")
        try write(ReviewSite.findingsPage(count: findings.count, cross: findings.filter(\.crossDocument).count), "findings.html")
        return rows.count
    }

    func write(_ s: String, _ relative: String) throws {
        let url = URL(fileURLWithPath: (directory as NSString).appendingPathComponent(relative))
        try Data(s.utf8).write(to: url, options: .atomic)
    }
}

extension ReviewSite {
    /// Builds a site from batch folders and inputs: batch folders' records (text decoded again from each source) and
    /// findings; inputs run through the pipeline, their cross-document findings computed over them. `goldDirectory`
    /// marks misses and false positives (inputs only). Returns the number of documents written.
    @discardableResult
    public static func build(_ paths: [String], out: String, pipeline: PipelineDefinition = .builtIn, goldDirectory: String? = nil) throws -> Int {
        let folders = paths.filter(ReviewInput.isBatchFolder)
        let inputs = paths.filter { !ReviewInput.isBatchFolder($0) }
        var findings: [Finding] = []
        for f in folders { findings += try ReviewInput.batchFindings(f) }
        if !inputs.isEmpty {
            // A first pass for the findings, so that every document page can hold the anchors of its evidence.
            var claims: [DocumentClaims] = []
            try ReviewInput.forEachInputDocument(inputs, pipeline: pipeline) { doc in
                findings += doc.record.findings
                claims.append(ClaimExtractor.claims(doc.record))
            }
            findings = Validator.sorted(findings + Validator.runCrossDocumentChecks(claims))
        }
        let writer = try ReviewSiteWriter(directory: out, findings: findings)
        let archives = ReviewInput.ArchiveCache()
        for folder in folders {
            try ReviewInput.forEachBatchRecord(folder) { record in
                let (text, note) = ReviewInput.originalText(of: record, batchFolder: folder, archives: archives)
                try writer.add(ReviewDocument(record: record, original: text, textNote: note))
            }
            writer.addErrors(batchErrors(folder))
        }
        if !inputs.isEmpty {
            try ReviewInput.forEachInputDocument(inputs, pipeline: pipeline, goldDirectory: goldDirectory, errors: { writer.addErrors($0) }) {
                try writer.add($0)
            }
        }
        return try writer.finish()
    }

    /// The lines of a batch folder's `errors.jsonl`.
    static func batchErrors(_ folder: String) -> [BatchError] {
        struct Line: Decodable { var path: String; var reason: String; var message: String; var byte_offset: Int? }
        var out: [BatchError] = []
        try? ReviewInput.forEachLine((folder as NSString).appendingPathComponent("errors.jsonl")) { data, _ in
            if let l = try? JSONDecoder().decode(Line.self, from: data) { out.append(BatchError(path: l.path, reason: l.reason, message: l.message, byteOffset: l.byte_offset)) }
        }
        return out
    }
}
