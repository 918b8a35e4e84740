// Serialises a Document to the JSON contract described in README.md ("extract"): the one
// JSON form of facts, which `extract` prints and golden files (cli/golden_facts.cc) project.
#include "pipeline/document_json.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <nlohmann/json.hpp>

#include "pipeline/json_string.h"

namespace newsfacts {
namespace {

using nlohmann::json;

// One JSON object in compact form, as json::dump(-1) prints it: member values are written
// into one buffer as they come, then the members are appended with their keys sorted, as
// nlohmann's std::map-backed object orders them. Keys are the contract's literals.
class CompactObject {
 public:
  CompactObject() {
    values_.reserve(256);
    members_.reserve(32);
  }

  CompactObject& String(std::string_view key, std::string_view value) {
    Begin(key);
    AppendJsonString(value, &values_);
    return End();
  }
  CompactObject& OptionalString(std::string_view key, const std::optional<std::string>& value) {
    return value ? String(key, *value) : Null(key);
  }
  CompactObject& NonEmptyOrNull(std::string_view key, const std::string& value) {
    return value.empty() ? Null(key) : String(key, value);
  }
  CompactObject& Number(std::string_view key, int64_t value) {
    char digits[24];
    const auto written = std::to_chars(std::begin(digits), std::end(digits), value);
    return Raw(key, std::string_view(digits, static_cast<size_t>(written.ptr - digits)));
  }
  CompactObject& OptionalIndex(std::string_view key, const std::optional<size_t>& value) {
    return value ? Number(key, static_cast<int64_t>(*value)) : Null(key);
  }
  CompactObject& Bool(std::string_view key, bool value) {
    return Raw(key, value ? "true" : "false");
  }
  CompactObject& Null(std::string_view key) { return Raw(key, "null"); }
  CompactObject& Strings(std::string_view key, const std::vector<std::string>& values) {
    Begin(key);
    values_ += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) values_ += ',';
      AppendJsonString(values[i], &values_);
    }
    values_ += ']';
    return End();
  }
  // A member whose value is JSON text already.
  CompactObject& Raw(std::string_view key, std::string_view json_text) {
    Begin(key);
    values_ += json_text;
    return End();
  }

  // Appends the object to `out`.
  void AppendTo(std::string* out) {
    SortKeys();
    out->push_back('{');
    for (size_t i = 0; i < order_.size(); ++i) {
      const Member& member = members_[order_[i]];
      if (i > 0) out->push_back(',');
      out->push_back('"');
      out->append(member.key);  // a contract key: plain ASCII, nothing to escape
      out->append("\":");
      out->append(values_, member.begin, member.end - member.begin);
    }
    out->push_back('}');
  }

  std::string Text() {
    std::string out;
    AppendTo(&out);
    return out;
  }

  // Empties the object, keeping its memory for the next one.
  void Clear() {
    values_.clear();
    members_.clear();
  }

 private:
  struct Member {
    std::string_view key;
    size_t begin;  // the value is values_[begin, end)
    size_t end;
  };

  void Begin(std::string_view key) { members_.push_back({key, values_.size(), 0}); }

  // Sets order_ to the members' indices by key. An object reused for the items of one array
  // is given the same keys, the same literals, item after item: their order is kept from the
  // last item (issue 16: sorting every item's keys was a seventh of writing the JSON).
  void SortKeys() {
    const bool same_keys =
        members_.size() == sorted_keys_.size() &&
        std::equal(members_.begin(), members_.end(), sorted_keys_.begin(),
                   [](const Member& member, std::string_view key) {
                     return member.key.data() == key.data() && member.key.size() == key.size();
                   });
    if (same_keys) return;
    order_.resize(members_.size());
    sorted_keys_.clear();
    for (size_t i = 0; i < members_.size(); ++i) {
      order_[i] = i;
      sorted_keys_.push_back(members_[i].key);
    }
    std::sort(order_.begin(), order_.end(),
              [&](size_t a, size_t b) { return members_[a].key < members_[b].key; });
  }
  CompactObject& End() {
    members_.back().end = values_.size();
    return *this;
  }

  std::string values_;
  std::vector<Member> members_;
  std::vector<std::string_view> sorted_keys_;  // the keys, in the order added, order_ is for
  std::vector<size_t> order_;                  // members_ indices by key
};

// The element `index` points at, or nullptr when it points nowhere: a layer index out of
// range (a stage's bug, or a test stage that writes no sentences) serializes as null.
template <typename T>
const T* At(const std::vector<T>& items, const std::optional<size_t>& index) {
  return index && *index < items.size() ? &items[*index] : nullptr;
}

int64_t Offset(size_t offset) { return static_cast<int64_t>(offset); }

void ArticleJson(const Document& doc, CompactObject& out) {
  const ArticleMeta& meta = doc.meta();
  out.String("path", meta.path)
      .Number("record_index", meta.record_index)
      .String("title", meta.title)
      .String("source", meta.source)
      .String("url", meta.url)
      .String("published", meta.published)
      .Number("bytes", Offset(doc.text().size()))
      .Number("repaired_sequences", Offset(doc.repaired_sequences()));
}

void SentenceJson(const Document& doc, const Sentence& sentence, CompactObject& out) {
  out.String("text", doc.Text(sentence.span))
      .Number("paragraph", sentence.paragraph)
      .Number("start", Offset(sentence.span.begin))
      .Number("end", Offset(sentence.span.end));
}

void EntityJson(const Document&, const Entity& entity, CompactObject& out) {
  out.String("key", entity.key)
      .String("name", entity.name)
      .String("type", EntityTypeName(entity.type))
      .NonEmptyOrNull("parent", entity.parent_key)
      .Strings("aliases", entity.aliases);
}

void MentionJson(const Document& doc, const Mention& mention, CompactObject& out) {
  const Entity* entity = At(doc.entities(), mention.entity);
  if (entity != nullptr) {
    out.String("entity", entity->name).String("key", entity->key);
  } else {
    out.Null("entity").Null("key");
  }
  out.String("type", EntityTypeName(mention.type))
      .String("text", doc.Text(mention.span))
      .Number("sentence", Offset(mention.sentence))
      .Number("start", Offset(mention.span.begin))
      .Number("end", Offset(mention.span.end))
      .String("rule", mention.rule.view())
      .Number("entity_index", Offset(mention.entity));
}

void AmountJson(const Document& doc, const Amount& amount, CompactObject& out) {
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
  out.Number("sentence", Offset(amount.sentence))
      .Number("start", Offset(amount.span.begin))
      .Number("end", Offset(amount.span.end))
      .String("rule", amount.rule);
}

void ClaimJson(const Document& doc, const Claim& claim, CompactObject& out) {
  const Amount* amount = At(doc.amounts(), claim.amount);
  const Sentence* sentence = At(doc.sentences(), claim.sentence);
  const Entity* subject = At(doc.entities(), claim.subject);
  const Entity* object = At(doc.entities(), claim.object);
  out.String("predicate", claim.predicate);
  subject ? out.String("subject", subject->name) : out.Null("subject");
  object ? out.String("object", object->name) : out.Null("object");
  claim.subject ? out.String("subject_text", doc.Text(claim.subject_span))
                : out.Null("subject_text");
  claim.object_span.empty() ? out.Null("object_text")
                            : out.String("object_text", doc.Text(claim.object_span));
  if (amount != nullptr) {
    CompactObject amount_object;
    AmountJson(doc, *amount, amount_object);
    out.Raw("amount", amount_object.Text());
  } else {
    out.Null("amount");
  }
  out.NonEmptyOrNull("role", claim.role)
      .String("status", ClaimStatusName(claim.status))
      .NonEmptyOrNull("speaker", claim.speaker)
      .NonEmptyOrNull("venue", claim.venue);
  sentence ? out.String("sentence", doc.Text(sentence->span)) : out.Null("sentence");
  out.Number("start", Offset(claim.span.begin))
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
      .Number("object_end", Offset(claim.object_span.end));
}

void QuoteJson(const Document& doc, const Quote& quote, CompactObject& out) {
  out.String("text", doc.Text(quote.span))
      .NonEmptyOrNull("speaker", quote.speaker)
      .NonEmptyOrNull("venue", quote.venue)
      .Number("sentence", Offset(quote.sentence))
      .Number("start", Offset(quote.span.begin))
      .Number("end", Offset(quote.span.end))
      .OptionalIndex("speaker_index", quote.speaker_entity);
}

// Writes the contract's object one element at a time, as json::dump of the whole object would
// print it (keys in order, nested lines indented), without building it: the object of a 60 MB
// article would take gigabytes (issue 16). Text goes into a buffer, passed on to `sink` (when
// there is one) whenever it holds a megabyte, so memory holds one element at a time. Elements
// are written compact by one reused CompactObject; pretty output (indent >= 0) reads each back
// and prints it indented.
class StreamingWriter {
 public:
  StreamingWriter(const Document& doc, int indent, std::ostream* sink)
      : doc_(doc), indent_(indent), sink_(sink) {}

  void Begin() { buffer_ += '{'; }
  // Ends the object and returns what the buffer still holds (all of it without a sink).
  std::string End() {
    buffer_ += indent_ >= 0 ? "\n}" : "}";
    Flush();
    return std::move(buffer_);
  }

  // A member whose value is one object that `to_json(doc, object)` fills.
  template <typename ToJson>
  void ObjectMember(std::string_view key, ToJson to_json) {
    Key(key);
    object_.Clear();
    to_json(doc_, object_);
    Value(1);
  }

  // A member whose value is the array of `items`, each an object that `to_json(doc, item,
  // object)` fills.
  template <typename Item, typename ToJson>
  void ArrayMember(std::string_view key, const std::vector<Item>& items, ToJson to_json) {
    Key(key);
    if (items.empty()) {
      buffer_ += "[]";
      return;
    }
    buffer_ += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) buffer_ += ',';
      if (indent_ >= 0) Margin(2);
      object_.Clear();
      to_json(doc_, items[i], object_);
      Value(2);
    }
    if (indent_ >= 0) Margin(1);
    buffer_ += ']';
  }

 private:
  void Key(std::string_view key) {
    if (members_++ > 0) buffer_ += ',';
    if (indent_ >= 0) Margin(1);
    buffer_ += '"';
    buffer_ += key;
    buffer_ += indent_ >= 0 ? "\": " : "\":";
  }

  // A new line indented `depth` levels.
  void Margin(int depth) {
    buffer_ += '\n';
    buffer_.append(static_cast<size_t>(depth * indent_), ' ');
  }

  // Writes object_ at nesting `depth`: as it is, or printed with indent_ and every line after
  // its first indented `depth` levels.
  void Value(int depth) {
    if (indent_ < 0) {
      object_.AppendTo(&buffer_);
    } else {
      const std::string text =
          json::parse(object_.Text()).dump(indent_, ' ', false, json::error_handler_t::replace);
      size_t line = 0;
      for (size_t newline = text.find('\n'); newline != std::string::npos;
           newline = text.find('\n', line)) {
        buffer_.append(text, line, newline + 1 - line);
        buffer_.append(static_cast<size_t>(depth * indent_), ' ');
        line = newline + 1;
      }
      buffer_.append(text, line, std::string::npos);
    }
    if (buffer_.size() >= kFlushBytes) Flush();
  }

  void Flush() {
    if (sink_ == nullptr) return;
    sink_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  static constexpr size_t kFlushBytes = 1 << 20;
  const Document& doc_;
  const int indent_;
  std::ostream* const sink_;
  std::string buffer_;
  CompactObject object_;
  int members_ = 0;
};

// Fills the "load" object of a facts line.
void LoadJson(const Document& doc, const FactsProvenance& provenance, CompactObject& out) {
  out.Number("format", kFactsLineFormat)
      .String("tool_version", provenance.tool_version)
      .String("rules_fingerprint", provenance.rules_fingerprint)
      .String("content_hash", provenance.content_hash)
      .String("text", doc.text());
}

// Writes the contract's object for `doc` to `sink` (or returns it, when `sink` is null),
// plus a "load" member when `provenance` is not null.
std::string WriteDocument(const Document& doc, int indent, const FactsProvenance* provenance,
                          std::ostream* sink) {
  StreamingWriter writer(doc, indent, sink);
  writer.Begin();
  // In json::dump's order: the keys sorted.
  writer.ArrayMember("amounts", doc.amounts(), AmountJson);
  writer.ObjectMember("article", ArticleJson);
  writer.ArrayMember("claims", doc.claims(), ClaimJson);
  writer.ArrayMember("entities", doc.entities(), EntityJson);
  if (provenance != nullptr) {
    writer.ObjectMember(
        "load", [&](const Document& d, CompactObject& out) { LoadJson(d, *provenance, out); });
  }
  writer.ArrayMember("mentions", doc.mentions(), MentionJson);
  writer.ArrayMember("quotes", doc.quotes(), QuoteJson);
  writer.ArrayMember("sentences", doc.sentences(), SentenceJson);
  return writer.End();
}

}  // namespace

void WriteDocumentJson(const Document& doc, int indent, std::ostream& out) {
  WriteDocument(doc, indent, nullptr, &out);
}

std::string DocumentToJson(const Document& doc, int indent) {
  return WriteDocument(doc, indent, nullptr, nullptr);
}

std::string DocumentToFactsLine(const Document& doc, const FactsProvenance& provenance) {
  return WriteDocument(doc, -1, &provenance, nullptr);
}

}  // namespace newsfacts
