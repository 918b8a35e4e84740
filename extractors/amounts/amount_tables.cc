// Amount tables: loading the table sections of "amounts" rule files, looking entries up, and
// generating the macros the rule patterns use from them.
#include "extractors/amounts/amount_tables.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "extractors/amounts/amount_text.h"
#include "extractors/kernel/regex.h"

namespace newsfacts::amounts {

namespace {

Status Missing(const char* field) {
  return Status::InvalidArgument(std::string("missing field \"") + field + "\"");
}

Status ReadRequiredString(const Json& object, const char* field, std::string* out) {
  if (!object.contains(field)) return Missing(field);
  return ReadString(object, field, out);
}

// Reads a required decimal string ("0.9"; a JSON number would lose exactness).
Status ReadDecimal(const Json& object, const char* field, Decimal* out) {
  if (!object.contains(field)) return Missing(field);
  const Json& value = object[field];
  if (!value.is_string()) {
    return Status::InvalidArgument(std::string("field \"") + field +
                                   "\" must be a decimal string such as \"0.9\"");
  }
  std::optional<Decimal> parsed = Decimal::Parse(value.get<std::string>());
  if (!parsed) {
    return Status::InvalidArgument(std::string("field \"") + field + "\": \"" +
                                   value.get<std::string>() + "\" is not a decimal number");
  }
  *out = *parsed;
  return Status::Ok();
}

// Reads a required array of non-empty strings, replacing `out`.
Status ReadRequiredList(const Json& object, const char* field, std::vector<std::string>* out) {
  if (!object.contains(field)) return Missing(field);
  out->clear();
  return ReadStringList(object, field, out);
}

// Calls `load` on each entry of the array `section` of `json` (absent: none). Errors are
// prefixed with `file: <label> "<name>"`, the name being the entry's `name_field`.
Status ForEachEntry(const std::string& file, const Json& json, const char* section,
                    const char* label, const char* name_field,
                    const std::function<Status(const Json&)>& load) {
  if (!json.contains(section)) return Status::Ok();
  const Json& list = json[section];
  if (!list.is_array()) {
    return Status::InvalidArgument(file + ": \"" + section + "\" must be an array of objects");
  }
  size_t position = 0;
  for (const Json& entry : list) {
    ++position;
    std::string where = file + ": " + section + " #" + std::to_string(position);
    if (!entry.is_object()) return Status::InvalidArgument(where + ": must be an object");
    if (entry.contains(name_field) && entry[name_field].is_string()) {
      where = file + ": " + label + " \"" + entry[name_field].get<std::string>() + "\"";
    }
    NEWSFACTS_RETURN_IF_ERROR(GuardJson(where, [&] { return load(entry).WithContext(where); }));
  }
  return Status::Ok();
}

Status SetPosition(const std::string& position, CurrencyEntry& currency) {
  if (position == "prefix") {
    currency.prefix = true;
  } else if (position == "prefix_spaced") {
    currency.prefix_spaced = true;
  } else if (position == "prefix_scaled") {
    currency.prefix_scaled = true;
  } else if (position == "suffix_cued") {
    currency.suffix_cued = true;
  } else if (position == "suffix") {
    currency.suffix = true;
  } else if (position == "suffix_bare") {
    currency.suffix = currency.suffix_bare = true;
  } else if (position == "minor") {
    currency.minor = true;
  } else if (position == "minor_attached") {
    currency.minor_attached = true;
  } else {
    return Status::InvalidArgument("position \"" + position +
                                   "\" is not one of prefix, prefix_spaced, prefix_scaled, "
                                   "suffix, suffix_bare, suffix_cued, minor, minor_attached");
  }
  return Status::Ok();
}

Status LoadCurrency(const Json& entry, Tables& tables) {
  NEWSFACTS_RETURN_IF_ERROR(
      CheckKeys(entry, {"surface", "iso", "type", "positions", "dollar_sign", "power", "any_case"},
                "a currency"));
  CurrencyEntry currency;
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "surface", &currency.surface));
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "iso", &currency.iso));
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "type", &currency.type));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(entry, "dollar_sign", &currency.dollar_sign));
  NEWSFACTS_RETURN_IF_ERROR(ReadInt(entry, "power", &currency.power));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(entry, "any_case", &currency.any_case));
  if (currency.surface.empty()) return Status::InvalidArgument("empty surface");
  if (currency.type != "symbol" && currency.type != "code" && currency.type != "name") {
    return Status::InvalidArgument("type \"" + currency.type +
                                   "\" is not one of symbol, code, name");
  }
  std::vector<std::string> positions;
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredList(entry, "positions", &positions));
  for (const std::string& position : positions) {
    NEWSFACTS_RETURN_IF_ERROR(SetPosition(position, currency));
  }
  if (currency.type == "name" && currency.any_case) {
    return Status::InvalidArgument("any_case is for symbols and codes; names match in any case");
  }
  tables.currency_exact[CollapseSpaces(currency.surface)] = tables.currencies.size();
  if (currency.type == "name" || currency.any_case) {
    tables.currency_folded[NormalizeKey(currency.surface)] = tables.currencies.size();
  }
  tables.currencies.push_back(std::move(currency));
  return Status::Ok();
}

Status LoadScale(const Json& entry, Tables& tables) {
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(entry, {"word", "power", "spelled"}, "a scale"));
  std::string word;
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "word", &word));
  if (!entry.contains("power")) return Missing("power");
  int power = 0;
  bool spelled = false;
  NEWSFACTS_RETURN_IF_ERROR(ReadInt(entry, "power", &power));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(entry, "spelled", &spelled));
  word = NormalizeKey(word);
  tables.scale_powers[word] = power;
  if (spelled) tables.scales_spelled.push_back(word);
  return Status::Ok();
}

Status LoadNumberWord(const Json& entry, Tables& tables) {
  NEWSFACTS_RETURN_IF_ERROR(
      CheckKeys(entry, {"word", "value", "unit", "tens", "needs_scale"}, "a number word"));
  std::string word;
  NumberWord number;
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "word", &word));
  NEWSFACTS_RETURN_IF_ERROR(ReadDecimal(entry, "value", &number.value));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(entry, "unit", &number.unit));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(entry, "tens", &number.tens));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(entry, "needs_scale", &number.needs_scale));
  tables.number_words[NormalizeKey(word)] = number;
  return Status::Ok();
}

Status LoadQualifier(const Json& entry, Tables& tables) {
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(entry, {"phrase", "kind", "after"}, "a qualifier"));
  std::string phrase;
  std::string kind;
  bool after = false;
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "phrase", &phrase));
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "kind", &kind));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(entry, "after", &after));
  if (kind != "approximate" && kind != "lower" && kind != "upper") {
    return Status::InvalidArgument("kind must be approximate, lower or upper");
  }
  phrase = NormalizeKey(phrase);
  tables.qualifier_kinds[phrase] = kind;
  (after ? tables.qualifiers_after : tables.qualifiers_before).push_back(phrase);
  return Status::Ok();
}

Status LoadVague(const Json& entry, Tables& tables) {
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(entry, {"phrase", "form", "low", "high"}, "a vague entry"));
  std::string phrase;
  VagueEntry vague;
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "phrase", &phrase));
  NEWSFACTS_RETURN_IF_ERROR(ReadRequiredString(entry, "form", &vague.form));
  if (vague.form != "plural" && vague.form != "multi" && vague.form != "few") {
    return Status::InvalidArgument("form must be plural, multi or few");
  }
  NEWSFACTS_RETURN_IF_ERROR(ReadDecimal(entry, "low", &vague.low));
  NEWSFACTS_RETURN_IF_ERROR(ReadDecimal(entry, "high", &vague.high));
  if (!(vague.low < vague.high)) return Status::InvalidArgument("low must be below high");
  tables.vague[NormalizeKey(phrase)] = std::move(vague);
  return Status::Ok();
}

// A settings object of the file ("approximate_bounds", "restatement"), or nullptr when absent.
StatusOr<const Json*> SettingsObject(const Json& json, const char* field,
                                     std::initializer_list<std::string_view> keys) {
  if (!json.contains(field)) return static_cast<const Json*>(nullptr);
  const Json& object = json[field];
  if (!object.is_object()) {
    return Status::InvalidArgument(std::string("\"") + field + "\" must be an object");
  }
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(object, keys, std::string("\"") + field + "\""));
  return &object;
}

// The settings, word lists and macros: everything but the entry tables.
Status LoadSettings(const Json& json, Tables& tables, const std::string& file) {
  std::vector<std::string> words;
  NEWSFACTS_RETURN_IF_ERROR(ReadStringList(json, "vague_cues_before", &words));
  for (const std::string& cue : words) tables.cues_before.push_back(NormalizeKey(cue));
  words.clear();
  NEWSFACTS_RETURN_IF_ERROR(ReadStringList(json, "vague_cues_after", &words));
  for (const std::string& cue : words) tables.cues_after.push_back(NormalizeKey(cue));
  words.clear();
  NEWSFACTS_RETURN_IF_ERROR(ReadStringList(json, "money_cues_before", &words));
  for (const std::string& cue : words) tables.money_cues_before.push_back(NormalizeKey(cue));
  StatusOr<const Json*> bounds =
      SettingsObject(json, "approximate_bounds", {"low_factor", "high_factor"});
  if (!bounds.ok()) return bounds.status();
  if (*bounds != nullptr) {
    Decimal low, high;
    NEWSFACTS_RETURN_IF_ERROR(
        ReadDecimal(**bounds, "low_factor", &low).WithContext("approximate_bounds"));
    NEWSFACTS_RETURN_IF_ERROR(
        ReadDecimal(**bounds, "high_factor", &high).WithContext("approximate_bounds"));
    tables.approximate_low_factor = low;
    tables.approximate_high_factor = high;
  }
  StatusOr<const Json*> restatement = SettingsObject(json, "restatement", {"open", "separators"});
  if (!restatement.ok()) return restatement.status();
  if (*restatement != nullptr) {
    NEWSFACTS_RETURN_IF_ERROR(ReadRequiredList(**restatement, "open", &tables.restatement_open)
                                  .WithContext("restatement"));
    NEWSFACTS_RETURN_IF_ERROR(
        ReadRequiredList(**restatement, "separators", &words).WithContext("restatement"));
    tables.restatement_separators.clear();
    for (const std::string& separator : words) {
      tables.restatement_separators.push_back(NormalizeKey(separator));
    }
    tables.has_restatement = true;
  }
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "currency_gate", &tables.currency_gate));
  words.clear();
  NEWSFACTS_RETURN_IF_ERROR(ReadStringList(json, "prefilter_words", &words));
  for (const std::string& word : words) tables.prefilter_words.push_back(Lowercase(word));
  NEWSFACTS_RETURN_IF_ERROR(ReadStringList(json, "prefilter_patterns", &tables.prefilter_patterns));
  if (!json.contains("macros")) return Status::Ok();
  if (!json["macros"].is_object()) {
    return Status::InvalidArgument("\"macros\" must be an object of strings");
  }
  for (const auto& [name, value] : json["macros"].items()) {
    if (!value.is_string()) {
      return Status::InvalidArgument("macro " + name + " must be a string");
    }
    NEWSFACTS_RETURN_IF_ERROR(tables.macros.Add(file, name, value.get<std::string>()));
  }
  return Status::Ok();
}

}  // namespace

Status LoadTables(const std::string& file, const Json& json, Tables& tables) {
  return GuardJson(file, [&]() -> Status {
    NEWSFACTS_RETURN_IF_ERROR(
        CheckKeys(json,
                  {"kind", "about", "comment", "currencies", "scales", "number_words", "qualifiers",
                   "approximate_bounds", "vague", "vague_cues_before", "vague_cues_after",
                   "money_cues_before", "restatement", "currency_gate", "prefilter_words",
                   "prefilter_patterns", "macros", "rules"},
                  "an \"amounts\" file")
            .WithContext(file));
    auto bind = [&tables](Status (*load)(const Json&, Tables&)) {
      return [&tables, load](const Json& entry) { return load(entry, tables); };
    };
    NEWSFACTS_RETURN_IF_ERROR(
        ForEachEntry(file, json, "currencies", "currency", "surface", bind(LoadCurrency)));
    NEWSFACTS_RETURN_IF_ERROR(ForEachEntry(file, json, "scales", "scale", "word", bind(LoadScale)));
    NEWSFACTS_RETURN_IF_ERROR(
        ForEachEntry(file, json, "number_words", "number word", "word", bind(LoadNumberWord)));
    NEWSFACTS_RETURN_IF_ERROR(
        ForEachEntry(file, json, "qualifiers", "qualifier", "phrase", bind(LoadQualifier)));
    NEWSFACTS_RETURN_IF_ERROR(
        ForEachEntry(file, json, "vague", "vague", "phrase", bind(LoadVague)));
    return LoadSettings(json, tables, file).WithContext(file);
  });
}

const CurrencyEntry* Tables::FindCurrency(std::string_view surface) const {
  if (auto it = currency_exact.find(CollapseSpaces(surface)); it != currency_exact.end()) {
    return &currencies[it->second];
  }
  if (auto it = currency_folded.find(NormalizeKey(surface)); it != currency_folded.end()) {
    return &currencies[it->second];
  }
  return nullptr;
}

std::optional<Decimal> Tables::NumberWordValue(std::string_view text) const {
  const std::string key = NormalizeKey(text);
  if (auto it = number_words.find(key); it != number_words.end()) return it->second.value;
  // Compounds such as "twenty-five" or "twenty five": tens plus unit.
  const size_t split = key.find_first_of("- ");
  if (split == std::string::npos) return std::nullopt;
  auto tens = number_words.find(key.substr(0, split));
  auto unit = number_words.find(key.substr(split + 1));
  if (tens == number_words.end() || unit == number_words.end() || !tens->second.tens ||
      !unit->second.unit) {
    return std::nullopt;
  }
  return tens->second.value.Plus(unit->second.value);
}

std::optional<int> Tables::ScalePower(std::string_view word) const {
  auto it = scale_powers.find(NormalizeKey(word));
  if (it == scale_powers.end()) return std::nullopt;
  return it->second;
}

const std::string* Tables::QualifierKind(std::string_view phrase) const {
  auto it = qualifier_kinds.find(NormalizeKey(phrase));
  return it == qualifier_kinds.end() ? nullptr : &it->second;
}

const VagueEntry* Tables::FindVague(std::string_view phrase) const {
  auto it = vague.find(NormalizeKey(phrase));
  return it == vague.end() ? nullptr : &it->second;
}

std::string Alternation(std::vector<std::string> phrases, bool fold, bool boundary_before,
                        bool boundary_after) {
  std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  std::string out = "(?:";
  for (size_t i = 0; i < phrases.size(); ++i) {
    const std::string& phrase = phrases[i];
    if (i > 0) out += "|";
    if (boundary_before && IsWordByte(phrase.front())) out += "\\b";
    std::string body;
    size_t start = 0;
    while (start <= phrase.size()) {
      const size_t space = phrase.find(' ', start);
      const std::string word =
          phrase.substr(start, space == std::string::npos ? space : space - start);
      if (!body.empty()) body += "{SP}+";
      body += Regex::Quote(word);
      if (space == std::string::npos) break;
      start = space + 1;
    }
    out += fold ? "(?i:" + body + ")" : body;
    if (boundary_after && IsWordByte(phrase.back())) out += "\\b";
  }
  if (phrases.empty()) out += "[^\\x00-\\x{10FFFF}]";  // an empty table never matches
  return out + ")";
}

namespace {

// The currency macros: prefix, suffix, bare suffix and minor units, symbols and codes in
// their exact case, names in any case.
void AddCurrencyMacros(Tables& tables) {
  // Per position: surfaces matched in their exact case, and surfaces matched in any case.
  struct Lists {
    std::vector<std::string> exact, folded;
  };
  Lists prefix, spaced, scaled, suffix, bare, cued, minor, attached, code;
  for (const CurrencyEntry& c : tables.currencies) {
    const bool fold = c.type == "name" || c.any_case;
    auto add = [&](bool on, Lists& lists) {
      if (on) (fold ? lists.folded : lists.exact).push_back(c.surface);
    };
    add(c.prefix, prefix);
    add(c.prefix_spaced, spaced);
    add(c.prefix_scaled, scaled);
    add(c.suffix, suffix);
    add(c.suffix_bare, bare);
    add(c.suffix_cued, cued);
    add(c.minor, minor);
    add(c.minor_attached, attached);
    if (c.type == "code") code.exact.push_back(c.surface);  // fused "MEUR": exact case only
  }
  auto either = [](const Lists& lists, bool boundary_before, bool boundary_after) {
    return "(?:" + Alternation(lists.exact, false, boundary_before, boundary_after) + "|" +
           Alternation(lists.folded, true, boundary_before, boundary_after) + ")";
  };
  tables.macros.Set("CUR_PREFIX", either(prefix, true, false));
  tables.macros.Set("CUR_PREFIX_SPACED", either(spaced, true, false));
  tables.macros.Set("CUR_PREFIX_SCALED", either(scaled, true, false));
  tables.macros.Set("CUR_SUFFIX", either(suffix, false, true));
  tables.macros.Set("CUR_SUFFIX_BARE", either(bare, false, true));
  tables.macros.Set("CUR_SUFFIX_CUED", either(cued, false, true));
  tables.macros.Set("CUR_MINOR", either(minor, false, true));
  tables.macros.Set("CUR_MINOR_ATTACHED", either(attached, false, true));
  tables.macros.Set("CUR_CODE", either(code, false, true));
}

}  // namespace

void AddTableMacros(Tables& tables) {
  AddCurrencyMacros(tables);
  std::vector<std::string> scales;
  for (const auto& [word, power] : tables.scale_powers) scales.push_back(word);
  tables.macros.Set("SCALE", Alternation(scales, true, false, true));
  tables.macros.Set("SCALE_SPELLED", Alternation(tables.scales_spelled, true, false, true));
  std::vector<std::string> words, units, tens, alone;
  for (const auto& [word, number] : tables.number_words) {
    words.push_back(word);
    if (!number.needs_scale) alone.push_back(word);
    if (number.unit) units.push_back(word);
    if (number.tens) tens.push_back(word);
  }
  tables.macros.Set("NUMWORD", "(?:" + Alternation(tens, true, false, false) + "{SPD}" +
                                   Alternation(units, true, false, true) + "|" +
                                   Alternation(words, true, false, true) + ")");
  tables.macros.Set("NUMWORD_ALONE", "(?:" + Alternation(tens, true, false, false) + "{SPD}" +
                                         Alternation(units, true, false, true) + "|" +
                                         Alternation(alone, true, false, true) + ")");
  tables.macros.Set("QUAL_BEFORE", Alternation(tables.qualifiers_before, true, true, false));
  tables.macros.Set("QUAL_AFTER", Alternation(tables.qualifiers_after, true, false, true));
  std::map<std::string, std::vector<std::string>> vague_by_form;
  for (const auto& [phrase, entry] : tables.vague) vague_by_form[entry.form].push_back(phrase);
  tables.macros.Set("VAGUE_PLURAL", Alternation(vague_by_form["plural"], true, true, true));
  tables.macros.Set("VAGUE_MULTI", Alternation(vague_by_form["multi"], true, true, false));
  tables.macros.Set("VAGUE_FEW", Alternation(vague_by_form["few"], true, true, true));
  tables.macros.Set("VAGUE_CUE_BEFORE", Alternation(tables.cues_before, true, true, true));
  tables.macros.Set("VAGUE_CUE_AFTER", Alternation(tables.cues_after, true, true, true));
  tables.macros.Set("MONEY_CUE_BEFORE", Alternation(tables.money_cues_before, true, true, true));
}

}  // namespace newsfacts::amounts
