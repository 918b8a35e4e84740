// Sentence boundaries and token kinds of the ICU segmenter, table-driven.
#include "pipeline/segmenter.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  auto stage = SegmenterStage::Create();
  EXPECT_TRUE(stage.ok());
  Document doc = Document::FromRaw({}, text);
  EXPECT_TRUE((*stage)->Process(doc).ok());
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences()) out.emplace_back(doc.Text(s.span));
  return out;
}

struct BoundaryCase {
  std::string text;
  std::vector<std::string> sentences;
};

TEST(SegmenterTest, SentenceBoundaries) {
  const BoundaryCase cases[] = {
      // Never split inside these.
      {"Acme paid $1.75bn for the unit.", {"Acme paid $1.75bn for the unit."}},
      {"Sales in the U.S. rose sharply.", {"Sales in the U.S. rose sharply."}},
      {"The U.S. Steel deal closed.", {"The U.S. Steel deal closed."}},
      {"Acme Inc. said profit rose.", {"Acme Inc. said profit rose."}},
      {"Globex Corp. Chief Executive Hank Scorpio spoke.",
       {"Globex Corp. Chief Executive Hank Scorpio spoke."}},
      {"Initech Ltd. Chairman Bill Lumbergh agreed.", {"Initech Ltd. Chairman Bill Lumbergh agreed."}},
      {"Mr. Smith and Mrs. Jones met Ms. Lee.", {"Mr. Smith and Mrs. Jones met Ms. Lee."}},
      {"Dr. Chen leads the lab.", {"Dr. Chen leads the lab."}},
      {"It ranked No. 3 on the list.", {"It ranked No. 3 on the list."}},
      {"Big clouds, e.g. Azure, grew.", {"Big clouds, e.g. Azure, grew."}},
      {"The rival, i.e. Globex, lost.", {"The rival, i.e. Globex, lost."}},
      {"Profit rose 3.5 percent to 12.75 million.", {"Profit rose 3.5 percent to 12.75 million."}},
      {"Read https://example.com/a.b?x=1 for more.", {"Read https://example.com/a.b?x=1 for more."}},
      {"Visit www.example.com/Docs.Page today.", {"Visit www.example.com/Docs.Page today."}},
      {"The fund bought J. P. Morgan shares.", {"The fund bought J. P. Morgan shares."}},
      {"Apple vs. Google is a rivalry.", {"Apple vs. Google is a rivalry."}},
      {"The update shipped in iOS 17.2 last week.", {"The update shipped in iOS 17.2 last week."}},
      {"The deal closed on Jan. 5 after review.", {"The deal closed on Jan. 5 after review."}},
      {"Contact press@example.com for details.", {"Contact press@example.com for details."}},
      {"Prices fell 25 mln dlrs. Shares fell.", {"Prices fell 25 mln dlrs.", "Shares fell."}},
      // True boundaries.
      {"Acme bought Globex Inc. The deal closed in May.",
       {"Acme bought Globex Inc.", "The deal closed in May."}},
      {"It grew in the U.S. The company said so.", {"It grew in the U.S.", "The company said so."}},
      {"Sales rose. Costs fell.", {"Sales rose.", "Costs fell."}},
      {"Will it close? Nobody knows!", {"Will it close?", "Nobody knows!"}},
      {"\"We won,\" he said. Next came questions.", {"\"We won,\" he said.", "Next came questions."}},
      {"He said \"we won.\" Then he left.", {"He said \"we won.\"", "Then he left."}},
      {"It waited... Then it bought.", {"It waited...", "Then it bought."}},
      {"Done (finally). Next.", {"Done (finally).", "Next."}},
      // Lines and paragraphs.
      {"Acme Buys Globex\n\nAcme bought Globex. It paid cash.",
       {"Acme Buys Globex", "Acme bought Globex.", "It paid cash."}},
      {"Headline without period\nBody starts here.", {"Headline without period", "Body starts here."}},
      {"One paragraph.\n\n\nAnother paragraph.", {"One paragraph.", "Another paragraph."}},
      {"Windows line\r\nendings work.\r\n", {"Windows line", "endings work."}},
      {"  Leading and trailing spaces.   ", {"Leading and trailing spaces."}},
      {"- first item\n- second item", {"- first item", "- second item"}},
      {"", {}},
      {"   \n\n\t  ", {}},
      {"Price: $20M. Valuation: $1.8B.", {"Price: $20M.", "Valuation: $1.8B."}},
      {"Acme (NASDAQ: ACME) rose. Globex fell.", {"Acme (NASDAQ: ACME) rose.", "Globex fell."}},
      {"She joined from Globex Co. in 2019.", {"She joined from Globex Co. in 2019."}},
      {"Costs were approx. 5 million.", {"Costs were approx. 5 million."}},
      {"The firm's Ph.D. researchers left.", {"The firm's Ph.D. researchers left."}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Sentences(c.text), c.sentences);
  }
}

TEST(SegmenterTest, ParagraphNumbersCountLineBreakRuns) {
  auto stage = SegmenterStage::Create();
  ASSERT_TRUE(stage.ok());
  Document doc = Document::FromRaw({}, "Headline\n\nFirst para. Still first.\n\nSecond para.");
  ASSERT_TRUE((*stage)->Process(doc).ok());
  ASSERT_EQ(doc.sentences().size(), 4u);
  EXPECT_EQ(doc.sentences()[0].paragraph, 0);
  EXPECT_EQ(doc.sentences()[1].paragraph, 1);
  EXPECT_EQ(doc.sentences()[2].paragraph, 1);
  EXPECT_EQ(doc.sentences()[3].paragraph, 2);
}

struct TokenCase {
  std::string text;
  std::vector<std::pair<std::string, TokenKind>> tokens;
};

TEST(SegmenterTest, TokenKinds) {
  using K = TokenKind;
  const TokenCase cases[] = {
      {"$1.75bn", {{"$", K::kSymbol}, {"1.75bn", K::kNumber}}},
      {"4% stake", {{"4", K::kNumber}, {"%", K::kPunctuation}, {"stake", K::kWord}}},
      {"€3bn", {{"€", K::kSymbol}, {"3bn", K::kNumber}}},
      {"25 mln dlrs", {{"25", K::kNumber}, {"mln", K::kWord}, {"dlrs", K::kWord}}},
      {"AT&T", {{"AT", K::kWord}, {"&", K::kPunctuation}, {"T", K::kWord}}},
      {"GPT-4o", {{"GPT", K::kWord}, {"-", K::kPunctuation}, {"4o", K::kNumber}}},
      {"e-mail", {{"e", K::kWord}, {"-", K::kPunctuation}, {"mail", K::kWord}}},
      {"1,250,000", {{"1,250,000", K::kNumber}}},
      {"Hi 😀!", {{"Hi", K::kWord}, {"😀", K::kSymbol}, {"!", K::kPunctuation}}},
      {"a + b", {{"a", K::kWord}, {"+", K::kSymbol}, {"b", K::kWord}}},
  };
  auto stage = SegmenterStage::Create();
  ASSERT_TRUE(stage.ok());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = Document::FromRaw({}, c.text);
    ASSERT_TRUE((*stage)->Process(doc).ok());
    std::vector<std::pair<std::string, TokenKind>> got;
    for (const Token& t : doc.tokens()) got.emplace_back(std::string(doc.Text(t.span)), t.kind);
    EXPECT_EQ(got, c.tokens);
  }
}

}  // namespace
}  // namespace newsfacts
