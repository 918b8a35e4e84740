// Tests for AppendJsonString and the facts written with it: every string, valid UTF-8 or not,
// comes out as nlohmann::json's dump writes it (over generated strings of quotes, backslashes,
// controls, multi-byte and broken sequences), and a document's compact JSON and facts line
// say what its pretty JSON says.
#include "pipeline/json_string.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "pipeline/document_json.h"

namespace newsfacts {
namespace {

using nlohmann::json;

std::string Dumped(const std::string& text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Appended(const std::string& text) {
  std::string out = "prefix";
  AppendJsonString(text, &out);
  return out.substr(6);
}

TEST(JsonStringTest, EscapesAsNlohmannDumpDoes) {
  for (const std::string& text :
       {std::string(""), std::string("plain"), std::string("say \"hi\"\\ now"),
        std::string("tab\there\nnew\rline\b\f"), std::string("nul\0byte", 8),
        std::string("\x01\x1f\x7f"), std::string("caf\xC3\xA9 \xE2\x82\xAC 12 \xF0\x9F\x98\x80"),
        std::string("broken \xC3 end"), std::string("\xFF\xFE"), std::string("\xE2\x82")}) {
    EXPECT_EQ(Appended(text), Dumped(text)) << text;
  }
}

TEST(JsonStringTest, GeneratedStringsMatchNlohmannDump) {
  const std::string pieces[] = {"a",
                                "Z",
                                " ",
                                "\"",
                                "\\",
                                "\n",
                                "\t",
                                "\x01",
                                "\x1f",
                                "\x7f",
                                "\xC3\xA9",
                                "\xE2\x80\x99",
                                "\xF0\x9F\x98\x80",
                                "\xC3",
                                "\x80",
                                "\xED\xA0\x80",
                                "\xF4\x90\x80\x80"};
  std::mt19937 random(16);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) text += pieces[pick(random)];
    ASSERT_EQ(Appended(text), Dumped(text))
        << json(text).dump(-1, ' ', true, json::error_handler_t::replace);
  }
}

// The compact writer prints the sentences and the facts line's load object itself; read back,
// they hold what the pretty JSON (built through nlohmann) holds.
TEST(JsonStringTest, CompactJsonAndFactsLineSayWhatThePrettyJsonSays) {
  Document doc = Document::FromUtf8({}, "He said \"yes\".\tThen\\no.\n\u201CFine\u201D");
  doc.mutable_sentences().push_back(Sentence{{0, 14}, 0, 0, 0});
  doc.mutable_sentences().push_back(Sentence{{15, 24}, 0, 0, 1});
  doc.mutable_sentences().push_back(Sentence{{25, doc.text().size()}, 0, 0, 2});
  const json pretty = json::parse(DocumentToJson(doc, 2));
  EXPECT_EQ(DocumentToJson(doc, -1), pretty.dump());
  json line = json::parse(DocumentToFactsLine(doc, {"1.2.3", "rules-fp", "hash"}));
  EXPECT_EQ(line["load"]["text"], doc.text());
  EXPECT_EQ(line["load"]["format"], kFactsLineFormat);
  EXPECT_EQ(line["load"]["tool_version"], "1.2.3");
  EXPECT_EQ(line["load"]["content_hash"], "hash");
  line.erase("load");
  EXPECT_EQ(line, pretty);
}

}  // namespace
}  // namespace newsfacts
