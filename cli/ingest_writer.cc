// IngestWriter: the one SQLite writer of ingest and load, storing documents in batches.
#include "cli/ingest_writer.h"

#include <algorithm>

namespace newsfacts {
namespace {

bool IsFatalStoreError(const Status& status) {
  return status.code() == StatusCode::kBusy || status.code() == StatusCode::kReadOnly ||
         status.code() == StatusCode::kIoError;
}

void CountStored(const Document& doc, IngestSummary& summary) {
  summary.sentences += static_cast<int64_t>(doc.sentences().size());
  summary.mentions += static_cast<int64_t>(doc.mentions().size());
  summary.amounts += static_cast<int64_t>(doc.amounts().size());
  summary.claims += static_cast<int64_t>(doc.claims().size());
  summary.bytes += static_cast<int64_t>(doc.text().size());
}

}  // namespace

void AddStored(const IngestSummary& batch, IngestSummary& total) {
  total.articles_added += batch.articles_added;
  total.articles_replaced += batch.articles_replaced;
  total.articles_unchanged += batch.articles_unchanged;
  total.articles_reextracted += batch.articles_reextracted;
  total.sentences += batch.sentences;
  total.mentions += batch.mentions;
  total.amounts += batch.amounts;
  total.claims += batch.claims;
  total.bytes += batch.bytes;
}

RunCounts CountsOf(const IngestSummary& summary) {
  return {summary.articles_added, summary.articles_replaced, summary.articles_unchanged,
          summary.articles_failed, summary.articles_reextracted};
}

std::vector<std::vector<int64_t>> StoredArticleGroups(const std::vector<WorkItem>& items,
                                                      size_t bytes) {
  std::vector<std::vector<int64_t>> groups;
  size_t group_bytes = bytes;  // the first article opens a group
  for (const WorkItem& item : items) {
    if (!item.reextracted) continue;
    if (group_bytes >= bytes) {
      groups.emplace_back();
      group_bytes = 0;
    }
    groups.back().push_back(item.stored_id);
    group_bytes += item.doc ? item.doc->text().size() : 0;  // the stored text, extracted again
  }
  return groups;
}

Status IngestWriter::Take(WorkItem item) {
  Tally(item);
  for (const std::string& message : item.messages) observer_.on_message(message);
  if (item.failed) ++summary_.articles_failed;
  if (item.unchanged) ++summary_.articles_unchanged;
  if (item.file_done) {
    ++summary_.files;
    observer_.on_progress(summary_, files_total_);
  }
  if (!item.doc) return Status::Ok();
  // A huge article is written in a batch of its own (see Flush).
  const bool huge = item.doc->text().size() > FactStore::kHugeTextBytes;
  if (huge) NEWSFACTS_RETURN_IF_ERROR(Flush());
  held_bytes_ += item.doc->text().size();
  held_.push_back(std::move(item));
  if (!huge && held_.size() < std::max<size_t>(1, batch_articles_) && held_bytes_ < kMaxHeldBytes) {
    return Status::Ok();
  }
  return Flush();
}

void IngestWriter::Tally(const WorkItem& item) {
  if (item.file == nullptr) return;
  FileTally& tally = files_[item.file];
  if (item.failed || !item.messages.empty()) tally.clean = false;
  if (item.doc || item.unchanged) tally.articles.emplace_back(item.record_index, item.content_hash);
  if (item.file_done && !tally.done) {
    tally.done = true;
    ++files_done_;
  }
}

// Records the clean files whose last item came, and forgets every file whose last item came.
Status IngestWriter::RecordFinishedFiles() {
  for (auto it = files_.begin(); files_done_ > 0 && it != files_.end();) {
    if (!it->second.done) {
      ++it;
      continue;
    }
    if (it->second.clean && it->first->stamp) {
      SourceFile file;
      file.path = it->first->path;
      file.stamp = *it->first->stamp;
      file.articles = static_cast<int64_t>(it->second.articles.size());
      file.articles_digest = ArticlesDigest(it->second.articles);
      NEWSFACTS_RETURN_IF_ERROR(store_.RecordSourceFile(file, run_id_));
    }
    it = files_.erase(it);
    --files_done_;
  }
  return Status::Ok();
}

Status IngestWriter::Flush() {
  if (held_.empty() && files_done_ == 0) return Status::Ok();
  // Written first without a savepoint per article; an article that fails rolls that batch
  // back, and it is written again with them, so that the failed article alone is left out.
  IngestSummary batch;
  StatusOr<bool> stored = StoreHeld(BatchMode::kWholeBatch, batch);
  if (stored.ok() && !*stored) {
    batch = IngestSummary();
    stored = StoreHeld(BatchMode::kArticleSavepoints, batch);
  }
  if (!stored.ok()) return stored.status();
  held_.clear();
  held_bytes_ = 0;
  NEWSFACTS_RETURN_IF_ERROR(RecordFinishedFiles());
  IngestSummary after = summary_;
  AddStored(batch, after);
  NEWSFACTS_RETURN_IF_ERROR(store_.CommitBatch(run_id_, CountsOf(after)));
  AddStored(batch, summary_);
  observer_.on_progress(summary_, files_total_);
  return Status::Ok();
}

// Begins a batch of `mode` and writes the held documents into it, counting them in `batch`.
// False when an article failed in a kWholeBatch batch, which the store rolled back.
StatusOr<bool> IngestWriter::StoreHeld(BatchMode mode, IngestSummary& batch) {
  NEWSFACTS_RETURN_IF_ERROR(store_.BeginBatch(mode));
  // The stored articles extracted again are deleted first, many by one statement: deleted one
  // by one before each is written, they took over half of re-extraction's time (issue 16).
  // Written again article by article, each replaces its stored self, which stays if it fails.
  if (mode == BatchMode::kWholeBatch && held_.size() > 1) {
    for (const std::vector<int64_t>& stored : StoredArticleGroups(held_, kDeletedTogetherBytes)) {
      const Status deleted = store_.DeleteArticles(stored);
      if (!deleted.ok()) {
        if (IsFatalStoreError(deleted)) return deleted;
        return false;  // rolled back: written again with a savepoint per article
      }
    }
  }
  for (WorkItem& item : held_) {
    NEWSFACTS_RETURN_IF_ERROR(Store(item, mode, batch));
    if (mode == BatchMode::kWholeBatch && !store_.BatchOpen()) return false;
  }
  return true;
}

// Stores one document, counting it in `batch` by what the database held at its place.
Status IngestWriter::Store(WorkItem& item, BatchMode mode, IngestSummary& batch) {
  Document& doc = *item.doc;
  IngestSummary facts;  // counted first: the store may free the layers of what it writes
  CountStored(doc, facts);
  // An article alone in its batch (a huge one always is, see Take) is never written twice: the
  // store may free its layers as it writes them, and its failure is kept for the second pass.
  const bool alone = held_.size() == 1;
  StatusOr<ArticleWrite> written =
      !item.refusal.empty() ? Status::InvalidArgument(item.refusal)
      : item.reextracted    ? Rewrite(doc, item.content_hash, alone)
      : alone               ? store_.WriteArticleIfChangedReleasing(doc, item.content_hash, run_id_)
                            : store_.WriteArticleIfChanged(doc, item.content_hash, run_id_);
  if (!written.ok()) {
    if (IsFatalStoreError(written.status())) return written.status();
    if (mode == BatchMode::kWholeBatch) {  // reported when written again
      if (alone) item.refusal = written.status().message();
      return Status::Ok();
    }
    observer_.on_message(doc.meta().path +
                         (item.reextracted ? ": not re-extracted: " : ": not stored: ") +
                         written.status().message());
    ++summary_.articles_failed;
    if (item.file != nullptr) files_[item.file].clean = false;
    return Status::Ok();
  }
  if (*written == ArticleWrite::kUnchanged) {
    ++batch.articles_unchanged;  // another process stored the same text meanwhile
    return Status::Ok();
  }
  if (item.reextracted) {
    ++batch.articles_reextracted;
  } else if (*written == ArticleWrite::kReplaced) {
    ++batch.articles_replaced;
  } else {
    ++batch.articles_added;
  }
  AddStored(facts, batch);
  return Status::Ok();
}

// Stores a re-extracted article in place of itself.
StatusOr<ArticleWrite> IngestWriter::Rewrite(Document& doc, std::string_view content_hash,
                                             bool alone) {
  Status status = alone ? store_.WriteArticleReleasing(doc, content_hash, run_id_)
                        : store_.WriteArticle(doc, content_hash, run_id_);
  if (!status.ok()) return status;
  return ArticleWrite::kReplaced;
}

}  // namespace newsfacts
