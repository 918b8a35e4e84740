// Re-extraction by ingest: a rules change (--rules DIR) or --force extracts stored articles
// again from their stored text, replacing their facts so no row of the old run remains.
#include <gtest/gtest.h>

#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const char kWire[] =
    "Qorvane opens a lab\n\n"
    "Qorvane Dynamics said on Tuesday that Microsoft invested $25 million in the startup.\n";
const char kRecap[] =
    "Funding roundup\n\n"
    "Anthropic and Qorvane Dynamics both raised money this month, Google said.\n";
// A gazetteer line the built-in rules do not have: it changes the rules fingerprint and
// gives the entity a key of its own.
const char kExtraGazetteer[] =
    "{\"id\":\"qorvane-dynamics-test\",\"name\":\"Qorvane Dynamics\",\"type\":\"ORG\","
    "\"aliases\":[\"Qorvane\"]}\n";

std::string Query(const TempDir& dir, const std::string& sql) {
  return RunNewsfacts("query \"" + sql + "\" --db facts.db --format csv", dir.path()).output;
}

// Rows of the fact tables, and articles, that a run other than the newest one produced.
std::string OldRunRows(const TempDir& dir) {
  return Query(dir,
               "SELECT (SELECT count(*) FROM articles WHERE run_id <> r.id) + "
               "(SELECT count(*) FROM mentions WHERE run_id <> r.id) + "
               "(SELECT count(*) FROM amounts WHERE run_id <> r.id) + "
               "(SELECT count(*) FROM claims WHERE run_id <> r.id) + "
               "(SELECT count(*) FROM quotes WHERE run_id <> r.id) AS n "
               "FROM (SELECT max(id) AS id FROM runs) r");
}

TEST(ReextractCommandTest, ARulesChangeReextractsEveryStoredArticle) {
  TempDir dir;
  dir.Write("wire/a.txt", kWire);
  dir.Write("recaps/b.txt", kRecap);
  dir.Write("rules/extra.jsonl", kExtraGazetteer);
  ASSERT_EQ(RunNewsfacts("ingest wire --db facts.db", dir.path()).exit_code, 0);
  ASSERT_EQ(RunNewsfacts("ingest recaps --db facts.db", dir.path()).exit_code, 0);
  const std::string mentions_before = Query(dir, "SELECT count(*) AS n FROM mentions");
  ASSERT_NE(mentions_before, "n\n0\n");
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM entities WHERE key = 'qorvane-dynamics-test'"),
            "n\n0\n");

  // Only wire/ is named, but recaps/b.txt is stored too: both are extracted again.
  auto changed = RunNewsfacts("ingest wire --db facts.db --rules rules", dir.path());
  ASSERT_EQ(changed.exit_code, 0) << changed.output;
  EXPECT_NE(changed.output.find("(0 new, 0 replaced, 1 unchanged, 0 failed), 2 stored articles "
                                "re-extracted"),
            std::string::npos)
      << changed.output;
  EXPECT_EQ(OldRunRows(dir), "n\n0\n");
  EXPECT_EQ(Query(dir,
                  "SELECT a.path, count(*) AS n FROM mentions m JOIN entities e "
                  "ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id "
                  "WHERE e.key = 'qorvane-dynamics-test' GROUP BY a.path ORDER BY a.path"),
            "path,n\nrecaps/b.txt,1\nwire/a.txt,2\n");
  EXPECT_EQ(Query(dir, "SELECT articles_reextracted AS n FROM runs ORDER BY id DESC LIMIT 1"),
            "n\n2\n");

  // Same rules again: nothing to re-extract.
  auto same = RunNewsfacts("ingest wire --db facts.db --rules rules", dir.path());
  ASSERT_EQ(same.exit_code, 0) << same.output;
  EXPECT_EQ(same.output.find("re-extracted"), std::string::npos) << same.output;

  // Back to the built-in rules: the extra entity's mentions are gone again.
  auto reverted = RunNewsfacts("ingest wire --db facts.db", dir.path());
  ASSERT_EQ(reverted.exit_code, 0) << reverted.output;
  EXPECT_NE(reverted.output.find("2 stored articles re-extracted"), std::string::npos)
      << reverted.output;
  EXPECT_EQ(OldRunRows(dir), "n\n0\n");
  EXPECT_EQ(Query(dir,
                  "SELECT count(*) AS n FROM mentions m JOIN entities e "
                  "ON e.id = m.entity_id WHERE e.key = 'qorvane-dynamics-test'"),
            "n\n0\n");
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM mentions"), mentions_before);
}

TEST(ReextractCommandTest, ForceReextractsEverythingAndKeepsTheFacts) {
  TempDir dir;
  dir.Write("articles/a.txt", kWire);
  dir.Write("articles/b.txt", kRecap);
  ASSERT_EQ(RunNewsfacts("ingest articles --db facts.db", dir.path()).exit_code, 0);
  const char kFacts[] =
      "SELECT a.path, s.text AS sentence, m.text AS mention FROM mentions m "
      "JOIN articles a ON a.id = m.article_id JOIN sentences s ON s.id = m.sentence_id "
      "ORDER BY a.path, m.start_byte";
  const std::string facts_before = Query(dir, kFacts);

  auto forced = RunNewsfacts("ingest articles --db facts.db --force", dir.path());
  ASSERT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(forced.output.find("(0 new, 0 replaced, 2 unchanged, 0 failed), 2 stored articles "
                               "re-extracted"),
            std::string::npos)
      << forced.output;
  EXPECT_EQ(OldRunRows(dir), "n\n0\n");
  EXPECT_EQ(Query(dir, kFacts), facts_before);
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM articles"), "n\n2\n");
  // The full-text index holds each sentence once: the headline and two body sentences.
  EXPECT_EQ(Query(dir,
                  "SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH "
                  "'qorvane'"),
            "n\n3\n");
}

// Stored articles are extracted again a batch at a time, the next batch extracted while the
// one before is written: over several batches, every article is extracted again once, in
// order, and the facts stay.
TEST(ReextractCommandTest, ForceOverSeveralBatchesReextractsEachArticleOnce) {
  TempDir dir;
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    dir.Write(std::string("articles/") + name + ".txt", name[0] < 'c' ? kWire : kRecap);
  }
  ASSERT_EQ(RunNewsfacts("ingest articles --db facts.db", dir.path()).exit_code, 0);
  const char kFacts[] =
      "SELECT a.path, m.text AS mention, m.start_byte FROM mentions m "
      "JOIN articles a ON a.id = m.article_id ORDER BY a.path, m.start_byte";
  const std::string facts_before = Query(dir, kFacts);

  auto forced = RunNewsfacts("ingest articles --db facts.db --force --batch 2", dir.path());
  ASSERT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(forced.output.find("5 stored articles re-extracted"), std::string::npos)
      << forced.output;
  EXPECT_EQ(OldRunRows(dir), "n\n0\n");
  EXPECT_EQ(Query(dir, kFacts), facts_before);
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM articles"), "n\n5\n");
  EXPECT_EQ(Query(dir, "SELECT articles_reextracted AS n FROM runs ORDER BY id DESC LIMIT 1"),
            "n\n5\n");
  EXPECT_EQ(Query(dir,
                  "SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH "
                  "'qorvane'"),
            "n\n7\n");
}

}  // namespace
}  // namespace newsfacts
