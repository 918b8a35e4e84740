// Faults during ingest (issue 15): kill -9 at several moments of a run, a disk that fills
// up mid-run, and an article the database refuses halfway through its rows. Each leaves a
// database that passes SQLite's integrity, foreign-key and FTS checks and keeps what was
// committed; running the ingest again reaches the counts of a clean run.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "db/sqlite.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::CommandResult;
using testing::RunNewsfacts;
using testing::RunNewsfactsAfter;
using testing::TempDir;

// `count` distinct short articles under dir/folder, each with organisations, a person, money
// and a deal, so every table of the store gets rows.
void WriteArticles(const TempDir& dir, const std::string& folder, int count) {
  const char* const firsts[] = {"Bram", "Cori", "Dalm", "Ezra", "Fenw", "Gault", "Hollis", "Ivel"};
  const char* const seconds[] = {"ton", "ery", "ix", "ora", "ant", "well", "by", "mere"};
  for (int i = 0; i < count; ++i) {
    const std::string buyer = std::string(firsts[i % 8]) + seconds[(i / 8) % 8] + " Systems Inc";
    const std::string target = std::string(firsts[(i + 3) % 8]) + seconds[(i / 64) % 8] +
                               " Labs Corp " + std::to_string(i);
    dir.Write(folder + "/" + std::to_string(i) + ".txt",
              buyer + " buys " + target + "\n\n" + buyer + " said on Monday it agreed to acquire " +
                  target + " for $" + std::to_string(10 + i) +
                  " million in cash. Chief executive Mara Quint said the deal adds engineers. " +
                  target + " raised $" + std::to_string(2 + i % 7) +
                  " million last year from Tovar Capital. The purchase is expected to close in "
                  "the third quarter, subject to regulatory approval.\n");
  }
}

std::unique_ptr<sqlite::Connection> Open(const std::string& path) {
  auto db = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWrite);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

// Rows per fact table; -1 for a table not there (a run killed before its schema was committed).
std::map<std::string, int64_t> Counts(const std::string& path) {
  std::map<std::string, int64_t> counts;
  auto db = Open(path);
  if (db == nullptr) return counts;
  for (const char* table : {"articles", "sentences", "entities", "mentions", "amounts", "claims"}) {
    StatusOr<int64_t> n = db->QueryInt(std::string("SELECT count(*) FROM ") + table);
    counts[table] = n.ok() ? *n : -1;
  }
  return counts;
}

// SQLite's integrity and foreign-key checks and the FTS index's own check all pass.
void ExpectIntact(const std::string& path) {
  auto db = Open(path);
  ASSERT_NE(db, nullptr);
  auto integrity = db->Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(integrity.ok());
  ASSERT_TRUE(*integrity->Step());
  EXPECT_EQ(integrity->ColumnText(0), "ok");
  auto foreign_keys = db->Prepare("PRAGMA foreign_key_check");
  ASSERT_TRUE(foreign_keys.ok());
  EXPECT_FALSE(*foreign_keys->Step()) << "a row breaks a foreign key";
  // A run killed before its schema was committed leaves an empty database: nothing to index.
  if (*db->QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'sentences_fts'") == 0) return;
  const Status fts = db->Exec("INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')");
  EXPECT_TRUE(fts.ok()) << fts.ToString();
}

TEST(IngestFaultTest, KillNineAtAnyMomentLeavesAnIntactDatabaseThatARerunCompletes) {
  TempDir dir;
  constexpr int kArticles = 1500;
  WriteArticles(dir, "news", kArticles);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(RunNewsfacts("ingest news --db clean.db", dir.path()).exit_code, 0);
  const double clean_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::map<std::string, int64_t> clean = Counts(dir.File("clean.db"));
  ASSERT_EQ(clean.at("articles"), kArticles);

  int killed_midway = 0;  // kills that left some but not all articles stored
  // Kills at a quarter, half and three quarters of a clean run's time; on a busy machine the
  // killed runs may go faster or slower than the clean one, so while no kill fell inside the
  // writing, up to five more follow, halfway between the latest one that came before any
  // article was stored and the earliest one that came too late.
  std::vector<double> fractions = {0.25, 0.5, 0.75};
  double too_early = 0.0, too_late = 1.5;
  for (size_t k = 0; k < fractions.size(); ++k) {
    const double fraction = fractions[k];
    SCOPED_TRACE("killed at " + std::to_string(fraction) + " of a clean run");
    const std::string db = "killed" + std::to_string(k) + ".db";
    const CommandResult killed =
        RunNewsfactsAfter("timeout -s KILL " + std::to_string(fraction * clean_seconds),
                          "ingest news --batch 100 --db " + db, dir.path());
    int64_t stored = kArticles;  // finished before the signal
    if (killed.exit_code != 0) {
      EXPECT_EQ(killed.exit_code, 137) << killed.output;
      stored = 0;
      if (std::filesystem::exists(dir.File(db))) {  // else killed before creating it
        ExpectIntact(dir.File(db));
        stored = Counts(dir.File(db)).at("articles");
        const CommandResult rerun = RunNewsfacts("ingest news --db " + db, dir.path());
        EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
        ExpectIntact(dir.File(db));
        EXPECT_EQ(Counts(dir.File(db)), clean);
      }
    }
    if (stored > 0 && stored < kArticles) ++killed_midway;
    if (stored == 0) too_early = std::max(too_early, fraction);
    if (stored == kArticles) too_late = std::min(too_late, fraction);
    if (killed_midway == 0 && k + 1 == fractions.size() && fractions.size() < 8) {
      fractions.push_back((too_early + too_late) / 2);
    }
  }
  EXPECT_GT(killed_midway, 0) << "no kill fell inside the writing of the run (clean run took "
                              << clean_seconds << " s)";
}

TEST(IngestFaultTest, AFullDiskStopsWithAClearErrorAndKeepsWhatWasCommitted) {
  TempDir dir;
  WriteArticles(dir, "first", 20);
  WriteArticles(dir, "second", 1500);
  ASSERT_EQ(RunNewsfacts("ingest first --db facts.db", dir.path()).exit_code, 0);
  const std::map<std::string, int64_t> before = Counts(dir.File("facts.db"));
  // A file size limit a little above the database's size stands in for a full disk; the
  // ignored SIGXFSZ makes the write fail with EFBIG as it would with ENOSPC.
  const uintmax_t blocks = std::filesystem::file_size(dir.File("facts.db")) / 512 + 128;
  const CommandResult full =
      RunNewsfactsAfter("trap '' XFSZ; ulimit -f " + std::to_string(blocks) + ";",
                        "ingest second --db facts.db", dir.path());
  EXPECT_NE(full.exit_code, 0) << full.output;
  EXPECT_NE(full.output.find("facts.db: cannot write"), std::string::npos) << full.output;
  EXPECT_NE(full.output.find("disk may be full"), std::string::npos) << full.output;

  ExpectIntact(dir.File("facts.db"));
  auto db = Open(dir.File("facts.db"));
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM articles WHERE path LIKE 'first/%'"),
            before.at("articles"));
  db.reset();

  ASSERT_EQ(RunNewsfacts("ingest first second --db clean.db", dir.path()).exit_code, 0);
  const CommandResult rerun = RunNewsfacts("ingest second --db facts.db", dir.path());
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  ExpectIntact(dir.File("facts.db"));
  EXPECT_EQ(Counts(dir.File("facts.db")), Counts(dir.File("clean.db")));
}

// A batch is written without a savepoint per article (issue 16): when the database refuses
// an article after its first rows, the batch is rolled back and written again article by
// article, so that the refused article alone is missing and reported once.
TEST(IngestFaultTest, AnArticleRefusedHalfwayIsLeftOutAlone) {
  TempDir dir;
  WriteArticles(dir, "news", 30);
  WriteArticles(dir, "clean", 30);
  dir.Write("news/refused.txt",
            "Quorvane Dynamics buys Zentrilo Labs\n\nQuorvane Dynamics said it agreed to buy "
            "Zentrilo Labs for $75 million in cash.\n");
  ASSERT_EQ(RunNewsfacts("ingest clean --db clean.db", dir.path()).exit_code, 0);
  std::filesystem::create_directory(dir.File("empty"));  // a run that makes the schema
  ASSERT_EQ(RunNewsfacts("ingest empty --db facts.db", dir.path()).exit_code, 0);
  {
    auto db = Open(dir.File("facts.db"));
    ASSERT_NE(db, nullptr);
    // Mentions come after the article, sentence and entity rows of an article.
    ASSERT_TRUE(db->Exec("CREATE TRIGGER refuse BEFORE INSERT ON mentions WHEN NEW.article_id = "
                         "(SELECT id FROM articles WHERE path LIKE '%refused.txt') "
                         "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
                    .ok());
  }

  const CommandResult run = RunNewsfacts("ingest news --db facts.db --batch 100", dir.path());
  EXPECT_NE(run.output.find("(30 new, 0 replaced, 0 unchanged, 1 failed)"), std::string::npos)
      << run.output;
  const size_t reported = run.output.find("refused.txt: not stored: ");
  EXPECT_NE(reported, std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("refused.txt: not stored: ", reported + 1), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("refused by the test"), std::string::npos) << run.output;

  ExpectIntact(dir.File("facts.db"));
  EXPECT_EQ(Counts(dir.File("facts.db")), Counts(dir.File("clean.db")));
  auto db = Open(dir.File("facts.db"));
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'tovar'"),
            30);
  EXPECT_EQ(
      *db->QueryInt("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'zentrilo'"), 0);
}

}  // namespace
}  // namespace newsfacts
