// EntityStage: finds ORG, PERSON, PRODUCT and LOCATION mentions (gazetteer, context rules,
// in-document propagation) and resolves each to a canonical entity of the article.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/entities/entity_patterns.h"
#include "extractors/entities/gazetteer.h"
#include "extractors/entities/word_view.h"
#include "extractors/kernel/example_runner.h"
#include "extractors/kernel/rule_sources.h"
#include "pipeline/stage.h"

namespace newsfacts {

// The entity stage. Overlaps are resolved by one policy: the longest mention wins, then the
// higher priority (gazetteer entries 100, rules their own), then the earlier rule.
// Immutable after Create; Process() is safe from many threads at once.
class EntityStage : public Stage {
 public:
  // Compiles the gazetteer and entity patterns of `rules`; errors name file:line or rule id.
  static StatusOr<std::unique_ptr<EntityStage>> Create(const RuleSources& rules);
  std::string_view name() const override { return "entities"; }
  std::vector<Layer> reads() const override { return {Layer::kSentences, Layer::kTokens}; }
  std::vector<Layer> writes() const override { return {Layer::kEntities, Layer::kMentions}; }
  Status Process(Document& doc) const override;  // fills entities and mentions (sorted by span)

  // Runs every example embedded in the entity pattern files through `runner` (upstream: the
  // segmenter) and this stage, and returns one message per failing example, formatted
  // "<file>: rule <id>: example \"<text>\": expected ..., got ..."; empty when all pass.
  // Defined in entity_examples.cc.
  std::vector<std::string> CheckExamples(const ExampleRunner& runner) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const EntityPatterns& patterns() const { return patterns_; }
  // PassRules::Of(gazetteer(), patterns()), built once by Create (its named lists are found
  // by name, which every document would otherwise repeat).
  const PassRules& rules() const { return rules_; }

 private:
  EntityStage() = default;

  Gazetteer gazetteer_;
  EntityPatterns patterns_;
  PassRules rules_{};
};

}  // namespace newsfacts
