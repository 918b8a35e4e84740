// The entity word view: words with possessives split off, sentence modes, cased facts.
#include "extractors/entities/word_view.h"

#include "tests/extractors/entities/pass_test_support.h"

namespace newsfacts {
namespace {

class WordViewTest : public PassTest {};

TEST_F(WordViewTest, SplitsPossessiveEndings) {
  const struct {
    std::string text;
    std::vector<std::string> words;
  } cases[] = {
      {"Apple's phone.", {"Apple", "'s", "phone", "."}},
      {"Apple\xE2\x80\x99s phone.", {"Apple", "'s", "phone", "."}},
      {"The Jones' house.", {"The", "Jones", "'", "house", "."}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const WordView view = ViewOf(c.text);
    std::vector<std::string> words;
    for (const EntityWord& word : view.words) words.emplace_back(word.text);
    EXPECT_EQ(words, c.words);
    for (const EntityWord& word : view.words) {
      EXPECT_EQ(word.possessive, word.text == "'s" || word.text == "'") << word.text;
    }
  }
}

TEST_F(WordViewTest, SentenceModes) {
  const WordView view = ViewOf(
      "KESTREL FREIGHT POSTS RECORD PROFIT\n\nMaker Pomely Raises Funds\n\n"
      "The firm said sales rose.\n\nAda Quint Tomas Lindqvist Nora Vik\n");
  ASSERT_EQ(view.sentences.size(), 4u);
  EXPECT_EQ(view.sentences[0].mode, SentenceMode::kUpper);
  EXPECT_EQ(view.sentences[1].mode, SentenceMode::kTitle);
  EXPECT_EQ(view.sentences[2].mode, SentenceMode::kNormal);
  // Title Case after the first prose sentence is a list of names, read as prose.
  EXPECT_EQ(view.sentences[3].mode, SentenceMode::kNormal);
}

TEST_F(WordViewTest, CasedFacts) {
  const WordView view = ViewOf("Orchard sales rose. The orchard grew. Orchard's owner left.");
  ASSERT_EQ(view.words[0].text, "Orchard");
  EXPECT_TRUE(view.HasFact(0, kLowerSeen));
  EXPECT_TRUE(view.HasFact(0, kBareCapitalized));
  EXPECT_FALSE(view.HasFact(1, kLowerSeen));  // "sales": lowercase words have no facts
  EXPECT_TRUE(view.candidates.empty());
  EXPECT_EQ(view.covered, std::vector<bool>(view.words.size(), false));
}

}  // namespace
}  // namespace newsfacts
