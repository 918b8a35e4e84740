// Amount rules: parsing and compiling the "rules" of "amounts" files over the merged tables.
#include "extractors/amounts/amount_rules.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

namespace newsfacts::amounts {

namespace {

// The named groups a pattern may use and where their numbers go.
constexpr std::pair<const char*, AmountGroup AmountGroups::*> kGroupNames[] = {
    {"qualifier", &AmountGroups::qualifier},
    {"qualifier_after", &AmountGroups::qualifier_after},
    {"currency", &AmountGroups::currency},
    {"number", &AmountGroups::number},
    {"number_words", &AmountGroups::number_words},
    {"scale", &AmountGroups::scale},
    {"currency_after", &AmountGroups::currency_after},
    {"high_currency", &AmountGroups::high_currency},
    {"high_number", &AmountGroups::high_number},
    {"high_number_words", &AmountGroups::high_number_words},
    {"high_scale", &AmountGroups::high_scale},
    {"high_currency_after", &AmountGroups::high_currency_after},
    {"minor_number", &AmountGroups::minor_number},
    {"minor_number_words", &AmountGroups::minor_number_words},
    {"minor_unit", &AmountGroups::minor_unit},
    {"vague", &AmountGroups::vague},
    {"undisclosed", &AmountGroups::undisclosed},
    {"amount", &AmountGroups::amount},
};

StatusOr<std::unique_ptr<Regex>> CompilePattern(const std::string& source,
                                                const MacroTable& macros) {
  StatusOr<std::string> expanded = macros.Expand(source);
  if (!expanded.ok()) return expanded.status();
  return Regex::Compile(*expanded, {});
}

// Fills `groups` from the pattern's named groups ("number2" adds to "number");
// InvalidArgument for a name not in the list or named in too many alternatives.
Status BindGroups(const Regex& re, AmountGroups& groups) {
  for (const auto& [name, index] : re.NamedGroups()) {
    const std::string base = name.substr(0, name.find_last_not_of("0123456789") + 1);
    AmountGroup* group = nullptr;
    for (const auto& [group_name, member] : kGroupNames) {
      if (base == group_name) group = &(groups.*member);
    }
    if (group == nullptr) {
      return Status::InvalidArgument("unknown group (?P<" + name +
                                     ">...); see FORMAT.md for the group names");
    }
    int* slot = std::find(std::begin(group->numbers), std::end(group->numbers), 0);
    if (slot == std::end(group->numbers)) {
      return Status::InvalidArgument("group " + base + " is named in more than " +
                                     std::to_string(AmountGroup::kMaxAlternatives) +
                                     " alternatives");
    }
    *slot = index;
  }
  if (!groups.number.present() && !groups.number_words.present() && !groups.vague.present() &&
      !groups.undisclosed.present()) {
    return Status::InvalidArgument(
        "pattern needs a group number or number_words, a group vague or a group undisclosed");
  }
  return Status::Ok();
}

std::optional<std::string> RenderExpected(const Json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

Status ParseExample(const Json& json, AmountExample& example) {
  if (!json.is_object()) return Status::InvalidArgument("an example must be an object");
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(json,
                                      {"text", "match", "value", "low", "high", "currency",
                                       "currency_evidence", "qualifier", "vague", "restates"},
                                      "an example"));
  if (!json.contains("text")) return Status::InvalidArgument("an example needs \"text\"");
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "text", &example.text));
  example.match = example.text;
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "match", &example.match));
  for (const auto& [key, value] : json.items()) {
    if (key != "text" && key != "match") example.expected[key] = RenderExpected(value);
  }
  return Status::Ok();
}

// Parses one rule; its pattern is compiled by `prefilter`, as the prefilter's next pattern, and
// its program built at first use when `builtin` (RuleSource::builtin).
Status ParseRule(const Json& json, const MacroTable& macros, RulePrefilterBuilder& prefilter,
                 bool builtin, AmountRule& rule) {
  NEWSFACTS_RETURN_IF_ERROR(
      CheckKeys(json,
                {"id", "priority", "pattern", "veto_before", "veto_after", "needs_currency_context",
                 "examples", "not_money", "comment"},
                "a rule"));
  NEWSFACTS_RETURN_IF_ERROR(ReadInt(json, "priority", &rule.priority));
  NEWSFACTS_RETURN_IF_ERROR(ReadBool(json, "needs_currency_context", &rule.needs_currency_context));
  std::string pattern;
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "pattern", &pattern));
  if (pattern.empty()) return Status::InvalidArgument("missing \"pattern\"");
  StatusOr<std::string> expanded = macros.Expand(pattern);
  if (!expanded.ok()) return expanded.status();
  StatusOr<std::unique_ptr<Regex>> re = prefilter.Add(*expanded, {.build_now = !builtin});
  if (!re.ok()) return re.status();
  rule.re = std::move(*re);
  for (const auto& [field, target] :
       {std::pair<const char*, std::unique_ptr<Regex>*>{"veto_before", &rule.veto_before},
        {"veto_after", &rule.veto_after}}) {
    std::string veto;
    NEWSFACTS_RETURN_IF_ERROR(ReadString(json, field, &veto));
    if (veto.empty()) continue;
    StatusOr<std::unique_ptr<Regex>> compiled = CompilePattern(veto, macros);
    if (!compiled.ok()) return compiled.status().WithContext(field);
    *target = std::move(*compiled);
  }
  NEWSFACTS_RETURN_IF_ERROR(BindGroups(*rule.re, rule.groups));
  rule.needs_digits = rule.groups.number.present();
  if (json.contains("examples")) {
    if (!json["examples"].is_array()) {
      return Status::InvalidArgument("field \"examples\" must be an array");
    }
    for (const Json& example : json["examples"]) {
      AmountExample parsed;
      NEWSFACTS_RETURN_IF_ERROR(ParseExample(example, parsed));
      rule.examples.push_back(std::move(parsed));
    }
  }
  return ReadStringList(json, "not_money", &rule.not_money);
}

// Compiles the rules of one file through `prefilter`, appending to `rules`; `ids` holds the
// ids seen so far.
Status LoadRules(const RuleSource& source, const Json& json, const Tables& tables,
                 RulePrefilterBuilder& prefilter, std::set<std::string>& ids,
                 std::vector<AmountRule>& rules) {
  if (!json.contains("rules")) return Status::Ok();
  if (!json["rules"].is_array()) {
    return Status::InvalidArgument(source.path + ": \"rules\" must be an array");
  }
  size_t position = 0;
  for (const Json& entry : json["rules"]) {
    ++position;
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() ||
        entry["id"].get<std::string>().empty()) {
      return Status::InvalidArgument(source.path + ": rule #" + std::to_string(position) +
                                     ": every rule needs a non-empty string \"id\"");
    }
    AmountRule rule;
    rule.file = source.path;
    rule.id = entry["id"].get<std::string>();
    rule.order = rules.size();
    const std::string where = source.Where(rule.id);
    if (!ids.insert(rule.id).second) {
      return Status::InvalidArgument(where + ": duplicate rule id");
    }
    NEWSFACTS_RETURN_IF_ERROR(GuardJson(where, [&] {
      return ParseRule(entry, tables.macros, prefilter, source.builtin, rule).WithContext(where);
    }));
    rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

// Compiles the currency gate, the prefilter word gate and the scanner uniting them from the
// merged tables.
Status CompileGates(AmountRuleSet& set) {
  std::string united;  // the gates' sources, each in a group of its own
  if (!set.tables.currency_gate.empty()) {
    StatusOr<std::unique_ptr<Regex>> gate =
        CompilePattern(set.tables.currency_gate, set.tables.macros);
    if (!gate.ok()) return gate.status().WithContext("amounts: currency_gate");
    set.currency_gate = std::move(*gate);
    united = "(?:" + set.tables.currency_gate + ")";
  }
  // The word gate: any prefilter word (any case) or a match of any prefilter pattern.
  std::string word_gate;
  if (!set.tables.prefilter_words.empty()) {
    word_gate = Alternation(set.tables.prefilter_words, true, false, false);
  }
  for (const std::string& pattern : set.tables.prefilter_patterns) {
    word_gate += (word_gate.empty() ? "(?:" : "|(?:") + pattern + ")";
  }
  if (!word_gate.empty()) {
    StatusOr<std::unique_ptr<Regex>> gate = CompilePattern(word_gate, set.tables.macros);
    if (!gate.ok()) return gate.status().WithContext("amounts: prefilter_words/patterns");
    set.word_gate = std::move(*gate);
    united += (united.empty() ? "(?:" : "|(?:") + word_gate + ")";
  }
  if (united.empty()) return Status::Ok();
  StatusOr<std::unique_ptr<Regex>> scanner =
      CompilePattern("(?m:" + united + ")", set.tables.macros);
  if (!scanner.ok()) return scanner.status().WithContext("amounts: gate scanner");
  set.gate_scanner = std::move(*scanner);
  // The scan asks where each match starts: the reversed program, built now, not on first use.
  set.gate_scanner->PrepareMatchSearch();
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<AmountRuleSet>> CompileAmountRules(const RuleSources& sources) {
  auto set = std::make_unique<AmountRuleSet>();
  std::vector<std::pair<const RuleSource*, Json>> files;
  for (const RuleSource* source : sources.OfKind("amounts")) {
    Json json;
    NEWSFACTS_RETURN_IF_ERROR(GuardJson(source->path, [&] {
      json = Json::parse(source->contents);
      return json.is_object() ? Status::Ok()
                              : Status::InvalidArgument(source->path + ": not a JSON object");
    }));
    NEWSFACTS_RETURN_IF_ERROR(LoadTables(source->path, json, set->tables));
    files.emplace_back(source, std::move(json));
  }
  if (files.empty()) {
    return Status::InvalidArgument("amounts: no rule file of kind \"amounts\" was loaded");
  }
  if (!set->tables.approximate_low_factor || !set->tables.has_restatement) {
    return Status::InvalidArgument(
        "amounts: no rule file sets \"approximate_bounds\" and \"restatement\"");
  }
  AddTableMacros(set->tables);
  NEWSFACTS_RETURN_IF_ERROR(CompileGates(*set));
  std::set<std::string> ids;
  // Each rule is compiled once, for matching and for the prefilter that picks the rules to run.
  RulePrefilterBuilder prefilter;
  for (const auto& [source, json] : files) {
    NEWSFACTS_RETURN_IF_ERROR(LoadRules(*source, json, set->tables, prefilter, ids, set->rules));
  }
  StatusOr<std::unique_ptr<RulePrefilter>> built = prefilter.Build();
  if (!built.ok()) return built.status().WithContext("amounts");
  set->rule_prefilter = std::move(*built);
  std::vector<const Regex*> patterns;
  for (const AmountRule& rule : set->rules) {
    set->number_rule_slot.push_back(rule.needs_digits ? static_cast<int>(patterns.size()) : -1);
    if (rule.needs_digits) patterns.push_back(rule.re.get());
  }
  StatusOr<std::unique_ptr<PatternSet>> matching = PatternSet::Compile(patterns);
  if (!matching.ok()) return matching.status().WithContext("amounts");
  set->matching_number_rules = std::move(*matching);
  return set;
}

}  // namespace newsfacts::amounts
