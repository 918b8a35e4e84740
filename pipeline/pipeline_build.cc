// PipelineBuild: the front pipeline and the shared future of the whole one.
#include "pipeline/pipeline_build.h"

#include <chrono>
#include <utility>
#include <vector>

#include "pipeline/borrowed_stage.h"

namespace newsfacts {

PipelineBuild::PipelineBuild(std::unique_ptr<Pipeline> front,
                             std::shared_future<StatusOr<Pipeline>> whole)
    : front_(std::move(front)), whole_(std::move(whole)) {}

PipelineBuild PipelineBuild::Built(Pipeline whole) {
  auto front = std::make_unique<Pipeline>(std::move(whole));
  std::vector<std::unique_ptr<Stage>> borrowed;
  for (const auto& stage : front->stages()) {
    borrowed.push_back(std::make_unique<BorrowedStage>(*stage));
  }
  std::promise<StatusOr<Pipeline>> ended;
  ended.set_value(Pipeline::Create(std::move(borrowed), front->window_bytes()));
  return PipelineBuild(std::move(front), ended.get_future().share());
}

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
