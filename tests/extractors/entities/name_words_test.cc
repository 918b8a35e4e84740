// Word tests shared by the entity passes: initials, designators, name words.
#include "extractors/entities/name_words.h"

#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

TEST(IsInitialsTest, Table) {
  const struct {
    std::string text;
    bool initials;
  } cases[] = {{"J", true},   {"K.R", true}, {"H.J", true}, {"JR", false},
               {"K.", false}, {"j", false},  {"", false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(IsInitials(c.text), c.initials);
  }
}

class NameWordsTest : public PassTest {};

TEST_F(NameWordsTest, DesignatorEndAndAnchoredNames) {
  const struct {
    std::string text;
    std::string name;  // the designator-anchored name starting at the first word, or ""
  } cases[] = {
      {"Quennel Holding Co Ltd said it grew.", "Quennel Holding Co Ltd"},
      {"Norvane Oil and Gas Plc said it grew.", "Norvane Oil and Gas Plc"},
      {"Harlow & Rowe Inc said it grew.", "Harlow & Rowe Inc"},
      {"Norton co said it grew.", "Norton co"},
      {"Wagner and Brask and Tollund Industries Inc merged.", ""},
      {"Kestrel Freight said it grew.", ""},
  };
  const PassRules rules = Rules();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const WordView view = ViewOf(c.text);
    const NameWords names(rules, view);
    size_t name_end = 0;
    const size_t end = names.AnchoredEnd(0, view.sentences[0], &name_end);
    EXPECT_EQ(end == 0 ? "" : TextOf(view, 0, end), c.name);
  }
}

TEST_F(NameWordsTest, NameWords) {
  const WordView view = ViewOf("The chief executive Ada Quint met Kestrel.");
  const NameWords names(Rules(), view);
  const SentenceWords& sentence = view.sentences[0];
  std::vector<std::string> name_words;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    if (names.IsNameWord(i, sentence)) name_words.emplace_back(view.words[i].text);
  }
  EXPECT_EQ(name_words, (std::vector<std::string>{"Ada", "Quint", "Kestrel"}));
}

TEST_F(NameWordsTest, NameShapeIsTheShapeOfEveryNameWord) {
  const WordView view = ViewOf("Its founder Ada Quint of McVane and IBM paid 5 pounds.");
  const NameWords names(Rules(), view);
  SentenceWords sentence = view.sentences[0];
  std::vector<std::string> shaped;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    if (names.HasNameShape(i, sentence)) shaped.emplace_back(view.words[i].text);
    EXPECT_TRUE(!names.IsNameWord(i, sentence) || names.HasNameShape(i, sentence));
  }
  EXPECT_EQ(shaped, (std::vector<std::string>{"Its", "Ada", "Quint", "McVane", "IBM"}));
  // In an ALL CAPS line a lowercase word may be a name ("tallyhop buys brindle").
  sentence.mode = SentenceMode::kUpper;
  EXPECT_TRUE(names.HasNameShape(sentence.begin + 1, sentence));  // "founder"
  EXPECT_FALSE(names.HasNameShape(sentence.end - 1, sentence));   // "."
}

}  // namespace
}  // namespace newsfacts
