// Sentence boundaries and token kinds of the ICU segmenter, table-driven.
#include "pipeline/segmenter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <thread>

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
      {"Initech Ltd. Chairman Bill Lumbergh agreed.",
       {"Initech Ltd. Chairman Bill Lumbergh agreed."}},
      {"Mr. Smith and Mrs. Jones met Ms. Lee.", {"Mr. Smith and Mrs. Jones met Ms. Lee."}},
      {"Dr. Chen leads the lab.", {"Dr. Chen leads the lab."}},
      {"It ranked No. 3 on the list.", {"It ranked No. 3 on the list."}},
      {"Big clouds, e.g. Azure, grew.", {"Big clouds, e.g. Azure, grew."}},
      {"The rival, i.e. Globex, lost.", {"The rival, i.e. Globex, lost."}},
      {"Profit rose 3.5 percent to 12.75 million.", {"Profit rose 3.5 percent to 12.75 million."}},
      {"Read https://example.com/a.b?x=1 for more.",
       {"Read https://example.com/a.b?x=1 for more."}},
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
      {"\"We won,\" he said. Next came questions.",
       {"\"We won,\" he said.", "Next came questions."}},
      {"He said \"we won.\" Then he left.", {"He said \"we won.\"", "Then he left."}},
      {"It waited... Then it bought.", {"It waited...", "Then it bought."}},
      {"Done (finally). Next.", {"Done (finally).", "Next."}},
      // Lines and paragraphs.
      {"Acme Buys Globex\n\nAcme bought Globex. It paid cash.",
       {"Acme Buys Globex", "Acme bought Globex.", "It paid cash."}},
      {"Headline without period\nBody starts here.",
       {"Headline without period", "Body starts here."}},
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
      // Abbreviations decided by the next word.
      {"Acme signed in Jan. The deal closed later.",
       {"Acme signed in Jan.", "The deal closed later."}},
      {"Offices opened in the U.K. But sales lagged.",
       {"Offices opened in the U.K.", "But sales lagged."}},
      {"Acme bought Globex Corp. Shares rose 4%.", {"Acme bought Globex Corp.", "Shares rose 4%."}},
      {"The U.S. Securities and Exchange Commission agreed.",
       {"The U.S. Securities and Exchange Commission agreed."}},
      {"E.F. Hutton LBO Inc. Chairman Ray Vale bid.",
       {"E.F. Hutton LBO Inc. Chairman Ray Vale bid."}},
      {"Globex Inc. (GLBX) fell.", {"Globex Inc. (GLBX) fell."}},
      {"Gen. Ortiz and Sen. Park met Prof. Hale.", {"Gen. Ortiz and Sen. Park met Prof. Hale."}},
      {"Acme v. Globex went to trial.", {"Acme v. Globex went to trial."}},
      {"Trading opens at 9 a.m. EST daily.", {"Trading opens at 9 a.m. EST daily."}},
      {"Trading opened at 9 a.m. The stock jumped.",
       {"Trading opened at 9 a.m.", "The stock jumped."}},
      {"Acme Corp. 2024 results beat forecasts.", {"Acme Corp. 2024 results beat forecasts."}},
      {"Shares of Vireo S.A. Rose sharply.", {"Shares of Vireo S.A. Rose sharply."}},
      {"Halvor Buys 4.3 Pct. Tarrow Stake", {"Halvor Buys 4.3 Pct. Tarrow Stake"}},
      {"Profit rose 4 pct. The stock fell.", {"Profit rose 4 pct.", "The stock fell."}},
      {"She answered no. The board agreed.", {"She answered no.", "The board agreed."}},
      {"Mary Q. Public founded it.", {"Mary Q. Public founded it."}},
      // Quotes, questions and exclamations.
      {"\"Why now?\" he asked. Nobody answered.", {"\"Why now?\" he asked.", "Nobody answered."}},
      {"\"Buy!\" the analyst wrote. Few did.", {"\"Buy!\" the analyst wrote.", "Few did."}},
      {"She said: \"It is over.\" Then she left.", {"She said: \"It is over.\"", "Then she left."}},
      {"Did Acme pay $4bn? It did.", {"Did Acme pay $4bn?", "It did."}},
      {"It waited... and then it bought.", {"It waited... and then it bought."}},
      {"Sales rose!!! Costs fell?!", {"Sales rose!!!", "Costs fell?!"}},
      // Words ICU does not split, other line separators.
      {"See acme.Example for details.", {"See acme.Example for details."}},
      {"Page one.\fPage two.", {"Page one.", "Page two."}},
      {"Line one\u2028line two\u2029Para two", {"Line one", "line two", "Para two"}},
      {"\n\nWire copy starts late.\n", {"Wire copy starts late."}},
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

TEST(SegmenterTest, EveryLineBreakRunStartsAParagraph) {
  auto stage = SegmenterStage::Create();
  ASSERT_TRUE(stage.ok());
  Document doc =
      Document::FromRaw({}, "\n\nHeadline\n\nOne. Two.\nThree.\r\n\r\nFour.\u2029Five.\n \n\tSix.");
  ASSERT_TRUE((*stage)->Process(doc).ok());
  const std::vector<std::pair<std::string, int>> expected = {
      {"Headline", 0}, {"One.", 1},  {"Two.", 1}, {"Three.", 2},
      {"Four.", 3},    {"Five.", 4}, {"Six.", 5}};
  std::vector<std::pair<std::string, int>> got;
  for (const Sentence& s : doc.sentences()) got.emplace_back(doc.Text(s.span), s.paragraph);
  EXPECT_EQ(got, expected);
}

TEST(SegmenterTest, SentencesOwnTheirTokens) {
  auto stage = SegmenterStage::Create();
  ASSERT_TRUE(stage.ok());
  Document doc = Document::FromRaw({}, "Acme Inc. rose 4%. Globex fell.");
  ASSERT_TRUE((*stage)->Process(doc).ok());
  ASSERT_EQ(doc.sentences().size(), 2u);
  std::vector<std::vector<std::string>> got;
  for (const Sentence& s : doc.sentences()) {
    got.emplace_back();
    for (size_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      got.back().emplace_back(doc.Text(doc.tokens()[t].span));
    }
  }
  const std::vector<std::vector<std::string>> expected = {
      {"Acme", "Inc", ".", "rose", "4", "%", "."}, {"Globex", "fell", "."}};
  EXPECT_EQ(got, expected);
}

// Many stages used from many threads at once give the same answer as one stage on one thread.
TEST(SegmenterTest, ManyStagesAndThreadsAgree) {
  const std::string text = "Acme Inc. bought Globex for $1.75bn. Mr. Lee said so.\n\nNext.";
  std::vector<std::unique_ptr<SegmenterStage>> stages;
  for (int i = 0; i < 12; ++i) {
    auto stage = SegmenterStage::Create();
    ASSERT_TRUE(stage.ok());
    stages.push_back(std::move(*stage));
  }
  Document reference = Document::FromRaw({}, text);
  ASSERT_TRUE(stages[0]->Process(reference).ok());
  ASSERT_EQ(reference.sentences().size(), 3u);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round) {
        Document doc = Document::FromRaw({}, text);
        if (!stages[round % stages.size()]->Process(doc).ok() ||
            doc.tokens().size() != reference.tokens().size() ||
            doc.sentences().size() != reference.sentences().size()) {
          ++mismatches;
          continue;
        }
        for (size_t i = 0; i < doc.sentences().size(); ++i) {
          if (doc.sentences()[i].span != reference.sentences()[i].span) ++mismatches;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

struct TokenCase {
  std::string text;
  std::vector<std::pair<std::string, TokenKind>> tokens;
};

TEST(SegmenterTest, TokenKinds) {
  using K = TokenKind;
  const TokenCase cases[] = {
      {"$1.75bn", {{"$", K::kSymbol}, {"1.75bn", K::kNumber}}},
      {"4% stake", {{"4", K::kNumber}, {"%", K::kSymbol}, {"stake", K::kWord}}},
      {"3.5%", {{"3.5", K::kNumber}, {"%", K::kSymbol}}},
      {"U.S.", {{"U.S", K::kWord}, {".", K::kPunctuation}}},
      {"Johnson & Johnson", {{"Johnson", K::kWord}, {"&", K::kPunctuation}, {"Johnson", K::kWord}}},
      {"£5bn (US$6.3bn)",
       {{"£", K::kSymbol},
        {"5bn", K::kNumber},
        {"(", K::kPunctuation},
        {"US", K::kWord},
        {"$", K::kSymbol},
        {"6.3bn", K::kNumber},
        {")", K::kPunctuation}}},
      {"\u0661\u0662\u0663 \u05e9\u05dc\u05d5\u05dd",
       {{"\u0661\u0662\u0663", K::kNumber}, {"\u05e9\u05dc\u05d5\u05dd", K::kWord}}},
      {"\U0001F44D\U0001F3FD ok", {{"\U0001F44D\U0001F3FD", K::kSymbol}, {"ok", K::kWord}}},
      {"\U0001F468\u200D\U0001F469\u200D\U0001F467",
       {{"\U0001F468\u200D\U0001F469\u200D\U0001F467", K::kSymbol}}},
      {"zero\u200Bwidth", {{"zero", K::kWord}, {"width", K::kWord}}},
      {"non\u00A0breaking", {{"non", K::kWord}, {"breaking", K::kWord}}},
      {"a \u2014 b", {{"a", K::kWord}, {"\u2014", K::kPunctuation}, {"b", K::kWord}}},
      {"€3bn", {{"€", K::kSymbol}, {"3bn", K::kNumber}}},
      {"25 mln dlrs", {{"25", K::kNumber}, {"mln", K::kWord}, {"dlrs", K::kWord}}},
      {"AT&T", {{"AT", K::kWord}, {"&", K::kPunctuation}, {"T", K::kWord}}},
      {"GPT-4o", {{"GPT", K::kWord}, {"-", K::kPunctuation}, {"4o", K::kNumber}}},
      {"Net6 and Printa8", {{"Net6", K::kWord}, {"and", K::kWord}, {"Printa8", K::kWord}}},
      {"M1 and Q3", {{"M1", K::kNumber}, {"and", K::kWord}, {"Q3", K::kNumber}}},
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

// Every ASCII character alone between two words: white space and controls are gaps; "@" is a
// letter to ICU's word rules; "%" and the currency, math and modifier signs are symbols; the
// other signs are punctuation.
TEST(SegmenterTest, EveryAsciiCharacterAloneTakesItsKind) {
  using K = TokenKind;
  const std::string symbols = "$%+<=>^`|~";
  auto stage = SegmenterStage::Create();
  ASSERT_TRUE(stage.ok());
  for (int c = 1; c < 0x80; ++c) {
    SCOPED_TRACE(c);
    const std::string character(1, static_cast<char>(c));
    Document doc = Document::FromRaw({}, "x " + character + " y");
    ASSERT_TRUE((*stage)->Process(doc).ok());
    std::vector<std::pair<std::string, TokenKind>> got;
    for (const Token& t : doc.tokens()) got.emplace_back(std::string(doc.Text(t.span)), t.kind);
    if (c <= 0x20 || c == 0x7F) {
      EXPECT_EQ(got,
                (std::vector<std::pair<std::string, TokenKind>>{{"x", K::kWord}, {"y", K::kWord}}));
      continue;
    }
    const K kind = std::isdigit(c)                                           ? K::kNumber
                   : std::isalpha(c) || c == '@'                             ? K::kWord
                   : symbols.find(static_cast<char>(c)) != std::string::npos ? K::kSymbol
                                                                             : K::kPunctuation;
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[1], std::make_pair(character, kind));
  }
}

}  // namespace
}  // namespace newsfacts
