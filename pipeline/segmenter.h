// SegmenterStage: ICU sentence and word segmentation over UTF-8, with byte offsets.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace newsfacts {

// Writes sentences and tokens. Sentences never split inside "$1.75bn", "U.S.", "Inc.", "Mr.",
// "No. 3", "e.g.", decimals or URLs; every line break ends a sentence (headlines, paragraphs).
// Tokens are words, numbers (anything starting with a digit: "1.75bn", "4o"), punctuation and
// symbols; white space, controls and format characters are the gaps between them.
// Thread-safe: each thread clones the compiled break iterators on first use.
class SegmenterStage : public Stage {
 public:
  // Returns the stage, or Internal when ICU cannot build its break iterators.
  static StatusOr<std::unique_ptr<SegmenterStage>> Create();
  ~SegmenterStage() override;

  std::string_view name() const override { return "segment"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {Layer::kSentences, Layer::kTokens}; }
  Status Process(Document& doc) const override;

 private:
  struct Impl;
  explicit SegmenterStage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
