// The streaming filter: a reader thread numbers the records, workers extract them in batches of
// what is waiting, and the calling thread turns the results into lines and writes them back in
// input order through a bounded reorder window.
#include "cli/extract_stream.h"

#include <atomic>
#include <chrono>
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

// A batch of records on its way through the pipeline: the documents of those that parsed,
// which may have gone through the pipeline's first stages while the rest were being built.
struct Batch {
  std::vector<Record> records;
  std::vector<Document> docs;     // of the records that parsed, in order
  std::vector<Document*> parsed;  // docs, as the pipeline takes them
  std::vector<Status> begun;      // per doc, after the first stages; empty when not begun
  size_t text_bytes = 0;
};

// The batch of `records`, its documents taken out of them.
Batch MakeBatch(std::vector<Record> records, size_t text_bytes) {
  Batch batch{std::move(records), {}, {}, {}, text_bytes};
  batch.docs.reserve(batch.records.size());
  for (Record& record : batch.records) {
    if (record.doc) batch.docs.push_back(std::move(*record.doc));
  }
  for (Document& doc : batch.docs) batch.parsed.push_back(&doc);
  return batch;
}

// Runs the stages of `whole` that `batch` has not been through yet, and puts the document or
// error line of each record into `window`, all at once.
void ExtractRest(Batch& batch, const PipelineBuild& build, const Pipeline& whole,
                 const ExtractStreamOptions& options, ReorderWindow<Output>& window) {
  const bool begun = !batch.begun.empty();
  const std::vector<Status> statuses =
      begun ? whole.FinishBatch(batch.parsed, std::move(batch.begun), build.front().stages().size())
            : whole.RunBatch(batch.parsed);
  std::vector<std::pair<uint64_t, Output>> results;
  results.reserve(batch.records.size());
  size_t next_doc = 0;
  for (const Record& record : batch.records) {
    if (!record.doc) {
      results.emplace_back(record.sequence, Failed(record, options, record.error));
      continue;
    }
    const size_t i = next_doc++;
    if (!statuses[i].ok()) {
      results.emplace_back(record.sequence, Failed(record, options, statuses[i].message()));
      continue;
    }
    batch.docs[i].ReleaseTokens();
    results.emplace_back(record.sequence, Output{std::move(batch.docs[i]), "", ""});
  }
  window.PutAll(std::move(results));
}

// Puts an empty output for each record of `batch`, which no line will answer: the pipeline
// failed to build. The writer waits for every number the reader reserved.
void DropBatch(const Batch& batch, ReorderWindow<Output>& window) {
  std::vector<std::pair<uint64_t, Output>> results;
  for (const Record& record : batch.records) results.emplace_back(record.sequence, Output{});
  window.PutAll(std::move(results));
}

// How far one worker runs ahead through the first stages while the rest are being built:
// about the 0.2 s the amount and claim rules take to compile on one thread. A worker that
// reaches it helps the build (PipelineBuild::Help).
constexpr size_t kRunAheadBatches = 32;

// How long a worker that keeps batches waits for a record before it looks whether the build
// has ended.
constexpr std::chrono::milliseconds kBuildPoll{2};

// One extraction worker: takes batches of what is waiting in `records` until it is closed.
// While `build` has not ended, it takes each batch through the first stages only and keeps it,
// up to kRunAheadBatches batches of records and text, without their tokens when no later stage
// reads them; the batches kept are finished once the whole pipeline is there, before any later
// one, and a worker that must wait for it helps build it. While it keeps a batch, it waits for
// a record only until the build ends (the reader may be waiting for the kept records to be
// written). Sets `build_failed` when the build fails, after which batches are dropped.
void RunWorker(BoundedQueue<Record>& records, const PipelineBuild& build, const BatchLimits& limits,
               const ExtractStreamOptions& options, ReorderWindow<Output>& window,
               std::atomic<bool>& build_failed) {
  std::vector<Batch> kept;
  size_t kept_records = 0;
  size_t kept_bytes = 0;
  // Helps the build to its end, then finishes the batches kept; nullptr when the build failed.
  // Called for every batch once the build has ended, when there is nothing left to help.
  const auto finish_kept = [&]() -> const Pipeline* {
    if (!build.Ended()) build.Help();
    const StatusOr<const Pipeline*> whole = build.Whole();
    if (!whole.ok()) build_failed = true;  // before any dropped record reaches the writer
    for (Batch& batch : kept) {
      if (whole.ok()) {
        ExtractRest(batch, build, **whole, options, window);
      } else {
        DropBatch(batch, window);
      }
    }
    kept.clear();
    kept_records = kept_bytes = 0;
    return whole.ok() ? *whole : nullptr;
  };
  // A batch is the records waiting now, up to the limits: a worker never waits to fill one,
  // so a record piped in alone is answered at once.
  while (true) {
    std::optional<Record> first = kept.empty() ? records.Pop() : records.PopFor(kBuildPoll);
    if (!first) {
      if (kept.empty()) return;
      if (records.Drained() || build.Ended()) finish_kept();
      continue;
    }
    std::vector<Record> taken;
    size_t bytes = TextBytes(*first);
    taken.push_back(std::move(*first));
    while (!limits.Full(taken.size(), bytes)) {
      std::optional<Record> more = records.TryPop();
      if (!more) break;
      bytes += TextBytes(*more);
      taken.push_back(std::move(*more));
    }
    Batch batch = MakeBatch(std::move(taken), bytes);
    if (build_failed) {
      DropBatch(batch, window);
      continue;
    }
    if (!build.Ended() &&
        kept_records + batch.records.size() <= kRunAheadBatches * limits.articles &&
        kept_bytes + batch.text_bytes <= kRunAheadBatches * limits.text_bytes) {
      batch.begun = build.front().BeginBatch(batch.parsed);
      if (!build.ReadLater(Layer::kTokens)) {
        for (Document& doc : batch.docs) doc.ReleaseTokens();
      }
      kept_records += batch.records.size();
      kept_bytes += batch.text_bytes;
      kept.push_back(std::move(batch));
      continue;
    }
    const Pipeline* whole = finish_kept();
    if (whole == nullptr) {
      DropBatch(batch, window);
      continue;
    }
    ExtractRest(batch, build, *whole, options, window);
  }
}

}  // namespace

ExtractStreamSummary RunExtractStream(std::FILE* in, std::FILE* out, const PipelineBuild& pipeline,
                                      const ExtractStreamOptions& options,
                                      const std::function<void(const std::string&)>& on_message) {
  const size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs) : 1;
  const BatchLimits limits;
  // Room for what the workers keep while the pipeline is built, and a batch per worker besides.
  ReorderWindow<Output> window(
      options.window > 0 ? options.window : (2 + kRunAheadBatches) * jobs * limits.articles);
  // Room for a batch per worker, so a worker finds one waiting when it is done with its last.
  BoundedQueue<Record> records(jobs * limits.articles, jobs * limits.text_bytes);
  std::atomic<bool> stop{false};
  std::atomic<bool> build_failed{false};  // no line will be written: the reader stops too
  ExtractStreamSummary summary;

  std::thread reader([&] {
    std::string line;
    bool too_long = false;
    size_t line_number = 0;
    int record_index = 0;
    while (!stop && !build_failed && ReadCappedLine(in, kMaxArticleFileBytes, line, too_long)) {
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
    workers.emplace_back(
        [&] { RunWorker(records, pipeline, limits, options, window, build_failed); });
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
      // Drain, so the reader is not left blocked.
      if (summary.output_closed || build_failed) continue;
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
