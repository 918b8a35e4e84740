// Plain-text articles: headline detection and hard-wrap undoing.
#include <gtest/gtest.h>

#include <string>

#include "corpus/article_reader.h"
#include "corpus/format_readers.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

TEST(TxtReaderTest, FirstLineIsTheHeadlineWhenABlankLineFollows) {
  struct Case {
    std::string bytes;
    std::string title;
    std::string text;
  };
  const std::string lede =
      "Northwind Cloud said on Tuesday that it would spend $2.5bn building three new "
      "data centres in Ohio over five years, its largest investment in the state, as demand "
      "for AI computing keeps growing faster than supply.";
  const Case cases[] = {
      {"Orbital Labs raises $40m\n\nThe startup said on Monday.", "Orbital Labs raises $40m",
       "Orbital Labs raises $40m\n\nThe startup said on Monday."},
      {"\n\n  Leading blank lines go  \n\nBody.\n\n", "Leading blank lines go",
       "Leading blank lines go  \n\nBody."},
      {"Rivals of the new phone...\n\nBody.", "Rivals of the new phone...",
       "Rivals of the new phone...\n\nBody."},
      {"Is the merger dead?\n  \nBody.", "Is the merger dead?", "Is the merger dead?\n  \nBody."},
      {"No blank line after the first line.\nSecond line.", "",
       "No blank line after the first line.\nSecond line."},
      {"Only one line here", "", "Only one line here"},
      {"A lede sentence ending with a full stop.\n\nBody.", "",
       "A lede sentence ending with a full stop.\n\nBody."},
      {lede + "\n\nSecond paragraph.", "", lede + "\n\nSecond paragraph."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.bytes);
    StatusOr<FileReadResult> result = ReadArticleBytes("story.txt", c.bytes);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ASSERT_EQ(result->articles.size(), 1u);
    EXPECT_EQ(result->articles[0].meta.title, c.title);
    EXPECT_EQ(result->articles[0].text, c.text);
    EXPECT_EQ(result->articles[0].meta.record_index, -1);
    EXPECT_TRUE(result->errors.empty());
  }
}

TEST(TxtReaderTest, ReadsAFileFromDisk) {
  testing::TempDir dir;
  const auto file =
      dir.Write("deals/acme.txt",
                "Acme to buy Widgetco for $1.2bn\n\nAcme Corp agreed to buy Widgetco.\n\n"
                "\"It is a great fit,\" said Jane Roe, Acme's chief executive.\n");
  StatusOr<FileReadResult> result = ReadArticleFile(file);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 1u);
  const RawArticle& article = result->articles[0];
  EXPECT_EQ(article.meta.path, file.string());
  EXPECT_EQ(article.meta.title, "Acme to buy Widgetco for $1.2bn");
  EXPECT_EQ(article.text,
            "Acme to buy Widgetco for $1.2bn\n\nAcme Corp agreed to buy Widgetco.\n\n"
            "\"It is a great fit,\" said Jane Roe, Acme's chief executive.");
  EXPECT_TRUE(result->warnings.empty());
}

TEST(LineUnwrapTest, JoinsHardWrappedLinesOnly) {
  struct Case {
    std::string name;
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"wire copy wrapped mid-sentence",
       "Acme Inc said it\nagreed to sell its pipeline\nunit for 12 mln dlrs.\n"
       "    The company said regulators\nmust still approve the sale.",
       "Acme Inc said it agreed to sell its pipeline unit for 12 mln dlrs.\n"
       "    The company said regulators must still approve the sale."},
      {"blank lines end paragraphs",
       "First paragraph wraps\nhere and ends.\n\nSecond one wraps\nthere too.",
       "First paragraph wraps here and ends.\n\nSecond one wraps there too."},
      {"one paragraph per line is kept",
       "Headline without a blank line\nFirst paragraph ends here.\n"
       "Second paragraph ends here.\n\"Quote,\" she said.\nFourth one (aside)",
       "Headline without a blank line\nFirst paragraph ends here.\n"
       "Second paragraph ends here.\n\"Quote,\" she said.\nFourth one (aside)"},
      {"bullets are not joined",
       "The buyers were\n- Acme\n- Globex\n\nThe deal was\nclosed in May\nafter a review",
       "The buyers were\n- Acme\n- Globex\n\nThe deal was closed in May after a review"},
      {"a single break says nothing", "Short line\nanother", "Short line\nanother"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string out = corpus_internal::UnwrapHardLineBreaks(c.input);
    EXPECT_EQ(out, c.expected);
    EXPECT_EQ(out.size(), c.input.size());
  }
}

}  // namespace
}  // namespace newsfacts
