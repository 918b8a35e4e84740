// The report's HTML pieces: escaping, the amount highlight, and the caps that keep the page
// of a large database small (each cut said on the page).
#include "cli/report_html.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/html_text.h"

namespace newsfacts {
namespace {

TEST(HtmlTextTest, EscapesEveryCharacterThatEndsTextOrAnAttribute) {
  struct Case {
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"plain", "plain"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a \"quoted\" 'word' & more", "a &quot;quoted&quot; &#39;word&#39; &amp; more"},
      {"AT&amp;T", "AT&amp;amp;T"},
      {"€3bn — ü", "€3bn — ü"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(HtmlEscape(c.input), c.expected);
  }
}

TEST(HtmlTextTest, HighlightsTheFirstOccurrenceOfTheAmount) {
  EXPECT_EQ(HighlightAmount("X paid $5m <cash> for Y, $5m", "$5m"),
            "X paid <mark class=\"amount\">$5m</mark> &lt;cash&gt; for Y, $5m");
  EXPECT_EQ(HighlightAmount("No amount <here>", ""), "No amount &lt;here&gt;");
  EXPECT_EQ(HighlightAmount("Elsewhere", "$1"), "Elsewhere");
  EXPECT_EQ(HighlightAmount("a <b>", "<b>"), "a <mark class=\"amount\">&lt;b&gt;</mark>");
}

// Claim `number` of a fact `subject acquired Target`, from article `number`.
ComparedClaim Claim(const std::string& subject, int number) {
  ComparedClaim claim;
  claim.claim_id = static_cast<int64_t>(subject.size()) * 100 + number;
  claim.article_id = number;
  // Built piecewise: GCC 12 warns falsely on "$" + std::to_string(...) (-Wrestrict).
  claim.amount = std::to_string(number);
  claim.amount.insert(0, 1, '$');
  claim.amount += " million";
  claim.evidence = subject + " paid " + claim.amount + " for Target.";
  claim.title = std::string("Article ") += std::to_string(number);
  return claim;
}

// A fact `subject acquired Target` stated by `articles` articles (claims 1, 2, ...),
// conflicting when asked (claims 1 and 2).
ComparedFact Fact(const std::string& subject, int articles, bool conflict) {
  ComparedFact fact;
  fact.subject = subject;
  fact.predicate = "acquired";
  fact.object = "Target";
  fact.articles = articles;
  fact.claim_count = articles;
  fact.verdict = conflict ? Verdict::kConflict : Verdict::kAgree;
  if (conflict) {
    fact.conflicts = {{Claim(subject, 1).claim_id, Claim(subject, 2).claim_id}};
    fact.conflict_pairs = 1;
  }
  return fact;
}

TEST(ReportHtmlTest, LongListsAreCutAndThePageSaysSo) {
  ReportInput input;
  input.db_path = "big.db";
  input.overview.articles = 1000;
  for (const std::string subject : {"A", "BB", "CCC", "DDDD"}) {
    input.comparison.facts.push_back(Fact(subject, 2, true));
    for (int number : {1, 2}) {
      const ComparedClaim claim = Claim(subject, number);
      input.shown.by_id.emplace(claim.claim_id, claim);
    }
  }
  for (const std::string subject : {"EEEEE", "FFFFFF", "GGGGGGG"}) {
    input.comparison.facts.push_back(Fact(subject, 3, false));
  }
  input.limits.conflict_facts = 2;
  input.limits.agreements = 1;
  input.limits.entities = 3;
  input.limits.articles = 2;
  // The two articles ReadShownClaims lists within the limit, each with its claim of A's fact.
  for (int number : {1, 2}) {
    input.shown.articles.order.push_back(number);
    input.shown.articles.listed.insert(number);
    input.shown.articles.claims.push_back({{0, Claim("A", number)}});
    input.shown.articles.claim_totals.push_back(1);
  }
  std::ostringstream html;
  WriteReportHtml(input, html);
  const std::string page = html.str();
  EXPECT_NE(page.find("Showing 2 of 4 facts in conflict"), std::string::npos);
  EXPECT_NE(page.find("Showing 1 of 3 agreeing facts"), std::string::npos);
  EXPECT_NE(page.find("Showing 3 of 8 entities"), std::string::npos);
  EXPECT_NE(page.find("Showing 2 of 1000 articles"), std::string::npos);
  EXPECT_NE(page.find("id=\"conflict-2\""), std::string::npos);
  EXPECT_EQ(page.find("id=\"conflict-3\""), std::string::npos);
  EXPECT_NE(page.find("BB paid <mark class=\"amount\">$2 million</mark>"), std::string::npos);
  EXPECT_NE(page.find("id=\"article-2\""), std::string::npos);
  EXPECT_EQ(page.find("id=\"article-3\""), std::string::npos);
}

TEST(ReportHtmlTest, AnEmptyDatabaseGivesAPageThatSaysSo) {
  ReportInput input;
  input.db_path = "empty.db";
  std::ostringstream html;
  WriteReportHtml(input, html);
  EXPECT_NE(html.str().find("No conflicting amounts."), std::string::npos);
  EXPECT_NE(html.str().find("No fact links two entities."), std::string::npos);
  EXPECT_NE(html.str().find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
