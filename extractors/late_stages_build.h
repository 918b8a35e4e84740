// LateStagesBuild: the amount and the claim stage, compiled by one thread that threads with
// nothing else to do may help (issue 16: compiled on two threads beside a stream's worker, three
// threads shared two cores; on one thread, the spare core's, a worker left waiting for them
// helps instead, and a 20 MB stream took 23 ms less). Until one does, the build's thread then
// warms the stages it built.
#pragma once

#include <atomic>
#include <future>
#include <memory>
#include <vector>

#include "extractors/kernel/rule_sources.h"
#include "extractors/kernel/shared_loops.h"
#include "pipeline/stage.h"

namespace newsfacts {

class AmountStage;

// One build, from `rules`. Build runs once, on the build's thread; Help on any others, as
// often as they like, before, during or after it.
class LateStagesBuild {
 public:
  explicit LateStagesBuild(std::shared_ptr<const RuleSources> rules);
  ~LateStagesBuild();

  // Compiles the claim rules, then the amount rules unless a helper has taken them, and
  // appends the amount stage and then the claim stage to `stages`. A broken rule file is
  // reported as BuildStandardPipeline reports it: the amount stage's error first.
  Status Build(std::vector<std::unique_ptr<Stage>>& stages);
  // Warms `stages` (WarmStages), the ones Build appended, until a thread asks to help: the
  // build's thread warms them before it hands them over, on the core it compiled them on, while
  // the workers still have records to take through the first stages. A worker that runs out of
  // them asks for help, and the build ends at once.
  void WarmUntilHelped(const std::vector<std::unique_ptr<Stage>>& stages) const;
  // Compiles the amount rules if the build has not taken them yet, then helps compile the claim
  // rules; returns once they are all compiled (at once when they already are). From then on,
  // WarmUntilHelped warms nothing more.
  void Help();

 private:
  // Compiles the amount rules unless another thread has taken them.
  void TakeAmounts();

  const std::shared_ptr<const RuleSources> rules_;
  std::atomic<bool> amounts_taken_{false};
  std::atomic<bool> helped_{false};  // a thread has called Help
  std::promise<StatusOr<std::unique_ptr<AmountStage>>> amounts_;
  SharedLoops claim_loops_;
};

}  // namespace newsfacts
