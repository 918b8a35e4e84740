// FactStore: every layer of a hand-built document lands in its table with byte and code
// point offsets; replacing, failing articles inside a batch, content hashes, runs, locks.
#include "db/fact_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "tests/db/db_test_util.h"
#include "tests/db/fact_store_fixture.h"

namespace newsfacts {
namespace {

using testing::FactStoreTest;
using testing::ReadInt;
using testing::ReadRows;
using testing::Rows;
using testing::SmallDocument;
using testing::TempDir;

// Two sentences with non-ASCII letters, currency signs and curly quotes, so byte and code
// point offsets differ.
const char kText[] =
    "\xC3\x86r\xC3\xB8 Labs raised \xE2\x82\xAC"
    "3bn (\xC2\xA3"
    "2.6bn) from Nordvik.\n"
    "Zo\xC3\xAB Brandt said: \xE2\x80\x9CWe are growing.\xE2\x80\x9D";

Span Find(const Document& doc, std::string_view needle) {
  const size_t begin = doc.text().find(needle);
  EXPECT_NE(begin, std::string::npos) << needle;
  return {begin, begin + needle.size()};
}

// Builds the document of kText with every layer filled by hand.
Document SampleDocument(const std::string& path) {
  ArticleMeta meta;
  meta.path = path;
  meta.title = "\xC3\x86r\xC3\xB8 Labs raises money";
  meta.source = "Example Wire";
  Document doc = Document::FromRaw(meta, kText);
  const size_t newline = doc.text().find('\n');
  doc.mutable_sentences() = {{{0, newline}, 0, 0, 0}, {{newline + 1, doc.text().size()}, 0, 0, 1}};
  doc.mutable_entities() = {
      {"aero-labs", "\xC3\x86r\xC3\xB8 Labs", EntityType::kOrg, "", {"\xC3\x86r\xC3\xB8", "AL"}},
      {"nordvik", "Nordvik", EntityType::kOrg, "nordvik-group", {}},
      {"zoe-brandt", "Zo\xC3\xAB Brandt", EntityType::kPerson, "", {}},
  };
  const Span aero = Find(doc, "\xC3\x86r\xC3\xB8 Labs");
  const Span nordvik = Find(doc, "Nordvik");
  const Span zoe = Find(doc, "Zo\xC3\xAB Brandt");
  doc.mutable_mentions() = {
      {aero, 0, EntityType::kOrg, 0, "gazetteer.aero"},
      {nordvik, 1, EntityType::kOrg, 0, "pattern.suffix"},
      {zoe, 2, EntityType::kPerson, 1, "pattern.person"},
  };
  Amount euros;
  euros.span = Find(doc,
                    "\xE2\x82\xAC"
                    "3bn");
  euros.value = "3000000000";
  euros.low = "3000000000";
  euros.high = "3000000000";
  euros.currency = "EUR";
  euros.currency_evidence = "symbol \xE2\x82\xAC";
  euros.qualifier = "exact";
  euros.rule = "money.symbol_scale";
  Amount pounds;
  pounds.span = Find(doc,
                     "\xC2\xA3"
                     "2.6bn");
  pounds.value = "2600000000";
  pounds.currency = "GBP";
  pounds.currency_evidence = "symbol \xC2\xA3";
  pounds.qualifier = "exact";
  pounds.restates = 0;
  pounds.rule = "money.conversion";
  doc.mutable_amounts() = {euros, pounds};

  Claim raised;
  raised.predicate = "invested_in";
  raised.subject = 1;
  raised.object = 0;
  raised.subject_span = nordvik;
  raised.object_span = aero;
  raised.amount = 0;
  raised.sentence = 0;
  raised.span = {aero.begin, nordvik.end};
  raised.rule = "invest.raised_from";
  Claim said;
  said.predicate = "develops";
  said.subject = 0;
  said.status = ClaimStatus::kReported;
  said.speaker = "Zo\xC3\xAB Brandt";
  said.venue = "Example Wire";
  said.sentence = 1;
  said.span = doc.sentences()[1].span;
  said.rule = "test.reported";
  doc.mutable_claims() = {raised, said};
  doc.mutable_quotes() = {{Find(doc, "We are growing."), "Zo\xC3\xAB Brandt", 2, 1}};
  return doc;
}

TEST_F(FactStoreTest, StoresEveryLayerWithByteAndCodePointOffsets) {
  ASSERT_TRUE(store_->WriteArticle(SampleDocument("news/aero.txt"), "hash1", run_id_).ok());
  const std::string run = std::to_string(run_id_);

  struct Case {
    std::string sql;
    Rows expected;
  };
  const Case cases[] = {
      {"SELECT path, record_index, content_hash, title, source, url, published, byte_length, "
       "repaired_sequences, run_id, length(text) FROM articles",
       {{"news/aero.txt", "-1", "hash1", "\xC3\x86r\xC3\xB8 Labs raises money", "Example Wire",
         "NULL", "NULL", "88", "0", run, "78"}}},
      {"SELECT sentence_index, paragraph, start_byte, end_byte, start_char, end_char, "
       "length(text) FROM sentences ORDER BY sentence_index",
       {{"0", "0", "0", "48", "0", "43", "43"}, {"1", "1", "49", "88", "44", "78", "34"}}},
      {"SELECT key, name, type, parent_key FROM entities ORDER BY key",
       {{"aero-labs", "\xC3\x86r\xC3\xB8 Labs", "ORG", "NULL"},
        {"nordvik", "Nordvik", "ORG", "nordvik-group"},
        {"zoe-brandt", "Zo\xC3\xAB Brandt", "PERSON", "NULL"}}},
      {"SELECT e.key, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id "
       "ORDER BY e.key, a.alias",
       {{"aero-labs", "AL"}, {"aero-labs", "\xC3\x86r\xC3\xB8"}}},
      {"SELECT m.mention_index, e.key, m.type, m.text, m.start_byte, m.end_byte, m.start_char, "
       "m.end_char, s.sentence_index, m.rule FROM mentions m JOIN entities e ON e.id = "
       "m.entity_id JOIN sentences s ON s.id = m.sentence_id ORDER BY m.mention_index",
       {{"0", "aero-labs", "ORG", "\xC3\x86r\xC3\xB8 Labs", "0", "10", "0", "8", "0",
         "gazetteer.aero"},
        {"1", "nordvik", "ORG", "Nordvik", "40", "47", "35", "42", "0", "pattern.suffix"},
        {"2", "zoe-brandt", "PERSON", "Zo\xC3\xAB Brandt", "49", "60", "44", "54", "1",
         "pattern.person"}}},
      {"SELECT a.amount_index, a.text, a.value, a.low, a.high, a.currency, "
       "a.currency_evidence, a.qualifier, a.vague, r.amount_index, a.start_byte, a.end_byte, "
       "a.start_char, a.end_char, a.rule FROM amounts a LEFT JOIN amounts r ON r.id = "
       "a.restates_id ORDER BY a.amount_index",
       {{"0",
         "\xE2\x82\xAC"
         "3bn",
         "3000000000", "3000000000", "3000000000", "EUR", "symbol \xE2\x82\xAC", "exact", "0",
         "NULL", "18", "24", "16", "20", "money.symbol_scale"},
        {"1",
         "\xC2\xA3"
         "2.6bn",
         "2600000000", "NULL", "NULL", "GBP", "symbol \xC2\xA3", "exact", "0", "0", "26", "33",
         "22", "28", "money.conversion"}}},
      {"SELECT c.claim_index, c.predicate, s.key, o.key, c.subject_text, c.object_text, "
       "a.amount_index, c.role, c.status, c.speaker, c.venue, c.start_byte, c.end_byte, "
       "c.start_char, c.end_char, c.rule FROM claims c LEFT JOIN entities s ON s.id = "
       "c.subject_id LEFT JOIN entities o ON o.id = c.object_id LEFT JOIN amounts a ON a.id = "
       "c.amount_id ORDER BY c.claim_index",
       {{"0", "invested_in", "nordvik", "aero-labs", "Nordvik", "\xC3\x86r\xC3\xB8 Labs", "0",
         "NULL", "asserted", "NULL", "NULL", "0", "47", "0", "42", "invest.raised_from"},
        {"1", "develops", "aero-labs", "NULL", "NULL", "NULL", "NULL", "NULL", "reported",
         "Zo\xC3\xAB Brandt", "Example Wire", "49", "88", "44", "78", "test.reported"}}},
      {"SELECT q.quote_index, q.text, q.speaker, e.key, q.start_byte, q.end_byte, "
       "q.start_char, q.end_char FROM quotes q LEFT JOIN entities e ON e.id = "
       "q.speaker_entity_id",
       {{"0", "We are growing.", "Zo\xC3\xAB Brandt", "zoe-brandt", "70", "85", "62", "77"}}},
      {"SELECT count(*) FROM mentions WHERE run_id = " + run +
           " AND article_id = (SELECT id FROM articles)",
       {{"3"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sql);
    EXPECT_EQ(ReadRows(path_, c.sql), c.expected);
  }
}

TEST_F(FactStoreTest, RewritingAPathReplacesTheArticleAndItsFacts) {
  ASSERT_TRUE(store_->WriteArticle(SampleDocument("news/aero.txt"), "hash1", run_id_).ok());
  ASSERT_TRUE(store_->WriteArticle(SampleDocument("news/other.txt"), "hash2", run_id_).ok());
  const Document changed = SmallDocument("news/aero.txt", "Kite Corp changed its story.", "kite");
  ASSERT_TRUE(store_->WriteArticle(changed, "hash3", run_id_).ok());

  EXPECT_EQ(ReadRows(path_, "SELECT path, content_hash FROM articles ORDER BY path"),
            (Rows{{"news/aero.txt", "hash3"}, {"news/other.txt", "hash2"}}));
  struct Case {
    std::string table;
    int64_t rows;
  };
  // news/other.txt keeps its 2 sentences, 3 mentions, 2 amounts, 2 claims and 1 quote.
  const Case cases[] = {
      {"sentences", 3}, {"mentions", 4}, {"amounts", 2}, {"claims", 2}, {"quotes", 2}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.table);
    EXPECT_EQ(Count(c.table), c.rows);
    EXPECT_EQ(ReadInt(path_, "SELECT count(*) FROM " + c.table +
                                 " WHERE article_id NOT IN (SELECT id FROM articles)"),
              0);
  }
  EXPECT_EQ(ReadInt(path_,
                    "SELECT count(*) FROM entity_names "
                    "WHERE article_id NOT IN (SELECT id FROM articles)"),
            0);
  EXPECT_EQ(
      ReadInt(path_, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'nordvik'"),
      ReadInt(path_, "SELECT count(*) FROM sentences WHERE text LIKE '%Nordvik%'"));
  // Entities outlive the articles that mention them: they are shared across articles.
  EXPECT_EQ(Count("entities"), 4);
  EXPECT_EQ(ReadRows(path_,
                     "SELECT q.text FROM quotes q JOIN articles a ON a.id = q.article_id "
                     "WHERE a.path = 'news/aero.txt'"),
            Rows{{"Kite Corp changed its story."}});
}

TEST_F(FactStoreTest, BadArticleIsRefusedBeforeWriting) {
  struct Case {
    std::string name;
    void (*spoil)(Document&);
    std::string message;
  };
  const Case cases[] = {
      {"claim subject", [](Document& d) { d.mutable_claims()[0].subject = 9; },
       "bad.txt: claims[0]: entity index 9 is out of range (the document has 3)"},
      {"mention sentence", [](Document& d) { d.mutable_mentions()[2].sentence = 2; },
       "bad.txt: mentions[2]: sentence index 2 is out of range (the document has 2)"},
      {"restates itself", [](Document& d) { d.mutable_amounts()[1].restates = 1; },
       "bad.txt: amounts[1]: an amount cannot restate itself"},
      {"span past end",
       [](Document& d) {
         d.mutable_quotes()[0].span = {80, 95};
       },
       "bad.txt: quotes[0]: span [80, 95) is outside the text (88 bytes)"},
      {"split code point",
       [](Document& d) {
         d.mutable_mentions()[0].span = {1, 4};
       },
       "bad.txt: mentions[0]: span [1, 4) splits a UTF-8 code point"},
      {"claim object span",
       [](Document& d) {
         d.mutable_claims()[0].object_span = {80, 95};
       },
       "bad.txt: claims[0] object: span [80, 95) is outside the text (88 bytes)"},
      {"entity key", [](Document& d) { d.mutable_entities()[2].key.clear(); },
       "bad.txt: entities[2]: empty key or name"},
  };
  ASSERT_TRUE(store_->WriteArticle(SampleDocument("bad.txt"), "good", run_id_).ok());
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc = SampleDocument("bad.txt");
    c.spoil(doc);
    Status status = store_->WriteArticle(doc, "spoiled", run_id_);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.message(), c.message);
    EXPECT_EQ(ReadRows(path_, "SELECT content_hash FROM articles"), Rows{{"good"}});
    EXPECT_EQ(Count("claims"), 2);
  }
}

TEST_F(FactStoreTest, FailingArticleLeavesTheRestOfItsBatch) {
  ASSERT_TRUE(RefuseInserts("quotes", "NEW.text = 'boom boom'"));

  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("one.txt", "Acme is fine", "acme"), "h1", run_id_).ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("two.txt", "Grey Ltd ok", "grey"), "h2", run_id_).ok());
  // Replacing two.txt fails: its old version must survive.
  Status failed =
      store_->WriteArticle(SmallDocument("two.txt", "boom boom", "ghost"), "h2b", run_id_);
  EXPECT_EQ(failed.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(failed.message().find("two.txt: "), std::string::npos) << failed.message();
  EXPECT_NE(failed.message().find("forced failure"), std::string::npos) << failed.message();
  // The failed article's entity was rolled back; a later article must get a real row.
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("three.txt", "Ghost was here", "ghost"), "h3", run_id_)
          .ok());
  ASSERT_TRUE(store_->CommitBatch().ok());

  EXPECT_EQ(ReadRows(path_, "SELECT path, content_hash FROM articles ORDER BY path"),
            (Rows{{"one.txt", "h1"}, {"three.txt", "h3"}, {"two.txt", "h2"}}));
  EXPECT_EQ(ReadRows(path_,
                     "SELECT a.path, e.key FROM mentions m JOIN articles a ON a.id = "
                     "m.article_id JOIN entities e ON e.id = m.entity_id ORDER BY a.path"),
            (Rows{{"one.txt", "acme"}, {"three.txt", "ghost"}, {"two.txt", "grey"}}));
  EXPECT_TRUE(ReadRows(path_, "PRAGMA foreign_key_check").empty());
}

// A kWholeBatch batch writes no savepoint per article: an article that fails rolls back the
// whole batch, even a replacement written earlier in it, and closes it; the cached entity of
// a rolled-back article does not outlive it.
TEST_F(FactStoreTest, AFailedArticleRollsBackAWholeBatch) {
  ASSERT_TRUE(RefuseInserts("quotes", "NEW.text = 'boom boom'"));
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("one.txt", "Acme is fine", "acme"), "h1", run_id_).ok());

  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("one.txt", "Acme is new", "acme"), "h1b", run_id_).ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("two.txt", "Grey Ltd ok", "grey"), "h2", run_id_).ok());
  EXPECT_TRUE(store_->BatchOpen());
  Status failed =
      store_->WriteArticle(SmallDocument("three.txt", "boom boom", "ghost"), "h3", run_id_);
  EXPECT_NE(failed.message().find("three.txt: "), std::string::npos) << failed.message();
  EXPECT_NE(failed.message().find("forced failure"), std::string::npos) << failed.message();
  EXPECT_FALSE(store_->BatchOpen());
  EXPECT_EQ(store_->CommitBatch().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReadRows(path_, "SELECT path, content_hash FROM articles ORDER BY path"),
            (Rows{{"one.txt", "h1"}}));

  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("four.txt", "Grey saw it", "grey"), "h4", run_id_).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(ReadRows(path_,
                     "SELECT a.path, e.key FROM mentions m JOIN articles a ON a.id = "
                     "m.article_id JOIN entities e ON e.id = m.entity_id ORDER BY a.path"),
            (Rows{{"four.txt", "grey"}, {"one.txt", "acme"}}));
  EXPECT_TRUE(SearchIndexIsIntact());
}

// The search index is written at the batch's end, not article by article: it must still hold
// exactly the sentences stored, after a rewrite and a failed article in the same batch.
TEST_F(FactStoreTest, SearchIndexHoldsExactlyTheStoredSentencesOfABatch) {
  ASSERT_TRUE(RefuseInserts("quotes", "NEW.text = 'boom zebra'"));
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("one.txt", "Acme sold walrus", "acme"), "h1", run_id_)
          .ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("one.txt", "Acme sold otter", "acme"), "h1b", run_id_)
          .ok());
  EXPECT_FALSE(
      store_->WriteArticle(SmallDocument("two.txt", "boom zebra", "ghost"), "h2", run_id_).ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("three.txt", "Grey saw otter", "grey"), "h3", run_id_)
          .ok());
  ASSERT_TRUE(store_->CommitBatch().ok());

  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("four.txt", "Kite saw otter", "kite"), "h4", run_id_)
          .ok());
  EXPECT_TRUE(SearchIndexIsIntact());
  EXPECT_EQ(PathsMatching("otter"), (Rows{{"four.txt"}, {"one.txt"}, {"three.txt"}}));
  EXPECT_EQ(PathsMatching("walrus"), Rows{});
  EXPECT_EQ(PathsMatching("zebra"), Rows{});
}

// An article over a megabyte indexes its sentences at once rather than at the batch's end.
TEST_F(FactStoreTest, ALongArticleIsSearchableLikeAShortOne) {
  BeginRunIntoDatabaseWithArticles();
  std::string words = "Acme sold otter";
  while (words.size() < (size_t{3} << 19)) words += " and walrus";
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->WriteArticle(SmallDocument("long.txt", words, "acme"), "h1", run_id_).ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("short.txt", "Grey saw otter", "grey"), "h2", run_id_)
          .ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(ReadRows(path_,
                     "SELECT a.path FROM sentences_fts f JOIN sentences s ON s.id = f.rowid "
                     "JOIN articles a ON a.id = s.article_id WHERE sentences_fts MATCH 'otter' "
                     "ORDER BY a.path"),
            (Rows{{"long.txt"}, {"short.txt"}}));
}

// A batch's waiting sentences enter the index a few thousand per statement: every one of more
// than two statements' worth is searchable, the first and the last included.
TEST_F(FactStoreTest, EverySentenceOfABatchLargerThanOneIndexStatementIsSearchable) {
  BeginRunIntoDatabaseWithArticles();
  constexpr int kSentences = 20000;  // over the 16,384 sentences of one statement
  std::string words;
  std::vector<Span> spans;
  for (int i = 0; i < kSentences; ++i) {
    const std::string sentence = "Acme sold w" + std::to_string(i) + ".";
    spans.push_back({words.size(), words.size() + sentence.size()});
    words += sentence + " ";
  }
  Document doc = SmallDocument("many.txt", words, "acme");
  doc.mutable_sentences().clear();
  for (const Span& span : spans) doc.mutable_sentences().push_back({span, 0, 0, 0});
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->WriteArticle(doc, "h1", run_id_).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(ReadRows(path_, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'acme'"),
            (Rows{{std::to_string(kSentences)}}));
  for (const std::string word : {"w0", "w16383", "w16384", "w19999"}) {
    EXPECT_EQ(ReadRows(path_, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '" +
                                  word + "'"),
              (Rows{{"1"}}))
        << word;
  }
}

// A long article indexes the sentences waiting before it with its own, inside its savepoint:
// when it fails, they are indexed at the batch's end all the same.
TEST_F(FactStoreTest, AFailedLongArticleLeavesTheWaitingSentencesSearchable) {
  BeginRunIntoDatabaseWithArticles();
  ASSERT_TRUE(RefuseInserts("quotes", "substr(NEW.text, 1, 4) = 'Boom'"));
  std::string words = "Boom sold walrus";
  while (words.size() < (size_t{3} << 19)) words += " and walrus";
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("one.txt", "Acme saw otter", "acme"), "h1", run_id_).ok());
  EXPECT_FALSE(store_->WriteArticle(SmallDocument("long.txt", words, "boom"), "h2", run_id_).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_TRUE(SearchIndexIsIntact());
  EXPECT_EQ(PathsMatching("otter"), (Rows{{"one.txt"}}));
  EXPECT_EQ(PathsMatching("walrus"), Rows{});
}

// Stored articles are deleted ahead, together, only inside a whole batch (the writer's first
// pass), and go with their rows, search entries and votes.
TEST_F(FactStoreTest, ArticlesAreDeletedAheadOnlyInAWholeBatch) {
  BeginRunIntoDatabaseWithArticles();
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("a.txt", "Acme saw otter", "acme"), "h1", run_id_).ok());
  const std::vector<int64_t> ids = {ReadInt(path_, "SELECT id FROM articles WHERE path = 'a.txt'")};
  EXPECT_EQ(store_->DeleteArticles(ids).code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->BeginBatch(BatchMode::kArticleSavepoints).ok());
  EXPECT_EQ(store_->DeleteArticles(ids).code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(Count("articles"), 2);

  ASSERT_TRUE(store_->BeginBatch(BatchMode::kWholeBatch).ok());
  ASSERT_TRUE(store_->DeleteArticles(ids).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(ReadRows(path_, "SELECT path FROM articles"), Rows{{"first.txt"}});
  EXPECT_EQ(ReadInt(path_,
                    "SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                    "WHERE e.key = 'acme'"),
            0);
  EXPECT_EQ(ReadInt(path_,
                    "SELECT coalesce(sum(v.mentions), 0) FROM entity_type_votes v "
                    "JOIN entities e ON e.id = v.entity_id WHERE e.key = 'acme'"),
            0);
  EXPECT_EQ(ReadInt(path_, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'otter'"),
            0);
  EXPECT_EQ(ReadInt(path_, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'zed'"),
            1);
}

// Where the store indexes sentences itself, replacing an article indexes first only when the
// stored article's sentences still wait (written earlier in the same batch), and the index
// holds exactly the sentences stored whichever it was.
TEST_F(FactStoreTest, ReplacedArticlesLeaveTheSearchIndexExact) {
  BeginRunIntoDatabaseWithArticles();
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("old.txt", "Acme sold puffin", "acme"), "h1", run_id_)
          .ok());
  ASSERT_TRUE(store_->BeginBatch().ok());
  for (const auto& [path, words, hash] : {std::tuple{"one.txt", "Acme sold walrus", "h2"},
                                          {"old.txt", "Acme sold heron", "h3"},
                                          {"one.txt", "Acme sold otter", "h4"},
                                          {"two.txt", "Grey saw walrus", "h5"},
                                          {"two.txt", "Grey saw seal", "h6"}}) {
    ASSERT_TRUE(store_->WriteArticle(SmallDocument(path, words, "acme"), hash, run_id_).ok());
  }
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_TRUE(SearchIndexIsIntact());
  EXPECT_EQ(PathsMatching("acme"), (Rows{{"old.txt"}, {"one.txt"}}));
  EXPECT_EQ(PathsMatching("heron OR otter OR seal"), (Rows{{"old.txt"}, {"one.txt"}, {"two.txt"}}));
  EXPECT_EQ(PathsMatching("walrus OR puffin"), Rows{});
}

TEST_F(FactStoreTest, EntitiesAreSharedAcrossArticlesAndNamedByVote) {
  ASSERT_TRUE(store_->WriteArticle(SampleDocument("a.txt"), "h", run_id_).ok());
  Document renamed = SampleDocument("b.txt");
  renamed.mutable_entities()[0].name = "\xC3\x86r\xC3\xB8 Labs Inc";
  renamed.mutable_entities()[0].parent_key = "aero-holdings";
  renamed.mutable_entities()[1].parent_key.clear();  // an unknown parent keeps the known one
  ASSERT_TRUE(store_->WriteArticle(renamed, "h", run_id_).ok());
  // One article for each name: the tie goes to the name first in byte order, not to the
  // article written last (issue 15, item 7).
  EXPECT_EQ(ReadRows(path_, "SELECT key, name, parent_key FROM entities ORDER BY key"),
            (Rows{{"aero-labs", "\xC3\x86r\xC3\xB8 Labs", "aero-holdings"},
                  {"nordvik", "Nordvik", "nordvik-group"},
                  {"zoe-brandt", "Zo\xC3\xAB Brandt", "NULL"}}));
  Document renamed_again = SampleDocument("c.txt");
  renamed_again.mutable_entities()[0].name = "\xC3\x86r\xC3\xB8 Labs Inc";
  ASSERT_TRUE(store_->WriteArticle(renamed_again, "h", run_id_).ok());
  EXPECT_EQ(ReadRows(path_, "SELECT name FROM entities WHERE key = 'aero-labs'"),
            (Rows{{"\xC3\x86r\xC3\xB8 Labs Inc"}}));
  EXPECT_EQ(Count("aliases"), 2);
  EXPECT_EQ(ReadInt(path_, "SELECT count(DISTINCT entity_id) FROM mentions"), 3);
}

TEST_F(FactStoreTest, LoadContentHashesKeysByPathAndRecord) {
  ASSERT_TRUE(store_
                  ->WriteArticle(SmallDocument("feed.jsonl", "Acme record three", "acme", 3),
                                 "hash-record", run_id_)
                  .ok());
  ASSERT_TRUE(
      store_->WriteArticle(SmallDocument("plain.md", "Acme plain", "acme"), "hash-plain", run_id_)
          .ok());
  auto hashes = store_->LoadContentHashes();
  ASSERT_TRUE(hashes.ok()) << hashes.status().ToString();
  const std::unordered_map<std::string, std::string> expected = {
      {ArticleKey("feed.jsonl", 3), "hash-record"}, {ArticleKey("plain.md", -1), "hash-plain"}};
  EXPECT_EQ(*hashes, expected);
  EXPECT_EQ(ReadInt(path_, "SELECT record_index FROM articles WHERE path = 'feed.jsonl'"), 3);
}

TEST_F(FactStoreTest, RunsRecordStartFinishAndCounts) {
  RunCounts counts;
  counts.articles_added = 5;
  counts.articles_replaced = 2;
  counts.articles_unchanged = 7;
  counts.articles_failed = 1;
  ASSERT_TRUE(store_->FinishRun(run_id_, counts).ok());
  EXPECT_EQ(ReadRows(path_,
                     "SELECT tool_version, rules_fingerprint, articles_added, "
                     "articles_replaced, articles_unchanged, articles_failed, "
                     "started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
                     "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z', finished_at >= started_at "
                     "FROM runs"),
            (Rows{{"0.1.0", "f00d", "5", "2", "7", "1", "1", "1"}}));
  EXPECT_EQ(store_->FinishRun(run_id_ + 100, counts).code(), StatusCode::kNotFound);
}

TEST_F(FactStoreTest, BatchMisuseIsAnError) {
  EXPECT_EQ(store_->CommitBatch().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->BeginBatch().ok());
  EXPECT_EQ(store_->BeginBatch().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->WriteArticle(SampleDocument("a.txt"), "h", run_id_).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  EXPECT_EQ(Count("articles"), 1);
}

TEST_F(FactStoreTest, UncommittedBatchIsDiscarded) {
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->WriteArticle(SampleDocument("a.txt"), "h", run_id_).ok());
  store_.reset();
  EXPECT_EQ(Count("articles"), 0);
}

TEST(FactStoreLockTest, WritesWhileAnotherProcessHoldsTheLockAreBusy) {
  TempDir folder;
  const std::string path = folder.File("locked.db");
  FactStoreOptions options;
  options.busy_timeout_ms = 100;
  auto store = FactStore::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun({"0.1.0", "f00d"});
  ASSERT_TRUE(run.ok());

  auto holder = sqlite::Connection::Open(path, sqlite::OpenMode::kReadWriteCreate);
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE((*holder)->Exec("BEGIN EXCLUSIVE").ok());
  const std::string busy_message =
      path + ": database is locked by another process; retry when it finishes";
  const auto start = std::chrono::steady_clock::now();
  Status batch = (*store)->BeginBatch();
  EXPECT_EQ(batch.code(), StatusCode::kBusy);
  EXPECT_EQ(batch.message(), busy_message);
  Status write = (*store)->WriteArticle(SampleDocument("a.txt"), "h", *run);
  EXPECT_EQ(write.code(), StatusCode::kBusy);
  EXPECT_EQ(write.message(), "a.txt: " + busy_message);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));

  ASSERT_TRUE((*holder)->Exec("ROLLBACK").ok());
  ASSERT_TRUE((*store)->WriteArticle(SampleDocument("a.txt"), "h", *run).ok());
  EXPECT_EQ(ReadInt(path, "SELECT count(*) FROM articles"), 1);
}

TEST(FactStoreReadOnlyTest, ReadOnlyFileIsRefused) {
  if (geteuid() == 0) {
    GTEST_SKIP() << "running as root: chmod 0444 does not stop root from writing, so the "
                    "file cannot be made read-only here";
  }
  TempDir folder;
  const std::string path = folder.File("readonly.db");
  ASSERT_TRUE(FactStore::Open(path).ok());
  ASSERT_EQ(chmod(path.c_str(), 0444), 0);
  auto store = FactStore::Open(path);
  EXPECT_EQ(store.status().code(), StatusCode::kReadOnly);
  EXPECT_EQ(store.status().message().rfind(path + ": database is read-only", 0), 0u)
      << store.status().message();
}

}  // namespace
}  // namespace newsfacts
