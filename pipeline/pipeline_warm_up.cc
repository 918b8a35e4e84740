// PipelineWarmUp: one thread over the stages' WarmUp, stopped and joined on destruction.
#include "pipeline/pipeline_warm_up.h"

namespace newsfacts {

PipelineWarmUp::PipelineWarmUp(const Pipeline& pipeline)
    : thread_([this, &pipeline] { WarmStages(pipeline); }) {}

PipelineWarmUp::PipelineWarmUp(const PipelineBuild& build)
    : thread_([this, &build] {
        const StatusOr<const Pipeline*> whole = build.Whole();
        if (whole.ok()) WarmStages(**whole);
      }) {}

void PipelineWarmUp::WarmStages(const Pipeline& pipeline) {
  for (const auto& stage : pipeline.stages()) {
    if (stop_) return;
    stage->WarmUp(stop_);
  }
}

bool PipelineWarmUp::HasIdleCore(size_t busy_threads) {
  return busy_threads < std::thread::hardware_concurrency();
}

PipelineWarmUp::~PipelineWarmUp() {
  stop_ = true;
  thread_.join();
}

}  // namespace newsfacts
