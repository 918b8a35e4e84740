// `newsfacts query SQL [--db FILE] [--format table|csv|json]`: read-only SQL, its rows
// printed in the chosen format as they are read.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/query_format.h"
#include "cli/terminal.h"
#include "db/query.h"

namespace newsfacts {

int RunQueryCommand(const QueryCommand& command) {
  QueryFormat format = StdoutIsTerminal() ? QueryFormat::kTable : QueryFormat::kJson;
  if (command.format == "table") format = QueryFormat::kTable;
  if (command.format == "csv") format = QueryFormat::kCsv;
  if (command.format == "json") format = QueryFormat::kJson;
  std::unique_ptr<RowSink> writer = MakeQueryWriter(format, std::cout);
  Status status = RunQuery(command.db_path, command.sql, *writer);
  std::cout.flush();
  if (!status.ok()) {
    std::fprintf(stderr, "newsfacts: %s\n", status.message().c_str());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace newsfacts
