// The entity stage: builds the word view of a document, then runs the entity passes in order
// (gazetteer, name runs, typing, ambiguous names, repeats, propagation, sports sides, emission).
#include "extractors/entities/entity_stage.h"

#include "extractors/entities/passes/passes.h"
#include "extractors/entities/word_view.h"
#include "extractors/kernel/rule_json.h"

namespace newsfacts {

StatusOr<std::unique_ptr<EntityStage>> EntityStage::Create(const RuleSources& rules) {
  std::unique_ptr<EntityStage> stage(new EntityStage());
  // A field of the wrong type ("type": -1) or a number out of range is an error naming the
  // file, never an exception escaping (issue 15).
  for (const RuleSource* file : rules.OfKind("gazetteer")) {
    NEWSFACTS_RETURN_IF_ERROR(
        GuardJson(file->path, [&] { return stage->gazetteer_.AddFile(*file); }));
  }
  for (const RuleSource* file : rules.OfKind("entity_patterns")) {
    NEWSFACTS_RETURN_IF_ERROR(
        GuardJson(file->path, [&] { return stage->patterns_.AddFile(*file); }));
  }
  stage->patterns_.BuildWordIndex(stage->gazetteer_);
  stage->rules_ = PassRules::Of(stage->gazetteer_, stage->patterns_);
  return stage;
}

Status EntityStage::Process(Document& doc) const {
  const PassRules& rules = rules_;
  WordView view = BuildWordView(doc, rules);
  MatchGazetteer(rules, view);
  // Name runs sentence by sentence: candidates keep text order, which propagation's ties
  // follow.
  for (size_t s = 0; s < view.sentences.size(); ++s) {
    if (view.sentences[s].mode == SentenceMode::kUpper) FindUpperDesignatorNames(rules, view, s);
    FindCapitalizedRuns(rules, view, s);
  }
  TypeRuns(rules, view);
  ResolveAmbiguousNames(rules, view);
  FindRepeatedNames(rules, view);
  PropagateNames(rules, view);
  NameSides(rules, view);
  EmitMentions(rules, view, doc);
  return Status::Ok();
}

}  // namespace newsfacts
