// Pipeline construction checks: every layer read must be written upstream, and only once.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

class FakeStage : public Stage {
 public:
  FakeStage(std::string name, std::vector<Layer> reads, std::vector<Layer> writes)
      : name_(std::move(name)), reads_(std::move(reads)), writes_(std::move(writes)) {}
  std::string_view name() const override { return name_; }
  std::vector<Layer> reads() const override { return reads_; }
  std::vector<Layer> writes() const override { return writes_; }
  Status Process(Document& doc) const override {
    if (name_ == "fails") return Status::Internal("boom");
    doc.mutable_sentences().push_back({});
    return Status::Ok();
  }

 private:
  std::string name_;
  std::vector<Layer> reads_, writes_;
};

std::vector<std::unique_ptr<Stage>> Stages(std::vector<FakeStage> fakes) {
  std::vector<std::unique_ptr<Stage>> stages;
  for (auto& fake : fakes) stages.push_back(std::make_unique<FakeStage>(std::move(fake)));
  return stages;
}

TEST(PipelineTest, AcceptsStagesWhoseInputsAreProducedUpstream) {
  auto pipeline = Pipeline::Create(Stages({{"segment", {Layer::kText}, {Layer::kSentences}},
                                           {"amounts", {Layer::kSentences}, {Layer::kAmounts}}}));
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Document doc = Document::FromRaw({}, "text");
  ASSERT_TRUE(pipeline->Run(doc).ok());
  EXPECT_EQ(doc.sentences().size(), 2u);  // both stages ran, in order
}

TEST(PipelineTest, RejectsAStageThatReadsALayerNobodyWroteEarlier) {
  auto pipeline = Pipeline::Create(Stages({{"amounts", {Layer::kSentences}, {Layer::kAmounts}},
                                           {"segment", {Layer::kText}, {Layer::kSentences}}}));
  ASSERT_FALSE(pipeline.ok());
  EXPECT_EQ(pipeline.status().message(),
            "stage 'amounts' reads 'sentences', which no earlier stage writes");
}

TEST(PipelineTest, RejectsTwoWritersOfOneLayer) {
  auto pipeline = Pipeline::Create(Stages(
      {{"a", {Layer::kText}, {Layer::kSentences}}, {"b", {Layer::kText}, {Layer::kSentences}}}));
  ASSERT_FALSE(pipeline.ok());
  EXPECT_NE(pipeline.status().message().find("stage 'b' writes 'sentences'"), std::string::npos);
}

TEST(PipelineTest, RunErrorsNameTheStage) {
  auto pipeline = Pipeline::Create(Stages({{"fails", {Layer::kText}, {Layer::kSentences}}}));
  ASSERT_TRUE(pipeline.ok());
  Document doc = Document::FromRaw({}, "text");
  Status status = pipeline->Run(doc);
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(status.message(), "fails: boom");
}

}  // namespace
}  // namespace newsfacts
