// The output formats of `newsfacts query`: RowSinks that print each result set as an aligned
// table, CSV or JSON.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>

#include "db/query.h"

namespace newsfacts {

enum class QueryFormat { kTable, kCsv, kJson };

// Rows the table format holds to size its columns before printing them.
inline constexpr size_t kTablePageRows = 100;

// Returns a sink printing to `out` in `format`; `out` must outlive it. Not thread-safe.
//   kTable: columns aligned under a header and a dashed line (NULL empty, numeric columns
//           right-aligned, cells cut to 60 code points with "…"), then "(N rows)", or
//           "(N rows; more not shown: --max-rows N)" when RowsCut was called. Prints a
//           page of kTablePageRows rows at a time, sized by the first page; a later, wider
//           page repeats the header with the new widths.
//   kCsv:   a header row, RFC 4180 quoting, LF line ends; streams row by row.
//   kJson:  one array of objects per result set on its own line; streams row by row.
// Blobs print as hex. Result sets are separated by a blank line in table and CSV output.
std::unique_ptr<RowSink> MakeQueryWriter(QueryFormat format, std::ostream& out);

// The writers MakeQueryWriter chooses from, one per file (table_format.cc, csv_format.cc,
// json_format.cc).
std::unique_ptr<RowSink> MakeTableWriter(std::ostream& out, size_t page_rows = kTablePageRows);
std::unique_ptr<RowSink> MakeCsvWriter(std::ostream& out);
std::unique_ptr<RowSink> MakeJsonWriter(std::ostream& out);

}  // namespace newsfacts
