// Tests for claim rule loading: macro expansion, compiled patterns, loader errors (the first in
// file order, though rules compile on several threads) and prefilter indices.
#include "extractors/claims/claim_rules.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "extractors/kernel/required_atoms.h"
#include "extractors/kernel/rule_prefilter.h"

namespace newsfacts {
namespace {

RuleSources Sources(const std::string& claims_json) {
  RuleSources sources;
  EXPECT_TRUE(
      sources
          .Add("cues.json", R"json({"kind": "claim_cues", "macros": {"LIST_SEP": "(?:, | and )",
                                        "BUY": "(?:bought|acquired)"}})json")
          .ok());
  EXPECT_TRUE(sources.Add("test.json", claims_json).ok());
  return sources;
}

// LoadClaimRules with its rules compiled on two threads, as the standard pipeline does.
StatusOr<std::vector<ClaimRule>> LoadHelped(const RuleSources& sources, const MacroTable& macros,
                                            RulePrefilterBuilder* prefilter = nullptr) {
  SharedLoops loops;
  std::thread helper([&] { loops.Help(); });
  StatusOr<std::vector<ClaimRule>> rules = LoadClaimRules(sources, macros, prefilter, &loops);
  loops.Close();
  helper.join();
  return rules;
}

StatusOr<std::vector<ClaimRule>> Load(const std::string& claims_json) {
  RuleSources sources = Sources(claims_json);
  StatusOr<MacroTable> macros = LoadClaimMacros(sources);
  if (!macros.ok()) return macros.status();
  return LoadClaimRules(sources, *macros);
}

TEST(ClaimRulesTest, LoaderErrorsNameFileRuleAndProblem) {
  struct Case {
    std::string json;
    std::vector<std::string> expected;  // substrings of the error
  };
  const Case cases[] = {
      {R"json({"kind": "claims", "rules": [{"id": "r1", "pattern": "{ORG:subject} x {ORG:object}"}]})json",
       {"test.json", "rule r1", "predicate"}},
      {R"json({"kind": "claims", "rules": [{"id": "r2", "predicate": "acquired", "pattern": "{ORG:subject} ({ORG:object}"}]})json",
       {"rule r2", "does not compile"}},
      {R"json({"kind": "claims", "rules": [{"id": "r3", "predicate": "acquired", "pattern": "{ORG:subject} {BUY} {ORG:target}"}]})json",
       {"rule r3", "target"}},
      {R"json({"kind": "claims", "rules": [{"id": "r4", "predicate": "acquired", "pattern": "{ORG:subject} {SELL} {ORG:object}"}]})json",
       {"rule r4", "SELL", "not defined"}},
      {R"json({"kind": "claims", "rules": [{"id": "r5", "predicate": "acquired", "pattern": "{ORG:subject} {BUY} {ORG:object}"},
                                      {"id": "r5", "predicate": "acquired", "pattern": "{ORG:subject} {BUY} {ORG:object}"}]})json",
       {"rule r5", "duplicate"}},
      {R"json({"kind": "claims", "rules": [{"id": "r6", "predicate": "acquired", "patern": "x"}]})json",
       {"rule r6", "patern"}},
      {R"json({"kind": "claims", "rules": [{"id": "r7", "predicate": "acquired", "pattern": "{ORG:subject} {BUY}"}]})json",
       {"rule r7", "object"}},
      {R"json({"kind": "claims", "rules": [{"id": "r8", "predicate": "acquired", "pattern": "{BUY} {ORG:object}"}]})json",
       {"rule r8", "subject"}},
      {R"json({"kind": "claims", "rules": [{"pattern": "x"}]})json",
       {"test.json", "rule #1", "id"}},
      {R"json({"kind": "claims", "rules": [{"id": "r9", "predicate": "sold", "pattern": "{ORG:subject} sold {ORG:object}",
          "also": [{"predicate": "acquired", "subject": "buyer", "object": "object"}]}]})json",
       {"rule r9", "buyer"}},
      {R"json({"kind": "claims", "rules": [{"id": "r10", "predicate": "acquired", "pattern": "{ORG:subject} {BUY} {ORG:object}",
          "examples": {"match": ["just text"]}}]})json",
       {"rule r10", "match"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.json);
    StatusOr<std::vector<ClaimRule>> rules = Load(c.json);
    ASSERT_FALSE(rules.ok());
    for (const std::string& part : c.expected) {
      EXPECT_NE(rules.status().message().find(part), std::string::npos)
          << rules.status().message() << " lacks " << part;
    }
  }
}

TEST(ClaimRulesTest, ValidRuleLoadsWithExamplesAndDefaults) {
  StatusOr<std::vector<ClaimRule>> rules = Load(R"json({"kind": "claims", "rules": [
      {"id": "buy", "predicate": "acquired", "priority": 7, "pattern": "{ORG:subject} {BUY} {ORG:object}",
       "examples": {"match": [{"text": "A bought B.", "subject": "A", "status": "asserted"}],
                    "no_match": ["A sold B."]}},
      {"id": "raise", "predicate": "raised", "pattern": "{ORG:subject} raised {MONEY:amount}"}]})json");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_EQ(rules->size(), 2u);
  EXPECT_EQ((*rules)[0].priority, 7);
  ASSERT_EQ((*rules)[0].match.size(), 1u);
  EXPECT_EQ((*rules)[0].match[0].subject, "A");
  EXPECT_FALSE((*rules)[0].match[0].object.has_value());
  EXPECT_EQ((*rules)[0].no_match.size(), 1u);
  EXPECT_FALSE((*rules)[0].object_optional);
  EXPECT_TRUE((*rules)[1].object_optional);
}

// A claims file of `count` rules r0, r1, ...: rule i matches "{ORG:subject} word<i>
// {ORG:object}", except that `broken` rules get a pattern RE2 rejects.
std::string NumberedRules(size_t count, const std::set<size_t>& broken = {}) {
  nlohmann::json rules = nlohmann::json::array();
  for (size_t i = 0; i < count; ++i) {
    const std::string word = "word" + std::to_string(i);
    rules.push_back(
        {{"id", "r" + std::to_string(i)},
         {"predicate", "acquired"},
         {"pattern", "{ORG:subject} " + word + (broken.count(i) ? " (" : "") + " {ORG:object}"}});
  }
  return nlohmann::json{{"kind", "claims"}, {"rules", rules}}.dump();
}

// The rules compile on two threads (issue 16); the rules come out in file order,
// rule i as the prefilter's pattern i.
TEST(ClaimRulesTest, ManyRulesLoadInFileOrderWithTheirPrefilterIndices) {
  RuleSources sources = Sources(NumberedRules(60));
  StatusOr<MacroTable> macros = LoadClaimMacros(sources);
  ASSERT_TRUE(macros.ok()) << macros.status().message();
  RulePrefilterBuilder builder;
  StatusOr<std::vector<ClaimRule>> rules = LoadHelped(sources, *macros, &builder);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_EQ(rules->size(), 60u);
  StatusOr<std::unique_ptr<RulePrefilter>> prefilter = builder.Build();
  ASSERT_TRUE(prefilter.ok()) << prefilter.status().message();
  for (size_t i = 0; i < rules->size(); ++i) {
    const std::string word = "word" + std::to_string(i);
    EXPECT_EQ((*rules)[i].id, "r" + std::to_string(i));
    EXPECT_NE((*rules)[i].compiled->regex().pattern().find(word), std::string::npos);
    const std::string sentence = "\u27E8ORG:0\u27E9 " + word + " \u27E8ORG:1\u27E9";
    EXPECT_EQ((*prefilter)->Candidates(sentence), (std::vector<int>{static_cast<int>(i)}));
  }
}

// Whichever thread finishes first, the error reported is that of the first wrong rule in file
// order, as when the rules loaded one by one: a broken pattern before a later broken one, a
// duplicate id or a malformed file after it.
TEST(ClaimRulesTest, TheFirstWrongRuleInFileOrderIsReported) {
  for (const size_t first : {size_t{0}, size_t{7}, size_t{38}}) {
    SCOPED_TRACE(first);
    RuleSources sources = Sources(NumberedRules(40, {first, 39}));
    StatusOr<MacroTable> macros = LoadClaimMacros(sources);
    ASSERT_TRUE(macros.ok()) << macros.status().message();
    StatusOr<std::vector<ClaimRule>> rules = LoadHelped(sources, *macros);
    ASSERT_FALSE(rules.ok());
    EXPECT_NE(rules.status().message().find("rule r" + std::to_string(first) + ":"),
              std::string::npos)
        << rules.status().message();
  }
  nlohmann::json duplicated = nlohmann::json::parse(NumberedRules(40, {20}));
  duplicated["rules"][10]["id"] = "r3";
  RuleSources with_duplicate = Sources(duplicated.dump());
  StatusOr<MacroTable> macros = LoadClaimMacros(with_duplicate);
  ASSERT_TRUE(macros.ok()) << macros.status().message();
  StatusOr<std::vector<ClaimRule>> rules = LoadHelped(with_duplicate, *macros);
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("rule r3: duplicate"), std::string::npos)
      << rules.status().message();

  RuleSources two_files = Sources(NumberedRules(30, {25}));
  ASSERT_TRUE(two_files.Add("later.json", R"json({"kind": "claims", "rulez": []})json").ok());
  rules = LoadHelped(two_files, *macros);
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("rule r25:"), std::string::npos)
      << rules.status().message();
  two_files = Sources(NumberedRules(30));
  ASSERT_TRUE(two_files.Add("later.json", R"json({"kind": "claims", "rulez": []})json").ok());
  rules = LoadHelped(two_files, *macros);
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("later.json"), std::string::npos)
      << rules.status().message();
}

TEST(ClaimRulesTest, MacrosExpandToPlaceholderGroups) {
  MacroTable macros;
  ASSERT_TRUE(macros.Add("m.json", "LIST_SEP", "(?:, | and )").ok());
  ASSERT_TRUE(macros.Add("m.json", "BUY", "bought").ok());
  struct Case {
    std::string pattern;
    std::string text;
    std::vector<std::pair<std::string, std::string>> groups;  // name -> matched text
  };
  const Case cases[] = {
      {"{ORG:subject} {BUY} {ORG:object}",
       "⟨ORG:1⟩ bought ⟨ORG:2⟩",
       {{"subject", "⟨ORG:1⟩"}, {"object", "⟨ORG:2⟩"}}},
      {"{ORG|PERSON:subject} {BUY} {ORG+:object}",
       "⟨PERSON:1⟩ bought ⟨ORG:1⟩, ⟨ORG:2⟩ and ⟨ORG:3⟩",
       {{"subject", "⟨PERSON:1⟩"}, {"object", "⟨ORG:1⟩, ⟨ORG:2⟩ and ⟨ORG:3⟩"}}},
      {"{ENTITY:subject} for {MONEY:amount}",
       "⟨PRODUCT:2⟩ for ⟨MONEY:1⟩",
       {{"subject", "⟨PRODUCT:2⟩"}, {"amount", "⟨MONEY:1⟩"}}},
      {"(?:{ORG:object} by {ORG:subject}|{ORG:subject2} {BUY} {ORG:object2})",
       "⟨ORG:1⟩ bought ⟨ORG:2⟩",
       {{"subject", "⟨ORG:1⟩"}, {"object", "⟨ORG:2⟩"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.pattern);
    StatusOr<std::string> expanded = ExpandClaimPattern(macros, c.pattern);
    ASSERT_TRUE(expanded.ok()) << expanded.status().message();
    StatusOr<std::unique_ptr<CompiledPattern>> compiled =
        CompiledPattern::Compile(*expanded, {.case_sensitive = false});
    ASSERT_TRUE(compiled.ok()) << compiled.status().message();
    std::vector<PatternMatch> matches = (*compiled)->FindAll(c.text);
    ASSERT_EQ(matches.size(), 1u);
    for (const auto& [name, text] : c.groups) {
      const GroupSpan* group = matches[0].Group(name);
      ASSERT_NE(group, nullptr) << name;
      EXPECT_EQ(c.text.substr(group->begin, group->end - group->begin), text);
    }
  }
}

TEST(ClaimRulesTest, AMacroMayNotBeNamedAfterAPlaceholderType) {
  RuleSources sources;
  ASSERT_TRUE(
      sources.Add("b.json", R"({"kind": "claims", "macros": {"ORG": "y"}, "rules": []})").ok());
  StatusOr<MacroTable> macros = LoadClaimMacros(sources);
  ASSERT_FALSE(macros.ok());
  EXPECT_NE(macros.status().message().find("b.json: macro \"ORG\""), std::string::npos)
      << macros.status().message();
}

TEST(ClaimRulesTest, MacroErrors) {
  MacroTable macros;
  ASSERT_TRUE(macros.Add("a.json", "LOOP", "x{LOOP}").ok());
  EXPECT_FALSE(macros.Add("b.json", "LOOP", "y").ok());
  EXPECT_FALSE(macros.Add("b.json", "lower", "y").ok());
  EXPECT_FALSE(ExpandClaimPattern(macros, "{LOOP}").ok());
  EXPECT_FALSE(ExpandClaimPattern(macros, "{UNDEFINED}").ok());
  EXPECT_FALSE(ExpandClaimPattern(macros, "{ORG+:object}").ok()) << "LIST_SEP is undefined here";
  EXPECT_FALSE(ExpandClaimPattern(macros, "{ORG:Bad}").ok());
  StatusOr<std::string> quantifier = ExpandClaimPattern(macros, "a{0,3}b");
  ASSERT_TRUE(quantifier.ok());
  EXPECT_EQ(*quantifier, "a{0,3}b");
}

TEST(ClaimRulesTest, RepeatedMacroGroupsReportUnderOneName) {
  MacroTable macros;
  ASSERT_TRUE(macros.Add("m.json", "PRICE", "for {MONEY:amount}").ok());
  StatusOr<std::string> expanded = ExpandClaimPattern(macros, "(?:a {PRICE}|b {PRICE})");
  ASSERT_TRUE(expanded.ok()) << expanded.status().message();
  StatusOr<std::unique_ptr<CompiledPattern>> compiled =
      CompiledPattern::Compile(*expanded, {.case_sensitive = false});
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  EXPECT_EQ((*compiled)->GroupNames(), std::vector<std::string>{"amount"});
  const std::string text = "b for ⟨MONEY:1⟩";
  std::vector<PatternMatch> matches = (*compiled)->FindAll(text);
  ASSERT_EQ(matches.size(), 1u);
  ASSERT_NE(matches[0].Group("amount"), nullptr);
  EXPECT_EQ(matches[0].Group("amount")->begin, 6u);
}

TEST(ClaimRulesTest, FindAllReturnsEveryNonOverlappingMatch) {
  StatusOr<std::unique_ptr<CompiledPattern>> compiled = CompiledPattern::Compile("a+", {});
  ASSERT_TRUE(compiled.ok());
  std::vector<PatternMatch> matches = (*compiled)->FindAll("aa b aaa A");
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].begin, 0u);
  EXPECT_EQ(matches[1].begin, 5u);
  EXPECT_EQ(matches[1].end, 8u);
}

// The built-in claim rules, loaded on two threads as the standard pipeline loads them.
StatusOr<std::vector<ClaimRule>> LoadBuiltin() {
  StatusOr<RuleSources> sources = RuleSources::Builtin();
  if (!sources.ok()) return sources.status();
  StatusOr<MacroTable> macros = LoadClaimMacros(*sources);
  if (!macros.ok()) return macros.status();
  return LoadHelped(*sources, *macros);
}

// RE2 options under which a pattern is parsed (named groups and all) but no program is built.
RE2::Options ParseOnly() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(2048);
  return options;
}

// A built-in rule's program is built at its first use, which no longer reports errors: each
// must build (a user's rules are built as they load, below).
TEST(ClaimRulesTest, EveryBuiltinRuleBuildsItsProgram) {
  const StatusOr<std::vector<ClaimRule>> rules = LoadBuiltin();
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_GT(rules->size(), 50u);
  for (const ClaimRule& rule : *rules) {
    const Regex& regex = rule.compiled->regex();
    const Status built = regex.Build();
    EXPECT_TRUE(built.ok()) << rule.id << ": " << built.message();
    // Its groups were read from its brackets as it loaded; RE2 numbers them alike.
    EXPECT_EQ(regex.NamedGroups(), RE2(regex.pattern(), ParseOnly()).NamedCapturingGroups())
        << rule.id;
  }
}

// The built-in patterns share their macros' groups, which the prefilter's reading remembers.
TEST(ClaimRulesTest, TheBuiltinPatternsRequireTheSameAtomsReadWithAMemo) {
  const StatusOr<std::vector<ClaimRule>> rules = LoadBuiltin();
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  ASSERT_GT(rules->size(), 50u);
  RequiredAtomsMemo memo;
  for (const ClaimRule& rule : *rules) {
    const std::string& pattern = rule.compiled->regex().pattern();
    EXPECT_EQ(RequiredAtoms(pattern, &memo), RequiredAtoms(pattern)) << rule.id;
  }
}

TEST(ClaimRulesTest, AUserRuleWhoseProgramIsOverBudgetFailsAsItLoads) {
  // Six million instructions, where RE2's budget (kMaxProgramMemory) holds about five; optional,
  // so that the words of the rule are all its prefilter asks for.
  std::string too_large;
  for (int i = 0; i < 6000; ++i) too_large += "x{1000}";
  StatusOr<std::vector<ClaimRule>> rules = Load(
      R"json({"kind": "claims", "rules": [
        {"id": "fine.one", "predicate": "acquired", "pattern": "{ORG:subject} {BUY} {ORG:object}"},
        {"id": "huge.one", "predicate": "acquired",
         "pattern": "{ORG:subject} zorbled {ORG:object}(?:)json" +
      too_large + R"json()?"}]})json");
  ASSERT_FALSE(rules.ok());
  EXPECT_NE(rules.status().message().find("test.json:3: rule huge.one"), std::string::npos)
      << rules.status().message().substr(0, 200);
  EXPECT_NE(rules.status().message().find("pattern too large"), std::string::npos)
      << rules.status().message().substr(0, 200);
}

}  // namespace
}  // namespace newsfacts
