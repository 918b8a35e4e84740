// JSON and JSON Lines articles: field alternatives, record indexes, per-record errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

TEST(JsonReaderTest, ReadsFieldAlternatives) {
  struct Case {
    std::string name;
    std::string json;
    ArticleMeta meta;
    std::string text;
  };
  const Case cases[] = {
      {"primary names",
       R"({"title": "Acme buys Globex", "text": "Acme agreed to buy Globex.",
           "date": "2024-01-15", "source": "Example Wire", "url": "https://w.example/1"})",
       {"", 0, "Acme buys Globex", "Example Wire", "https://w.example/1", "2024-01-15", ""},
       "Acme buys Globex\n\nAcme agreed to buy Globex."},
      {"alternative names",
       R"({"headline": "Chip sale", "body": "Body text.", "published": "2023-02-03",
           "outlet": "Desk"})",
       {"", 0, "Chip sale", "Desk", "", "2023-02-03", ""},
       "Chip sale\n\nBody text."},
      {"content and published_at",
       R"({"content": "Content text.", "published_at": "2022-12-31T23:59:00Z"})",
       {"", 0, "", "", "", "2022-12-31T23:59:00Z", ""},
       "Content text."},
      {"text wins over body",
       R"({"body": "Body.", "text": "Text."})",
       {"", 0, "", "", "", "", ""},
       "Text."},
      {"null text falls through to body",
       R"({"text": null, "body": "Body."})",
       {"", 0, "", "", "", "", ""},
       "Body."},
      {"title already at the start of the text",
       R"({"title": "Deal done", "text": "Deal done\n\nThe deal closed."})",
       {"", 0, "Deal done", "", "", "", ""},
       "Deal done\n\nThe deal closed."},
      {"escaped CRLF in strings",
       R"({"title": "T", "text": "One.\r\nTwo."})",
       {"", 0, "T", "", "", "", ""},
       "T\n\nOne.\nTwo."},
      {"non-string metadata ignored",
       R"({"title": 42, "date": 20240101, "text": "Body."})",
       {"", 0, "", "", "", "", ""},
       "Body."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<FileReadResult> result = ReadArticleBytes("one.json", c.json);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ASSERT_EQ(result->articles.size(), 1u);
    EXPECT_TRUE(result->errors.empty());
    const ArticleMeta& meta = result->articles[0].meta;
    EXPECT_EQ(meta.path, "one.json");
    EXPECT_EQ(meta.record_index, c.meta.record_index);
    EXPECT_EQ(meta.title, c.meta.title);
    EXPECT_EQ(meta.published, c.meta.published);
    EXPECT_EQ(meta.source, c.meta.source);
    EXPECT_EQ(meta.url, c.meta.url);
    EXPECT_EQ(result->articles[0].text, c.text);
  }
}

TEST(JsonReaderTest, ArrayRecordsKeepTheirIndexAndBadOnesAreReported) {
  const std::string json =
      "[\n"
      "  {\"title\": \"First\", \"text\": \"One.\"},\n"
      "  {\"title\": \"No text\"},\n"
      "  \"not an object\",\n"
      "  {\"text\": 7},\n"
      "  {\"text\": \"  \"},\n"
      "  {\"text\": \"Last \\\"quoted\\\" [x] {y}.\"}\n"
      "]\n";
  StatusOr<FileReadResult> result = ReadArticleBytes("feed.json", json);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 2u);
  EXPECT_EQ(result->articles[0].meta.record_index, 0);
  EXPECT_EQ(result->articles[0].text, "First\n\nOne.");
  EXPECT_EQ(result->articles[1].meta.record_index, 5);
  EXPECT_EQ(result->articles[1].text, "Last \"quoted\" [x] {y}.");
  const std::vector<std::string> expected = {
      "feed.json:3: record has no text, body or content field; skipped",
      "feed.json:4: record is not a JSON object; skipped",
      "feed.json:5: field 'text' is not a string; skipped",
      "feed.json:6: field 'text' is empty; skipped",
  };
  EXPECT_EQ(result->errors, expected);
}

TEST(JsonReaderTest, WholeFileErrorsAreInvalidArgument) {
  struct Case {
    std::string json;
    std::string message;
  };
  const Case cases[] = {
      {"{\"title\": \"x\",\n \"text\": \"unterminated\n}", "bad.json:2: malformed JSON: "},
      {"[1, 2,]", "bad.json:1: malformed JSON: "},
      {"\"just a string\"", "bad.json:1: expected a JSON object or an array of objects"},
      {"\n{\"title\": \"only\"}", "bad.json:2: record has no text, body or content field"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    StatusOr<FileReadResult> result = ReadArticleBytes("bad.json", c.json);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(result.status().message().starts_with(c.message)) << result.status().message();
  }
}

TEST(JsonLinesReaderTest, MalformedLineIsReportedAndOthersAreRead) {
  testing::TempDir dir;
  const auto file = dir.Write("wire.jsonl",
                              "{\"title\": \"A\", \"text\": \"Alpha.\", \"source\": \"S1\"}\n"
                              "\n"
                              "{\"title\": \"B\", \"text\": \"Beta\n"
                              "{\"headline\": \"C\", \"body\": \"Gamma.\", \"url\": \"u3\"}\n"
                              "   \n"
                              "{\"title\": \"D\"}\n"
                              "[1, 2]\n"
                              "{\"content\": \"Epsilon.\", \"date\": \"2020-01-01\"}");
  StatusOr<FileReadResult> result = ReadArticleFile(file);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 3u);
  struct Expected {
    int record_index;
    std::string title;
    std::string text;
  };
  const Expected expected[] = {
      {0, "A", "A\n\nAlpha."}, {2, "C", "C\n\nGamma."}, {5, "", "Epsilon."}};
  for (size_t i = 0; i < 3; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(result->articles[i].meta.path, file.string());
    EXPECT_EQ(result->articles[i].meta.record_index, expected[i].record_index);
    EXPECT_EQ(result->articles[i].meta.title, expected[i].title);
    EXPECT_EQ(result->articles[i].text, expected[i].text);
  }
  EXPECT_EQ(result->articles[0].meta.source, "S1");
  EXPECT_EQ(result->articles[1].meta.url, "u3");
  EXPECT_EQ(result->articles[2].meta.published, "2020-01-01");
  ASSERT_EQ(result->errors.size(), 3u);
  EXPECT_TRUE(result->errors[0].starts_with(file.string() + ":3: malformed JSON ("))
      << result->errors[0];
  EXPECT_TRUE(result->errors[0].ends_with("); skipped"));
  EXPECT_EQ(result->errors[1],
            file.string() + ":6: record has no text, body or content field; skipped");
  EXPECT_EQ(result->errors[2], file.string() + ":7: record is not a JSON object; skipped");
}

TEST(JsonLinesReaderTest, UnwrapsHardWrappedWireText) {
  StatusOr<FileReadResult> result = ReadArticleBytes(
      "wire.jsonl",
      R"({"text": "\n\nAcme Inc said it\nsold its pipeline unit\nfor 12 mln dlrs.\n    It gave no details.\n"})");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->articles.size(), 1u);
  EXPECT_EQ(result->articles[0].text,
            "Acme Inc said it sold its pipeline unit for 12 mln dlrs.\n    It gave no details.");
}

}  // namespace
}  // namespace newsfacts
