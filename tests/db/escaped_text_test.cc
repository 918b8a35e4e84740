// EscapeBytes and StoredPath (issue 15, item 11): file names with control characters cannot
// forge a printed line, and ill-formed UTF-8 is stored as valid text, distinct per name.
#include "db/escaped_text.h"

#include <gtest/gtest.h>

#include "db/fact_store.h"
#include "tests/db/db_test_util.h"

namespace newsfacts {
namespace {

using testing::ReadRows;
using testing::Rows;
using testing::TempDir;

TEST(EscapedTextTest, EscapesIllFormedBytesAndControlsOnly) {
  struct Case {
    std::string bytes;
    bool controls;
    std::string expected;
  };
  const Case cases[] = {
      {"plain/caf\xC3\xA9.txt", true, "plain/caf\xC3\xA9.txt"},
      {"caf\xE9.txt", false, "caf\\xE9.txt"},
      {"caf\xE8.txt", false, "caf\\xE8.txt"},
      {"a\nnewsfacts.db: 0 files", false, "a\nnewsfacts.db: 0 files"},
      {"a\nnewsfacts.db: 0 files", true, "a\\nnewsfacts.db: 0 files"},
      {"tab\there\r\x1B[2J\x7F", true, "tab\\there\\r\\x1B[2J\\x7F"},
      {"c1 \xC2\x85 nel", true, "c1 \\u0085 nel"},
      {"cut \xE2\x82", true, "cut \\xE2\\x82"},
      {"\xF0\x9F\x93\xB0 news", true, "\xF0\x9F\x93\xB0 news"},
      {"", true, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.bytes);
    EXPECT_EQ(EscapeBytes(c.bytes, c.controls), c.expected);
  }
}

Document OneArticle(const std::string& path) {
  ArticleMeta meta;
  meta.path = path;
  Document doc = Document::FromRaw(meta, "Acme said so.");
  doc.mutable_sentences() = {{{0, doc.text().size()}, 0, 0, 0}};
  return doc;
}

TEST(EscapedTextTest, AnIllFormedFileNameIsStoredAsValidTextWithItsBytes) {
  TempDir folder;
  const std::string path = folder.File("facts.db");
  auto store = FactStore::Open(path);
  ASSERT_TRUE(store.ok());
  auto run = (*store)->BeginRun({"test", "rules"});
  ASSERT_TRUE(run.ok());
  for (const char* name : {"caf\xE9.txt", "caf\xE8.txt", "plain.txt"}) {
    auto written = (*store)->WriteArticleIfChanged(OneArticle(name), name, *run);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    EXPECT_EQ(*written, ArticleWrite::kAdded);
  }
  EXPECT_EQ(
      ReadRows(path, "SELECT path, typeof(path_bytes), hex(path_bytes) FROM articles ORDER BY id"),
      (Rows{{"caf\\xE9.txt", "blob", "636166E92E747874"},
            {"caf\\xE8.txt", "blob", "636166E82E747874"},
            {"plain.txt", "null", ""}}));  // hex(NULL) is empty
  // The same file again is recognised by its bytes: unchanged, and known to incremental ingest.
  auto again = (*store)->WriteArticleIfChanged(OneArticle("caf\xE9.txt"), "caf\xE9.txt", *run);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, ArticleWrite::kUnchanged);
  auto hashes = (*store)->LoadContentHashes();
  ASSERT_TRUE(hashes.ok());
  EXPECT_EQ(hashes->count(ArticleKey("caf\xE9.txt", -1)), 1u);
}

}  // namespace
}  // namespace newsfacts
