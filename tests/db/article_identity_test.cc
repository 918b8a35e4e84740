// ArticleKey and ContentHash: keys never collide; the hash is stable, covers the text and
// the stored metadata, and nothing else.
#include "db/article_identity.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

TEST(ArticleKeyTest, KeysNeverCollide) {
  EXPECT_EQ(ArticleKey("a.txt", -1), "a.txt");
  EXPECT_NE(ArticleKey("a.jsonl", 1), ArticleKey("a.jsonl", 11));
  EXPECT_NE(ArticleKey("a.jsonl#1", -1), ArticleKey("a.jsonl", 1));
  EXPECT_NE(ArticleKey("a.jsonl", 0), ArticleKey("a.jsonl", -1));
}

TEST(ContentHashTest, CoversTextAndStoredMetadataOnly) {
  ArticleMeta meta{.path = "a.txt", .title = "Title", .source = "Wire", .url = "u"};
  const std::string hash = ContentHash(Document::FromRaw(meta, "Acme bought Globex."));
  EXPECT_EQ(hash.size(), 32u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos) << hash;
  EXPECT_EQ(ContentHash(Document::FromRaw(meta, "Acme bought Globex.")), hash);

  ArticleMeta moved = meta;
  moved.path = "b.txt";
  moved.record_index = 4;
  EXPECT_EQ(ContentHash(Document::FromRaw(moved, "Acme bought Globex.")), hash);

  ArticleMeta retitled = meta;
  retitled.title = "Other";
  EXPECT_NE(ContentHash(Document::FromRaw(retitled, "Acme bought Globex.")), hash);
  EXPECT_NE(ContentHash(Document::FromRaw(meta, "Acme bought Globex!")), hash);
  // Fields are delimited: moving bytes from the title to the source changes the hash.
  ArticleMeta shifted = meta;
  shifted.title = "TitleW";
  shifted.source = "ire";
  EXPECT_NE(ContentHash(Document::FromRaw(shifted, "Acme bought Globex.")), hash);
}

}  // namespace
}  // namespace newsfacts
