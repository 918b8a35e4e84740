// MultiRowInsert: the statements of each row count, written and prepared on first use.
#include "db/multi_row_insert.h"

namespace newsfacts {

StatusOr<sqlite::Statement*> MultiRowInsert::For(sqlite::Connection& connection, size_t rows) {
  std::optional<sqlite::Statement>& statement = statements_[rows - 1];
  if (statement.has_value()) return &*statement;
  std::string row = "(";
  for (int c = 0; c < columns_; ++c) row.append(c == 0 ? "?" : ", ?");
  row.append(")");
  std::string sql = head_ + " VALUES ";
  for (size_t r = 0; r < rows; ++r) sql.append(r == 0 ? "" : ", ").append(row);
  StatusOr<sqlite::Statement> prepared = connection.Prepare(sql);
  if (!prepared.ok()) return prepared.status();
  statement = std::move(*prepared);
  return &*statement;
}

}  // namespace newsfacts
