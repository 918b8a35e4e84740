// Tests for ParseFlatJsonObject against nlohmann::json::parse: over generated records (escapes,
// surrogates, raw controls, broken UTF-8, numbers of every JSON type and some that are not
// JSON, literals, arrays of those, nested values, stray text), whatever it returns equals the
// parser's value, it returns nothing where the parser throws, and it does read the flat records
// of a corpus and the gazetteer's lines.
#include "pipeline/flat_json_object.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace newsfacts {
namespace {

using Json = nlohmann::json;

std::optional<Json> Parsed(const std::string& text) {
  try {
    return Json::parse(text);
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

TEST(FlatJsonObjectTest, ReadsTheCommonRecord) {
  const std::string text =
      R"({"title": "Acme buys \"Brantel\"", "text": "Line one.\nCaf\u00e9 \ud83d\ude00 \u20ac5",)"
      R"( "row": 7, "score": -1.5e3, "ok": true, "gone": null, "title": "again"})";
  const std::optional<Json> flat = ParseFlatJsonObject(text);
  ASSERT_TRUE(flat.has_value());
  EXPECT_EQ(*flat, Json::parse(text));
  EXPECT_EQ((*flat)["title"], "again");  // the last of a key given twice
  EXPECT_EQ((*flat)["text"],
            "Line one.\nCaf\xC3\xA9 \xF0\x9F\x98\x80 \xE2\x82\xAC"
            "5");
  EXPECT_TRUE((*flat)["row"].is_number_unsigned());
}

TEST(FlatJsonObjectTest, ReadsArraysOfScalars) {
  for (const std::string text :
       {R"({"id": "alphabet", "aliases": ["Alphabet Inc.", "Alph\u0061bet"], "ambiguous": true})",
        R"({"tags": []})", R"({"tags": [ ]})", R"({"mixed": [1, -2.5, "x", true, null]})",
        "{\"tags\":[\n\"a\" ,\t\"b\"\r\n]}"}) {
    const std::optional<Json> flat = ParseFlatJsonObject(text);
    ASSERT_TRUE(flat.has_value()) << text;
    EXPECT_EQ(flat->dump(), Json::parse(text).dump()) << text;
  }
}

TEST(FlatJsonObjectTest, LeavesNestedValuesAndErrorsToTheParser) {
  for (const std::string text : {R"({"tags": [["a"]]})",
                                 R"({"tags": [{"a": 1}]})",
                                 R"({"tags": ["a",]})",
                                 R"({"tags": ["a" "b"]})",
                                 R"({"tags": ["a")",
                                 R"({"tags": [,]})",
                                 R"({"meta": {"a": 1}})",
                                 R"({"a": 1,})",
                                 R"({"a" 1})",
                                 R"({"a": 01})",
                                 R"({"a": 1e400})",
                                 "{\"a\": \"raw\x01control\"}",
                                 "{\"a\": \"\xC3\"}",
                                 R"({"a": "\ud800 lone"})",
                                 R"({"a": "\x41"})",
                                 R"({"a": tru})",
                                 R"({"a": 1} x)",
                                 R"(["a"])",
                                 "",
                                 "\xEF\xBB\xBF{\"a\": 1}"}) {
    EXPECT_FALSE(ParseFlatJsonObject(text).has_value()) << text;
  }
}

TEST(FlatJsonObjectTest, GeneratedRecordsAgreeWithNlohmann) {
  const std::vector<std::string> string_pieces = {"plain words, eight at a time ",
                                                  "a",
                                                  "\\\"",
                                                  "\\\\",
                                                  "\\/",
                                                  "\\n",
                                                  "\\t",
                                                  "\\b",
                                                  "\\f",
                                                  "\\r",
                                                  "\\u00e9",
                                                  "\\u20AC",
                                                  "\\ud83d\\ude00",
                                                  "\\ud800",
                                                  "\\udc00",
                                                  "\\u12",
                                                  "\\x",
                                                  "\xC3\xA9",
                                                  "\xE2\x80\x99",
                                                  "\xF0\x9F\x98\x80",
                                                  "\xC3",
                                                  "\x01",
                                                  "\t",
                                                  "'"};
  const std::vector<std::string> other_values = {"0",
                                                 "-1",
                                                 "1.5e3",
                                                 "18446744073709551616",
                                                 "-0.0",
                                                 "01",
                                                 "1e400",
                                                 "-",
                                                 "1.",
                                                 "true",
                                                 "false",
                                                 "null",
                                                 "nul",
                                                 "[1, 2]",
                                                 "{\"x\": 1}",
                                                 "[]",
                                                 "[\"a\", \"b\\n\"]",
                                                 "[[1]]",
                                                 "[1,]",
                                                 "[true null]",
                                                 "[{}]",
                                                 "[ \"\\u00e9\" ]"};
  const std::vector<std::string> keys = {"title", "text", "row", "t\\u0069tle", ""};
  const std::vector<std::string> gaps = {"", " ", "\n", "\t ", "\r\n"};
  std::mt19937 random(23);
  auto pick = [&](const std::vector<std::string>& from) { return from[random() % from.size()]; };
  int read_by_flat = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string text = pick(gaps) + "{";
    const int members = static_cast<int>(random() % 5);
    for (int m = 0; m < members; ++m) {
      if (m > 0) text += pick(gaps) + ",";
      text += pick(gaps) + "\"" + pick(keys) + "\"" + pick(gaps) + ":" + pick(gaps);
      if (random() % 3 > 0) {
        text += "\"";
        const int pieces = static_cast<int>(random() % 8);
        for (int p = 0; p < pieces; ++p) text += pick(string_pieces);
        text += "\"";
      } else {
        text += pick(other_values);
      }
    }
    text += pick(gaps) + "}" + (random() % 20 == 0 ? " x" : pick(gaps));
    const std::optional<Json> flat = ParseFlatJsonObject(text);
    const std::optional<Json> parsed = Parsed(text);
    if (flat) {
      ++read_by_flat;
      ASSERT_TRUE(parsed.has_value()) << text;
      ASSERT_EQ(flat->dump(), parsed->dump()) << text;
    }
  }
  EXPECT_GT(read_by_flat, 500);
}

}  // namespace
}  // namespace newsfacts
