// Gazetteer loading: native entity lines, spaCy EntityRuler patterns, and errors that name
// file:line.
#include "extractors/entities/gazetteer.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

RuleSource File(std::string contents) {
  return RuleSource{"user/names.jsonl", "gazetteer", std::move(contents)};
}

TEST(GazetteerTest, LoadsEntityLinesWithAliasesAndParent) {
  Gazetteer gazetteer;
  ASSERT_TRUE(
      gazetteer
          .AddFile(File(
              R"({"id":"quillon-cloud","name":"Quillon Cloud","type":"ORG","aliases":["QC"],"parent":"quillon"})"
              "\n"
              R"({"id":"quillon","name":"Quillon","type":"ORG","ambiguous":true})"
              "\n"
              R"({"id":"norland","name":"Norland","type":"LOCATION","nation":true})"))
          .ok());
  ASSERT_EQ(gazetteer.entries().size(), 3u);
  EXPECT_TRUE(gazetteer.FindById("norland")->nation);
  EXPECT_FALSE(gazetteer.FindById("quillon")->nation);
  const GazetteerEntry* entry = gazetteer.FindById("quillon-cloud");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->parent, "quillon");
  EXPECT_EQ(entry->origin, "user/names.jsonl:1");
  EXPECT_TRUE(gazetteer.FindById("quillon")->ambiguous);
  ASSERT_NE(gazetteer.FindExact("QC"), nullptr);
  EXPECT_EQ(gazetteer.FindExact("qc"), nullptr);  // exact table keeps case
  ASSERT_NE(gazetteer.FindFolded("quillon cloud"), nullptr);
  EXPECT_EQ(gazetteer.MaxWordsStartingWith("Quillon", false), 2u);
  EXPECT_EQ(gazetteer.MaxWordsStartingWith("quillon", false), 0u);
  EXPECT_EQ(gazetteer.MaxWordsStartingWith("quillon", true), 2u);
}

TEST(GazetteerTest, LoadsSpacyPhraseAndTokenPatterns) {
  Gazetteer gazetteer;
  ASSERT_TRUE(
      gazetteer
          .AddFile(File(R"({"label": "ORG", "pattern": "Acme Rockets", "id": "acme"})"
                        "\n"
                        R"({"label": "ORG", "pattern": "Acme", "id": "acme"})"
                        "\n"
                        R"({"label": "GPE", "pattern": "Port Velmar"})"
                        "\n"
                        R"({"label": "PER", "pattern": [{"LOWER": "ada"}, {"LOWER": "quint"}]})"))
          .ok());
  const GazetteerEntry* acme = gazetteer.FindById("acme");
  ASSERT_NE(acme, nullptr);
  EXPECT_EQ(acme->name, "Acme Rockets");
  EXPECT_EQ(acme->aliases, std::vector<std::string>{"Acme"});
  const GazetteerEntry* port = gazetteer.FindById("port-velmar");
  ASSERT_NE(port, nullptr);
  EXPECT_EQ(port->type, EntityType::kLocation);
  const auto* ada = gazetteer.FindFolded("ada quint");
  ASSERT_NE(ada, nullptr);
  EXPECT_TRUE(ada->front().any_case);
  EXPECT_EQ(gazetteer.entries()[ada->front().entry].type, EntityType::kPerson);
}

TEST(GazetteerTest, RejectsMalformedLinesNamingFileAndLine) {
  const struct {
    std::string contents;
    std::string expected_error;
  } kCases[] = {
      {"{\"id\":\"a\",\"name\":\"A\",\"type\":\"ORG\"}\n{\"id\":\"b\",\"name\":\"B\"}",
       "user/names.jsonl:2: an entity needs string fields \"id\", \"name\" and \"type\""},
      {"{\"id\":\"a\",\"name\":\"A\",\"type\":\"COMPANY\"}",
       "user/names.jsonl:1: unknown type \"COMPANY\"; use ORG, PERSON, PRODUCT or LOCATION"},
      {"{\"id\":\"Big Co\",\"name\":\"Big Co\",\"type\":\"ORG\"}",
       "user/names.jsonl:1: id \"Big Co\" must be lowercase letters, digits and hyphens"},
      {"{\"id\":\"a\",\"name\":\"A\",\"type\":\"ORG\"}\n\n{\"id\":\"a\",\"name\":\"A2\",\"type\":"
       "\"ORG\"}",
       "user/names.jsonl:3: duplicate id \"a\" (first defined at user/names.jsonl:1)"},
      {"{\"label\":\"ORG\",\"pattern\":[{\"SHAPE\":\"Xxxx\"}]}",
       "user/names.jsonl:1: token attribute \"SHAPE\" is not supported; use LOWER, TEXT or ORTH "
       "with a string value, or a phrase pattern"},
      {"{\"label\":\"EVENT\",\"pattern\":\"Expo\"}",
       "user/names.jsonl:1: unsupported label \"EVENT\"; use ORG, PERSON/PER, PRODUCT or GPE/LOC"},
      {"{\"name\":\"A\"}",
       "user/names.jsonl:1: expected an entity {\"id\",\"name\",\"type\",...} or a spaCy pattern "
       "{\"label\",\"pattern\"}"},
      {"{\"id\":\"a\",\"name\":\"A\",\"type\":\"ORG\",\"aliases\":\"AA\"}",
       "user/names.jsonl:1: \"aliases\" must be an array of strings"},
      {"{\"id\":\"a\",\"name\":\"A\",\"type\":\"LOCATION\",\"nation\":\"yes\"}",
       "user/names.jsonl:1: \"nation\" must be true or false"},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.contents);
    Gazetteer gazetteer;
    const Status status = gazetteer.AddFile(File(test.contents));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.message(), test.expected_error);
  }
}

TEST(GazetteerTest, PhraseKeyCollapsesSpacesAndTypographicApostrophes) {
  const struct {
    std::string phrase;
    std::string key;
  } kCases[] = {
      {"  Amazon   Web\tServices ", "Amazon Web Services"},
      {"McDonald\xE2\x80\x99s", "McDonald's"},
      {"AT&T", "AT&T"},
      {"   ", ""},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.phrase);
    EXPECT_EQ(Gazetteer::PhraseKey(test.phrase), test.key);
  }
}

TEST(GazetteerTest, BuiltinGazetteerLoads) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  Gazetteer gazetteer;
  for (const RuleSource* file : rules->OfKind("gazetteer")) {
    ASSERT_TRUE(gazetteer.AddFile(*file).ok()) << file->path;
  }
  EXPECT_GE(gazetteer.entries().size(), 1000u);
}

}  // namespace
}  // namespace newsfacts
