// Tests of amount rule files: errors name the file, line and rule for every malformed table,
// rule or example (no JSON exception escapes), user files extend the built-in tables, rule
// options such as veto_after work, and failing examples are reported.
#include "extractors/amounts/amount_rules.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <utility>
#include <vector>

#include "extractors/amounts/amount_stage.h"
#include "extractors/kernel/example_runner.h"
#include "pipeline/segmenter.h"
#include "tests/extractors/amounts/amount_test_util.h"

namespace newsfacts {
namespace {

// A minimal rule file with the required settings, for the error tests below.
std::string MinimalRules(const std::string& rules_json) {
  return R"({"kind": "amounts",
    "currencies": [{"surface": "$", "iso": "USD", "type": "symbol", "positions": ["prefix"]}],
    "approximate_bounds": {"low_factor": "0.9", "high_factor": "1.1"},
    "restatement": {"open": ["("], "separators": [";"]},
    "macros": {"NUM": "\\d+"},
    "rules": )" +
         rules_json + "}";
}

// A pattern of six million instructions, past RE2's budget (kMaxProgramMemory): optional, so
// that the prefilter asks for no "x".
std::string OverBudget() {
  std::string pattern = "(?:";
  for (int i = 0; i < 6000; ++i) pattern += "x{1000}";
  return pattern + ")?";
}

TEST(AmountRulesTest, RuleFileErrorsNameFileAndRule) {
  struct ErrorCase {
    std::string contents;
    std::vector<std::string> message_parts;
  };
  const std::vector<ErrorCase> cases = {
      {MinimalRules(R"js([{"id": "bad.macro", "pattern": "{NOPE}(?P<number>{NUM})"}])js"),
       {"custom/money.json", "bad.macro", "macro {NOPE} is not defined"}},
      {MinimalRules(
           R"js([{"id": "bad.group", "pattern": "(?P<cur>{CUR_PREFIX})(?P<number>{NUM})"}])js"),
       {"custom/money.json", "bad.group", "unknown group"}},
      {MinimalRules(R"js([{"id": "bad.re2", "pattern": "(?P<number>{NUM}"}])js"),
       {"custom/money.json", "bad.re2", "does not compile"}},
      {MinimalRules(R"js([{"id": "no.number", "pattern": "(?P<currency>{CUR_PREFIX})"}])js"),
       {"custom/money.json", "no.number", "group number"}},
      {MinimalRules(
           R"js([{"id": "bad.example", "pattern": "(?P<number>{NUM})", "examples": [{"text": "1", "amount": "1"}]}])js"),
       {"custom/money.json", "bad.example", "\"amount\""}},
      {R"({"kind": "amounts", "rules": []})", {"approximate_bounds"}},
      {R"({"kind": "amounts", "currencies": [{"surface": "$", "iso": "USD", "type": "glyph", "positions": ["prefix"]}]})",
       {"custom/money.json", "glyph"}},
      {R"({"kind": "amounts", "scales": [{"word": "million"}]})", {"custom/money.json"}},
      // Former bugs: wrong types threw a JSON exception instead of naming the file.
      {MinimalRules(
           R"js([{"id": "bad.priority", "priority": "high", "pattern": "(?P<number>\\d)"}])js"),
       {"custom/money.json:6: rule bad.priority", "\"priority\"", "integer"}},
      {MinimalRules(R"js([{"id": "bad.pattern", "pattern": ["\\d"]}])js"),
       {"custom/money.json:6: rule bad.pattern", "\"pattern\"", "string"}},
      {MinimalRules(
           R"js([{"id": "bad.not_money", "pattern": "(?P<number>\\d)", "not_money": [3]}])js"),
       {"custom/money.json:6: rule bad.not_money", "not_money"}},
      {MinimalRules(
           R"js([{"id": "bad.examples", "pattern": "(?P<number>\\d)", "examples": [{"text": 1}]}])js"),
       {"custom/money.json:6: rule bad.examples", "\"text\""}},
      {MinimalRules(R"js([{"pattern": "(?P<number>\\d)"}])js"),
       {"custom/money.json", "rule #1", "id"}},
      {MinimalRules(
           R"js([{"id": "twice", "pattern": "(?P<number>\\d)"}, {"id": "twice", "pattern": "(?P<number>\\d)"}])js"),
       {"custom/money.json:6: rule twice", "duplicate"}},
      {MinimalRules(R"js([{"id": "extra.key", "pattern": "(?P<number>\\d)", "veto": "x"}])js"),
       {"custom/money.json:6: rule extra.key", "unknown field \"veto\""}},
      {R"({"kind": "amounts", "currencies": [{"surface": 5, "iso": "USD", "type": "symbol", "positions": ["prefix"]}]})",
       {"custom/money.json: currencies #1", "\"surface\"", "string"}},
      {R"({"kind": "amounts", "currencies": {"surface": "$"}})", {"custom/money.json", "array"}},
      {R"({"kind": "amounts", "currencies": [{"surface": "$", "iso": "USD", "type": "symbol", "positions": "prefix"}]})",
       {"custom/money.json: currency \"$\"", "positions"}},
      {R"({"kind": "amounts", "currencies": [{"surface": "$", "iso": "USD", "type": "symbol", "positions": ["prefix"], "sign": true}]})",
       {"custom/money.json: currency \"$\"", "unknown field \"sign\""}},
      {R"({"kind": "amounts", "scales": [{"word": "million", "power": 1e30}]})",
       {"custom/money.json: scale \"million\"", "integer"}},
      {R"({"kind": "amounts", "scales": [{"word": "million", "power": 99999999999}]})",
       {"custom/money.json: scale \"million\"", "integer"}},
      {R"({"kind": "amounts", "number_words": [{"word": "two", "value": 2}]})",
       {"custom/money.json: number word \"two\"", "decimal string"}},
      {R"({"kind": "amounts", "approximate_bounds": {"low_factor": "0.9"}})",
       {"custom/money.json", "high_factor"}},
      {R"({"kind": "amounts", "restatement": {"open": "(", "separators": [";"]}})",
       {"custom/money.json", "restatement", "open"}},
      {R"({"kind": "amounts", "macros": {"NUM": 5}})", {"custom/money.json", "NUM"}},
      {R"({"kind": "amounts", "currency": []})",
       {"custom/money.json", "unknown field \"currency\""}},
      {R"({"kind": "amounts", "currencies": [{"surface": "bucks", "iso": "USD", "type": "name", "positions": ["suffix"], "any_case": true}]})",
       {"custom/money.json: currency \"bucks\"", "any_case"}},
      {R"({"kind": "amounts", "currencies": [{"surface": "$", "iso": "USD", "type": "symbol", "positions": ["postfix"]}]})",
       {"custom/money.json: currency \"$\"", "postfix", "prefix_spaced"}},
      {MinimalRules(R"js([{"id": "bad.veto", "pattern": "(?P<number>\\d)", "veto_after": "("}])js"),
       {"custom/money.json:6: rule bad.veto", "veto_after"}},
      // A built-in rule's program is built at its first use; a user's as it loads.
      {MinimalRules(R"js([{"id": "huge", "pattern": "(?P<number>\\d))js" + OverBudget() +
                    R"js("}])js"),
       {"custom/money.json:6: rule huge", "pattern too large"}},
      {MinimalRules(R"js([{"id": "bad.minor", "pattern": "(?P<number>\\d)(?P<cents>\\d)"}])js"),
       {"custom/money.json:6: rule bad.minor", "cents"}},
      {R"({"kind": "amounts", "prefilter_patterns": [7]})",
       {"custom/money.json", "prefilter_patterns"}},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.contents);
    RuleSources sources;
    ASSERT_TRUE(sources.Add("custom/money.json", c.contents).ok());
    StatusOr<std::unique_ptr<AmountStage>> stage = AmountStage::Create(sources);
    ASSERT_FALSE(stage.ok());
    EXPECT_EQ(stage.status().code(), StatusCode::kInvalidArgument);
    for (const std::string& part : c.message_parts) {
      EXPECT_NE(stage.status().message().find(part), std::string::npos) << stage.status().message();
    }
  }
}

// RE2 options under which a pattern is parsed (named groups and all) but no program is built.
RE2::Options ParseOnly() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(2048);
  return options;
}

TEST(AmountRulesTest, EveryBuiltinRuleBuildsItsProgram) {
  StatusOr<RuleSources> sources = RuleSources::Builtin();
  ASSERT_TRUE(sources.ok());
  StatusOr<std::unique_ptr<amounts::AmountRuleSet>> set = amounts::CompileAmountRules(*sources);
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_GT((*set)->rules.size(), 10u);
  for (const amounts::AmountRule& rule : (*set)->rules) {
    const Status built = rule.re->Build();
    EXPECT_TRUE(built.ok()) << rule.id << ": " << built.message();
    // Its groups were read from its brackets as it loaded; RE2 numbers them alike.
    EXPECT_EQ(rule.re->NamedGroups(), RE2(rule.re->pattern(), ParseOnly()).NamedCapturingGroups())
        << rule.id;
  }
}

TEST(AmountRulesTest, AnOutOfRangeNumberIsRefusedWithTheFileName) {
  RuleSources sources;
  const Status added = sources.Add(
      "custom/money.json", R"({"kind": "amounts", "scales": [{"word": "m", "power": 1e400}]})");
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(added.message().find("custom/money.json"), std::string::npos) << added.message();
}

TEST(AmountRulesTest, VetoAfterDropsAMatchFollowedByItsPattern) {
  RuleSources sources;
  ASSERT_TRUE(
      sources
          .Add("custom/money.json", MinimalRules(R"js([{"id": "usd", "veto_after": "^ tokens\\b",
                         "pattern": "(?P<currency>{CUR_PREFIX})(?P<number>{NUM})"}])js"))
          .ok());
  StatusOr<std::unique_ptr<AmountStage>> stage = AmountStage::Create(sources);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  for (const auto& [text, found] : std::vector<std::pair<std::string, size_t>>{
           {"Pay $5 now.", 1}, {"Buy $5 tokens now.", 0}, {"Buy $5 tokenss now.", 1}}) {
    SCOPED_TRACE(text);
    Document doc = Document::FromRaw(ArticleMeta{}, text);
    doc.mutable_sentences().push_back({{0, doc.text().size()}, 0, 0, 0});
    ASSERT_TRUE((*stage)->Process(doc).ok());
    EXPECT_EQ(doc.amounts().size(), found);
  }
}

TEST(AmountRulesTest, UserRuleFilesExtendBuiltinTables) {
  StatusOr<RuleSources> sources = RuleSources::Builtin();
  ASSERT_TRUE(sources.ok());
  ASSERT_TRUE(sources
                  ->Add("user/zloty.json",
                        R"({"kind": "amounts", "currencies": [{"surface": "zł", "iso": "PLN",
                            "type": "symbol", "positions": ["suffix_bare"]}]})")
                  .ok());
  StatusOr<std::unique_ptr<AmountStage>> stage = AmountStage::Create(*sources);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  Document doc = Document::FromRaw(ArticleMeta{}, "The shop charged 250 zł for it.");
  doc.mutable_sentences().push_back({{0, doc.text().size()}, 0, 0, 0});
  ASSERT_TRUE((*stage)->Process(doc).ok());
  ASSERT_EQ(doc.amounts().size(), 1u);
  EXPECT_EQ(Show(doc.amounts()[0].currency), "PLN");
  EXPECT_EQ(doc.amounts()[0].value, "250");
}

TEST(AmountRulesTest, FailingExamplesAreReportedWithFileRuleAndText) {
  RuleSources sources;
  ASSERT_TRUE(
      sources
          .Add(
              "custom/money.json",
              MinimalRules(
                  R"js([{"id": "usd.plain", "pattern": "(?P<currency>{CUR_PREFIX})(?P<number>{NUM})",
                         "examples": [{"text": "Pay $5 now.", "match": "$5", "value": "6"}],
                         "not_money": ["Give $7 back."]}])js"))
          .ok());
  StatusOr<std::unique_ptr<AmountStage>> stage = AmountStage::Create(sources);
  ASSERT_TRUE(stage.ok()) << stage.status().ToString();
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  ASSERT_TRUE(segmenter.ok()) << segmenter.status().ToString();
  const std::vector<std::string> failures =
      (*stage)->CheckExamples(ExampleRunner({segmenter->get()}));
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0],
            "custom/money.json: rule usd.plain: example \"Pay $5 now.\": expected value \"6\", "
            "got \"5\"");
  EXPECT_NE(failures[1].find("expected no amount"), std::string::npos) << failures[1];
}

}  // namespace
}  // namespace newsfacts
