// ExtractionBatch: hold, extract stage by stage, hand on in order.
#include "cli/extraction_batch.h"

#include <utility>

namespace newsfacts {

std::string ArticleWhere(const ArticleMeta& meta) {
  if (meta.record_index < 0) return meta.path;
  return meta.path + "#" + std::to_string(meta.record_index);
}

ExtractionBatch::ExtractionBatch(const Pipeline& pipeline, BoundedQueue<WorkItem>& results,
                                 BatchLimits limits)
    : pipeline_(pipeline), results_(results), limits_(limits) {}

bool ExtractionBatch::Add(WorkItem item, std::function<bool()> ends_file) {
  if (item.doc) {
    ++documents_;
    text_bytes_ += item.doc->text().size();
  }
  held_.push_back({std::move(item), std::move(ends_file)});
  return limits_.Full(documents_, text_bytes_) ? Flush() : true;
}

bool ExtractionBatch::Flush() {
  std::vector<Document*> docs;
  std::vector<WorkItem*> owners;
  for (Held& held : held_) {
    if (!held.item.doc) continue;
    docs.push_back(&*held.item.doc);
    owners.push_back(&held.item);
  }
  const std::vector<Status> statuses = pipeline_.RunBatch(docs);
  for (size_t i = 0; i < statuses.size(); ++i) {
    WorkItem& item = *owners[i];
    if (statuses[i].ok()) {
      item.doc->ReleaseTokens();  // here, on the thread that made them
      continue;
    }
    const ArticleMeta& meta = item.doc->meta();
    item.messages.push_back(item.reextracted
                                ? meta.path + ": not re-extracted: " + statuses[i].message()
                                : ArticleWhere(meta) + ": " + statuses[i].message());
    item.failed = true;
    item.doc.reset();
  }
  std::vector<Held> held = std::move(held_);
  held_.clear();
  documents_ = 0;
  text_bytes_ = 0;
  for (Held& entry : held) {
    std::shared_ptr<const FileRead> file = entry.item.file;
    const size_t text_bytes = entry.item.doc ? entry.item.doc->text().size() : 0;
    if (!results_.Push(std::move(entry.item), text_bytes)) return false;
    if (entry.ends_file && entry.ends_file()) {
      WorkItem done;
      done.file = std::move(file);
      done.file_done = true;
      if (!results_.Push(std::move(done))) return false;
    }
  }
  return true;
}

}  // namespace newsfacts
