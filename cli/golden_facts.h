// Golden facts of `newsfacts check`: the reviewable subset of an article's extracted facts,
// built from a Document, written as a `*.facts.json` file beside the article and read back.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/span.h"
#include "pipeline/status.h"

namespace newsfacts {

// The three extractors whose output a golden file records.
enum class FactKind { kMention, kAmount, kClaim };

inline constexpr std::array<FactKind, 3> kFactKinds = {FactKind::kMention, FactKind::kAmount,
                                                       FactKind::kClaim};

// "mention", "amount", "claim".
std::string_view FactKindName(FactKind kind);
// "mentions", "amounts", "claims": the golden file's array names and `--only` values.
std::string_view FactKindPlural(FactKind kind);
// Returns the kind whose plural is `plural`, or nullopt for anything else.
std::optional<FactKind> FactKindFromPlural(std::string_view plural);

// One golden fact: its kind, its span (UTF-8 byte offsets into the article text) and its
// other fields in the kind's fixed order (see FactFieldNames). Each value is the compact JSON
// text of the field (`"ORG"`, `null`, `true`), so facts compare and print without a JSON
// library. A plain value type.
struct Fact {
  FactKind kind = FactKind::kMention;
  Span span;
  std::vector<std::pair<std::string, std::string>> fields;

  // Returns the JSON text of field `name`, or "null" when the fact has no such field.
  std::string_view Field(std::string_view name) const;

  friend bool operator==(const Fact&, const Fact&) = default;
};

// The field names of `kind` in file order, without start/end:
//   mention: text, type, entity
//   amount:  text, value, low, high, currency, qualifier, vague, restates
//   claim:   predicate, subject, object, amount, role, status, speaker, venue, amount_role,
//            stage, event_date
// A claim's `amount` and an amount's `restates` hold the text of the amount they point to.
const std::vector<std::string>& FactFieldNames(FactKind kind);

// True for the fields a golden file may leave out, meaning null: a claim's amount_role, stage
// and event_date (issue 14), written only when the extractors set them.
bool IsOptionalField(FactKind kind, std::string_view field);

// The fields that say WHAT a fact is, compared by the precision/recall scores:
//   mention: type, entity; amount: value, low, high, currency, qualifier;
//   claim: predicate, subject, object, status, amount.
const std::vector<std::string>& FactKeyFieldNames(FactKind kind);

// Orders facts by start, end, then field values: the golden file order.
bool FactLess(const Fact& a, const Fact& b);

// The golden facts of one article (one record of a .json/.jsonl file, or the whole file).
struct GoldenRecord {
  int record_index = -1;  // the record inside a .json/.jsonl file, -1 for other formats
  std::string title;
  std::array<std::vector<Fact>, kFactKinds.size()> facts;  // indexed by FactKind, sorted

  std::vector<Fact>& Of(FactKind kind) { return facts[static_cast<size_t>(kind)]; }
  const std::vector<Fact>& Of(FactKind kind) const { return facts[static_cast<size_t>(kind)]; }

  friend bool operator==(const GoldenRecord&, const GoldenRecord&) = default;
};

// A golden file: the article file's name and one record per article in it.
struct GoldenFile {
  std::string article;                // the article's file name, e.g. "cisco-splunk-28bn.txt"
  std::vector<GoldenRecord> records;  // sorted by record_index

  friend bool operator==(const GoldenFile&, const GoldenFile&) = default;
};

// Returns the golden record of a processed document: its mentions, amounts and claims as
// facts, each list sorted by FactLess.
GoldenRecord GoldenFromDocument(const Document& doc);

// Returns the golden file as text: 2-space indented JSON with one fact object per line, so a
// change to one fact is a one-line change in a diff. Ends with a newline.
std::string SerializeGolden(const GoldenFile& golden);

// Parses golden file text. Returns InvalidArgument, prefixed with `name`, for malformed JSON,
// a missing or unknown field, or a field of the wrong JSON type. Facts are sorted on reading.
StatusOr<GoldenFile> ParseGolden(std::string_view text, std::string_view name);

}  // namespace newsfacts
