// FileArticles: a .jsonl file's records are read as they are taken and each of its pieces let
// go with its last record; other files are read whole; a file's failures count once.
#include "cli/file_articles.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace newsfacts {
namespace {

std::shared_ptr<const FileRead> FileNamed(const std::string& path) {
  auto file = std::make_shared<FileRead>();
  file->path = path;
  return file;
}

std::vector<std::string> Pieces(std::initializer_list<std::string> pieces) { return pieces; }

TEST(FileArticlesTest, JsonLinesRecordsAreReadAsTakenAndEachPieceGoesWithItsLast) {
  const std::string first_piece = "{\"text\": \"Alpha.\"}\n{\"title\": \"no text\"}\n";
  StatusOr<std::unique_ptr<FileArticles>> read = FileArticles::Read(
      FileNamed("wire.jsonl"), Pieces({first_piece, "not json\n{\"text\": \"Delta.\"}\n"}));
  ASSERT_TRUE(read.ok()) << read.status().message();
  FileArticles& articles = **read;
  ASSERT_EQ(articles.size(), 4u);
  EXPECT_TRUE(articles.messages().empty());
  EXPECT_FALSE(articles.has_errors());
  const size_t whole = articles.HeldBytes();
  EXPECT_GT(whole, first_piece.size());
  StatusOr<RawArticle> last = articles.Take(3);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->text, "Delta.");
  EXPECT_EQ(last->meta.record_index, 3);
  StatusOr<RawArticle> no_text = articles.Take(1);
  ASSERT_FALSE(no_text.ok());
  EXPECT_EQ(no_text.status().message(),
            "wire.jsonl:2: record has no text, body or content field; skipped");
  // The file's first failure counts, not the ones after it.
  EXPECT_TRUE(articles.FirstFailure());
  EXPECT_FALSE(articles.FirstFailure());
  EXPECT_EQ(articles.HeldBytes(), whole);
  EXPECT_FALSE(articles.Take(2).ok());
  EXPECT_EQ(articles.HeldBytes(), first_piece.size());
  StatusOr<RawArticle> first = articles.Take(0);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->text, "Alpha.");
  EXPECT_EQ(articles.HeldBytes(), 0u);
  EXPECT_FALSE(articles.Finish());
  EXPECT_FALSE(articles.Finish());
  EXPECT_FALSE(articles.Finish());
  EXPECT_TRUE(articles.Finish());
}

TEST(FileArticlesTest, OtherFilesAreReadWholeAndTheirErrorsAreTheFilesFailure) {
  StatusOr<std::unique_ptr<FileArticles>> read = FileArticles::Read(
      FileNamed("feed.json"), Pieces({"[{\"text\": \"Alpha.\"}, 7, {\"text\": \"Gamma \xFF.\"}]"}));
  ASSERT_TRUE(read.ok()) << read.status().message();
  FileArticles& articles = **read;
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles.HeldBytes(), 0u);
  EXPECT_TRUE(articles.has_errors());
  ASSERT_EQ(articles.messages().size(), 2u);
  EXPECT_EQ(articles.messages()[0],
            "feed.json: invalid UTF-8 repaired (1 sequence replaced with U+FFFD)");
  EXPECT_EQ(articles.messages()[1], "feed.json:1: record is not a JSON object; skipped");
  EXPECT_FALSE(articles.FirstFailure());  // counted with the messages
  StatusOr<RawArticle> second = articles.Take(1);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->text, "Gamma \xEF\xBF\xBD.");
  EXPECT_EQ(second->meta.record_index, 2);
}

TEST(FileArticlesTest, UnusableFilesAreErrors) {
  EXPECT_EQ(FileArticles::Read(FileNamed("empty.jsonl"), Pieces({"\n", " \n"})).status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(FileArticles::Read(FileNamed("empty.txt"), Pieces({""})).status().code(),
            StatusCode::kDataLoss);
}

}  // namespace
}  // namespace newsfacts
