// Tests for the rule-file JSON helpers: unknown keys, typed fields, exceptions as errors.
#include "extractors/kernel/rule_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace newsfacts {
namespace {

TEST(RuleJsonTest, CheckKeysNamesTheUnknownKeyAndTheAllowedOnes) {
  const Json rule = Json::parse(R"({"id": "x", "patern": "y"})");
  EXPECT_TRUE(CheckKeys(rule, {"id", "patern"}, "a rule").ok());
  const Status status = CheckKeys(rule, {"id", "pattern"}, "a rule");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "unknown field \"patern\" in a rule (expected id, pattern)");
}

TEST(RuleJsonTest, TypedReads) {
  const Json rule = Json::parse(R"({"s": "v", "n": 3, "list": ["a", "b"], "bad": ["a", 1]})");
  std::string text;
  EXPECT_TRUE(ReadString(rule, "s", &text).ok());
  EXPECT_EQ(text, "v");
  EXPECT_TRUE(ReadString(rule, "absent", &text).ok());
  EXPECT_FALSE(ReadString(rule, "n", &text).ok());
  std::optional<std::string> optional;
  EXPECT_TRUE(ReadOptionalString(rule, "absent", &optional).ok());
  EXPECT_FALSE(optional.has_value());
  std::vector<std::string> words;
  EXPECT_TRUE(ReadStringList(rule, "list", &words).ok());
  EXPECT_EQ(words, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(ReadStringList(rule, "bad", &words).ok());
  EXPECT_FALSE(ReadStringList(rule, "s", &words).ok());
}

TEST(RuleJsonTest, IntegersInRangeAndBooleans) {
  const Json rule = Json::parse(R"({"n": 7, "big": 1e12, "neg": -3, "s": "x", "b": true})");
  int n = 0;
  EXPECT_TRUE(ReadInt(rule, "n", &n).ok());
  EXPECT_EQ(n, 7);
  EXPECT_TRUE(ReadInt(rule, "neg", &n).ok());
  EXPECT_EQ(n, -3);
  EXPECT_FALSE(ReadInt(rule, "big", &n).ok());
  EXPECT_FALSE(ReadInt(rule, "s", &n).ok());
  bool b = false;
  EXPECT_TRUE(ReadBool(rule, "b", &b).ok());
  EXPECT_TRUE(b);
  EXPECT_FALSE(ReadBool(rule, "n", &b).ok());
}

TEST(RuleJsonTest, GuardJsonTurnsTypeErrorsIntoStatus) {
  const Json rule = Json::parse(R"({"type": -1})");
  const Status status = GuardJson("mine.json: rule fz-x", [&] {
    (void)rule.value("type", std::string());
    return Status::Ok();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("mine.json: rule fz-x: "), std::string::npos);
}

}  // namespace
}  // namespace newsfacts
