// Serialises a Document to the JSON contract described in README.md ("extract"): the one
// JSON form of facts, which `extract` prints and golden files (cli/golden_facts.cc) project.
#include "pipeline/document_json.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/json_string.h"

namespace newsfacts {
namespace {

using nlohmann::json;

json OptionalString(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json OptionalIndex(const std::optional<size_t>& index) {
  return index ? json(*index) : json(nullptr);
}

json NonEmptyOrNull(const std::string& value) {
  return value.empty() ? json(nullptr) : json(value);
}

// The element `index` points at, or nullptr when it points nowhere: a layer index out of
// range (a stage's bug, or a test stage that writes no sentences) serializes as null.
template <typename T>
const T* At(const std::vector<T>& items, const std::optional<size_t>& index) {
  return index && *index < items.size() ? &items[*index] : nullptr;
}

json EntityName(const Document& doc, const std::optional<size_t>& index) {
  const Entity* entity = At(doc.entities(), index);
  return entity ? json(entity->name) : json(nullptr);
}

json SpanText(const Document& doc, const Span& span) { return std::string(doc.Text(span)); }

json ArticleJson(const Document& doc) {
  const ArticleMeta& meta = doc.meta();
  return {{"path", meta.path},
          {"record_index", meta.record_index},
          {"title", meta.title},
          {"source", meta.source},
          {"url", meta.url},
          {"published", meta.published},
          {"bytes", doc.text().size()},
          {"repaired_sequences", doc.repaired_sequences()}};
}

json SentenceJson(const Document& doc, const Sentence& sentence) {
  return {{"text", SpanText(doc, sentence.span)},
          {"paragraph", sentence.paragraph},
          {"start", sentence.span.begin},
          {"end", sentence.span.end}};
}

json EntityJson(const Entity& entity) {
  return {{"key", entity.key},
          {"name", entity.name},
          {"type", EntityTypeName(entity.type)},
          {"parent", NonEmptyOrNull(entity.parent_key)},
          {"aliases", entity.aliases}};
}

json MentionJson(const Document& doc, const Mention& mention) {
  const Entity* entity = At(doc.entities(), mention.entity);
  return {{"entity", entity ? json(entity->name) : json(nullptr)},
          {"key", entity ? json(entity->key) : json(nullptr)},
          {"type", EntityTypeName(mention.type)},
          {"text", SpanText(doc, mention.span)},
          {"sentence", mention.sentence},
          {"start", mention.span.begin},
          {"end", mention.span.end},
          {"rule", mention.rule},
          {"entity_index", mention.entity}};
}

json AmountJson(const Document& doc, const Amount& amount) {
  return {{"text", SpanText(doc, amount.span)},
          {"value", OptionalString(amount.value)},
          {"low", OptionalString(amount.low)},
          {"high", OptionalString(amount.high)},
          {"currency", OptionalString(amount.currency)},
          {"currency_evidence", amount.currency_evidence},
          {"qualifier", amount.qualifier},
          {"vague", amount.vague},
          {"restates", amount.restates ? json(*amount.restates) : json(nullptr)},
          {"sentence", amount.sentence},
          {"start", amount.span.begin},
          {"end", amount.span.end},
          {"rule", amount.rule}};
}

json ClaimJson(const Document& doc, const Claim& claim) {
  const Amount* amount = At(doc.amounts(), claim.amount);
  const Sentence* sentence = At(doc.sentences(), claim.sentence);
  return {
      {"predicate", claim.predicate},
      {"subject", EntityName(doc, claim.subject)},
      {"object", EntityName(doc, claim.object)},
      {"subject_text", claim.subject ? SpanText(doc, claim.subject_span) : json(nullptr)},
      {"object_text", claim.object_span.empty() ? json(nullptr) : SpanText(doc, claim.object_span)},
      {"amount", amount ? AmountJson(doc, *amount) : json(nullptr)},
      {"role", NonEmptyOrNull(claim.role)},
      {"status", ClaimStatusName(claim.status)},
      {"speaker", NonEmptyOrNull(claim.speaker)},
      {"venue", NonEmptyOrNull(claim.venue)},
      {"sentence", sentence ? SpanText(doc, sentence->span) : json(nullptr)},
      {"start", claim.span.begin},
      {"end", claim.span.end},
      {"rule", claim.rule},
      {"amount_role", NonEmptyOrNull(claim.amount_role)},
      {"stage", NonEmptyOrNull(claim.stage)},
      {"event_date", NonEmptyOrNull(claim.event_date)},
      {"event_date_text", NonEmptyOrNull(claim.event_date_text)},
      {"event_date_rule", NonEmptyOrNull(claim.event_date_rule)},
      {"sentence_index", claim.sentence},
      {"subject_index", OptionalIndex(claim.subject)},
      {"object_index", OptionalIndex(claim.object)},
      {"amount_index", OptionalIndex(claim.amount)},
      {"subject_start", claim.subject_span.begin},
      {"subject_end", claim.subject_span.end},
      {"object_start", claim.object_span.begin},
      {"object_end", claim.object_span.end}};
}

json QuoteJson(const Document& doc, const Quote& quote) {
  return {{"text", SpanText(doc, quote.span)},
          {"speaker", NonEmptyOrNull(quote.speaker)},
          {"venue", NonEmptyOrNull(quote.venue)},
          {"sentence", quote.sentence},
          {"start", quote.span.begin},
          {"end", quote.span.end},
          {"speaker_index", OptionalIndex(quote.speaker_entity)}};
}

// Writes the contract's object one element at a time, as json::dump of the whole object would
// print it (keys in order, nested lines indented), without building it: the object of a 60 MB
// article would take gigabytes (issue 16), and building it was a tenth of `extract`'s time.
class StreamingWriter {
 public:
  StreamingWriter(std::ostream& out, int indent) : out_(out), indent_(indent) {}

  void Begin() { out_ << '{'; }
  void End() { out_ << (indent_ >= 0 ? "\n}" : "}"); }

  void Member(std::string_view key, const json& value) {
    Key(key);
    Value(value, 1);
  }

  // A member whose value is already JSON text, written as it is.
  void RawMember(std::string_view key, std::string_view value) {
    Key(key);
    out_ << value;
  }

  bool compact() const { return indent_ < 0; }

  template <typename Item, typename ToJson>
  void ArrayMember(std::string_view key, const std::vector<Item>& items, ToJson to_json) {
    Key(key);
    if (items.empty()) {
      out_ << "[]";
      return;
    }
    out_ << '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out_ << ',';
      if (indent_ >= 0) out_ << '\n' << std::string(static_cast<size_t>(2 * indent_), ' ');
      Value(to_json(items[i]), 2);
    }
    if (indent_ >= 0) out_ << '\n' << std::string(static_cast<size_t>(indent_), ' ');
    out_ << ']';
  }

 private:
  void Key(std::string_view key) {
    if (members_++ > 0) out_ << ',';
    if (indent_ >= 0) out_ << '\n' << std::string(static_cast<size_t>(indent_), ' ');
    out_ << '"' << key << (indent_ >= 0 ? "\": " : "\":");
  }

  // `value` dumped at nesting `depth`: every line after its first indented `depth` levels.
  void Value(const json& value, int depth) {
    const std::string text = value.dump(indent_, ' ', false, json::error_handler_t::replace);
    if (indent_ < 0) {
      out_ << text;
      return;
    }
    const std::string margin(static_cast<size_t>(depth * indent_), ' ');
    size_t line = 0;
    for (size_t newline = text.find('\n'); newline != std::string::npos;
         newline = text.find('\n', line)) {
      out_.write(text.data() + line, static_cast<std::streamsize>(newline + 1 - line));
      out_ << margin;
      line = newline + 1;
    }
    out_.write(text.data() + line, static_cast<std::streamsize>(text.size() - line));
  }

  std::ostream& out_;
  const int indent_;
  int members_ = 0;
};

// The sentences array as json::dump(-1) prints ArrayOf(sentences, SentenceJson), written
// directly: the sentences hold the whole text again.
std::string CompactSentences(const Document& doc) {
  std::string out = "[";
  for (const Sentence& sentence : doc.sentences()) {
    if (out.size() > 1) out += ',';
    out += "{\"end\":" + std::to_string(sentence.span.end) +
           ",\"paragraph\":" + std::to_string(sentence.paragraph) +
           ",\"start\":" + std::to_string(sentence.span.begin) + ",\"text\":";
    AppendJsonString(doc.Text(sentence.span), &out);
    out += '}';
  }
  out += ']';
  return out;
}

// The "load" object of a facts line, its keys in json::dump's (sorted) order.
std::string LoadObject(const Document& doc, const FactsProvenance& provenance) {
  std::string out = "{\"content_hash\":";
  AppendJsonString(provenance.content_hash, &out);
  out += ",\"format\":" + std::to_string(kFactsLineFormat) + ",\"rules_fingerprint\":";
  AppendJsonString(provenance.rules_fingerprint, &out);
  out += ",\"text\":";
  AppendJsonString(doc.text(), &out);
  out += ",\"tool_version\":";
  AppendJsonString(provenance.tool_version, &out);
  out += '}';
  return out;
}

// Writes the contract's object for `doc`, plus a "load" member (JSON text) when `load` is
// not null.
void WriteDocument(const Document& doc, int indent, const std::string* load, std::ostream& out) {
  StreamingWriter writer(out, indent);
  writer.Begin();
  // In json::dump's order: the keys sorted.
  writer.ArrayMember("amounts", doc.amounts(), [&](const Amount& a) { return AmountJson(doc, a); });
  writer.Member("article", ArticleJson(doc));
  writer.ArrayMember("claims", doc.claims(), [&](const Claim& c) { return ClaimJson(doc, c); });
  writer.ArrayMember("entities", doc.entities(), EntityJson);
  if (load != nullptr) writer.RawMember("load", *load);
  writer.ArrayMember("mentions", doc.mentions(),
                     [&](const Mention& m) { return MentionJson(doc, m); });
  writer.ArrayMember("quotes", doc.quotes(), [&](const Quote& q) { return QuoteJson(doc, q); });
  if (writer.compact()) {
    writer.RawMember("sentences", CompactSentences(doc));
  } else {
    writer.ArrayMember("sentences", doc.sentences(),
                       [&](const Sentence& s) { return SentenceJson(doc, s); });
  }
  writer.End();
}

}  // namespace

void WriteDocumentJson(const Document& doc, int indent, std::ostream& out) {
  WriteDocument(doc, indent, nullptr, out);
}

std::string DocumentToJson(const Document& doc, int indent) {
  std::ostringstream out;
  WriteDocumentJson(doc, indent, out);
  return out.str();
}

std::string DocumentToFactsLine(const Document& doc, const FactsProvenance& provenance) {
  const std::string load = LoadObject(doc, provenance);
  std::ostringstream out;
  WriteDocument(doc, -1, &load, out);
  return out.str();
}

}  // namespace newsfacts
