// The standard newsfacts pipeline: segment -> entities -> amounts -> claims.
#pragma once

#include <memory>

#include "extractors/kernel/rule_sources.h"
#include "pipeline/pipeline.h"
#include "pipeline/pipeline_build.h"

namespace newsfacts {

// Builds every stage from `rules`, extracting articles longer than `window_bytes` a window at
// a time (Pipeline::Run). Errors name the stage and the rule file that failed.
StatusOr<Pipeline> BuildStandardPipeline(const RuleSources& rules,
                                         size_t window_bytes = kDefaultWindowBytes);

// Loads the built-in rules plus every folder in `rule_dirs`. Errors name the file.
StatusOr<RuleSources> LoadRules(const std::vector<std::filesystem::path>& rule_dirs);

// The rules of a run and the pipeline compiled from them (ingest stores the rules'
// fingerprint with the facts they produced).
struct StandardPipeline {
  RuleSources rules;
  Pipeline pipeline;
};

// LoadRules, then BuildStandardPipeline. Errors name the rule file that failed.
StatusOr<StandardPipeline> LoadStandardPipeline(
    const std::vector<std::filesystem::path>& rule_dirs);

// The rules of a run and the build of the pipeline compiled from them.
struct StandardPipelineBuild {
  std::shared_ptr<const RuleSources> rules;  // shared with the build's thread
  PipelineBuild pipeline;
};

// LoadRules, then, with `spare_core`, builds the segmenter and the entity stage on this thread
// and starts building the amount and claim stages on one other, below this thread's priority,
// which leaves this thread's core to the documents the first stages take meanwhile; a thread
// with nothing else to do helps that build (PipelineBuild::Help, LateStagesBuild). The build
// of the whole pipeline fails with the error BuildStandardPipeline would give; this returns
// the errors of loading the rules and of the first stages. Without `spare_core` (every core
// extracts, and would only slow the build) the whole pipeline is built first, as
// BuildStandardPipeline builds it, and the build has ended on return.
StatusOr<StandardPipelineBuild> StartStandardPipeline(
    const std::vector<std::filesystem::path>& rule_dirs, bool spare_core,
    size_t window_bytes = kDefaultWindowBytes);

}  // namespace newsfacts
