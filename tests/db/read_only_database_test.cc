// Reading a database that may not be written (issue 15, item 9): query and compare open it
// as SQLite documents for WAL files, leave no -wal/-shm files behind, read PRAGMA settings,
// and name an ATTACHed file that cannot be opened.
#include "db/read_only_database.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "db/fact_store.h"
#include "db/query.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::TempDir;

// Keeps the first cell of every row as text.
class FirstCells : public RowSink {
 public:
  void BeginResult(const std::vector<std::string>&) override {}
  void Row(const std::vector<Cell>& cells) override {
    const Cell& cell = cells.at(0);
    values.push_back(cell.type == CellType::kInteger ? std::to_string(cell.integer)
                                                     : std::string(cell.bytes));
  }
  void EndResult() override {}
  std::vector<std::string> values;
};

bool Exists(const std::string& path) { return std::filesystem::exists(path); }

class ReadOnlyDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = folder_.File("db/facts.db");
    std::filesystem::create_directories(folder_.path() / "db");
    // A database as ingest leaves it: WAL mode, its -wal/-shm files removed on close.
    auto store = FactStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store->reset();
    ASSERT_FALSE(Exists(path_ + "-wal"));
  }

  TempDir folder_;
  std::string path_;
};

TEST_F(ReadOnlyDatabaseTest, QueryLeavesNoWalOrShmFilesBehind) {
  FirstCells rows;
  ASSERT_TRUE(RunQuery(path_, "SELECT count(*) FROM articles", rows).ok());
  EXPECT_EQ(rows.values, std::vector<std::string>{"0"});
  EXPECT_FALSE(Exists(path_ + "-wal"));
  EXPECT_FALSE(Exists(path_ + "-shm"));
}

TEST_F(ReadOnlyDatabaseTest, PragmaJournalModeIsAReadNotAWrite) {
  FirstCells rows;
  Status status = RunQuery(path_, "PRAGMA journal_mode", rows);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(rows.values, std::vector<std::string>{"wal"});
  // Setting it is still a write.
  EXPECT_EQ(RunQuery(path_, "PRAGMA journal_mode = DELETE", rows).code(), StatusCode::kReadOnly);
  EXPECT_EQ(RunQuery(path_, "PRAGMA main.journal_mode = DELETE", rows).code(),
            StatusCode::kReadOnly);
  EXPECT_EQ(RunQuery(path_, "PRAGMA wal_checkpoint", rows).code(), StatusCode::kReadOnly);
  EXPECT_EQ(testing::ReadRows(path_, "PRAGMA journal_mode"), (testing::Rows{{"wal"}}));
}

TEST_F(ReadOnlyDatabaseTest, AttachErrorNamesTheAttachedFileAndCreatesNothing) {
  const std::string missing = folder_.File("missing.db");
  FirstCells rows;
  Status status = RunQuery(path_, "ATTACH '" + missing + "' AS other", rows);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.message().rfind(missing + ": cannot open database", 0), 0u) << status.message();
  EXPECT_FALSE(Exists(missing));
}

TEST_F(ReadOnlyDatabaseTest, TemporaryTablesAndWritesThroughAttachAreRefused) {
  const std::string other = folder_.File("other.db");
  ASSERT_TRUE(FactStore::Open(other).ok());
  FirstCells rows;
  EXPECT_EQ(RunQuery(path_, "ATTACH '" + other + "' AS o; DELETE FROM o.runs", rows).code(),
            StatusCode::kReadOnly);
  EXPECT_EQ(RunQuery(path_, "CREATE TEMP TABLE t (x)", rows).code(), StatusCode::kReadOnly);
}

// In a folder this process may not write (as another user when the tests run as root, since
// root writes anyway), the database is read as immutable and nothing appears beside it.
TEST_F(ReadOnlyDatabaseTest, AReadOnlyFolderIsQueriedWithoutCreatingFiles) {
  const std::filesystem::path db_folder = folder_.path() / "db";
  using std::filesystem::perms;
  std::filesystem::permissions(path_, perms::owner_read | perms::group_read | perms::others_read);
  std::filesystem::permissions(folder_.path(), perms::owner_all | perms::group_exec |
                                                   perms::others_exec | perms::group_read |
                                                   perms::others_read);
  std::filesystem::permissions(db_folder, perms::owner_read | perms::owner_exec |
                                              perms::group_read | perms::group_exec |
                                              perms::others_read | perms::others_exec);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(10);
    if (access(db_folder.c_str(), W_OK) == 0) _exit(11);  // the folder is writable after all
    FirstCells rows;
    Status status = RunQuery(path_, "SELECT count(*) FROM runs; PRAGMA journal_mode", rows);
    if (!status.ok()) _exit(12);
    if (rows.values.size() != 2 || rows.values[0] != "0") _exit(13);
    auto compared = OpenReadOnlyDatabase(path_);
    _exit(compared.ok() ? 0 : 14);
  }
  int wait_status = 0;
  ASSERT_EQ(waitpid(child, &wait_status, 0), child);
  std::filesystem::permissions(db_folder, perms::owner_all);
  ASSERT_TRUE(WIFEXITED(wait_status));
  EXPECT_EQ(WEXITSTATUS(wait_status), 0)
      << "10: cannot change user, 11: folder writable, 12: query failed, 13: wrong rows, "
         "14: open failed";
  EXPECT_FALSE(Exists(path_ + "-wal"));
  EXPECT_FALSE(Exists(path_ + "-shm"));
}

}  // namespace
}  // namespace newsfacts
