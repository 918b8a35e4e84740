// Read-only opening shared by `newsfacts query` and `newsfacts compare`.
#include "db/read_only_database.h"

#include <filesystem>

namespace newsfacts {

StatusOr<std::unique_ptr<sqlite::Connection>> OpenReadOnlyDatabase(const std::string& db_path) {
  std::error_code error;
  if (!std::filesystem::exists(db_path, error)) {
    return Status::NotFound(db_path + ": no database here; run `newsfacts ingest DIR --db " +
                            db_path + "` first");
  }
  StatusOr<std::unique_ptr<sqlite::Connection>> connection =
      sqlite::Connection::Open(db_path, sqlite::OpenMode::kReadOnly);
  if (!connection.ok()) return connection.status();
  // Reads the file header, so a file that is not SQLite is refused even when the query
  // (e.g. "SELECT 1") would never touch it.
  StatusOr<int64_t> schema_version = (*connection)->QueryInt("PRAGMA schema_version");
  if (!schema_version.ok()) return schema_version.status();
  return connection;
}

}  // namespace newsfacts
