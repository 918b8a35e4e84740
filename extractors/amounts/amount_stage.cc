// AmountStage: compiles the "amounts" rule files (tables + RE2 rules built from macros) and
// turns each match into an Amount with exact decimal value, bounds, currency and qualifier.
#include "extractors/amounts/amount_stage.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <utility>

#include "extractors/amounts/decimal.h"
#include "extractors/kernel/macro_table.h"
#include "extractors/kernel/regex.h"

namespace newsfacts {

namespace {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Small text helpers.

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Lowercases ASCII and collapses runs of spaces, tabs and no-break spaces into one space, so
// table keys and matched text compare equal whatever spacing the article used.
std::string NormalizeKey(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    const bool narrow_nbsp = static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
                             static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                             static_cast<unsigned char>(text[i + 2]) == 0xAF;
    if (c == ' ' || c == '\t' || nbsp || narrow_nbsp) {
      pending_space = !out.empty();
      i += nbsp ? 1 : (narrow_nbsp ? 2 : 0);
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(AsciiLower(c));
  }
  return out;
}

// The digits of `text` in order, ignoring every other byte.
std::string DigitsOf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (IsAsciiDigit(c)) out.push_back(c);
  }
  return out;
}

// Canonical form of a numeral computed by string edits only, independently of Decimal:
// separators removed, leading integer zeros and trailing fraction zeros dropped.
std::string CanonicalNumeral(std::string_view text) {
  std::string integer;
  std::string fraction;
  bool in_fraction = false;
  for (char c : text) {
    if (c == '.') {
      in_fraction = true;
    } else if (IsAsciiDigit(c)) {
      (in_fraction ? fraction : integer).push_back(c);
    }
  }
  integer.erase(0, std::min(integer.find_first_not_of('0'), integer.size()));
  if (integer.empty()) integer = "0";
  fraction.erase(std::min(fraction.find_last_not_of('0') + 1, fraction.size()));
  return fraction.empty() ? integer : integer + "." + fraction;
}

// Trims ASCII whitespace and no-break spaces from both ends.
std::string_view TrimSpace(std::string_view text) {
  auto is_space_at_front = [&](size_t& n) {
    if (text.empty()) return false;
    if (text[0] == ' ' || text[0] == '\t') return (n = 1), true;
    if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xC2 &&
        static_cast<unsigned char>(text[1]) == 0xA0) {
      return (n = 2), true;
    }
    return false;
  };
  size_t n = 0;
  while (is_space_at_front(n)) text.remove_prefix(n);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  while (text.size() >= 2 && static_cast<unsigned char>(text[text.size() - 2]) == 0xC2 &&
         static_cast<unsigned char>(text.back()) == 0xA0) {
    text.remove_suffix(2);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Compiled tables and rules.

struct CurrencyEntry {
  std::string surface;
  std::string iso;   // empty: the name does not identify one currency ("kroner")
  std::string type;  // "symbol", "code" or "name"
  bool prefix = false;
  bool suffix = false;          // after a scaled number ("5bn euros")
  bool suffix_bare = false;     // after any number ("149 euros")
  bool dollar_sign = false;     // a generic dollar that article metadata may re-map
  bool minor = false;           // minor unit after a number: "70 pence", "50 cents"
  bool minor_attached = false;  // minor unit written onto short numbers: "53p"
  int power = 0;                // the value is number x 10^power major units ("pence": -2)
};

struct VagueEntry {
  std::string form;  // "plural", "multi" or "few"
  Decimal low;
  Decimal high;
};

struct NumberWord {
  Decimal value;
  bool unit = false;
  bool tens = false;
};

// Everything the rule files' tables define, merged over all files in order.
struct Tables {
  std::vector<CurrencyEntry> currencies;
  std::map<std::string, size_t> currency_exact;   // surface -> index
  std::map<std::string, size_t> currency_folded;  // normalized name -> index
  std::map<std::string, int> scale_powers;        // normalized word -> power of ten
  std::vector<std::string> scales_spelled;
  std::map<std::string, NumberWord> number_words;      // normalized word -> value
  std::map<std::string, std::string> qualifier_kinds;  // normalized phrase -> kind
  std::vector<std::string> qualifiers_before;
  std::vector<std::string> qualifiers_after;
  std::map<std::string, VagueEntry> vague;  // normalized phrase -> interval
  std::vector<std::string> cues_before;
  std::vector<std::string> cues_after;
  std::optional<Decimal> approximate_low_factor;
  std::optional<Decimal> approximate_high_factor;
  std::vector<std::string> restatement_open;
  std::vector<std::string> restatement_separators;  // normalized
  bool has_restatement = false;
  std::vector<std::string> prefilter_words;  // lowercase
  std::string currency_gate;                 // pattern source, macros unexpanded
  MacroTable macros;  // the files' "macros", then those generated from the tables
};

struct Example {
  std::string text;
  std::string match;
  std::map<std::string, std::optional<std::string>> expected;  // field -> rendering
};

// Indices of the named groups a rule may use; 0 means absent.
struct Groups {
  int q = 0, qa = 0, c1 = 0, n1 = 0, w1 = 0, s1 = 0, k1 = 0, c2 = 0, n2 = 0, s2 = 0, k2 = 0, v = 0,
      u = 0, amount = 0;
};

struct Rule {
  std::string file;
  std::string id;
  int priority = 0;
  size_t order = 0;
  std::unique_ptr<Regex> re;
  std::unique_ptr<Regex> veto_before;  // vetoes a match when the text before it matches
  bool needs_digits = false;
  Groups groups;
  std::vector<Example> examples;
  std::vector<std::string> not_money;
};

struct Candidate {
  Amount amount;
  int priority = 0;
  size_t order = 0;
};

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// Builds an alternation of `phrases`, longest first so RE2's leftmost-first choice takes the
// longest; spaces inside a phrase match any run of {SP}. `fold` makes it case-insensitive;
// word-character edges get \b so "over" never matches inside "takeover".
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

// ---------------------------------------------------------------------------------------------
// Loading.

Status Invalid(const std::string& where, const std::string& what) {
  return Status::InvalidArgument(where + ": " + what);
}

StatusOr<Decimal> ParseDecimalField(const Json& value, const std::string& where) {
  if (!value.is_string()) return Invalid(where, "must be a decimal string such as \"0.9\"");
  std::optional<Decimal> parsed = Decimal::Parse(value.get<std::string>());
  if (!parsed)
    return Invalid(where, "\"" + value.get<std::string>() + "\" is not a decimal number");
  return *parsed;
}

std::vector<std::string> StringList(const Json& value) {
  std::vector<std::string> out;
  for (const Json& item : value) out.push_back(item.get<std::string>());
  return out;
}

Status LoadTables(const std::string& file, const Json& json, Tables& tables) {
  for (const Json& entry : json.value("currencies", Json::array())) {
    CurrencyEntry currency;
    currency.surface = entry.at("surface").get<std::string>();
    currency.iso = entry.at("iso").get<std::string>();
    currency.type = entry.at("type").get<std::string>();
    currency.dollar_sign = entry.value("dollar_sign", false);
    currency.power = entry.value("power", 0);
    const std::string where = file + ": currency \"" + currency.surface + "\"";
    if (currency.surface.empty()) return Invalid(where, "empty surface");
    if (currency.type != "symbol" && currency.type != "code" && currency.type != "name") {
      return Invalid(where, "type \"" + currency.type + "\" is not one of symbol, code, name");
    }
    for (const std::string& position : StringList(entry.at("positions"))) {
      if (position == "prefix") {
        currency.prefix = true;
      } else if (position == "suffix") {
        currency.suffix = true;
      } else if (position == "suffix_bare") {
        currency.suffix = currency.suffix_bare = true;
      } else if (position == "minor") {
        currency.minor = true;
      } else if (position == "minor_attached") {
        currency.minor_attached = true;
      } else {
        return Invalid(where, "position \"" + position +
                                  "\" is not one of prefix, suffix, suffix_bare, minor, "
                                  "minor_attached");
      }
    }
    tables.currency_exact[currency.surface] = tables.currencies.size();
    if (currency.type == "name") {
      tables.currency_folded[NormalizeKey(currency.surface)] = tables.currencies.size();
    }
    tables.currencies.push_back(std::move(currency));
  }
  for (const Json& entry : json.value("scales", Json::array())) {
    const std::string word = NormalizeKey(entry.at("word").get<std::string>());
    tables.scale_powers[word] = entry.at("power").get<int>();
    if (entry.value("spelled", false)) tables.scales_spelled.push_back(word);
  }
  for (const Json& entry : json.value("number_words", Json::array())) {
    const std::string word = NormalizeKey(entry.at("word").get<std::string>());
    StatusOr<Decimal> value =
        ParseDecimalField(entry.at("value"), file + ": number word \"" + word + "\"");
    if (!value.ok()) return value.status();
    tables.number_words[word] = {*value, entry.value("unit", false), entry.value("tens", false)};
  }
  for (const Json& entry : json.value("qualifiers", Json::array())) {
    const std::string phrase = NormalizeKey(entry.at("phrase").get<std::string>());
    const std::string kind = entry.at("kind").get<std::string>();
    if (kind != "approximate" && kind != "lower" && kind != "upper") {
      return Invalid(file + ": qualifier \"" + phrase + "\"",
                     "kind must be approximate, lower or upper");
    }
    tables.qualifier_kinds[phrase] = kind;
    (entry.value("after", false) ? tables.qualifiers_after : tables.qualifiers_before)
        .push_back(phrase);
  }
  for (const Json& entry : json.value("vague", Json::array())) {
    const std::string phrase = NormalizeKey(entry.at("phrase").get<std::string>());
    const std::string where = file + ": vague \"" + phrase + "\"";
    VagueEntry vague;
    vague.form = entry.at("form").get<std::string>();
    if (vague.form != "plural" && vague.form != "multi" && vague.form != "few") {
      return Invalid(where, "form must be plural, multi or few");
    }
    StatusOr<Decimal> low = ParseDecimalField(entry.at("low"), where + " low");
    if (!low.ok()) return low.status();
    StatusOr<Decimal> high = ParseDecimalField(entry.at("high"), where + " high");
    if (!high.ok()) return high.status();
    if (!(*low < *high)) return Invalid(where, "low must be below high");
    vague.low = *low;
    vague.high = *high;
    tables.vague[phrase] = std::move(vague);
  }
  for (const std::string& cue : StringList(json.value("vague_cues_before", Json::array()))) {
    tables.cues_before.push_back(NormalizeKey(cue));
  }
  for (const std::string& cue : StringList(json.value("vague_cues_after", Json::array()))) {
    tables.cues_after.push_back(NormalizeKey(cue));
  }
  if (json.contains("approximate_bounds")) {
    const Json& bounds = json.at("approximate_bounds");
    StatusOr<Decimal> low =
        ParseDecimalField(bounds.at("low_factor"), file + ": approximate_bounds.low_factor");
    if (!low.ok()) return low.status();
    StatusOr<Decimal> high =
        ParseDecimalField(bounds.at("high_factor"), file + ": approximate_bounds.high_factor");
    if (!high.ok()) return high.status();
    tables.approximate_low_factor = *low;
    tables.approximate_high_factor = *high;
  }
  if (json.contains("restatement")) {
    const Json& restatement = json.at("restatement");
    tables.restatement_open = StringList(restatement.at("open"));
    tables.restatement_separators.clear();
    for (const std::string& separator : StringList(restatement.at("separators"))) {
      tables.restatement_separators.push_back(NormalizeKey(separator));
    }
    tables.has_restatement = true;
  }
  if (json.contains("currency_gate"))
    tables.currency_gate = json.at("currency_gate").get<std::string>();
  for (const std::string& word : StringList(json.value("prefilter_words", Json::array()))) {
    tables.prefilter_words.push_back(Lowercase(word));
  }
  const Json macros = json.value("macros", Json::object());
  for (const auto& [name, value] : macros.items()) {
    NEWSFACTS_RETURN_IF_ERROR(tables.macros.Add(file, name, value.get<std::string>()));
  }
  return Status::Ok();
}

// Adds the macros generated from the tables, so the tables drive the patterns.
void AddTableMacros(Tables& tables) {
  std::vector<std::string> prefix_exact, prefix_folded, suffix_exact, suffix_folded, bare_exact,
      bare_folded, minor_exact, minor_folded, attached;
  for (const CurrencyEntry& c : tables.currencies) {
    const bool fold = c.type == "name";
    if (c.prefix) (fold ? prefix_folded : prefix_exact).push_back(c.surface);
    if (c.suffix) (fold ? suffix_folded : suffix_exact).push_back(c.surface);
    if (c.suffix_bare) (fold ? bare_folded : bare_exact).push_back(c.surface);
    if (c.minor) (fold ? minor_folded : minor_exact).push_back(c.surface);
    if (c.minor_attached) attached.push_back(c.surface);
  }
  auto either = [](const std::string& a, const std::string& b) {
    return "(?:" + a + "|" + b + ")";
  };
  tables.macros.Set("CUR_PREFIX", either(Alternation(prefix_exact, false, true, false),
                                         Alternation(prefix_folded, true, true, false)));
  tables.macros.Set("CUR_SUFFIX", either(Alternation(suffix_exact, false, false, true),
                                         Alternation(suffix_folded, true, false, true)));
  tables.macros.Set("CUR_SUFFIX_BARE", either(Alternation(bare_exact, false, false, true),
                                              Alternation(bare_folded, true, false, true)));
  tables.macros.Set("CUR_MINOR", either(Alternation(minor_exact, false, false, true),
                                        Alternation(minor_folded, true, false, true)));
  tables.macros.Set("CUR_MINOR_ATTACHED", Alternation(attached, false, false, true));
  std::vector<std::string> scales;
  for (const auto& [word, power] : tables.scale_powers) scales.push_back(word);
  tables.macros.Set("SCALE", Alternation(scales, true, false, true));
  tables.macros.Set("SCALE_SPELLED", Alternation(tables.scales_spelled, true, false, true));
  std::vector<std::string> words, units, tens;
  for (const auto& [word, number] : tables.number_words) {
    words.push_back(word);
    if (number.unit) units.push_back(word);
    if (number.tens) tens.push_back(word);
  }
  tables.macros.Set("NUMWORD", "(?:" + Alternation(tens, true, false, false) + "{SPD}" +
                                   Alternation(units, true, false, true) + "|" +
                                   Alternation(words, true, false, true) + ")");
  tables.macros.Set("QUAL_BEFORE", Alternation(tables.qualifiers_before, true, true, false));
  tables.macros.Set("QUAL_AFTER", Alternation(tables.qualifiers_after, true, false, true));
  std::map<std::string, std::vector<std::string>> vague_by_form;
  for (const auto& [phrase, entry] : tables.vague) vague_by_form[entry.form].push_back(phrase);
  tables.macros.Set("VAGUE_PLURAL", Alternation(vague_by_form["plural"], true, true, true));
  tables.macros.Set("VAGUE_MULTI", Alternation(vague_by_form["multi"], true, true, false));
  tables.macros.Set("VAGUE_FEW", Alternation(vague_by_form["few"], true, true, true));
  tables.macros.Set("VAGUE_CUE_BEFORE", Alternation(tables.cues_before, true, true, true));
  tables.macros.Set("VAGUE_CUE_AFTER", Alternation(tables.cues_after, true, true, true));
}

StatusOr<std::unique_ptr<Regex>> CompilePattern(const std::string& source,
                                                const MacroTable& macros) {
  StatusOr<std::string> expanded = macros.Expand(source);
  if (!expanded.ok()) return expanded.status();
  return Regex::Compile(*expanded, {});
}

std::optional<std::string> RenderExpected(const Json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

Status LoadRules(const std::string& file, const Json& json, const Tables& tables,
                 std::vector<Rule>& rules) {
  static const std::set<std::string> kExampleFields = {
      "text",      "match", "value",   "low", "high", "currency", "currency_evidence",
      "qualifier", "vague", "restates"};
  for (const Json& entry : json.value("rules", Json::array())) {
    Rule rule;
    rule.file = file;
    rule.id = entry.at("id").get<std::string>();
    const std::string where = file + ": rule " + rule.id;
    rule.priority = entry.value("priority", 0);
    rule.order = rules.size();
    const std::string pattern = entry.at("pattern").get<std::string>();
    StatusOr<std::unique_ptr<Regex>> re = CompilePattern(pattern, tables.macros);
    if (!re.ok()) return re.status().WithContext(where);
    rule.re = std::move(*re);
    if (entry.contains("veto_before")) {
      StatusOr<std::unique_ptr<Regex>> veto =
          CompilePattern(entry.at("veto_before").get<std::string>(), tables.macros);
      if (!veto.ok()) return veto.status().WithContext(where + ": veto_before");
      rule.veto_before = std::move(*veto);
    }
    const std::map<std::string, int*> slots = {
        {"q", &rule.groups.q},   {"qa", &rule.groups.qa},        {"c1", &rule.groups.c1},
        {"n1", &rule.groups.n1}, {"w1", &rule.groups.w1},        {"s1", &rule.groups.s1},
        {"k1", &rule.groups.k1}, {"c2", &rule.groups.c2},        {"n2", &rule.groups.n2},
        {"s2", &rule.groups.s2}, {"k2", &rule.groups.k2},        {"v", &rule.groups.v},
        {"u", &rule.groups.u},   {"amount", &rule.groups.amount}};
    for (const auto& [name, index] : rule.re->NamedGroups()) {
      auto slot = slots.find(name);
      if (slot == slots.end()) {
        return Invalid(where,
                       "unknown group (?P<" + name + ">...); see FORMAT.md for the group names");
      }
      *slot->second = index;
    }
    rule.needs_digits = rule.groups.n1 != 0;
    if (!rule.groups.n1 && !rule.groups.w1 && !rule.groups.v && !rule.groups.u) {
      return Invalid(where,
                     "pattern needs a number group n1 or w1, a vague group v or an "
                     "undisclosed group u");
    }
    for (const Json& example : entry.value("examples", Json::array())) {
      Example parsed;
      parsed.text = example.at("text").get<std::string>();
      parsed.match = example.value("match", parsed.text);
      for (const auto& [key, value] : example.items()) {
        if (!kExampleFields.count(key)) {
          return Invalid(where,
                         "example field \"" + key +
                             "\" is not one of text, match, value, "
                             "low, high, currency, currency_evidence, qualifier, vague, restates");
        }
        if (key != "text" && key != "match") parsed.expected[key] = RenderExpected(value);
      }
      rule.examples.push_back(std::move(parsed));
    }
    rule.not_money = StringList(entry.value("not_money", Json::array()));
    rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct AmountStage::Impl {
  Tables tables;
  std::vector<Rule> rules;
  std::unique_ptr<Regex> currency_gate;  // null: digit rules run on every sentence with a digit
  std::unique_ptr<Regex> word_gate;      // any prefilter word; null: word rules never run

  void FindInSentence(const Document& doc, size_t sentence_index, std::vector<Amount>& out) const;
  std::optional<Amount> BuildAmount(const Rule& rule, std::string_view sentence,
                                    const std::string_view* groups, const Document& doc) const;
  std::optional<Decimal> NumberWordValue(std::string_view text) const;
  // Sets amount's currency and evidence from a currency surface; returns the power of ten
  // that turns the written number into major units (0, or -2 for "pence").
  int SetCurrency(std::string_view surface, const Document& doc, Amount& amount) const;
};

AmountStage::AmountStage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AmountStage::~AmountStage() = default;

StatusOr<std::unique_ptr<AmountStage>> AmountStage::Create(const RuleSources& rules) {
  auto impl = std::make_unique<Impl>();
  std::vector<std::pair<std::string, Json>> files;
  for (const RuleSource* source : rules.OfKind("amounts")) {
    try {
      files.emplace_back(source->path, Json::parse(source->contents));
      NEWSFACTS_RETURN_IF_ERROR(LoadTables(source->path, files.back().second, impl->tables));
    } catch (const Json::exception& e) {
      return Status::InvalidArgument(source->path + ": " + e.what());
    }
  }
  if (files.empty()) {
    return Status::InvalidArgument("amounts: no rule file of kind \"amounts\" was loaded");
  }
  if (!impl->tables.approximate_low_factor || !impl->tables.has_restatement) {
    return Status::InvalidArgument(
        "amounts: no rule file sets \"approximate_bounds\" and \"restatement\"");
  }
  AddTableMacros(impl->tables);
  if (!impl->tables.currency_gate.empty()) {
    StatusOr<std::unique_ptr<Regex>> gate =
        CompilePattern(impl->tables.currency_gate, impl->tables.macros);
    if (!gate.ok()) return gate.status().WithContext("amounts: currency_gate");
    impl->currency_gate = std::move(*gate);
  }
  if (!impl->tables.prefilter_words.empty()) {
    StatusOr<std::unique_ptr<Regex>> gate = CompilePattern(
        Alternation(impl->tables.prefilter_words, true, false, false), impl->tables.macros);
    if (!gate.ok()) return gate.status().WithContext("amounts: prefilter_words");
    impl->word_gate = std::move(*gate);
  }
  for (const auto& [path, json] : files) {
    try {
      NEWSFACTS_RETURN_IF_ERROR(LoadRules(path, json, impl->tables, impl->rules));
    } catch (const Json::exception& e) {
      return Status::InvalidArgument(path + ": " + e.what());
    }
  }
  return std::unique_ptr<AmountStage>(new AmountStage(std::move(impl)));
}

std::optional<Decimal> AmountStage::Impl::NumberWordValue(std::string_view text) const {
  const std::string key = NormalizeKey(text);
  if (auto it = tables.number_words.find(key); it != tables.number_words.end()) {
    return it->second.value;
  }
  // Compounds such as "twenty-five" or "twenty five": tens plus unit.
  const size_t split = key.find_first_of("- ");
  if (split == std::string::npos) return std::nullopt;
  auto tens = tables.number_words.find(key.substr(0, split));
  auto unit = tables.number_words.find(key.substr(split + 1));
  if (tens == tables.number_words.end() || unit == tables.number_words.end() ||
      !tens->second.tens || !unit->second.unit) {
    return std::nullopt;
  }
  return tens->second.value.Plus(unit->second.value);
}

int AmountStage::Impl::SetCurrency(std::string_view surface, const Document& doc,
                                   Amount& amount) const {
  const CurrencyEntry* entry = nullptr;
  if (auto it = tables.currency_exact.find(std::string(surface));
      it != tables.currency_exact.end()) {
    entry = &tables.currencies[it->second];
  } else if (auto folded = tables.currency_folded.find(NormalizeKey(surface));
             folded != tables.currency_folded.end()) {
    entry = &tables.currencies[folded->second];
  }
  if (entry == nullptr) return 0;
  const std::string& hint = doc.meta().currency_hint;
  if (entry->dollar_sign && !hint.empty()) {
    amount.currency = hint;
    amount.currency_evidence = "article metadata";
    return entry->power;
  }
  if (!entry->iso.empty()) amount.currency = entry->iso;
  amount.currency_evidence = entry->dollar_sign && entry->type == "symbol"
                                 ? "dollar-sign default"
                                 : entry->type + " " + entry->surface;
  return entry->power;
}

std::optional<Amount> AmountStage::Impl::BuildAmount(const Rule& rule, std::string_view sentence,
                                                     const std::string_view* groups,
                                                     const Document& doc) const {
  const Groups& g = rule.groups;
  auto text_of = [&](int index) -> std::string_view {
    if (index == 0 || groups[index].data() == nullptr) return {};
    return std::string_view(groups[index].data(), groups[index].size());
  };
  auto offset_of = [&](std::string_view part) {
    return static_cast<size_t>(part.data() - sentence.data());
  };

  // Verification 1: each numeral is a whole numeral of the text and re-renders to itself.
  std::string numeral_digits;
  std::optional<Decimal> numbers[2];
  const int numeral_groups[2] = {g.n1, g.n2};
  for (int k = 0; k < 2; ++k) {
    const std::string_view numeral = text_of(numeral_groups[k]);
    if (numeral.empty()) continue;
    const size_t begin = offset_of(numeral);
    const size_t end = begin + numeral.size();
    if (begin > 0) {
      const char before = sentence[begin - 1];
      if (IsAsciiDigit(before)) return std::nullopt;
      if ((before == '.' || before == ',') && begin > 1 && IsAsciiDigit(sentence[begin - 2])) {
        return std::nullopt;
      }
    }
    if (end < sentence.size()) {
      const char after = sentence[end];
      if (IsAsciiDigit(after)) return std::nullopt;
      if ((after == '.' || after == ',') && end + 1 < sentence.size() &&
          IsAsciiDigit(sentence[end + 1])) {
        return std::nullopt;
      }
      // "$30, 000" (a stray space inside the grouping) cannot be confirmed as 30 or 30000.
      if (after == ',' && end + 5 <= sentence.size() && sentence[end + 1] == ' ' &&
          IsAsciiDigit(sentence[end + 2]) && IsAsciiDigit(sentence[end + 3]) &&
          IsAsciiDigit(sentence[end + 4]) &&
          (end + 5 == sentence.size() || !IsAsciiDigit(sentence[end + 5]))) {
        return std::nullopt;
      }
    }
    numbers[k] = Decimal::Parse(numeral);
    if (!numbers[k] || numbers[k]->ToString() != CanonicalNumeral(numeral)) return std::nullopt;
    numeral_digits += DigitsOf(numeral);
  }
  // Verification 2: the digits the match covers are exactly the digits that were read.
  const std::string_view whole(groups[0].data(), groups[0].size());
  if (DigitsOf(whole) != numeral_digits) return std::nullopt;

  if (!numbers[0] && g.w1 && !text_of(g.w1).empty()) {
    numbers[0] = NumberWordValue(text_of(g.w1));
    if (!numbers[0]) return std::nullopt;
  }
  auto power_of = [&](int index) -> std::optional<int> {
    const std::string_view word = text_of(index);
    if (word.empty()) return 0;
    auto it = tables.scale_powers.find(NormalizeKey(word));
    if (it == tables.scale_powers.end()) return std::nullopt;
    return it->second;
  };
  std::optional<int> power1 = power_of(g.s1);
  std::optional<int> power2 = power_of(g.s2);
  if (!power1 || !power2) return std::nullopt;

  Amount amount;
  const std::string_view span_text =
      g.amount && !text_of(g.amount).empty() ? text_of(g.amount) : whole;
  amount.span = {offset_of(span_text), offset_of(span_text) + span_text.size()};
  amount.rule = rule.id;
  if (!text_of(g.u).empty()) {
    // "an undisclosed sum", "Terms were not disclosed": money whose value nobody gave.
    amount.qualifier = "undisclosed";
    amount.currency_evidence = "none (undisclosed)";
    return amount;
  }

  // Currency: the first currency group present; a range's two currencies must agree.
  int currency_power = 0;
  for (int index : {g.c1, g.k1, g.c2, g.k2}) {
    if (!text_of(index).empty()) {
      currency_power = SetCurrency(text_of(index), doc, amount);
      break;
    }
  }
  *power1 += currency_power;
  *power2 += currency_power;
  if (!text_of(g.c1).empty() && !text_of(g.c2).empty()) {
    Amount second;
    SetCurrency(text_of(g.c2), doc, second);
    if (second.currency != amount.currency) return std::nullopt;
  }

  const std::string_view vague = text_of(g.v);
  if (!vague.empty()) {
    auto it = tables.vague.find(NormalizeKey(vague));
    if (it == tables.vague.end()) return std::nullopt;
    amount.low = it->second.low.ToString();
    amount.high = it->second.high.ToString();
    amount.qualifier = "vague";
    amount.vague = true;
    return amount;
  }
  if (!numbers[0]) return std::nullopt;

  if (numbers[1]) {
    // A range. "$10-20 billion": the first number borrows the second's scale word when it
    // has none and the second has no currency of its own.
    int first_power = *power1;
    if (text_of(g.s1).empty() && !text_of(g.s2).empty() && text_of(g.c2).empty()) {
      first_power = *power2;
    }
    const Decimal low = numbers[0]->ScaledByPowerOfTen(first_power);
    const Decimal high = numbers[1]->ScaledByPowerOfTen(*power2);
    if (!(low < high)) return std::nullopt;
    amount.low = low.ToString();
    amount.high = high.ToString();
    amount.qualifier = "range";
    return amount;
  }

  const Decimal value = numbers[0]->ScaledByPowerOfTen(*power1);
  amount.value = value.ToString();
  amount.qualifier = "exact";
  for (int index : {g.q, g.qa}) {
    const std::string_view phrase = text_of(index);
    if (phrase.empty()) continue;
    auto it = tables.qualifier_kinds.find(NormalizeKey(phrase));
    if (it != tables.qualifier_kinds.end()) amount.qualifier = it->second;
  }
  if (amount.qualifier == "exact") {
    amount.low = amount.high = amount.value;
  } else if (amount.qualifier == "approximate") {
    amount.low = value.Times(*tables.approximate_low_factor).ToString();
    amount.high = value.Times(*tables.approximate_high_factor).ToString();
  } else if (amount.qualifier == "lower") {
    amount.low = amount.value;
  } else {
    amount.low = "0";
    amount.high = amount.value;
  }
  return amount;
}

void AmountStage::Impl::FindInSentence(const Document& doc, size_t sentence_index,
                                       std::vector<Amount>& out) const {
  const Span& span = doc.sentences()[sentence_index].span;
  if (span.end > doc.text().size() || span.empty()) return;
  const std::string_view sentence = doc.Text(span);

  // Prefilter: digit rules need a digit and a currency (currency_gate); word rules need a
  // magnitude word.
  const bool has_digit = std::any_of(sentence.begin(), sentence.end(), IsAsciiDigit) &&
                         (currency_gate == nullptr || currency_gate->Contains(sentence));
  const bool has_word = word_gate != nullptr && word_gate->Contains(sentence);
  if (!has_digit && !has_word) return;

  std::vector<Candidate> candidates;
  std::vector<std::string_view> groups;
  for (const Rule& rule : rules) {
    if (rule.needs_digits ? !has_digit : !has_word) continue;
    size_t pos = 0;
    while (pos <= sentence.size() && rule.re->Find(sentence, pos, sentence.size(), &groups)) {
      const size_t begin = static_cast<size_t>(groups[0].data() - sentence.data());
      const size_t end = begin + groups[0].size();
      pos = end > begin ? end : begin + 1;
      if (rule.veto_before) {
        if (rule.veto_before->Contains(sentence.substr(0, begin))) continue;
      }
      std::optional<Amount> amount = BuildAmount(rule, sentence, groups.data(), doc);
      if (!amount) continue;
      amount->span.begin += span.begin;
      amount->span.end += span.begin;
      amount->sentence = sentence_index;
      candidates.push_back({std::move(*amount), rule.priority, rule.order});
    }
  }

  // Overlap policy: longest match wins, then higher priority, then earlier rule.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.amount.span.size() != b.amount.span.size()) {
      return a.amount.span.size() > b.amount.span.size();
    }
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.order != b.order) return a.order < b.order;
    return a.amount.span.begin < b.amount.span.begin;
  });
  std::vector<Amount> accepted;
  for (Candidate& candidate : candidates) {
    const bool overlaps = std::any_of(accepted.begin(), accepted.end(), [&](const Amount& a) {
      return a.span.Overlaps(candidate.amount.span);
    });
    if (!overlaps) accepted.push_back(std::move(candidate.amount));
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const Amount& a, const Amount& b) { return a.span < b.span; });

  // Restatements: "X (Y)" makes Y restate X; "X (Y; Z)" makes Z restate X too. A conversion
  // changes currency, so "£399 (£469 including VAT)" is not one.
  for (Amount& amount : accepted) {
    if (!out.empty() && out.back().sentence == sentence_index &&
        (!amount.currency || !out.back().currency || amount.currency != out.back().currency)) {
      const Amount& previous = out.back();
      const std::string_view between =
          TrimSpace(std::string_view(doc.text())
                        .substr(previous.span.end, amount.span.begin - previous.span.end));
      const std::string key = NormalizeKey(between);
      const auto& open = tables.restatement_open;
      const auto& separators = tables.restatement_separators;
      if (std::find(open.begin(), open.end(), between) != open.end()) {
        amount.restates = previous.restates.value_or(out.size() - 1);
      } else if (previous.restates &&
                 std::find(separators.begin(), separators.end(), key) != separators.end()) {
        amount.restates = previous.restates;
      }
    }
    out.push_back(std::move(amount));
  }
}

Status AmountStage::Process(Document& doc) const {
  std::vector<Amount> amounts;
  for (size_t i = 0; i < doc.sentences().size(); ++i) impl_->FindInSentence(doc, i, amounts);
  doc.mutable_amounts() = std::move(amounts);
  return Status::Ok();
}

namespace {

std::string Show(const std::optional<std::string>& value) {
  return value ? "\"" + *value + "\"" : "null";
}

}  // namespace

std::vector<std::string> AmountStage::CheckExamples(const ExampleRunner& runner) const {
  std::vector<std::string> failures;
  for (const Rule& rule : impl_->rules) {
    const std::string where = rule.file + ": rule " + rule.id + ": example \"";
    for (const Example& example : rule.examples) {
      StatusOr<Document> run = runner.Run(*this, example.text);
      if (!run.ok()) {
        failures.push_back(where + example.text + "\": " + run.status().message());
        continue;
      }
      const Document& doc = *run;
      const Amount* found = nullptr;
      std::string surfaces;
      for (const Amount& amount : doc.amounts()) {
        if (doc.Text(amount.span) == example.match) found = &amount;
        surfaces += (surfaces.empty() ? "\"" : ", \"") + std::string(doc.Text(amount.span)) +
                    "\" (" + amount.rule + ")";
      }
      if (found == nullptr) {
        failures.push_back(where + example.text + "\": expected amount \"" + example.match +
                           "\", got " + (surfaces.empty() ? "no amount" : surfaces));
        continue;
      }
      if (found->rule != rule.id) {
        failures.push_back(where + example.text + "\": expected rule " + rule.id + ", got rule " +
                           found->rule);
      }
      const std::map<std::string, std::optional<std::string>> actual = {
          {"value", found->value},
          {"low", found->low},
          {"high", found->high},
          {"currency", found->currency},
          {"currency_evidence", found->currency_evidence},
          {"qualifier", found->qualifier},
          {"vague", found->vague ? "true" : "false"},
          {"restates", found->restates
                           ? std::optional<std::string>(std::to_string(*found->restates))
                           : std::nullopt}};
      for (const auto& [field, expected] : example.expected) {
        const std::optional<std::string>& got = actual.at(field);
        if (got != expected) {
          failures.push_back(where + example.text + "\": expected " + field + " " + Show(expected) +
                             ", got " + Show(got));
        }
      }
    }
    for (const std::string& text : rule.not_money) {
      StatusOr<Document> run = runner.Run(*this, text);
      if (!run.ok()) {
        failures.push_back(where + text + "\": " + run.status().message());
        continue;
      }
      const Document& doc = *run;
      for (const Amount& amount : doc.amounts()) {
        failures.push_back(where + text + "\": expected no amount (not money), got \"" +
                           std::string(doc.Text(amount.span)) + "\" (" + amount.rule + ")");
      }
    }
  }
  return failures;
}

}  // namespace newsfacts
