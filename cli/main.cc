// newsfacts: the command-line entry. Parses arguments and hands off to one command each.
#include <CLI/CLI.hpp>
#include <csignal>

#include "cli/commands.h"

namespace {

using namespace newsfacts;

// Declares `ingest` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddIngest(CLI::App& app, IngestCommand& command) {
  CLI::App* ingest_app = app.add_subcommand(
      "ingest", "Extract facts from every article under DIR... into the database (incremental)");
  ingest_app->add_option("dirs", command.roots, "Folders (searched recursively) or files")
      ->required();
  ingest_app->add_option("--db", command.db_path, "Database file")->capture_default_str();
  ingest_app->add_option("--jobs,-j", command.jobs, "Extraction workers (0 = one per core)")
      ->check(CLI::NonNegativeNumber);
  ingest_app->add_option("--rules", command.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);
  ingest_app
      ->add_option("--batch", command.batch,
                   "Articles stored per transaction (fewer: less memory and less work "
                   "lost to a crash; more: faster on large corpora)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  ingest_app->add_flag("--force", command.force,
                       "Extract every stored article again (by default only those stored with "
                       "other rules or another newsfacts version)");
  return ingest_app;
}

// Declares `extract` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddExtract(CLI::App& app, ExtractCommand& command) {
  CLI::App* extract_app =
      app.add_subcommand("extract", "Print the facts of one article file (or - for stdin)");
  extract_app->add_option("file", command.input, "Article file, or - for standard input")
      ->required();
  extract_app->add_option("--format", command.format, "Output format")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  extract_app->add_option("--rules", command.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);
  extract_app->add_flag("--explain", command.explain,
                        "Also list (on stderr) sentences with two entities and an amount but "
                        "no claim");
  extract_app
      ->add_option("--input", command.input_format,
                   "jsonl: read one article record per line and write one facts line per "
                   "record, in order (the streaming filter)")
      ->check(CLI::IsMember({"jsonl"}));
  extract_app->add_option("--jobs,-j", command.jobs, "Extraction workers of the streaming filter")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return extract_app;
}

// Declares `load` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddLoad(CLI::App& app, LoadCommand& command) {
  CLI::App* load_app = app.add_subcommand(
      "load", "Store the facts lines of `extract --input jsonl` without extracting again");
  load_app->add_option("files", command.inputs, "Facts line files, or - for standard input")
      ->required();
  load_app->add_option("--db", command.db_path, "Database file")->capture_default_str();
  load_app->add_option("--rules", command.rule_dirs, "Extra rule folders the facts came from")
      ->check(CLI::ExistingDirectory);
  return load_app;
}

// Declares `query` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddQuery(CLI::App& app, QueryCommand& command) {
  CLI::App* query_app =
      app.add_subcommand("query", "Run read-only SQL on the database and print the rows");
  query_app->add_option("sql", command.sql, "SQL statement(s)")->required();
  query_app->add_option("--db", command.db_path, "Database file")->capture_default_str();
  query_app
      ->add_option("--format", command.format,
                   "table, csv or json (default: table on a terminal, json otherwise)")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  query_app
      ->add_option("--timeout", command.timeout_seconds,
                   "Stop the query after SECONDS, exit code 2 (default: 30 for a table, none "
                   "for CSV and JSON; 0 = none)")
      ->check(CLI::NonNegativeNumber);
  query_app
      ->add_option("--max-rows", command.max_rows,
                   "Print at most N rows per result (default: 1000 for a table on a terminal, "
                   "all otherwise; 0 = all)")
      ->check(CLI::NonNegativeNumber);
  return query_app;
}

// Declares `compare` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddCompare(CLI::App& app, CompareCommand& command) {
  CLI::App* compare_app =
      app.add_subcommand("compare",
                         "Report what the articles say about each (subject, predicate, object): "
                         "amounts, agreement or conflict, evidence");
  compare_app->add_option("--db", command.db_path, "Database file")->capture_default_str();
  compare_app->add_option("--entity", command.entity,
                          "Only facts about this entity (name, alias or key)");
  compare_app->add_option("--predicate", command.predicate, "Only this predicate");
  compare_app
      ->add_option("--min-articles", command.min_articles,
                   "Only facts stated by at least this many articles")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  return compare_app;
}

// Declares `report` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddReport(CLI::App& app, ReportCommand& command) {
  CLI::App* report_app = app.add_subcommand(
      "report", "Write one self-contained HTML page: conflicts, agreements, entities, claim graph");
  report_app->add_option("--db", command.db_path, "Database file")->capture_default_str();
  report_app->add_option("--out,-o", command.out_path, "HTML file to write")->capture_default_str();
  report_app->add_option("--entity", command.entity,
                         "Only facts about this entity (name, alias or key)");
  report_app->add_option("--since", command.since,
                         "Only articles published on or after this date (2024, 2024-06-01)");
  return report_app;
}

// Declares `graph` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddGraph(CLI::App& app, GraphCommand& command) {
  CLI::App* graph_app = app.add_subcommand(
      "graph", "Print the claim graph (entities and the facts linking them) as DOT or JSON");
  graph_app->add_option("--db", command.db_path, "Database file")->capture_default_str();
  graph_app->add_option("--format", command.format, "Output format")
      ->check(CLI::IsMember({"dot", "json"}))
      ->capture_default_str();
  graph_app->add_option("--entity", command.entity,
                        "Only facts about this entity (name, alias or key)");
  graph_app->add_option("--predicate", command.predicate, "Only this predicate");
  return graph_app;
}

// Declares `merge` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddMerge(CLI::App& app, MergeCommand& command) {
  CLI::App* merge_app = app.add_subcommand(
      "merge", "Combine shard databases into OUT.db (articles deduplicated by content hash)");
  merge_app->add_option("out", command.out_path, "Database to merge into (created if missing)")
      ->required();
  merge_app->add_option("inputs", command.inputs, "Shard databases to read")
      ->required()
      ->check(CLI::ExistingFile);
  return merge_app;
}

// Declares `rules check` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddRulesCheck(CLI::App& app, RulesCheckCommand& command) {
  CLI::App* rules_app = app.add_subcommand("rules", "Work with rule files");
  rules_app->require_subcommand(1);
  CLI::App* rules_check_app = rules_app->add_subcommand(
      "check", "Compile the built-in rules plus DIR and run every embedded example");
  rules_check_app->add_option("dir", command.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);
  return rules_check_app;
}

// Declares `check` and its options, parsed into `command`; returns its subcommand.
CLI::App* AddCheck(CLI::App& app, CheckCommand& command) {
  CLI::App* check_app = app.add_subcommand(
      "check", "Run the extractors over DIR and diff against the golden *.facts.json files");
  check_app->add_option("dir", command.dir, "Folder of articles with golden files")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  check_app->add_flag("--update", command.update,
                      "Rewrite the golden files that differ and print what changed");
  check_app->add_option("--only", command.only, "Compare and update one extractor only")
      ->check(CLI::IsMember({"mentions", "amounts", "claims"}));
  check_app->add_option("--rules", command.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);
  return check_app;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (`newsfacts query ... | head`) ends output quietly; it is not an error.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"newsfacts: turn folders of tech-news articles into a SQLite database of facts"};
  app.set_version_flag("--version", NEWSFACTS_VERSION);
  app.require_subcommand(1);

  IngestCommand ingest;
  CLI::App* ingest_app = AddIngest(app, ingest);
  ExtractCommand extract;
  CLI::App* extract_app = AddExtract(app, extract);
  LoadCommand load;
  CLI::App* load_app = AddLoad(app, load);
  QueryCommand query;
  CLI::App* query_app = AddQuery(app, query);
  CompareCommand compare;
  CLI::App* compare_app = AddCompare(app, compare);
  ReportCommand report;
  CLI::App* report_app = AddReport(app, report);
  GraphCommand graph;
  CLI::App* graph_app = AddGraph(app, graph);
  MergeCommand merge;
  CLI::App* merge_app = AddMerge(app, merge);
  RulesCheckCommand rules_check;
  CLI::App* rules_check_app = AddRulesCheck(app, rules_check);
  CheckCommand check;
  CLI::App* check_app = AddCheck(app, check);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Usage errors exit 2, as do all fatal errors; --help and --version exit 0.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitFatal;
  }

  if (*ingest_app) return RunIngestCommand(ingest);
  if (*extract_app) return RunExtractCommand(extract);
  if (*load_app) return RunLoadCommand(load);
  if (*query_app) return RunQueryCommand(query);
  if (*compare_app) return RunCompareCommand(compare);
  if (*report_app) return RunReportCommand(report);
  if (*graph_app) return RunGraphCommand(graph);
  if (*merge_app) return RunMergeCommand(merge);
  if (*rules_check_app) return RunRulesCheckCommand(rules_check);
  if (*check_app) return RunCheckCommand(check);
  return kExitFatal;
}
