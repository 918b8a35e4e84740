// Table-driven tests of money in every form a reader recognises (issue 13): currency names and
// codes on either side of the number in any case, subunits, compounds, fractions of scale
// words, fused codes, retired and crypto currencies, symbols, spaced prefixes, ranges in
// every spelling, "pounds" that are money only beside other pounds, and the traps that are
// not money.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/extractors/amounts/amount_test_util.h"

namespace newsfacts {
namespace {

// One sentence holding exactly one exact amount; currency nullptr means absent (ambiguous).
struct Form {
  const char* text;
  const char* match;
  const char* value;
  const char* currency;
};

void CheckForms(const std::vector<Form>& forms) {
  for (const Form& form : forms) {
    SCOPED_TRACE(form.text);
    Document doc = RunAmounts(form.text);
    ASSERT_EQ(doc.amounts().size(), 1u) << testing::PrintToString(Surfaces(doc));
    const Amount& a = doc.amounts()[0];
    EXPECT_EQ(doc.Text(a.span), form.match);
    EXPECT_EQ(Show(a.value), Show(form.value));
    EXPECT_EQ(Show(a.low), Show(form.value));
    EXPECT_EQ(Show(a.high), Show(form.value));
    EXPECT_EQ(Show(a.currency), Show(form.currency));
    EXPECT_EQ(a.qualifier, "exact");
  }
}

TEST(AmountFormsTest, NumberAndCurrencyNameWithoutScale) {
  CheckForms({
      {"It paid 5,000 dollars for it.", "5,000 dollars", "5000", "USD"},
      {"Shares closed at 12.50 dollars.", "12.50 dollars", "12.5", "USD"},
      {"They charged a fee of 7 dollars.", "7 dollars", "7", "USD"},
      {"He bought one share for 1 dollar.", "1 dollar", "1", "USD"},
      {"The game costs 60 euros.", "60 euros", "60", "EUR"},
      {"The fee is 300 rupees.", "300 rupees", "300", "INR"},
      {"A ticket cost 9 Swiss francs.", "9 Swiss francs", "9", "CHF"},
      {"The fine was 40,000 zlotys.", "40,000 zlotys", "40000", "PLN"},
      {"Rent is 2,500 shekels.", "2,500 shekels", "2500", "ILS"},
  });
}

TEST(AmountFormsTest, CodesAndNamesInAnyCaseOnEitherSide) {
  CheckForms({
      {"She paid usd 30 for it.", "usd 30", "30", "USD"},
      {"She paid Usd 30 for it.", "Usd 30", "30", "USD"},
      {"The fund lost 65 usd last week.", "65 usd", "65", "USD"},
      {"It raised 12 us dollar from fans.", "12 us dollar", "12", "USD"},
      {"He paid 400 chinese yuan.", "400 chinese yuan", "400", "CNY"},
      {"The price was 60 rmb.", "60 rmb", "60", "CNY"},
      {"The price was rmb 60.", "rmb 60", "60", "CNY"},
      {"The ticket costs 25 turkish lira.", "25 turkish lira", "25", "TRY"},
      {"The ticket costs 25 lira.", "25 lira", "25", nullptr},
      {"The pass costs eur 40.", "eur 40", "40", "EUR"},
      {"The fee is 250 PHP per visit.", "250 PHP", "250", "PHP"},
      {"The rent is PLN 3,000.", "PLN 3,000", "3000", "PLN"},
      {"The group cut its bid to euro300 million.", "euro300 million", "300000000", "EUR"},
      {"The state set aside Rupees 500 crore.", "Rupees 500 crore", "5000000000", "INR"},
  });
}

TEST(AmountFormsTest, CodesWithTheScaleAfterOrFused) {
  CheckForms({
      {"The fund lost 65 USD million last year.", "65 USD million", "65000000", "USD"},
      {"Sales hit 4.2 EUR bn in May.", "4.2 EUR bn", "4200000000", "EUR"},
      {"They saw an increase to 95 MEUR in sales.", "95 MEUR", "95000000", "EUR"},
      {"Revenue reached 12.5 MGBP in May.", "12.5 MGBP", "12500000", "GBP"},
      {"The order is worth 3 MUSD.", "3 MUSD", "3000000", "USD"},
      {"It had revenue of MAUD 45 last year.", "MAUD 45", "45000000", "AUD"},
      {"The budget is MMUSD 12.", "MMUSD 12", "12000000", "USD"},
  });
}

TEST(AmountFormsTest, CompoundsAndFractionsOfScaleWords) {
  CheckForms({
      {"The toy cost twelve dollars and thirty cents.", "twelve dollars and thirty cents", "12.3",
       "USD"},
      {"The pen cost 4 dollars 25 cents.", "4 dollars 25 cents", "4.25", "USD"},
      {"Lunch was 8 dollars and 75.", "8 dollars and 75", "8.75", "USD"},
      {"A pint is 3 pounds 50 pence there.", "3 pounds 50 pence", "3.5", "GBP"},
      {"The toll is 2 euros and 40 cents each way.", "2 euros and 40 cents", "2.4", "EUR"},
      {"It was five pounds fifty pence.", "five pounds fifty pence", "5.5", "GBP"},
      {"The city got half million euros.", "half million euros", "500000", "EUR"},
      {"The school won a quarter million US dollars.", "a quarter million US dollars", "250000",
       "USD"},
      {"The bank lent three quarters billion yen.", "three quarters billion yen", "750000000",
       "JPY"},
      {"The club spent one and a half million pounds.", "one and a half million pounds", "1500000",
       "GBP"},
      {"Lunch cost twelve dollars.", "twelve dollars", "12", "USD"},
  });
}

TEST(AmountFormsTest, SubunitsAreExactFractions) {
  CheckForms({
      {"She paid 34 cents for it.", "34 cents", "0.34", "USD"},
      {"The stamp costs 470 pence.", "470 pence", "4.7", "GBP"},
      {"The board set a 15-cent dividend.", "15-cent", "0.15", "USD"},
      {"A fifteen-cent dividend was paid.", "fifteen-cent", "0.15", "USD"},
      {"The stock fell one penny.", "one penny", "0.01", nullptr},
      {"The shares saw a two-yen rise.", "two-yen", "2", "JPY"},
      {"The fare rose by 30 paise.", "30 paise", "0.3", "INR"},
      {"The ticket costs 50 kopeks.", "50 kopeks", "0.5", "RUB"},
      {"The stamp costs 80 centimes.", "80 centimes", "0.8", nullptr},
      {"A bar costs 45 euro cents.", "45 euro cents", "0.45", "EUR"},
  });
}

TEST(AmountFormsTest, RetiredCurrenciesKeepTheirIsoCodes) {
  CheckForms({
      {"The firm was sold for 310 million finnish markka.", "310 million finnish markka",
       "310000000", "FIM"},
      {"The deal cost 2.4 billion pesetas.", "2.4 billion pesetas", "2400000000", "ESP"},
      {"The stake cost 90 million dutch guilders.", "90 million dutch guilders", "90000000", "NLG"},
      {"It fetched 20 million deutsche marks.", "20 million deutsche marks", "20000000", "DEM"},
      {"Siemens paid DM 5 million in 1990.", "DM 5 million", "5000000", "DEM"},
      {"It cost 10 million French francs.", "10 million French francs", "10000000", "FRF"},
      {"It cost 30 billion Italian lira.", "30 billion Italian lira", "30000000000", "ITL"},
      {"It cost 10 million Belgian francs.", "10 million Belgian francs", "10000000", "BEF"},
      {"It cost 50 million schillings.", "50 million schillings", "50000000", "ATS"},
      {"It cost 3 million escudos.", "3 million escudos", "3000000", "PTE"},
      {"The deal was 2 million Irish punts.", "2 million Irish punts", "2000000", "IEP"},
      {"The plan cost 4 billion drachmas.", "4 billion drachmas", "4000000000", "GRD"},
      {"The fund held FIM 310 million.", "FIM 310 million", "310000000", "FIM"},
  });
}

TEST(AmountFormsTest, CryptoUnitsUseTheirExchangeCodes) {
  CheckForms({
      {"He holds 3,000 bitcoins.", "3,000 bitcoins", "3000", "BTC"},
      {"She sent 3.125 BTC to him.", "3.125 BTC", "3.125", "BTC"},
      {"The fee is 500 satoshis.", "500 satoshis", "0.000005", "BTC"},
      {"The wallet held ₿1,500 in total.", "₿1,500", "1500", "BTC"},
      {"Each token costs 2 ETH now.", "2 ETH", "2", "ETH"},
  });
}

TEST(AmountFormsTest, CurrencySymbols) {
  CheckForms({
      {"The meal cost 250元 in the old town.", "250元", "250", "CNY"},
      {"The fare is 900 ₡ now.", "900 ₡", "900", "CRC"},
      {"A coffee costs 40₾ there.", "40₾", "40", "GEL"},
      {"The room cost 250,000 ₭ a night.", "250,000 ₭", "250000", "LAK"},
      {"The fund raised ₹500 crore.", "₹500 crore", "5000000000", "INR"},
      {"It costs ₩12,000 per month.", "₩12,000", "12000", "KRW"},
      {"The bill was ₽3,500 in total.", "₽3,500", "3500", "RUB"},
      {"The rent is ₺7,000 a month.", "₺7,000", "7000", "TRY"},
      {"The flat costs ₪2.1 million.", "₪2.1 million", "2100000", "ILS"},
      {"The bowl of noodles costs ₫45,000.", "₫45,000", "45000", "VND"},
      {"The levy raised ₦5 billion.", "₦5 billion", "5000000000", "NGN"},
      {"The bus fare is ₱13 now.", "₱13", "13", "PHP"},
      {"The meal cost ฿250 in the old town.", "฿250", "250", "THB"},
  });
}

TEST(AmountFormsTest, SpacedLowerCaseAndFusedDollarPrefixes) {
  CheckForms({
      // Former bug: "c $ 12.2 million" was read as US dollars, a wrong currency stored silently.
      {"The stake is worth c $ 12.2 million.", "c $ 12.2 million", "12200000", "CAD"},
      {"Ottawa set aside C $ 40 million.", "C $ 40 million", "40000000", "CAD"},
      {"The tower sold for hk $ 3.1 billion.", "hk $ 3.1 billion", "3100000000", "HKD"},
      {"The deal is worth us $ 5 million.", "us $ 5 million", "5000000", "USD"},
      {"Advance costs US $200 there.", "US $200", "200", "USD"},
      {"They signed a deal for mxn$ 40 each.", "mxn$ 40", "40", "MXN"},
      {"It costs aud$ 40 each.", "aud$ 40", "40", "AUD"},
      {"It costs cad$ 40 each.", "cad$ 40", "40", "CAD"},
      {"It costs nzd$40 each.", "nzd$40", "40", "NZD"},
      {"It costs NZD$40 each.", "NZD$40", "40", "NZD"},
  });
}

TEST(AmountFormsTest, AmbiguityStaysExplicit) {
  struct Evidence {
    const char* text;
    const char* hint;
    const char* match;
    const char* currency;
    const char* evidence;
  };
  const std::vector<Evidence> cases = {
      // "a $" is the article before a dollar sign, never A$ (AUD).
      {"They signed a $ 5 million contract.", "", "$ 5 million", "USD", "dollar-sign default"},
      {"A $5 million grant was approved.", "", "$5 million", "USD", "dollar-sign default"},
      // A pronoun before a dollar sign is no currency prefix.
      {"It cost us $5 million, she said.", "", "$5 million", "USD", "dollar-sign default"},
      {"It cost us $5 million, she said.", "CAD", "$5 million", "CAD", "article metadata"},
      {"It paid 5,000 dollars for it.", "", "5,000 dollars", "USD", "name dollars"},
      {"It paid 5,000 dollars for it.", "AUD", "5,000 dollars", "AUD", "article metadata"},
      {"The pen cost 4 dollars 25 cents.", "CAD", "4 dollars 25 cents", "CAD", "article metadata"},
      {"The stake is worth c $ 12.2 million.", "AUD", "c $ 12.2 million", "CAD", "symbol c $"},
      {"The vase sold for 20 pounds at auction.", "", "20 pounds", "GBP", "name pounds"},
      {"He was fined 1 pound by the court.", "", "1 pound", "GBP", "name pound"},
  };
  for (const Evidence& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " hint " + c.hint);
    Document doc = RunAmounts(c.text, c.hint);
    ASSERT_EQ(doc.amounts().size(), 1u) << testing::PrintToString(Surfaces(doc));
    EXPECT_EQ(doc.Text(doc.amounts()[0].span), c.match);
    EXPECT_EQ(Show(doc.amounts()[0].currency), Show(c.currency));
    EXPECT_EQ(doc.amounts()[0].currency_evidence, c.evidence);
  }
}

TEST(AmountFormsTest, NotMoneyTraps) {
  const std::vector<const char*> texts = {
      "He lost 20 pounds of weight.",           "The baby weighed 8 pounds at birth.",
      "He bought 20 pounds of flour.",          "The dog gained 5 pounds in winter.",
      "Best Buy cut the price of 40 TVs.",      "The Series B closed last week.",
      "Won 3 titles in a row, the coach said.", "In 2006 won its first title.",
      "The group of 20 won the vote.",          "Try 3 free lessons first.",
      "Prices are given in 2010 dollars.",      "One euro-zone state objected.",
      "The dollar rose against a euro basket.", "Euro 2024 starts in June.",
      "Euro 96 was held in England.",           "Maud 45 was a nurse.",
      "The site runs on PHP 7 and MySQL.",      "Delegates met at COP 26 in Glasgow.",
      "The chip uses a CRC 32 checksum.",       "She took 3 SATs last year.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    Document doc = RunAmounts(text);
    EXPECT_TRUE(doc.amounts().empty()) << testing::PrintToString(Surfaces(doc));
  }
}

TEST(AmountFormsTest, CountsBeforeABillAreNoPartOfTheAmount) {
  // "20 20 dollar bills" is twenty bills of 20 dollars: one amount, 20 USD.
  Document doc = RunAmounts("He paid with 20 20 dollar bills.");
  ASSERT_EQ(doc.amounts().size(), 1u) << testing::PrintToString(Surfaces(doc));
  EXPECT_EQ(doc.Text(doc.amounts()[0].span), "20 dollar");
  EXPECT_EQ(doc.amounts()[0].value, "20");
  // The 1,000 yen note is money.
  doc = RunAmounts("He kept the 1,000 yen note.");
  ASSERT_EQ(doc.amounts().size(), 1u);
  EXPECT_EQ(doc.amounts()[0].value, "1000");
  EXPECT_EQ(doc.amounts()[0].currency, "JPY");
}

// One sentence holding exactly one range.
struct RangeForm {
  const char* text;
  const char* match;
  const char* low;
  const char* high;
  const char* currency;
};

TEST(AmountFormsTest, RangesInEverySpelling) {
  const std::vector<RangeForm> forms = {
      {"Each share may fetch two to three dlrs.", "two to three dlrs", "2", "3", "USD"},
      {"The refit costs five to seven million euros.", "five to seven million euros", "5000000",
       "7000000", "EUR"},
      {"A ride costs twenty-five to thirty dollars.", "twenty-five to thirty dollars", "25", "30",
       "USD"},
      {"The bid is euro200 million to euro300 million.", "euro200 million to euro300 million",
       "200000000", "300000000", "EUR"},
      {"They offered euro 40 million-60 million.", "euro 40 million-60 million", "40000000",
       "60000000", "EUR"},
      {"A seat costs 10-20 euros a night.", "10-20 euros", "10", "20", "EUR"},
      {"A seat costs 10 - 20 euros a night.", "10 - 20 euros", "10", "20", "EUR"},
      {"Each chip sells for 3 to 4 dlrs.", "3 to 4 dlrs", "3", "4", "USD"},
      {"A meal is 900-1,200 yen.", "900-1,200 yen", "900", "1200", "JPY"},
      {"Fares run from 12 dollars to 18 dollars.", "12 dollars to 18 dollars", "12", "18", "USD"},
      {"It fetched 5 million euros to 8 million euros.", "5 million euros to 8 million euros",
       "5000000", "8000000", "EUR"},
      {"Rent is 5 dollars to 2 million dollars.", "5 dollars to 2 million dollars", "5", "2000000",
       "USD"},
      {"Rent is 5 dollars to 9 million dollars.", "5 dollars to 9 million dollars", "5", "9000000",
       "USD"},
      {"Bids run $5 to $10 million.", "$5 to $10 million", "5000000", "10000000", "USD"},
      {"Fees of $500,000 to $2 million apply.", "$500,000 to $2 million", "500000", "2000000",
       "USD"},
      {"Tickets cost between 30 and 45 euros.", "between 30 and 45 euros", "30", "45", "EUR"},
      {"It may fetch between 4 and 6 million pounds.", "between 4 and 6 million pounds", "4000000",
       "6000000", "GBP"},
  };
  for (const RangeForm& form : forms) {
    SCOPED_TRACE(form.text);
    Document doc = RunAmounts(form.text);
    ASSERT_EQ(doc.amounts().size(), 1u) << testing::PrintToString(Surfaces(doc));
    const Amount& a = doc.amounts()[0];
    EXPECT_EQ(doc.Text(a.span), form.match);
    EXPECT_EQ(a.qualifier, "range");
    EXPECT_FALSE(a.value.has_value());
    EXPECT_EQ(Show(a.low), Show(form.low));
    EXPECT_EQ(Show(a.high), Show(form.high));
    EXPECT_EQ(Show(a.currency), Show(form.currency));
  }
}

TEST(AmountFormsTest, WhatLooksLikeARangeButIsNone) {
  // A change "from X to Y" is two amounts; two currencies, or a minor unit against a major
  // one, make no range; years are no range ends.
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {"The fare rose from 10 to 12 euros.", {"12 euros"}},
      {"The price fell from three to two dollars.", {"two dollars"}},
      {"The price rose from two to three dollars.", {"three dollars"}},
      {"It cost 5 dollars to 9 euros.", {"5 dollars", "9 euros"}},
      {"It cost 5 dollars to 90 cents.", {"5 dollars", "90 cents"}},
      {"The estimate is 20-10 euros.", {"10 euros"}},
      {"Prices are in 2010-2015 dollars.", {}},
      {"Two to three million people watched.", {}},
      // A year before "to" is no range end; a hyphen inside a number word joins it.
      {"Licence income rose from 3 mln dlrs in 1985 to 11 mln dlrs in 1990.",
       {"3 mln dlrs", "11 mln dlrs"}},
      {"The club paid twenty-five million euros.", {"twenty-five million euros"}},
  };
  for (const auto& [text, surfaces] : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Surfaces(RunAmounts(text)), surfaces);
  }
}

TEST(AmountFormsTest, PoundsAreMoneyBesideOtherPounds) {
  // Without a price cue, "20 pounds" is money when the article has other money in sterling or
  // its metadata says GBP, and never when the words beside it speak of weight.
  Document doc = RunAmounts("Tickets were £15 last year.\nThey are 20 pounds now.");
  ASSERT_EQ(Surfaces(doc), (std::vector<std::string>{"£15", "20 pounds"}));
  EXPECT_EQ(doc.amounts()[1].currency, "GBP");
  EXPECT_EQ(doc.amounts()[1].value, "20");
  EXPECT_EQ(doc.amounts()[1].rule, "money.suffix_in_context");

  doc = RunAmounts("Rent was £90 a week.\nNow it is 120 pounds per week.");
  EXPECT_EQ(Surfaces(doc), (std::vector<std::string>{"£90", "120 pounds"}));

  doc = RunAmounts("They are 20 pounds now.", "GBP");
  EXPECT_EQ(Surfaces(doc), (std::vector<std::string>{"20 pounds"}));

  // No sterling elsewhere: a weight, or at best unclear.
  EXPECT_EQ(Surfaces(RunAmounts("They are 20 pounds now.")), std::vector<std::string>{});
  // Dollars are no context for pounds.
  EXPECT_EQ(Surfaces(RunAmounts("It cost $15.\nThe parcel is 20 pounds.")),
            (std::vector<std::string>{"$15"}));
  for (const char* weight :
       {"He weighed 20 pounds.", "She lost 20 pounds last year.", "He bought 20 pounds of flour.",
        "It is 20 pounds heavier.", "The bag holds 20 pounds.", "It gained about 4 pounds.",
        "The tyre takes 35 pounds per square inch."}) {
    SCOPED_TRACE(weight);
    Document in_sterling = RunAmounts(std::string("A ticket is £15.\n") + weight);
    EXPECT_EQ(Surfaces(in_sterling), (std::vector<std::string>{"£15"}));
  }
}

TEST(AmountFormsTest, RestatementLinksSurviveADroppedPound) {
  // The weight is dropped; the conversion after it still points at its own amount.
  Document doc = RunAmounts("The parcel is 20 pounds.\nIt cost $10 (€9).");
  ASSERT_EQ(Surfaces(doc), (std::vector<std::string>{"$10", "€9"}));
  EXPECT_EQ(doc.amounts()[1].restates, 0u);
}

TEST(AmountFormsTest, SpacedADollarIsTheArticleNotAud) {
  // "a $ 5 million" is "a" + "$ 5 million": the dollar-sign default (or the article's hint),
  // never A$ (AUD) the way "c $" is C$.
  for (const char* text : {"They signed a $ 5 million contract.", "It is a $5 million grant.",
                           "A $ 5 million grant was approved."}) {
    SCOPED_TRACE(text);
    Document doc = RunAmounts(text);
    ASSERT_EQ(doc.amounts().size(), 1u) << testing::PrintToString(Surfaces(doc));
    EXPECT_EQ(doc.Text(doc.amounts()[0].span).substr(0, 1), "$");
    EXPECT_EQ(doc.amounts()[0].currency, "USD");
    EXPECT_EQ(doc.amounts()[0].currency_evidence, "dollar-sign default");
    doc = RunAmounts(text, "AUD");
    ASSERT_EQ(doc.amounts().size(), 1u);
    EXPECT_EQ(doc.amounts()[0].currency, "AUD");
    EXPECT_EQ(doc.amounts()[0].currency_evidence, "article metadata");
  }
}

TEST(AmountFormsTest, WireCopyForms) {
  // Spelled numbers before abbreviated scale words, hyphenated scale-currency compounds,
  // "cts", "crowns", other dollars in wire spelling, and runs of spaces before a subunit.
  CheckForms({
      {"The unit sold for seven mln dlrs.", "seven mln dlrs", "7000000", "USD"},
      {"The insurer lost nine mln guilders.", "nine mln guilders", "9000000", "NLG"},
      {"The stake went for two mln stg.", "two mln stg", "2000000", "GBP"},
      {"A one bln dlr note was issued.", "one bln dlr", "1000000000", "USD"},
      {"They won a 40-million-dollar contract.", "40-million-dollar", "40000000", "USD"},
      {"It led a 2.6 billion-euro buyout.", "2.6 billion-euro", "2600000000", "EUR"},
      {"The bank lent 1.3 billion Brunei dlrs.", "1.3 billion Brunei dlrs", "1300000000", "BND"},
      {"The port cost 80 mln Hong Kong dlrs.", "80 mln Hong Kong dlrs", "80000000", "HKD"},
      {"Its loans reached 155 mln crowns.", "155 mln crowns", "155000000", nullptr},
      {"The B shares closed at 16.50 crowns.", "16.50 crowns", "16.5", nullptr},
      {"The shares were placed at 90 cts each.", "90 cts", "0.9", "USD"},
      {"Crude rose 36  cents on Monday.", "36  cents", "0.36", "USD"},
  });
  Document doc = RunAmounts("The vase may fetch up to 15,000 pounds.");
  ASSERT_EQ(Surfaces(doc), (std::vector<std::string>{"up to 15,000 pounds"}));
  EXPECT_EQ(doc.amounts()[0].currency, "GBP");
  EXPECT_EQ(doc.amounts()[0].high, "15000");
  // Not money: a gorilla's weight, a crown won in sport without a number, "8 p.m.".
  for (const char* text : {"It faced an 800-pound gorilla.", "She won the triple crown.",
                           "The shop shuts at 8 p.m. daily."}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Surfaces(RunAmounts(text)), std::vector<std::string>{});
  }
}

TEST(AmountFormsTest, AFewHundred) {
  Document doc = RunAmounts("The device could cost a few hundred dollars.");
  ASSERT_EQ(doc.amounts().size(), 1u) << testing::PrintToString(Surfaces(doc));
  EXPECT_EQ(doc.amounts()[0].low, "200");
  EXPECT_EQ(doc.amounts()[0].high, "1000");
  EXPECT_TRUE(doc.amounts()[0].vague);
  doc = RunAmounts("The plant cost several hundred million dollars.");
  ASSERT_EQ(Surfaces(doc), (std::vector<std::string>{"several hundred million dollars"}));
  EXPECT_EQ(doc.amounts()[0].low, "200000000");
}

TEST(AmountFormsTest, InformalNamesAndMoreSymbols) {
  CheckForms({
      {"The cable costs 20 bucks online.", "20 bucks", "20", "USD"},
      {"He sold the old bike for 50 quid.", "50 quid", "50", "GBP"},
      {"The lunch cost 120 kr in Oslo.", "120 kr", "120", nullptr},
      {"The beer was 45 Kč in Brno.", "45 Kč", "45", "CZK"},
      {"The noodles cost 800円 near the station.", "800円", "800", "JPY"},
      {"The fare is 15 ₴ in Kyiv.", "15 ₴", "15", "UAH"},
      {"The tea cost ₸500 in Almaty.", "₸500", "500", "KZT"},
      {"The ride cost ৳80 in Dhaka.", "৳80", "80", "BDT"},
      {"The levy is ₵2 per litre.", "₵2", "2", "GHS"},
      {"A stick of gum was 25¢ then.", "25¢", "0.25", "USD"},
      {"The stamp costs 60 US cents abroad.", "60 US cents", "0.6", "USD"},
  });
  // A dollar word re-maps with the article's hint, as "$" does.
  Document doc = RunAmounts("The cable costs 20 bucks online.", "CAD");
  ASSERT_EQ(doc.amounts().size(), 1u);
  EXPECT_EQ(doc.amounts()[0].currency, "CAD");
  for (const char* text : {"The Bucks won 3 games in a row.", "The bucks ran into the woods."}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Surfaces(RunAmounts(text)), std::vector<std::string>{});
  }
}

}  // namespace
}  // namespace newsfacts
