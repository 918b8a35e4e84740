// An entity's name and type are decided by its mentions across the database (issue 15,
// item 7: `bp` was ORG in one ingest and PERSON in another, whichever article came last):
// the same rows for any write order, any batching, and for merge.
#include "db/entity_votes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "db/fact_store.h"
#include "db/merge.h"
#include "db/migrations.h"
#include "db/sqlite.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

// One article mentioning entity `key` `mentions` times as `name`, typed `type`.
struct Vote {
  std::string path;
  std::string key;
  std::string name;
  EntityType type;
  int mentions;
  bool gazetteer;
};

Document VoteDocument(const Vote& vote) {
  ArticleMeta meta;
  meta.path = vote.path;
  std::string text;
  for (int i = 0; i < vote.mentions; ++i) text += vote.name + " said so. ";
  Document doc = Document::FromRaw(meta, text);
  doc.mutable_sentences() = {{{0, doc.text().size()}, 0, 0, 0}};
  doc.mutable_entities() = {{vote.key, vote.name, vote.type, "", {}}};
  const std::string rule = vote.gazetteer ? "gazetteer:" + vote.key : "org.name_word";
  size_t at = 0;
  for (int i = 0; i < vote.mentions; ++i) {
    at = doc.text().find(vote.name, at);
    doc.mutable_mentions().push_back({{at, at + vote.name.size()}, 0, vote.type, 0, rule});
    at += vote.name.size();
  }
  return doc;
}

const std::vector<Vote>& Votes() {
  static const std::vector<Vote> votes = {
      {"a.txt", "bp", "BP", EntityType::kOrg, 3, false},
      {"b.txt", "bp", "Bp", EntityType::kPerson, 2, false},
      {"c.txt", "bp", "B.P.", EntityType::kPerson, 2, false},
      {"d.txt", "bp", "BP plc", EntityType::kOrg, 1, true},
      {"e.txt", "zeta", "Zeta", EntityType::kProduct, 1, false},
      {"f.txt", "zeta", "ZETA", EntityType::kOrg, 1, false},
  };
  return votes;
}

// Writes `votes` into a new database at `path`, in one batch or one transaction each.
void Write(const std::string& path, const std::vector<Vote>& votes, bool batched) {
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun({"test", "rules"});
  ASSERT_TRUE(run.ok());
  if (batched) {
    ASSERT_TRUE((*store)->BeginBatch().ok());
  }
  for (const Vote& vote : votes) {
    ASSERT_TRUE((*store)->WriteArticle(VoteDocument(vote), vote.path, *run).ok());
  }
  if (batched) {
    ASSERT_TRUE((*store)->CommitBatch().ok());
  }
}

Rows Entities(const std::string& path) {
  return ReadRows(path, "SELECT key, name, type FROM entities ORDER BY key");
}

// bp: 1 gazetteer mention (ORG, "BP plc") beats 4 PERSON and 3 other ORG mentions;
// zeta: one mention each, so the tie goes to the type and name first in byte order.
const Rows kDecided = {{"bp", "BP plc", "ORG"}, {"zeta", "ZETA", "ORG"}};

TEST(EntityVotesTest, TheSameRowsForEveryWriteOrderAndBatching) {
  TempDir folder;
  std::vector<Vote> votes = Votes();
  std::sort(votes.begin(), votes.end(),
            [](const Vote& a, const Vote& b) { return a.path < b.path; });
  int order = 0;
  do {
    SCOPED_TRACE("order " + std::to_string(order));
    const std::string path = folder.File("order" + std::to_string(order) + ".db");
    Write(path, votes, /*batched=*/order % 2 == 0);
    EXPECT_EQ(Entities(path), kDecided);
    ++order;
  } while (std::next_permutation(votes.begin(), votes.end(),
                                 [](const Vote& a, const Vote& b) { return a.path < b.path; }) &&
           order < 24);
}

TEST(EntityVotesTest, MajorityWithoutTheGazetteerAndAfterReplacement) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  std::vector<Vote> votes = Votes();
  votes.erase(votes.begin() + 3);  // no gazetteer mention of bp
  Write(path, votes, /*batched=*/true);
  // PERSON has 4 mentions to ORG's 3; "BP" has 3 mentions, "B.P." and "Bp" 2 each.
  EXPECT_EQ(Entities(path)[0], (std::vector<std::string>{"bp", "BP", "PERSON"}));
  // a.txt rewritten without bp: the entity is decided again from what is left.
  Write(path, {{"a.txt", "zeta", "Zeta", EntityType::kProduct, 2, false}}, /*batched=*/false);
  EXPECT_EQ(Entities(path), (Rows{{"bp", "B.P.", "PERSON"}, {"zeta", "Zeta", "PRODUCT"}}));
}

TEST(EntityVotesTest, MergeGivesTheRowsOfOneIngestInEitherInputOrder) {
  TempDir folder;
  const std::vector<Vote>& votes = Votes();
  const std::string first = folder.File("first.db");
  const std::string second = folder.File("second.db");
  Write(first, {votes[3], votes[1], votes[4]}, /*batched=*/true);
  Write(second, {votes[0], votes[2], votes[5]}, /*batched=*/true);
  for (const auto& inputs :
       {std::vector<std::string>{first, second}, std::vector<std::string>{second, first}}) {
    const std::string out = folder.File("out-" + std::to_string(inputs[0] == first) + ".db");
    auto merged = MergeDatabases(out, inputs);
    ASSERT_TRUE(merged.ok()) << merged.status().ToString();
    EXPECT_EQ(Entities(out), kDecided);
  }
}

// The tallies the triggers keep (migration 0010, issue 16) against a count of the stored rows:
// the votes by type and by name, non-zero only.
Rows StoredTallies(const std::string& path) {
  return ReadRows(path,
                  "SELECT 'type', entity_id, type, mentions, gazetteer FROM entity_type_votes "
                  "WHERE mentions > 0 UNION ALL "
                  "SELECT 'name', entity_id, name, mentions, gazetteer FROM entity_name_votes "
                  "WHERE mentions > 0 ORDER BY 1, 2, 3");
}

Rows CountedTallies(const std::string& path) {
  return ReadRows(path,
                  "SELECT 'type', entity_id, type, count(*), "
                  "sum(substr(rule, 1, 10) = 'gazetteer:') FROM mentions "
                  "GROUP BY entity_id, type UNION ALL "
                  "SELECT 'name', n.entity_id, n.name, count(*), "
                  "sum(substr(m.rule, 1, 10) = 'gazetteer:') FROM entity_names n "
                  "JOIN mentions m ON m.entity_id = n.entity_id AND m.article_id = n.article_id "
                  "GROUP BY n.entity_id, n.name ORDER BY 1, 2, 3");
}

TEST(EntityVotesTest, TalliesMatchTheStoredMentionsAfterReplacementAndMerge) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  Write(path, Votes(), /*batched=*/true);
  EXPECT_FALSE(StoredTallies(path).empty());
  EXPECT_EQ(StoredTallies(path), CountedTallies(path));
  // b.txt and d.txt rewritten: their old mentions' votes go, the new ones come.
  Write(path,
        {{"b.txt", "zeta", "Zeta", EntityType::kOrg, 3, true},
         {"d.txt", "bp", "BP", EntityType::kOrg, 2, false}},
        /*batched=*/false);
  EXPECT_EQ(StoredTallies(path), CountedTallies(path));
  const std::string other = folder.File("other.db");
  Write(other, {{"g.txt", "bp", "Bp", EntityType::kPerson, 4, false}}, /*batched=*/true);
  const std::string merged = folder.File("merged.db");
  ASSERT_TRUE(MergeDatabases(merged, {path, other}).ok());
  EXPECT_EQ(StoredTallies(merged), CountedTallies(merged));
}

// The store adds a batch's votes at its end (migration 0013): an article written and then
// replaced within one batch, or written twice in one, leaves the votes of what is stored.
TEST(EntityVotesTest, TalliesMatchAfterAReplacementInsideOneBatch) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  std::vector<Vote> votes = Votes();
  votes.push_back({"b.txt", "zeta", "Zeta", EntityType::kProduct, 4, true});
  votes.push_back({"a.txt", "bp", "BP", EntityType::kOrg, 5, true});
  Write(path, votes, /*batched=*/true);
  EXPECT_EQ(StoredTallies(path), CountedTallies(path));
  EXPECT_EQ(ReadRows(path,
                     "SELECT count(*) FROM mentions WHERE article_id IN "
                     "(SELECT id FROM articles WHERE path = 'b.txt')"),
            (Rows{{"4"}}));
  EXPECT_EQ(ReadRows(path,
                     "SELECT mentions, gazetteer FROM entity_type_votes "
                     "WHERE type = 'ORG' AND entity_id = (SELECT id FROM entities "
                     "WHERE key = 'bp')"),
            (Rows{{"6", "6"}}));
}

// The tables a database of schema version 9 shares with the current one, in their order.
constexpr const char* kTablesOfVersion9[] = {"runs",         "articles", "sentences", "entities",
                                             "aliases",      "mentions", "amounts",   "claims",
                                             "entity_names", "quotes"};

// A database written before the tallies gets them counted from its rows when it is opened.
TEST(EntityVotesTest, MigrationCountsTheTalliesOfAnOlderDatabase) {
  TempDir folder;
  const std::string current = folder.File("current.db");
  Write(current, Votes(), /*batched=*/true);
  const Rows expected = StoredTallies(current);
  // The same rows in a database of schema version 9.
  const std::string path = folder.File("facts.db");
  {
    auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(ApplyMigrations(**db, 9).ok());
    std::string copy = "ATTACH DATABASE '" + current + "' AS current; ";
    for (const char* table : kTablesOfVersion9) {
      copy += "INSERT INTO main." + std::string(table) + " SELECT * FROM current." + table + "; ";
    }
    copy += "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild'); DETACH current";
    ASSERT_TRUE((*db)->Exec(copy).ok());
  }
  ASSERT_TRUE(FactStore::Open(path).ok());
  EXPECT_EQ(StoredTallies(path), expected);
  EXPECT_EQ(Entities(path), kDecided);
}

}  // namespace
}  // namespace newsfacts
