// The report's last section: each article the page cites, with its claims and their
// sentences, as the target of every source link (#article-ID).
#include <algorithm>

#include "cli/html_text.h"
#include "cli/report_parts.h"

namespace newsfacts {

void WriteArticlesSection(const ReportInput& input, const ListedArticles& articles,
                          std::ostream& out) {
  out << "<section id=\"articles\"><h2>Articles and their facts</h2>\n"
         "<p class=\"intro\">Every article the sections above cite, with each claim it makes "
         "and the sentence that makes it.</p>\n";
  for (size_t i = 0; i < articles.order.size(); ++i) {
    const auto& claims = articles.claims[i];
    if (claims.empty()) continue;
    const ComparedClaim& any = *claims.front().second;
    out << "<article class=\"source-article filterable\" id=\"article-" << articles.order[i]
        << "\"><h3>" << HtmlEscape(any.title.empty() ? any.path : any.title) << "</h3>"
        << "<p class=\"meta\">" << HtmlEscape(any.source.empty() ? "(no outlet)" : any.source)
        << " · " << HtmlEscape(any.published.empty() ? "undated" : any.published) << " · <code>"
        << HtmlEscape(any.path) << "</code></p><ul>";
    int shown = 0;
    for (const auto& [fact, claim] : claims) {
      if (shown++ == input.limits.claims_per_article) break;
      out << "<li>" << FactHtml(*fact) << " <mark class=\"amount\">" << HtmlEscape(claim->amount)
          << "</mark><br>" << EvidenceHtml(*claim) << "</li>";
    }
    out << "</ul>\n";
    WriteCutNote(std::min(shown, input.limits.claims_per_article), static_cast<int>(claims.size()),
                 "facts of this article", "`newsfacts query` on the facts view lists them all",
                 out);
    out << "</article>\n";
  }
  // The corpus may hold more articles than the page lists: say so.
  WriteCutNote(static_cast<int>(articles.order.size()), static_cast<int>(input.overview.articles),
               "articles", "only those whose facts the sections above cite are listed", out);
  out << "</section>\n";
}

}  // namespace newsfacts
