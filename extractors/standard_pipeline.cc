// Assembles the standard pipeline from the built-in and user rule files.
#include "extractors/standard_pipeline.h"

#include <malloc.h>

#include <future>
#include <iterator>

#include "extractors/amounts/amount_stage.h"
#include "extractors/claims/claim_stage.h"
#include "extractors/entities/entity_stage.h"
#include "extractors/late_stages_build.h"
#include "pipeline/borrowed_stage.h"
#include "pipeline/segmenter.h"
#include "pipeline/thread_priority.h"

namespace newsfacts {
namespace {

template <typename StageT>
Status Append(StatusOr<std::unique_ptr<StageT>> stage,
              std::vector<std::unique_ptr<Stage>>& stages) {
  if (!stage.ok()) return stage.status();
  stages.push_back(std::move(stage).value());
  return Status::Ok();
}

// What no stage after the segmenter and the entity stage reads: the tokens, some five bytes
// per byte of text, which the documents taken through the first stages while the rest are
// built need not keep (issue 16: they held a fifth of a stream's peak memory).
const std::vector<Layer> kUnreadAfterFront = {Layer::kTokens};

// Appends the segmenter and the entity stage, which the others read.
Status AppendFrontStages(const RuleSources& rules, std::vector<std::unique_ptr<Stage>>& stages) {
  NEWSFACTS_RETURN_IF_ERROR(Append(SegmenterStage::Create(), stages));
  return Append(EntityStage::Create(rules), stages);
}

// Appends every stage to `stages`. The claim rules take about as long to compile as all the
// others together (most of a process's start-up, issue 16): this thread compiles them while a
// second one builds the first stages, compiles the amount rules and then helps with the claim
// rules. (With the roles swapped, or a third thread helping, the allocator kept more of the
// helpers' freed memory: a 60 MB article's ingest peaked at up to 302 MB instead of 293-296.)
// A broken rule file is reported as before: the first failing stage in pipeline order.
Status AppendStagesOnTwoThreads(const RuleSources& rules,
                                std::vector<std::unique_ptr<Stage>>& stages) {
  SharedLoops claim_loops;
  auto first_stages = std::async(std::launch::async, [&] {
    const Status built = [&] {
      NEWSFACTS_RETURN_IF_ERROR(AppendFrontStages(rules, stages));
      return Append(AmountStage::Create(rules), stages);
    }();
    claim_loops.Help();
    return built;
  });
  StatusOr<std::unique_ptr<ClaimStage>> claims =
      claim_loops.CloseAfter([&] { return ClaimStage::Create(rules, &claim_loops); });
  NEWSFACTS_RETURN_IF_ERROR(first_stages.get());
  return Append(std::move(claims), stages);
}

}  // namespace

StatusOr<Pipeline> BuildStandardPipeline(const RuleSources& rules, size_t window_bytes) {
  std::vector<std::unique_ptr<Stage>> stages;
  NEWSFACTS_RETURN_IF_ERROR(AppendStagesOnTwoThreads(rules, stages));
  // The second thread compiled in a malloc arena of its own; the pages its temporaries freed
  // there go back to the system, or they add 10 MB to the peak of a 60 MB article's ingest.
  malloc_trim(0);
  return Pipeline::Create(std::move(stages), window_bytes);
}

StatusOr<RuleSources> LoadRules(const std::vector<std::filesystem::path>& rule_dirs) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  if (!rules.ok()) return rules.status();
  for (const auto& dir : rule_dirs) NEWSFACTS_RETURN_IF_ERROR(rules->AddDirectory(dir));
  return rules;
}

StatusOr<StandardPipeline> LoadStandardPipeline(
    const std::vector<std::filesystem::path>& rule_dirs) {
  StatusOr<RuleSources> rules = LoadRules(rule_dirs);
  if (!rules.ok()) return rules.status();
  StatusOr<Pipeline> pipeline = BuildStandardPipeline(*rules);
  if (!pipeline.ok()) return pipeline.status();
  return StandardPipeline{std::move(rules).value(), std::move(pipeline).value()};
}

StatusOr<StandardPipelineBuild> StartStandardPipeline(
    const std::vector<std::filesystem::path>& rule_dirs, bool spare_core, size_t window_bytes) {
  StatusOr<RuleSources> loaded = LoadRules(rule_dirs);
  if (!loaded.ok()) return loaded.status();
  auto rules = std::make_shared<const RuleSources>(std::move(loaded).value());
  if (!spare_core) {
    StatusOr<Pipeline> whole = BuildStandardPipeline(*rules, window_bytes);
    if (!whole.ok()) return whole.status();
    return StandardPipelineBuild{std::move(rules), PipelineBuild::Built(std::move(whole).value())};
  }
  // The amount and claim rules start compiling at once, on one thread below this one's
  // priority: the first stages, built here meanwhile, and then the records taken through them
  // keep their core, and a thread left with nothing to do helps (PipelineBuild::Help). The
  // same thread then warms the stages it built until one does (issue 16: the reversed
  // programs, compiled by the worker on the first batches it finished, were 24 ms of a 20 MB
  // stream). The build borrows the first stages once they are there.
  auto late = std::make_shared<LateStagesBuild>(rules);
  std::promise<const Pipeline*> front_built;  // nullptr: they failed
  std::shared_future<StatusOr<Pipeline>> whole =
      std::async(
          std::launch::async,
          [late, front = front_built.get_future(), window_bytes]() mutable -> StatusOr<Pipeline> {
            LowerThreadPriority();
            std::vector<std::unique_ptr<Stage>> later;
            NEWSFACTS_RETURN_IF_ERROR(late->Build(later));
            const Pipeline* first = front.get();
            if (first == nullptr) return Status::Internal("the first stages failed");
            late->WarmUntilHelped(later);
            std::vector<std::unique_ptr<Stage>> stages = BorrowStages(*first);
            const size_t front_stages = stages.size();
            std::move(later.begin(), later.end(), std::back_inserter(stages));
            StatusOr<Pipeline> built = Pipeline::Create(std::move(stages), window_bytes);
            if (!built.ok()) return built.status();
            NEWSFACTS_RETURN_IF_ERROR(
                PipelineBuild::CheckUnreadLater(*built, front_stages, kUnreadAfterFront));
            return built;
          })
          .share();
  std::vector<std::unique_ptr<Stage>> front_stages;
  StatusOr<Pipeline> front = [&]() -> StatusOr<Pipeline> {
    NEWSFACTS_RETURN_IF_ERROR(AppendFrontStages(*rules, front_stages));
    return Pipeline::Create(std::move(front_stages), window_bytes);
  }();
  if (!front.ok()) {
    front_built.set_value(nullptr);
    whole.wait();
    return front.status();
  }
  auto owned_front = std::make_unique<Pipeline>(std::move(front).value());
  front_built.set_value(owned_front.get());
  return StandardPipelineBuild{
      std::move(rules), PipelineBuild(std::move(owned_front), std::move(whole), kUnreadAfterFront,
                                      [late] { late->Help(); })};
}

}  // namespace newsfacts
