// `newsfacts ingest DIR... [--db FILE] [--jobs N] [--batch N] [--rules DIR] [--force]`: the
// main job.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/commands.h"
#include "cli/ingest_plan.h"
#include "cli/ingest_progress.h"
#include "cli/ingest_runner.h"
#include "cli/messages.h"
#include "cli/terminal.h"
#include "extractors/standard_pipeline.h"
#include "pipeline/pipeline_warm_up.h"

namespace newsfacts {
namespace {

// The progress line is redrawn at most this often, so printing it costs nothing measurable.
constexpr std::chrono::milliseconds kProgressInterval{100};

void PrintSummary(const IngestSummary& s, const std::string& db_path) {
  const double mb = static_cast<double>(s.bytes) / 1e6;
  const int64_t extracted = s.articles_added + s.articles_replaced;
  const double seconds = s.seconds > 0 ? s.seconds : 1e-9;
  std::printf("%s: %" PRId64 " files, %" PRId64 " articles (%" PRId64 " new, %" PRId64
              " replaced, %" PRId64 " unchanged, %" PRId64 " failed)",
              Printable(db_path).c_str(), s.files, extracted + s.articles_unchanged,
              s.articles_added, s.articles_replaced, s.articles_unchanged, s.articles_failed);
  if (s.articles_reextracted > 0) {
    std::printf(", %" PRId64 " stored articles re-extracted", s.articles_reextracted);
  }
  std::printf("\n");
  std::printf(
      "stored %" PRId64 " sentences, %" PRId64 " mentions, %" PRId64 " amounts, %" PRId64
      " claims in %.2f s (%.2f MB/s, %s articles/s)\n",
      s.sentences, s.mentions, s.amounts, s.claims, s.seconds, mb / seconds,
      ArticleRate(static_cast<double>(extracted + s.articles_reextracted), seconds).c_str());
}

// Prints a fatal error of the run and the summary of what was committed before it.
int StopAfter(const Status& status, const IngestSummary& summary, const std::string& db_path) {
  // What was committed before the error stays stored: say how much (issue 15, item 8).
  PrintError(status.message());
  std::fprintf(stderr, "newsfacts: stopped; the summary below counts what was committed\n");
  std::fflush(stderr);
  PrintSummary(summary, db_path);
  return kExitFatal;
}

}  // namespace

int RunIngestCommand(const IngestCommand& command) {
  // Rule files are read and fingerprinted first (JSON errors name file and line). Compiling
  // them, a third of a second, waits for the plan to show that something needs extracting,
  // unless there is no database yet: then everything does, and a broken rule must not leave
  // an empty database behind.
  StatusOr<RuleSources> rules = LoadRules(command.rule_dirs);
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitFatal;
  }
  IngestOptions options;
  options.roots = command.roots;
  options.jobs = command.jobs;
  options.batch_articles = command.batch;
  options.run = {NEWSFACTS_VERSION, rules->Fingerprint()};
  options.reextract_all = command.force;
  std::optional<Pipeline> pipeline;
  std::optional<PipelineWarmUp> warm_up;  // declared after `pipeline`: stopped before it goes
  const auto compile = [&] {
    StatusOr<Pipeline> built = BuildStandardPipeline(*rules);
    if (!built.ok()) {
      PrintError(built.status().message());
      return false;
    }
    pipeline.emplace(std::move(built).value());
    // The workers and the writer.
    if (PipelineWarmUp::HasIdleCore(static_cast<size_t>(WorkerCount(options)) + 1)) {
      warm_up.emplace(*pipeline);
    }
    return true;
  };
  // A new database is created once the workers have started (RunIngest); an existing one is
  // opened first, for the plan to skip what it holds unchanged.
  std::unique_ptr<FactStore> store;
  const auto open_store = [&]() -> StatusOr<FactStore*> {
    if (store == nullptr) {
      StatusOr<std::unique_ptr<FactStore>> opened = FactStore::Open(command.db_path);
      if (!opened.ok()) return opened.status();
      store = std::move(*opened);
    }
    return store.get();
  };
  std::error_code no_database;
  const bool new_database = !std::filesystem::exists(command.db_path, no_database);
  if (new_database && !compile()) return kExitFatal;
  if (!new_database) {
    if (StatusOr<FactStore*> opened = open_store(); !opened.ok()) {
      PrintError(opened.status().message());
      return kExitFatal;
    }
  }
  StatusOr<IngestPlan> plan = new_database ? PlanNewDatabase(options) : PlanIngest(options, *store);
  if (!plan.ok()) return StopAfter(plan.status(), IngestSummary(), command.db_path);
  if (plan->needs_pipeline && !pipeline && !compile()) return kExitFatal;
  const bool progress = StderrIsTerminal();
  bool progress_shown = false;
  const auto started = std::chrono::steady_clock::now();
  auto last_drawn = started - kProgressInterval;
  IngestObserver observer;
  observer.on_message = [&](const std::string& message) {
    if (progress_shown) std::fputs("\r\033[K", stderr);
    PrintMessage(message);
  };
  observer.on_progress = [&](const IngestSummary& s, int64_t files_total) {
    if (!progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_drawn < kProgressInterval) return;
    last_drawn = now;
    const double elapsed = std::chrono::duration<double>(now - started).count();
    std::fprintf(stderr, "\r\033[K%s", ProgressLine(s, files_total, elapsed).c_str());
    progress_shown = true;
  };
  IngestSummary summary;
  Status status =
      RunIngest(options, *plan, pipeline ? &*pipeline : nullptr, open_store, observer, summary);
  if (progress_shown) std::fputs("\r\033[K", stderr);
  if (!status.ok() && store == nullptr) {  // the new database could not be created
    PrintError(status.message());
    return kExitFatal;
  }
  if (!status.ok()) return StopAfter(status, summary, command.db_path);
  PrintSummary(summary, command.db_path);
  return summary.articles_failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace newsfacts
