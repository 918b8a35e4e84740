// LateStagesBuild: the amount rules taken once, by the build or a helper; the claim rules in a
// loop the helpers share; the stages warmed until a helper comes.
#include "extractors/late_stages_build.h"

#include <exception>

#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_stage.h"
#include "pipeline/pipeline_warm_up.h"

namespace newsfacts {

LateStagesBuild::LateStagesBuild(std::shared_ptr<const RuleSources> rules)
    : rules_(std::move(rules)) {}

LateStagesBuild::~LateStagesBuild() = default;

Status LateStagesBuild::Build(std::vector<std::unique_ptr<Stage>>& stages) {
  StatusOr<std::unique_ptr<ClaimStage>> claims =
      claim_loops_.CloseAfter([&] { return ClaimStage::Create(*rules_, &claim_loops_); });
  TakeAmounts();
  StatusOr<std::unique_ptr<AmountStage>> amounts = amounts_.get_future().get();
  if (!amounts.ok()) return amounts.status();
  if (!claims.ok()) return claims.status();
  stages.push_back(std::move(amounts).value());
  stages.push_back(std::move(claims).value());
  return Status::Ok();
}

void LateStagesBuild::WarmUntilHelped(const std::vector<std::unique_ptr<Stage>>& stages) const {
  WarmStages(stages, helped_);
}

void LateStagesBuild::Help() {
  helped_ = true;
  TakeAmounts();
  claim_loops_.Help();
}

void LateStagesBuild::TakeAmounts() {
  if (amounts_taken_.exchange(true)) return;
  try {
    amounts_.set_value(AmountStage::Create(*rules_));
  } catch (...) {
    amounts_.set_exception(std::current_exception());
  }
}

}  // namespace newsfacts
