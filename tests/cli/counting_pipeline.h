// Helpers for tests of ingest's scheduling: a pipeline that only counts the documents it
// extracts, and a wait for that count.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include "pipeline/pipeline.h"

namespace newsfacts::testing {

// A stage that only counts the documents it is given.
class CountingStage : public Stage {
 public:
  explicit CountingStage(std::atomic<int>& count) : count_(count) {}
  std::string_view name() const override { return "counting"; }
  std::vector<Layer> reads() const override { return {}; }
  std::vector<Layer> writes() const override { return {}; }
  Status Process(Document&) const override {
    ++count_;
    return Status::Ok();
  }

 private:
  std::atomic<int>& count_;
};

// A pipeline of one CountingStage over `count`.
inline Pipeline CountingPipeline(std::atomic<int>& count) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<CountingStage>(count));
  return std::move(Pipeline::Create(std::move(stages))).value();
}

// Waits up to 20 s for `count` to reach `at_least`; true when it did.
inline bool WaitFor(const std::atomic<int>& count, int at_least) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (count < at_least && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return count >= at_least;
}

}  // namespace newsfacts::testing
