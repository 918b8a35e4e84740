// EntityStage::CheckExamples: runs the examples embedded in the entity pattern files through
// the segmenter and the entity stage, and says which fail.
#include "extractors/entities/entity_stage.h"

namespace newsfacts {

std::vector<std::string> EntityStage::CheckExamples(const ExampleRunner& runner) const {
  std::vector<std::string> failures;
  for (const EntityRule& rule : patterns_.rules()) {
    for (const RuleExample& example : rule.examples) {
      const std::string prefix =
          rule.file + ": rule " + rule.id + ": example " + Quoted(example.text) + ": ";
      StatusOr<Document> run = runner.Run(*this, example.text);
      if (!run.ok()) {
        failures.push_back(prefix + "expected a result, got error " + run.status().message());
        continue;
      }
      const Document& doc = *run;
      std::string got;
      for (const Mention& mention : doc.mentions()) {
        if (!got.empty()) got += ", ";
        got += Quoted(doc.Text(mention.span)) + " " + std::string(EntityTypeName(mention.type)) +
               " " + doc.entities()[mention.entity].key;
      }
      if (got.empty()) got = "no mentions";
      for (const ExpectedMention& expected : example.expect) {
        bool found = false;
        for (const Mention& mention : doc.mentions()) {
          found = found ||
                  (doc.Text(mention.span) == expected.text &&
                   (!expected.type || mention.type == *expected.type) &&
                   (expected.key.empty() || doc.entities()[mention.entity].key == expected.key));
        }
        if (!found) {
          std::string want = Quoted(expected.text);
          if (expected.type) want += " " + std::string(EntityTypeName(*expected.type));
          if (!expected.key.empty()) want += " " + expected.key;
          failures.push_back(prefix + "expected " + want + ", got " + got);
        }
      }
      for (const std::string& absent : example.absent) {
        for (const Mention& mention : doc.mentions()) {
          if (doc.Text(mention.span).find(absent) != std::string_view::npos) {
            failures.push_back(prefix + "expected no mention of " + Quoted(absent) + ", got " +
                               got);
            break;
          }
        }
      }
    }
  }
  return failures;
}

}  // namespace newsfacts
