// The entity word view: words with possessives split off, sentence modes, cased facts.
#include "extractors/entities/word_view.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tests/extractors/entities/pass_test_support.h"
#include "tests/sample_files.h"

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
      {"The Jones\xE2\x80\x99 house.", {"The", "Jones", "'", "house", "."}},
      {"Sales of Kestrel's.", {"Sales", "of", "Kestrel", "'s", "."}},
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

// Every word takes its folded form, form id, hash part and word facts from the one form its
// folded text has, whichever path folded it: short plain ASCII words by their bytes as one
// integer, longer ones, and words with non-ASCII letters or U+2019.
TEST_F(WordViewTest, WordsOfOneFoldedFormShareItsIdPartAndFacts) {
  const WordView view = ViewOf(
      "Apple and APPLE said apple Inc. and Brightwavecorp or BRIGHTWAVECORP met "
      "\xC3\x96rsted and \xC3\xB6rsted. Don\xE2\x80\x99t go, don't Chief Executive Officer.");
  const PassRules rules = Rules();
  std::map<std::string, uint32_t> form_of;
  std::map<uint32_t, std::string> folded_of;
  for (const EntityWord& word : view.words) {
    SCOPED_TRACE(std::string(word.text));
    const std::string folded = FoldCase(word.text);
    EXPECT_EQ(word.folded, folded);
    EXPECT_EQ(word.shape, ShapeOf(word.text));
    EXPECT_EQ(word.folded_poly, KeyHash::PartOf(folded).poly);
    EXPECT_EQ(word.facts, rules.patterns->FactsOf(folded, KeyHash::Of(folded)));
    const auto [form, new_form] = form_of.emplace(folded, word.form);
    EXPECT_EQ(form->second, word.form);
    // Ids count up from 0 in order of first use.
    if (new_form) {
      EXPECT_EQ(word.form, folded_of.size());
    }
    folded_of.emplace(word.form, folded);
    EXPECT_EQ(folded_of[word.form], folded);
  }
  const auto word_named = [&](std::string_view text) -> const EntityWord& {
    for (const EntityWord& word : view.words) {
      if (word.text == text) return word;
    }
    ADD_FAILURE() << "no word " << text;
    return view.words.front();
  };
  EXPECT_EQ(word_named("APPLE").form, word_named("apple").form);
  EXPECT_EQ(word_named("BRIGHTWAVECORP").form, word_named("Brightwavecorp").form);
  EXPECT_EQ(word_named("\xC3\x96rsted").form, word_named("\xC3\xB6rsted").form);
  EXPECT_EQ(word_named("Don't").form, word_named("don't").form);  // written with U+2019
  EXPECT_NE(word_named("Executive").facts, nullptr);              // a role word
}

// The word view's table of short forms is kept by the thread from one document to the next:
// a document's forms are the same after another document as alone (ids from 0, no form of the
// document before).
TEST_F(WordViewTest, FormsOfADocumentDoNotDependOnTheDocumentBefore) {
  const std::string second = "Nora Vik said apple and Apple rose; the firm said so.";
  const auto forms_of = [](const WordView& view) {
    std::vector<std::pair<uint32_t, std::string>> forms;
    for (const EntityWord& word : view.words) forms.emplace_back(word.form, word.folded);
    return forms;
  };
  const auto alone = forms_of(ViewOf(second));
  ViewOf("Said the firm: Nora and Vik and so many other words rose, Apple said, apple fell.");
  EXPECT_EQ(forms_of(ViewOf(second)), alone);
  EXPECT_EQ(alone.front().first, 0u);
}

// The word index answers a short folded form by its key as it answers it by its text.
TEST_F(WordViewTest, WordIndexAnswersShortFormsByKeyAsByText) {
  const EntityPatterns& patterns = *Rules().patterns;
  size_t known = 0;
  for (const std::string word : {"inc", "corp", "the", "of", "and", "chief", "said", "apple", "ltd",
                                 "plc", "mr", "london", "zzqx", "a", "co"}) {
    SCOPED_TRACE(word);
    uint64_t key = 0;
    ASSERT_TRUE(ShortWordIds::KeyOf(word, &key));
    const WordFacts* facts = patterns.FactsOf(word, KeyHash::Of(word));
    EXPECT_EQ(patterns.ShortFactsOf(key), facts);
    known += facts != nullptr ? 1 : 0;
  }
  EXPECT_GE(known, 10u);
}

// Over the files of corpus/samples (the articles and their golden facts), every short word
// finds by its key the facts its text has: the filter before the index's slots
// (EntityPatterns::ShortFactsOf) turns away no indexed word.
TEST_F(WordViewTest, WordIndexAnswersEverySampleWordByKeyAsByText) {
  const EntityPatterns& patterns = *Rules().patterns;
  size_t asked = 0;
  size_t known = 0;
  testing::ForEachSourceFile("corpus/samples", [&](const std::string& bytes) {
    for (const EntityWord& word : ViewOf(bytes).words) {
      uint64_t key = 0;
      if (!ShortWordIds::KeyOf(word.folded, &key)) continue;
      const WordFacts* facts = patterns.FactsOf(word.folded, KeyHash::Of(word.folded));
      EXPECT_EQ(patterns.ShortFactsOf(key), facts) << word.folded;
      ++asked;
      known += facts != nullptr ? 1 : 0;
    }
  });
  EXPECT_GE(asked, 1000u);
  EXPECT_GE(known, asked / 10);
}

}  // namespace
}  // namespace newsfacts
