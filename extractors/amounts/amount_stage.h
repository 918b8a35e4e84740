// AmountStage: finds money in each sentence and normalizes it to exact decimal values,
// ISO 4217 currency with evidence, bounds and a qualifier, driven by rule files of kind "amounts".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/kernel/example_runner.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/stage.h"

namespace newsfacts {

// The amounts extractor. Writes Document::amounts(), sorted by span, one per money expression
// inside a sentence (never across sentences). Bounds, all exact decimal strings in major units:
//   exact        value = low = high = the stated figure
//   approximate  value = figure, low = figure x low_factor, high = figure x high_factor
//                (0.9 and 1.1 in the built-in rules: "about $10m" -> [9000000, 11000000])
//   lower        value = figure, low = figure, high absent (unbounded): "more than $5bn"
//   upper        value = figure, low = "0", high = figure: "up to $2bn"
//   range        value absent, low and high the two ends: "$10-20 billion"
//   vague        value absent, [low, high) from the rule tables, vague = true: "billions"
//   undisclosed  value, bounds and currency absent: "an undisclosed sum", "Terms were not
//                disclosed" (money that was paid but not given)
// One-sided bounds are treated as inclusive. A conversion in parentheses ("$9.3bn (£5bn)")
// gets `restates` = index of the amount it converts. Every value is confirmed by re-rendering
// the digits read against the digits in the text; an unconfirmed parse is dropped.
// Thread-safe: compiled rules are immutable after Create() and shared by all threads.
class AmountStage : public Stage {
 public:
  // Compiles every rule file of kind "amounts" in `rules`; errors name the file, and
  // `path:line: rule id` for a rule. InvalidArgument for malformed tables (unknown keys,
  // wrong types), unknown macros or group names, duplicate rule ids, bad RE2 patterns, or
  // when no file supplies the required settings (approximate_bounds, restatement).
  static StatusOr<std::unique_ptr<AmountStage>> Create(const RuleSources& rules);
  ~AmountStage() override;

  std::string_view name() const override { return "amounts"; }
  std::vector<Layer> reads() const override { return {Layer::kSentences}; }
  std::vector<Layer> writes() const override { return {Layer::kAmounts}; }
  // Replaces doc.mutable_amounts() with the amounts found in doc's sentences, sorted by
  // span. Never fails on article text; the Status is for interface conformance.
  Status Process(Document& doc) const override;  // fills doc.mutable_amounts(), sorted by span
  // Compiles the rules' reversed programs, which every rule's first match needs (it reports
  // groups); RE2 builds them then otherwise.
  void WarmUp(const std::atomic<bool>& stop) const override;

  // Runs every embedded "examples" and "not_money" entry of the compiled rule files through
  // `runner` (upstream: the segmenter) and returns one message per failure, formatted
  // `<file>: rule <id>: example "<text>": expected ..., got ...`; empty when all pass.
  std::vector<std::string> CheckExamples(const ExampleRunner& runner) const;

 private:
  struct Impl;
  explicit AmountStage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfacts
