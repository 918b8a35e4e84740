// BorrowedStage: a stage owned elsewhere, put into a Pipeline that must own its stages, so that
// two pipelines can share one compiled stage (a pipeline's first stages, run while the rest
// are built, and the whole pipeline built after them; the fuzzers' pipelines of built-in
// stages and one rebuilt).
#pragma once

#include <atomic>
#include <string_view>
#include <vector>

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

}  // namespace newsfacts
