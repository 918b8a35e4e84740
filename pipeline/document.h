// Document: one article's immutable NFC text plus the annotation layers stages append.
// Each layer is owned by the one stage that declares it in Stage::writes().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/interned_string.h"
#include "pipeline/span.h"

namespace newsfacts {

// Where an article came from and what its source file said about it.
struct ArticleMeta {
  std::string path;       // file path as given on the command line (relative stays relative)
  int record_index = -1;  // index of the record inside a .json/.jsonl file, -1 otherwise
  std::string title;      // headline, empty when unknown
  std::string source;     // outlet, e.g. "TechCrunch"
  std::string url;
  std::string published;          // ISO 8601 date or date-time as found, empty when unknown
  std::string currency_hint;      // ISO 4217 code a bare "$" means in this article, empty = USD
  size_t repaired_sequences = 0;  // invalid UTF-8 sequences the reader replaced in its file
};

enum class TokenKind { kWord, kNumber, kPunctuation, kSymbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  Span span;
  size_t first_token = 0;  // index into Document::tokens()
  size_t token_count = 0;
  int paragraph = 0;  // 0-based paragraph number; the headline is paragraph 0
};

enum class EntityType { kOrg, kPerson, kProduct, kLocation };

// "ORG", "PERSON", "PRODUCT", "LOCATION".
std::string_view EntityTypeName(EntityType type);

// A distinct entity this article mentions, resolved to its canonical key.
struct Entity {
  std::string key;   // canonical key shared across articles, e.g. "amazon-web-services"
  std::string name;  // canonical display name, e.g. "Amazon Web Services"
  EntityType type = EntityType::kOrg;
  std::string parent_key;            // e.g. "amazon" for AWS, empty when none
  std::vector<std::string> aliases;  // surface forms seen or known, e.g. "AWS"
};

struct Mention {
  Span span;
  size_t entity = 0;  // index into Document::entities()
  EntityType type = EntityType::kOrg;
  size_t sentence = 0;  // index into Document::sentences()
  InternedString rule;  // id of the gazetteer entry or pattern that found it
};

// A run of capitalized words the entity stage found but no rule typed ("Korvex" in "Korvex
// acquired Brantel"). Not a fact: the claim stage types it when a claim rule reads it in a
// slot whose predicate licenses it, and the rest are dropped with the document.
struct NameCandidate {
  Span span;       // the run's bytes, designators included
  Span name_span;  // the name proper, without trailing designators
  size_t sentence = 0;
};

// A money expression with an exact decimal value. Values are decimal strings in major
// units ("4000000000", "1.34"); an absent bound is unbounded on that side.
struct Amount {
  Span span;
  size_t sentence = 0;
  std::optional<std::string> value;     // point value; absent for ranges and vague amounts
  std::optional<std::string> low;       // inclusive lower bound
  std::optional<std::string> high;      // upper bound
  std::optional<std::string> currency;  // ISO 4217 code, absent when unknown
  std::string
      currency_evidence;  // why: "symbol $", "code USD", "name euros", "dollar-sign default"
  std::string qualifier;  // "exact", "approximate", "lower", "upper", "range", "vague"
  bool vague = false;
  std::optional<size_t> restates;  // index of the amount this one converts, e.g. "(£5bn)"
  std::string rule;
};

enum class ClaimStatus {
  kAsserted,
  kReported,
  kHedged,
  kNegated,
  kQuestion,
  kPlanned,
  kConditional
};

// "asserted", "reported", "hedged", "negated", "question", "planned", "conditional".
std::string_view ClaimStatusName(ClaimStatus status);

struct Claim {
  std::string predicate;          // from the documented vocabulary, e.g. "invested_in"
  std::optional<size_t> subject;  // index into Document::entities()
  std::optional<size_t> object;   // unset for a described object that is no entity
  Span subject_span;
  Span object_span;              // empty when the claim has no object
  std::optional<size_t> amount;  // index into Document::amounts()
  std::string role;              // for holds_role: "CEO"; for uses: "primary cloud provider"
  ClaimStatus status = ClaimStatus::kAsserted;
  std::string speaker;  // who said it, e.g. "Garman"
  std::string venue;    // to or through whom, e.g. "TechCrunch"
  size_t sentence = 0;
  Span span;  // the evidence: what the rule matched
  std::string rule;
  // Which part of the money the amount is: "total", "tranche", "part", "per_unit",
  // "valuation" or "unspecified"; empty when the claim has no amount.
  std::string amount_role;
  // How far a deal got (acquired, sold, merged_with, invested_in, raised): "rumoured",
  // "in_talks", "agreed", "completed", "abandoned", "blocked" or "unspecified"; empty for
  // other predicates.
  std::string stage;
  // When it happened: "2019", "2025-06" or "2025-06-03"; empty when unknown. With the words
  // that said it ("on Tuesday") and the id of the date rule that read them.
  std::string event_date;
  std::string event_date_text;
  std::string event_date_rule;
};

struct Quote {
  Span span;  // the quoted words, without quote marks
  std::string speaker;
  std::optional<size_t> speaker_entity;
  size_t sentence = 0;
  std::string venue;  // the outlet it was said to: "TechCrunch" in `..., Garman told TechCrunch`
};

// An article's text and annotations. Not thread-safe; one worker owns a Document at a time.
class Document {
 public:
  // Builds a document from raw bytes: invalid UTF-8 becomes U+FFFD (counted in
  // repaired_sequences), then the text is NFC. For bytes no reader has seen (tests, rule
  // examples, evaluation sets).
  static Document FromRaw(ArticleMeta meta, std::string_view raw);
  // Builds a document from text that is valid UTF-8 already: a corpus reader's RawArticle
  // (the reader repaired and counted it) or a stored article. Only normalizes to NFC, so
  // text is repaired once. Requires valid UTF-8 (IsValidUtf8).
  static Document FromUtf8(ArticleMeta meta, std::string_view utf8);
  // The same, taking the text over when it is NFC already, so a large article is not copied;
  // `utf8` is left empty either way.
  static Document FromOwnedUtf8(ArticleMeta meta, std::string&& utf8);
  // A document of `span`'s bytes of `article`'s text, with its metadata and no layers: the
  // text of one window of a long article (pipeline/article_windows.h). Requires `span` to
  // start and end on code point boundaries.
  static Document WindowOf(const Document& article, Span span);

  const std::string& text() const { return text_; }
  const ArticleMeta& meta() const { return meta_; }
  // How many invalid UTF-8 sequences were replaced with U+FFFD, by the reader or FromRaw.
  size_t repaired_sequences() const { return meta_.repaired_sequences; }

  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Mention>& mentions() const { return mentions_; }
  const std::vector<Amount>& amounts() const { return amounts_; }
  const std::vector<Claim>& claims() const { return claims_; }
  const std::vector<Quote>& quotes() const { return quotes_; }
  const std::vector<NameCandidate>& name_candidates() const { return name_candidates_; }

  // Writers: only the stage that declares the layer calls these.
  std::vector<Sentence>& mutable_sentences() { return sentences_; }
  std::vector<Token>& mutable_tokens() { return tokens_; }
  // Frees the token layer once no stage still to run reads it: what comes after extraction
  // (the store, facts JSON) reads sentences and spans, never tokens, and a queue of documents
  // waiting for a writer held some 40 MB of them (issue 16); documents kept between the first
  // stages and the rest drop them too (PipelineBuild::ReadLater).
  void ReleaseTokens() { std::vector<Token>().swap(tokens_); }
  // Frees every annotation layer, keeping the text and metadata: for a store that has written
  // them and has the text still to write (FactStore::WriteArticleIfChangedReleasing).
  void ReleaseLayers();
  std::vector<Entity>& mutable_entities() { return entities_; }
  std::vector<Mention>& mutable_mentions() { return mentions_; }
  std::vector<Amount>& mutable_amounts() { return amounts_; }
  std::vector<Claim>& mutable_claims() { return claims_; }
  std::vector<Quote>& mutable_quotes() { return quotes_; }
  std::vector<NameCandidate>& mutable_name_candidates() { return name_candidates_; }

  std::string_view Text(const Span& span) const { return span.Slice(text_); }

 private:
  Document(ArticleMeta meta, std::string text) : meta_(std::move(meta)), text_(std::move(text)) {}

  ArticleMeta meta_;
  std::string text_;
  std::vector<Sentence> sentences_;
  std::vector<Token> tokens_;
  std::vector<Entity> entities_;
  std::vector<Mention> mentions_;
  std::vector<Amount> amounts_;
  std::vector<NameCandidate> name_candidates_;
  std::vector<Claim> claims_;
  std::vector<Quote> quotes_;
};

}  // namespace newsfacts
