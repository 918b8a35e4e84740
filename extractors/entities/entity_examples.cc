// EntityStage::CheckExamples: runs the examples embedded in the entity pattern files through
// the segmenter and the entity stage, and says which fail.
#include "extractors/entities/entity_stage.h"
#include "pipeline/segmenter.h"

namespace newsfacts {
namespace {

// `text` in double quotes. Built by appending: GCC 12 reports a false -Wrestrict on
// `"\"" + std::string(text)` in this file (GCC bug 105329).
std::string Quoted(std::string_view text) {
  std::string quoted = "\"";
  quoted.append(text);
  quoted += '"';
  return quoted;
}

}  // namespace

std::vector<std::string> EntityStage::CheckExamples() const {
  std::vector<std::string> failures;
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  if (!segmenter.ok())
    return {"entities: cannot segment examples: " + segmenter.status().message()};
  for (const EntityRule& rule : patterns_.rules()) {
    for (const RuleExample& example : rule.examples) {
      const std::string prefix =
          rule.file + ": rule " + rule.id + ": example " + Quoted(example.text) + ": ";
      Document doc = Document::FromRaw({}, example.text);
      Status status = (*segmenter)->Process(doc);
      if (status.ok()) status = Process(doc);
      if (!status.ok()) {
        failures.push_back(prefix + "expected a result, got error " + status.message());
        continue;
      }
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
