// The JSON contract of `newsfacts extract`: one object per article with article, sentences,
// entities, mentions, amounts, claims and quotes. The one JSON form of facts: golden files
// (cli/golden_facts.h) are a projection of it, and facts lines (the streaming filter's output,
// which `newsfacts load` stores) extend it. Change it only additively.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace newsfacts {

// Returns the document as the contract's JSON object, pretty-printed with `indent` spaces
// (-1 for one line). Spans are UTF-8 byte offsets `start`/`end` into the stored text. A
// layer index that points nowhere (a stage's bug) is written as null, never read.
std::string DocumentToJson(const Document& doc, int indent);

// Writes DocumentToJson(doc, indent) to `out` an element at a time, so memory holds one
// element's JSON and never the whole object's.
void WriteDocumentJson(const Document& doc, int indent, std::ostream& out);

// The version of the facts line format, written as load.format. A reader refuses lines of
// another version.
inline constexpr int kFactsLineFormat = 1;

// What a facts line carries besides the facts: who produced them and the article's identity.
struct FactsProvenance {
  std::string tool_version;       // the newsfacts version that extracted the facts
  std::string rules_fingerprint;  // the rule set's fingerprint (RuleSources::Fingerprint)
  std::string content_hash;       // the article's content hash (db/article_identity.h)
};

// Returns one line (no newline) holding DocumentToJson(doc, -1)'s object plus a "load" object:
// {"format": kFactsLineFormat, "tool_version", "rules_fingerprint", "content_hash", "text"},
// the text being the article's stored text, so the document can be rebuilt without the
// pipeline.
std::string DocumentToFactsLine(const Document& doc, const FactsProvenance& provenance);

// A document rebuilt from a facts line, with the provenance the line carried.
struct FactsLine {
  Document doc;
  FactsProvenance provenance;
};

// Rebuilds the document a facts line describes: its metadata, text and every stored layer
// (sentences, entities, mentions, amounts, claims, quotes; not tokens). Errors:
// InvalidArgument for malformed JSON, an error object of the filter ({"error": ...}), a
// missing or mistyped field, a format version other than kFactsLineFormat, or text that is
// not NFC; the message says which field. Spans and indexes are not checked here: the store
// checks them (ValidateDocument) before writing.
StatusOr<FactsLine> ParseFactsLine(std::string_view line);

}  // namespace newsfacts
