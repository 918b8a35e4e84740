// Tests for WholeGroupBody: which patterns are one group spanning them all, and where the body
// begins for each kind of group; escaped and classed brackets do not count; GroupEnd; and
// NamedGroupsOf, which numbers groups as RE2 does.
#include "extractors/kernel/pattern_group.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>

namespace newsfacts {
namespace {

TEST(PatternGroupTest, FindsTheBodyOfEachKindOfGroup) {
  EXPECT_EQ(WholeGroupBody("(abc)"), 1u);
  EXPECT_EQ(WholeGroupBody("(?:abc|def)"), 3u);
  EXPECT_EQ(WholeGroupBody("(?i:abc)"), 4u);
  EXPECT_EQ(WholeGroupBody("(?P<buyer>abc)"), 10u);
  EXPECT_EQ(WholeGroupBody("((a)(b))"), 1u);
}

TEST(PatternGroupTest, APatternOfSeveralGroupsOrMoreIsNone) {
  EXPECT_FALSE(WholeGroupBody("(abc)(def)"));
  EXPECT_FALSE(WholeGroupBody("(abc)|(def)"));
  EXPECT_FALSE(WholeGroupBody("abc"));
  EXPECT_FALSE(WholeGroupBody("(abc"));
  EXPECT_FALSE(WholeGroupBody(""));
  EXPECT_FALSE(WholeGroupBody("(?i)"));  // a flag setting, not a group with a body
}

TEST(PatternGroupTest, EscapedAndClassedBracketsDoNotCount) {
  EXPECT_EQ(WholeGroupBody("(a\\)b)"), 1u);
  EXPECT_EQ(WholeGroupBody("([)]x)"), 1u);
  EXPECT_EQ(WholeGroupBody("([^]()]x)"), 1u);
  EXPECT_EQ(WholeGroupBody("([[:alpha:])]x)"), 1u);
  EXPECT_EQ(WholeGroupBody("(\\x{29}x)"), 1u);
  EXPECT_FALSE(WholeGroupBody("(a)\\)"));
}

TEST(PatternGroupTest, GroupEndIsOnePastTheBracketClosingTheGroup) {
  EXPECT_EQ(GroupEnd("x(a(b)c)d", 1), 8u);
  EXPECT_EQ(GroupEnd("x(a(b)c)d", 3), 6u);
  EXPECT_EQ(GroupEnd("(a\\)b)c", 0), 6u);
  EXPECT_EQ(GroupEnd("([)]x)y", 0), 6u);
  EXPECT_EQ(GroupEnd("(ab", 0), std::string_view::npos);
}

TEST(PatternGroupTest, NamedGroupsOfNumbersTheGroupsAsRe2Does) {
  for (const std::string pattern :
       {"(?P<a>x)(y)(?P<b>z)", "(?:x)(?i:(?P<a>y))(?i)(z)(?P<b>w)", "\\((?P<a>x)\\)(?P<b>y)",
        "[(](?P<a>x)[^)(](?P<b>[)]y)", "[]()](?P<a>x)", "\\x{28}(?P<a>x)((?P<b>y)(z))(?P<c>w)",
        "no groups", "(?P<a>x)|(?P<b>y)"}) {
    SCOPED_TRACE(pattern);
    const RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << re.error();
    EXPECT_EQ(NamedGroupsOf(pattern), re.NamedCapturingGroups());
  }
}

}  // namespace
}  // namespace newsfacts
