// newsfacts: the command-line entry. Parses arguments and hands off to one command each.
#include <CLI/CLI.hpp>
#include <csignal>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // A closed pipe (`newsfacts query ... | head`) ends output quietly; it is not an error.
  std::signal(SIGPIPE, SIG_IGN);
  using namespace newsfacts;

  CLI::App app{"newsfacts: turn folders of tech-news articles into a SQLite database of facts"};
  app.set_version_flag("--version", NEWSFACTS_VERSION);
  app.require_subcommand(1);

  IngestCommand ingest;
  CLI::App* ingest_app = app.add_subcommand(
      "ingest", "Extract facts from every article under DIR... into the database (incremental)");
  ingest_app->add_option("dirs", ingest.roots, "Folders (searched recursively) or files")
      ->required();
  ingest_app->add_option("--db", ingest.db_path, "Database file")->capture_default_str();
  ingest_app->add_option("--jobs,-j", ingest.jobs, "Extraction workers (0 = one per core)")
      ->check(CLI::NonNegativeNumber);
  ingest_app->add_option("--rules", ingest.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);
  ingest_app->add_flag("--force", ingest.force,
                       "Extract every stored article again (by default only those stored with "
                       "other rules or another newsfacts version)");

  ExtractCommand extract;
  CLI::App* extract_app =
      app.add_subcommand("extract", "Print the facts of one article file (or - for stdin)");
  extract_app->add_option("file", extract.input, "Article file, or - for standard input")
      ->required();
  extract_app->add_option("--format", extract.format, "Output format")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  extract_app->add_option("--rules", extract.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);
  extract_app->add_flag("--explain", extract.explain,
                        "Also list (on stderr) sentences with two entities and an amount but "
                        "no claim");

  QueryCommand query;
  CLI::App* query_app =
      app.add_subcommand("query", "Run read-only SQL on the database and print the rows");
  query_app->add_option("sql", query.sql, "SQL statement(s)")->required();
  query_app->add_option("--db", query.db_path, "Database file")->capture_default_str();
  query_app
      ->add_option("--format", query.format,
                   "table, csv or json (default: table on a terminal, json otherwise)")
      ->check(CLI::IsMember({"table", "csv", "json"}));

  CompareCommand compare;
  CLI::App* compare_app =
      app.add_subcommand("compare",
                         "Report what the articles say about each (subject, predicate, object): "
                         "amounts, agreement or conflict, evidence");
  compare_app->add_option("--db", compare.db_path, "Database file")->capture_default_str();
  compare_app->add_option("--entity", compare.entity,
                          "Only facts about this entity (name, alias or key)");
  compare_app->add_option("--predicate", compare.predicate, "Only this predicate");
  compare_app
      ->add_option("--min-articles", compare.min_articles,
                   "Only facts stated by at least this many articles")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();

  MergeCommand merge;
  CLI::App* merge_app = app.add_subcommand(
      "merge", "Combine shard databases into OUT.db (articles deduplicated by content hash)");
  merge_app->add_option("out", merge.out_path, "Database to merge into (created if missing)")
      ->required();
  merge_app->add_option("inputs", merge.inputs, "Shard databases to read")
      ->required()
      ->check(CLI::ExistingFile);

  RulesCheckCommand rules_check;
  CLI::App* rules_app = app.add_subcommand("rules", "Work with rule files");
  rules_app->require_subcommand(1);
  CLI::App* rules_check_app = rules_app->add_subcommand(
      "check", "Compile the built-in rules plus DIR and run every embedded example");
  rules_check_app->add_option("dir", rules_check.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);

  CheckCommand check;
  CLI::App* check_app = app.add_subcommand(
      "check", "Run the extractors over DIR and diff against the golden *.facts.json files");
  check_app->add_option("dir", check.dir, "Folder of articles with golden files")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  check_app->add_flag("--update", check.update,
                      "Rewrite the golden files that differ and print what changed");
  check_app->add_option("--only", check.only, "Compare and update one extractor only")
      ->check(CLI::IsMember({"mentions", "amounts", "claims"}));
  check_app->add_option("--rules", check.rule_dirs, "Extra rule folders")
      ->check(CLI::ExistingDirectory);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Usage errors exit 2, as do all fatal errors; --help and --version exit 0.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitFatal;
  }

  if (*ingest_app) return RunIngestCommand(ingest);
  if (*extract_app) return RunExtractCommand(extract);
  if (*query_app) return RunQueryCommand(query);
  if (*compare_app) return RunCompareCommand(compare);
  if (*merge_app) return RunMergeCommand(merge);
  if (*rules_check_app) return RunRulesCheckCommand(rules_check);
  if (*check_app) return RunCheckCommand(check);
  return kExitFatal;
}
