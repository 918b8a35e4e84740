// Markdown articles: YAML front matter and the Markdown-to-plain-text conversion.
#include <gtest/gtest.h>

#include <string>

#include "corpus/article_reader.h"
#include "corpus/format_readers.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

TEST(MarkdownReaderTest, ReadsFrontMatterFields) {
  struct Case {
    std::string name;
    std::string bytes;
    ArticleMeta meta;
    std::string text;
  };
  const Case cases[] = {
      {"all fields",
       "---\ntitle: \"Fabrikam buys Contoso: $3bn deal\"\ndate: 2024-03-05\n"
       "source: Example Tech Daily\nurl: https://news.example.com/fabrikam\nauthor: A. Writer\n"
       "tags: [deals, cloud]\n---\n\nFabrikam agreed to buy Contoso.\n",
       {"", -1, "Fabrikam buys Contoso: $3bn deal", "Example Tech Daily",
        "https://news.example.com/fabrikam", "2024-03-05", ""},
       "Fabrikam buys Contoso: $3bn deal\n\nFabrikam agreed to buy Contoso."},
      {"published and outlet alternatives",
       "---\ntitle: Chip deal\npublished: 2023-11-30T09:00:00Z\noutlet: Wire Desk\n---\nBody.",
       {"", -1, "Chip deal", "Wire Desk", "", "2023-11-30T09:00:00Z", ""},
       "Chip deal\n\nBody."},
      {"title repeated as heading is not doubled",
       "---\ntitle: Chip deal\n---\n# Chip deal\n\nBody.",
       {"", -1, "Chip deal", "", "", "", ""},
       "Chip deal\n\nBody."},
      {"no front matter, heading is the title",
       "# Startup raises $9m\n\nSeed round.",
       {"", -1, "Startup raises $9m", "", "", "", ""},
       "Startup raises $9m\n\nSeed round."},
      {"no front matter, no heading",
       "Just a paragraph.\n\n## Later heading\n\nMore.",
       {"", -1, "", "", "", "", ""},
       "Just a paragraph.\n\nLater heading\n\nMore."},
      {"empty front matter", "---\n---\nBody only.", {"", -1, "", "", "", "", ""}, "Body only."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<FileReadResult> result = ReadArticleBytes("post.md", c.bytes);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ASSERT_EQ(result->articles.size(), 1u);
    const ArticleMeta& meta = result->articles[0].meta;
    EXPECT_EQ(meta.path, "post.md");
    EXPECT_EQ(meta.record_index, -1);
    EXPECT_EQ(meta.title, c.meta.title);
    EXPECT_EQ(meta.published, c.meta.published);
    EXPECT_EQ(meta.source, c.meta.source);
    EXPECT_EQ(meta.url, c.meta.url);
    EXPECT_EQ(result->articles[0].text, c.text);
  }
}

TEST(MarkdownReaderTest, RejectsMalformedFrontMatterWithItsLine) {
  struct Case {
    std::string bytes;
    std::string message;
  };
  const Case cases[] = {
      {"---\ntitle: ok\nsource: [unclosed\n---\nBody.", "post.md:4: malformed front matter: "},
      {"---\ntitle: ok\n  bad: indent: here\n---\nBody.", "post.md:3: malformed front matter: "},
      {"---\n- just\n- a list\n---\nBody.",
       "post.md:2: malformed front matter: expected key: value lines"},
      {"---\ntitle:\n  - one\n  - two\n---\nBody.",
       "post.md:3: malformed front matter: field 'title' must be a single value"},
      {"---\ntitle: never closed\n\nBody.",
       "post.md:1: front matter opened with --- is never closed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.bytes);
    StatusOr<FileReadResult> result = ReadArticleBytes("post.md", c.bytes);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(result.status().message().starts_with(c.message)) << result.status().message();
  }
}

TEST(MarkdownReaderTest, FrontMatterWithoutBodyHasNoText) {
  StatusOr<FileReadResult> result = ReadArticleBytes("x.md", "---\ntitle: Lonely\n---\n\n");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(result.status().message(), "x.md: no article text found in Markdown");
}

TEST(MarkdownReaderTest, ConvertsMarkdownToPlainText) {
  struct Case {
    std::string name;
    std::string markdown;
    std::string text;
  };
  const Case cases[] = {
      {"headings", "# One\n## Two ##\nText", "One\n\nTwo\n\nText"},
      {"not a heading", "#hashtag stays", "#hashtag stays"},
      {"emphasis", "A **bold** and *soft* and __strong__ and _light_ claim",
       "A bold and soft and strong and light claim"},
      {"strikethrough vs approx", "~~old~~ price ~$4bn", "old price ~$4bn"},
      {"literal stars and underscores", "5 * 3 and snake_case_name", "5 * 3 and snake_case_name"},
      {"links",
       "Read [the filing](https://sec.example/f?a=(1)) and [notes][n].\n\n"
       "[n]: https://example.com/notes",
       "Read the filing and notes."},
      {"images removed", "Before ![chart of revenue](img/chart.png) after", "Before  after"},
      {"autolink", "See <https://example.com/x> now", "See https://example.com/x now"},
      {"inline code kept", "Call `Deal(**args)` today", "Call Deal(**args) today"},
      {"code fence kept verbatim", "Intro\n```python\nx = a_b * 2\n  indented\n```\nAfter",
       "Intro\n\nx = a_b * 2\n  indented\n\nAfter"},
      {"soft breaks join", "A sentence that\nwraps over lines.\n\nNext.",
       "A sentence that wraps over lines.\n\nNext."},
      {"lists", "Buyers:\n- Acme\n* Globex\n+ Initech\n1. First\n2) Second",
       "Buyers:\n\nAcme\n\nGlobex\n\nInitech\n\nFirst\n\nSecond"},
      {"blockquote", "> \"We are pleased,\" he said.\n> Really.",
       "\"We are pleased,\" he said. Really."},
      {"rules and setext", "Title\n=====\nBody\n\n---\n\n***\nEnd", "Title\n\nBody\n\nEnd"},
      {"table separator dropped", "| a | b |\n|---|:-:|\n| 1 | 2 |", "| a | b |\n\n| 1 | 2 |"},
      {"html comment", "Keep <!-- drop --> this\n<!--\nmulti\n-->\nand this",
       "Keep  this\n\nand this"},
      {"escapes", "Not \\*emphasis\\* and 1\\. item", "Not *emphasis* and 1. item"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(corpus_internal::MarkdownToPlainText(c.markdown), c.text);
  }
}

TEST(MarkdownReaderTest, ReadsAFileFromDisk) {
  testing::TempDir dir;
  const auto file = dir.Write("post.markdown",
                              "---\ntitle: Quarterly cloud results\nsource: Sample Wire\n---\n"
                              "Revenue rose **12%** to [$3.1bn](https://x.example).\n");
  StatusOr<FileReadResult> result = ReadArticleFile(file);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 1u);
  EXPECT_EQ(result->articles[0].meta.source, "Sample Wire");
  EXPECT_EQ(result->articles[0].text, "Quarterly cloud results\n\nRevenue rose 12% to $3.1bn.");
}

}  // namespace
}  // namespace newsfacts
