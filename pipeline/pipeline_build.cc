// PipelineBuild: the front pipeline and the shared future of the whole one.
#include "pipeline/pipeline_build.h"

#include <chrono>

namespace newsfacts {

PipelineBuild::PipelineBuild(std::unique_ptr<Pipeline> front,
                             std::shared_future<StatusOr<Pipeline>> whole)
    : front_(std::move(front)), whole_(std::move(whole)) {}

PipelineBuild::~PipelineBuild() {
  if (whole_.valid()) whole_.wait();
}

bool PipelineBuild::Ended() const {
  return whole_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

StatusOr<const Pipeline*> PipelineBuild::Whole() const {
  const StatusOr<Pipeline>& whole = whole_.get();
  if (!whole.ok()) return whole.status();
  return &*whole;
}

}  // namespace newsfacts
