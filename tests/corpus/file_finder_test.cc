// FindArticleFiles: recursive, sorted, hidden entries and golden files skipped.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

TEST(FileFinderTest, FindsArticleFilesRecursivelyInOrder) {
  testing::TempDir dir;
  for (const char* name :
       {"b/story.md", "a.txt", "b/deep/page.html", "c/feed.jsonl", "c/dump.json", "notes.text",
        "x.htm", "y.markdown", "b/story.facts.json", ".hidden.txt", ".git/config.txt",
        "b/.drafts/draft.md", "image.png", "README", "data.csv"}) {
    dir.Write(name, "Some text.");
  }
  StatusOr<std::vector<std::filesystem::path>> files = FindArticleFiles({dir.path()});
  ASSERT_TRUE(files.ok()) << files.status().message();
  std::vector<std::string> relative;
  for (const auto& file : *files) {
    relative.push_back(std::filesystem::relative(file, dir.path()).generic_string());
  }
  const std::vector<std::string> expected = {"a.txt",       "b/deep/page.html", "b/story.md",
                                             "c/dump.json", "c/feed.jsonl",     "notes.text",
                                             "x.htm",       "y.markdown"};
  EXPECT_EQ(relative, expected);
}

TEST(FileFinderTest, AFileRootIsReturnedWhateverItsExtension) {
  testing::TempDir dir;
  const auto csv = dir.Write("export.csv", "a,b");
  const auto txt = dir.Write("sub/a.txt", "text");
  StatusOr<std::vector<std::filesystem::path>> files =
      FindArticleFiles({csv, dir.path() / "sub", txt});
  ASSERT_TRUE(files.ok());
  const std::vector<std::filesystem::path> expected = {csv, txt};
  EXPECT_EQ(*files, expected);
}

TEST(FileFinderTest, MissingRootIsNotFound) {
  testing::TempDir dir;
  const auto missing = dir.path() / "no-such-folder";
  StatusOr<std::vector<std::filesystem::path>> files = FindArticleFiles({dir.path(), missing});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(files.status().message(), missing.string() + ": no such file or folder");
}

TEST(FileFinderTest, EmptyFolderGivesNoFiles) {
  testing::TempDir dir;
  StatusOr<std::vector<std::filesystem::path>> files = FindArticleFiles({dir.path()});
  ASSERT_TRUE(files.ok());
  EXPECT_TRUE(files->empty());
}

}  // namespace
}  // namespace newsfacts
