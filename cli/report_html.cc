// The page around the report's sections: head (a Content-Security-Policy that forbids every
// fetch, inline CSS), header, navigation, and the one small script (a filter box).
#include "cli/report_html.h"

#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {
namespace {

// No network at all: the page may only use its own inline style and script and data: images.
constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsfacts report">
)";

constexpr std::string_view kStyle = R"(<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1f3354;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;opacity:.85}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #d8dde6;padding:8px 28px;z-index:2;display:flex;gap:18px;align-items:center;flex-wrap:wrap}
nav a{color:#1f3354;text-decoration:none;font-weight:600}
nav input{margin-left:auto;padding:4px 8px;border:1px solid #b8c1d1;border-radius:4px;min-width:220px}
main{padding:8px 28px 40px;max-width:1400px}
section{margin-top:28px}
h2{border-bottom:2px solid #1f3354;padding-bottom:4px}
h3{margin:18px 0 8px}
h3 small,li small{color:#5b6678;font-weight:normal}
.figures{display:flex;gap:12px;flex-wrap:wrap}
.figure{background:#fff;border:1px solid #d8dde6;border-radius:6px;padding:10px 16px;min-width:110px}
.figure b{display:block;font-size:26px;color:#1f3354}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:18px}
.bars{background:#fff;border:1px solid #d8dde6;border-radius:6px;padding:4px 14px 12px}
.bar{display:grid;grid-template-columns:180px 1fr 48px;gap:8px;align-items:center;font-size:13px}
.bar .label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.track{background:#eef1f5;height:12px;border-radius:3px}
.fill{display:block;height:12px;background:#4a78c2;border-radius:3px}
.n,.num{text-align:right;font-variant-numeric:tabular-nums}
.bars table{width:100%}
.wide{grid-column:1/-1}
table{border-collapse:collapse;background:#fff;font-size:13px}
td,th{border:1px solid #d8dde6;padding:4px 8px;vertical-align:top;text-align:left}
table.facts{width:100%}
.conflict,.entity,.source-article{background:#fff;border:1px solid #d8dde6;border-radius:6px;padding:2px 16px 12px;margin:12px 0}
.conflict{border-left:5px solid #c0392b}
.pair{display:grid;grid-template-columns:1fr 36px 1fr;gap:10px;margin:10px 0}
.side{background:#fbfbfc;border:1px solid #e3e6ec;border-radius:6px;padding:8px 12px}
.vs{align-self:center;text-align:center;color:#c0392b;font-weight:700}
.big{font-size:20px;font-weight:700;color:#c0392b}
blockquote{margin:6px 0}
mark.amount{background:#ffe08a;padding:0 2px;border-radius:2px}
.ent{font-weight:600}
.pred{font-family:ui-monospace,monospace;color:#2d5f99}
.status,.src,.meta,.date{color:#5b6678;font-size:13px}
.verdict{font-size:11px;text-transform:uppercase;border-radius:3px;padding:1px 5px;color:#fff;background:#7a869a}
.verdict.conflict{background:#c0392b;border:0;padding:1px 5px;margin:0}
.verdict.agree{background:#2e8b57}
.cut,.note{background:#fff7e0;border:1px solid #f0d58a;padding:6px 10px;border-radius:4px}
.graph{background:#fff;border:1px solid #d8dde6;border-radius:6px;overflow:auto;max-height:900px}
.graph svg{max-width:100%;height:auto}
.hidden{display:none}
</style>
)";

// The filter box hides the entries whose text does not hold what is typed; the marker on
// <body> tells a test that the script ran.
constexpr std::string_view kScript = R"(<script>
(function () {
  var box = document.getElementById('filter');
  var items = document.querySelectorAll('.filterable');
  box.addEventListener('input', function () {
    var needle = box.value.toLowerCase();
    for (var i = 0; i < items.length; i++) {
      items[i].classList.toggle('hidden', needle !== '' &&
          items[i].textContent.toLowerCase().indexOf(needle) < 0);
    }
  });
  document.body.setAttribute('data-script', 'ok');
})();
</script>
)";

// The title bar: the database and the filters the page was built with.
void WriteHeader(const ReportInput& input, std::ostream& out) {
  std::string about = "Database " + input.db_path;
  if (!input.entity.empty()) about += " · entity " + input.entity;
  if (!input.since.empty()) about += " · articles published since " + input.since;
  out << "<header><h1>newsfacts report</h1><p>" << HtmlEscape(about) << "</p></header>\n"
      << "<nav><a href=\"#overview\">Overview</a><a href=\"#conflicts\">Conflicts</a>"
         "<a href=\"#agreements\">Agreements</a><a href=\"#graph\">Graph</a>"
         "<a href=\"#entities\">Entities</a><a href=\"#articles\">Articles</a>"
         "<input id=\"filter\" type=\"search\" placeholder=\"Filter facts and entities\" "
         "aria-label=\"Filter\"></nav>\n";
}

}  // namespace

void WriteReportHtml(const ReportInput& input, std::ostream& out) {
  out << kHead << "<title>newsfacts report: " << HtmlEscape(input.db_path) << "</title>\n"
      << kStyle << "</head>\n<body>\n";
  WriteHeader(input, out);
  out << "<main>\n";
  WriteOverviewSection(input, out);
  WriteConflictsSection(input, out);
  WriteAgreementsSection(input, out);
  WriteGraphSection(input, out);
  WriteEntitiesSection(input, out);
  WriteArticlesSection(input, out);
  out << "</main>\n" << kScript << "</body></html>\n";
}

}  // namespace newsfacts
