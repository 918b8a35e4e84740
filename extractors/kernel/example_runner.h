// ExampleRunner: runs the examples embedded in rule files the way an article would run,
// through the stages upstream of the one under test, for every rule kind alike.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/stage.h"

namespace newsfacts {

// Holds the upstream stages (not owned; they must outlive the runner). Thread-safe.
class ExampleRunner {
 public:
  // `upstream` runs in order before the stage under test: the segmenter for entity and
  // amount rules; the segmenter, entities and amounts for claim rules.
  explicit ExampleRunner(std::vector<const Stage*> upstream) : upstream_(std::move(upstream)) {}

  // Returns the example's document after the upstream stages and `stage`, or the first
  // error prefixed with the failing stage's name.
  StatusOr<Document> Run(const Stage& stage, std::string_view text) const;

 private:
  std::vector<const Stage*> upstream_;
};

// `text` in double quotes, as example failures show it.
std::string Quoted(std::string_view text);

}  // namespace newsfacts
