// Pipeline: an ordered list of stages, checked at construction so that every layer a stage
// reads is written upstream and no layer has two writers.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "pipeline/article_windows.h"
#include "pipeline/stage.h"

namespace newsfacts {

// How many articles the extraction jobs (ingest, `extract` of a stream, stage_bench) hand to
// RunBatch at once: up to `articles`, and no more once their text reaches `text_bytes`, so a
// batch of large articles stays small in memory (a single huge article is a batch of one).
struct BatchLimits {
  size_t articles = 128;
  size_t text_bytes = size_t{512} << 10;

  // Whether a batch holding `articles` articles of `text_bytes` bytes in all is full.
  bool Full(size_t batch_articles, size_t batch_text_bytes) const {
    return batch_articles >= articles || batch_text_bytes >= text_bytes;
  }

  // How many of the articles `first`, `first + 1`, ... (of `count`) make the next batch: at
  // least one while any is left. `text_size(i)` is the text size of article i.
  template <typename TextSize>
  size_t Next(size_t first, size_t count, TextSize text_size) const {
    size_t taken = 0;
    size_t bytes = 0;
    while (first + taken < count && !Full(taken, bytes)) bytes += text_size(first + taken++);
    return taken;
  }
};

// Immutable after Create; Run() and RunBatch() are safe from many threads at once.
class Pipeline {
 public:
  // Returns the pipeline, or InvalidArgument naming the stage and the layer that is read
  // before it is written or written twice. Articles longer than `window_bytes` are extracted
  // a window at a time (Run).
  static StatusOr<Pipeline> Create(std::vector<std::unique_ptr<Stage>> stages,
                                   size_t window_bytes = kDefaultWindowBytes);

  // Runs every stage in order; the first error stops the run, prefixed with the stage name.
  // A text longer than window_bytes() is cut into windows (SplitIntoWindows) and each is run
  // through every stage as a document of its own, its layers appended to `doc` in article
  // coordinates before the next window is cut (WindowMerger says what article-wide steps
  // see), so stage memory is bounded by a window; an error names the window's byte range.
  Status Run(Document& doc) const;

  // Runs the stages over all of `docs` stage by stage: the first stage over every document,
  // then the second, and so on, so each stage's rules and tables stay in the CPU caches
  // across the batch instead of being evicted by the other stages after every article
  // (issue 16: a batch of 128 BBC articles made the amount stage half as fast again, the
  // whole pipeline a tenth). The result for docs[i] is what Run(*docs[i]) returns: a
  // document whose stage fails skips the later stages, and the others go on.
  std::vector<Status> RunBatch(const std::vector<Document*>& docs) const;
  std::vector<Status> RunBatch(std::vector<Document>& docs) const;

  // RunBatch in two steps, for a caller that has a pipeline's first stages before the rest
  // are built (PipelineBuild). BeginBatch runs all of this pipeline's stages over the
  // documents of `docs` that fit in a window and leaves the longer ones alone. FinishBatch runs
  // the stages from `first_stage` on over the documents `begun` says did not fail, and the
  // longer ones whole, when this pipeline's first `first_stage` stages are those that began
  // the batch. Together they give what RunBatch gives.
  std::vector<Status> BeginBatch(const std::vector<Document*>& docs) const;
  std::vector<Status> FinishBatch(const std::vector<Document*>& docs, std::vector<Status> begun,
                                  size_t first_stage) const;

  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }
  size_t window_bytes() const { return window_bytes_; }

 private:
  Pipeline(std::vector<std::unique_ptr<Stage>> stages, size_t window_bytes)
      : stages_(std::move(stages)), window_bytes_(window_bytes) {}
  // Runs every stage over `doc` as a whole.
  Status RunWhole(Document& doc) const;
  // Runs `doc`, longer than a window, window by window.
  Status RunWindowed(Document& doc) const;
  // Runs stages [first_stage, end) over each of `docs` that fits in a window and whose status
  // is still ok, stage by stage, recording a failure in `statuses`.
  void RunStages(const std::vector<Document*>& docs, size_t first_stage,
                 std::vector<Status>& statuses) const;

  std::vector<std::unique_ptr<Stage>> stages_;
  size_t window_bytes_;
};

}  // namespace newsfacts
