// Tests for WholeGroupBody: which patterns are one group spanning them all, and where the body
// begins for each kind of group; escaped and classed brackets do not count.
#include "extractors/kernel/pattern_group.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsfacts
