// `newsfacts report` on a database larger than the page's limits: each cut list shows exactly
// its limit of items and its note gives the database's own total ("Showing N of M").
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

// 320 invented company names: 20 stems times 16 endings.
std::vector<std::string> CompanyNames() {
  const std::vector<std::string> stems = {
      "Quillmoor", "Brantwell", "Osterly",   "Fennick",  "Galloway",  "Harwick",  "Ivesdale",
      "Jorvane",   "Kestwick",  "Lindqvist", "Marrowby", "Nethercot", "Orwellby", "Pellmont",
      "Rainholt",  "Sorrelby",  "Thackery",  "Ulverton", "Vossberg",  "Whitlock"};
  const std::vector<std::string> endings = {"Systems",  "Labs",          "Robotics",  "Analytics",
                                            "Software", "Networks",      "Photonics", "Devices",
                                            "Payments", "Dynamics",      "Security",  "Logistics",
                                            "Genomics", "Semiconductor", "Energy",    "Telematics"};
  std::vector<std::string> names;
  for (const std::string& ending : endings) {
    for (const std::string& stem : stems) names.push_back(stem + " " + ending);
  }
  return names;
}

// The single value `sql` yields, as `query --format csv` prints it (a header, then the value).
std::string QueryValue(const TempDir& dir, const std::string& sql) {
  const std::string output =
      RunNewsfacts("query \"" + sql + "\" --db facts.db --format csv", dir.path(), false).output;
  std::istringstream lines(output);
  std::string line;
  std::string last;
  while (std::getline(lines, line)) {
    if (!line.empty()) last = line;
  }
  return last;
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// The text of the <section id="`id`"> of `page`.
std::string Section(const std::string& page, const std::string& id) {
  const size_t begin = page.find("<section id=\"" + id + "\">");
  if (begin == std::string::npos) return "";
  return page.substr(begin, page.find("</section>", begin) - begin);
}

TEST(ReportLimitsTest, CutListsShowTheirLimitAndTheDatabasesTotal) {
  TempDir dir;
  const std::filesystem::path corpus = dir.path() / "corpus";
  std::filesystem::create_directories(corpus);
  // 320 acquisitions (each company buys the one seven names on), each told by two outlets with
  // one amount: 320 agreeing facts, 320 entities, 640 articles; the page shows 300 agreements,
  // 50 entities, 150 graph edges and 300 articles.
  const std::vector<std::string> names = CompanyNames();
  const size_t facts = names.size();
  for (size_t i = 0; i < facts; ++i) {
    const std::string& buyer = names[i];
    const std::string& target = names[(i + 7) % facts];
    for (const std::string outlet : {"Ledger Weekly", "Circuit Daily"}) {
      std::ofstream out(corpus / ("deal" + std::to_string(i) + "-" + outlet.substr(0, 6) + ".md"));
      out << "---\ntitle: \"" << buyer << " buys " << target << "\"\ndate: 2024-05-0" << (1 + i % 9)
          << "\nsource: \"" << outlet << "\"\n---\n\n"
          << buyer << " acquired " << target << " for $" << (10 + i) << " million.\n";
    }
  }
  auto ingest = RunNewsfacts("ingest corpus --db facts.db", dir.path());
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
  auto report = RunNewsfacts("report --db facts.db --out report.html", dir.path());
  ASSERT_EQ(report.exit_code, 0) << report.output;
  std::ifstream in(dir.path() / "report.html");
  std::ostringstream read;
  read << in.rdbuf();
  const std::string page = read.str();

  // The totals as the database counts them; the corpus was written to exceed every limit.
  const std::string agreements = QueryValue(dir, "SELECT count(*) FROM agreements");
  const std::string entities = QueryValue(
      dir,
      "SELECT count(*) FROM (SELECT subject AS name FROM facts WHERE subject_key IS NOT NULL "
      "UNION SELECT object FROM facts WHERE subject_key IS NOT NULL AND object_key IS NOT NULL)");
  const std::string edges = QueryValue(
      dir,
      "SELECT count(*) FROM (SELECT DISTINCT subject_key, predicate, object_key FROM facts "
      "WHERE subject_key IS NOT NULL AND object_key IS NOT NULL)");
  const std::string articles = QueryValue(dir, "SELECT count(*) FROM articles");
  ASSERT_GT(std::stoi(agreements), 300) << "the corpus no longer exceeds the agreements limit";
  ASSERT_GT(std::stoi(entities), 50);
  ASSERT_GT(std::stoi(edges), 150);
  ASSERT_EQ(articles, "640");

  const std::string agreed = Section(page, "agreements");
  EXPECT_NE(agreed.find("Showing 300 of " + agreements + " agreeing facts"), std::string::npos);
  EXPECT_EQ(Occurrences(agreed, "<tr class=\"filterable\">"), 300u);
  const std::string by_entity = Section(page, "entities");
  EXPECT_NE(by_entity.find("Showing 50 of " + entities + " entities"), std::string::npos);
  EXPECT_EQ(Occurrences(by_entity, "<article class=\"entity filterable\""), 50u);
  const std::string graph = Section(page, "graph");
  EXPECT_NE(graph.find("Showing 150 of " + edges + " facts"), std::string::npos);
  const std::string listed = Section(page, "articles");
  EXPECT_NE(listed.find("Showing 300 of 640 articles"), std::string::npos);
  EXPECT_EQ(Occurrences(listed, "<article class=\"source-article filterable\""), 300u);
}

}  // namespace
}  // namespace newsfacts
