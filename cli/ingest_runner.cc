// Ingest: workers read files and run the pipeline; the calling thread is the one SQLite writer.
#include "cli/ingest_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <thread>
#include <unordered_map>

#include "corpus/article_reader.h"
#include "pipeline/bounded_queue.h"

namespace newsfacts {
namespace {

// What a worker hands the writer: a document to store, an unchanged article, or messages.
struct WorkItem {
  std::optional<Document> doc;
  std::string content_hash;
  bool unchanged = false;
  bool failed = false;     // an article or file that could not be read or extracted
  bool file_done = false;  // the last item of a file
  std::vector<std::string> messages;
};

bool IsFatalStoreError(const Status& status) {
  return status.code() == StatusCode::kBusy || status.code() == StatusCode::kReadOnly ||
         status.code() == StatusCode::kIoError;
}

// Reads one file and runs the pipeline on each of its articles, pushing one item per article.
// Returns false when the writer has stopped.
bool ProcessFile(const std::filesystem::path& path, const Pipeline& pipeline,
                 const std::unordered_map<std::string, std::string>& stored_hashes,
                 BoundedQueue<WorkItem>& results) {
  StatusOr<FileReadResult> read = ReadArticleFile(path);
  if (!read.ok()) {
    WorkItem item;
    item.failed = true;
    item.file_done = true;
    item.messages.push_back(read.status().message());
    return results.Push(std::move(item));
  }
  WorkItem file_messages;
  file_messages.messages = read->warnings;
  for (const std::string& error : read->errors) file_messages.messages.push_back(error);
  if (!read->errors.empty()) file_messages.failed = true;
  if (!file_messages.messages.empty() && !results.Push(std::move(file_messages))) return false;

  for (RawArticle& raw : read->articles) {
    WorkItem item;
    Document doc = Document::FromRaw(std::move(raw.meta), raw.text);
    item.content_hash = ContentHash(doc);
    const auto stored = stored_hashes.find(ArticleKey(doc.meta().path, doc.meta().record_index));
    if (stored != stored_hashes.end() && stored->second == item.content_hash) {
      item.unchanged = true;
    } else {
      Status status = pipeline.Run(doc);
      if (!status.ok()) {
        item.failed = true;
        std::string where = doc.meta().path;
        if (doc.meta().record_index >= 0) {
          where.append("#").append(std::to_string(doc.meta().record_index));
        }
        item.messages.push_back(where + ": " + status.message());
      } else {
        item.doc.emplace(std::move(doc));
      }
    }
    if (!results.Push(std::move(item))) return false;
  }
  WorkItem done;
  done.file_done = true;
  return results.Push(std::move(done));
}

// Runs `work(i)` for every i in [0, count) on `jobs` threads.
void RunParallel(int jobs, size_t count, const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < count; i = next++) work(i);
    });
  }
  for (std::thread& thread : threads) thread.join();
}

void CountStored(const Document& doc, IngestSummary& summary) {
  summary.sentences += static_cast<int64_t>(doc.sentences().size());
  summary.mentions += static_cast<int64_t>(doc.mentions().size());
  summary.amounts += static_cast<int64_t>(doc.amounts().size());
  summary.claims += static_cast<int64_t>(doc.claims().size());
  summary.bytes += static_cast<int64_t>(doc.text().size());
}

// Extracts the stored articles that ArticlesToReextract names again from their stored text,
// one batch at a time: the writer loads a batch, `jobs` workers run the pipeline on it, the
// writer replaces the articles in one transaction. Returns fatal store errors only.
Status Reextract(const IngestOptions& options, const Pipeline& pipeline, FactStore& store,
                 int64_t run_id, int jobs, IngestSummary& summary, const IngestObserver& observer) {
  StatusOr<std::vector<int64_t>> ids =
      store.ArticlesToReextract(run_id, options.run, options.reextract_all);
  if (!ids.ok()) return ids.status();
  const size_t batch_size = std::max<size_t>(1, options.batch_articles);
  for (size_t first = 0; first < ids->size(); first += batch_size) {
    const size_t count = std::min(batch_size, ids->size() - first);
    std::vector<StoredArticle> stored;
    for (size_t i = 0; i < count; ++i) {
      StatusOr<StoredArticle> article = store.LoadArticle((*ids)[first + i]);
      if (!article.ok()) return article.status();
      stored.push_back(std::move(*article));
    }
    std::vector<std::optional<Document>> docs(count);
    std::vector<Status> errors(count);
    RunParallel(jobs, count, [&](size_t i) {
      Document doc = Document::FromRaw(stored[i].meta, stored[i].text);
      errors[i] = pipeline.Run(doc);
      if (errors[i].ok()) docs[i].emplace(std::move(doc));
    });
    NEWSFACTS_RETURN_IF_ERROR(store.BeginBatch());
    for (size_t i = 0; i < count; ++i) {
      const std::string& path = stored[i].meta.path;
      Status status = errors[i];
      if (status.ok()) status = store.WriteArticle(*docs[i], stored[i].content_hash, run_id);
      if (status.ok()) {
        ++summary.articles_reextracted;
        CountStored(*docs[i], summary);
        continue;
      }
      if (IsFatalStoreError(status)) return status;
      observer.on_message(path + ": not re-extracted: " + status.message());
      ++summary.articles_failed;
    }
    NEWSFACTS_RETURN_IF_ERROR(store.CommitBatch());
  }
  return Status::Ok();
}

}  // namespace

StatusOr<IngestSummary> RunIngest(const IngestOptions& options, const Pipeline& pipeline,
                                  FactStore& store, const IngestObserver& observer) {
  const auto started = std::chrono::steady_clock::now();
  StatusOr<std::vector<std::filesystem::path>> files = FindArticleFiles(options.roots);
  if (!files.ok()) return files.status();
  StatusOr<std::unordered_map<std::string, std::string>> stored = store.LoadContentHashes();
  if (!stored.ok()) return stored.status();
  StatusOr<int64_t> run_id = store.BeginRun(options.run);
  if (!run_id.ok()) return run_id.status();

  IngestSummary summary;
  const int64_t files_total = static_cast<int64_t>(files->size());
  const int jobs = options.jobs > 0
                       ? options.jobs
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  BoundedQueue<WorkItem> results(options.queue_capacity);
  std::atomic<size_t> next_file{0};
  std::atomic<int> workers_left{jobs};
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      for (size_t index = next_file++; index < files->size(); index = next_file++) {
        if (!ProcessFile((*files)[index], pipeline, *stored, results)) break;
      }
      if (--workers_left == 0) results.Close();
    });
  }

  Status fatal;
  size_t in_batch = 0;
  auto stop_workers = [&] {
    results.Close();
    for (auto& worker : workers) worker.join();
    workers.clear();
  };
  fatal = store.BeginBatch();
  while (fatal.ok()) {
    std::optional<WorkItem> item = results.Pop();
    if (!item) break;
    for (const std::string& message : item->messages) observer.on_message(message);
    if (item->failed) ++summary.articles_failed;
    if (item->unchanged) ++summary.articles_unchanged;
    if (item->file_done) {
      ++summary.files;
      observer.on_progress(summary, files_total);
    }
    if (!item->doc) continue;
    const Document& doc = *item->doc;
    const bool replacing = stored->count(ArticleKey(doc.meta().path, doc.meta().record_index)) > 0;
    Status status = store.WriteArticle(doc, item->content_hash, *run_id);
    if (!status.ok()) {
      if (IsFatalStoreError(status)) {
        fatal = status;
        break;
      }
      observer.on_message(doc.meta().path + ": not stored: " + status.message());
      ++summary.articles_failed;
      continue;
    }
    ++(replacing ? summary.articles_replaced : summary.articles_added);
    CountStored(doc, summary);
    if (++in_batch >= options.batch_articles) {
      fatal = store.CommitBatch();
      if (fatal.ok()) fatal = store.BeginBatch();
      in_batch = 0;
    }
  }
  stop_workers();
  if (!fatal.ok()) return fatal;
  NEWSFACTS_RETURN_IF_ERROR(store.CommitBatch());
  NEWSFACTS_RETURN_IF_ERROR(Reextract(options, pipeline, store, *run_id, jobs, summary, observer));

  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  RunCounts counts{summary.articles_added, summary.articles_replaced, summary.articles_unchanged,
                   summary.articles_failed, summary.articles_reextracted};
  NEWSFACTS_RETURN_IF_ERROR(store.FinishRun(*run_id, counts));
  return summary;
}

}  // namespace newsfacts
