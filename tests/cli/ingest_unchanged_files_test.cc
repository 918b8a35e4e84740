// Re-ingest of unchanged files (issue 16): a file whose stamp (size, times, inode) and stored
// articles are as recorded in source_files is skipped unread, and the rules are compiled only
// when something needs extracting; every change is still found.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "cli/ingest_plan.h"
#include "db/sqlite.h"
#include "tests/cli/cli_test_util.h"

namespace newsfacts {
namespace {

using testing::RunNewsfacts;
using testing::TempDir;

const char kArticleA[] =
    "Northwind Labs raises $12 million\n\n"
    "Northwind Labs Inc. said on Tuesday it raised $12 million. The U.S. startup builds tools.\n";
const char kArticleB[] =
    "Contoso buys Fabrikam\n\n"
    "Contoso Corp. agreed to buy Fabrikam for $300 million, Mr. Smith said.\n";
// Same length as kArticleB, another amount.
const char kArticleBChanged[] =
    "Contoso buys Fabrikam\n\n"
    "Contoso Corp. agreed to buy Fabrikam for $900 million, Mr. Smith said.\n";
// A claim rule that does not compile: a user's --rules folder with a mistake.
const char kBrokenRules[] =
    "{\"kind\": \"claims\",\n \"rules\": [\n"
    "  {\"id\": \"broken.one\", \"predicate\": \"acquired\", \"priority\": 1,\n"
    "   \"pattern\": \"{ORG} buys (\"}\n ]}\n";

std::string Query(const TempDir& dir, const std::string& sql) {
  return RunNewsfacts("query \"" + sql + "\" --db facts.db --format csv", dir.path()).output;
}

// Runs `ingest FOLDER --db facts.db ARGS` with the folder's absolute path, as PlanFor names it.
testing::CommandResult Ingest(const TempDir& dir, const std::string& folder,
                              const std::string& args = "") {
  return RunNewsfacts("ingest '" + (dir.path() / folder).string() + "' --db facts.db " + args,
                      dir.path());
}

// Writes `bytes` to `relative` and dates its modification an hour back, as a file of a corpus
// written earlier; a file modified in the last two seconds is never recorded.
void WriteOld(const TempDir& dir, const std::string& relative, const std::string& bytes) {
  const std::filesystem::path file = dir.Write(relative, bytes);
  std::filesystem::last_write_time(
      file, std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
}

// The plan an ingest of `folder` into facts.db would follow now, with the built-in rules'
// fingerprint as stored by the runs so far.
IngestPlan PlanFor(const TempDir& dir, const std::string& folder) {
  IngestOptions options;
  options.roots = {dir.path() / folder};
  options.run.tool_version = NEWSFACTS_VERSION;
  options.run.rules_fingerprint =
      Query(dir, "SELECT rules_fingerprint AS f FROM runs LIMIT 1").substr(2);
  options.run.rules_fingerprint.pop_back();  // the CSV line's newline
  auto store = FactStore::Open(dir.File("facts.db"));
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  StatusOr<IngestPlan> plan = PlanIngest(options, **store);
  EXPECT_TRUE(plan.ok()) << plan.status().ToString();
  return std::move(plan).value();
}

TEST(IngestUnchangedFilesTest, AnUnchangedCorpusIsSkippedUnreadWithoutCompilingTheRules) {
  TempDir dir;
  WriteOld(dir, "articles/a.txt", kArticleA);
  WriteOld(dir, "articles/b.txt", kArticleB);
  ASSERT_EQ(Ingest(dir, "articles").exit_code, 0);
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n, sum(articles) AS a FROM source_files"), "n,a\n2,2\n");

  const IngestPlan plan = PlanFor(dir, "articles");
  EXPECT_TRUE(plan.files_to_read.empty());
  EXPECT_EQ(plan.unchanged_files, 2);
  EXPECT_EQ(plan.unchanged_articles, 2);
  EXPECT_FALSE(plan.needs_pipeline);

  auto again = Ingest(dir, "articles");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("2 files, 2 articles (0 new, 0 replaced, 2 unchanged, 0 failed)"),
            std::string::npos)
      << again.output;
  EXPECT_EQ(Query(dir, "SELECT articles_unchanged AS n FROM runs ORDER BY id DESC LIMIT 1"),
            "n\n2\n");
}

TEST(IngestUnchangedFilesTest, AFileModifiedJustBeforeItWasReadIsNotRecorded) {
  TempDir dir;
  // Modified as late as the read itself (a change within the clock's tick could hide): its
  // time is put a minute ahead, so that a slow start of the ingest on a busy machine, more
  // than the two seconds' margin after the write, still reads it as just modified.
  const std::filesystem::path file = dir.Write("articles/a.txt", kArticleA);
  std::filesystem::last_write_time(
      file, std::filesystem::file_time_type::clock::now() + std::chrono::minutes(1));
  ASSERT_EQ(Ingest(dir, "articles").exit_code, 0);
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM source_files"), "n\n0\n");
  EXPECT_EQ(PlanFor(dir, "articles").files_to_read.size(), 1u);
}

// Same size, modification time put back: the change time and the content still tell.
TEST(IngestUnchangedFilesTest, AFileRewrittenWithTheSameSizeAndTimeIsReadAgain) {
  TempDir dir;
  WriteOld(dir, "articles/a.txt", kArticleA);
  WriteOld(dir, "articles/b.txt", kArticleB);
  ASSERT_EQ(Ingest(dir, "articles").exit_code, 0);
  const std::filesystem::path b = dir.path() / "articles/b.txt";
  const auto modified = std::filesystem::last_write_time(b);
  dir.Write("articles/b.txt", kArticleBChanged);
  std::filesystem::last_write_time(b, modified);
  ASSERT_EQ(std::filesystem::file_size(b), std::string(kArticleB).size());

  auto rerun = Ingest(dir, "articles");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("0 new, 1 replaced, 1 unchanged"), std::string::npos) << rerun.output;
  EXPECT_NE(Query(dir, "SELECT text FROM articles WHERE path LIKE '%b.txt'").find("$900 million"),
            std::string::npos);
}

// A file replaced by another one (a new inode) of the same size and modification time.
TEST(IngestUnchangedFilesTest, AFileReplacedByOneOfTheSameSizeIsReadAgain) {
  TempDir dir;
  WriteOld(dir, "articles/b.txt", kArticleB);
  ASSERT_EQ(Ingest(dir, "articles").exit_code, 0);
  const std::filesystem::path b = dir.path() / "articles/b.txt";
  const std::filesystem::path replacement = dir.Write("new-b.txt", kArticleBChanged);
  std::filesystem::last_write_time(replacement, std::filesystem::last_write_time(b));
  std::filesystem::rename(replacement, b);

  auto rerun = Ingest(dir, "articles");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("0 new, 1 replaced, 0 unchanged"), std::string::npos) << rerun.output;
}

// One record of a .jsonl file changes: the file is read again, the other records are unchanged,
// and the file is recorded again with its new digest, so the next run skips it.
TEST(IngestUnchangedFilesTest, AJsonlFileOfManyArticlesIsReadAgainWhenOneChanges) {
  TempDir dir;
  const auto records = [](const std::string& amount_of_fifth) {
    std::string lines;
    for (int i = 0; i < 8; ++i) {
      const std::string n = std::to_string(i);
      lines += "{\"title\": \"Contoso buys Fabrikam " + n +
               "\", \"text\": \"Contoso Corp. agreed to buy Fabrikam " + n + " Ltd for $" +
               (i == 5 ? amount_of_fifth : "1" + n) + "0 million.\"}\n";
    }
    return lines;
  };
  WriteOld(dir, "wire/all.jsonl", records("77"));
  ASSERT_EQ(Ingest(dir, "wire", "--jobs 2").exit_code, 0);
  EXPECT_EQ(Query(dir, "SELECT articles AS n FROM source_files"), "n\n8\n");
  EXPECT_EQ(PlanFor(dir, "wire").unchanged_articles, 8);

  WriteOld(dir, "wire/all.jsonl", records("88"));
  auto rerun = Ingest(dir, "wire", "--jobs 2");
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("0 new, 1 replaced, 7 unchanged"), std::string::npos) << rerun.output;
  const IngestPlan plan = PlanFor(dir, "wire");
  EXPECT_EQ(plan.unchanged_files, 1);
  EXPECT_EQ(plan.unchanged_articles, 8);
}

// The articles stored at a recorded path changed without the file (deleted here; `load` could
// store others): the file's digest no longer matches, so it is read and stored again.
TEST(IngestUnchangedFilesTest, AFileWhoseStoredArticlesChangedIsReadAgain) {
  TempDir dir;
  WriteOld(dir, "articles/a.txt", kArticleA);
  ASSERT_EQ(Ingest(dir, "articles").exit_code, 0);
  {
    auto db = sqlite::Connection::Open(dir.File("facts.db"), sqlite::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->Exec("PRAGMA foreign_keys = ON").ok());
    ASSERT_TRUE((*db)->Exec("DELETE FROM articles").ok());
  }
  EXPECT_EQ(PlanFor(dir, "articles").files_to_read.size(), 1u);
  auto rerun = Ingest(dir, "articles");
  EXPECT_NE(rerun.output.find("1 new, 0 replaced, 0 unchanged"), std::string::npos) << rerun.output;
}

// Skipping unread files changes nothing for other rules: every stored article is extracted
// again, from its stored text, as before.
TEST(IngestUnchangedFilesTest, OtherRulesStillReextractEverything) {
  TempDir dir;
  WriteOld(dir, "articles/a.txt", kArticleA);
  WriteOld(dir, "articles/b.txt", kArticleB);
  ASSERT_EQ(Ingest(dir, "articles").exit_code, 0);
  dir.Write("rules/extra.jsonl",
            "{\"id\":\"northwind-test\",\"name\":\"Northwind Labs\",\"type\":\"ORG\"}\n");
  auto other = Ingest(dir, "articles", "--rules rules");
  ASSERT_EQ(other.exit_code, 0) << other.output;
  EXPECT_NE(other.output.find("2 unchanged, 0 failed), 2 stored articles re-extracted"),
            std::string::npos)
      << other.output;
}

// A broken --rules folder fails with file:line before the run writes anything, also when every
// file is unchanged, and into a new database, which it does not leave behind.
TEST(IngestUnchangedFilesTest, BrokenRulesFailBeforeAnythingIsWritten) {
  TempDir dir;
  WriteOld(dir, "articles/a.txt", kArticleA);
  dir.Write("rules/bad.json", kBrokenRules);
  auto fresh = Ingest(dir, "articles", "--rules rules");
  EXPECT_EQ(fresh.exit_code, 2);
  EXPECT_NE(fresh.output.find("rules/bad.json:3: rule broken.one"), std::string::npos)
      << fresh.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "facts.db"));

  ASSERT_EQ(Ingest(dir, "articles").exit_code, 0);
  auto broken = Ingest(dir, "articles", "--rules rules");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.output.find("rules/bad.json:3: rule broken.one"), std::string::npos)
      << broken.output;
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM runs"), "n\n1\n");

  // A database without articles and an empty folder: nothing to extract, but rules no run
  // of this database used are compiled all the same.
  std::filesystem::create_directories(dir.path() / "empty");
  ASSERT_EQ(RunNewsfacts("ingest empty --db empty.db", dir.path()).exit_code, 0);
  auto empty = RunNewsfacts("ingest empty --db empty.db --rules rules", dir.path());
  EXPECT_EQ(empty.exit_code, 2) << empty.output;
  EXPECT_NE(empty.output.find("rules/bad.json:3: rule broken.one"), std::string::npos)
      << empty.output;
}

}  // namespace
}  // namespace newsfacts
