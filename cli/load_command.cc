// `newsfacts load FACTS.jsonl... [--db FILE] [--rules DIR]`: stores the facts lines the
// streaming filter wrote (on any machine) without extracting again, through ingest's writer.
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include "cli/commands.h"
#include "cli/ingest_writer.h"
#include "cli/line_reader.h"
#include "cli/messages.h"
#include "corpus/article_reader.h"
#include "db/article_identity.h"
#include "extractors/standard_pipeline.h"
#include "pipeline/document_json.h"

namespace newsfacts {
namespace {

// A facts line holds the article's text and its facts: a few times the article's size.
constexpr size_t kMaxFactsLineBytes = 8 * kMaxArticleFileBytes;

// Stores facts lines with one run (and one IngestWriter) per tool version that produced
// them, all with this newsfacts's rules fingerprint. Not thread-safe.
class Loader {
 public:
  Loader(FactStore& store, std::string rules_fingerprint, const IngestObserver& observer)
      : store_(store), fingerprint_(std::move(rules_fingerprint)), observer_(observer) {}

  // Stores the facts lines of `in` (named `name` in messages). Returns fatal store errors
  // only; a bad line is reported and counted as failed.
  Status LoadStream(const std::string& name, std::FILE* in) {
    std::string line;
    bool too_long = false;
    size_t line_number = 0;
    int64_t refused = 0;  // lines of another rules fingerprint after the first one reported
    while (ReadCappedLine(in, kMaxFactsLineBytes, line, too_long)) {
      ++line_number;
      if (!too_long && IsBlankLine(line)) continue;
      const std::string where = name + ":" + std::to_string(line_number) + ": ";
      if (too_long) {
        NEWSFACTS_RETURN_IF_ERROR(Fail(where + "line longer than " +
                                       std::to_string(kMaxFactsLineBytes >> 20) + " MB; skipped"));
        continue;
      }
      StatusOr<FactsLine> facts = ParseFactsLine(line);
      if (!facts.ok()) {
        NEWSFACTS_RETURN_IF_ERROR(Fail(where + facts.status().message() + "; skipped"));
        continue;
      }
      const FactsProvenance& provenance = facts->provenance;
      if (provenance.rules_fingerprint != fingerprint_) {
        NEWSFACTS_RETURN_IF_ERROR(
            refused++ > 0 ? Fail("")
                          : Fail(where + "facts extracted with rules fingerprint " +
                                 provenance.rules_fingerprint + ", but these rules (built-in" +
                                 " plus --rules) have fingerprint " + fingerprint_ +
                                 "; refused, so the database never mixes two rule sets: load "
                                 "with the --rules the facts were extracted with, or ingest "
                                 "the articles again"));
        continue;
      }
      if (ContentHash(facts->doc) != provenance.content_hash) {
        NEWSFACTS_RETURN_IF_ERROR(Fail(where + "load.content_hash does not match the article: the "
                                               "line was changed after extraction; skipped"));
        continue;
      }
      StatusOr<IngestWriter*> writer = WriterFor(provenance.tool_version);
      if (!writer.ok()) return writer.status();
      WorkItem item;
      item.content_hash = provenance.content_hash;
      item.doc.emplace(std::move(facts->doc));
      NEWSFACTS_RETURN_IF_ERROR((*writer)->Take(std::move(item)));
    }
    if (refused > 1) {
      observer_.on_message(name + ": " + std::to_string(refused - 1) +
                           " more lines of other rules refused");
    }
    if (std::ferror(in)) {
      return Fail(name + ": read failed: " + std::strerror(errno) + "; the rest not loaded");
    }
    return Status::Ok();
  }

  // Writes what is held and records every run's finish and counts.
  Status Finish(IngestSummary& total) {
    for (auto& [version, writer] : writers_) {
      NEWSFACTS_RETURN_IF_ERROR(writer->Flush());
      const IngestSummary& s = writer->summary();
      NEWSFACTS_RETURN_IF_ERROR(store_.FinishRun(writer->run_id(), CountsOf(s)));
      AddStored(s, total);
      total.articles_failed += s.articles_failed;
    }
    return Status::Ok();
  }

 private:
  // Reports `message` (unless empty) and counts a failed line in the current run.
  Status Fail(const std::string& message) {
    WorkItem item;
    item.failed = true;
    if (!message.empty()) item.messages.push_back(message);
    const std::string version = current_ != nullptr ? current_version_ : NEWSFACTS_VERSION;
    StatusOr<IngestWriter*> writer = WriterFor(version);
    if (!writer.ok()) return writer.status();
    return (*writer)->Take(std::move(item));
  }

  // The writer of the run for facts of `tool_version`, begun on first use. Switching runs
  // writes the held batch first, so each batch belongs to one run.
  StatusOr<IngestWriter*> WriterFor(const std::string& tool_version) {
    if (current_ != nullptr && current_version_ == tool_version) return current_;
    if (current_ != nullptr) NEWSFACTS_RETURN_IF_ERROR(current_->Flush());
    std::unique_ptr<IngestWriter>& writer = writers_[tool_version];
    if (writer == nullptr) {
      StatusOr<int64_t> run_id = store_.BeginRun({tool_version, fingerprint_});
      if (!run_id.ok()) return run_id.status();
      writer = std::make_unique<IngestWriter>(kBatchArticles, store_, *run_id, 0, observer_);
    }
    current_ = writer.get();
    current_version_ = tool_version;
    return current_;
  }

  static constexpr size_t kBatchArticles = 256;  // as ingest
  FactStore& store_;
  const std::string fingerprint_;
  const IngestObserver& observer_;
  std::map<std::string, std::unique_ptr<IngestWriter>> writers_;  // by tool version
  IngestWriter* current_ = nullptr;
  std::string current_version_;
};

}  // namespace

int RunLoadCommand(const LoadCommand& command) {
  StatusOr<RuleSources> rules = LoadRules(command.rule_dirs);
  if (!rules.ok()) {
    PrintError(rules.status().message());
    return kExitFatal;
  }
  std::vector<std::FILE*> inputs;
  for (const std::string& name : command.inputs) {
    std::FILE* in = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
    if (in == nullptr) {
      PrintError(name + ": cannot open: " + std::strerror(errno));
      for (std::FILE* opened : inputs) {
        if (opened != stdin) std::fclose(opened);
      }
      return kExitFatal;
    }
    inputs.push_back(in);
  }
  StatusOr<std::unique_ptr<FactStore>> store = FactStore::Open(command.db_path);
  if (!store.ok()) {
    PrintError(store.status().message());
    return kExitFatal;
  }
  IngestObserver observer;
  observer.on_message = [](const std::string& message) { PrintMessage(message); };
  Loader loader(**store, rules->Fingerprint(), observer);
  Status status;
  for (size_t i = 0; i < inputs.size() && status.ok(); ++i) {
    status = loader.LoadStream(command.inputs[i], inputs[i]);
  }
  for (std::FILE* in : inputs) {
    if (in != stdin) std::fclose(in);
  }
  IngestSummary s;
  if (status.ok()) status = loader.Finish(s);
  if (!status.ok()) {
    PrintError(status.message());
    return kExitFatal;
  }
  std::printf("%s: loaded %zu files: %" PRId64 " articles (%" PRId64 " new, %" PRId64
              " replaced, %" PRId64 " unchanged, %" PRId64 " failed)\n",
              Printable(command.db_path).c_str(), inputs.size(),
              s.articles_added + s.articles_replaced + s.articles_unchanged, s.articles_added,
              s.articles_replaced, s.articles_unchanged, s.articles_failed);
  std::printf("stored %" PRId64 " sentences, %" PRId64 " mentions, %" PRId64 " amounts, %" PRId64
              " claims\n",
              s.sentences, s.mentions, s.amounts, s.claims);
  return s.articles_failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace newsfacts
