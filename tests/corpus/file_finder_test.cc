// FindArticleFiles: recursive, sorted, hidden entries and golden files skipped; links,
// FIFOs and unreadable folders named, never fatal and never followed into a loop.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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
  StatusOr<FoundFiles> files = FindArticleFiles({dir.path()});
  ASSERT_TRUE(files.ok()) << files.status().message();
  std::vector<std::string> relative;
  for (const auto& file : files->files) {
    relative.push_back(std::filesystem::relative(file, dir.path()).generic_string());
  }
  const std::vector<std::string> expected = {"a.txt",       "b/deep/page.html", "b/story.md",
                                             "c/dump.json", "c/feed.jsonl",     "notes.text",
                                             "x.htm",       "y.markdown"};
  EXPECT_EQ(relative, expected);
}

// Files are in path::compare order, a folder's files before a name that extends the folder's
// with a byte below '/' ("a-b.txt", "a.txt"), as a plain byte order would not have them.
TEST(FileFinderTest, FilesAreInPathOrderNotByteOrder) {
  testing::TempDir dir;
  for (const char* name : {"a-b.txt", "a.txt", "a/x.txt", "a/b/y.txt", "a!.txt", "ab.txt"}) {
    dir.Write(name, "Some text.");
  }
  StatusOr<FoundFiles> files = FindArticleFiles({dir.path()});
  ASSERT_TRUE(files.ok()) << files.status().message();
  std::vector<std::filesystem::path> by_path_compare = files->files;
  std::sort(by_path_compare.begin(), by_path_compare.end());
  EXPECT_EQ(files->files, by_path_compare);
  EXPECT_EQ(std::filesystem::relative(files->files.front(), dir.path()).generic_string(),
            "a/b/y.txt");
}

TEST(FileFinderTest, AFileRootIsReturnedWhateverItsExtension) {
  testing::TempDir dir;
  const auto csv = dir.Write("export.csv", "a,b");
  const auto txt = dir.Write("sub/a.txt", "text");
  StatusOr<FoundFiles> files = FindArticleFiles({csv, dir.path() / "sub", txt});
  ASSERT_TRUE(files.ok());
  const std::vector<std::filesystem::path> expected = {csv, txt};
  EXPECT_EQ(files->files, expected);
}

TEST(FileFinderTest, MissingRootIsNotFound) {
  testing::TempDir dir;
  const auto missing = dir.path() / "no-such-folder";
  StatusOr<FoundFiles> files = FindArticleFiles({dir.path(), missing});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(files.status().message(), missing.string() + ": no such file or folder");
}

TEST(FileFinderTest, EmptyFolderGivesNoFiles) {
  testing::TempDir dir;
  StatusOr<FoundFiles> files = FindArticleFiles({dir.path()});
  ASSERT_TRUE(files.ok());
  EXPECT_TRUE(files->files.empty());
  EXPECT_TRUE(files->skipped.empty());
}

// The reason FindArticleFiles gave for skipping `name` under `dir`, or "" when not skipped.
std::string ReasonFor(const FoundFiles& found, const std::filesystem::path& path) {
  for (const FoundFiles::Skipped& skipped : found.skipped) {
    if (skipped.path == path) return skipped.reason;
  }
  return "";
}

TEST(FileFinderTest, LinkLoopsAndBrokenLinksAreNamedNotFatal) {
  testing::TempDir dir;
  const auto good = dir.Write("good.txt", "Cisco bought Splunk.");
  std::filesystem::create_symlink("loop.txt", dir.path() / "loop.txt");  // points at itself
  std::filesystem::create_symlink("b.txt", dir.path() / "a.txt");        // a two-link loop
  std::filesystem::create_symlink("a.txt", dir.path() / "b.txt");
  std::filesystem::create_symlink("gone.txt", dir.path() / "dangling.txt");
  std::filesystem::create_directory_symlink(".", dir.path() / "self");  // a folder loop
  std::filesystem::create_symlink("good.txt", dir.path() / "alias.txt");
  StatusOr<FoundFiles> found = FindArticleFiles({dir.path()});
  ASSERT_TRUE(found.ok()) << found.status().message();
  const std::vector<std::filesystem::path> expected = {dir.path() / "alias.txt", good};
  EXPECT_EQ(found->files, expected);
  for (const char* name : {"loop.txt", "a.txt", "b.txt", "dangling.txt"}) {
    EXPECT_EQ(ReasonFor(*found, dir.path() / name), "broken or looping symbolic link") << name;
  }
}

TEST(FileFinderTest, FifosAreNamedAndNeverOpened) {
  testing::TempDir dir;
  const auto fifo = dir.path() / "pipe.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  StatusOr<FoundFiles> in_folder = FindArticleFiles({dir.path()});
  ASSERT_TRUE(in_folder.ok());
  EXPECT_TRUE(in_folder->files.empty());
  EXPECT_NE(ReasonFor(*in_folder, fifo).find("not a regular file"), std::string::npos);
  StatusOr<FoundFiles> as_root = FindArticleFiles({fifo});
  ASSERT_TRUE(as_root.ok());
  EXPECT_TRUE(as_root->files.empty());
  EXPECT_NE(ReasonFor(*as_root, fifo).find("not a regular file"), std::string::npos);
}

TEST(FileFinderTest, UnreadableFoldersAreNamed) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  testing::TempDir dir;
  dir.Write("locked/a.txt", "text");
  const auto locked = dir.path() / "locked";
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  StatusOr<FoundFiles> found = FindArticleFiles({dir.path()});
  std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
  ASSERT_TRUE(found.ok());
  EXPECT_NE(ReasonFor(*found, locked).find("cannot read this folder"), std::string::npos);
}

TEST(FileFinderTest, AFolderWithAnArticleNameIsEntered) {
  testing::TempDir dir;
  const auto inner = dir.Write("x.txt/inner.md", "text");
  StatusOr<FoundFiles> found = FindArticleFiles({dir.path()});
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->files, std::vector<std::filesystem::path>{inner});
}

}  // namespace
}  // namespace newsfacts
