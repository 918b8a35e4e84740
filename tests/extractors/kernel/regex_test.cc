// Tests for Regex, the one RE2 compile path: options, byte-offset groups, errors.
#include "extractors/kernel/regex.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace newsfacts {
namespace {

TEST(RegexTest, FindReportsGroupsAsViewsIntoTheText) {
  StatusOr<std::unique_ptr<Regex>> re = Regex::Compile("(?P<n>[0-9]+)(?P<unit>bn)?", {});
  ASSERT_TRUE(re.ok()) << re.status().message();
  const std::string text = "paid 28 for 7bn";
  std::vector<std::string_view> groups;
  ASSERT_TRUE((*re)->Find(text, 0, text.size(), &groups));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].data() - text.data(), 5);
  EXPECT_EQ(groups[1], "28");
  EXPECT_EQ(groups[2].data(), nullptr) << "a group that took no part";
  ASSERT_TRUE((*re)->Find(text, 8, text.size(), &groups));
  EXPECT_EQ(groups[0], "7bn");
  EXPECT_EQ((*re)->NamedGroups().at("unit"), 2);
  EXPECT_EQ((*re)->GroupCount(), 2);
}

TEST(RegexTest, FindMatchReportsTheWholeMatchThatFindReports) {
  // Leftmost-first, not longest: "a|ab" takes "a" even where "ab" would match too.
  StatusOr<std::unique_ptr<Regex>> re = Regex::Compile("(?P<n>[0-9]+)(?P<unit>bn)?|a|ab", {});
  ASSERT_TRUE(re.ok()) << re.status().message();
  const std::string text = "ab paid 28 for 7bn";
  std::vector<std::string_view> groups;
  for (size_t begin = 0; begin <= text.size(); ++begin) {
    const std::optional<std::string_view> match = (*re)->FindMatch(text, begin, text.size());
    const bool found = (*re)->Find(text, begin, text.size(), &groups);
    ASSERT_EQ(match.has_value(), found) << begin;
    if (found) {
      EXPECT_EQ(match->data(), groups[0].data()) << begin;
      EXPECT_EQ(match->size(), groups[0].size()) << begin;
    }
  }
  EXPECT_EQ((*re)->FindMatch(text, 0, text.size()), "a");
  EXPECT_EQ((*re)->FindMatch(text, 12, text.size()), "7bn");
  EXPECT_EQ((*re)->FindMatch(text, 1, 2), std::nullopt) << "b alone matches no alternative";
  EXPECT_FALSE((*re)->FindMatch(text, 18, text.size()).has_value());
}

TEST(RegexTest, WordBoundariesSeeTheTextAroundTheRange) {
  StatusOr<std::unique_ptr<Regex>> re = Regex::Compile("\\bover\\b", {});
  ASSERT_TRUE(re.ok());
  const std::string text = "takeover";
  EXPECT_FALSE((*re)->Find(text, 4, text.size(), nullptr));
  EXPECT_TRUE((*re)->Contains("hand over"));
}

TEST(RegexTest, CaseOptionAndQuoting) {
  StatusOr<std::unique_ptr<Regex>> folded = Regex::Compile("acquire", {.case_sensitive = false});
  ASSERT_TRUE(folded.ok());
  EXPECT_TRUE((*folded)->Contains("ACQUIRES"));
  EXPECT_FALSE((*folded)->case_sensitive());
  StatusOr<std::unique_ptr<Regex>> quoted = Regex::Compile(Regex::Quote("a.b+"), {});
  ASSERT_TRUE(quoted.ok());
  EXPECT_TRUE((*quoted)->Contains("x a.b+ y"));
  EXPECT_FALSE((*quoted)->Contains("aab"));
}

// `words` distinct lowercase words that no test text holds ("qvxbke", ...), as one alternation.
std::string UnusedWords(int words) {
  std::string alternation;
  uint32_t state = 12345;
  for (int w = 0; w < words; ++w) {
    if (w > 0) alternation += '|';
    alternation += "qv";
    for (int letter = 0; letter < 6; ++letter) {
      state = state * 1103515245u + 12345u;
      alternation += static_cast<char>('a' + (state >> 16) % 26);
    }
  }
  return alternation;
}

TEST(RegexTest, ALargePatternFindsTheGroupsOfTheSamePatternSmall) {
  // Leftmost-first choices of every kind: an optional group, the order of alternatives, a lazy
  // repetition before an optional one, a word boundary at the range's end.
  const std::string core =
      "(?P<who>[A-Z]\\w+)(?: (?P<aux>has|had))? (?:agreed to )?(?P<verb>buys|buy|bought)"
      "(?: (?P<what>\\w+?)(?P<plural>s)?)?\\b";
  // An optional tail no text holds, which makes the program large enough for RE2's NFA alone
  // to find the groups; the matches and groups stay those of the core.
  const std::string tail = "(?:, (?P<unused>" + UnusedWords(2000) + "))?";
  StatusOr<std::unique_ptr<Regex>> small = Regex::Compile(core, {.case_sensitive = false});
  StatusOr<std::unique_ptr<Regex>> large = Regex::Compile(core + tail, {.case_sensitive = false});
  ASSERT_TRUE(small.ok() && large.ok());
  (*small)->PrepareGroupSearch();
  (*large)->PrepareGroupSearch();
  EXPECT_FALSE((*small)->GroupsByNfaAlone());
  ASSERT_TRUE((*large)->GroupsByNfaAlone()) << "the tail should make the pattern large";
  const std::vector<std::string> texts = {
      "Korvex has agreed to buy Brantel chips, and Pellam bought rivals.",
      "Then Quorvane buys boats; Tarrow had bought",
      "no names here buy",
      "Winley buys qvabcdef, Korvex buy",
      "",
  };
  for (const std::string& text : texts) {
    for (size_t begin = 0; begin <= text.size(); ++begin) {
      for (const size_t end : {text.size(), text.size() / 2}) {
        if (end < begin) continue;
        std::vector<std::string_view> want;
        std::vector<std::string_view> got;
        const bool found = (*small)->Find(text, begin, end, &want);
        ASSERT_EQ((*large)->Find(text, begin, end, &got), found) << text << " from " << begin;
        if (!found) continue;
        ASSERT_EQ(got.size(), want.size() + 1);
        for (size_t g = 0; g < want.size(); ++g) {
          EXPECT_EQ(got[g].data(), want[g].data()) << text << " from " << begin << " group " << g;
          EXPECT_EQ(got[g].size(), want[g].size()) << text << " from " << begin << " group " << g;
        }
        EXPECT_EQ(got.back().data(), nullptr) << "the unused tail took no part";
      }
    }
  }
}

TEST(RegexTest, ALargePatternTurnsToTheNfaAfterItsFirstMatches) {
  StatusOr<std::unique_ptr<Regex>> large =
      Regex::Compile("(?P<verb>buys|bought)(?:, (?P<unused>" + UnusedWords(2000) + "))?", {});
  ASSERT_TRUE(large.ok());
  const std::string text = "Korvex buys, Tarrow bought";
  (*large)->PrepareMatchSearch();
  EXPECT_EQ((*large)->FindMatch(text, 0, text.size()), "buys");
  std::vector<std::string_view> groups;
  for (int match = 0; match < Regex::kMatchesBeforeNfaGroups; ++match) {
    EXPECT_FALSE((*large)->GroupsByNfaAlone()) << "after " << match << " matches";
    ASSERT_TRUE((*large)->Find(text, 0, text.size(), &groups));
    EXPECT_EQ(groups[1], "buys");
  }
  EXPECT_FALSE((*large)->Find(text, text.size(), text.size(), &groups)) << "no match to count";
  ASSERT_TRUE((*large)->Find(text, 10, text.size(), &groups));
  EXPECT_EQ(groups[1], "bought");
  EXPECT_TRUE((*large)->GroupsByNfaAlone());
  ASSERT_TRUE((*large)->Find(text, 10, text.size(), &groups));
  EXPECT_EQ(groups[1], "bought") << "found by the NFA alone";
  EXPECT_EQ(groups[2].data(), nullptr);
}

TEST(RegexTest, ACompileErrorCarriesRe2sReasonAndThePattern) {
  StatusOr<std::unique_ptr<Regex>> re = Regex::Compile("(open", {});
  ASSERT_FALSE(re.ok());
  EXPECT_EQ(re.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(re.status().message().find("missing )"), std::string::npos) << re.status().message();
  EXPECT_NE(re.status().message().find("(open"), std::string::npos);
}

TEST(RegexTest, ADeferredPatternIsReadAtItsFirstSearch) {
  const Regex::Options deferred{.case_sensitive = false, .build_now = false};
  StatusOr<std::unique_ptr<Regex>> re = Regex::Compile("([0-9]+) (?P<unit>mln|bln) dlrs", deferred);
  ASSERT_TRUE(re.ok()) << re.status().message();
  EXPECT_EQ((*re)->NamedGroups().at("unit"), 2) << "known before the program is built";
  EXPECT_FALSE((*re)->case_sensitive());
  const std::string text = "paid 25 MLN dlrs";
  std::vector<std::string_view> groups;
  ASSERT_TRUE((*re)->Find(text, 0, text.size(), &groups));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[1], "25");
  EXPECT_EQ(groups[2], "MLN");
  EXPECT_EQ((*re)->GroupCount(), 2);
  EXPECT_TRUE((*re)->Build().ok());

  // Nothing is checked before: the error Compile gives at once comes from the first use.
  StatusOr<std::unique_ptr<Regex>> broken = Regex::Compile("(?P<unit>mln|bln dlrs", deferred);
  ASSERT_TRUE(broken.ok());
  EXPECT_FALSE((*broken)->Contains("5 mln dlrs"));
  const Status built = (*broken)->Build();
  EXPECT_EQ(built.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(built.message().find("missing )"), std::string::npos) << built.message();
  EXPECT_EQ(Regex::Compile("(?P<unit>mln|bln dlrs", {}).status().message(), built.message());
}

TEST(RegexTest, ADeferredProgramOverBudgetFailsItsBuildAndMatchesNothing) {
  std::string too_large = "abc";  // then six million instructions, past kMaxProgramMemory
  for (int i = 0; i < 6000; ++i) too_large += "x{1000}";
  StatusOr<std::unique_ptr<Regex>> re = Regex::Compile(too_large, {.build_now = false});
  ASSERT_TRUE(re.ok()) << "its syntax is right";
  EXPECT_FALSE((*re)->Contains("abc" + std::string(6000000, 'x')));
  const Status built = (*re)->Build();
  EXPECT_EQ(built.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(built.message().find("pattern too large"), std::string::npos)
      << built.message().substr(0, 200);
  EXPECT_EQ((*re)->GroupCount(), 0);
}

}  // namespace
}  // namespace newsfacts
