// WarmStages, and PipelineWarmUp: one thread over the stages' WarmUp, stopped and joined on
// destruction.
#include "pipeline/pipeline_warm_up.h"

namespace newsfacts {

void WarmStages(const std::vector<std::unique_ptr<Stage>>& stages, const std::atomic<bool>& stop) {
  for (const auto& stage : stages) {
    if (stop) return;
    stage->WarmUp(stop);
  }
}

PipelineWarmUp::PipelineWarmUp(const Pipeline& pipeline)
    : thread_([this, &pipeline] { WarmStages(pipeline.stages(), stop_); }) {}

PipelineWarmUp::PipelineWarmUp(const PipelineBuild& build)
    : thread_([this, &build] {
        const StatusOr<const Pipeline*> whole = build.Whole();
        if (whole.ok()) WarmStages((*whole)->stages(), stop_);
      }) {}

bool PipelineWarmUp::HasIdleCore(size_t busy_threads) {
  return busy_threads < std::thread::hardware_concurrency();
}

PipelineWarmUp::~PipelineWarmUp() {
  stop_ = true;
  thread_.join();
}

}  // namespace newsfacts
