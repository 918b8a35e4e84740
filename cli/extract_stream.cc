// The streaming filter: a reader thread numbers the records, workers extract them in batches of
// what is waiting, and the calling thread turns the results into lines and writes them back in
// input order through a bounded reorder window.
#include "cli/extract_stream.h"

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
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

// One record read from the stream, with its place in it, parsed by the reader's thread
// (issue 16: parsing on the worker was 2.4% of its time, while the reader's thread waited).
struct Record {
  uint64_t sequence = 0;
  size_t line_number = 0;       // 1-based, counting blank lines
  std::optional<Document> doc;  // the article, unless the record failed to parse
  std::string error;            // why it failed
};

// What the writer prints for a record: the facts line of its extracted document, which the
// writer builds (issue 16: building it on the worker took 7% of the worker's time, while
// the writer's thread waited), or an error line.
struct Output {
  std::optional<Document> doc;  // extracted, without its tokens (no facts line holds them)
  std::string line;             // the error line when the record failed
  std::string error;            // "name:N: ..." when the record failed
};

// The bytes of the article text a record holds, which the batch limits count.
size_t TextBytes(const Record& record) { return record.doc ? record.doc->text().size() : 0; }

std::string ErrorLine(const std::string& message, size_t line_number) {
  return nlohmann::json{{"error", message}, {"line", line_number}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The error output of `record`.
Output Failed(const Record& record, const ExtractStreamOptions& options,
              const std::string& message) {
  return Output{std::nullopt, ErrorLine(message, record.line_number),
                options.name + ":" + std::to_string(record.line_number) + ": " + message};
}

// Extracts `records` together (Pipeline::RunBatch) and puts the document or error line of
// each into `window`, all at once.
void ExtractBatch(std::vector<Record>& records, const Pipeline& pipeline,
                  const ExtractStreamOptions& options, ReorderWindow<Output>& window) {
  std::vector<std::pair<uint64_t, Output>> results;
  std::vector<Document> docs;
  std::vector<const Record*> extracted;  // the record of each of `docs`
  results.reserve(records.size());
  docs.reserve(records.size());
  for (Record& record : records) {
    if (!record.doc) {
      results.emplace_back(record.sequence, Failed(record, options, record.error));
      continue;
    }
    docs.push_back(std::move(*record.doc));
    extracted.push_back(&record);
  }
  const std::vector<Status> statuses = pipeline.RunBatch(docs);
  for (size_t i = 0; i < docs.size(); ++i) {
    const Record& record = *extracted[i];
    if (!statuses[i].ok()) {
      results.emplace_back(record.sequence, Failed(record, options, statuses[i].message()));
      continue;
    }
    docs[i].ReleaseTokens();
    results.emplace_back(record.sequence, Output{std::move(docs[i]), "", ""});
  }
  window.PutAll(std::move(results));
}

}  // namespace

ExtractStreamSummary RunExtractStream(std::FILE* in, std::FILE* out, const Pipeline& pipeline,
                                      const ExtractStreamOptions& options,
                                      const std::function<void(const std::string&)>& on_message) {
  const size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs) : 1;
  const BatchLimits limits;
  ReorderWindow<Output> window(options.window > 0 ? options.window : 2 * jobs * limits.articles);
  // Room for a batch per worker, so a worker finds one waiting when it is done with its last.
  BoundedQueue<Record> records(jobs * limits.articles, jobs * limits.text_bytes);
  std::atomic<bool> stop{false};
  ExtractStreamSummary summary;

  std::thread reader([&] {
    std::string line;
    bool too_long = false;
    size_t line_number = 0;
    int record_index = 0;
    while (!stop && ReadCappedLine(in, kMaxArticleFileBytes, line, too_long)) {
      ++line_number;
      if (!too_long && IsBlankLine(line)) continue;
      Record record;
      record.line_number = line_number;
      record.sequence = window.Reserve();
      const size_t bytes = line.size();
      if (too_long) {
        record.error =
            "record longer than " + std::to_string(kMaxArticleFileBytes >> 20) + " MB; skipped";
      } else if (StatusOr<RawArticle> raw = ReadJsonLine(options.name, line, record_index);
                 raw.ok()) {
        record.doc = Document::FromUtf8(std::move(raw->meta), raw->text);
      } else {
        record.error = raw.status().message();
      }
      ++record_index;
      if (!records.Push(std::move(record), bytes)) break;
    }
    records.Close();
  });
  std::vector<std::thread> workers;
  for (size_t i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      // A batch is the records waiting now, up to the limits: a worker never waits to fill
      // one, so a record piped in alone is answered at once.
      while (std::optional<Record> first = records.Pop()) {
        std::vector<Record> batch;
        size_t bytes = TextBytes(*first);
        batch.push_back(std::move(*first));
        while (!limits.Full(batch.size(), bytes)) {
          std::optional<Record> more = records.TryPop();
          if (!more) break;
          bytes += TextBytes(*more);
          batch.push_back(std::move(*more));
        }
        ExtractBatch(batch, pipeline, options, window);
      }
    });
  }
  // The window closes once the reader and the workers are done, so Take ends after the last.
  std::thread closer([&] {
    reader.join();
    for (std::thread& worker : workers) worker.join();
    window.Close();
  });

  // Each line is written as soon as it and every line before it are done, and flushed once
  // no more are ready, so a record piped in alone is answered at once.
  std::vector<Output> outputs;
  while (window.TakeReady(outputs)) {
    for (Output& output : outputs) {
      ++summary.records;
      if (!output.error.empty()) {
        ++summary.failed;
        on_message(output.error);
      }
      if (summary.output_closed) continue;  // drain, so the reader is not left blocked
      if (output.doc) {
        const FactsProvenance provenance{options.tool_version, options.rules_fingerprint,
                                         ContentHash(*output.doc)};
        output.line = DocumentToFactsLine(*output.doc, provenance);
        output.doc.reset();
      }
      output.line.push_back('\n');
      if (std::fwrite(output.line.data(), 1, output.line.size(), out) != output.line.size()) {
        summary.output_closed = true;
        stop = true;
      }
    }
    if (!summary.output_closed && std::fflush(out) != 0) {
      summary.output_closed = true;
      stop = true;
    }
  }
  closer.join();
  return summary;
}

}  // namespace newsfacts
