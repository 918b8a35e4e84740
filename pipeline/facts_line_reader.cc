// ParseFactsLine: rebuilds a Document from one facts line (the streaming filter's output), so
// `newsfacts load` stores facts without running the pipeline again.
#include <nlohmann/json.hpp>
#include <optional>

#include "pipeline/document_json.h"
#include "pipeline/text.h"

namespace newsfacts {
namespace {

using nlohmann::json;

// Reads typed fields out of JSON objects, remembering the first problem with the field's
// path ("claims[2].sentence_index: expected a non-negative integer"); later reads after a
// problem return defaults, so callers check ok() once per layer.
class FieldReader {
 public:
  bool ok() const { return !problem_.has_value(); }
  const std::string& problem() const { return *problem_; }

  // The member `key` of `object`, or nullptr (a problem) when it is missing.
  const json* Member(const json& object, const std::string& where, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) {
      Fail(where + key, "missing");
      return nullptr;
    }
    return &*it;
  }

  std::string String(const json& object, const std::string& where, const char* key) {
    const json* value = Member(object, where, key);
    if (value == nullptr) return "";
    if (!value->is_string()) return Fail(where + key, "expected a string"), "";
    return value->get<std::string>();
  }

  // A string or null (read as "").
  std::string StringOrNull(const json& object, const std::string& where, const char* key) {
    std::optional<std::string> value = OptionalString(object, where, key);
    return value ? *value : "";
  }

  std::optional<std::string> OptionalString(const json& object, const std::string& where,
                                            const char* key) {
    const json* value = Member(object, where, key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    if (!value->is_string()) return Fail(where + key, "expected a string or null"), std::nullopt;
    return value->get<std::string>();
  }

  size_t Index(const json& object, const std::string& where, const char* key) {
    const json* value = Member(object, where, key);
    if (value == nullptr) return 0;
    if (!value->is_number_unsigned()) {
      return Fail(where + key, "expected a non-negative integer"), 0;
    }
    return value->get<size_t>();
  }

  std::optional<size_t> OptionalIndex(const json& object, const std::string& where,
                                      const char* key) {
    const json* value = Member(object, where, key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    return Index(object, where, key);
  }

  bool Bool(const json& object, const std::string& where, const char* key) {
    const json* value = Member(object, where, key);
    if (value == nullptr) return false;
    if (!value->is_boolean()) return Fail(where + key, "expected true or false"), false;
    return value->get<bool>();
  }

  Span SpanOf(const json& object, const std::string& where, const char* begin_key,
              const char* end_key) {
    return Span{Index(object, where, begin_key), Index(object, where, end_key)};
  }

  // Calls `read(item, "layer[i].")` for every element of the array `layer`.
  template <typename Read>
  void ForEach(const json& root, const char* layer, Read read) {
    const json* items = Member(root, "", layer);
    if (items == nullptr) return;
    if (!items->is_array()) return Fail(layer, "expected an array");
    for (size_t i = 0; i < items->size() && ok(); ++i) {
      const std::string where = std::string(layer) + "[" + std::to_string(i) + "].";
      if (!(*items)[i].is_object()) return Fail(where.substr(0, where.size() - 1), "not an object");
      read((*items)[i], where);
    }
  }

  void Fail(const std::string& field, const std::string& what) {
    if (!problem_) problem_ = field + ": " + what;
  }

 private:
  std::optional<std::string> problem_;
};

// Returns the enum value whose name `name_of` gives `name`, trying `count` values from 0.
template <typename Enum, typename NameOf>
std::optional<Enum> EnumByName(const std::string& name, int count, NameOf name_of) {
  for (int i = 0; i < count; ++i) {
    if (name_of(static_cast<Enum>(i)) == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

std::optional<EntityType> EntityTypeByName(const std::string& name) {
  return EnumByName<EntityType>(name, 4, EntityTypeName);
}

ArticleMeta ReadMeta(FieldReader& r, const json& root) {
  ArticleMeta meta;
  const json* article = r.Member(root, "", "article");
  if (article == nullptr) return meta;
  if (!article->is_object()) return r.Fail("article", "expected an object"), meta;
  meta.path = r.String(*article, "article.", "path");
  const json* index = r.Member(*article, "article.", "record_index");
  if (index != nullptr && !index->is_number_integer()) {
    r.Fail("article.record_index", "expected an integer");
  } else if (index != nullptr) {
    meta.record_index = index->get<int>();
  }
  meta.title = r.String(*article, "article.", "title");
  meta.source = r.String(*article, "article.", "source");
  meta.url = r.String(*article, "article.", "url");
  meta.published = r.String(*article, "article.", "published");
  meta.repaired_sequences = r.Index(*article, "article.", "repaired_sequences");
  return meta;
}

void ReadEntityLayers(FieldReader& r, const json& root, Document& doc) {
  r.ForEach(root, "sentences", [&](const json& item, const std::string& where) {
    Sentence& sentence = doc.mutable_sentences().emplace_back();
    sentence.span = r.SpanOf(item, where, "start", "end");
    sentence.paragraph = static_cast<int>(r.Index(item, where, "paragraph"));
  });
  r.ForEach(root, "entities", [&](const json& item, const std::string& where) {
    Entity& entity = doc.mutable_entities().emplace_back();
    entity.key = r.String(item, where, "key");
    entity.name = r.String(item, where, "name");
    const std::string type = r.String(item, where, "type");
    if (auto parsed = EntityTypeByName(type))
      entity.type = *parsed;
    else if (r.ok())
      r.Fail(where + "type", "unknown entity type '" + type + "'");
    entity.parent_key = r.StringOrNull(item, where, "parent");
    const json* aliases = r.Member(item, where, "aliases");
    if (aliases == nullptr) return;
    for (const json& alias : *aliases) {
      if (!alias.is_string()) return r.Fail(where + "aliases", "expected strings");
      entity.aliases.push_back(alias.get<std::string>());
    }
  });
  r.ForEach(root, "mentions", [&](const json& item, const std::string& where) {
    Mention& mention = doc.mutable_mentions().emplace_back();
    mention.span = r.SpanOf(item, where, "start", "end");
    mention.entity = r.Index(item, where, "entity_index");
    const std::string type = r.String(item, where, "type");
    if (auto parsed = EntityTypeByName(type))
      mention.type = *parsed;
    else if (r.ok())
      r.Fail(where + "type", "unknown entity type '" + type + "'");
    mention.sentence = r.Index(item, where, "sentence");
    mention.rule = r.String(item, where, "rule");
  });
}

void ReadFactLayers(FieldReader& r, const json& root, Document& doc) {
  r.ForEach(root, "amounts", [&](const json& item, const std::string& where) {
    Amount& amount = doc.mutable_amounts().emplace_back();
    amount.span = r.SpanOf(item, where, "start", "end");
    amount.sentence = r.Index(item, where, "sentence");
    amount.value = r.OptionalString(item, where, "value");
    amount.low = r.OptionalString(item, where, "low");
    amount.high = r.OptionalString(item, where, "high");
    amount.currency = r.OptionalString(item, where, "currency");
    amount.currency_evidence = r.String(item, where, "currency_evidence");
    amount.qualifier = r.String(item, where, "qualifier");
    amount.vague = r.Bool(item, where, "vague");
    amount.restates = r.OptionalIndex(item, where, "restates");
    amount.rule = r.String(item, where, "rule");
  });
  r.ForEach(root, "claims", [&](const json& item, const std::string& where) {
    Claim& claim = doc.mutable_claims().emplace_back();
    claim.predicate = r.String(item, where, "predicate");
    claim.subject = r.OptionalIndex(item, where, "subject_index");
    claim.object = r.OptionalIndex(item, where, "object_index");
    claim.subject_span = r.SpanOf(item, where, "subject_start", "subject_end");
    claim.object_span = r.SpanOf(item, where, "object_start", "object_end");
    claim.amount = r.OptionalIndex(item, where, "amount_index");
    claim.role = r.StringOrNull(item, where, "role");
    const std::string status = r.String(item, where, "status");
    if (auto parsed = EnumByName<ClaimStatus>(status, 7, ClaimStatusName))
      claim.status = *parsed;
    else if (r.ok())
      r.Fail(where + "status", "unknown claim status '" + status + "'");
    claim.speaker = r.StringOrNull(item, where, "speaker");
    claim.venue = r.StringOrNull(item, where, "venue");
    claim.sentence = r.Index(item, where, "sentence_index");
    claim.span = r.SpanOf(item, where, "start", "end");
    claim.rule = r.String(item, where, "rule");
    claim.amount_role = r.StringOrNull(item, where, "amount_role");
    claim.stage = r.StringOrNull(item, where, "stage");
    claim.event_date = r.StringOrNull(item, where, "event_date");
    claim.event_date_text = r.StringOrNull(item, where, "event_date_text");
    claim.event_date_rule = r.StringOrNull(item, where, "event_date_rule");
  });
  r.ForEach(root, "quotes", [&](const json& item, const std::string& where) {
    Quote& quote = doc.mutable_quotes().emplace_back();
    quote.span = r.SpanOf(item, where, "start", "end");
    quote.speaker = r.StringOrNull(item, where, "speaker");
    quote.speaker_entity = r.OptionalIndex(item, where, "speaker_index");
    quote.sentence = r.Index(item, where, "sentence");
    quote.venue = r.StringOrNull(item, where, "venue");
  });
}

}  // namespace

StatusOr<FactsLine> ParseFactsLine(std::string_view line) {
  json root;
  try {
    root = json::parse(line);
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("malformed JSON: ") + e.what());
  }
  if (!root.is_object()) return Status::InvalidArgument("not a JSON object");
  if (const auto error = root.find("error"); error != root.end()) {
    const auto line_number = root.find("line");
    return Status::InvalidArgument(
        "the filter's error line for input line " +
        (line_number != root.end() ? line_number->dump() : std::string("?")) + " (" +
        (error->is_string() ? error->get<std::string>() : error->dump()) + "), not facts");
  }
  FieldReader r;
  const json* load = r.Member(root, "", "load");
  if (load == nullptr || !load->is_object()) {
    return Status::InvalidArgument(
        "no \"load\" object: not a facts line of `newsfacts extract --input jsonl`");
  }
  const json* format = r.Member(*load, "load.", "format");
  if (format == nullptr || !format->is_number_integer() || *format != kFactsLineFormat) {
    return Status::InvalidArgument("load.format is " + (format ? format->dump() : "missing") +
                                   ", this newsfacts reads format " +
                                   std::to_string(kFactsLineFormat));
  }
  FactsProvenance provenance;
  provenance.tool_version = r.String(*load, "load.", "tool_version");
  provenance.rules_fingerprint = r.String(*load, "load.", "rules_fingerprint");
  provenance.content_hash = r.String(*load, "load.", "content_hash");
  const std::string text = r.String(*load, "load.", "text");
  ArticleMeta meta = ReadMeta(r, root);
  if (!r.ok()) return Status::InvalidArgument(r.problem());
  // nlohmann rejects ill-formed UTF-8 while parsing, so the text is valid; it must also be
  // the NFC text the offsets were taken in.
  FactsLine result{Document::FromUtf8(std::move(meta), text), std::move(provenance)};
  if (result.doc.text() != text) {
    return Status::InvalidArgument("load.text: not in NFC, so its offsets cannot be trusted");
  }
  ReadEntityLayers(r, root, result.doc);
  ReadFactLayers(r, root, result.doc);
  if (!r.ok()) return Status::InvalidArgument(r.problem());
  return result;
}

}  // namespace newsfacts
