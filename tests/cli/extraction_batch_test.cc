// ExtractionBatch: items are held until the batch is full, extracted together and handed on in
// the order added, with failures named and file ends reported after the file's last article.
#include "cli/extraction_batch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace newsfacts {
namespace {

// Counts the documents it processes; fails on a document whose text is "bad".
class CountingStage : public Stage {
 public:
  explicit CountingStage(int* processed) : processed_(processed) {}
  std::string_view name() const override { return "count"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {Layer::kSentences}; }
  Status Process(Document& doc) const override {
    ++*processed_;
    if (doc.text() == "bad") return Status::InvalidArgument("cannot read it");
    return Status::Ok();
  }

 private:
  int* processed_;
};

// One sentence of one token per document, spanning its text.
class OneTokenStage : public Stage {
 public:
  std::string_view name() const override { return "one token"; }
  std::vector<Layer> reads() const override { return {Layer::kText}; }
  std::vector<Layer> writes() const override { return {Layer::kSentences, Layer::kTokens}; }
  Status Process(Document& doc) const override {
    const Span all{0, doc.text().size()};
    doc.mutable_tokens().push_back(Token{all, TokenKind::kWord});
    doc.mutable_sentences().push_back(Sentence{all, 0, 1, 0});
    return Status::Ok();
  }
};

Pipeline CountingPipeline(int* processed) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<CountingStage>(processed));
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  return std::move(*pipeline);
}

WorkItem Article(const std::string& path, const std::string& text, int record_index = -1) {
  WorkItem item;
  ArticleMeta meta;
  meta.path = path;
  meta.record_index = record_index;
  item.doc.emplace(Document::FromRaw(meta, text));
  return item;
}

std::vector<WorkItem> Drain(BoundedQueue<WorkItem>& queue) {
  std::vector<WorkItem> items;
  while (std::optional<WorkItem> item = queue.TryPop()) items.push_back(std::move(*item));
  return items;
}

TEST(ExtractionBatchTest, HoldsItemsUntilTheBatchIsFullThenHandsThemOnInOrder) {
  int processed = 0;
  const Pipeline pipeline = CountingPipeline(&processed);
  BoundedQueue<WorkItem> results(100);
  ExtractionBatch batch(pipeline, results, BatchLimits{3, 1 << 20});
  ASSERT_TRUE(batch.Add(Article("a.txt", "one")));
  WorkItem unchanged;
  unchanged.unchanged = true;
  ASSERT_TRUE(batch.Add(std::move(unchanged)));  // not a document: does not count
  ASSERT_TRUE(batch.Add(Article("b.txt", "two")));
  EXPECT_EQ(processed, 0);
  EXPECT_TRUE(Drain(results).empty());
  ASSERT_TRUE(batch.Add(Article("c.txt", "three")));  // the third document fills it
  EXPECT_EQ(processed, 3);
  const std::vector<WorkItem> items = Drain(results);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].doc->meta().path, "a.txt");
  EXPECT_TRUE(items[1].unchanged);
  EXPECT_EQ(items[2].doc->meta().path, "b.txt");
  EXPECT_EQ(items[3].doc->meta().path, "c.txt");
}

// The writer reads no token: a document leaves the batch without them (issue 16: the
// documents waiting in the writer's queue held some 40 MB of tokens), its sentences kept.
TEST(ExtractionBatchTest, DocumentsAreHandedOnWithoutTheirTokens) {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<OneTokenStage>());
  StatusOr<Pipeline> pipeline = Pipeline::Create(std::move(stages));
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  BoundedQueue<WorkItem> results(100);
  ExtractionBatch batch(*pipeline, results, BatchLimits{2, 1 << 20});
  ASSERT_TRUE(batch.Add(Article("a.txt", "one")));
  ASSERT_TRUE(batch.Add(Article("b.txt", "two")));
  const std::vector<WorkItem> items = Drain(results);
  ASSERT_EQ(items.size(), 2u);
  for (const WorkItem& item : items) {
    ASSERT_TRUE(item.doc.has_value());
    EXPECT_TRUE(item.doc->tokens().empty());
    EXPECT_EQ(item.doc->tokens().capacity(), 0u);
    ASSERT_EQ(item.doc->sentences().size(), 1u);
    EXPECT_EQ(item.doc->Text(item.doc->sentences()[0].span), item.doc->text());
  }
}

// The writer's queue is bounded by the text of the documents waiting in it (issue 16: it holds
// a whole batch, so a count alone would not bound its memory): a document that does not fit
// waits, and is dropped when the writer stops.
TEST(ExtractionBatchTest, DocumentsCountTheirTextAgainstTheQueueBytes) {
  int processed = 0;
  const Pipeline pipeline = CountingPipeline(&processed);
  BoundedQueue<WorkItem> results(100, /*max_bytes=*/5);
  ExtractionBatch batch(pipeline, results, BatchLimits{100, 1 << 20});
  ASSERT_TRUE(batch.Add(Article("a.txt", "abc")));
  ASSERT_TRUE(batch.Add(Article("b.txt", "defg")));
  bool handed_on = true;
  std::thread worker([&] { handed_on = batch.Flush(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  results.Close();  // the writer stops
  worker.join();
  EXPECT_FALSE(handed_on);
  const std::vector<WorkItem> items = Drain(results);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].doc->meta().path, "a.txt");
}

TEST(ExtractionBatchTest, ABatchIsFullOnceItsTextReachesTheByteLimit) {
  int processed = 0;
  const Pipeline pipeline = CountingPipeline(&processed);
  BoundedQueue<WorkItem> results(100);
  ExtractionBatch batch(pipeline, results, BatchLimits{100, 10});
  ASSERT_TRUE(batch.Add(Article("a.txt", "short")));
  EXPECT_EQ(processed, 0);
  ASSERT_TRUE(batch.Add(Article("b.txt", "long enough")));
  EXPECT_EQ(processed, 2);
}

TEST(ExtractionBatchTest, AFailedDocumentBecomesAFailedItemNamingTheArticle) {
  int processed = 0;
  const Pipeline pipeline = CountingPipeline(&processed);
  BoundedQueue<WorkItem> results(100);
  ExtractionBatch batch(pipeline, results);
  ASSERT_TRUE(batch.Add(Article("feed.jsonl", "bad", 4)));
  WorkItem stored = Article("old.txt", "bad");
  stored.reextracted = true;
  ASSERT_TRUE(batch.Add(std::move(stored)));
  ASSERT_TRUE(batch.Add(Article("fine.txt", "good")));
  ASSERT_TRUE(batch.Flush());
  const std::vector<WorkItem> items = Drain(results);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].failed);
  EXPECT_FALSE(items[0].doc.has_value());
  EXPECT_EQ(items[0].messages, std::vector<std::string>{"feed.jsonl#4: count: cannot read it"});
  EXPECT_EQ(items[1].messages,
            std::vector<std::string>{"old.txt: not re-extracted: count: cannot read it"});
  EXPECT_FALSE(items[2].failed);
  EXPECT_TRUE(items[2].doc.has_value());
}

TEST(ExtractionBatchTest, AFileEndFollowsTheArticleThatEndsIt) {
  int processed = 0;
  const Pipeline pipeline = CountingPipeline(&processed);
  BoundedQueue<WorkItem> results(100);
  ExtractionBatch batch(pipeline, results);
  int asked = 0;
  ASSERT_TRUE(batch.Add(Article("f.jsonl", "first"), [&] { return ++asked == 2; }));
  ASSERT_TRUE(batch.Add(Article("f.jsonl", "second"), [&] { return ++asked == 2; }));
  EXPECT_EQ(asked, 0);  // asked only once the article is handed on
  ASSERT_TRUE(batch.Flush());
  const std::vector<WorkItem> items = Drain(results);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_FALSE(items[1].file_done);
  EXPECT_TRUE(items[2].file_done);
  EXPECT_FALSE(items[2].doc.has_value());
}

TEST(ExtractionBatchTest, AddAndFlushReportAStoppedWriter) {
  int processed = 0;
  const Pipeline pipeline = CountingPipeline(&processed);
  BoundedQueue<WorkItem> results(100);
  results.Close();
  ExtractionBatch batch(pipeline, results, BatchLimits{1, 1 << 20});
  EXPECT_FALSE(batch.Add(Article("a.txt", "one")));
}

}  // namespace
}  // namespace newsfacts
