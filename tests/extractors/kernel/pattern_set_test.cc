// Tests for PatternSet: it names exactly the patterns that match a text, each with its own case
// sensitivity, and reports a set it cannot compile.
#include "extractors/kernel/pattern_set.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace newsfacts {
namespace {

std::unique_ptr<Regex> Compiled(const std::string& pattern, bool case_sensitive) {
  StatusOr<std::unique_ptr<Regex>> re = Regex::Compile(pattern, {.case_sensitive = case_sensitive});
  EXPECT_TRUE(re.ok()) << re.status().message();
  return re.ok() ? std::move(*re) : nullptr;
}

TEST(PatternSetTest, NamesExactlyThePatternsThatMatch) {
  const std::vector<std::unique_ptr<Regex>> owned = [] {
    std::vector<std::unique_ptr<Regex>> list;
    list.push_back(Compiled("\\$[0-9]+", true));
    list.push_back(Compiled("\\bover\\b", true));
    list.push_back(Compiled("Million", false));  // ignores case, as it does alone
    list.push_back(Compiled("^Shares", true));
    return list;
  }();
  std::vector<const Regex*> patterns;
  for (const auto& re : owned) patterns.push_back(re.get());
  StatusOr<std::unique_ptr<PatternSet>> set = PatternSet::Compile(patterns);
  ASSERT_TRUE(set.ok()) << set.status().message();
  const std::vector<std::string> texts = {
      "It paid $40 for over a MILLION units.",     "Shares rose", "a takeover", "", "Million$",
      "The MILLION-dollar question: shares or $5?"};
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    std::vector<int> matching;
    ASSERT_TRUE((*set)->Matching(text, &matching));
    std::vector<int> expected;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (patterns[i]->Contains(text)) expected.push_back(static_cast<int>(i));
    }
    EXPECT_EQ(matching, expected);
  }
  std::vector<int> matching = {7};
  ASSERT_TRUE((*set)->Matching("It paid $40 for over a million units.", &matching));
  EXPECT_EQ(matching, (std::vector<int>{0, 1, 2}));
}

TEST(PatternSetTest, AnEmptySetMatchesNothing) {
  StatusOr<std::unique_ptr<PatternSet>> set = PatternSet::Compile({});
  ASSERT_TRUE(set.ok()) << set.status().message();
  std::vector<int> matching = {1};
  EXPECT_TRUE((*set)->Matching("anything", &matching));
  EXPECT_TRUE(matching.empty());
}

}  // namespace
}  // namespace newsfacts
