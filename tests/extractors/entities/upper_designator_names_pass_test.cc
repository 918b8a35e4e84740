// Entity pass 2a alone: names read backward from designators in ALL CAPS sentences.
#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class UpperDesignatorNamesPassTest : public PassTest {};

TEST_F(UpperDesignatorNamesPassTest, NamesEndAtDesignators) {
  const struct {
    std::string text;
    std::vector<std::string> candidates;
  } cases[] = {
      {"QUELLMARK CORP TO ACQUIRE STRAVEN SOFTWARE INC",
       {"QUELLMARK CORP", "STRAVEN SOFTWARE INC"}},
      {"TARROW HOLDING CO LTD SETS DIVIDEND", {"TARROW HOLDING CO LTD"}},
      {"PROFIT ROSE AT THE UNIT", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    WordView view = ViewOf(c.text);
    ASSERT_EQ(view.sentences[0].mode, SentenceMode::kUpper);
    FindUpperDesignatorNames(Rules(), view, 0);
    EXPECT_EQ(Describe(view), c.candidates);
  }
}

TEST_F(UpperDesignatorNamesPassTest, WordsTheArticleWritesInLowercaseStopTheName) {
  WordView view = ViewOf("GLOBAL STRAVEN INC POSTS PROFIT\n\nSales were global.");
  FindUpperDesignatorNames(Rules(), view, 0);
  EXPECT_EQ(Describe(view), (std::vector<std::string>{"STRAVEN INC"}));
  EXPECT_EQ(TextOf(view, view.candidates[0].begin, view.candidates[0].name_end), "STRAVEN");
}

}  // namespace
}  // namespace newsfacts
