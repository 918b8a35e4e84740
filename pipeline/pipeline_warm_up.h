// PipelineWarmUp: a thread that builds, while the pipeline extracts, what its stages would
// otherwise build on the extracting threads at first use (Stage::WarmUp). With one extraction
// worker the second core is mostly idle; the reversed programs of the claim rules, compiled
// there at their first match, were 2.3% of the worker's time on 20 MB (issue 16). Worth it
// for long runs (the streaming filter, ingest), where most rules come to match. WarmStages is
// the loop it runs, which a thread building the stages also runs before handing them over.
#pragma once

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "pipeline/pipeline.h"
#include "pipeline/pipeline_build.h"

namespace newsfacts {

// Runs the WarmUp of each of `stages`, in order, until `stop` is set: between stages, and
// within one that checks it.
void WarmStages(const std::vector<std::unique_ptr<Stage>>& stages, const std::atomic<bool>& stop);

// Runs each stage's WarmUp, in pipeline order, on a thread of its own from construction on.
// The pipeline must outlive it.
class PipelineWarmUp {
 public:
  explicit PipelineWarmUp(const Pipeline& pipeline);
  // The same for the pipeline `build` ends with, once built (none when its build fails).
  explicit PipelineWarmUp(const PipelineBuild& build);
  // Stops the warm-up where it is (a stage returns at its next check) and waits for it.
  ~PipelineWarmUp();
  PipelineWarmUp(const PipelineWarmUp&) = delete;
  PipelineWarmUp& operator=(const PipelineWarmUp&) = delete;

  // Whether a warm-up would find a core of its own beside `busy_threads` threads that extract
  // or write. Without one it only takes time from them: `extract --jobs 2` on two cores ran
  // 3% slower with it, having compiled the reversed programs of rules that never matched.
  static bool HasIdleCore(size_t busy_threads);

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace newsfacts
