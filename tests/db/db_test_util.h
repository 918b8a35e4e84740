// Helpers for the db tests: rows read back as text (temporary folders: tests/temp_dir.h).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/sqlite.h"
#include "tests/temp_dir.h"

namespace newsfacts::testing {

using Rows = std::vector<std::vector<std::string>>;

// Returns every row of `sql` on the database at `path`, each value as text and NULL as
// "NULL"; fails the test on error.
inline Rows ReadRows(const std::string& path, const std::string& sql) {
  Rows rows;
  auto connection = sqlite::Connection::Open(path, sqlite::OpenMode::kReadOnly);
  EXPECT_TRUE(connection.ok()) << connection.status().ToString();
  if (!connection.ok()) return rows;
  auto statement = (*connection)->Prepare(sql);
  EXPECT_TRUE(statement.ok()) << statement.status().ToString();
  if (!statement.ok()) return rows;
  while (true) {
    StatusOr<bool> row = statement->Step();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) break;
    std::vector<std::string>& cells = rows.emplace_back();
    for (int c = 0; c < statement->ColumnCount(); ++c) {
      cells.push_back(statement->TypeOf(c) == sqlite::ColumnType::kNull
                          ? "NULL"
                          : std::string(statement->ColumnText(c)));
    }
  }
  return rows;
}

// Returns the single integer `sql` yields on the database at `path`, -1 on error.
inline int64_t ReadInt(const std::string& path, const std::string& sql) {
  Rows rows = ReadRows(path, sql);
  if (rows.size() != 1 || rows[0].size() != 1) return -1;
  return std::stoll(rows[0][0]);
}

}  // namespace newsfacts::testing
