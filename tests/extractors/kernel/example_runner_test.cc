// Tests for ExampleRunner: upstream stages run in order before the stage under test, and
// an error names the stage that failed.
#include "extractors/kernel/example_runner.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

// A stage that records its name in the document's sentence list, or fails.
class MarkStage : public Stage {
 public:
  MarkStage(std::string name, bool fail) : name_(std::move(name)), fail_(fail) {}
  std::string_view name() const override { return name_; }
  std::vector<Layer> reads() const override { return {}; }
  std::vector<Layer> writes() const override { return {}; }
  Status Process(Document& doc) const override {
    if (fail_) return Status::Internal("broken");
    doc.mutable_sentences().push_back(Sentence{.span = {0, doc.text().size()}});
    return Status::Ok();
  }

 private:
  std::string name_;
  bool fail_;
};

TEST(ExampleRunnerTest, RunsUpstreamThenTheStage) {
  const MarkStage first("first", false), second("second", false), tested("tested", false);
  const ExampleRunner runner({&first, &second});
  StatusOr<Document> doc = runner.Run(tested, "Cisco buys Splunk.");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text(), "Cisco buys Splunk.");
  EXPECT_EQ(doc->sentences().size(), 3u);
}

TEST(ExampleRunnerTest, AnErrorNamesTheStage) {
  const MarkStage broken("entities", true), tested("claims", false);
  StatusOr<Document> doc = ExampleRunner({&broken}).Run(tested, "x");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("entities"), std::string::npos) << doc.status().message();
}

TEST(ExampleRunnerTest, QuotedWrapsTextInDoubleQuotes) { EXPECT_EQ(Quoted("a b"), "\"a b\""); }

}  // namespace
}  // namespace newsfacts
