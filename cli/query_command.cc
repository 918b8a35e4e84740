// `newsfacts query SQL [--db FILE] [--format table|csv|json] [--timeout S] [--max-rows N]`:
// read-only SQL, its rows printed in the chosen format as they are read.
#include <cinttypes>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/messages.h"
#include "cli/query_format.h"
#include "cli/terminal.h"
#include "db/query.h"

namespace newsfacts {
namespace {

// The defaults of --timeout and --max-rows: a table is for reading, so it is bounded.
constexpr double kTableTimeoutSeconds = 30;
constexpr int64_t kTerminalTableMaxRows = 1000;

// Passes everything to `inner` and remembers whether a result was cut, so that formats
// without room for a note (CSV, JSON) can say it on stderr.
class CutRecorder : public RowSink {
 public:
  explicit CutRecorder(RowSink& inner) : inner_(inner) {}
  void BeginResult(const std::vector<std::string>& columns) override {
    inner_.BeginResult(columns);
  }
  void Row(const std::vector<Cell>& cells) override { inner_.Row(cells); }
  void RowsCut(int64_t max_rows) override {
    cut_ = true;
    inner_.RowsCut(max_rows);
  }
  void EndResult() override { inner_.EndResult(); }
  bool cut() const { return cut_; }

 private:
  RowSink& inner_;
  bool cut_ = false;
};

}  // namespace

int RunQueryCommand(const QueryCommand& command) {
  const bool terminal = StdoutIsTerminal();
  QueryFormat format = terminal ? QueryFormat::kTable : QueryFormat::kJson;
  if (command.format == "table") format = QueryFormat::kTable;
  if (command.format == "csv") format = QueryFormat::kCsv;
  if (command.format == "json") format = QueryFormat::kJson;
  const bool table = format == QueryFormat::kTable;
  QueryOptions options;
  options.timeout_seconds = command.timeout_seconds.value_or(table ? kTableTimeoutSeconds : 0);
  options.max_rows = command.max_rows.value_or(table && terminal ? kTerminalTableMaxRows : 0);

  std::unique_ptr<RowSink> writer = MakeQueryWriter(format, std::cout);
  CutRecorder recorder(*writer);
  Status status = RunQuery(command.db_path, command.sql, recorder, options);
  std::cout.flush();
  if (recorder.cut() && !table) {
    std::fprintf(stderr, "newsfacts: output cut at --max-rows %" PRId64 " rows per result\n",
                 options.max_rows);
  }
  if (!status.ok()) {
    PrintError(status.message());
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace newsfacts
