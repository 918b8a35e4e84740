// Small RAII wrappers over the SQLite C API: a Connection, prepared Statements and
// Transaction/Savepoint guards. sqlite3.h stays in sqlite.cc; callers see opaque handles.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace newsfacts::sqlite {

enum class OpenMode {
  kReadWriteCreate,  // create the file when missing
  kReadWrite,        // an existing file only: neither it nor an ATTACHed file is created
  kReadOnly,         // SQLITE_OPEN_READONLY: every write fails
};

// A SQLite `file:` URI for `path` (made absolute) followed by `?query` when `query` is not
// empty, e.g. FileUri("a b.db", "mode=ro") == "file:/cwd/a%20b.db?mode=ro". Every byte
// outside the unreserved set and "/" is percent-encoded, so "?", "#" and "%" in file names
// stay part of the path.
std::string FileUri(const std::string& path, std::string_view query);

enum class ColumnType { kInteger, kFloat, kText, kBlob, kNull };

class Statement;

// One open database file. Not thread-safe: one thread uses a Connection at a time.
class Connection {
 public:
  // The default busy timeout: how long a statement waits for another process's lock.
  static constexpr int kDefaultBusyTimeoutMs = 5000;

  // Opens `path` with `mode` and a busy timeout of `busy_timeout_ms`. Errors: IoError when
  // the file cannot be opened or created; messages name the file.
  static StatusOr<std::unique_ptr<Connection>> Open(const std::string& path, OpenMode mode,
                                                    int busy_timeout_ms = kDefaultBusyTimeoutMs);
  // Like Open, but `uri` is a SQLite `file:` URI (see FileUri) and messages name
  // `display_path`. URI parameters may only narrow `mode` (mode=ro, immutable=1).
  static StatusOr<std::unique_ptr<Connection>> OpenUri(const std::string& uri,
                                                       const std::string& display_path,
                                                       OpenMode mode,
                                                       int busy_timeout_ms = kDefaultBusyTimeoutMs);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more SQL statements that return no rows of interest (DDL, PRAGMA, BEGIN).
  // Errors: see Error().
  Status Exec(std::string_view sql);
  // Exec, tried again for up to the busy timeout while another process holds a lock: for the
  // statements SQLite runs without waiting (`PRAGMA journal_mode = WAL`, which a second
  // process opening the same new file may find locked by the first one's own switch).
  Status ExecWaitingForLocks(std::string_view sql);

  // Prepares the first statement of `sql`. With `rest`, stores what follows it there and
  // may return an empty Statement when `sql` holds only whitespace or comments; without
  // `rest`, anything after the first statement is an InvalidArgument. Errors: see Error().
  StatusOr<Statement> Prepare(std::string_view sql, std::string_view* rest = nullptr);

  // Returns the single integer that `sql` (e.g. "PRAGMA user_version") yields.
  StatusOr<int64_t> QueryInt(std::string_view sql);

  // True when the database was opened read-only or the file is not writable.
  bool IsReadOnly() const;

  // Frees the pages of its page cache that no statement holds and no transaction changed
  // (sqlite3_db_release_memory).
  void ReleaseCachedPages();

  // True while a transaction is open (SQLite may roll one back by itself after an error).
  bool InTransaction() const;
  int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t Changes() const;
  const std::string& path() const { return path_; }

  // From now on, a statement still running at `deadline` stops with an error (SQLite's
  // progress handler interrupts it); nullopt removes the deadline. DeadlinePassed() then
  // tells a timeout from other errors.
  void SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline);
  bool DeadlinePassed() const;

  // Turns SQLite result code `rc` into a Status naming the file: Busy for BUSY/LOCKED,
  // ReadOnly for READONLY, FailedPrecondition for a file that is not SQLite, DataLoss for a
  // corrupt file, InvalidArgument for SQL and constraint errors, IoError otherwise.
  // `context` says what was being done, e.g. "inserting mentions".
  Status Error(int rc, std::string_view context) const;

 private:
  Connection(std::string path, sqlite3* db, int busy_timeout_ms)
      : path_(std::move(path)), db_(db), busy_timeout_ms_(busy_timeout_ms) {}
  static StatusOr<std::unique_ptr<Connection>> OpenWith(const std::string& target,
                                                        const std::string& display_path, int flags,
                                                        int busy_timeout_ms);
  static int OnProgress(void* connection);
  static int OnAuthorize(void* connection, int action, const char* arg1, const char* arg2,
                         const char* schema, const char* trigger);

  std::string path_;
  sqlite3* db_;
  int busy_timeout_ms_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  bool deadline_passed_ = false;
  // What the statement being prepared reads when it is `PRAGMA name` without a value.
  std::string preparing_pragma_;
  bool preparing_other_ = false;  // it also does something else (or sets the pragma)
};

// A prepared statement bound to its Connection, which must outlive it. Bind indexes start
// at 1. Bind errors are recorded and returned by the next Step. Move-only; not thread-safe.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // True for the result of preparing only whitespace or comments.
  bool empty() const { return stmt_ == nullptr; }

  void BindInt64(int index, int64_t value);
  void BindText(int index, std::string_view value);
  // Binds `value` as text without copying it (a 60 MB article text would be copied once
  // more): its bytes must stay alive and unchanged until the statement is run or reset.
  void BindTextUnowned(int index, std::string_view value);
  void BindNull(int index);
  // Binds `value` as a BLOB (an empty one, not NULL, when it is empty).
  void BindBlob(int index, std::string_view value);
  void BindOptionalText(int index, const std::optional<std::string>& value);
  void BindOptionalInt64(int index, std::optional<int64_t> value);
  // Binds NULL when `value` is empty, text otherwise.
  void BindTextOrNull(int index, std::string_view value);

  // Returns true when a row is ready, false when the statement is done. Errors: see
  // Connection::Error(); after an error the statement is reset.
  StatusOr<bool> Step();
  // Steps to the end, ignoring rows, then resets and clears bindings.
  Status Run();
  // Makes the statement runnable again and clears its bindings.
  void Reset();

  // True when the statement cannot change the database (sqlite3_stmt_readonly).
  bool IsReadOnly() const;
  // The pragma's name when the statement is `PRAGMA [schema.]name` with no value, which
  // reads a setting (sqlite3_stmt_readonly says false for some, e.g. journal_mode); empty
  // for every other statement.
  const std::string& PragmaRead() const { return pragma_read_; }
  int ColumnCount() const;
  std::string ColumnName(int column) const;
  ColumnType TypeOf(int column) const;
  int64_t ColumnInt64(int column) const;
  double ColumnDouble(int column) const;
  // Text or blob bytes; valid until the next Step or Reset.
  std::string_view ColumnText(int column) const;
  std::string_view ColumnBlob(int column) const;

 private:
  friend class Connection;
  Statement(const Connection* connection, sqlite3_stmt* stmt)
      : connection_(connection), stmt_(stmt) {}
  void Record(int rc, int index);

  const Connection* connection_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = 0;  // first failed sqlite3_bind_* result code, 0 when none
  int bind_error_index_ = 0;
  std::string pragma_read_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless committed. Not thread-safe.
class Transaction {
 public:
  // Starts a write transaction. Errors: Busy when another process holds the write lock.
  static StatusOr<std::unique_ptr<Transaction>> Begin(Connection& connection);
  ~Transaction();

  // Commits. Errors: see Connection::Error(); the transaction is rolled back on error.
  Status Commit();

 private:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  Connection& connection_;
  bool done_ = false;
};

// SAVEPOINT name ... RELEASE; rolls back to the savepoint on destruction unless released.
// Nests inside a Transaction or starts one itself. Not thread-safe.
class Savepoint {
 public:
  // `name` is an SQL identifier chosen by the caller, never user input.
  static StatusOr<std::unique_ptr<Savepoint>> Begin(Connection& connection, std::string name);
  ~Savepoint();

  // Keeps the changes made since Begin. Errors: see Connection::Error().
  Status Release();

 private:
  Savepoint(Connection& connection, std::string name)
      : connection_(connection), name_(std::move(name)) {}
  Connection& connection_;
  std::string name_;
  bool done_ = false;
};

}  // namespace newsfacts::sqlite
