// Windowed extraction of a long article (issue 16): cut into small windows, the made-up
// article gives the same sentences and facts as extracted whole, in article coordinates,
// except the facts that cross windows: its acronyms ("MSS") recur in later paragraphs, where
// the whole article links them to the first long form with those initials.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "extractors/standard_pipeline.h"
#include "tests/extractors/scaling_article.h"

namespace newsfacts {
namespace {

using MentionFact = std::tuple<size_t, size_t, std::string, std::string, size_t>;
using ClaimFact = std::tuple<std::string, std::string, std::string, size_t, size_t, std::string>;

// True for an acronym, whose entity may be a long form in another window.
bool IsAcronym(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::vector<MentionFact> MentionFacts(const Document& doc) {
  std::vector<MentionFact> facts;
  for (const Mention& m : doc.mentions()) {
    if (IsAcronym(doc.Text(m.span))) continue;
    facts.emplace_back(m.span.begin, m.span.end, std::string(EntityTypeName(m.type)),
                       doc.entities()[m.entity].key, m.sentence);
  }
  return facts;
}

std::vector<ClaimFact> ClaimFacts(const Document& doc) {
  std::vector<ClaimFact> facts;
  for (const Claim& c : doc.claims()) {
    facts.emplace_back(c.predicate, std::string(doc.Text(c.subject_span)),
                       std::string(doc.Text(c.object_span)), c.span.begin, c.span.end,
                       c.amount ? std::string(doc.Text(doc.amounts()[*c.amount].span)) : "-");
  }
  return facts;
}

class WindowedExtractionTest : public ::testing::Test {
 protected:
  static constexpr size_t kWindowBytes = 16 << 10;

  void SetUp() override {
    StatusOr<RuleSources> rules = LoadRules({});
    ASSERT_TRUE(rules.ok()) << rules.status().message();
    StatusOr<Pipeline> whole = BuildStandardPipeline(*rules);
    StatusOr<Pipeline> windowed = BuildStandardPipeline(*rules, kWindowBytes);
    ASSERT_TRUE(whole.ok() && windowed.ok());
    const std::string text = testing::Article(200 << 10);
    whole_doc_.emplace(Document::FromRaw({}, text));
    windowed_doc_.emplace(Document::FromRaw({}, text));
    ASSERT_TRUE(whole->Run(*whole_doc_).ok());
    ASSERT_TRUE(windowed->Run(*windowed_doc_).ok());
    windows_ = SplitIntoWindows(text, kWindowBytes);
  }

  std::optional<Document> whole_doc_;
  std::optional<Document> windowed_doc_;
  std::vector<Span> windows_;
};

TEST_F(WindowedExtractionTest, TheArticleIsCutIntoManyWindows) { EXPECT_GT(windows_.size(), 10u); }

TEST_F(WindowedExtractionTest, SentencesAndParagraphsAreThoseOfTheWholeArticle) {
  const std::vector<Sentence>& whole = whole_doc_->sentences();
  const std::vector<Sentence>& windowed = windowed_doc_->sentences();
  ASSERT_EQ(whole.size(), windowed.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(whole[i].span, windowed[i].span) << "sentence " << i;
    EXPECT_EQ(whole[i].paragraph, windowed[i].paragraph) << "sentence " << i;
  }
}

TEST_F(WindowedExtractionTest, NoWindowBoundarySplitsASentence) {
  for (const Sentence& sentence : whole_doc_->sentences()) {
    size_t holding = 0;
    for (const Span& window : windows_) holding += window.Contains(sentence.span) ? 1 : 0;
    EXPECT_EQ(holding, 1u) << whole_doc_->Text(sentence.span);
  }
}

TEST_F(WindowedExtractionTest, FactsAreThoseOfTheWholeArticleInArticleCoordinates) {
  ASSERT_FALSE(whole_doc_->claims().empty());
  EXPECT_EQ(MentionFacts(*whole_doc_), MentionFacts(*windowed_doc_));
  EXPECT_EQ(ClaimFacts(*whole_doc_), ClaimFacts(*windowed_doc_));
  ASSERT_EQ(whole_doc_->amounts().size(), windowed_doc_->amounts().size());
  for (size_t i = 0; i < whole_doc_->amounts().size(); ++i) {
    EXPECT_EQ(whole_doc_->amounts()[i].span, windowed_doc_->amounts()[i].span);
    EXPECT_EQ(whole_doc_->amounts()[i].value, windowed_doc_->amounts()[i].value);
    EXPECT_EQ(whole_doc_->amounts()[i].sentence, windowed_doc_->amounts()[i].sentence);
  }
}

TEST_F(WindowedExtractionTest, EntitiesMeetOnTheirKeysAcrossWindows) {
  std::vector<std::string> whole_keys, windowed_keys;
  for (const Entity& e : whole_doc_->entities()) whole_keys.push_back(e.key);
  for (const Entity& e : windowed_doc_->entities()) windowed_keys.push_back(e.key);
  std::sort(whole_keys.begin(), whole_keys.end());
  std::sort(windowed_keys.begin(), windowed_keys.end());
  EXPECT_EQ(whole_keys, windowed_keys);
}

TEST_F(WindowedExtractionTest, AWindowedArticleKeepsNoTokens) {
  EXPECT_FALSE(whole_doc_->tokens().empty());
  EXPECT_TRUE(windowed_doc_->tokens().empty());
}

}  // namespace
}  // namespace newsfacts
