// Table-driven tests of AmountStage: formats, scales, qualifiers, ranges, vague amounts,
// currency evidence, restatements and not-money text.
#include "extractors/amounts/amount_stage.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "extractors/kernel/example_runner.h"
#include "pipeline/segmenter.h"
#include "tests/extractors/amounts/amount_test_util.h"

namespace newsfacts {
namespace {

// One sentence with exactly one amount. nullptr means the field is absent.
struct Case {
  const char* text;
  const char* match;
  const char* value;
  const char* low;
  const char* high;
  const char* currency;
  const char* qualifier;
};

void CheckCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = RunAmounts(c.text);
    ASSERT_EQ(doc.amounts().size(), 1u) << testing::PrintToString(Surfaces(doc));
    const Amount& a = doc.amounts()[0];
    EXPECT_EQ(doc.Text(a.span), c.match);
    EXPECT_EQ(Show(a.value), Show(c.value));
    EXPECT_EQ(Show(a.low), Show(c.low));
    EXPECT_EQ(Show(a.high), Show(c.high));
    EXPECT_EQ(Show(a.currency), Show(c.currency));
    EXPECT_EQ(a.qualifier, c.qualifier);
    EXPECT_EQ(a.vague, std::string_view(c.qualifier) == "vague");
    EXPECT_FALSE(a.restates.has_value());
  }
}

TEST(AmountStageTest, SymbolsAndCodes) {
  CheckCases({
      {"Amazon put $4 billion into the lab.", "$4 billion", "4000000000", "4000000000",
       "4000000000", "USD", "exact"},
      {"It paid $ 75 million for the unit.", "$ 75 million", "75000000", "75000000", "75000000",
       "USD", "exact"},
      {"The buyer paid US$42m in cash.", "US$42m", "42000000", "42000000", "42000000", "USD",
       "exact"},
      {"The port sold for HK$327m last year.", "HK$327m", "327000000", "327000000", "327000000",
       "HKD", "exact"},
      {"The stock ended at C$1.34 today.", "C$1.34", "1.34", "1.34", "1.34", "CAD", "exact"},
      {"The bank lent €3bn to the carrier.", "€3bn", "3000000000", "3000000000", "3000000000",
       "EUR", "exact"},
      {"A rival bid £5bn for the group.", "£5bn", "5000000000", "5000000000", "5000000000", "GBP",
       "exact"},
      {"The studio earned ¥500 million abroad.", "¥500 million", "500000000", "500000000",
       "500000000", "JPY", "exact"},
      {"The contract is worth USD 1.2 million.", "USD 1.2 million", "1200000", "1200000", "1200000",
       "USD", "exact"},
      {"Its sales hit 1.55bn euros in May.", "1.55bn euros", "1550000000", "1550000000",
       "1550000000", "EUR", "exact"},
      {"The city won 10 million euros in aid.", "10 million euros", "10000000", "10000000",
       "10000000", "EUR", "exact"},
      {"The mill was bought for 25 mln dlrs.", "25 mln dlrs", "25000000", "25000000", "25000000",
       "USD", "exact"},
      {"Pre-tax profit was 16.9 MLN STG.", "16.9 MLN STG", "16900000", "16900000", "16900000",
       "GBP", "exact"},
      {"Cazena raises $20M Series B.", "$20M", "20000000", "20000000", "20000000", "USD", "exact"},
      {"The app maker fetched $1.8B.", "$1.8B", "1800000000", "1800000000", "1800000000", "USD",
       "exact"},
      {"The estate sold for $1,250,000 on Monday.", "$1,250,000", "1250000", "1250000", "1250000",
       "USD", "exact"},
      {"Savings reached $.5 billion.", "$.5 billion", "500000000", "500000000", "500000000", "USD",
       "exact"},
      {"A latte costs $2.75 there.", "$2.75", "2.75", "2.75", "2.75", "USD", "exact"},
      {"The state set aside Rs 500 crore for roads.", "Rs 500 crore", "5000000000", "5000000000",
       "5000000000", "INR", "exact"},
      {"The village got 35 lakh rupees.", "35 lakh rupees", "3500000", "3500000", "3500000", "INR",
       "exact"},
      {"The mine raised A$12m from locals.", "A$12m", "12000000", "12000000", "12000000", "AUD",
       "exact"},
      {"A Wellington firm raised NZ$8m.", "NZ$8m", "8000000", "8000000", "8000000", "NZD", "exact"},
      {"The Singapore unit made S$40m.", "S$40m", "40000000", "40000000", "40000000", "SGD",
       "exact"},
      {"The Sao Paulo startup drew R$30 million.", "R$30 million", "30000000", "30000000",
       "30000000", "BRL", "exact"},
      {"The Monterrey plant cost Mex$900 million.", "Mex$900 million", "900000000", "900000000",
       "900000000", "MXN", "exact"},
      {"The filing listed USD34.6 million in fees.", "USD34.6 million", "34600000", "34600000",
       "34600000", "USD", "exact"},
      {"Dividends were EUR1.37 a share.", "EUR1.37", "1.37", "1.37", "1.37", "EUR", "exact"},
      {"The Shanghai arm earned RMB310.4 million.", "RMB310.4 million", "310400000", "310400000",
       "310400000", "CNY", "exact"},
      {"The charge was EUR 0.8 mn.", "EUR 0.8 mn", "800000", "800000", "800000", "EUR", "exact"},
      {"The deal values it at Rs 1,371.6 crore.", "Rs 1,371.6 crore", "13716000000", "13716000000",
       "13716000000", "INR", "exact"},
      {"Net income was $ 37.5million.", "$ 37.5million", "37500000", "37500000", "37500000", "USD",
       "exact"},
      {"The buyout was $12-Billion in total.", "$12-Billion", "12000000000", "12000000000",
       "12000000000", "USD", "exact"},
      {"Revenue was $ 98 M in the quarter.", "$ 98 M", "98000000", "98000000", "98000000", "USD",
       "exact"},
      {"The console sells for 149 euros.", "149 euros", "149", "149", "149", "EUR", "exact"},
      {"The bond pays 500 million USD.", "500 million USD", "500000000", "500000000", "500000000",
       "USD", "exact"},
      {"Seoul approved 2 trillion won in aid.", "2 trillion won", "2000000000000", "2000000000000",
       "2000000000000", "KRW", "exact"},
      {"The court ordered a fine of 100,000 kroner.", "100,000 kroner", "100000", "100000",
       "100000", nullptr, "exact"},
      {"The grant was 40 million yuan.", "40 million yuan", "40000000", "40000000", "40000000",
       "CNY", "exact"},
      {"Its pay rose to 3.2 million Swiss francs.", "3.2 million Swiss francs", "3200000",
       "3200000", "3200000", "CHF", "exact"},
      {"A licence costs ₹999 a year.", "₹999", "999", "999", "999", "INR", "exact"},
      {"The bill came to $0.30 per user.", "$0.30", "0.3", "0.3", "0.3", "USD", "exact"},
      {"The state paid Rs. 26,627 crore.", "Rs. 26,627 crore", "266270000000", "266270000000",
       "266270000000", "INR", "exact"},
      {"A flat in Mumbai costs 1,00,000 rupees a month.", "1,00,000 rupees", "100000", "100000",
       "100000", "INR", "exact"},
      {"Funding hit US$ 48.2 million.", "US$ 48.2 million", "48200000", "48200000", "48200000",
       "USD", "exact"},
      {"A stamp costs 85 pence.", "85 pence", "0.85", "0.85", "0.85", "GBP", "exact"},
      {"Songs cost 79p each.", "79p", "0.79", "0.79", "0.79", "GBP", "exact"},
      {"Calls cost 7.5p a minute.", "7.5p", "0.075", "0.075", "0.075", "GBP", "exact"},
      {"A text costs 10 cents.", "10 cents", "0.1", "0.1", "0.1", "USD", "exact"},
  });
}

TEST(AmountStageTest, ScaleWords) {
  CheckCases({
      {"The round raised $50k from friends.", "$50k", "50000", "50000", "50000", "USD", "exact"},
      {"The round raised $50K from friends.", "$50K", "50000", "50000", "50000", "USD", "exact"},
      {"Seed money was $300 thousand.", "$300 thousand", "300000", "300000", "300000", "USD",
       "exact"},
      {"Sales were $7 million.", "$7 million", "7000000", "7000000", "7000000", "USD", "exact"},
      {"Sales were $7m.", "$7m", "7000000", "7000000", "7000000", "USD", "exact"},
      {"Sales were $7mn.", "$7mn", "7000000", "7000000", "7000000", "USD", "exact"},
      {"Sales were $7 mln.", "$7 mln", "7000000", "7000000", "7000000", "USD", "exact"},
      {"Sales were $7MM.", "$7MM", "7000000", "7000000", "7000000", "USD", "exact"},
      {"The fund holds $3 billion.", "$3 billion", "3000000000", "3000000000", "3000000000", "USD",
       "exact"},
      {"The fund holds $3bn.", "$3bn", "3000000000", "3000000000", "3000000000", "USD", "exact"},
      {"The fund holds $3b.", "$3b", "3000000000", "3000000000", "3000000000", "USD", "exact"},
      {"The fund holds $3 bln.", "$3 bln", "3000000000", "3000000000", "3000000000", "USD",
       "exact"},
      {"The fund holds $3 BN.", "$3 BN", "3000000000", "3000000000", "3000000000", "USD", "exact"},
      {"The firm is worth $2 trillion.", "$2 trillion", "2000000000000", "2000000000000",
       "2000000000000", "USD", "exact"},
      {"The firm is worth $2tn.", "$2tn", "2000000000000", "2000000000000", "2000000000000", "USD",
       "exact"},
      {"The firm is worth $2.5trn.", "$2.5trn", "2500000000000", "2500000000000", "2500000000000",
       "USD", "exact"},
      {"The state spent Rs 7 lakh.", "Rs 7 lakh", "700000", "700000", "700000", "INR", "exact"},
      {"The state spent Rs 2.5 crore.", "Rs 2.5 crore", "25000000", "25000000", "25000000", "INR",
       "exact"},
      {"It bought a stake for $1.234 billion.", "$1.234 billion", "1234000000", "1234000000",
       "1234000000", "USD", "exact"},
      {"Losses were £0.05bn.", "£0.05bn", "50000000", "50000000", "50000000", "GBP", "exact"},
      {"The chip costs $3.", "$3", "3", "3", "3", "USD", "exact"},
      {"Analysts saw £2.10 a share.", "£2.10", "2.1", "2.1", "2.1", "GBP", "exact"},
      {"The bill was $1,000,000.00 exactly.", "$1,000,000.00", "1000000", "1000000", "1000000",
       "USD", "exact"},
      {"The gift was $ 5.0 billion.", "$ 5.0 billion", "5000000000", "5000000000", "5000000000",
       "USD", "exact"},
  });
}

TEST(AmountStageTest, NumberWords) {
  CheckCases({
      {"They spent two billion dollars on it.", "two billion dollars", "2000000000", "2000000000",
       "2000000000", "USD", "exact"},
      {"The prize is a quarter million dollars.", "a quarter million dollars", "250000", "250000",
       "250000", "USD", "exact"},
      {"It cost half a billion dollars.", "half a billion dollars", "500000000", "500000000",
       "500000000", "USD", "exact"},
      {"The club paid twenty-five million euros.", "twenty-five million euros", "25000000",
       "25000000", "25000000", "EUR", "exact"},
      {"The club paid forty million pounds.", "forty million pounds", "40000000", "40000000",
       "40000000", "GBP", "exact"},
      {"Backers gave a million dollars.", "a million dollars", "1000000", "1000000", "1000000",
       "USD", "exact"},
      {"He won three million dollars.", "three million dollars", "3000000", "3000000", "3000000",
       "USD", "exact"},
      {"The town spent Ninety Nine thousand dollars.", "Ninety Nine thousand dollars", "99000",
       "99000", "99000", "USD", "exact"},
      {"The grant is twelve million euros.", "twelve million euros", "12000000", "12000000",
       "12000000", "EUR", "exact"},
      {"They found a dozen million dollars.", "a dozen million dollars", "12000000", "12000000",
       "12000000", "USD", "exact"},
  });
}

TEST(AmountStageTest, Qualifiers) {
  CheckCases({
      {"It raised about $10m.", "about $10m", "10000000", "9000000", "11000000", "USD",
       "approximate"},
      {"It raised around $10m.", "around $10m", "10000000", "9000000", "11000000", "USD",
       "approximate"},
      {"It raised roughly $10m.", "roughly $10m", "10000000", "9000000", "11000000", "USD",
       "approximate"},
      {"It raised some $10m.", "some $10m", "10000000", "9000000", "11000000", "USD",
       "approximate"},
      {"It raised nearly $10m.", "nearly $10m", "10000000", "9000000", "11000000", "USD",
       "approximate"},
      {"It raised almost $10m.", "almost $10m", "10000000", "9000000", "11000000", "USD",
       "approximate"},
      {"It raised approximately $10m.", "approximately $10m", "10000000", "9000000", "11000000",
       "USD", "approximate"},
      {"The film took an estimated £24m.", "an estimated £24m", "24000000", "21600000", "26400000",
       "GBP", "approximate"},
      {"A ticket costs about $2.75.", "about $2.75", "2.75", "2.475", "3.025", "USD",
       "approximate"},
      {"It raised more than $5bn.", "more than $5bn", "5000000000", "5000000000", nullptr, "USD",
       "lower"},
      {"It raised over $5bn.", "over $5bn", "5000000000", "5000000000", nullptr, "USD", "lower"},
      {"It raised above $5bn.", "above $5bn", "5000000000", "5000000000", nullptr, "USD", "lower"},
      {"It raised upwards of $5bn.", "upwards of $5bn", "5000000000", "5000000000", nullptr, "USD",
       "lower"},
      {"It raised at least $5bn.", "at least $5bn", "5000000000", "5000000000", nullptr, "USD",
       "lower"},
      {"It raised in excess of $5bn.", "in excess of $5bn", "5000000000", "5000000000", nullptr,
       "USD", "lower"},
      {"Deals of $25 million or more need a vote.", "$25 million or more", "25000000", "25000000",
       nullptr, "USD", "lower"},
      {"It could invest up to $4bn.", "up to $4bn", "4000000000", "0", "4000000000", "USD",
       "upper"},
      {"It could invest as much as $4bn.", "as much as $4bn", "4000000000", "0", "4000000000",
       "USD", "upper"},
      {"It could invest no more than $4bn.", "no more than $4bn", "4000000000", "0", "4000000000",
       "USD", "upper"},
      {"The loss was less than $0.2 million.", "less than $0.2 million", "200000", "0", "200000",
       "USD", "upper"},
      {"Phones under $100 sold well.", "under $100", "100", "0", "100", "USD", "upper"},
      {"Phones below $100 sold well.", "below $100", "100", "0", "100", "USD", "upper"},
      {"The takeover $5bn bid failed.", "$5bn", "5000000000", "5000000000", "5000000000", "USD",
       "exact"},
      {"The Indian arm spent over Rs 10,000 crore.", "over Rs 10,000 crore", "100000000000",
       "100000000000", nullptr, "INR", "lower"},
      {"Prices drop to as little as £34.", "as little as £34", "34", "34", nullptr, "GBP", "lower"},
  });
}

TEST(AmountStageTest, Ranges) {
  CheckCases({
      {"A deal worth $10-20 billion is likely.", "$10-20 billion", nullptr, "10000000000",
       "20000000000", "USD", "range"},
      {"A deal worth $10–20 billion is likely.", "$10–20 billion", nullptr, "10000000000",
       "20000000000", "USD", "range"},
      {"Bids run $10 billion to $20 billion.", "$10 billion to $20 billion", nullptr, "10000000000",
       "20000000000", "USD", "range"},
      {"The fund is worth between $1m and $2m.", "between $1m and $2m", nullptr, "1000000",
       "2000000", "USD", "range"},
      {"Pay ranges from $1.2 million to $23.5 million.", "$1.2 million to $23.5 million", nullptr,
       "1200000", "23500000", "USD", "range"},
      {"Games cost £30 to £40 each.", "£30 to £40", nullptr, "30", "40", "GBP", "range"},
      {"Prices ranging from £19 to £29 were set.", "£19 to £29", nullptr, "19", "29", "GBP",
       "range"},
      {"The plan costs 5 to 10 billion euros.", "5 to 10 billion euros", nullptr, "5000000000",
       "10000000000", "EUR", "range"},
      {"Fees of $500,000 to $2 million apply.", "$500,000 to $2 million", nullptr, "500000",
       "2000000", "USD", "range"},
      {"Chips sell for $5-$10.", "$5-$10", nullptr, "5", "10", "USD", "range"},
      {"It is worth between €2bn and €3bn.", "between €2bn and €3bn", nullptr, "2000000000",
       "3000000000", "EUR", "range"},
  });
}

TEST(AmountStageTest, VagueMagnitudes) {
  CheckCases({
      {"Rivals spent billions of dollars on chips.", "billions of dollars", nullptr, "1000000000",
       "1000000000000", "USD", "vague"},
      {"They are pouring billions into both labs.", "billions", nullptr, "1000000000",
       "1000000000000", nullptr, "vague"},
      {"The group invested billions in AI.", "billions", nullptr, "1000000000", "1000000000000",
       nullptr, "vague"},
      {"The startup has raised billions in funding.", "billions", nullptr, "1000000000",
       "1000000000000", nullptr, "vague"},
      {"They signed a multi-billion dollar pact.", "multi-billion dollar", nullptr, "2000000000",
       "1000000000000", "USD", "vague"},
      {"It is a multibillion-dollar bet.", "multibillion-dollar", nullptr, "2000000000",
       "1000000000000", "USD", "vague"},
      {"It raised tens of millions in funding.", "tens of millions", nullptr, "10000000",
       "100000000", nullptr, "vague"},
      {"It will cost hundreds of millions of dollars.", "hundreds of millions of dollars", nullptr,
       "100000000", "1000000000", "USD", "vague"},
      {"The fix cost a few million dollars.", "a few million dollars", nullptr, "2000000",
       "10000000", "USD", "vague"},
      {"The fix cost several million pounds.", "several million pounds", nullptr, "2000000",
       "10000000", "GBP", "vague"},
      {"Officials spent millions of euros on it.", "millions of euros", nullptr, "1000000",
       "1000000000", "EUR", "vague"},
      {"It was a multi-million pound scheme.", "multi-million pound", nullptr, "2000000",
       "1000000000", "GBP", "vague"},
      {"Firms spent tens of billions of dollars.", "tens of billions of dollars", nullptr,
       "10000000000", "100000000000", "USD", "vague"},
      {"The company lost millions on the launch.", "millions", nullptr, "1000000", "1000000000",
       nullptr, "vague"},
      {"It brought in hundreds of thousands of pounds.", "hundreds of thousands of pounds", nullptr,
       "100000", "1000000", "GBP", "vague"},
  });
}

TEST(AmountStageTest, CurrencyEvidence) {
  struct EvidenceCase {
    const char* text;
    const char* hint;
    const char* currency;
    const char* evidence;
  };
  const std::vector<EvidenceCase> cases = {
      {"It paid $5m.", "", "USD", "dollar-sign default"},
      {"It paid $5m.", "AUD", "AUD", "article metadata"},
      {"It paid $5m.", "CAD", "CAD", "article metadata"},
      {"It paid US$5m.", "AUD", "USD", "symbol US$"},
      {"It paid C$5m.", "", "CAD", "symbol C$"},
      {"It paid HK$5m.", "", "HKD", "symbol HK$"},
      {"It paid €5m.", "", "EUR", "symbol €"},
      {"It paid £5m.", "", "GBP", "symbol £"},
      {"It paid USD 5m.", "", "USD", "code USD"},
      {"It paid GBP 5m.", "", "GBP", "code GBP"},
      {"It paid 5m euros.", "", "EUR", "name euros"},
      {"It paid 5 mln dlrs.", "", "USD", "name dlrs"},
      {"It paid 5 mln dlrs.", "CAD", "CAD", "article metadata"},
      {"It paid 5 million Canadian dollars.", "", "CAD", "name Canadian dollars"},
      {"It paid 5 MLN STG.", "", "GBP", "name stg"},
      {"It paid Rs 5 crore.", "", "INR", "symbol Rs"},
      {"It paid 5 million yen.", "", "JPY", "name yen"},
      {"It paid ¥5bn.", "", "JPY", "symbol ¥"},
  };
  for (const EvidenceCase& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " hint=" + c.hint);
    Document doc = RunAmounts(c.text, c.hint);
    ASSERT_EQ(doc.amounts().size(), 1u);
    EXPECT_EQ(Show(doc.amounts()[0].currency), c.currency);
    EXPECT_EQ(doc.amounts()[0].currency_evidence, c.evidence);
  }
}

TEST(AmountStageTest, Restatements) {
  struct Expected {
    const char* surface;
    std::optional<size_t> restates;
  };
  struct RestateCase {
    const char* text;
    std::vector<Expected> amounts;
  };
  const std::vector<RestateCase> cases = {
      {"The deal is worth $9.3bn (£5bn).", {{"$9.3bn", std::nullopt}, {"£5bn", 0}}},
      {"They paid 1.55bn euros ($2bn; £1.1bn) for it.",
       {{"1.55bn euros", std::nullopt}, {"$2bn", 0}, {"£1.1bn", 0}}},
      {"It sold for HK$327m (US$42m; £22m).",
       {{"HK$327m", std::nullopt}, {"US$42m", 0}, {"£22m", 0}}},
      {"A grant of 10 million euros (US$13 million) was agreed.",
       {{"10 million euros", std::nullopt}, {"US$13 million", 0}}},
      {"It costs $12 (£6.30) per hour, up from $10 (£5.25).",
       {{"$12", std::nullopt}, {"£6.30", 0}, {"$10", std::nullopt}, {"£5.25", 2}}},
      {"Profit rose to $5m (up from $3m).", {{"$5m", std::nullopt}, {"$3m", std::nullopt}}},
      {"It paid $5m and then $3m.", {{"$5m", std::nullopt}, {"$3m", std::nullopt}}},
      {"The fine was £20 ( $38 ) a month.", {{"£20", std::nullopt}, {"$38", 0}}},
      {"An hour costs $1 (53p) on the grid.", {{"$1", std::nullopt}, {"53p", 0}}},
      {"It costs £399 (£469 with VAT).", {{"£399", std::nullopt}, {"£469", std::nullopt}}},
      {"Revenue was $5m ($4m a year earlier).", {{"$5m", std::nullopt}, {"$4m", std::nullopt}}},
      {"Earners under $30, 000 (£15,000) agreed.", {{"£15,000", std::nullopt}}},
      {"Revenue was RMB 898.7 million (US$ 139.5 million).",
       {{"RMB 898.7 million", std::nullopt}, {"US$ 139.5 million", 0}}},
  };
  for (const RestateCase& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = RunAmounts(c.text);
    ASSERT_EQ(doc.amounts().size(), c.amounts.size()) << testing::PrintToString(Surfaces(doc));
    for (size_t i = 0; i < c.amounts.size(); ++i) {
      EXPECT_EQ(doc.Text(doc.amounts()[i].span), c.amounts[i].surface);
      EXPECT_EQ(doc.amounts()[i].restates, c.amounts[i].restates) << c.amounts[i].surface;
    }
  }
}

TEST(AmountStageTest, RestatementsStayInsideTheirSentence) {
  Document doc = Document::FromRaw(ArticleMeta{}, "It paid $5m. (£4m) was the sterling value.");
  doc.mutable_sentences().push_back({{0, 12}, 0, 0, 0});
  doc.mutable_sentences().push_back({{13, doc.text().size()}, 0, 0, 0});
  ASSERT_TRUE(Builtin().Process(doc).ok());
  ASSERT_EQ(doc.amounts().size(), 2u);
  EXPECT_EQ(doc.amounts()[1].sentence, 1u);
  EXPECT_FALSE(doc.amounts()[1].restates.has_value());
}

TEST(AmountStageTest, NotMoney) {
  const std::vector<const char*> texts = {
      "The app has 4 billion users.",
      "It took a 4% stake in the firm.",
      "Press $ to continue.",
      "The $ sign is missing.",
      "In 2019 the firm moved to Leeds.",
      "Version 2.4.1 ships today.",
      "Upgrade to iOS 17.2 now.",
      "Call 0800 555 0199 for help.",
      "Call +44 20 7946 0958 for help.",
      "It closed its Series B last week.",
      "Shares of $TSLA and $AAPL fell.",
      "The cashtag $MSFT trended.",
      "About 3 million people use it.",
      "Two billion people watched.",
      "The drive holds 2 TB.",
      "The phone weighs 200 g.",
      "The device weighs 2 pounds.",
      "Billions of people use phones.",
      "Millions of users signed up.",
      "Millions in the city lost power.",
      "The multi-million user mark was hit.",
      "A few million fans watched.",
      "He ran 5 miles.",
      "It has 1,000 staff in 12 countries.",
      "The score was 3-2.",
      "Room 101 is on floor 5.",
      "The chip runs at 3.2 GHz.",
      "Revenue grew 15% to a record.",
      "Temperatures fell to minus 5.",
      "He was 35 years old.",
      "They served millions in the region.",
      "The firm has 7m customers.",
      "It sold 1.5bn phones.",
      "Page 4 of 10.",
      "The $ and £ signs differ.",
      "The 2004 model cost less.",
      "Seven in ten buyers agreed.",
      "Its 5G network covers 90%.",
      "The A$ fell against the US$.",
      "The screen shows 1080p video.",
      "It streams 720p and 4K.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Document doc = RunAmounts(text);
    EXPECT_TRUE(doc.amounts().empty()) << testing::PrintToString(Surfaces(doc));
  }
}

TEST(AmountStageTest, FormerBugs) {
  // USD34.6 million must never be read as 6 million (a known failure of another library).
  CheckCases({
      {"Sales were USD34.6 million.", "USD34.6 million", "34600000", "34600000", "34600000", "USD",
       "exact"},
      // A numeral with a broken group separator is not confirmed and is dropped whole.
      {"It paid $1,2345 and later $7.", "$7", "7", "7", "7", "USD", "exact"},
      // "rose from X to Y" is two amounts, not a range.
      {"Costs rose from $5m.", "$5m", "5000000", "5000000", "5000000", "USD", "exact"},
      // A decimal point after the scale is the end of the sentence.
      {"It paid £ 158.1 m.", "£ 158.1 m", "158100000", "158100000", "158100000", "GBP", "exact"},
  });
  Document doc = RunAmounts("Revenue rose from $5m to $10m this year.");
  EXPECT_EQ(Surfaces(doc), (std::vector<std::string>{"$5m", "$10m"}));
  Document reversed = RunAmounts("The estimate is $20bn-10bn.");
  EXPECT_EQ(Surfaces(reversed), (std::vector<std::string>{"$20bn"}));
  Document mixed = RunAmounts("They cost $30 to £40.");
  EXPECT_EQ(Surfaces(mixed), (std::vector<std::string>{"$30", "£40"}));
}

TEST(AmountStageTest, SpansAreExactSortedAndOnBoundaries) {
  const std::string text =
      "Überraschung: die Firma zahlte €3bn.\nThen $5m (£4m) and about ¥9 million followed.\n"
      "Nothing here.";
  Document doc = RunAmounts(text);
  ASSERT_EQ(Surfaces(doc), (std::vector<std::string>{"€3bn", "$5m", "£4m", "about ¥9 million"}));
  for (size_t i = 0; i < doc.amounts().size(); ++i) {
    const Amount& a = doc.amounts()[i];
    EXPECT_LE(a.span.end, doc.text().size());
    const Span& sentence = doc.sentences()[a.sentence].span;
    EXPECT_TRUE(sentence.Contains(a.span));
    if (i > 0) {
      EXPECT_LE(doc.amounts()[i - 1].span.end, a.span.begin);
    }
    EXPECT_FALSE(a.rule.empty());
  }
  EXPECT_EQ(doc.amounts()[0].sentence, 0u);
  EXPECT_EQ(doc.amounts()[3].sentence, 1u);
}

TEST(AmountStageTest, WorksOnSegmenterSentences) {
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  ASSERT_TRUE(segmenter.ok()) << segmenter.status().ToString();
  struct SegmentedCase {
    const char* text;
    std::vector<std::string> surfaces;
  };
  const std::vector<SegmentedCase> cases = {
      {"Dell paid $1.75bn (£900m) for the unit. Analysts had expected $2bn.",
       {"$1.75bn", "£900m", "$2bn"}},
      {"Kestrel Inc. said it would invest up to $4 billion. Mr. Ford agreed.",
       {"up to $4 billion"}},
      // "U.S. $" is one currency prefix (USD whatever the article's currency_hint).
      {"Sales hit U.S. $5m.\nCosts were about €3.2m.", {"U.S. $5m", "about €3.2m"}},
      {"No money here. None at all.", {}},
  };
  for (const SegmentedCase& c : cases) {
    SCOPED_TRACE(c.text);
    Document doc = Document::FromRaw(ArticleMeta{}, c.text);
    ASSERT_TRUE((*segmenter)->Process(doc).ok());
    ASSERT_TRUE(Builtin().Process(doc).ok());
    EXPECT_EQ(Surfaces(doc), c.surfaces);
    for (const Amount& a : doc.amounts()) {
      EXPECT_TRUE(doc.sentences()[a.sentence].span.Contains(a.span));
    }
  }
}

TEST(AmountStageTest, OnlyTextInsideSentencesIsRead) {
  Document doc = Document::FromRaw(ArticleMeta{}, "It paid $5m. Then $7m.");
  doc.mutable_sentences().push_back({{13, 22}, 0, 0, 0});
  ASSERT_TRUE(Builtin().Process(doc).ok());
  EXPECT_EQ(Surfaces(doc), (std::vector<std::string>{"$7m"}));
}

TEST(AmountStageTest, ProcessReplacesPreviousAmounts) {
  Document doc = RunAmounts("It paid $5m.");
  ASSERT_TRUE(Builtin().Process(doc).ok());
  EXPECT_EQ(doc.amounts().size(), 1u);
}

}  // namespace
}  // namespace newsfacts
