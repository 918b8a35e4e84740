// The subcommands of the newsfacts binary. Each returns the process exit code:
// 0 ok, 1 finished with failed articles or a failed check, 2 usage or fatal error.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsfacts {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitFatal = 2;

struct IngestCommand {
  std::vector<std::filesystem::path> roots;
  std::string db_path = "newsfacts.db";
  int jobs = 0;  // 0 = one worker per hardware thread
  std::vector<std::filesystem::path> rule_dirs;
  bool force = false;   // extract every stored article again, not only those of other rules
  size_t batch = 1024;  // articles per write transaction
};
int RunIngestCommand(const IngestCommand& command);

struct ExtractCommand {
  std::string input;            // a file path, or "-" for stdin
  std::string format = "json";  // "json" or "text"
  bool explain = false;         // also list sentences with entities and an amount but no claim
  // "jsonl": run as the streaming filter (one record per line in, one facts line out);
  // empty: `input` is one article file.
  std::string input_format;
  int jobs = 1;  // streaming filter workers
  std::vector<std::filesystem::path> rule_dirs;
};
int RunExtractCommand(const ExtractCommand& command);

struct LoadCommand {
  std::vector<std::string> inputs;  // facts line files of `extract --input jsonl`; "-" = stdin
  std::string db_path = "newsfacts.db";
  std::vector<std::filesystem::path> rule_dirs;  // must be the rules the facts came from
};
int RunLoadCommand(const LoadCommand& command);

struct QueryCommand {
  std::string sql;
  std::string db_path = "newsfacts.db";
  std::string format;  // "table", "csv", "json"; empty = table on a terminal, else json
  // Seconds before the query is stopped (exit code 2); 0 = none. Unset: 30 in the table
  // format, none in CSV and JSON.
  std::optional<double> timeout_seconds;
  // Rows printed per result set, the rest not read; 0 = all. Unset: 1000 for a table on a
  // terminal, all otherwise.
  std::optional<int64_t> max_rows;
};
int RunQueryCommand(const QueryCommand& command);

struct CompareCommand {
  std::string db_path = "newsfacts.db";
  std::string entity;     // only facts whose subject or object has this name, alias or key
  std::string predicate;  // only this predicate
  int min_articles = 2;   // only (subject, predicate, object) stated by this many articles
};
int RunCompareCommand(const CompareCommand& command);

struct ReportCommand {
  std::string db_path = "newsfacts.db";
  std::string out_path = "report.html";
  std::string entity;  // only facts whose subject or object is this entity
  std::string since;   // only articles published on or after this date
};
int RunReportCommand(const ReportCommand& command);

struct GraphCommand {
  std::string db_path = "newsfacts.db";
  std::string format = "dot";  // "dot" or "json"
  std::string entity;          // only facts whose subject or object is this entity
  std::string predicate;       // only this predicate
};
int RunGraphCommand(const GraphCommand& command);

struct MergeCommand {
  std::string out_path;             // created when missing
  std::vector<std::string> inputs;  // shard databases, read only
};
int RunMergeCommand(const MergeCommand& command);

struct RulesCheckCommand {
  std::vector<std::filesystem::path> rule_dirs;  // extra folders checked with the built-in rules
};
int RunRulesCheckCommand(const RulesCheckCommand& command);

struct CheckCommand {
  std::filesystem::path dir = "corpus";  // articles with golden `*.facts.json` files beside them
  bool update = false;                   // rewrite the golden files that differ
  std::string only;                      // "mentions", "amounts" or "claims"; empty = all
  std::vector<std::filesystem::path> rule_dirs;
};
int RunCheckCommand(const CheckCommand& command);

}  // namespace newsfacts
