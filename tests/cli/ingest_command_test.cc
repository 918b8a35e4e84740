// End-to-end ingest: incremental re-runs, replacement of changed articles, bad files, exit codes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

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

std::string Query(const TempDir& dir, const std::string& sql) {
  return RunNewsfacts("query \"" + sql + "\" --db facts.db --format csv", dir.path()).output;
}

TEST(IngestCommandTest, IngestingTwiceStoresEachArticleOnce) {
  TempDir dir;
  dir.Write("articles/a.txt", kArticleA);
  dir.Write("articles/nested/b.txt", kArticleB);
  auto first = RunNewsfacts("ingest articles --db facts.db", dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("2 new"), std::string::npos) << first.output;

  auto second = RunNewsfacts("ingest articles --db facts.db", dir.path());
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("0 new, 0 replaced, 2 unchanged"), std::string::npos)
      << second.output;
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM articles"), "n\n2\n");
}

TEST(IngestCommandTest, AChangedArticleIsReplacedAndTheOtherKept) {
  TempDir dir;
  dir.Write("articles/a.txt", kArticleA);
  dir.Write("articles/b.txt", kArticleB);
  ASSERT_EQ(RunNewsfacts("ingest articles --db facts.db", dir.path()).exit_code, 0);
  const std::string ids_before = Query(dir, "SELECT id, path FROM articles ORDER BY path");

  dir.Write("articles/b.txt", std::string(kArticleB) + "\nThe deal is expected to close in May.\n");
  auto rerun = RunNewsfacts("ingest articles --db facts.db", dir.path());
  ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("0 new, 1 replaced, 1 unchanged"), std::string::npos) << rerun.output;
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM articles"), "n\n2\n");
  EXPECT_NE(Query(dir, "SELECT text FROM articles WHERE path LIKE '%b.txt'").find("close in May"),
            std::string::npos);
  // The unchanged article kept its row; sentences of the old version of b are gone.
  const std::string a_row = Query(dir, "SELECT id FROM articles WHERE path LIKE '%a.txt'");
  EXPECT_NE(ids_before.find(a_row.substr(3, a_row.size() - 4)), std::string::npos);
  EXPECT_EQ(Query(dir,
                  "SELECT count(*) AS n FROM sentences s JOIN articles a ON a.id = s.article_id "
                  "WHERE a.path LIKE '%b.txt' AND s.text LIKE '%close in May%'"),
            "n\n1\n");
}

// The records of one .jsonl file are shared out among the workers (issue 16): every record is
// stored once, with the same facts as one worker finds, the file counted once, and a second
// run finds them all unchanged.
TEST(IngestCommandTest, RecordsOfOneFileSharedByTwoWorkersAreEachStoredOnce) {
  TempDir dir;
  std::string records;
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    records += "{\"title\": \"Contoso buys Fabrikam " + n +
               "\", \"text\": \"Contoso Corp. agreed to buy Fabrikam " + n + " Ltd for $" + n +
               "00 million, Mr. Smith said.\"}\n";
  }
  dir.Write("wire/all.jsonl", records);
  const char kFacts[] =
      "SELECT a.record_index, c.predicate, c.subject_text, c.object_text, c.start_byte "
      "FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY 1, 5";
  auto one = RunNewsfacts("ingest wire --db one.db --jobs 1", dir.path());
  ASSERT_EQ(one.exit_code, 0) << one.output;
  auto two = RunNewsfacts("ingest wire --db facts.db --jobs 2", dir.path());
  ASSERT_EQ(two.exit_code, 0) << two.output;
  EXPECT_NE(two.output.find("1 files, 12 articles (12 new"), std::string::npos) << two.output;
  EXPECT_EQ(Query(dir, "SELECT count(DISTINCT record_index) AS n FROM articles"), "n\n12\n");
  const std::string facts = Query(dir, kFacts);
  EXPECT_NE(facts.find("acquired"), std::string::npos) << facts;
  EXPECT_EQ(
      RunNewsfacts(std::string("query \"") + kFacts + "\" --db one.db --format csv", dir.path())
          .output,
      facts);
  auto again = RunNewsfacts("ingest wire --db facts.db --jobs 2", dir.path());
  EXPECT_NE(again.output.find("0 new, 0 replaced, 12 unchanged"), std::string::npos)
      << again.output;
}

// The records of a .jsonl file are read as they are taken (cli/file_articles.h): its bad
// records are each named, the file counts once among the failed however many workers read it,
// and it is read again next time.
TEST(IngestCommandTest, BadRecordsOfASharedFileAreNamedAndTheFileFailsOnce) {
  TempDir dir;
  std::string records;
  for (int i = 0; i < 8; ++i) {
    records +=
        "{\"text\": \"Contoso Corp. agreed to buy Fabrikam " + std::to_string(i) + " Ltd.\"}\n";
    if (i == 2) records += "{\"title\": \"no text\"}\n";
    if (i == 5) records += "{\"text\": \"cut off\n";
  }
  dir.Write("wire/all.jsonl", records);
  for (const char* jobs : {"1", "2"}) {
    SCOPED_TRACE(jobs);
    const std::string db = std::string("facts") + jobs + ".db";
    for (int run = 0; run < 2; ++run) {
      auto result = RunNewsfacts("ingest wire --db " + db + " --jobs " + jobs, dir.path());
      EXPECT_EQ(result.exit_code, 1) << result.output;
      EXPECT_NE(result.output.find("all.jsonl:4: record has no text"), std::string::npos)
          << result.output;
      EXPECT_NE(result.output.find("all.jsonl:8: malformed JSON"), std::string::npos)
          << result.output;
      EXPECT_NE(result.output.find(run == 0 ? "(8 new, 0 replaced, 0 unchanged, 1 failed)"
                                            : "(0 new, 0 replaced, 8 unchanged, 1 failed)"),
                std::string::npos)
          << result.output;
    }
  }
}

TEST(IngestCommandTest, BadFilesAreNamedSkippedAndMakeTheExitCodeOne) {
  TempDir dir;
  dir.Write("articles/good.txt", kArticleA);
  dir.Write("articles/empty.txt", "");
  // The length comes from the literal itself: a hand-counted 22 read past its 21 bytes (#15).
  static constexpr char kBinary[] = "%PDF-1.4\n\0\0\x01\x02garbage";
  dir.Write("articles/binary.txt", std::string(kBinary, sizeof(kBinary) - 1));
  dir.Write("articles/latin1.txt", "Caf\xE9 chain Zeta raises $5 million\n\nZeta said so.\n");
  auto run = RunNewsfacts("ingest articles --db facts.db", dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("empty.txt"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("binary.txt"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("latin1.txt: invalid UTF-8 repaired"), std::string::npos) << run.output;
  // The good article and the repaired one are stored.
  EXPECT_EQ(Query(dir, "SELECT count(*) AS n FROM articles"), "n\n2\n");
  EXPECT_EQ(Query(dir, "SELECT repaired_sequences AS r FROM articles WHERE path LIKE '%latin1%'"),
            "r\n1\n");
}

TEST(IngestCommandTest, AMissingFolderIsFatal) {
  TempDir dir;
  auto run = RunNewsfacts("ingest no-such-folder --db facts.db", dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("no-such-folder"), std::string::npos) << run.output;
  // A new database is created only once the files are found: no empty one is left.
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "facts.db"));
}

// The workers are extracting when a new database turns out not to be creatable: the error
// names it, no summary follows, and the run ends.
TEST(IngestCommandTest, ANewDatabaseInAMissingFolderIsFatalAndNamed) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) dir.Write("articles/" + std::to_string(i) + ".txt", kArticleA);
  auto run = RunNewsfacts("ingest articles --db missing/facts.db --jobs 2", dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("missing/facts.db: cannot open database"), std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("stored "), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "missing"));
}

TEST(IngestCommandTest, AnUnwritableDatabaseIsFatalAndNamed) {
  TempDir dir;
  dir.Write("articles/a.txt", kArticleA);
  std::filesystem::create_directories(dir.path() / "db-is-a-folder.db");
  auto run = RunNewsfacts("ingest articles --db db-is-a-folder.db", dir.path());
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(run.output.find("db-is-a-folder.db"), std::string::npos) << run.output;
}

// Issue 15, item 11: a file name holding a newline was printed raw and could forge a summary
// line; one in invalid UTF-8 was stored as invalid TEXT.
TEST(IngestCommandTest, FileNamesAreEscapedInMessagesAndStoredAsValidUtf8) {
  TempDir dir;
  dir.Write("articles/x\nfacts.db: 99 files, 99 articles (99 new).txt", "");
  dir.Write("articles/caf\xE9.txt", kArticleA);
  auto run = RunNewsfacts("ingest articles --db facts.db", dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("x\\nfacts.db: 99 files"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("\nfacts.db: 99"), std::string::npos) << run.output;
  EXPECT_EQ(Query(dir,
                  "SELECT path LIKE '%caf\\xE9.txt' AS escaped, hex(path_bytes) LIKE "
                  "'%636166E92E747874' AS raw FROM articles"),
            "escaped,raw\n1,1\n");
  auto again = RunNewsfacts("ingest articles --db facts.db", dir.path());
  EXPECT_NE(again.output.find("0 new, 0 replaced, 1 unchanged"), std::string::npos) << again.output;
}

}  // namespace
}  // namespace newsfacts
