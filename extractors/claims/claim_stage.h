// ClaimStage: turns sentences into typed, sourced claims (relation rules over abstracted
// sentences, scoped status cues, attribution) and finds quotes with their speakers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/kernel/example_runner.h"
#include "extractors/kernel/rule_sources.h"
#include "extractors/kernel/shared_loops.h"
#include "pipeline/stage.h"

namespace newsfacts {

struct ClaimRule;
class DateRules;

// A sentence with two or more entity mentions and an amount that yields no claim: what the
// rules miss, shown to rule authors by `newsfacts extract --explain`.
struct UnexplainedSentence {
  size_t sentence = 0;  // index into Document::sentences()
  std::string abstracted;  // the sentence as rules see it: "⟨ORG:1⟩ paid ⟨MONEY:1⟩ for ⟨ORG:2⟩"
};

// The claims stage. Writes claims and quotes. Immutable after Create; Process() is
// thread-safe (compiled rules are shared read-only).
class ClaimStage : public Stage {
 public:
  // Compiles every rule file of kind "claims" and "claim_cues". Errors are InvalidArgument
  // naming the file and rule id ("builtin:claims_deals.json: rule acquired.active: ...").
  // With `loops`, the claim rules compile in a loop of it that other threads may help with.
  static StatusOr<std::unique_ptr<ClaimStage>> Create(const RuleSources& rules,
                                                      SharedLoops* loops = nullptr);
  ~ClaimStage() override;

  std::string_view name() const override { return "claims"; }
  std::vector<Layer> reads() const override {
    return {Layer::kSentences, Layer::kEntities, Layer::kMentions, Layer::kAmounts};
  }
  std::vector<Layer> writes() const override { return {Layer::kClaims, Layer::kQuotes}; }

  // Appends the claims and quotes of `doc`. Never fails on article content; the Status is
  // Internal only when an upstream layer is inconsistent (a mention naming no entity).
  Status Process(Document& doc) const override;
  // Compiles the reversed programs of the claim rules and the attribution patterns, which RE2
  // builds at a pattern's first match otherwise.
  void WarmUp(const std::atomic<bool>& stop) const override;

  // Runs every embedded match/no_match example of the claim rules through `runner` (whose
  // upstream is the segmenter, entities and amounts, or small hand-made stages in tests)
  // and this stage. A match example passes when
  // the text yields a claim of the example's predicate (default: the rule's) with every field
  // the example gives, whichever rule wins the overlap; a no_match example passes when this
  // rule yields no claim on the text. Returns one message per
  // failure ("<file>: rule <id>: example \"<text>\": expected ..., got ..."), empty when all
  // pass. Defined in claim_examples.cc.
  std::vector<std::string> CheckExamples(const ExampleRunner& runner) const;

  // The compiled rules, in file order.
  const std::vector<ClaimRule>& rules() const;
  // The compiled date rules (kind "dates"), whose examples CheckExamples runs too.
  const DateRules& dates() const;

  // The number of examples CheckExamples runs: {match examples (date examples included),
  // no_match examples}.
  std::pair<size_t, size_t> ExampleCount() const;

  // Returns the sentences of a processed `doc` with >= 2 entity mentions and an amount but no
  // claim, with their abstracted form.
  static std::vector<UnexplainedSentence> Explain(const Document& doc);
  static size_t CountUnexplainedSentences(const Document& doc) { return Explain(doc).size(); }

 private:
  struct Impl;
  explicit ClaimStage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
