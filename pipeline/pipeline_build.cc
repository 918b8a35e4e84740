// PipelineBuild: the front pipeline and the shared future of the whole one.
#include "pipeline/pipeline_build.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/borrowed_stage.h"

namespace newsfacts {

PipelineBuild::PipelineBuild(std::unique_ptr<Pipeline> front,
                             std::shared_future<StatusOr<Pipeline>> whole,
                             std::vector<Layer> unread_later, std::function<void()> help)
    : front_(std::move(front)),
      whole_(std::move(whole)),
      unread_later_(std::move(unread_later)),
      help_(std::move(help)) {}

PipelineBuild PipelineBuild::Built(Pipeline whole) {
  auto front = std::make_unique<Pipeline>(std::move(whole));
  std::promise<StatusOr<Pipeline>> ended;
  ended.set_value(Pipeline::Create(BorrowStages(*front), front->window_bytes()));
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

void PipelineBuild::Help() const {
  if (help_) help_();
}

bool PipelineBuild::ReadLater(Layer layer) const {
  return std::find(unread_later_.begin(), unread_later_.end(), layer) == unread_later_.end();
}

Status PipelineBuild::CheckUnreadLater(const Pipeline& whole, size_t front_stages,
                                       const std::vector<Layer>& unread_later) {
  for (size_t s = front_stages; s < whole.stages().size(); ++s) {
    const Stage& stage = *whole.stages()[s];
    for (const Layer layer : stage.reads()) {
      if (std::find(unread_later.begin(), unread_later.end(), layer) != unread_later.end()) {
        return Status::Internal("stage '" + std::string(stage.name()) + "' reads '" +
                                std::string(LayerName(layer)) +
                                "', which the documents begun before it was built no longer hold");
      }
    }
  }
  return Status::Ok();
}

}  // namespace newsfacts
