// The SQLite wrappers: binding and reading values, transaction and savepoint guards, and
// result codes mapped to Status values that name the file.
#include "db/sqlite.h"

#include <gtest/gtest.h>

#include <thread>

#include "tests/db/db_test_util.h"

namespace newsfacts::sqlite {
namespace {

using newsfacts::testing::ReadInt;
using newsfacts::testing::ReadRows;
using newsfacts::testing::Rows;
using newsfacts::testing::TempDir;

std::unique_ptr<Connection> OpenOrDie(const std::string& path) {
  auto connection = Connection::Open(path, OpenMode::kReadWriteCreate);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  return std::move(*connection);
}

TEST(SqliteTest, BindsAndReadsEveryType) {
  TempDir folder;
  auto db = OpenOrDie(folder.File("types.db"));
  ASSERT_TRUE(db->Exec("CREATE TABLE t (i INTEGER, s TEXT, n TEXT, o INTEGER)").ok());
  auto insert = db->Prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
  ASSERT_TRUE(insert.ok()) << insert.status().ToString();
  insert->BindInt64(1, -9007199254740993);
  insert->BindText(2, std::string_view("caf\xC3\xA9\0x", 7));
  insert->BindTextOrNull(3, "");
  insert->BindOptionalInt64(4, std::nullopt);
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_EQ(db->Changes(), 1);
  EXPECT_EQ(db->LastInsertRowId(), 1);

  auto select = db->Prepare("SELECT i, s, n, o, typeof(n), x'00ff', 1.5 FROM t");
  ASSERT_TRUE(select.ok());
  StatusOr<bool> row = select->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->ColumnCount(), 7);
  EXPECT_EQ(select->ColumnName(0), "i");
  EXPECT_EQ(select->ColumnInt64(0), -9007199254740993);
  EXPECT_EQ(select->ColumnText(1), std::string_view("caf\xC3\xA9\0x", 7));
  EXPECT_EQ(select->TypeOf(2), ColumnType::kNull);
  EXPECT_EQ(select->TypeOf(3), ColumnType::kNull);
  EXPECT_EQ(select->ColumnText(4), "null");
  EXPECT_EQ(select->TypeOf(5), ColumnType::kBlob);
  EXPECT_EQ(select->ColumnBlob(5), std::string_view("\0\xFF", 2));
  EXPECT_EQ(select->TypeOf(6), ColumnType::kFloat);
  EXPECT_EQ(select->ColumnDouble(6), 1.5);
  row = select->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST(SqliteTest, PrepareSplitsStatementsAndRefusesTrailingSql) {
  TempDir folder;
  auto db = OpenOrDie(folder.File("split.db"));
  std::string_view rest = "SELECT 1; SELECT 2; -- done\n";
  auto first = db->Prepare(rest, &rest);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->empty());
  auto second = db->Prepare(rest, &rest);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->empty());
  auto comment = db->Prepare(rest, &rest);
  ASSERT_TRUE(comment.ok());
  EXPECT_TRUE(comment->empty());
  EXPECT_TRUE(rest.empty());

  auto two = db->Prepare("SELECT 1; SELECT 2");
  EXPECT_EQ(two.status().code(), StatusCode::kInvalidArgument);
}

TEST(SqliteTest, TransactionRollsBackUnlessCommitted) {
  TempDir folder;
  const std::string path = folder.File("tx.db");
  auto db = OpenOrDie(path);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER)").ok());
  {
    auto transaction = Transaction::Begin(*db);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1)").ok());
  }
  EXPECT_FALSE(db->InTransaction());
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM t"), 0);
  {
    auto transaction = Transaction::Begin(*db);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (2)").ok());
    ASSERT_TRUE((*transaction)->Commit().ok());
  }
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM t"), 1);
}

TEST(SqliteTest, SavepointRollsBackOnlyItsOwnChanges) {
  TempDir folder;
  const std::string path = folder.File("savepoint.db");
  auto db = OpenOrDie(path);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER)").ok());
  auto transaction = Transaction::Begin(*db);
  ASSERT_TRUE(transaction.ok());
  ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1)").ok());
  {
    auto savepoint = Savepoint::Begin(*db, "inner");
    ASSERT_TRUE(savepoint.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (2)").ok());
  }
  {
    auto savepoint = Savepoint::Begin(*db, "inner");
    ASSERT_TRUE(savepoint.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (3)").ok());
    ASSERT_TRUE((*savepoint)->Release().ok());
  }
  EXPECT_TRUE(db->InTransaction());
  ASSERT_TRUE((*transaction)->Commit().ok());
  EXPECT_EQ(ReadInt(path, "SELECT group_concat(x) = '1,3' FROM t ORDER BY x"), 1);
}

TEST(SqliteTest, ErrorsNameTheFileAndMapToCodes) {
  TempDir folder;
  const std::string path = folder.File("errors.db");
  auto db = OpenOrDie(path);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER NOT NULL)").ok());

  Status syntax = db->Exec("SELEC 1");
  EXPECT_EQ(syntax.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(syntax.message().rfind(path + ": ", 0), 0u) << syntax.message();
  EXPECT_NE(syntax.message().find("syntax error"), std::string::npos) << syntax.message();

  auto insert = db->Prepare("INSERT INTO t VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  insert->BindNull(1);
  Status constraint = insert->Run();
  EXPECT_EQ(constraint.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(constraint.message().find("NOT NULL"), std::string::npos) << constraint.message();

  insert->BindInt64(7, 1);  // no parameter 7: reported by the next step
  Status range = insert->Run();
  EXPECT_EQ(range.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(range.message().find("parameter 7"), std::string::npos) << range.message();
  insert->BindInt64(1, 5);
  EXPECT_TRUE(insert->Run().ok());

  auto missing = Connection::Open(folder.File("no/such/folder.db"), OpenMode::kReadWriteCreate);
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  EXPECT_NE(missing.status().message().find("no/such/folder.db"), std::string::npos);
}

TEST(SqliteTest, ReadOnlyConnectionRefusesWrites) {
  TempDir folder;
  const std::string path = folder.File("ro.db");
  ASSERT_TRUE(OpenOrDie(path)->Exec("CREATE TABLE t (x INTEGER)").ok());
  auto db = Connection::Open(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE((*db)->IsReadOnly());
  Status write = (*db)->Exec("INSERT INTO t VALUES (1)");
  EXPECT_EQ(write.code(), StatusCode::kReadOnly);
  EXPECT_EQ(write.message().rfind(path + ": database is read-only", 0), 0u) << write.message();
}

TEST(SqliteTest, LockHeldByAnotherConnectionIsBusy) {
  TempDir folder;
  const std::string path = folder.File("busy.db");
  auto holder = OpenOrDie(path);
  ASSERT_TRUE(holder->Exec("CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE").ok());
  auto waiter = Connection::Open(path, OpenMode::kReadWriteCreate, /*busy_timeout_ms=*/50);
  ASSERT_TRUE(waiter.ok());
  Status busy = (*waiter)->Exec("INSERT INTO t VALUES (1)");
  EXPECT_EQ(busy.code(), StatusCode::kBusy);
  EXPECT_EQ(busy.message(),
            path + ": database is locked by another process; retry when it finishes");
}

// `PRAGMA journal_mode = WAL` fails at once while another connection holds the file, whatever
// the busy timeout; ExecWaitingForLocks tries again until the holder lets go.
TEST(SqliteTest, SwitchToWalWaitsForAnotherConnectionsLock) {
  TempDir folder;
  const std::string path = folder.File("switch.db");
  auto holder = OpenOrDie(path);
  ASSERT_TRUE(holder->Exec("CREATE TABLE t (x INTEGER); BEGIN EXCLUSIVE").ok());
  auto waiter = Connection::Open(path, OpenMode::kReadWriteCreate, /*busy_timeout_ms=*/5000);
  ASSERT_TRUE(waiter.ok());
  EXPECT_EQ((*waiter)->Exec("PRAGMA journal_mode = WAL").code(), StatusCode::kBusy);

  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_TRUE(holder->Exec("COMMIT").ok());
  });
  Status status = (*waiter)->ExecWaitingForLocks("PRAGMA journal_mode = WAL");
  release.join();
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(ReadRows(path, "PRAGMA journal_mode"), Rows{{"wal"}});
}

}  // namespace
}  // namespace newsfacts::sqlite
