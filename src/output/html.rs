//! `--format html`: one self-contained review page (no network, no external assets). Each document's text
//! shows its mentions highlighted by type and its quotations marked with their speaker; a sortable, filterable
//! quotation table jumps to each quotation in its text.
//!
//! The rows travel as one JSON payload in the page and documents are rendered only when opened, so a page for
//! 1,000 documents stays light. Text is always inserted with `textContent`, never as markup: article text
//! cannot inject HTML. The filter matches what was said and by whom (speaker, their words, the quotation, the
//! cue), not the document's name, which has a filter of its own; `#filter=WORDS&doc=NAME` in the address
//! pre-fills them. The table's columns keep their place however long the names: Method and Document never
//! scroll out of view.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::pipeline::Extractor;

use super::Warning;
use super::collect::{Collected, RunFile, RunSink};

/// The review page sink.
pub type HtmlSink = RunSink<Html>;

/// The review page, `review.html`.
pub struct Html;

impl RunFile for Html {
    const NAME: &'static str = "review.html";

    fn write(run: &Collected, extractor: &Extractor, file: File, name: &Path) -> Result<Vec<Warning>> {
        let mut out = BufWriter::new(file);
        write_review_page(&mut out, "whosaid review", run, extractor)
            .and_then(|()| out.flush())
            .map_err(|e| Error::output_io(name, e))?;
        Ok(Vec::new())
    }
}

/// A mention on the page: [start, end, type, entity, role, country, source] (code points).
type PageMention<'a> = (usize, usize, &'a str, &'a str, &'a str, &'a str, &'a str);
/// A quotation on the page: [start, end, kind, speaker, method, cue, speaker words, quote_id, part_of].
type PageQuote<'a> = (usize, usize, &'a str, Cow<'a, str>, &'a str, &'a str, &'a str, String, String);

#[derive(Serialize)]
struct PageDoc<'a> {
    id: &'a str,
    text: Cow<'a, str>,
    m: Vec<PageMention<'a>>,
    q: Vec<PageQuote<'a>>,
}

#[derive(Serialize)]
struct Page<'a> {
    title: &'a str,
    /// The quotation kinds, in the tables' order (the kind filter's choices).
    kinds: Vec<&'static str>,
    docs: Vec<PageDoc<'a>>,
}

/// Writes the review page of `run`.
fn write_review_page(out: &mut impl Write, title: &str, run: &Collected, extractor: &Extractor) -> io::Result<()> {
    let docs = run
        .docs()
        .iter()
        .map(|d| PageDoc {
            id: d.id(),
            text: d.text(),
            m: d.mentions(extractor)
                .map(|m| (m.start, m.end, m.mention_type, m.entity, m.role, m.country, m.source))
                .collect(),
            q: d.quotes(extractor)
                .map(|q| {
                    let (start, end, kind, speaker, method, cue) =
                        (q.quote_start, q.quote_end, q.kind, q.speaker, q.method, q.cue);
                    (start, end, kind, speaker, method, cue, q.speaker_mention, q.quote_id, q.part_of)
                })
                .collect(),
        })
        .collect();
    let kinds = crate::quote::QuoteKind::ALL.iter().map(|k| k.as_str()).collect();
    let page = Page { title, kinds, docs };
    // JSON inside <script>: no "<" at all, so nothing in an article can close or open an element
    let json = serde_json::to_string(&page).map_err(io::Error::other)?.replace('<', "\\u003c");
    out.write_all(HEAD.as_bytes())?;
    write!(out, "<title>{}</title>", escape(title))?;
    out.write_all(STYLE.as_bytes())?;
    out.write_all(BODY.as_bytes())?;
    write!(out, "<script id=\"data\" type=\"application/json\">{json}</script>")?;
    out.write_all(SCRIPT.as_bytes())?;
    out.write_all(b"</body></html>\n")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const HEAD: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";

const STYLE: &str = r#"<style>
:root{--ink:#1f2933;--muted:#62707d;--line:#d9e0e7;--bg:#f6f8fa;--person:#fde2a7;--country:#c6e6ff;--org:#d9f2d0;--loc:#e7dcff;--demonym:#ffd9e6;--quote:#fff7d6}
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:10px 24px;display:flex;flex-wrap:wrap;gap:16px;align-items:center}
h1{font-size:18px;margin:0 12px 0 0}h1 small{font-weight:400;color:var(--muted)}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:10px;font-size:12px}
main{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:20px;padding:16px 24px}
@media (max-width:1000px){main{grid-template-columns:1fr}}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px;min-width:0}
h2{font-size:15px;margin:0 0 8px}
.controls{display:flex;gap:8px;margin-bottom:8px}.controls input{flex:1;min-width:0;padding:6px 9px;border:1px solid var(--line);border-radius:6px;font:inherit}.controls input#docfilter{flex:0.5}
.controls select{padding:6px;border:1px solid var(--line);border-radius:6px;font:inherit}
table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px}th{position:sticky;top:0;background:#eef2f6;text-align:left;padding:6px;cursor:pointer;user-select:none;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
th.sorted::after{content:" ▾"}th.sorted.up::after{content:" ▴"}td{padding:6px;border-top:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
col.c-speaker{width:17%}col.c-kind{width:12%}col.c-method{width:15%}col.c-doc{width:17%}
tr.qrow{cursor:pointer}tr.qrow:hover{background:#f3f7fb}.count{color:var(--muted);font-size:13px;margin-left:8px}.part{display:block;color:var(--muted);font-size:11px}
.tablewrap{max-height:calc(100vh - 170px);overflow:auto}
details{border-top:1px solid var(--line);padding:6px 0}details:first-of-type{border-top:0}summary{cursor:pointer;font-weight:600;overflow-wrap:anywhere}summary small{font-weight:400;color:var(--muted)}
.text{white-space:pre-wrap;margin:8px 0 4px;font-family:Georgia,"Times New Roman",serif;font-size:15.5px;line-height:1.7}
mark{border-radius:3px;padding:0 1px;color:inherit}mark.PERSON{background:var(--person)}mark.COUNTRY{background:var(--country)}mark.ORGANIZATION{background:var(--org)}mark.LOCATION{background:var(--loc)}mark.DEMONYM{background:var(--demonym)}
.q{background:var(--quote);border-bottom:2px solid #e0b400}.q.term{background:none;border-bottom:1px dashed #aab4bf}.q.indirect,.q.mixed{border-bottom:2px dotted #7a8793;background:none}
.who{display:inline-block;font:600 11px system-ui,sans-serif;color:#fff;background:#3a5a80;border-radius:8px;padding:0 6px;margin:0 3px;vertical-align:1px}
.flash{outline:3px solid #e0b400;outline-offset:2px}
.kind{font-size:11px;padding:1px 6px;border-radius:8px;background:#eef2f6}
</style></head>"#;

const BODY: &str = r#"<body><header><h1>whosaid review <small id="stats"></small></h1>
<div class="legend"><span style="background:var(--person)">PERSON</span><span style="background:var(--country)">COUNTRY</span><span style="background:var(--org)">ORGANIZATION</span><span style="background:var(--loc)">LOCATION</span><span style="background:var(--demonym)">DEMONYM</span><span style="background:var(--quote);border-bottom:2px solid #e0b400">quotation</span></div></header>
<main><section id="quotes"><h2>Quotations<span class="count" id="qcount"></span></h2>
<div class="controls"><input id="filter" type="search" placeholder="Filter by speaker, words, cue…" aria-label="filter">
<input id="docfilter" type="search" placeholder="Document…" aria-label="document">
<select id="kind" aria-label="kind"><option value="">all kinds</option></select></div>
<div class="tablewrap"><table id="qt"><colgroup><col class="c-speaker"><col class="c-quote"><col class="c-kind"><col class="c-method"><col class="c-doc"></colgroup><thead><tr><th data-k="speaker">Speaker</th><th data-k="quote">Quotation</th><th data-k="kind">Kind</th><th data-k="method">Method</th><th data-k="doc">Document</th></tr></thead><tbody></tbody></table></div></section>
<section id="docs"><h2>Documents<span class="count" id="dcount"></span></h2><div id="doclist"></div></section></main>
"#;

const SCRIPT: &str = r#"<script>
(function(){
const data=JSON.parse(document.getElementById('data').textContent);
const docs=data.docs, rows=[];
docs.forEach((d,di)=>d.q.forEach((q,qi)=>rows.push({di,qi,doc:d.id,kind:q[2],speaker:q[3]||'',method:q[4],cue:q[5],who:q[6],id:q[7],partOf:q[8],quote:null})));
function chars(d){return d._c||(d._c=Array.from(d.text));}
function quoteText(r){const d=docs[r.di],q=d.q[r.qi];return chars(d).slice(q[0],q[1]).join('');}
// the filter looks at what was said and by whom; the document's name has a filter of its own
rows.forEach(r=>{r.quote=quoteText(r);r.hay=(r.speaker+' '+r.who+' '+r.quote+' '+r.cue).toLowerCase();r.dochay=r.doc.toLowerCase();});
const el=(t,c,txt)=>{const e=document.createElement(t);if(c)e.className=c;if(txt!==undefined)e.textContent=txt;return e;};
const kindSel=document.getElementById('kind');data.kinds.forEach(k=>kindSel.appendChild(el('option',null,k)));
// attributions: a mixed clause counts once with the quoted fragments that are part of it; terms are no speech
const attributions=rows.filter(r=>r.kind!=='term'&&!r.partOf).length;
document.getElementById('stats').textContent=docs.length+' documents · '+rows.length+' quotations · '+attributions+' attributions';
// documents, rendered when opened
const list=document.getElementById('doclist');
docs.forEach((d,di)=>{const det=el('details');det.id='doc-'+di;const s=el('summary',null,d.id+' ');s.appendChild(el('small',null,d.m.length+' mentions, '+d.q.length+' quotations'));det.appendChild(s);det.addEventListener('toggle',()=>{if(det.open)render(di);});list.appendChild(det);});
document.getElementById('dcount').textContent=docs.length;
function render(di){const d=docs[di];const det=document.getElementById('doc-'+di);if(det._done)return;det._done=true;
 const c=chars(d),cuts=new Set([0,c.length]);d.m.forEach(m=>{cuts.add(m[0]);cuts.add(m[1]);});d.q.forEach(q=>{cuts.add(q[0]);cuts.add(q[1]);});
 const pts=[...cuts].filter(x=>x>=0&&x<=c.length).sort((a,b)=>a-b);const box=el('div','text');
 for(let i=0;i+1<pts.length;i++){const a=pts[i],b=pts[i+1];let node=document.createTextNode(c.slice(a,b).join(''));
  const m=d.m.find(m=>m[0]<=a&&b<=m[1]);if(m){const k=el('mark',m[2]);k.title=m[3]+' · '+m[2]+(m[4]?' · '+m[4]:'')+(m[5]?' · '+m[5]:'')+' · '+m[6];k.appendChild(node);node=k;}
  let qi=-1;d.q.forEach((q,j)=>{if(q[0]<=a&&b<=q[1]&&(qi<0||q[1]-q[0]<d.q[qi][1]-d.q[qi][0]))qi=j;});
  if(qi>=0){const q=d.q[qi];const s=el('span','q '+q[2]);s.dataset.q=qi;s.title=q[2]+(q[3]?' · said by '+q[3]:'')+(q[4]?' · '+q[4]:'');
   if(a===q[0]){s.id='q-'+di+'-'+qi;if(q[3]){box.appendChild(el('span','who',q[3]));}}s.appendChild(node);node=s;}
  box.appendChild(node);}
 det.appendChild(box);}
// quotation table
const tbody=document.querySelector('#qt tbody');
rows.forEach(r=>{const tr=el('tr','qrow');tr.appendChild(el('td',null,r.speaker||'—'));tr.appendChild(el('td','quote',r.quote));const k=el('td');k.appendChild(el('span','kind',r.kind));if(r.partOf)k.appendChild(el('span','part','part of '+r.partOf));tr.appendChild(k);tr.appendChild(el('td',null,r.method));const dc=el('td','doc',r.doc);dc.title=r.doc;tr.appendChild(dc);
 tr.addEventListener('click',()=>jump(r));r.tr=tr;tbody.appendChild(tr);});
function jump(r){const det=document.getElementById('doc-'+r.di);det.open=true;render(r.di);const t=document.getElementById('q-'+r.di+'-'+r.qi);if(t){t.scrollIntoView({block:'center',behavior:'smooth'});t.classList.add('flash');setTimeout(()=>t.classList.remove('flash'),1600);}}
const f=document.getElementById('filter'),df=document.getElementById('docfilter'),kind=kindSel;
function apply(){const words=f.value.toLowerCase().split(/\s+/).filter(Boolean),dw=df.value.toLowerCase().split(/\s+/).filter(Boolean),k=kind.value;let n=0;
 rows.forEach(r=>{const ok=(!k||r.kind===k)&&words.every(w=>r.hay.includes(w))&&dw.every(w=>r.dochay.includes(w));r.tr.hidden=!ok;if(ok)n++;});
 document.getElementById('qcount').textContent=n+' of '+rows.length;}
f.addEventListener('input',apply);df.addEventListener('input',apply);kind.addEventListener('change',apply);
let sortKey=null,asc=true;document.querySelectorAll('#qt th').forEach(th=>th.addEventListener('click',()=>{const k=th.dataset.k;asc=sortKey===k?!asc:true;sortKey=k;
 document.querySelectorAll('#qt th').forEach(h=>h.classList.remove('sorted','up'));th.classList.add('sorted');if(!asc)th.classList.add('up');
 rows.slice().sort((a,b)=>(a[k]||'').localeCompare(b[k]||'')*(asc?1:-1)).forEach(r=>tbody.appendChild(r.tr));}));
const params=new URLSearchParams(location.hash.slice(1));if(params.has('filter'))f.value=params.get('filter');if(params.has('doc'))df.value=params.get('doc');
apply();
if(docs.length)(function(){const first=document.getElementById('doc-0');first.open=true;render(0);})();
document.body.dataset.ready='1';document.body.dataset.readyMs=String(Math.round(performance.now()));
})();
</script>"#;
