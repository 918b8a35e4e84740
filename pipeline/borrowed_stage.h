// BorrowedStage: a stage owned elsewhere, put into a Pipeline that must own its stages, so that
// two pipelines can share one compiled stage (a pipeline's first stages, run while the rest
// are built, and the whole pipeline built after them; the fuzzers' pipelines of built-in
// stages and one rebuilt); BorrowStages borrows every stage of a pipeline at once.
#pragma once

#include <atomic>
#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/pipeline.h"
#include "pipeline/stage.h"

namespace newsfacts {

// Forwards every call to `stage`, which must outlive it.
class BorrowedStage : public Stage {
 public:
  explicit BorrowedStage(const Stage& stage) : stage_(stage) {}
  std::string_view name() const override { return stage_.name(); }
  std::vector<Layer> reads() const override { return stage_.reads(); }
  std::vector<Layer> writes() const override { return stage_.writes(); }
  Status Process(Document& doc) const override { return stage_.Process(doc); }
  void WarmUp(const std::atomic<bool>& stop) const override { stage_.WarmUp(stop); }

 private:
  const Stage& stage_;
};

// A BorrowedStage of each stage of `pipeline`, in order: the start of a pipeline that begins
// with its stages. `pipeline` must outlive them.
inline std::vector<std::unique_ptr<Stage>> BorrowStages(const Pipeline& pipeline) {
  std::vector<std::unique_ptr<Stage>> borrowed;
  for (const auto& stage : pipeline.stages()) {
    borrowed.push_back(std::make_unique<BorrowedStage>(*stage));
  }
  return borrowed;
}

}  // namespace newsfacts
