/// The review site's inline CSS and JavaScript: written into every page, so that the site opens from disk with no
/// network. The scripts read only what the pages carry (`R`, the records of a document page; `REVIEW_INDEX` and
/// `REVIEW_FINDINGS`, from `index-data.js` and `findings-data.js`).
extension ReviewSite {
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
