// The report's last section: each article the page cites, with its claims and their
// sentences, as the target of every source link (#article-ID).
#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {

void WriteArticlesSection(const ReportInput& input, std::ostream& out) {
  const ListedArticles& articles = input.shown.articles;
  out << "<section id=\"articles\"><h2>Articles and their facts</h2>\n"
         "<p class=\"intro\">Every article the sections above cite, with each claim it makes "
         "and the sentence that makes it.</p>\n";
  for (size_t i = 0; i < articles.order.size(); ++i) {
    const auto& claims = articles.claims[i];
    if (claims.empty()) continue;
    const ComparedClaim& any = claims.front().second;
    out << "<article class=\"source-article filterable\" id=\"article-" << articles.order[i]
        << "\"><h3>" << HtmlEscape(any.title.empty() ? any.path : any.title) << "</h3>"
        << "<p class=\"meta\">" << HtmlEscape(any.source.empty() ? "(no outlet)" : any.source)
        << " · " << HtmlEscape(any.published.empty() ? "undated" : any.published) << " · <code>"
        << HtmlEscape(any.path) << "</code></p><ul>";
    for (const auto& [fact_index, claim] : claims) {
      out << "<li>" << FactHtml(input.comparison.facts[fact_index]) << " <mark class=\"amount\">"
          << HtmlEscape(claim.amount) << "</mark><br>" << EvidenceHtml(claim) << "</li>";
    }
    out << "</ul>\n";
    WriteCutNote(static_cast<int>(claims.size()), articles.claim_totals[i], "facts of this article",
                 "`newsfacts query` on the facts view lists them all", out);
    out << "</article>\n";
  }
  // The corpus may hold more articles than the page lists: say so.
  WriteCutNote(static_cast<int>(articles.order.size()), static_cast<int>(input.overview.articles),
               "articles", "only those whose facts the sections above cite are listed", out);
  out << "</section>\n";
}

}  // namespace newsfacts
