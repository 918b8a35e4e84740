// RunQuery: read-only SQL over a newsfacts database, each statement's rows printed as an
// aligned table, CSV (RFC 4180 quoting, LF line ends) or one JSON array per line.
#include "db/query.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "db/read_only_database.h"
#include "db/sqlite.h"

namespace newsfacts {
namespace {

// Table cells longer than this many code points are cut and end with an ellipsis.
constexpr size_t kMaxCellChars = 60;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026
constexpr std::string_view kReadOnlyMessage =
    "query is read-only: this statement would modify the database (use ingest to change it)";

size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0F]);
  }
  return hex;
}

// Shortest text that reads back as `value`, keeping a ".0" so reals stay visibly real.
std::string FormatDouble(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string text(buffer, result.ptr);
  if (std::isfinite(value) && text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

// The value of `column` as plain text: NULL is empty, blobs are hex.
std::string CellText(const sqlite::Statement& statement, int column) {
  switch (statement.TypeOf(column)) {
    case sqlite::ColumnType::kNull:
      return "";
    case sqlite::ColumnType::kInteger:
      return std::to_string(statement.ColumnInt64(column));
    case sqlite::ColumnType::kFloat:
      return FormatDouble(statement.ColumnDouble(column));
    case sqlite::ColumnType::kBlob:
      return Hex(statement.ColumnBlob(column));
    case sqlite::ColumnType::kText:
      return std::string(statement.ColumnText(column));
  }
  return "";
}

std::string JsonString(std::string_view text) {
  return nlohmann::json(std::string(text))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The value of `column` as a JSON value: numbers as numbers, NULL as null.
std::string JsonValue(const sqlite::Statement& statement, int column) {
  switch (statement.TypeOf(column)) {
    case sqlite::ColumnType::kNull:
      return "null";
    case sqlite::ColumnType::kInteger:
      return std::to_string(statement.ColumnInt64(column));
    case sqlite::ColumnType::kFloat: {
      const double value = statement.ColumnDouble(column);
      return std::isfinite(value) ? FormatDouble(value) : "null";
    }
    case sqlite::ColumnType::kBlob:
      return JsonString(Hex(statement.ColumnBlob(column)));
    case sqlite::ColumnType::kText:
      return JsonString(statement.ColumnText(column));
  }
  return "null";
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

// A table cell on one line: control characters become spaces, long text is cut.
std::string TableCell(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  if (CodePoints(text) <= kMaxCellChars) return text;
  size_t kept = 0;
  size_t end = 0;
  for (; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
    if (kept == kMaxCellChars - 1) break;
    ++kept;
  }
  text.resize(end);
  text += kEllipsis;
  return text;
}

void PadTo(std::string& line, std::string_view cell, size_t width, bool right_align) {
  const std::string padding(width - CodePoints(cell), ' ');
  if (right_align) line += padding;
  line += cell;
  if (!right_align) line += padding;
}

void WriteTableLine(std::ostream& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

// Prints the rows of `statement` as aligned columns with a header, a separator line and a
// row count. Numeric columns are right-aligned.
Status WriteTable(sqlite::Statement& statement, std::ostream& out) {
  const int columns = statement.ColumnCount();
  std::vector<std::string> header;
  std::vector<size_t> widths;
  std::vector<bool> numeric(static_cast<size_t>(columns), true);
  std::vector<bool> any_value(static_cast<size_t>(columns), false);
  for (int c = 0; c < columns; ++c) {
    header.push_back(TableCell(statement.ColumnName(c)));
    widths.push_back(CodePoints(header.back()));
  }
  std::vector<std::vector<std::string>> rows;
  while (true) {
    StatusOr<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::vector<std::string>& cells = rows.emplace_back();
    for (int c = 0; c < columns; ++c) {
      const sqlite::ColumnType type = statement.TypeOf(c);
      const auto index = static_cast<size_t>(c);
      if (type != sqlite::ColumnType::kNull) {
        any_value[index] = true;
        if (type != sqlite::ColumnType::kInteger && type != sqlite::ColumnType::kFloat) {
          numeric[index] = false;
        }
      }
      cells.push_back(TableCell(CellText(statement, c)));
      widths[index] = std::max(widths[index], CodePoints(cells.back()));
    }
  }
  std::string line;
  std::string separator;
  for (size_t c = 0; c < header.size(); ++c) {
    if (c > 0) {
      line += "  ";
      separator += "  ";
    }
    PadTo(line, header[c], widths[c], numeric[c] && any_value[c]);
    separator += std::string(widths[c], '-');
  }
  WriteTableLine(out, line);
  WriteTableLine(out, separator);
  for (const std::vector<std::string>& cells : rows) {
    line.clear();
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) line += "  ";
      PadTo(line, cells[c], widths[c], numeric[c] && any_value[c]);
    }
    WriteTableLine(out, line);
  }
  out << '(' << rows.size() << (rows.size() == 1 ? " row)" : " rows)") << '\n';
  return Status::Ok();
}

// Prints a header row and then each row of `statement` as CSV.
Status WriteCsv(sqlite::Statement& statement, std::ostream& out) {
  const int columns = statement.ColumnCount();
  for (int c = 0; c < columns; ++c) {
    out << (c > 0 ? "," : "") << CsvField(statement.ColumnName(c));
  }
  out << '\n';
  while (true) {
    StatusOr<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    for (int c = 0; c < columns; ++c) {
      out << (c > 0 ? "," : "") << CsvField(CellText(statement, c));
    }
    out << '\n';
  }
  return Status::Ok();
}

// Prints the rows of `statement` as one JSON array of objects on one line.
Status WriteJson(sqlite::Statement& statement, std::ostream& out) {
  const int columns = statement.ColumnCount();
  std::vector<std::string> keys;
  for (int c = 0; c < columns; ++c) keys.push_back(JsonString(statement.ColumnName(c)));
  out << '[';
  bool first_row = true;
  while (true) {
    StatusOr<bool> row = statement.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out << (first_row ? "{" : ",{");
    first_row = false;
    for (int c = 0; c < columns; ++c) {
      out << (c > 0 ? "," : "") << keys[static_cast<size_t>(c)] << ':' << JsonValue(statement, c);
    }
    out << '}';
  }
  out << "]\n";
  return Status::Ok();
}

Status WriteRows(sqlite::Statement& statement, QueryFormat format, std::ostream& out) {
  switch (format) {
    case QueryFormat::kTable:
      return WriteTable(statement, out);
    case QueryFormat::kCsv:
      return WriteCsv(statement, out);
    case QueryFormat::kJson:
      return WriteJson(statement, out);
  }
  return Status::Ok();
}

}  // namespace

Status RunQuery(const std::string& db_path, std::string_view sql, QueryFormat format,
                std::ostream& out) {
  StatusOr<std::unique_ptr<sqlite::Connection>> connection = OpenReadOnlyDatabase(db_path);
  if (!connection.ok()) return connection.status();
  // Defence in depth: the read-only open already refuses writes to the file itself.
  NEWSFACTS_RETURN_IF_ERROR((*connection)->Exec("PRAGMA query_only = 1"));

  std::string_view rest = sql;
  bool ran_any = false;
  bool printed_any = false;
  while (!rest.empty()) {
    StatusOr<sqlite::Statement> statement = (*connection)->Prepare(rest, &rest);
    if (!statement.ok()) return statement.status();
    if (statement->empty()) continue;
    if (!statement->IsReadOnly()) return Status::ReadOnly(std::string(kReadOnlyMessage));
    ran_any = true;
    Status status;
    if (statement->ColumnCount() == 0) {
      status = statement->Run();
    } else {
      if (printed_any && format != QueryFormat::kJson) out << '\n';
      printed_any = true;
      status = WriteRows(*statement, format, out);
    }
    // query_only and the read-only open catch writes that sqlite3_stmt_readonly cannot see.
    if (status.code() == StatusCode::kReadOnly) {
      return Status::ReadOnly(std::string(kReadOnlyMessage));
    }
    NEWSFACTS_RETURN_IF_ERROR(status);
  }
  if (!ran_any) return Status::InvalidArgument("query: no SQL statement to run");
  return Status::Ok();
}

}  // namespace newsfacts
