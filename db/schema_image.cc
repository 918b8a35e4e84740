// Writes the schema image from a migrated database: its objects' statements from sqlite_schema,
// its FTS5 settings from each index's config table, its user_version.
#include "db/schema_image.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <vector>

namespace newsfacts {
namespace {

// `name` as an SQL identifier.
std::string QuoteName(std::string_view name) {
  std::string quoted = "\"";
  for (const char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

bool IsFts5Declaration(std::string_view sql) {
  std::string lower(sql);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("using fts5") != std::string::npos;
}

// The kind of each table of `db` that is not an ordinary one, by name: "virtual", or "shadow"
// for those SQLite made for a virtual table (an FTS5 index's _data, _idx, _config...), which
// come with its statement.
StatusOr<std::map<std::string, std::string>> SpecialTables(sqlite::Connection& db) {
  StatusOr<sqlite::Statement> select = db.Prepare(
      "SELECT name, type FROM pragma_table_list "
      "WHERE schema = 'main' AND type IN ('shadow', 'virtual')");
  if (!select.ok()) return select.status();
  std::map<std::string, std::string> kinds;
  while (true) {
    StatusOr<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return kinds;
    kinds.emplace(select->ColumnText(0), select->ColumnText(1));
  }
}

// Appends the statements that give the FTS5 index `name` the settings of `db`'s (all but the
// version, which FTS5 writes itself).
Status AppendFts5Settings(sqlite::Connection& db, const std::string& name, std::string* image) {
  StatusOr<sqlite::Statement> select =
      db.Prepare("SELECT quote(k), quote(v) FROM " + QuoteName(name + "_config") +
                 " WHERE k <> 'version' ORDER BY k");
  if (!select.ok()) return select.status();
  while (true) {
    StatusOr<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    *image += "INSERT INTO " + QuoteName(name) + " (" + QuoteName(name) + ", rank) VALUES (" +
              std::string(select->ColumnText(0)) + ", " + std::string(select->ColumnText(1)) +
              ");\n";
  }
}

}  // namespace

StatusOr<std::string> WriteSchemaImage(sqlite::Connection& migrated) {
  StatusOr<std::map<std::string, std::string>> special = SpecialTables(migrated);
  if (!special.ok()) return special.status();
  StatusOr<sqlite::Statement> objects = migrated.Prepare(
      "SELECT type, name, sql FROM sqlite_schema "
      "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid");
  if (!objects.ok()) return objects.status();
  std::string image;
  std::vector<std::string> tables;
  std::vector<std::string> fts5_indexes;
  while (true) {
    StatusOr<bool> row = objects->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string type(objects->ColumnText(0));
    const std::string name(objects->ColumnText(1));
    const std::string_view sql = objects->ColumnText(2);
    const auto kind = special->find(name);
    if (kind != special->end() && kind->second == "shadow") continue;
    const bool is_virtual = kind != special->end() && kind->second == "virtual";
    if (is_virtual && !IsFts5Declaration(sql)) {
      return Status::FailedPrecondition(
          migrated.path() + ": virtual table " + name +
          " is not FTS5; the schema image carries FTS5 settings only");
    }
    if (is_virtual) fts5_indexes.push_back(name);
    if (type == "table" && !is_virtual) tables.push_back(name);
    image.append(sql).append(";\n");
  }
  for (const std::string& table : tables) {
    StatusOr<int64_t> rows =
        migrated.QueryInt("SELECT EXISTS (SELECT 1 FROM " + QuoteName(table) + ")");
    if (!rows.ok()) return rows.status();
    if (*rows != 0) {
      return Status::FailedPrecondition(migrated.path() + ": table " + table +
                                        " holds rows; the schema image carries no rows");
    }
  }
  for (const std::string& index : fts5_indexes) {
    NEWSFACTS_RETURN_IF_ERROR(AppendFts5Settings(migrated, index, &image));
  }
  StatusOr<int64_t> version = migrated.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  image += "PRAGMA user_version = " + std::to_string(*version) + ";\n";
  return image;
}

}  // namespace newsfacts
