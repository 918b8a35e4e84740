// The SQLite wrappers: result codes become Status values naming the database file.
#include "db/sqlite.h"

#include <sqlite3.h>

#include <cctype>
#include <climits>
#include <filesystem>
#include <thread>
#include <utility>

namespace newsfacts::sqlite {
namespace {

// Error messages quote at most this many bytes of the failing statement's SQL.
constexpr size_t kSqlContextBytes = 80;

// How many times a statement is prepared while the schema keeps changing under it.
constexpr int kSchemaAttempts = 20;
// How long to wait between attempts at a statement SQLite runs without its busy handler.
constexpr auto kLockRetryInterval = std::chrono::milliseconds(10);

// sqlite3_prepare_v2, tried again while it reports SQLITE_SCHEMA: SQLite tries a second time
// when the schema changed as it read it, but another process creating a new database's tables
// and then deferring its indexes can change it again in between (two ingests starting on one
// new file failed about one run in a hundred with "no such table: articles").
int PrepareAsSchemaSettles(sqlite3* db, const char* sql, int bytes, sqlite3_stmt** stmt,
                           const char** tail) {
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < kSchemaAttempts; ++attempt) {
    rc = sqlite3_prepare_v2(db, sql, bytes, stmt, tail);
    if ((rc & 0xff) != SQLITE_SCHEMA) break;
  }
  return rc;
}

bool IsBlank(std::string_view sql) {
  return sql.find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

std::string SqlContext(sqlite3_stmt* stmt) {
  const char* sql = sqlite3_sql(stmt);
  if (sql == nullptr) return "";
  std::string context(sql);
  if (context.size() > kSqlContextBytes) {
    context.resize(kSqlContextBytes);
    // Cut back to a code point boundary so the message stays valid UTF-8.
    while (!context.empty() && (static_cast<unsigned char>(context.back()) & 0xC0) == 0x80) {
      context.pop_back();
    }
    if (!context.empty() && static_cast<unsigned char>(context.back()) >= 0xC0) {
      context.pop_back();
    }
    context += "...";
  }
  return context;
}

// A file SQLite could not open after the database itself was open: an ATTACHed one, which
// its message names ("unable to open database: other.db"), or a temporary file.
Status CantOpenOther(const std::string& path, const std::string& detail) {
  constexpr std::string_view kPrefix = "unable to open database: ";
  if (detail.rfind(kPrefix, 0) == 0) {
    return Status::IoError(detail.substr(kPrefix.size()) +
                           ": cannot open database (does the file exist?)");
  }
  return Status::IoError(path + ": " + detail);
}

int OpenFlags(OpenMode mode) {
  switch (mode) {
    case OpenMode::kReadWriteCreate:
      return SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case OpenMode::kReadWrite:
      return SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE;
    case OpenMode::kReadOnly:
      return SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY;
  }
  return SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY;
}

}  // namespace

std::string FileUri(const std::string& path, std::string_view query) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) absolute = path;
  std::string uri = "file:";
  for (const char c : absolute.string()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri.push_back(c);
    } else {
      uri.push_back('%');
      uri.push_back(kHex[byte >> 4]);
      uri.push_back(kHex[byte & 0x0F]);
    }
  }
  if (!query.empty()) {
    uri.push_back('?');
    uri.append(query);
  }
  return uri;
}

StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& path, OpenMode mode,
                                                       int busy_timeout_ms) {
  return OpenWith(path, path, OpenFlags(mode), busy_timeout_ms);
}

StatusOr<std::unique_ptr<Connection>> Connection::OpenUri(const std::string& uri,
                                                          const std::string& display_path,
                                                          OpenMode mode, int busy_timeout_ms) {
  return OpenWith(uri, display_path, OpenFlags(mode) | SQLITE_OPEN_URI, busy_timeout_ms);
}

StatusOr<std::unique_ptr<Connection>> Connection::OpenWith(const std::string& target,
                                                           const std::string& display_path,
                                                           int flags, int busy_timeout_ms) {
  // Every connection is used by one thread at a time (SQLITE_OPEN_NOMUTEX), and nothing reads
  // SQLite's memory statistics: keeping them costs a global mutex on every allocation. The
  // setting must precede SQLite's initialization, so it is made once, before the first open.
  static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemoryStatistics;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(target.c_str(), &db, flags, nullptr);
  // The handle is owned (and closed) by the Connection even when opening failed.
  std::unique_ptr<Connection> connection(new Connection(display_path, db, busy_timeout_ms));
  if (rc != SQLITE_OK) return connection->Error(rc, "opening");
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_set_authorizer(db, &Connection::OnAuthorize, connection.get());
  return connection;
}

int Connection::OnAuthorize(void* connection, int action, const char* arg1, const char* arg2,
                            const char* /*schema*/, const char* /*trigger*/) {
  auto* self = static_cast<Connection*>(connection);
  if (action == SQLITE_PRAGMA && arg2 == nullptr && self->preparing_pragma_.empty()) {
    self->preparing_pragma_ = arg1 != nullptr ? arg1 : "";
  } else {
    self->preparing_other_ = true;
  }
  return SQLITE_OK;
}

int Connection::OnProgress(void* connection) {
  auto* self = static_cast<Connection*>(connection);
  if (!self->deadline_ || std::chrono::steady_clock::now() < *self->deadline_) return 0;
  self->deadline_passed_ = true;
  return 1;  // interrupts the statement with SQLITE_INTERRUPT
}

void Connection::SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline) {
  deadline_ = deadline;
  deadline_passed_ = false;
  // Every 10,000 virtual machine steps: a clock read costs far less than that much work.
  if (deadline) {
    sqlite3_progress_handler(db_, 10000, &Connection::OnProgress, this);
  } else {
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
  }
}

bool Connection::DeadlinePassed() const { return deadline_passed_; }

Connection::~Connection() { sqlite3_close_v2(db_); }

Status Connection::Error(int rc, std::string_view context) const {
  const std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  std::string prefix = path_ + ": ";
  if (!context.empty()) prefix += std::string(context) + ": ";
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy(path_ +
                          ": database is locked by another process; retry when it finishes");
    case SQLITE_READONLY:
      return Status::ReadOnly(path_ +
                              ": database is read-only; check the permissions of the file and "
                              "its folder, or use a writable copy");
    case SQLITE_NOTADB:
      return Status::FailedPrecondition(path_ + ": not a newsfacts database (file is not SQLite)");
    case SQLITE_CORRUPT:
      return Status::DataLoss(path_ + ": database file is corrupt: " + detail);
    case SQLITE_CANTOPEN:
      if (context != "opening") return CantOpenOther(path_, detail);
      return Status::IoError(path_ +
                             ": cannot open database (does its folder exist and is it "
                             "writable?): " +
                             detail);
    case SQLITE_FULL:
      return Status::IoError(path_ +
                             ": the disk is full; free some space (or write the database on "
                             "another disk) and run again: what was committed before is kept");
    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE) {
        return Status::IoError(prefix + "cannot write (" + detail +
                               "): the disk may be full or the file over a size limit "
                               "(ulimit -f); free space and run again: what was committed "
                               "before is kept");
      }
      return Status::IoError(prefix + detail);
    case SQLITE_ERROR:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return Status::InvalidArgument(prefix + detail);
    default:
      return Status::IoError(prefix + detail);
  }
}

Status Connection::Exec(std::string_view sql) {
  // sqlite3_exec, with each statement prepared as the schema settles.
  const std::string terminated(sql);
  const char* next = terminated.c_str();
  while (*next != '\0') {
    sqlite3_stmt* stmt = nullptr;
    int rc = PrepareAsSchemaSettles(db_, next, -1, &stmt, &next);
    if (rc != SQLITE_OK) return Error(rc, "");
    if (stmt == nullptr) continue;  // whitespace or a comment
    do {
      rc = sqlite3_step(stmt);
    } while (rc == SQLITE_ROW);
    sqlite3_finalize(stmt);  // keeps the step's error message for Error()
    if (rc != SQLITE_DONE) return Error(rc, "");
  }
  return Status::Ok();
}

Status Connection::ExecWaitingForLocks(std::string_view sql) {
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  while (true) {
    Status status = Exec(sql);
    if (status.code() != StatusCode::kBusy || std::chrono::steady_clock::now() >= give_up) {
      return status;
    }
    std::this_thread::sleep_for(kLockRetryInterval);
  }
}

StatusOr<Statement> Connection::Prepare(std::string_view sql, std::string_view* rest) {
  if (sql.size() > static_cast<size_t>(INT_MAX)) {
    return Status::InvalidArgument(path_ + ": SQL text is too long");
  }
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  preparing_pragma_.clear();
  preparing_other_ = false;
  const int rc =
      PrepareAsSchemaSettles(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
  if (rc != SQLITE_OK) return Error(rc, "");
  Statement statement(this, stmt);
  if (!preparing_other_) statement.pragma_read_ = preparing_pragma_;
  const std::string_view remainder =
      tail == nullptr ? std::string_view() : sql.substr(static_cast<size_t>(tail - sql.data()));
  if (rest != nullptr) {
    *rest = remainder;
    return statement;
  }
  if (statement.empty()) return Status::InvalidArgument(path_ + ": empty SQL statement");
  if (!IsBlank(remainder)) {
    return Status::InvalidArgument(
        path_ + ": expected one SQL statement, got more: " + std::string(remainder));
  }
  return statement;
}

void Connection::ReleaseCachedPages() { sqlite3_db_release_memory(db_); }

StatusOr<int64_t> Connection::QueryInt(std::string_view sql) {
  StatusOr<Statement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  StatusOr<bool> row = statement->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal(path_ + ": no row from " + std::string(sql));
  return statement->ColumnInt64(0);
}

bool Connection::IsReadOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

Statement::Statement(Statement&& other) noexcept
    : connection_(other.connection_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(other.bind_error_),
      bind_error_index_(other.bind_error_index_),
      pragma_read_(std::move(other.pragma_read_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    connection_ = other.connection_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = other.bind_error_;
    bind_error_index_ = other.bind_error_index_;
    pragma_read_ = std::move(other.pragma_read_);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Record(int rc, int index) {
  if (rc != SQLITE_OK && bind_error_ == 0) {
    bind_error_ = rc;
    bind_error_index_ = index;
  }
}

void Statement::BindInt64(int index, int64_t value) {
  Record(sqlite3_bind_int64(stmt_, index, value), index);
}

void Statement::BindText(int index, std::string_view value) {
  // A default-constructed string_view has a null data pointer, which SQLite binds as NULL.
  const char* data = value.data() != nullptr ? value.data() : "";
  Record(sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
         index);
}

void Statement::BindTextUnowned(int index, std::string_view value) {
  const char* data = value.data() != nullptr ? value.data() : "";
  Record(sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_STATIC, SQLITE_UTF8), index);
}

void Statement::BindBlob(int index, std::string_view value) {
  const char* data = value.data() != nullptr ? value.data() : "";
  Record(sqlite3_bind_blob64(stmt_, index, data, value.size(), SQLITE_TRANSIENT), index);
}

void Statement::BindNull(int index) { Record(sqlite3_bind_null(stmt_, index), index); }

void Statement::BindOptionalText(int index, const std::optional<std::string>& value) {
  if (value.has_value()) {
    BindText(index, *value);
  } else {
    BindNull(index);
  }
}

void Statement::BindOptionalInt64(int index, std::optional<int64_t> value) {
  if (value.has_value()) {
    BindInt64(index, *value);
  } else {
    BindNull(index);
  }
}

void Statement::BindTextOrNull(int index, std::string_view value) {
  if (value.empty()) {
    BindNull(index);
  } else {
    BindText(index, value);
  }
}

StatusOr<bool> Statement::Step() {
  if (bind_error_ != 0) {
    Status status =
        connection_->Error(bind_error_, "binding parameter " + std::to_string(bind_error_index_) +
                                            " of " + SqlContext(stmt_));
    Reset();
    return status;
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status status = connection_->Error(rc, SqlContext(stmt_));
  sqlite3_reset(stmt_);
  return status;
}

Status Statement::Run() {
  while (true) {
    StatusOr<bool> row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
  bind_error_index_ = 0;
}

bool Statement::IsReadOnly() const { return sqlite3_stmt_readonly(stmt_) != 0; }

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

std::string Statement::ColumnName(int column) const {
  const char* name = sqlite3_column_name(stmt_, column);
  return name != nullptr ? name : "";
}

ColumnType Statement::TypeOf(int column) const {
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER:
      return ColumnType::kInteger;
    case SQLITE_FLOAT:
      return ColumnType::kFloat;
    case SQLITE_TEXT:
      return ColumnType::kText;
    case SQLITE_BLOB:
      return ColumnType::kBlob;
    default:
      return ColumnType::kNull;
  }
}

int64_t Statement::ColumnInt64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string_view Statement::ColumnBlob(int column) const {
  const void* blob = sqlite3_column_blob(stmt_, column);
  if (blob == nullptr) return {};
  return {static_cast<const char*>(blob), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

StatusOr<std::unique_ptr<Transaction>> Transaction::Begin(Connection& connection) {
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec("BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(connection));
}

Transaction::~Transaction() {
  if (done_ || !connection_.InTransaction()) return;
  // Nothing can report from a destructor; a failed ROLLBACK leaves SQLite to roll back
  // when the connection closes.
  Status ignored = connection_.Exec("ROLLBACK");
  (void)ignored;
}

Status Transaction::Commit() {
  done_ = true;
  Status status = connection_.Exec("COMMIT");
  if (!status.ok() && connection_.InTransaction()) {
    // The COMMIT error is the one to report; the rollback only releases the locks.
    Status ignored = connection_.Exec("ROLLBACK");
    (void)ignored;
  }
  return status;
}

StatusOr<std::unique_ptr<Savepoint>> Savepoint::Begin(Connection& connection, std::string name) {
  NEWSFACTS_RETURN_IF_ERROR(connection.Exec("SAVEPOINT " + name));
  return std::unique_ptr<Savepoint>(new Savepoint(connection, std::move(name)));
}

Savepoint::~Savepoint() {
  if (done_ || !connection_.InTransaction()) return;
  // Nothing can report from a destructor; after a failed rollback the enclosing
  // transaction's own rollback or commit decides.
  Status ignored = connection_.Exec("ROLLBACK TO " + name_ + "; RELEASE " + name_);
  (void)ignored;
}

Status Savepoint::Release() {
  done_ = true;
  Status status = connection_.Exec("RELEASE " + name_);
  if (!status.ok()) done_ = false;
  return status;
}

}  // namespace newsfacts::sqlite
