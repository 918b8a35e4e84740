// SegmenterStage: sentence and word segmentation over UTF-8 by ICU's rules, with byte offsets.
#pragma once

#include <memory>

#include "pipeline/stage.h"

namespace newsfacts {

// Writes sentences and tokens. Sentences never split inside "$1.75bn", "U.S.", "Inc.", "Mr.",
// "No. 3", "e.g.", decimals or URLs, but do end after "Inc." or "U.S." before a usual sentence
// opener ("... bought Acme Inc. The deal ..."). Every line break ends a sentence, and each
// run of line breaks starts a new paragraph (headline = paragraph 0).
// Tokens are words, numbers (anything starting with a digit: "1.75bn", "4o"), punctuation and
// symbols ("$", "%", emoji); white space, controls and format characters are the gaps.
// Boundaries come from ICU's break iterators, or from their exact fast path when it covers the
// text (pipeline/break_source.h). Thread-safe: both sources are read-only.
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
