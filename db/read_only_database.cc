// Read-only opening shared by `newsfacts query` and `newsfacts compare`: the open mode is
// chosen from what the file system allows (issue 15, item 9).
#include "db/read_only_database.h"

#include <unistd.h>

#include <filesystem>

namespace newsfacts {
namespace {

bool Exists(const std::string& path) {
  std::error_code error;
  return std::filesystem::exists(path, error);
}

// True when this process may write `db_path` and create files beside it.
bool CanWriteBeside(const std::string& db_path) {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::absolute(db_path, error).parent_path();
  if (error || folder.empty()) folder = ".";
  return access(db_path.c_str(), W_OK) == 0 && access(folder.c_str(), W_OK) == 0;
}

// Opens with `mode` through the URI `query` and reads the header (PRAGMA schema_version),
// so a file that is not SQLite, or a WAL file SQLite cannot use, fails here.
StatusOr<std::unique_ptr<sqlite::Connection>> OpenAndRead(const std::string& db_path,
                                                          sqlite::OpenMode mode,
                                                          std::string_view query) {
  StatusOr<std::unique_ptr<sqlite::Connection>> connection =
      sqlite::Connection::OpenUri(sqlite::FileUri(db_path, query), db_path, mode);
  if (!connection.ok()) return connection.status();
  StatusOr<int64_t> schema_version = (*connection)->QueryInt("PRAGMA schema_version");
  if (!schema_version.ok()) return schema_version.status();
  return connection;
}

}  // namespace

StatusOr<std::unique_ptr<sqlite::Connection>> OpenReadOnlyDatabase(const std::string& db_path) {
  if (!Exists(db_path)) {
    return Status::NotFound(db_path + ": no database here; run `newsfacts ingest DIR --db " +
                            db_path + "` first");
  }
  if (CanWriteBeside(db_path)) return OpenAndRead(db_path, sqlite::OpenMode::kReadWrite, "");
  StatusOr<std::unique_ptr<sqlite::Connection>> connection =
      OpenAndRead(db_path, sqlite::OpenMode::kReadOnly, "mode=ro");
  if (connection.ok() || connection.status().code() == StatusCode::kFailedPrecondition ||
      connection.status().code() == StatusCode::kDataLoss) {
    return connection;
  }
  // SQLite could not create the -shm/-wal files a WAL database needs. With no -wal (a WAL
  // writer always has one) and no -journal, nothing writes the file: it may be read as
  // immutable, without them.
  if (Exists(db_path + "-wal") || Exists(db_path + "-journal")) {
    return Status::ReadOnly(db_path +
                            ": another process is writing this database and its -wal/-shm "
                            "files cannot be shared from here; retry when it finishes, or "
                            "query a copy");
  }
  return OpenAndRead(db_path, sqlite::OpenMode::kReadOnly, "mode=ro&immutable=1");
}

}  // namespace newsfacts
