// Hostile inputs: each returns articles or a Status naming the file, and none crashes or
// takes quadratic time.
#include <gtest/gtest.h>

#include <string>

#include "corpus/article_reader.h"
#include "pipeline/text.h"

namespace newsfacts {
namespace {

std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

TEST(HostileInputTest, ReadersSurviveHostileInput) {
  struct Case {
    std::string name;
    std::string bytes;
  };
  const Case cases[] = {
      {"deep.html", "<p>Top text.</p>" + Repeat("<div>", 3000) + "deep" + Repeat("</div>", 3000)},
      {"tags.html", Repeat("<b><i><u>", 1000) + "x"},
      {"brackets.md", Repeat("[", 200000) + " text"},
      {"backticks.md", "a " + Repeat("`` ", 100000)},
      {"links.md", Repeat("[a](", 50000)},
      {"nested-links.md", Repeat("[", 50000) + "x" + Repeat("](u)", 50000)},
      {"angles.md", Repeat("<http://x ", 50000)},
      {"nested.json",
       "{\"text\": \"ok\", \"x\": " + Repeat("[", 100000) + Repeat("]", 100000) + "}"},
      {"nested.jsonl", Repeat("[", 100000) + "\n{\"text\": \"fine\"}\n"},
      {"yaml.md", "---\ntitle: " + Repeat("[", 20000) + "\n---\nBody.\n"},
      {"alias.md", "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\ntitle: *a\n---\nBody.\n"},
      {"controls.txt", "Text with a few \x01 control \x1B bytes."},
      {"only-fffd.txt", Repeat("\xFF", 1000)},
      {"lone-cr.txt", Repeat("\r", 5000) + "x"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<FileReadResult> result = ReadArticleBytes(c.name, c.bytes);
    if (!result.ok()) {
      EXPECT_TRUE(result.status().message().starts_with(c.name + ":")) << result.status().message();
      continue;
    }
    for (const RawArticle& article : result->articles) {
      EXPECT_FALSE(article.text.empty());
      // Document::FromUtf8 relies on it: the reader is the one place text is repaired.
      EXPECT_TRUE(IsValidUtf8(article.text));
      EXPECT_TRUE(IsValidUtf8(article.meta.title));
    }
    for (const std::string& error : result->errors) {
      EXPECT_TRUE(error.starts_with(c.name + ":")) << error;
    }
  }
}

TEST(HostileInputTest, DeeplyNestedHtmlKeepsShallowText) {
  const std::string html =
      "<p>Top text.</p>" + Repeat("<div>", 3000) + "deep" + Repeat("</div>", 3000);
  StatusOr<FileReadResult> result = ReadArticleBytes("deep.html", html);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 1u);
  EXPECT_EQ(result->articles[0].text, "Top text.");
}

}  // namespace
}  // namespace newsfacts
