// Every sample article under corpus/samples/ reads cleanly: at least one article, each with
// a title and text, and no warnings or errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "corpus/article_reader.h"

namespace newsfacts {
namespace {

TEST(SamplesTest, EverySampleArticleReadsCleanly) {
  const std::filesystem::path samples =
      std::filesystem::path(NEWSFACTS_SOURCE_DIR) / "corpus" / "samples";
  if (!std::filesystem::is_directory(samples)) GTEST_SKIP() << "no " << samples;
  StatusOr<FoundFiles> found = FindArticleFiles({samples});
  ASSERT_TRUE(found.ok()) << found.status().message();
  if (found->files.empty()) GTEST_SKIP() << "no sample articles yet";
  for (const auto& file : found->files) {
    SCOPED_TRACE(file.string());
    StatusOr<FileReadResult> result = ReadArticleFile(file);
    ASSERT_TRUE(result.ok()) << result.status().message();
    EXPECT_FALSE(result->articles.empty());
    EXPECT_TRUE(result->warnings.empty()) << result->warnings.front();
    EXPECT_TRUE(result->errors.empty()) << result->errors.front();
    for (const RawArticle& article : result->articles) {
      EXPECT_FALSE(article.meta.title.empty());
      EXPECT_FALSE(article.text.empty());
      EXPECT_TRUE(article.text.starts_with(article.meta.title));
    }
  }
}

}  // namespace
}  // namespace newsfacts
