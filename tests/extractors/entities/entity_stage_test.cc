// The entity stage end to end (segmenter + entities): gazetteer case traps, each pattern
// family, in-document aliases, canonical keys, the overlap policy and span invariants.
#include "extractors/entities/entity_stage.h"

#include <gtest/gtest.h>

#include "pipeline/segmenter.h"
#include "pipeline/text.h"

namespace newsfacts {
namespace {

// "text|TYPE|key" of every mention, in order.
std::vector<std::string> Describe(const Document& doc) {
  std::vector<std::string> out;
  for (const Mention& mention : doc.mentions()) {
    out.push_back(std::string(doc.Text(mention.span)) + "|" +
                  std::string(EntityTypeName(mention.type)) + "|" +
                  doc.entities()[mention.entity].key);
  }
  return out;
}

class EntityStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<RuleSources> rules = RuleSources::Builtin();
    ASSERT_TRUE(rules.ok()) << rules.status().message();
    rules_ = std::move(*rules);
    Build();
  }

  void Build() {
    StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
    ASSERT_TRUE(segmenter.ok()) << segmenter.status().message();
    segmenter_ = std::move(*segmenter);
    StatusOr<std::unique_ptr<EntityStage>> stage = EntityStage::Create(rules_);
    ASSERT_TRUE(stage.ok()) << stage.status().message();
    stage_ = std::move(*stage);
  }

  Document Run(const std::string& text) {
    Document doc = Document::FromRaw({}, text);
    EXPECT_TRUE(segmenter_->Process(doc).ok());
    EXPECT_TRUE(stage_->Process(doc).ok());
    return doc;
  }

  void ExpectMentions(const std::vector<std::pair<std::string, std::vector<std::string>>>& cases) {
    for (const auto& [text, expected] : cases) {
      SCOPED_TRACE(text);
      EXPECT_EQ(Describe(Run(text)), expected);
    }
  }

  RuleSources rules_;
  std::unique_ptr<SegmenterStage> segmenter_;
  std::unique_ptr<EntityStage> stage_;
};

// The stage's pass rules point at its own gazetteer and named lists, as PassRules::Of finds
// them.
TEST_F(EntityStageTest, PassRulesAreTheStagesOwnLists) {
  const PassRules& rules = stage_->rules();
  EXPECT_EQ(rules.gazetteer, &stage_->gazetteer());
  EXPECT_EQ(rules.patterns, &stage_->patterns());
  EXPECT_EQ(rules.designators, &stage_->patterns().List("designators"));
  EXPECT_EQ(rules.sports_words, &stage_->patterns().List("sports_words"));
  EXPECT_GT(rules.designators->size(), 0u);
}

TEST_F(EntityStageTest, GazetteerCaseTraps) {
  ExpectMentions({
      {"Apple said it would sell more phones.", {"Apple|ORG|apple"}},
      {"She ate an apple at lunch.", {}},
      {"Apple pie is popular in autumn.", {}},
      {"Apple's new phone sold out.", {"Apple|ORG|apple"}},
      {"The meta description was missing from the page.", {}},
      {"Shares of Meta rose after the results.", {"Meta|ORG|meta"}},
      {"Amazon Web Services signed the deal.", {"Amazon Web Services|ORG|amazon-web-services"}},
      {"The deal favours AWS's customers.", {"AWS|ORG|amazon-web-services"}},
      {"Engineers at Microsoft Corp. wrote it.", {"Microsoft Corp.|ORG|microsoft"}},
  });
}

TEST_F(EntityStageTest, AllCapsAndLowercaseHeadlinesMatchCaseBlind) {
  ExpectMentions({
      {"MICROSOFT BUYS SMALL GAMING STUDIO\n\nThe deal was small.", {"MICROSOFT|ORG|microsoft"}},
      {"KESTREL FREIGHT POSTS PROFIT\n\nKestrel Freight acquired a rival last year.",
       {"KESTREL FREIGHT|ORG|kestrel-freight", "Kestrel Freight|ORG|kestrel-freight"}},
      // Unknown runs are only candidates: no rule types them without evidence.
      {"KORVEX POSTS HIGHER PROFIT IN MAY AFTER SERIES B\n\nThe results were good.", {}},
      {"STARTUP TALLOWAY RAISES FUNDS\n\nThe round was small.", {"TALLOWAY|ORG|talloway"}},
      // An all-lowercase line is read the same way: the case says nothing there either.
      {"microsoft buys small gaming studio\n\nThe deal was small.", {"microsoft|ORG|microsoft"}},
      {"apple orchard sales rose in may\n\nThe farm was busy.", {}},
      {"startup talloway raises funds\n\nThe round was small.", {"talloway|ORG|talloway"}},
  });
}

TEST_F(EntityStageTest, PatternFamilies) {
  ExpectMentions({
      // designators and organization words
      {"Brightwave Labs Inc. opened an office.", {"Brightwave Labs Inc.|ORG|brightwave-labs"}},
      {"The money came from Tallgrass Ventures last week.",
       {"Tallgrass Ventures|ORG|tallgrass-ventures"}},
      {"Engineers at Corvane Systems built it.", {"Corvane Systems|ORG|corvane-systems"}},
      // a nationality inside a name that an organization word ends, not between two names
      {"Vellmoor Royal Dutch Airlines said it would add flights.",
       {"Vellmoor Royal Dutch Airlines|ORG|vellmoor-royal-dutch-airlines"}},
      {"The Vellmoor Dutch unit Brannock Systems grew.", {"Brannock Systems|ORG|brannock-systems"}},
      // newspaper titles are organizations, also when a place word opens them
      {"It sold the South Harrow Advocate last year.",
       {"South Harrow Advocate|ORG|south-harrow-advocate"}},
      // industry nouns end company names, also joined by "and" ("Savings and Loan")
      {"Nine Lanterns Hotels said it would open a resort.",
       {"Nine Lanterns Hotels|ORG|nine-lanterns-hotels"}},
      {"It sold the Tarrow Combustion Division last year.",
       {"Tarrow Combustion Division|ORG|tarrow-combustion-division"}},
      {"Marlow Bay Savings and Loan Association said deposits rose.",
       {"Marlow Bay Savings and Loan Association|ORG|marlow-bay-savings-and-loan-association"}},
      {"It bought the Harwick Central Railroad.",
       {"Harwick Central Railroad|ORG|harwick-central-railroad"}},
      {"Brennick Oil and Gas said it sold wells.",
       {"Brennick Oil and Gas|ORG|brennick-oil-and-gas"}},
      // "and" between two names stays a split
      {"Orlen Savings and Brannock Savings merged.",
       {"Orlen Savings|ORG|orlen-savings", "Brannock Savings|ORG|brannock-savings"}},
      // an organization word before "of" heads the name; "First" may open an organization
      {"It bought the First Orchard Bank of Harwick last year.",
       {"First Orchard Bank of Harwick|ORG|first-orchard-bank-of-harwick"}},
      {"She studied at the University of Tarrow for a year.",
       {"University of Tarrow|ORG|university-of-tarrow"}},
      {"Northern Tarrow Hotels said it agreed.",
       {"Northern Tarrow Hotels|ORG|northern-tarrow-hotels"}},
      {"First Helen Varga spoke, then others.", {"Helen Varga|PERSON|helen-varga"}},
      // a company word written into the name's last word, also starting a sentence
      {"Tarrowcorp earlier urged holders to wait.", {"Tarrowcorp|ORG|tarrowcorp"}},
      {"Talks with Vesterbanken ended.", {"Vesterbanken|ORG|vesterbanken"}},
      // designators alone are no name
      {"Corp said nothing.", {}},
      // a common word of the gazetteer opening such a name is a word of it
      {"It bought the Surface Combustion Division.",
       {"Surface Combustion Division|ORG|surface-combustion-division"}},
      // roles and titles
      {"Logistics group CEO Ilse Brandvold spoke first.", {"Ilse Brandvold|PERSON|ilse-brandvold"}},
      {"Brandvold, chief executive of Norwell Freight, said little.",
       {"Brandvold|PERSON|brandvold", "Norwell Freight|ORG|norwell-freight"}},
      {"The plan came from Dr. Ines Okafor in May.", {"Ines Okafor|PERSON|ines-okafor"}},
      {"According to analyst Renata Sokol, demand is cooling.",
       {"Renata Sokol|PERSON|renata-sokol"}},
      // a company office between two names: the first is the company
      {"K.R. Danvers chairman Tomas Lindqvist said the offer was low.",
       {"K.R. Danvers|ORG|kr-danvers", "Tomas Lindqvist|PERSON|tomas-lindqvist"}},
      {"It said Harlow Freight chief executive Ines Okafor would stay.",
       {"Harlow Freight|ORG|harlow-freight", "Ines Okafor|PERSON|ines-okafor"}},
      {"Deputy chairman Tomas Lindqvist left.", {"Tomas Lindqvist|PERSON|tomas-lindqvist"}},
      {"Orvian President Tomas Lindqvist spoke.", {"Tomas Lindqvist|PERSON|tomas-lindqvist"}},
      // appositives, verbs and objects that take organizations
      {"Palloway, a medical technology firm, confirmed the recall.", {"Palloway|ORG|palloway"}},
      {"Investors bought shares of Dunmore after the results.", {"Dunmore|ORG|dunmore"}},
      {"The group agreed to acquire Ferrobyte for cash.", {"Ferrobyte|ORG|ferrobyte"}},
      // a company reporting its own deal, also one named for two partners
      {"Tarrowvest said it acquired a clinic in Harwick.", {"Tarrowvest|ORG|tarrowvest"}},
      {"Brask and Tollund said it agreed to buy the mill.",
       {"Brask and Tollund|ORG|brask-and-tollund"}},
      {"Helen Varga and Tomas Berg said they agreed.",
       {"Helen Varga|PERSON|helen-varga", "Tomas Berg|PERSON|tomas-berg"}},
      {"Helen Varga said it agreed too late.", {"Helen Varga|PERSON|helen-varga"}},
      // people by first name, speech verbs and ages
      {"The report was written by Helen Varga and colleagues.", {"Helen Varga|PERSON|helen-varga"}},
      {"Costs fell, Odalys Fenwick said on Monday.", {"Odalys Fenwick|PERSON|odalys-fenwick"}},
      // a first name that is also an ambiguous gazetteer name opens a person's name
      {"Claude Varga said it was late.", {"Claude Varga|PERSON|claude-varga"}},
      {"Bertil Ahlgren, 52, joined the board.", {"Bertil Ahlgren|PERSON|bertil-ahlgren"}},
  });
}

TEST_F(EntityStageTest, DesignatorAnchoredNamesOnWireCopy) {
  ExpectMentions({
      // sentence-initial single word with a designator, and its later short form
      {"Tolvern Corp said it would close a plant. Tolvern gave no reason.",
       {"Tolvern Corp|ORG|tolvern", "Tolvern|ORG|tolvern"}},
      // the full stop after a final designator is not part of the name
      {"The unit was sold to Marrowby Plastics Corp.",
       {"Marrowby Plastics Corp|ORG|marrowby-plastics"}},
      {"Marrowby Plastics Corp. opened a plant.",
       {"Marrowby Plastics Corp.|ORG|marrowby-plastics"}},
      {"Output fell in the U.S.", {"U.S.|LOCATION|united-states"}},
      // chained designators, connectors, adjectives, initials and possessives inside names
      {"Quennel Holding Co Ltd bought it.", {"Quennel Holding Co Ltd|ORG|quennel-holding"}},
      {"Dravenport Oil and Gas Plc sold wells.",
       {"Dravenport Oil and Gas Plc|ORG|dravenport-oil-and-gas"}},
      {"It bought Western Ostrander Engineering Co for cash.",
       {"Western Ostrander Engineering Co|ORG|western-ostrander-engineering"}},
      {"K.R. Danvers Inc fell.", {"K.R. Danvers Inc|ORG|kr-danvers"}},
      {"Halbrook's Bakeries Inc said sales rose.",
       {"Halbrook's Bakeries Inc|ORG|halbrooks-bakeries"}},
      {"Abrantes Spa agreed.", {"Abrantes Spa|ORG|abrantes"}},
      // a place name that opens a company name belongs to it
      {"Texas Lumber Corp cut prices.", {"Texas Lumber Corp|ORG|texas-lumber"}},
      // ... and so does one inside it, also abbreviated
      {"It took a stake in Air U.K. Ltd, a unit of Orlen.", {"Air U.K. Ltd|ORG|air-uk"}},
      {"Kestrel Texas Inc closed.", {"Kestrel Texas Inc|ORG|kestrel-texas"}},
      // a company name repeated without its designator, where "and" splits runs
      {"Orlen and Vask Shipping Plc sold it. Later, Orlen and Vask Shipping said it agreed.",
       {"Orlen and Vask Shipping Plc|ORG|orlen-and-vask-shipping",
        "Orlen and Vask Shipping|ORG|orlen-and-vask-shipping"}},
      {"It bought Plaid Tarrow Inc for cash. Plaid Tarrow owns shops.",
       {"Plaid Tarrow Inc|ORG|plaid-tarrow", "Plaid Tarrow|ORG|plaid-tarrow"}},
      // a sentence word before the name stays out of it
      {"Yesterday Pellworth Inc rose.", {"Pellworth Inc|ORG|pellworth"}},
      {"Shares of Pellworth Inc rose.", {"Pellworth Inc|ORG|pellworth"}},
      // "and Co" designators, lowercase designator abbreviations, "Corp of America"
      {"The mill went to Talbridge and Co last spring.", {"Talbridge and Co|ORG|talbridge"}},
      {"Orrin & Co. said it agreed.", {"Orrin & Co.|ORG|orrin"}},
      {"Orrin co said it would close the depot.", {"Orrin co|ORG|orrin"}},
      {"It sold Orrin co Pty Ltd.", {"Orrin co Pty Ltd|ORG|orrin"}},
      {"Velloran Corp of America cut jobs.", {"Velloran Corp of America|ORG|velloran"}},
      // a lowercase designator needs a name right before it and no hyphen after it
      {"The co-op hired a Halloway inc-style manager.", {}},
      {"Members of the village co voted.", {}},
      // a list of names joined by "and" ends in the company its designator names
      {"The partnership includes Wagner and Brask and Tollund Industries Inc.",
       {"Tollund Industries Inc|ORG|tollund-industries"}},
      // a common word of the gazetteer inside a company name is a word of that name
      {"It bought Plaid Tarrow Inc for cash.", {"Plaid Tarrow Inc|ORG|plaid-tarrow"}},
      {"It sold Hunt Valve Co Inc last year.", {"Hunt Valve Co Inc|ORG|hunt-valve"}},
      {"Valve Corp said it agreed.", {"Valve Corp|ORG|valve"}},
      // web boilerplate words (Video, TV) may open a company name
      {"Video Ostermark Corp said it agreed.", {"Video Ostermark Corp|ORG|video-ostermark"}},
      // ALL CAPS headlines: the words before a designator, back to a headline verb
      {"QUELLMARK CORP TO ACQUIRE STRAVEN SOFTWARE INC\n\nThe deal closes in May.",
       {"QUELLMARK CORP|ORG|quellmark", "STRAVEN SOFTWARE INC|ORG|straven-software"}},
  });
}

// Names that are also common words, and common words that look like names, in every casing
// a headline may come in (issue 12).
TEST_F(EntityStageTest, NameTrapsInEveryCasing) {
  const std::string body = "\n\nThe results were good.";
  ExpectMentions({
      {"Best Buy cut prices on Tuesday." + body, {"Best Buy|ORG|best-buy"}},
      {"Best Buy Raises Its Forecast" + body, {"Best Buy|ORG|best-buy"}},
      {"BEST BUY RAISES ITS FORECAST" + body, {"BEST BUY|ORG|best-buy"}},
      {"Will the deal close in May?" + body, {}},
      {"WILL THE DEAL CLOSE IN MAY?" + body, {}},
      {"Shares rose in May after the launch." + body, {}},
      {"The Series B closed in May." + body, {}},
      {"Apple Orchard Sales Rose In May" + body, {}},
  });
}

TEST_F(EntityStageTest, HeadlineNamesTakeTheBodySpelling) {
  Document doc =
      Run("QUELLMARK CORP TO ACQUIRE STRAVEN SOFTWARE INC\n\nQuellmark Corp said it agreed.");
  ASSERT_FALSE(doc.entities().empty());
  EXPECT_EQ(doc.entities()[doc.mentions()[0].entity].name, "Quellmark");
}

TEST_F(EntityStageTest, UnknownCapitalizedWordsWithoutContextEmitNothing) {
  ExpectMentions({
      {"The Quorvath prototype arrived late.", {}},
      {"On Thursday the Board met in March.", {}},
      // place names built like person names are not people
      {"The plant near Santa Verla opened.", {}},
      {"It bought a mill in West Harrowby and a depot at Mount Clavel.", {}},
      // ... while a surname such as San stays a person's
      {"The studio was founded by Jez San in 1987.", {"Jez San|PERSON|jez-san"}},
  });
}

TEST_F(EntityStageTest, ShortFormsResolveToTheEarlierFullName) {
  ExpectMentions({
      {"CEO Ilse Brandvold spoke. Later Brandvold left.",
       {"Ilse Brandvold|PERSON|ilse-brandvold", "Brandvold|PERSON|ilse-brandvold"}},
      {"Harlow Freight Systems grew fast. HFS now employs 900 people.",
       {"Harlow Freight Systems|ORG|harlow-freight-systems", "HFS|ORG|harlow-freight-systems"}},
      {"Kellan & Rowe Inc. sued. A judge sided with K&R in June.",
       {"Kellan & Rowe Inc.|ORG|kellan-rowe", "K&R|ORG|kellan-rowe"}},
      {"Brightwave Labs Inc. grew. Brightwave Labs hired staff.",
       {"Brightwave Labs Inc.|ORG|brightwave-labs", "Brightwave Labs|ORG|brightwave-labs"}},
      {"Shares of Dunmore fell. Dunmore blamed the weather.",
       {"Dunmore|ORG|dunmore", "Dunmore|ORG|dunmore"}},
      // A name with its own designator is a company in full, not a short form of its unit.
      {"Tarrow Corp sold Tarrow Freight Ltd to a rival.",
       {"Tarrow Corp|ORG|tarrow", "Tarrow Freight Ltd|ORG|tarrow-freight"}},
  });
}

// Former bugs from the review of the sample goldens, each in made-up words.
TEST_F(EntityStageTest, TitleCaseHeadlineWordsAreNoPeople) {
  ExpectMentions({
      {"Quarry Deal Tests How Far Ambition Can Stretch\n\nThe quarry deal closed on Monday "
       "after a long review.",
       {}},
      {"Maker Tollvik Raises $5M Series A\n\nTollvik Inc., a maker of farm drones, said on "
       "Monday it raised the money.",
       {"Tollvik|ORG|tollvik", "Tollvik Inc.|ORG|tollvik"}},
      {"Harbour Group Sells Unit\n\nBy Edmund Lau \xC2\xB7 2008-08-20\n\nHarbour Group said on "
       "Monday it sold the unit.",
       {"Harbour Group|ORG|harbour-group", "Edmund Lau|PERSON|edmund-lau",
        "Harbour Group|ORG|harbour-group"}},
  });
}

TEST_F(EntityStageTest, NationalityWordsAreNoNames) {
  ExpectMentions({
      {"Iraqi Kurdish leaders met in the north.", {}},
      {"Panamanian champion Orvil Tessaro kept his title.", {"Orvil Tessaro|PERSON|orvil-tessaro"}},
      {"The Iraqi News Agency quoted a minister.", {"Iraqi News Agency|ORG|iraqi-news-agency"}},
  });
}

TEST_F(EntityStageTest, AnAmbiguousWordThatEndsAPersonsNameIsHerSurname) {
  ExpectMentions({
      {"Maria Apple won the final on Monday. \"It was hard,\" Apple said.",
       {"Maria Apple|PERSON|maria-apple", "Apple|PERSON|maria-apple"}},
      {"Apple sold more phones. Apple said sales rose.", {"Apple|ORG|apple", "Apple|ORG|apple"}},
  });
}

TEST_F(EntityStageTest, BusinessNounsAndAmpersandsAreNoPeople) {
  ExpectMentions({
      {"The round was led by Brekkavik Payments and Osterlund Compute, two Oslo firms.",
       {"Brekkavik Payments|ORG|brekkavik-payments", "Osterlund Compute|ORG|osterlund-compute",
        "Oslo|LOCATION|oslo"}},
      {"Doctors at Marrow & Finch said the trial worked.", {}},
  });
}

TEST_F(EntityStageTest, SameWordsTakeTheTypeOfTheStrongerEvidence) {
  ExpectMentions({
      // a designator is evidence of its own; a gazetteer place stays a place
      {"Sales in Canada rose, said Tarrow Canada Ltd.",
       {"Canada|LOCATION|canada", "Tarrow Canada Ltd|ORG|tarrow-canada"}},
      // the person fallback yields to a company context elsewhere in the article
      {"Talks stalled, Vardel Orbis said. Ilse Brandvold, chief executive of Vardel Orbis, left.",
       {"Vardel Orbis|ORG|vardel-orbis", "Ilse Brandvold|PERSON|ilse-brandvold",
        "Vardel Orbis|ORG|vardel-orbis"}},
  });
}

TEST_F(EntityStageTest, ShortFormsFollowTheTypeAndEntityOfTheirLongForm) {
  ExpectMentions({
      {"Ingrid Halvorsen, chief executive of Norvane, spoke first. Halvorsen announced a buyback.",
       {"Ingrid Halvorsen|PERSON|ingrid-halvorsen", "Norvane|ORG|norvane",
        "Halvorsen|PERSON|ingrid-halvorsen"}},
      {"Kestrel Bay Holdings sold its unit on Monday. Kestrel Bay said the sale closed.",
       {"Kestrel Bay Holdings|ORG|kestrel-bay-holdings", "Kestrel Bay|ORG|kestrel-bay-holdings"}},
      {"Quellmark Software Inc said it would cut jobs. Quellmark said sales fell. Quellmark "
       "shareholders must approve the plan.",
       {"Quellmark Software Inc|ORG|quellmark-software", "Quellmark|ORG|quellmark-software",
        "Quellmark|ORG|quellmark-software"}},
      {"Amazon Web Services leads the market. Amazon, Google and Microsoft all design chips.",
       {"Amazon Web Services|ORG|amazon-web-services", "Amazon|ORG|amazon", "Google|ORG|google",
        "Microsoft|ORG|microsoft"}},
  });
}

TEST_F(EntityStageTest, PlaceTrapsAndInstitutionSpans) {
  ExpectMentions({
      {"Sensors listen for chainsaws in the Amazon rainforest. Amazon basin losses slowed.",
       {"Amazon rainforest|LOCATION|amazon-rainforest", "Amazon basin|LOCATION|amazon-rainforest"}},
      {"The unit sold for HK$327m (US$42m) in cash.", {}},
      {"Kirinami filed the plan with the Tokyo Stock Exchange on Monday.",
       {"Tokyo Stock Exchange|ORG|tokyo-stock-exchange"}},
      {"The plant was bought by Oregon Steel Mills for cash.",
       {"Oregon Steel Mills|ORG|oregon-steel-mills"}},
      {"Exports from Oregon rose.", {"Oregon|LOCATION|oregon"}},
      // an airline or bank named for a place
      {"It flew Air Canada to Harwick.", {"Air Canada|ORG|air-canada"}},
      {"Air travel to Canada rose.", {"Canada|LOCATION|canada"}},
      {"The U.K. Competition and Markets Authority blocked the deal.",
       {"U.K.|LOCATION|united-kingdom",
        "Competition and Markets Authority|ORG|competition-and-markets-authority"}},
      {"Founders Meera Iyer and Tomas Berg started the company in 2019.",
       {"Meera Iyer|PERSON|meera-iyer", "Tomas Berg|PERSON|tomas-berg"}},
      {"Apple Orchard Sensor Maker Tollvik Raises Cash\n\nTollvik Inc. makes sensors for the "
       "orchard trade, apple growers above all. Its app runs on Apple's App Store.",
       {"Tollvik|ORG|tollvik", "Tollvik Inc.|ORG|tollvik", "Apple|ORG|apple",
        "App Store|PRODUCT|app-store"}},
  });
}

TEST_F(EntityStageTest, PlacesBesideUnknownNamesStayPlaces) {
  ExpectMentions({
      // towns and provinces of wire copy that a deal slot would otherwise read as companies
      {"The lender agreed to sell its Sunrise branch to a rival.", {"Sunrise|LOCATION|sunrise"}},
      {"Grenhaven Corp of Bloomington said profit rose.",
       {"Grenhaven Corp|ORG|grenhaven", "Bloomington|LOCATION|bloomington"}},
      {"Tollvik moved its plant from Wuxi to Guangdong.",
       {"Wuxi|LOCATION|wuxi", "Guangdong|LOCATION|guangdong"}},
      {"Exports from Saskatchewan and Tamil Nadu rose.",
       {"Saskatchewan|LOCATION|saskatchewan", "Tamil Nadu|LOCATION|tamil-nadu"}},
      {"Trade with the DRC and Eswatini slowed.",
       {"DRC|LOCATION|democratic-republic-of-congo", "Eswatini|LOCATION|eswatini"}},
      // an ambiguous place needs evidence at the start of a sentence
      {"Reading the filing took an hour.", {}},
      {"The startup moved from Reading to Leeds.",
       {"Reading|LOCATION|reading", "Leeds|LOCATION|leeds"}},
      // nor does one beside another name swallow it or fall with it
      {"Analysts said Helena Brask joined the board.", {"Helena Brask|PERSON|helena-brask"}},
  });
}

TEST_F(EntityStageTest, CompaniesNamedForPlacesStayOneName) {
  ExpectMentions({
      {"Reporters at the Washington Post covered the sale.",
       {"Washington Post|ORG|washington-post"}},
      {"Phoenix Technologies licensed its firmware to laptop makers.",
       {"Phoenix Technologies|ORG|phoenix-technologies"}},
      {"The fund sold its stake in Jordan Industries.",
       {"Jordan Industries|ORG|jordan-industries"}},
      {"Bank of America lent the buyer the money.", {"Bank of America|ORG|bank-of-america"}},
      {"China Mobile added subscribers.", {"China Mobile|ORG|china-mobile"}},
      {"Texas Instruments makes analog chips in Dallas.",
       {"Texas Instruments|ORG|texas-instruments", "Dallas|LOCATION|dallas"}},
      {"Analysts at the New York Times asked twice.", {"New York Times|ORG|new-york-times"}},
      {"Boston Scientific bought a stent maker.", {"Boston Scientific|ORG|boston-scientific"}},
      {"Norfolk Southern and Georgia-Pacific signed a freight contract.",
       {"Norfolk Southern|ORG|norfolk-southern", "Georgia-Pacific|ORG|georgia-pacific"}},
  });
}

TEST_F(EntityStageTest, PublicBodiesAndNewsAgenciesAreOrganizations) {
  ExpectMentions({
      {"Monitors from the OSCE counted the ballots.", {"OSCE|ORG|osce"}},
      {"Interfax quoted a senior official.", {"Interfax|ORG|interfax"}},
      {"The Treasury sold more bills on Tuesday.", {"Treasury|ORG|us-treasury"}},
      {"Delegates at the U.N. in New York voted.",
       {"U.N.|ORG|united-nations", "New York|LOCATION|new-york-city"}},
      {"Wollaston hit two RBI in the win.", {}},
  });
}

TEST_F(EntityStageTest, NewsDesksAreOrganizationsNotPlacesOrPeople) {
  ExpectMentions({
      {"For more, call the Lisbon Newsroom on 555 0100.", {"Lisbon Newsroom|ORG|lisbon-newsroom"}},
      {"Traders told the Harwick Metals Desk that prices rose.",
       {"Harwick Metals Desk|ORG|harwick-metals-desk"}},
  });
}

TEST_F(EntityStageTest, ProfessionalTeamsAreOrganizations) {
  ExpectMentions({
      {"The Mets signed a pitcher.", {"Mets|ORG|new-york-mets"}},
      {"Pitchers for the Chicago White Sox rested.", {"Chicago White Sox|ORG|chicago-white-sox"}},
      {"The All Blacks toured in July.", {"All Blacks|ORG|new-zealand-all-blacks"}},
  });
}

TEST_F(EntityStageTest, EntitiesCarryCanonicalNamesParentsAndAliases) {
  Document doc = Run("AWS grew. Amazon Web Services hired. Brightwave Labs Inc. sued.");
  ASSERT_EQ(doc.entities().size(), 2u);
  const Entity& aws = doc.entities()[0];
  EXPECT_EQ(aws.key, "amazon-web-services");
  EXPECT_EQ(aws.name, "Amazon Web Services");
  EXPECT_EQ(aws.parent_key, "amazon");
  EXPECT_NE(std::find(aws.aliases.begin(), aws.aliases.end(), "AWS"), aws.aliases.end());
  const Entity& brightwave = doc.entities()[1];
  EXPECT_EQ(brightwave.name, "Brightwave Labs");
  EXPECT_EQ(brightwave.aliases, std::vector<std::string>{"Brightwave Labs Inc."});
}

TEST_F(EntityStageTest, OverlapPolicyPrefersTheLongestMatch) {
  ASSERT_TRUE(rules_
                  .Add("user/acme.jsonl",
                       "{\"label\":\"ORG\",\"pattern\":\"Acmora\",\"id\":\"acmora\"}\n"
                       "{\"label\":\"PRODUCT\",\"pattern\":\"Acmora Cloud "
                       "Console\",\"id\":\"acmora-console\"}\n"
                       "{\"label\":\"PRODUCT\",\"pattern\":\"Cloud Console Pro\",\"id\":\"ccp\"}")
                  .ok());
  Build();
  ExpectMentions({
      {"We tried Acmora Cloud Console Pro today.", {"Acmora Cloud Console|PRODUCT|acmora-console"}},
      {"We tried Acmora today.", {"Acmora|ORG|acmora"}},
      {"We tried acmora today.", {}},
  });
}

TEST_F(EntityStageTest, UserPatternFilesAddRulesAndListWords) {
  ASSERT_TRUE(rules_
                  .Add("user/patterns.json",
                       R"({"kind":"entity_patterns","lists":{"org_words":["Kollektiv"]},
                           "rules":[{"id":"user.club","type":"ORG","priority":95,"before":"supporters of"}]})")
                  .ok());
  Build();
  ExpectMentions({
      {"The Brenner Kollektiv met.", {"Brenner Kollektiv|ORG|brenner-kollektiv"}},
      {"Many supporters of Valdora cheered.", {"Valdora|ORG|valdora"}},
  });
}

TEST_F(EntityStageTest, RejectsBadPatternFilesNamingFileAndRule) {
  const struct {
    std::string contents;
    std::string expected_error;
  } kCases[] = {
      {R"({"kind":"entity_patterns","rules":[{"id":"x.y","type":"ORG","before":"@nosuch"}]})",
       "user/p.json: rule x.y: before: unknown list \"nosuch\""},
      {R"({"kind":"entity_patterns","rules":[{"id":"x.y","type":"THING","before":"of"}]})",
       "user/p.json: rule x.y: \"type\" must be ORG, PERSON, PRODUCT or LOCATION"},
      {R"({"kind":"entity_patterns","rules":[{"id":"x.y","type":"ORG"}]})",
       "user/p.json: rule x.y: needs at least one of before, after, name_starts_with, "
       "name_ends_with, name_head_before_of, last_word_ending, title_words"},
      {R"({"kind":"entity_patterns","rules":[{"id":"org.verb","type":"ORG","after":"sued"}]})",
       "user/p.json: rule org.verb: duplicate id (also in builtin:entity_patterns.json)"},
      {R"({"kind":"entity_patterns","rules":[{"id":"x.y","type":"ORG","after":"sued","examples":[{"text":"A"}]}]})",
       "user/p.json: rule x.y: an example needs \"expect\" or \"absent\""},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.contents);
    RuleSources rules = rules_;
    ASSERT_TRUE(rules.Add("user/p.json", test.contents).ok());
    StatusOr<std::unique_ptr<EntityStage>> stage = EntityStage::Create(rules);
    ASSERT_FALSE(stage.ok());
    EXPECT_EQ(stage.status().message(), test.expected_error);
  }
}

TEST_F(EntityStageTest, AFieldOfTheWrongTypeIsAnErrorNamingTheFileNotAnAbort) {
  for (const char* contents : {R"({"kind":"entity_patterns","rules":[{"id":"fz-x","type":-1}]})",
                               R"({"kind":"entity_patterns","lists":{"stop_words":[1, 2]}})"}) {
    SCOPED_TRACE(contents);
    RuleSources rules = rules_;
    ASSERT_TRUE(rules.Add("user/bad.json", contents).ok());
    StatusOr<std::unique_ptr<EntityStage>> stage = EntityStage::Create(rules);
    ASSERT_FALSE(stage.ok());
    EXPECT_NE(stage.status().message().find("user/bad.json"), std::string::npos)
        << stage.status().message();
  }
}

TEST_F(EntityStageTest, EmbeddedRuleExamplesPass) {
  const std::vector<std::string> failures =
      stage_->CheckExamples(ExampleRunner({segmenter_.get()}));
  for (const std::string& failure : failures) ADD_FAILURE() << failure;
}

TEST_F(EntityStageTest, FailingExampleIsReportedWithFileRuleAndText) {
  ASSERT_TRUE(
      rules_
          .Add("user/p.json",
               R"({"kind":"entity_patterns","rules":[{"id":"user.odd","type":"ORG","after":"zzz",
                           "examples":[{"text":"Nothing here.","expect":[{"text":"Nothing","type":"ORG"}]}]}]})")
          .ok());
  Build();
  const std::vector<std::string> failures =
      stage_->CheckExamples(ExampleRunner({segmenter_.get()}));
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0],
            "user/p.json: rule user.odd: example \"Nothing here.\": expected \"Nothing\" ORG, got "
            "no mentions");
}

TEST_F(EntityStageTest, MentionsAreSortedInBoundsAndOnCodePointBoundaries) {
  const std::string texts[] = {
      "Zürich-based Örsted Énergie SA hired CEO Åsa Lindqvist, who told Reuters it was “fine”.",
      "AWS\xE2\x80\x99s boss met Apple’s team. \xF0\x9F\x98\x80 Nvidia Corp rose.",
      "",
      "'s 's ' Inc. , Inc.",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    Document doc = Run(text);
    size_t previous = 0;
    for (const Mention& mention : doc.mentions()) {
      EXPECT_LE(previous, mention.span.begin);
      EXPECT_LT(mention.span.begin, mention.span.end);
      EXPECT_LE(mention.span.end, doc.text().size());
      EXPECT_TRUE(IsCodePointBoundary(doc.text(), mention.span.begin));
      EXPECT_TRUE(IsCodePointBoundary(doc.text(), mention.span.end));
      ASSERT_LT(mention.entity, doc.entities().size());
      ASSERT_LT(mention.sentence, doc.sentences().size());
      EXPECT_TRUE(doc.sentences()[mention.sentence].span.Contains(mention.span));
      previous = mention.span.end;
    }
  }
}

// A side named for a place and the place itself are two entities of one article: the
// mention "at Leeds" keeps the city's type and key instead of taking the club's.
TEST_F(EntityStageTest, ASideAndThePlaceItIsNamedForAreTwoEntities) {
  ExpectMentions({{"Leeds 2 Harwick 1. The match at Leeds drew a crowd.",
                   {"Leeds|ORG|leeds", "Harwick|ORG|harwick", "Leeds|LOCATION|leeds-location"}}});
}

}  // namespace
}  // namespace newsfacts
