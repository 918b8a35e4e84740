// AmountStage: the pipeline stage over the compiled amount rules (amount_rules.h); each
// sentence goes through the matcher (amount_matcher.h), examples through amount_examples.h.
#include "extractors/amounts/amount_stage.h"

#include <utility>

#include "extractors/amounts/amount_examples.h"
#include "extractors/amounts/amount_matcher.h"
#include "extractors/amounts/amount_rules.h"

namespace newsfacts {

struct AmountStage::Impl {
  std::unique_ptr<amounts::AmountRuleSet> rules;
};

AmountStage::AmountStage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AmountStage::~AmountStage() = default;

StatusOr<std::unique_ptr<AmountStage>> AmountStage::Create(const RuleSources& rules) {
  StatusOr<std::unique_ptr<amounts::AmountRuleSet>> compiled = amounts::CompileAmountRules(rules);
  if (!compiled.ok()) return compiled.status();
  auto impl = std::make_unique<Impl>();
  impl->rules = std::move(*compiled);
  return std::unique_ptr<AmountStage>(new AmountStage(std::move(impl)));
}

Status AmountStage::Process(Document& doc) const {
  std::vector<Amount> found;
  const std::vector<amounts::SentenceGate> gates = amounts::PassGates(*impl_->rules, doc);
  for (size_t i = 0; i < doc.sentences().size(); ++i) {
    amounts::FindAmountsInSentence(*impl_->rules, doc, i, gates[i], found);
  }
  amounts::DropAmountsWithoutContext(*impl_->rules, doc, found);
  doc.mutable_amounts() = std::move(found);
  return Status::Ok();
}

void AmountStage::WarmUp(const std::atomic<bool>& stop) const {
  for (const amounts::AmountRule& rule : impl_->rules->rules) {
    if (stop) return;
    rule.re->PrepareGroupSearch();
  }
}

std::vector<std::string> AmountStage::CheckExamples(const ExampleRunner& runner) const {
  return amounts::CheckAmountExamples(impl_->rules->rules, *this, runner);
}

}  // namespace newsfacts
