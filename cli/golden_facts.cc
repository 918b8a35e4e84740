// Builds golden facts from a Document (a projection of the extract JSON contract) and reads
// and writes `*.facts.json` golden files.
#include "cli/golden_facts.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "pipeline/document_json.h"

namespace newsfacts {
namespace {

using nlohmann::json;

// Compact JSON text of a value, with invalid UTF-8 replaced (article text is valid already).
std::string JsonText(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The value of `field` in a JSON object, null when absent.
const json& FieldOf(const json& object, const std::string& field) {
  static const json kNull;
  const auto it = object.find(field);
  return it == object.end() ? kNull : *it;
}

// The `text` of the amount `index` points at in the contract's amounts, or null.
json AmountText(const json& amounts, const json& index) {
  if (!index.is_number_unsigned() || index.get<size_t>() >= amounts.size()) return nullptr;
  return FieldOf(amounts[index.get<size_t>()], "text");
}

// A golden fact of `kind` from one fact of the extract contract: its FactFieldNames fields,
// of which these hold something else than the contract's field of that name:
//   amount.restates: the text of the amount restated, not its index;
//   claim.object:    the entity's name, else the text of an object described but not named
//                    ("Clayton steel plate mill", the contract's object_text), else null;
//   claim.amount:    the text of the claim's amount, not the amount object.
Fact FactFromContract(FactKind kind, const json& fact, const json& amounts) {
  Fact golden{
      kind, Span{FieldOf(fact, "start").get<size_t>(), FieldOf(fact, "end").get<size_t>()}, {}};
  for (const std::string& name : FactFieldNames(kind)) {
    json value = FieldOf(fact, name);
    if (kind == FactKind::kAmount && name == "restates") value = AmountText(amounts, value);
    if (kind == FactKind::kClaim && name == "object" && value.is_null()) {
      value = FieldOf(fact, "object_text");
    }
    if (kind == FactKind::kClaim && name == "amount" && !value.is_null()) {
      value = FieldOf(value, "text");
    }
    golden.fields.emplace_back(name, JsonText(value));
  }
  return golden;
}

Fact MakeFact(FactKind kind, Span span, std::vector<std::string> values) {
  Fact fact{kind, span, {}};
  const std::vector<std::string>& names = FactFieldNames(kind);
  for (size_t i = 0; i < names.size(); ++i) fact.fields.emplace_back(names[i], values[i]);
  return fact;
}

void SortFacts(GoldenRecord& record) {
  for (std::vector<Fact>& facts : record.facts) std::sort(facts.begin(), facts.end(), FactLess);
}

// Writes one fact as a single line: {"text": "AWS", ..., "start": 10, "end": 13}. Optional
// fields (IsOptionalField) are left out when null, so a golden line only grows where the
// extractors say something.
void WriteFact(const Fact& fact, std::string& out) {
  out += "{";
  for (const auto& [name, value] : fact.fields) {
    if (value == "null" && IsOptionalField(fact.kind, name)) continue;
    out += JsonText(name) + ": " + value + ", ";
  }
  out += "\"start\": " + std::to_string(fact.span.begin) +
         ", \"end\": " + std::to_string(fact.span.end) + "}";
}

Status Invalid(std::string_view name, std::string_view where, std::string_view what) {
  return Status::InvalidArgument(std::string(name) + ": " + std::string(where) + ": " +
                                 std::string(what) +
                                 "; fix the file or rewrite it with `newsfacts check --update`");
}

StatusOr<size_t> ReadOffset(const json& object, const char* field, std::string_view name,
                            const std::string& where) {
  const auto it = object.find(field);
  if (it == object.end() || !it->is_number_unsigned()) {
    return Invalid(name, where, std::string("\"") + field + "\" must be a byte offset");
  }
  return it->get<size_t>();
}

StatusOr<Fact> ParseFact(FactKind kind, const json& object, std::string_view name,
                         const std::string& where) {
  if (!object.is_object()) return Invalid(name, where, "a fact must be a JSON object");
  const std::vector<std::string>& names = FactFieldNames(kind);
  for (const auto& [field, value] : object.items()) {
    if (field == "start" || field == "end") continue;
    if (std::find(names.begin(), names.end(), field) == names.end()) {
      return Invalid(name, where, "unknown field \"" + field + "\"");
    }
    if (value.is_structured()) {
      return Invalid(name, where, "field \"" + field + "\" must be a string, number, bool or null");
    }
  }
  StatusOr<size_t> start = ReadOffset(object, "start", name, where);
  if (!start.ok()) return start.status();
  StatusOr<size_t> end = ReadOffset(object, "end", name, where);
  if (!end.ok()) return end.status();
  if (*end < *start) return Invalid(name, where, "end is before start");
  std::vector<std::string> values;
  for (const std::string& field : names) {
    const auto it = object.find(field);
    if (it == object.end() && IsOptionalField(kind, field)) {
      values.push_back("null");
      continue;
    }
    if (it == object.end()) return Invalid(name, where, "missing field \"" + field + "\"");
    values.push_back(JsonText(*it));
  }
  return MakeFact(kind, Span{*start, *end}, std::move(values));
}

StatusOr<GoldenRecord> ParseRecord(const json& object, std::string_view name,
                                   const std::string& where) {
  if (!object.is_object()) return Invalid(name, where, "a record must be a JSON object");
  static const std::set<std::string> kRecordFields = {"record_index", "title", "mentions",
                                                      "amounts", "claims"};
  for (const auto& [field, value] : object.items()) {
    if (!kRecordFields.contains(field)) {
      return Invalid(name, where, "unknown field \"" + field + "\"");
    }
  }
  GoldenRecord record;
  const auto index = object.find("record_index");
  if (index == object.end() || !index->is_number_integer()) {
    return Invalid(name, where, "\"record_index\" must be an integer");
  }
  record.record_index = index->get<int>();
  const auto title = object.find("title");
  if (title == object.end() || !title->is_string()) {
    return Invalid(name, where, "\"title\" must be a string");
  }
  record.title = title->get<std::string>();
  for (FactKind kind : kFactKinds) {
    const std::string array_name(FactKindPlural(kind));
    const auto facts = object.find(array_name);
    if (facts == object.end() || !facts->is_array()) {
      return Invalid(name, where, "\"" + array_name + "\" must be an array");
    }
    for (size_t i = 0; i < facts->size(); ++i) {
      StatusOr<Fact> fact = ParseFact(kind, (*facts)[i], name,
                                      where + "." + array_name + "[" + std::to_string(i) + "]");
      if (!fact.ok()) return fact.status();
      record.Of(kind).push_back(std::move(fact).value());
    }
  }
  SortFacts(record);
  return record;
}

}  // namespace

std::string_view FactKindName(FactKind kind) {
  switch (kind) {
    case FactKind::kMention:
      return "mention";
    case FactKind::kAmount:
      return "amount";
    case FactKind::kClaim:
      return "claim";
  }
  return "mention";
}

std::string_view FactKindPlural(FactKind kind) {
  switch (kind) {
    case FactKind::kMention:
      return "mentions";
    case FactKind::kAmount:
      return "amounts";
    case FactKind::kClaim:
      return "claims";
  }
  return "mentions";
}

std::optional<FactKind> FactKindFromPlural(std::string_view plural) {
  for (FactKind kind : kFactKinds) {
    if (FactKindPlural(kind) == plural) return kind;
  }
  return std::nullopt;
}

std::string_view Fact::Field(std::string_view name) const {
  for (const auto& [field, value] : fields) {
    if (field == name) return value;
  }
  return "null";
}

const std::vector<std::string>& FactFieldNames(FactKind kind) {
  static const std::vector<std::string> kMention = {"text", "type", "entity"};
  static const std::vector<std::string> kAmount = {"text",     "value",     "low",   "high",
                                                   "currency", "qualifier", "vague", "restates"};
  static const std::vector<std::string> kClaim = {"predicate",   "subject", "object",    "amount",
                                                  "role",        "status",  "speaker",   "venue",
                                                  "amount_role", "stage",   "event_date"};
  switch (kind) {
    case FactKind::kMention:
      return kMention;
    case FactKind::kAmount:
      return kAmount;
    case FactKind::kClaim:
      return kClaim;
  }
  return kMention;
}

bool IsOptionalField(FactKind kind, std::string_view field) {
  return kind == FactKind::kClaim &&
         (field == "amount_role" || field == "stage" || field == "event_date");
}

const std::vector<std::string>& FactKeyFieldNames(FactKind kind) {
  static const std::vector<std::string> kMention = {"type", "entity"};
  static const std::vector<std::string> kAmount = {"value", "low", "high", "currency", "qualifier"};
  static const std::vector<std::string> kClaim = {"predicate", "subject", "object", "status",
                                                  "amount"};
  switch (kind) {
    case FactKind::kMention:
      return kMention;
    case FactKind::kAmount:
      return kAmount;
    case FactKind::kClaim:
      return kClaim;
  }
  return kMention;
}

bool FactLess(const Fact& a, const Fact& b) {
  return std::tie(a.span.begin, a.span.end, a.fields) <
         std::tie(b.span.begin, b.span.end, b.fields);
}

GoldenRecord GoldenFromDocument(const Document& doc) {
  // One JSON form of facts: golden files project what `extract` prints, so they cannot
  // disagree about a fact.
  const json contract = json::parse(DocumentToJson(doc, -1));
  const json& amounts = FieldOf(contract, "amounts");
  GoldenRecord record;
  record.record_index = doc.meta().record_index;
  record.title = doc.meta().title;
  for (FactKind kind : kFactKinds) {
    for (const json& fact : FieldOf(contract, std::string(FactKindPlural(kind)))) {
      record.Of(kind).push_back(FactFromContract(kind, fact, amounts));
    }
  }
  SortFacts(record);
  return record;
}

std::string SerializeGolden(const GoldenFile& golden) {
  std::string out = "{\n  \"article\": " + JsonText(golden.article) + ",\n  \"records\": [";
  for (size_t r = 0; r < golden.records.size(); ++r) {
    const GoldenRecord& record = golden.records[r];
    out += r == 0 ? "\n" : ",\n";
    out += "    {\n      \"record_index\": " + std::to_string(record.record_index) +
           ",\n      \"title\": " + JsonText(record.title);
    for (FactKind kind : kFactKinds) {
      const std::vector<Fact>& facts = record.Of(kind);
      out += ",\n      " + JsonText(std::string(FactKindPlural(kind))) + ": [";
      for (size_t i = 0; i < facts.size(); ++i) {
        out += i == 0 ? "\n        " : ",\n        ";
        WriteFact(facts[i], out);
      }
      out += facts.empty() ? "]" : "\n      ]";
    }
    out += "\n    }";
  }
  out += golden.records.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

StatusOr<GoldenFile> ParseGolden(std::string_view text, std::string_view name) {
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Invalid(name, "file", "malformed JSON");
  if (!root.is_object()) return Invalid(name, "file", "the top level must be a JSON object");
  for (const auto& [field, value] : root.items()) {
    if (field != "article" && field != "records") {
      return Invalid(name, "file", "unknown field \"" + field + "\"");
    }
  }
  GoldenFile golden;
  const auto article = root.find("article");
  if (article == root.end() || !article->is_string()) {
    return Invalid(name, "file", "\"article\" must be a string");
  }
  golden.article = article->get<std::string>();
  const auto records = root.find("records");
  if (records == root.end() || !records->is_array()) {
    return Invalid(name, "file", "\"records\" must be an array");
  }
  for (size_t i = 0; i < records->size(); ++i) {
    StatusOr<GoldenRecord> record =
        ParseRecord((*records)[i], name, "records[" + std::to_string(i) + "]");
    if (!record.ok()) return record.status();
    golden.records.push_back(std::move(record).value());
  }
  std::stable_sort(
      golden.records.begin(), golden.records.end(),
      [](const GoldenRecord& a, const GoldenRecord& b) { return a.record_index < b.record_index; });
  return golden;
}

}  // namespace newsfacts
