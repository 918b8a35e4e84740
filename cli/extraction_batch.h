// ExtractionBatch: the work items an ingest worker holds until they fill a batch; the
// documents among them are extracted together, stage by stage (Pipeline::RunBatch), and then
// every item is handed to the writer in the order it was added.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/ingest_writer.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/pipeline.h"

namespace newsfacts {

// "path", or "path#record" for an article of a .json/.jsonl file.
std::string ArticleWhere(const ArticleMeta& meta);

// One per worker thread; not thread-safe.
class ExtractionBatch {
 public:
  ExtractionBatch(const Pipeline& pipeline, BoundedQueue<WorkItem>& results,
                  BatchLimits limits = {});

  // Adds `item`; when item.doc is set, that document still needs the pipeline. With
  // `ends_file`, it is asked once the item has been handed on whether that was the last
  // article of its file, and a file_done item follows when it was. The batch is extracted
  // and handed on once its documents reach the limits. False once the writer has stopped.
  bool Add(WorkItem item, std::function<bool()> ends_file = nullptr);

  // Extracts the documents held and hands on every item held, in order, each document
  // without its tokens, which the writer does not read: a document the pipeline fails on
  // becomes a failed item with a message naming the article. False once the writer has
  // stopped.
  bool Flush();

 private:
  struct Held {
    WorkItem item;
    std::function<bool()> ends_file;
  };

  const Pipeline& pipeline_;
  BoundedQueue<WorkItem>& results_;
  const BatchLimits limits_;
  std::vector<Held> held_;
  size_t documents_ = 0;
  size_t text_bytes_ = 0;
};

}  // namespace newsfacts
