// Tests for AppendJsonString and the facts written with it: every string, valid UTF-8 or not,
// comes out as nlohmann::json's dump writes it (over generated strings of quotes, backslashes,
// controls, multi-byte and broken sequences), and so does a document's JSON, compact, pretty
// and as a facts line.
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
                                "plain words, eight at a time ",
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
    const int length = static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) text += pieces[pick(random)];
    ASSERT_EQ(Appended(text), Dumped(text))
        << json(text).dump(-1, ' ', true, json::error_handler_t::replace);
  }
}

// A document with every kind of element, values of every JSON type among them.
Document EveryElement() {
  Document doc =
      Document::FromUtf8({.path = "a/b.txt", .title = "T\"itle"},
                         "Korvex said \"yes\".\tBrantel\\no.\n\u201CFine\u201D, $5 million");
  doc.mutable_sentences().push_back(Sentence{{0, 18}, 0, 0, 0});
  doc.mutable_sentences().push_back(Sentence{{19, 30}, 0, 0, 1});
  doc.mutable_sentences().push_back(Sentence{{31, doc.text().size()}, 0, 0, 2});
  doc.mutable_entities().push_back({"korvex", "Korvex", EntityType::kOrg, "", {"KVX", "Kor\"vex"}});
  doc.mutable_entities().push_back({"brantel", "Brantel", EntityType::kOrg, "korvex", {}});
  doc.mutable_mentions().push_back({{0, 6}, 0, EntityType::kOrg, 0, "gazetteer:korvex"});
  doc.mutable_mentions().push_back({{20, 27}, 7, EntityType::kOrg, 1, "dangling"});
  Amount amount;
  amount.span = {doc.text().size() - 10, doc.text().size()};
  amount.sentence = 2;
  amount.value = "5000000";
  amount.currency = "USD";
  amount.qualifier = "exact";
  amount.restates = 0;
  doc.mutable_amounts().push_back(amount);
  Claim claim;
  claim.predicate = "acquired";
  claim.subject = 0;
  claim.object = 1;
  claim.subject_span = {0, 6};
  claim.object_span = {20, 27};
  claim.amount = 0;
  claim.span = {0, 27};
  claim.rule = "acquired.active";
  claim.amount_role = "total";
  doc.mutable_claims().push_back(claim);
  claim.amount.reset();
  claim.object.reset();
  claim.object_span = {};
  claim.sentence = 9;  // points nowhere: null
  doc.mutable_claims().push_back(claim);
  doc.mutable_quotes().push_back({{13, 16}, "Korvex", 0, 0, ""});
  return doc;
}

// Every element comes out as nlohmann::json's dump prints it: keys sorted, strings escaped,
// numbers, booleans and nulls alike; pretty output holds the same; and the facts line adds
// only its load object.
TEST(JsonStringTest, CompactJsonIsWhatNlohmannDumpPrints) {
  const Document doc = EveryElement();
  const std::string compact = DocumentToJson(doc, -1);
  const json parsed = json::parse(compact);
  EXPECT_EQ(compact, parsed.dump(-1, ' ', false, json::error_handler_t::replace));
  EXPECT_EQ(json::parse(DocumentToJson(doc, 2)), parsed);
  EXPECT_EQ(DocumentToJson(doc, 2), parsed.dump(2, ' ', false, json::error_handler_t::replace));
  EXPECT_TRUE(parsed["mentions"][1]["entity"].is_null());
  EXPECT_EQ(parsed["amounts"][0]["vague"], false);
  EXPECT_EQ(parsed["claims"][0]["amount"]["value"], "5000000");
  EXPECT_TRUE(parsed["claims"][1]["sentence"].is_null());
  EXPECT_EQ(parsed["entities"][0]["aliases"][1], "Kor\"vex");
  const std::string line = DocumentToFactsLine(doc, {"1.2.3", "rules-fp", "hash"});
  json facts = json::parse(line);
  EXPECT_EQ(line, facts.dump(-1, ' ', false, json::error_handler_t::replace));
  EXPECT_EQ(facts["load"]["text"], doc.text());
  EXPECT_EQ(facts["load"]["format"], kFactsLineFormat);
  EXPECT_EQ(facts["load"]["tool_version"], "1.2.3");
  EXPECT_EQ(facts["load"]["content_hash"], "hash");
  facts.erase("load");
  EXPECT_EQ(facts, parsed);
}

}  // namespace
}  // namespace newsfacts
