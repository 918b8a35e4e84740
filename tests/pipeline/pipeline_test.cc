// Pipeline construction checks (every layer read must be written upstream, and only once) and
// the runners: one document, or a batch stage by stage, at once or begun by a pipeline of the
// first stages and finished by the whole.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "pipeline/borrowed_stage.h"

namespace newsfacts {
namespace {

// Appends its name to `log` for each document it processes; "fails" fails on a document
// whose text is "bad".
class FakeStage : public Stage {
 public:
  FakeStage(std::string name, std::vector<Layer> reads, std::vector<Layer> writes)
      : name_(std::move(name)), reads_(std::move(reads)), writes_(std::move(writes)) {}
  std::string_view name() const override { return name_; }
  std::vector<Layer> reads() const override { return reads_; }
  std::vector<Layer> writes() const override { return writes_; }
  Status Process(Document& doc) const override {
    if (log_ != nullptr) log_->push_back(name_ + ":" + doc.text());
    if (name_ == "fails" && (log_ == nullptr || doc.text() == "bad")) {
      return Status::Internal("boom");
    }
    doc.mutable_sentences().push_back({});
    return Status::Ok();
  }
  void set_log(std::vector<std::string>* log) { log_ = log; }

 private:
  std::string name_;
  std::vector<Layer> reads_, writes_;
  std::vector<std::string>* log_ = nullptr;
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

TEST(PipelineTest, RunBatchRunsEachStageOverTheWholeBatchBeforeTheNext) {
  std::vector<std::string> log;
  std::vector<FakeStage> fakes = {{"segment", {Layer::kText}, {Layer::kSentences}},
                                  {"fails", {Layer::kSentences}, {Layer::kAmounts}},
                                  {"claims", {Layer::kAmounts}, {Layer::kClaims}}};
  for (FakeStage& fake : fakes) fake.set_log(&log);
  auto pipeline = Pipeline::Create(Stages(std::move(fakes)));
  ASSERT_TRUE(pipeline.ok());
  std::vector<Document> docs = {Document::FromRaw({}, "a"), Document::FromRaw({}, "bad"),
                                Document::FromRaw({}, "c")};
  const std::vector<Status> statuses = pipeline->RunBatch(docs);
  // Stage by stage; the failed document skips the stages after the one that failed.
  EXPECT_EQ(log, (std::vector<std::string>{"segment:a", "segment:bad", "segment:c", "fails:a",
                                           "fails:bad", "fails:c", "claims:a", "claims:c"}));
  ASSERT_EQ(statuses.size(), 3u);
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_EQ(statuses[1].message(), "fails: boom");  // as Run reports it
  EXPECT_TRUE(statuses[2].ok());
  EXPECT_EQ(docs[0].sentences().size(), 3u);
  EXPECT_EQ(docs[1].sentences().size(), 1u);
}

TEST(PipelineTest, BatchLimitsCapArticlesAndTextBytes) {
  const BatchLimits limits{4, 1000};
  EXPECT_FALSE(limits.Full(3, 999));
  EXPECT_TRUE(limits.Full(4, 10));
  EXPECT_TRUE(limits.Full(1, 1000));  // one large article is a batch by itself
}

// The memory guard of long articles (issue 16): no stage is ever handed more than a window
// of text, by Run or by RunBatch, and the windows' sentences come back in order, one per
// window here, since the fake stage writes one sentence per document.
TEST(PipelineTest, NoStageSeesMoreThanAWindowOfALongArticle) {
  auto pipeline = Pipeline::Create(Stages({{"segment", {Layer::kText}, {Layer::kSentences}}}),
                                   /*window_bytes=*/64);
  ASSERT_TRUE(pipeline.ok());
  std::vector<std::string> log;
  static_cast<FakeStage&>(*pipeline->stages()[0]).set_log(&log);
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Korvex bought Brantel.\n";
  Document doc = Document::FromRaw({}, text);
  ASSERT_TRUE(pipeline->Run(doc).ok());
  const size_t windows = SplitIntoWindows(text, 64).size();
  EXPECT_GT(windows, 5u);
  ASSERT_EQ(log.size(), windows);
  for (const std::string& entry : log) EXPECT_LE(entry.size(), std::string("segment:").size() + 64);
  EXPECT_EQ(doc.sentences().size(), windows);

  Document short_doc = Document::FromRaw({}, "short");
  std::vector<Document*> batch = {&short_doc, &doc};
  log.clear();
  for (const Status& status : pipeline->RunBatch(batch)) EXPECT_TRUE(status.ok());
  EXPECT_EQ(log.size(), windows + 1);
  for (const std::string& entry : log) EXPECT_LE(entry.size(), std::string("segment:").size() + 64);
}

// A batch begun through the first stages (a pipeline of their own) and finished by the whole
// pipeline, which borrows them, gets what RunBatch gives: the first stages leave the document
// longer than a window to the whole, a document failing there goes no further.
TEST(PipelineTest, BeginBatchThenFinishBatchIsRunBatch) {
  std::vector<std::string> log;
  std::vector<FakeStage> fakes = {{"segment", {Layer::kText}, {Layer::kSentences}},
                                  {"fails", {Layer::kSentences}, {Layer::kAmounts}}};
  for (FakeStage& fake : fakes) fake.set_log(&log);
  auto front = Pipeline::Create(Stages(std::move(fakes)), /*window_bytes=*/16);
  ASSERT_TRUE(front.ok());
  FakeStage claims("claims", {Layer::kAmounts}, {Layer::kClaims});
  claims.set_log(&log);
  std::vector<std::unique_ptr<Stage>> stages = BorrowStages(*front);
  stages.push_back(std::make_unique<BorrowedStage>(claims));
  auto whole = Pipeline::Create(std::move(stages), /*window_bytes=*/16);
  ASSERT_TRUE(whole.ok());

  const std::string long_text = "Korvex bought Brantel.\nBrantel sold Quill.\n";
  const auto make_docs = [&] {
    std::vector<Document> docs;
    for (const std::string& text : {std::string("a"), std::string("bad"), long_text}) {
      docs.push_back(Document::FromRaw({}, text));
    }
    return docs;
  };
  std::vector<Document> at_once = make_docs();
  const std::vector<Status> expected = whole->RunBatch(at_once);
  const std::vector<std::string> at_once_log = std::exchange(log, {});

  std::vector<Document> docs = make_docs();
  std::vector<Document*> batch = {&docs[0], &docs[1], &docs[2]};
  std::vector<Status> begun = front->BeginBatch(batch);
  EXPECT_EQ(log, (std::vector<std::string>{"segment:a", "segment:bad", "fails:a", "fails:bad"}));
  EXPECT_TRUE(docs[2].sentences().empty());
  const std::vector<Status> statuses = whole->FinishBatch(batch, std::move(begun), 2);
  ASSERT_EQ(statuses.size(), expected.size());
  for (size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i].ok(), expected[i].ok()) << i;
    EXPECT_EQ(statuses[i].message(), expected[i].message()) << i;
    EXPECT_EQ(docs[i].sentences().size(), at_once[i].sentences().size()) << i;
  }
  EXPECT_EQ(statuses[1].message(), "fails: boom");
  EXPECT_EQ(std::count(log.begin(), log.end(), "claims:a"), 1);
  EXPECT_EQ(std::count(log.begin(), log.end(), "claims:bad"), 0);
  std::sort(log.begin(), log.end());
  std::vector<std::string> sorted_at_once = at_once_log;
  std::sort(sorted_at_once.begin(), sorted_at_once.end());
  EXPECT_EQ(log, sorted_at_once);  // each stage saw the same texts, only in another order
}

TEST(PipelineTest, AWindowErrorNamesTheWindowAndTheStage) {
  auto pipeline = Pipeline::Create(Stages({{"fails", {Layer::kText}, {Layer::kSentences}}}),
                                   /*window_bytes=*/8);
  ASSERT_TRUE(pipeline.ok());
  Document doc = Document::FromRaw({}, "twelve bytes");
  const Status status = pipeline->Run(doc);
  EXPECT_EQ(status.message(), "window 0-7: fails: boom");
}

}  // namespace
}  // namespace newsfacts
