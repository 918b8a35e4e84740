// Tests for the shared macro expander: names, nesting, redefinition, stage placeholders.
#include "extractors/kernel/macro_table.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

TEST(MacroTableTest, ExpandsNestedMacrosInNonCapturingGroups) {
  MacroTable macros;
  ASSERT_TRUE(macros.Add("a.json", "DIGIT", "[0-9]").ok());
  ASSERT_TRUE(macros.Add("a.json", "NUM2", "{DIGIT}+").ok());
  StatusOr<std::string> expanded = macros.Expand("x{NUM2}y");
  ASSERT_TRUE(expanded.ok()) << expanded.status().message();
  EXPECT_EQ(*expanded, "x(?:(?:[0-9])+)y");
}

TEST(MacroTableTest, LeavesRepetitionsEscapesAndNonNamesToRe2) {
  MacroTable macros;
  const struct {
    const char* pattern;
    const char* expected;
  } cases[] = {{"a{2,3}", "a{2,3}"}, {"\\{X}", "\\{X}"}, {"{Ab}", "{Ab}"}, {"{", "{"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.pattern);
    StatusOr<std::string> expanded = macros.Expand(c.pattern);
    ASSERT_TRUE(expanded.ok()) << expanded.status().message();
    EXPECT_EQ(*expanded, c.expected);
  }
}

TEST(MacroTableTest, ErrorsNameTheMacro) {
  MacroTable macros;
  ASSERT_TRUE(macros.Add("a.json", "SELF", "x{SELF}").ok());
  EXPECT_TRUE(macros.Add("b.json", "SELF", "x{SELF}").ok()) << "same body twice is fine";
  Status redefined = macros.Add("b.json", "SELF", "y");
  EXPECT_NE(redefined.message().find("b.json: macro SELF is already defined in a.json"),
            std::string::npos)
      << redefined.message();
  EXPECT_FALSE(macros.Add("b.json", "lower", "y").ok());
  EXPECT_FALSE(macros.Add("b.json", "9LIVES", "y").ok());
  StatusOr<std::string> loop = macros.Expand("{SELF}");
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.status().message().find("nest deeper"), std::string::npos);
  StatusOr<std::string> undefined = macros.Expand("{NOPE}");
  ASSERT_FALSE(undefined.ok());
  EXPECT_NE(undefined.status().message().find("macro {NOPE} is not defined"), std::string::npos);
}

TEST(MacroTableTest, SetReplacesAGeneratedMacro) {
  MacroTable macros;
  macros.Set("CUR", "\\$");
  macros.Set("CUR", "€");
  StatusOr<std::string> expanded = macros.Expand("{CUR}");
  ASSERT_TRUE(expanded.ok());
  EXPECT_EQ(*expanded, "(?:€)");
}

TEST(MacroTableTest, PlaceholdersComeFirstAndTheirFragmentsAreExpanded) {
  MacroTable macros;
  ASSERT_TRUE(macros.Add("a.json", "SEP", ", ").ok());
  const MacroTable::Placeholders slots =
      [](std::string_view body) -> StatusOr<std::optional<std::string>> {
    if (body == "SLOT") return std::optional<std::string>("<s>{SEP}<s>");
    if (body == "BAD:x") return Status::InvalidArgument("bad slot");
    return std::optional<std::string>();
  };
  StatusOr<std::string> expanded = macros.Expand("{SLOT}!", slots);
  ASSERT_TRUE(expanded.ok()) << expanded.status().message();
  EXPECT_EQ(*expanded, "<s>(?:, )<s>!");
  EXPECT_FALSE(macros.Expand("{BAD:x}", slots).ok());
}

}  // namespace
}  // namespace newsfacts
