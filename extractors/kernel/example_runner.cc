// Runs one rule example through the upstream stages and the stage under test.
#include "extractors/kernel/example_runner.h"

#include <string>

namespace newsfacts {

StatusOr<Document> ExampleRunner::Run(const Stage& stage, std::string_view text) const {
  Document doc = Document::FromRaw(ArticleMeta{.path = "example"}, text);
  for (const Stage* upstream : upstream_) {
    NEWSFACTS_RETURN_IF_ERROR(upstream->Process(doc).WithContext(upstream->name()));
  }
  NEWSFACTS_RETURN_IF_ERROR(stage.Process(doc).WithContext(stage.name()));
  return doc;
}

std::string Quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  out.append(text);
  out.push_back('"');
  return out;
}

}  // namespace newsfacts
