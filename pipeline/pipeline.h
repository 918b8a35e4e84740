// Pipeline: an ordered list of stages, checked at construction so that every layer a stage
// reads is written upstream and no layer has two writers.
#pragma once

#include <memory>
#include <vector>

#include "pipeline/stage.h"

namespace newsfacts {

// Immutable after Create; Run() is safe from many threads at once.
class Pipeline {
 public:
  // Returns the pipeline, or InvalidArgument naming the stage and the layer that is read
  // before it is written or written twice.
  static StatusOr<Pipeline> Create(std::vector<std::unique_ptr<Stage>> stages);

  // Runs every stage in order; the first error stops the run, prefixed with the stage name.
  Status Run(Document& doc) const;

  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  explicit Pipeline(std::vector<std::unique_ptr<Stage>> stages) : stages_(std::move(stages)) {}
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace newsfacts
