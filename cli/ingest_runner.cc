// Ingest: one scheme for article files and for stored articles extracted again. Workers turn
// jobs into documents, extract them in batches, and hand them through a bounded queue to the
// calling thread, the one SQLite writer, which stores them in batched transactions.
#include "cli/ingest_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <variant>

#include "cli/extraction_batch.h"
#include "cli/file_articles.h"
#include "cli/ingest_plan.h"
#include "cli/ingest_writer.h"
#include "cli/large_file_turns.h"
#include "corpus/article_reader.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/thread_priority.h"

namespace newsfacts {
namespace {

// One unit of work: an article file to read, or a stored article to extract again.
using Job = std::variant<std::filesystem::path, StoredArticle>;

// ArticleKey -> content hash of every article stored before the run.
using StoredHashes = std::unordered_map<std::string, std::string>;

// Returns the time now, in ns since the epoch, as file times are kept.
int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// True when the file of `stamp` was modified so shortly before `read_ns`, the time just before
// it was read, that a change made after it was read could keep the same stamp: file systems
// keep times in ticks of a few ms (FAT's mtime in 2 s). Such a file is not recorded and is
// read again next time (git's "racily clean" entries). A file modified earlier gets a new
// mtime from any change.
bool ModifiedLately(const FileStamp& stamp, int64_t read_ns) {
  constexpr int64_t kMarginNs = int64_t{2} * 1'000'000'000;
  return stamp.mtime_ns >= read_ns - kMarginNs;
}

// Hands one article of a file to `batch`: unchanged when the database holds it with the same
// content hash, otherwise to be extracted. Returns false when the writer has stopped.
bool AddArticle(RawArticle& raw, const std::shared_ptr<const FileRead>& file,
                const StoredHashes& stored_hashes, ExtractionBatch& batch,
                std::function<bool()> ends_file = nullptr) {
  WorkItem item;
  item.file = file;
  item.record_index = raw.meta.record_index;
  Document doc = Document::FromOwnedUtf8(std::move(raw.meta), std::move(raw.text));
  item.content_hash = ContentHash(doc);
  const auto stored = stored_hashes.find(ArticleKey(doc.meta().path, doc.meta().record_index));
  if (stored != stored_hashes.end() && stored->second == item.content_hash) {
    item.unchanged = true;
  } else {
    item.doc.emplace(std::move(doc));
  }
  return batch.Add(std::move(item), std::move(ends_file));
}

// Takes article `index` of `articles` and hands it to `batch` (AddArticle), or, when its record
// cannot be read, an item saying why. Returns false when the writer has stopped.
bool AddTaken(FileArticles& articles, size_t index, const StoredHashes& stored_hashes,
              ExtractionBatch& batch, std::function<bool()> ends_file = nullptr) {
  StatusOr<RawArticle> raw = articles.Take(index);
  if (raw.ok()) return AddArticle(*raw, articles.file, stored_hashes, batch, std::move(ends_file));
  WorkItem item;
  item.file = articles.file;
  item.failed = articles.FirstFailure();
  item.messages.push_back(raw.status().message());
  return batch.Add(std::move(item), std::move(ends_file));
}

// The files whose articles are being shared out, oldest first, and how many files workers
// are reading that may add more. Thread-safe.
class OpenFiles {
 public:
  void BeginReading() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++reading_;
  }
  // Ends a read begun with BeginReading; `file` (null when the file is not shared) joins the
  // files whose articles are taken.
  void EndReading(std::shared_ptr<FileArticles> file) {
    std::lock_guard<std::mutex> lock(mutex_);
    --reading_;
    if (file != nullptr) files_.push_back(std::move(file));
    changed_.notify_all();
  }

  // An article not yet taken, with its file; a null file when there is none and, with
  // `wait`, no file is being read any more.
  std::pair<std::shared_ptr<FileArticles>, size_t> Take(bool wait) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      while (!files_.empty()) {
        const size_t index = files_.front()->next++;
        if (index < files_.front()->size()) return {files_.front(), index};
        files_.pop_front();
      }
      if (!wait || reading_ == 0) return {nullptr, 0};
      changed_.wait(lock);
    }
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::shared_ptr<FileArticles>> files_;
  int reading_ = 0;
};

// Reads one file and hands `batch` one item per article and a last one for the file; with
// `open_files`, a file of several articles is handed to it instead, for every worker to
// share; with `turns`, a large file is read in its turn. Returns false when the writer has
// stopped.
bool ProcessFile(const std::filesystem::path& path, const StoredHashes& stored_hashes,
                 OpenFiles* open_files, LargeFileTurns* turns, ExtractionBatch& batch) {
  std::shared_ptr<FileArticles> shared;
  if (open_files != nullptr) open_files->BeginReading();
  struct EndReading {
    OpenFiles* open_files;
    std::shared_ptr<FileArticles>* shared;
    ~EndReading() {
      if (open_files != nullptr) open_files->EndReading(std::move(*shared));
    }
  } end_reading{open_files, &shared};

  // A large file's turn is taken once the file is opened and measured, before its bytes are
  // read; it is let go once the file is read (a .jsonl file: its records found), before its
  // articles are handed on.
  std::unique_lock<std::mutex> turn;
  std::function<void(const FileStamp&)> take_turn;
  if (turns != nullptr) {
    take_turn = [&](const FileStamp& opened) { turn = turns->TurnFor(opened.size); };
  }
  auto file = std::make_shared<FileRead>();
  file->path = path.string();
  FileStamp stamp;
  const int64_t read_ns = NowNs();
  StatusOr<std::vector<std::string>> pieces =
      ReadFilePieces(path, stamp, FileArticles::PieceBytesFor(path), take_turn);
  StatusOr<std::unique_ptr<FileArticles>> read = pieces.status();
  if (pieces.ok()) {
    if (!ModifiedLately(stamp, read_ns)) file->stamp = stamp;
    read = FileArticles::Read(file, std::move(*pieces));
  }
  if (turn.owns_lock()) turn.unlock();
  if (!read.ok()) {
    WorkItem item;
    item.file = file;
    item.failed = true;
    item.file_done = true;
    item.messages.push_back(read.status().message());
    return batch.Add(std::move(item));
  }
  FileArticles& articles = **read;
  WorkItem file_messages;
  file_messages.file = file;
  file_messages.messages = articles.messages();
  file_messages.failed = articles.has_errors();
  if (!file_messages.messages.empty() && !batch.Add(std::move(file_messages))) return false;

  if (open_files != nullptr && articles.size() > 1) {
    shared = std::move(*read);
    return true;  // the workers take its articles before any other file
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    if (!AddTaken(articles, i, stored_hashes, batch)) return false;
  }
  WorkItem done;
  done.file = file;
  done.file_done = true;
  return batch.Add(std::move(done));
}

// Hands `batch` articles of open files until none is left to take (with `wait`, until no file
// is being read either); whoever hands on a file's last article follows it with the file's
// last item. Returns false when the writer has stopped.
bool ProcessOpenFiles(OpenFiles& open_files, bool wait, const StoredHashes& stored_hashes,
                      ExtractionBatch& batch) {
  while (true) {
    auto [file, index] = open_files.Take(wait);
    if (file == nullptr) return true;
    if (!AddTaken(*file, index, stored_hashes, batch, [file = file] { return file->Finish(); })) {
      return false;
    }
  }
}

// Hands `batch` a stored article to extract again from its text. Returns false when the
// writer has stopped.
bool ProcessStored(StoredArticle& stored, ExtractionBatch& batch) {
  WorkItem item;
  item.reextracted = true;
  item.stored_id = stored.id;
  item.content_hash = std::move(stored.content_hash);
  item.doc.emplace(Document::FromOwnedUtf8(std::move(stored.meta), std::move(stored.text)));
  return batch.Add(std::move(item));
}

// The one worker/queue/writer scheme: from construction on, `jobs` threads take `work` items
// in order, extract them in batches (extraction_batch.h) and push what they yield into a
// bounded queue, which Drain empties into a writer on the calling thread. The arguments must
// outlive it.
class Extraction {
 public:
  Extraction(std::vector<Job>& work, int jobs, const IngestOptions& options,
             const Pipeline& pipeline, const StoredHashes& stored_hashes)
      : results_(options.queue_capacity, options.queue_text_bytes), workers_left_(jobs) {
    OpenFiles* share = jobs > 1 ? &open_files_ : nullptr;
    LargeFileTurns* turns = jobs > 1 ? &large_file_turns_ : nullptr;
    for (int i = 0; i < jobs; ++i) {
      workers_.emplace_back([this, &work, &pipeline, &stored_hashes, share, turns] {
        LowerThreadPriority();  // the writer, this scheme's slowest stage, goes first
        ExtractionBatch batch(pipeline, results_);
        bool go_on = true;
        while (go_on && ProcessOpenFiles(open_files_, /*wait=*/false, stored_hashes, batch)) {
          const size_t index = next_++;
          if (index >= work.size()) {
            // Hand on what is held before waiting for the files other workers are reading.
            go_on =
                batch.Flush() && ProcessOpenFiles(open_files_, /*wait=*/true, stored_hashes, batch);
            break;
          }
          Job& job = work[index];
          go_on = std::holds_alternative<StoredArticle>(job)
                      ? ProcessStored(std::get<StoredArticle>(job), batch)
                      : ProcessFile(std::get<std::filesystem::path>(job), stored_hashes, share,
                                    turns, batch);
        }
        if (go_on) batch.Flush();
        if (--workers_left_ == 0) results_.Close();
      });
    }
  }
  // Stops the workers where they are (the queue they push into closes) and waits for them.
  ~Extraction() { Stop(); }
  Extraction(const Extraction&) = delete;
  Extraction& operator=(const Extraction&) = delete;

  // Hands every result, in order, to `writer` until the workers are done; returns the first
  // fatal store error, after stopping the workers.
  Status Drain(IngestWriter& writer) {
    Status fatal;
    bool ended = false;
    while (fatal.ok()) {
      std::optional<WorkItem> item = results_.Pop();
      if (!ended && results_.Closed()) {
        writer.ExtractionEnded();
        ended = true;
      }
      if (!item) break;
      fatal = writer.Take(std::move(*item));
    }
    Stop();
    if (fatal.ok()) fatal = writer.Flush();
    return fatal;
  }

 private:
  void Stop() {
    results_.Close();
    for (std::thread& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
  }

  BoundedQueue<WorkItem> results_;
  std::atomic<size_t> next_{0};
  std::atomic<int> workers_left_;
  OpenFiles open_files_;
  LargeFileTurns large_file_turns_;
  std::vector<std::thread> workers_;
};

// A batch of stored articles being extracted again, and the extraction, which reads them.
struct ReextractionBatch {
  std::vector<Job> work;
  std::optional<Extraction> extraction;
};

// Extracts again the stored articles that ArticlesToReextract names, loading them a batch at a
// time (options.batch_articles articles, or fewer once their text reaches
// options.reextract_batch_bytes) so memory holds two batches of stored texts: the next batch is
// loaded and extracted while the writer writes the one before (one after the other, the workers
// waited for the writer at every batch; the text was not bounded). Returns fatal store errors only.
Status Reextract(const IngestOptions& options, const Pipeline* pipeline, FactStore& store,
                 int64_t run_id, int jobs, const IngestObserver& observer, IngestWriter& writer) {
  StatusOr<bool> any = store.HasArticlesToReextract(options.run, options.reextract_all);
  if (!any.ok()) return any.status();
  if (!*any) return Status::Ok();  // without listing every article (issue 16)
  StatusOr<std::vector<int64_t>> ids =
      store.ArticlesToReextract(run_id, options.run, options.reextract_all);
  if (!ids.ok()) return ids.status();
  if (ids->empty()) return Status::Ok();
  if (pipeline == nullptr) {
    // Another process stored them after PlanIngest found nothing to extract.
    observer.on_message(std::to_string(ids->size()) +
                        " articles were stored meanwhile by other rules; ingest again to "
                        "extract them with these");
    return Status::Ok();
  }
  writer.summary().articles_to_reextract = static_cast<int64_t>(ids->size());
  const size_t batch_size = std::max<size_t>(1, options.batch_articles);
  const StoredHashes none;
  std::unique_ptr<ReextractionBatch> writing;
  for (size_t i = 0; i < ids->size();) {
    auto next = std::make_unique<ReextractionBatch>();
    for (size_t bytes = 0;
         i < ids->size() && next->work.size() < batch_size && bytes < options.reextract_batch_bytes;
         ++i) {
      StatusOr<StoredArticle> article = store.LoadArticle((*ids)[i]);
      if (!article.ok()) return article.status();
      bytes += article->text.size();
      next->work.emplace_back(std::move(*article));
    }
    next->extraction.emplace(next->work, jobs, options, *pipeline, none);
    if (writing != nullptr) NEWSFACTS_RETURN_IF_ERROR(writing->extraction->Drain(writer));
    writing = std::move(next);
  }
  return writing != nullptr ? writing->extraction->Drain(writer) : Status::Ok();
}

}  // namespace

int WorkerCount(const IngestOptions& options) {
  return options.jobs > 0 ? options.jobs
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

Status RunIngest(const IngestOptions& options, const IngestPlan& plan, const Pipeline* pipeline,
                 const StoreOpener& open_store, const IngestObserver& observer,
                 IngestSummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  summary = IngestSummary();
  for (const std::string& message : plan.messages) observer.on_message(message);
  const int jobs = WorkerCount(options);
  // The workers start before the store is opened: creating a database then runs beside the
  // extraction of the first articles, which the writer used to wait for with a core idle
  // (issue 16).
  std::vector<Job> work(plan.files_to_read.begin(), plan.files_to_read.end());
  std::optional<Extraction> extraction;
  if (!work.empty()) {
    if (pipeline == nullptr) return Status::Internal("ingest: files to read but no pipeline");
    extraction.emplace(work, jobs, options, *pipeline, plan.stored_hashes);
  }
  StatusOr<FactStore*> opened = open_store();
  if (!opened.ok()) return opened.status();
  FactStore& store = **opened;
  RunInfo run = options.run;
  run.expected_bytes = EstimatedBytesToRead(plan);
  StatusOr<int64_t> run_id = store.BeginRun(run);
  if (!run_id.ok()) return run_id.status();

  IngestWriter writer(options.batch_articles, store, *run_id, plan.files_total, observer);
  writer.summary().files = plan.unchanged_files;
  writer.summary().articles_unchanged = plan.unchanged_articles;
  Status status;
  if (extraction) status = extraction->Drain(writer);
  if (status.ok()) status = Reextract(options, pipeline, store, *run_id, jobs, observer, writer);
  if (status.ok()) status = writer.Flush();  // the files recorded after the last batch
  summary = writer.summary();
  if (status.ok()) status = store.FinishRun(*run_id, CountsOf(summary));
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return status;
}

}  // namespace newsfacts
