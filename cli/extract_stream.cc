// The streaming filter: a reader thread numbers the records, workers extract them, and the
// calling thread writes the results back in input order through a bounded reorder window.
#include "cli/extract_stream.h"

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "cli/line_reader.h"
#include "corpus/article_reader.h"
#include "db/article_identity.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/document_json.h"
#include "pipeline/reorder_window.h"

namespace newsfacts {
namespace {

// One record read from the stream, with its place in it.
struct Record {
  uint64_t sequence = 0;
  size_t line_number = 0;  // 1-based, counting blank lines
  int record_index = 0;    // counts non-blank lines from 0, as the .jsonl reader does
  std::string line;
  bool too_long = false;
};

// What the writer prints for a record.
struct Output {
  std::string line;
  std::string error;  // "name:N: ..." when the record failed
};

std::string ErrorLine(const std::string& message, size_t line_number) {
  return nlohmann::json{{"error", message}, {"line", line_number}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Returns the facts line of one record, or an error line.
Output Extract(const Record& record, const Pipeline& pipeline,
               const ExtractStreamOptions& options) {
  const auto failed = [&](const std::string& message) {
    return Output{ErrorLine(message, record.line_number),
                  options.name + ":" + std::to_string(record.line_number) + ": " + message};
  };
  if (record.too_long) {
    return failed("record longer than " + std::to_string(kMaxArticleFileBytes >> 20) +
                  " MB; skipped");
  }
  StatusOr<RawArticle> raw = ReadJsonLine(options.name, record.line, record.record_index);
  if (!raw.ok()) return failed(raw.status().message());
  Document doc = Document::FromUtf8(std::move(raw->meta), raw->text);
  if (Status status = pipeline.Run(doc); !status.ok()) return failed(status.message());
  const FactsProvenance provenance{options.tool_version, options.rules_fingerprint,
                                   ContentHash(doc)};
  return Output{DocumentToFactsLine(doc, provenance), ""};
}

}  // namespace

ExtractStreamSummary RunExtractStream(std::FILE* in, std::FILE* out, const Pipeline& pipeline,
                                      const ExtractStreamOptions& options,
                                      const std::function<void(const std::string&)>& on_message) {
  const size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs) : 1;
  ReorderWindow<Output> window(options.window > 0 ? options.window : 4 * jobs);
  BoundedQueue<Record> records(jobs);
  std::atomic<bool> stop{false};
  ExtractStreamSummary summary;

  std::thread reader([&] {
    Record record;
    size_t line_number = 0;
    int record_index = 0;
    while (!stop && ReadCappedLine(in, kMaxArticleFileBytes, record.line, record.too_long)) {
      ++line_number;
      if (!record.too_long && IsBlankLine(record.line)) continue;
      record.line_number = line_number;
      record.record_index = record_index++;
      record.sequence = window.Reserve();
      if (!records.Push(std::move(record))) break;
      record = Record{};
    }
    records.Close();
  });
  std::vector<std::thread> workers;
  for (size_t i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      while (std::optional<Record> record = records.Pop()) {
        window.Put(record->sequence, Extract(*record, pipeline, options));
      }
    });
  }
  // The window closes once the reader and the workers are done, so Take ends after the last.
  std::thread closer([&] {
    reader.join();
    for (std::thread& worker : workers) worker.join();
    window.Close();
  });

  while (std::optional<Output> output = window.Take()) {
    ++summary.records;
    if (!output->error.empty()) {
      ++summary.failed;
      on_message(output->error);
    }
    if (summary.output_closed) continue;  // drain, so the reader is not left blocked
    output->line.push_back('\n');
    if (std::fwrite(output->line.data(), 1, output->line.size(), out) != output->line.size() ||
        std::fflush(out) != 0) {
      summary.output_closed = true;
      stop = true;
    }
  }
  closer.join();
  return summary;
}

}  // namespace newsfacts
