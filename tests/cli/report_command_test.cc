// `newsfacts report`: the page of the sample corpus (sections, every conflict with both
// sentences and highlighted amounts, nothing fetched from the network), hostile text escaped,
// the list shown in place of the graph without Graphviz, --since, and errors.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/html_text.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const std::string kSamples = std::string(NEWSFACTS_SOURCE_DIR) + "/corpus/samples";
const std::string kHostile = std::string(NEWSFACTS_SOURCE_DIR) + "/tests/fixtures/report_hostile";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `html` without the amount highlights, so a sentence reads as one string again.
std::string WithoutMarks(std::string html) {
  for (const std::string tag : {"<mark class=\"amount\">", "</mark>"}) {
    for (size_t at = html.find(tag); at != std::string::npos; at = html.find(tag, at)) {
      html.erase(at, tag.size());
    }
  }
  return html;
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// Ingests `corpus` into facts.db in `dir` and writes report.html with `options`; returns it.
std::string BuildReport(const TempDir& dir, const std::string& corpus,
                        const std::string& options = "") {
  auto ingest = RunNewsfacts("ingest '" + corpus + "' --db facts.db", dir.path());
  EXPECT_EQ(ingest.exit_code, 0) << ingest.output;
  auto report = RunNewsfacts("report --db facts.db --out report.html " + options, dir.path());
  EXPECT_EQ(report.exit_code, 0) << report.output;
  return ReadFile(dir.path() / "report.html");
}

// The `conflicts` view's rows, as `query --format json` prints them.
nlohmann::json Conflicts(const TempDir& dir) {
  auto run = RunNewsfacts(
      "query 'SELECT amount_a, amount_b, evidence_a, evidence_b FROM conflicts' --db facts.db "
      "--format json 2>/dev/null",
      dir.path());
  return nlohmann::json::parse(run.output);
}

TEST(ReportCommandTest, TheSampleReportHasEverySectionAndEveryConflictWithBothSentences) {
  TempDir dir;
  const std::string html = BuildReport(dir, kSamples);
  for (const std::string id :
       {"overview", "conflicts", "agreements", "graph", "entities", "articles"}) {
    EXPECT_NE(html.find("<section id=\"" + id + "\">"), std::string::npos) << id;
  }
  const nlohmann::json conflicts = Conflicts(dir);
  ASSERT_GE(conflicts.size(), 3u);
  EXPECT_EQ(Occurrences(html, "<div class=\"pair\">"), conflicts.size());
  const std::string plain = WithoutMarks(html);
  for (const nlohmann::json& row : conflicts) {
    SCOPED_TRACE(row.dump());
    for (const char* side : {"a", "b"}) {
      const std::string evidence = row[std::string("evidence_") + side];
      const std::string amount = row[std::string("amount_") + side];
      EXPECT_NE(plain.find(HtmlEscape(evidence)), std::string::npos);
      EXPECT_NE(html.find("<mark class=\"amount\">" + HtmlEscape(amount) + "</mark>"),
                std::string::npos);
    }
  }
  // Every source link leads to an article listed on the page.
  const std::regex link("href=\"#(article-[0-9]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator();
       ++it) {
    EXPECT_NE(html.find("id=\"" + (*it)[1].str() + "\""), std::string::npos) << (*it)[1];
  }
}

TEST(ReportCommandTest, ThePageFetchesNothing) {
  TempDir dir;
  const std::string html = BuildReport(dir, kSamples);
  // A policy that forbids every fetch, and nothing that would try one.
  EXPECT_NE(html.find("content=\"default-src 'none';"), std::string::npos);
  const std::regex fetching(
      R"((src|href|action|poster|srcset|xlink:href)\s*=\s*["']?\s*(https?:|//))"
      R"(|url\s*\(\s*["']?\s*(https?:|//)|@import|<link|<iframe|<object|<embed)",
      std::regex::icase);
  std::smatch found;
  EXPECT_FALSE(std::regex_search(html, found, fetching)) << found.str();
  EXPECT_EQ(Occurrences(html, "<script"), 1u);
}

TEST(ReportCommandTest, HostileTitlesSourcesAndSentencesShowAsText) {
  TempDir dir;
  const std::string html = BuildReport(dir, kHostile);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>Wire"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; Quillon buys Marrowgate"),
            std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(html.find("Tessellate &lt;b&gt;Wire&lt;/b&gt;"), std::string::npos);
  // The fixture's two prices conflict: both sides are on the page.
  EXPECT_EQ(Occurrences(html, "<div class=\"pair\">"), 1u);
  EXPECT_EQ(Occurrences(html, "<script"), 1u);
}

TEST(ReportCommandTest, WithoutGraphvizTheGraphIsAListWithANote) {
  TempDir dir;
  ASSERT_EQ(RunNewsfacts("ingest '" + kSamples + "' --db facts.db", dir.path()).exit_code, 0);
  const char* saved = std::getenv("PATH");
  const std::string path = saved == nullptr ? "" : saved;
  // The binary is run by its full path; PATH only decides where Graphviz is looked for.
  setenv("PATH", dir.File("no-such-folder").c_str(), 1);
  auto run = RunNewsfacts("report --db facts.db --out list.html", dir.path());
  setenv("PATH", path.c_str(), 1);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Graphviz (sfdp or dot) was not found on PATH"), std::string::npos);
  const std::string html = ReadFile(dir.path() / "list.html");
  EXPECT_NE(html.find("id=\"graph-note\""), std::string::npos);
  EXPECT_NE(html.find("<ul class=\"edges\">"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);

  if (system("command -v sfdp >/dev/null || command -v dot >/dev/null") != 0) {
    GTEST_SKIP() << "Graphviz is not installed (apt-get install graphviz)";
  }
  auto drawn = RunNewsfacts("report --db facts.db --out drawn.html", dir.path());
  EXPECT_EQ(drawn.exit_code, 0) << drawn.output;
  const std::string drawn_html = ReadFile(dir.path() / "drawn.html");
  EXPECT_NE(drawn_html.find("<div class=\"graph\"><svg"), std::string::npos);
  EXPECT_EQ(drawn_html.find("id=\"graph-note\""), std::string::npos);
}

TEST(ReportCommandTest, SinceKeepsOnlyLaterArticles) {
  TempDir dir;
  const std::string all = BuildReport(dir, kSamples);
  auto run = RunNewsfacts("report --db facts.db --out since.html --since 2025", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string since = ReadFile(dir.path() / "since.html");
  // Kestrel Data's conflict is told by articles of 2024, Halvard Systems' by ones of 2025.
  const std::string kestrel = "<span class=\"ent\">Kestrel Data</span> <span class=\"pred\">";
  const std::string halvard = "<span class=\"ent\">Halvard Systems</span> <span class=\"pred\">";
  EXPECT_NE(since.find("<h3>" + halvard), std::string::npos);
  EXPECT_EQ(since.find("<h3>" + kestrel), std::string::npos);
  EXPECT_NE(all.find("<h3>" + kestrel), std::string::npos);
  EXPECT_NE(since.find("articles published since 2025"), std::string::npos);
}

TEST(ReportCommandTest, ErrorsExitTwoAndNameTheFile) {
  TempDir dir;
  ASSERT_EQ(RunNewsfacts("ingest '" + kHostile + "' --db facts.db", dir.path()).exit_code, 0);
  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {"report --db missing.db", "missing.db: no database here; run `newsfacts ingest"},
      {"report --db facts.db --out no/such/folder/r.html",
       "no/such/folder/r.html: cannot write the report"},
      {"report --db facts.db --entity 'Nobody At All'", "no entity named \"Nobody At All\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.args);
    auto run = RunNewsfacts(c.args, dir.path());
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find(c.message), std::string::npos) << run.output;
  }
}

}  // namespace
}  // namespace newsfacts
