// Serialises a Document to the JSON contract described in README.md ("extract"): the one
// JSON form of facts, which `extract` prints and golden files (cli/golden_facts.cc) project.
#include "pipeline/document_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/json_string.h"

namespace newsfacts {
namespace {

using nlohmann::json;

// One JSON object in compact form, as json::dump(-1) prints it: members are gathered, then
// written with their keys sorted, as nlohmann's std::map-backed object orders them.
class CompactObject {
 public:
  CompactObject& String(std::string_view key, std::string_view value) {
    AppendJsonString(value, &Value(key));
    return *this;
  }
  CompactObject& OptionalString(std::string_view key, const std::optional<std::string>& value) {
    return value ? String(key, *value) : Null(key);
  }
  CompactObject& NonEmptyOrNull(std::string_view key, const std::string& value) {
    return value.empty() ? Null(key) : String(key, value);
  }
  CompactObject& Number(std::string_view key, int64_t value) {
    Value(key) = std::to_string(value);
    return *this;
  }
  CompactObject& OptionalIndex(std::string_view key, const std::optional<size_t>& value) {
    return value ? Number(key, static_cast<int64_t>(*value)) : Null(key);
  }
  CompactObject& Bool(std::string_view key, bool value) {
    Value(key) = value ? "true" : "false";
    return *this;
  }
  CompactObject& Null(std::string_view key) {
    Value(key) = "null";
    return *this;
  }
  CompactObject& Strings(std::string_view key, const std::vector<std::string>& values) {
    std::string& out = Value(key);
    out = "[";
    for (const std::string& value : values) {
      if (out.size() > 1) out += ',';
      AppendJsonString(value, &out);
    }
    out += ']';
    return *this;
  }
  CompactObject& Raw(std::string_view key, std::string json_text) {
    Value(key) = std::move(json_text);
    return *this;
  }

  std::string Text() {
    std::sort(members_.begin(), members_.end());
    std::string out = "{";
    for (const auto& [key, value] : members_) {
      if (out.size() > 1) out += ',';
      AppendJsonString(key, &out);
      out += ':';
      out += value;
    }
    out += '}';
    return out;
  }

 private:
  std::string& Value(std::string_view key) {
    return members_.emplace_back(std::string(key), std::string()).second;
  }

  std::vector<std::pair<std::string, std::string>> members_;
};

// The element `index` points at, or nullptr when it points nowhere: a layer index out of
// range (a stage's bug, or a test stage that writes no sentences) serializes as null.
template <typename T>
const T* At(const std::vector<T>& items, const std::optional<size_t>& index) {
  return index && *index < items.size() ? &items[*index] : nullptr;
}

int64_t Offset(size_t offset) { return static_cast<int64_t>(offset); }

std::string ArticleJson(const Document& doc) {
  const ArticleMeta& meta = doc.meta();
  return CompactObject()
      .String("path", meta.path)
      .Number("record_index", meta.record_index)
      .String("title", meta.title)
      .String("source", meta.source)
      .String("url", meta.url)
      .String("published", meta.published)
      .Number("bytes", Offset(doc.text().size()))
      .Number("repaired_sequences", Offset(doc.repaired_sequences()))
      .Text();
}

std::string SentenceJson(const Document& doc, const Sentence& sentence) {
  return CompactObject()
      .String("text", doc.Text(sentence.span))
      .Number("paragraph", sentence.paragraph)
      .Number("start", Offset(sentence.span.begin))
      .Number("end", Offset(sentence.span.end))
      .Text();
}

std::string EntityJson(const Entity& entity) {
  return CompactObject()
      .String("key", entity.key)
      .String("name", entity.name)
      .String("type", EntityTypeName(entity.type))
      .NonEmptyOrNull("parent", entity.parent_key)
      .Strings("aliases", entity.aliases)
      .Text();
}

std::string MentionJson(const Document& doc, const Mention& mention) {
  const Entity* entity = At(doc.entities(), mention.entity);
  CompactObject out;
  if (entity != nullptr) {
    out.String("entity", entity->name).String("key", entity->key);
  } else {
    out.Null("entity").Null("key");
  }
  return out.String("type", EntityTypeName(mention.type))
      .String("text", doc.Text(mention.span))
      .Number("sentence", Offset(mention.sentence))
      .Number("start", Offset(mention.span.begin))
      .Number("end", Offset(mention.span.end))
      .String("rule", mention.rule)
      .Number("entity_index", Offset(mention.entity))
      .Text();
}

std::string AmountJson(const Document& doc, const Amount& amount) {
  CompactObject out;
  out.String("text", doc.Text(amount.span))
      .OptionalString("value", amount.value)
      .OptionalString("low", amount.low)
      .OptionalString("high", amount.high)
      .OptionalString("currency", amount.currency)
      .String("currency_evidence", amount.currency_evidence)
      .String("qualifier", amount.qualifier)
      .Bool("vague", amount.vague);
  if (amount.restates) {
    out.Number("restates", Offset(*amount.restates));
  } else {
    out.Null("restates");
  }
  return out.Number("sentence", Offset(amount.sentence))
      .Number("start", Offset(amount.span.begin))
      .Number("end", Offset(amount.span.end))
      .String("rule", amount.rule)
      .Text();
}

std::string ClaimJson(const Document& doc, const Claim& claim) {
  const Amount* amount = At(doc.amounts(), claim.amount);
  const Sentence* sentence = At(doc.sentences(), claim.sentence);
  const Entity* subject = At(doc.entities(), claim.subject);
  const Entity* object = At(doc.entities(), claim.object);
  CompactObject out;
  out.String("predicate", claim.predicate);
  subject ? out.String("subject", subject->name) : out.Null("subject");
  object ? out.String("object", object->name) : out.Null("object");
  claim.subject ? out.String("subject_text", doc.Text(claim.subject_span))
                : out.Null("subject_text");
  claim.object_span.empty() ? out.Null("object_text")
                            : out.String("object_text", doc.Text(claim.object_span));
  amount ? out.Raw("amount", AmountJson(doc, *amount)) : out.Null("amount");
  out.NonEmptyOrNull("role", claim.role)
      .String("status", ClaimStatusName(claim.status))
      .NonEmptyOrNull("speaker", claim.speaker)
      .NonEmptyOrNull("venue", claim.venue);
  sentence ? out.String("sentence", doc.Text(sentence->span)) : out.Null("sentence");
  return out.Number("start", Offset(claim.span.begin))
      .Number("end", Offset(claim.span.end))
      .String("rule", claim.rule)
      .NonEmptyOrNull("amount_role", claim.amount_role)
      .NonEmptyOrNull("stage", claim.stage)
      .NonEmptyOrNull("event_date", claim.event_date)
      .NonEmptyOrNull("event_date_text", claim.event_date_text)
      .NonEmptyOrNull("event_date_rule", claim.event_date_rule)
      .Number("sentence_index", Offset(claim.sentence))
      .OptionalIndex("subject_index", claim.subject)
      .OptionalIndex("object_index", claim.object)
      .OptionalIndex("amount_index", claim.amount)
      .Number("subject_start", Offset(claim.subject_span.begin))
      .Number("subject_end", Offset(claim.subject_span.end))
      .Number("object_start", Offset(claim.object_span.begin))
      .Number("object_end", Offset(claim.object_span.end))
      .Text();
}

std::string QuoteJson(const Document& doc, const Quote& quote) {
  return CompactObject()
      .String("text", doc.Text(quote.span))
      .NonEmptyOrNull("speaker", quote.speaker)
      .NonEmptyOrNull("venue", quote.venue)
      .Number("sentence", Offset(quote.sentence))
      .Number("start", Offset(quote.span.begin))
      .Number("end", Offset(quote.span.end))
      .OptionalIndex("speaker_index", quote.speaker_entity)
      .Text();
}

// Writes the contract's object one element at a time, as json::dump of the whole object would
// print it (keys in order, nested lines indented), without building it: the object of a 60 MB
// article would take gigabytes (issue 16). Elements come as compact JSON text; pretty output
// (indent >= 0) reads each back and prints it indented.
class StreamingWriter {
 public:
  StreamingWriter(std::ostream& out, int indent) : out_(out), indent_(indent) {}

  void Begin() { out_ << '{'; }
  void End() { out_ << (indent_ >= 0 ? "\n}" : "}"); }

  void Member(std::string_view key, const std::string& value) {
    Key(key);
    Value(value, 1);
  }

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

  // Compact JSON `value` at nesting `depth`: as it is, or printed with indent_ and every line
  // after its first indented `depth` levels.
  void Value(const std::string& value, int depth) {
    if (indent_ < 0) {
      out_ << value;
      return;
    }
    const std::string text =
        json::parse(value).dump(indent_, ' ', false, json::error_handler_t::replace);
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

// The "load" object of a facts line.
std::string LoadObject(const Document& doc, const FactsProvenance& provenance) {
  return CompactObject()
      .Number("format", kFactsLineFormat)
      .String("tool_version", provenance.tool_version)
      .String("rules_fingerprint", provenance.rules_fingerprint)
      .String("content_hash", provenance.content_hash)
      .String("text", doc.text())
      .Text();
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
  if (load != nullptr) writer.Member("load", *load);
  writer.ArrayMember("mentions", doc.mentions(),
                     [&](const Mention& m) { return MentionJson(doc, m); });
  writer.ArrayMember("quotes", doc.quotes(), [&](const Quote& q) { return QuoteJson(doc, q); });
  writer.ArrayMember("sentences", doc.sentences(),
                     [&](const Sentence& s) { return SentenceJson(doc, s); });
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
