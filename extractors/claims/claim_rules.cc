// Loading claim rule files: macros, RE2 compilation over abstracted sentences, examples.
#include "extractors/claims/claim_rules.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <nlohmann/json.hpp>
#include <set>

#include "extractors/kernel/rule_json.h"
#include "extractors/kernel/shared_loops.h"

namespace newsfacts {
namespace {

constexpr std::string_view kTypes[] = {"ORG", "PERSON", "PRODUCT", "LOCATION", "MONEY", "ENTITY"};

bool IsType(std::string_view name) {
  return std::find(std::begin(kTypes), std::end(kTypes), name) != std::end(kTypes);
}

bool IsGroupName(std::string_view name) {
  if (name.empty() || !std::islower(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

// "object2" -> "object": trailing digits (and "_" plus digits, added for repeated macro
// groups) let two alternatives name the same role.
std::string BaseGroupName(std::string_view name) {
  size_t end = name.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1]))) --end;
  if (end < name.size() && end > 0 && name[end - 1] == '_') {
    --end;
    while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1]))) --end;
  }
  return std::string(name.substr(0, end));
}

// RE2 fragment matching one placeholder of the given "|"-separated types.
std::string PlaceholderRegex(const std::vector<std::string>& types) {
  std::string alternatives;
  for (const std::string& type : types) {
    if (!alternatives.empty()) alternatives += "|";
    alternatives += type == "ENTITY" ? "ORG|PERSON|PRODUCT|LOCATION" : type;
  }
  return "\u27E8(?:" + alternatives + "):[0-9]+\u27E9";
}

std::vector<std::string> SplitOn(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    parts.emplace_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

Status ParseExample(const Json& json, ClaimExample* example) {
  if (!json.is_object()) {
    return Status::InvalidArgument("a \"match\" example must be an object with \"text\"");
  }
  NEWSFACTS_RETURN_IF_ERROR(
      CheckKeys(json,
                {"text", "predicate", "subject", "object", "amount", "role", "status", "speaker",
                 "venue", "amount_role", "stage", "event_date", "comment"},
                "a match example"));
  if (!json.contains("text")) return Status::InvalidArgument("a match example needs \"text\"");
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "text", &example->text));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "predicate", &example->predicate));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "subject", &example->subject));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "object", &example->object));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "amount", &example->amount));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "role", &example->role));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "status", &example->status));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "speaker", &example->speaker));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "venue", &example->venue));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "amount_role", &example->amount_role));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "stage", &example->stage));
  NEWSFACTS_RETURN_IF_ERROR(ReadOptionalString(json, "event_date", &example->event_date));
  return Status::Ok();
}

// Reads the rule's scalar fields: predicate, pattern, role, status scope, priority, flags.
Status ParseRuleFields(const Json& json, ClaimRule* rule, bool* case_sensitive) {
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "predicate", &rule->predicate));
  if (rule->predicate.empty()) return Status::InvalidArgument("missing \"predicate\"");
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "pattern", &rule->pattern));
  if (rule->pattern.empty()) return Status::InvalidArgument("missing \"pattern\"");
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "role", &rule->role));
  std::string status_scope;
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "status_scope", &status_scope));
  if (!status_scope.empty() && status_scope != "clause" && status_scope != "phrase") {
    return Status::InvalidArgument("field \"status_scope\" must be \"clause\" or \"phrase\"");
  }
  rule->phrase_status = status_scope == "phrase";
  if (json.contains("priority")) {
    if (!json["priority"].is_number_integer()) {
      return Status::InvalidArgument("field \"priority\" must be an integer");
    }
    rule->priority = json["priority"].get<int>();
  }
  for (const auto& [field, target] : {std::pair<const char*, bool*>{"symmetric", &rule->symmetric},
                                      {"case_sensitive", case_sensitive}}) {
    if (!json.contains(field)) continue;
    if (!json[field].is_boolean()) {
      return Status::InvalidArgument(std::string("field \"") + field + "\" must be true or false");
    }
    *target = json[field].get<bool>();
  }
  return Status::Ok();
}

// Reads "also": further claims from two other groups of the same match.
Status ParseAlso(const Json& json, ClaimRule* rule) {
  if (!json.contains("also")) return Status::Ok();
  if (!json["also"].is_array()) return Status::InvalidArgument("field \"also\" must be an array");
  for (const Json& extra : json["also"]) {
    if (!extra.is_object()) {
      return Status::InvalidArgument("each \"also\" entry must be an object");
    }
    NEWSFACTS_RETURN_IF_ERROR(CheckKeys(extra, {"predicate", "subject", "object"}, "\"also\""));
    ExtraClaim claim;
    NEWSFACTS_RETURN_IF_ERROR(ReadString(extra, "predicate", &claim.predicate));
    NEWSFACTS_RETURN_IF_ERROR(ReadString(extra, "subject", &claim.subject_group));
    NEWSFACTS_RETURN_IF_ERROR(ReadString(extra, "object", &claim.object_group));
    if (claim.predicate.empty() || claim.subject_group.empty() || claim.object_group.empty()) {
      return Status::InvalidArgument("an \"also\" entry needs predicate, subject and object");
    }
    rule->also.push_back(std::move(claim));
  }
  return Status::Ok();
}

// Reads "examples": {"match": [objects], "no_match": [strings]}.
Status ParseExamples(const Json& json, ClaimRule* rule) {
  if (!json.contains("examples")) return Status::Ok();
  const Json& examples = json["examples"];
  if (!examples.is_object()) {
    return Status::InvalidArgument("field \"examples\" must be an object with match/no_match");
  }
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(examples, {"match", "no_match"}, "\"examples\""));
  for (const Json& example : examples.value("match", Json::array())) {
    ClaimExample parsed;
    NEWSFACTS_RETURN_IF_ERROR(ParseExample(example, &parsed));
    rule->match.push_back(std::move(parsed));
  }
  for (const Json& example : examples.value("no_match", Json::array())) {
    if (!example.is_string()) {
      return Status::InvalidArgument("a \"no_match\" example must be a string");
    }
    rule->no_match.push_back(example.get<std::string>());
  }
  return Status::Ok();
}

// Expands and compiles `pattern` (by `prefilter` when not null).
StatusOr<std::unique_ptr<CompiledPattern>> CompileClaimPattern(
    const MacroTable& macros, const std::string& pattern, Regex::Options options,
    RulePrefilterBuilder* prefilter = nullptr) {
  StatusOr<std::string> expanded = ExpandClaimPattern(macros, pattern);
  if (!expanded.ok()) return expanded.status();
  return CompiledPattern::Compile(*expanded, options, prefilter);
}

// Checks the compiled pattern's groups against the predicate and the "also" entries, and
// sets what follows from them (object_optional, min_mentions).
Status CheckGroups(ClaimRule* rule) {
  std::set<std::string> allowed = {"subject", "object",      "amount",     "role", "speaker",
                                   "venue",   "subject_ref", "object_ref", "asset"};
  for (const ExtraClaim& extra : rule->also) {
    allowed.insert(extra.subject_group);
    allowed.insert(extra.object_group);
  }
  const std::vector<std::string> groups = rule->compiled->GroupNames();
  const std::set<std::string> present(groups.begin(), groups.end());
  for (const std::string& group : groups) {
    if (!allowed.count(group)) {
      return Status::InvalidArgument("pattern group \"" + group +
                                     "\" is not one of subject, object, amount, role, speaker, "
                                     "venue, subject_ref, object_ref, asset or an \"also\" group");
    }
  }
  if (!present.count("subject") && !present.count("subject_ref")) {
    return Status::InvalidArgument("pattern has no subject group ({ORG:subject} or subject_ref)");
  }
  rule->object_optional =
      rule->predicate == "raised" || rule->predicate == "valued_at" || rule->predicate == "sold";
  if (!rule->object_optional && !present.count("object") && !present.count("object_ref") &&
      !present.count("asset")) {
    return Status::InvalidArgument("predicate " + rule->predicate +
                                   " needs an object group ({ORG:object}) or an asset group");
  }
  // An anaphoric subject ("The company said ...") needs no mention; neither does an object
  // that may be described, anaphoric or absent.
  const bool object_needs_mention = present.count("object") && !present.count("object_ref") &&
                                    !present.count("asset") && !rule->object_optional;
  rule->min_mentions = (present.count("subject_ref") ? 0 : 1) + (object_needs_mention ? 1 : 0);
  for (const ExtraClaim& extra : rule->also) {
    for (const std::string& group : {extra.subject_group, extra.object_group}) {
      if (!present.count(group)) {
        return Status::InvalidArgument("\"also\" names group \"" + group +
                                       "\" that the pattern does not have");
      }
    }
  }
  return Status::Ok();
}

// Reads one rule; its pattern is compiled by `prefilter` when not null, and its program built
// at first use when `builtin` (a short run uses few of the rules).
Status ParseRule(const Json& json, const MacroTable& macros, RulePrefilterBuilder* prefilter,
                 bool builtin, ClaimRule* rule) {
  NEWSFACTS_RETURN_IF_ERROR(
      CheckKeys(json,
                {"id", "predicate", "pattern", "priority", "symmetric", "role", "also",
                 "case_sensitive", "examples", "comment", "status_scope", "object_veto_after"},
                "a rule"));
  bool case_sensitive = false;
  NEWSFACTS_RETURN_IF_ERROR(ParseRuleFields(json, rule, &case_sensitive));
  std::string veto;
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "object_veto_after", &veto));
  if (!veto.empty()) {
    StatusOr<std::unique_ptr<CompiledPattern>> compiled =
        CompileClaimPattern(macros, veto, {.case_sensitive = false});
    if (!compiled.ok()) return compiled.status().WithContext("object_veto_after");
    rule->object_veto_after = std::move(*compiled);
  }
  NEWSFACTS_RETURN_IF_ERROR(ParseAlso(json, rule));
  NEWSFACTS_RETURN_IF_ERROR(ParseExamples(json, rule));
  StatusOr<std::unique_ptr<CompiledPattern>> compiled = CompileClaimPattern(
      macros, rule->pattern, {.case_sensitive = case_sensitive, .build_now = !builtin}, prefilter);
  if (!compiled.ok()) return compiled.status();
  rule->compiled = std::move(*compiled);
  return CheckGroups(rule);
}

}  // namespace

const GroupSpan* PatternMatch::Group(std::string_view name) const {
  for (const GroupSpan& group : groups) {
    if (group.name == name) return &group;
  }
  return nullptr;
}

namespace {

// The claim brace syntax for MacroTable::Expand: placeholders with types, lists and groups.
StatusOr<std::optional<std::string>> ClaimPlaceholder(std::string_view body) {
  const size_t colon = body.find(':');
  std::string_view head = body.substr(0, colon);
  const std::string group =
      colon == std::string_view::npos ? "" : std::string(body.substr(colon + 1));
  const bool list = !head.empty() && head.back() == '+';
  if (list) head.remove_suffix(1);
  const std::vector<std::string> types = SplitOn(head, '|');
  if (!std::all_of(types.begin(), types.end(), IsType)) {
    if (types.size() > 1 || list || !group.empty()) {
      std::string message = "{";
      message.append(body);
      message +=
          "}: only placeholder types (ORG, PERSON, PRODUCT, LOCATION, MONEY, ENTITY) "
          "take \"|\", \"+\" or a group";
      return Status::InvalidArgument(message);
    }
    return std::optional<std::string>();  // an ordinary macro
  }
  if (!group.empty() && !IsGroupName(group)) {
    std::string message = "{";
    message.append(body);
    message += "}: group names are lower case (a-z, 0-9, _)";
    return Status::InvalidArgument(message);
  }
  std::string fragment = PlaceholderRegex(types);
  if (list) fragment = fragment + "(?:{LIST_SEP}" + fragment + ")*";
  return std::optional<std::string>(group.empty() ? "(?:" + fragment + ")"
                                                  : "(?P<" + group + ">" + fragment + ")");
}

}  // namespace

StatusOr<std::string> ExpandClaimPattern(const MacroTable& macros, std::string_view pattern) {
  StatusOr<std::string> expanded = macros.Expand(pattern, ClaimPlaceholder);
  if (!expanded.ok()) return expanded;
  // A macro used twice ({PRICE} in two alternatives) names its groups twice; number the
  // repeats, which report under their base name.
  std::string out;
  std::map<std::string, int> seen;
  size_t pos = 0;
  const std::string& text = *expanded;
  for (size_t at = text.find("(?P<"); at != std::string::npos; at = text.find("(?P<", pos)) {
    const size_t close = text.find('>', at);
    if (close == std::string::npos) break;
    const std::string name = text.substr(at + 4, close - at - 4);
    out.append(text, pos, close - pos);
    if (const int count = seen[BaseGroupName(name)]++; count > 0) {
      out += '_';
      out += std::to_string(count);
    }
    pos = close;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

struct CompiledPattern::Impl {
  std::unique_ptr<Regex> re;
  std::vector<std::string> group_names;  // by group number; empty for unnamed groups
};

CompiledPattern::CompiledPattern(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledPattern::~CompiledPattern() = default;

StatusOr<std::unique_ptr<CompiledPattern>> CompiledPattern::Compile(
    const std::string& regex, Regex::Options options, RulePrefilterBuilder* prefilter) {
  StatusOr<std::unique_ptr<Regex>> re =
      prefilter != nullptr ? prefilter->Add(regex, options) : Regex::Compile(regex, options);
  if (!re.ok()) return re.status();
  auto impl = std::make_unique<Impl>();
  impl->re = std::move(*re);
  size_t named = 0;
  for (size_t at = regex.find("(?P<"); at != std::string::npos; at = regex.find("(?P<", at + 1)) {
    ++named;
  }
  if (named != impl->re->NamedGroups().size()) {
    return Status::InvalidArgument(
        "pattern names a group twice; add digits to tell them apart (amount1, amount2: both "
        "report as amount)");
  }
  // Up to the last named group: the program, which knows them all, may not be built yet.
  for (const auto& [name, number] : impl->re->NamedGroups()) {
    if (static_cast<size_t>(number) >= impl->group_names.size()) {
      impl->group_names.resize(static_cast<size_t>(number) + 1);
    }
    impl->group_names[static_cast<size_t>(number)] = BaseGroupName(name);
  }
  return std::unique_ptr<CompiledPattern>(new CompiledPattern(std::move(impl)));
}

std::vector<PatternMatch> CompiledPattern::FindAll(std::string_view text) const {
  std::vector<PatternMatch> matches;
  std::vector<std::string_view> submatch;
  size_t start = 0;
  while (start <= text.size() && impl_->re->Find(text, start, text.size(), &submatch)) {
    PatternMatch match;
    match.begin = static_cast<size_t>(submatch[0].data() - text.data());
    match.end = match.begin + submatch[0].size();
    for (size_t g = 1; g < std::min(submatch.size(), impl_->group_names.size()); ++g) {
      if (impl_->group_names[g].empty() || submatch[g].data() == nullptr) continue;
      const size_t begin = static_cast<size_t>(submatch[g].data() - text.data());
      match.groups.push_back({impl_->group_names[g], begin, begin + submatch[g].size()});
    }
    start = match.end > match.begin ? match.end : match.end + 1;
    while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    matches.push_back(std::move(match));
  }
  return matches;
}

const Regex& CompiledPattern::regex() const { return *impl_->re; }

std::vector<std::string> CompiledPattern::GroupNames() const {
  std::vector<std::string> names;
  for (const std::string& name : impl_->group_names) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  return names;
}

StatusOr<MacroTable> LoadClaimMacros(const RuleSources& sources) {
  MacroTable table;
  for (const RuleSource& source : sources.files()) {
    if (source.kind != "claims" && source.kind != "claim_cues") continue;
    const Json json = Json::parse(source.contents);
    if (!json.contains("macros")) continue;
    if (!json["macros"].is_object()) {
      return Status::InvalidArgument(source.path + ": \"macros\" must be an object of strings");
    }
    for (const auto& [name, body] : json["macros"].items()) {
      if (!body.is_string()) {
        return Status::InvalidArgument(source.path + ": macro " + name + " must be a string");
      }
      if (IsType(name)) {
        return Status::InvalidArgument(source.path + ": macro \"" + name +
                                       "\" is a placeholder type; pick another name");
      }
      NEWSFACTS_RETURN_IF_ERROR(table.Add(source.path, name, body.get<std::string>()));
    }
  }
  return table;
}

namespace {

// One rule of a claims file, found in file order and parsed later, on any thread (the rules'
// patterns compile independently, and take as long as every other rule file's, issue 16).
struct RuleEntry {
  const Json* json = nullptr;  // null for an error found while reading the files
  std::string context;         // RuleSource::Where of the rule, for its errors
  bool builtin = false;        // RuleSource::builtin of its file
  ClaimRule rule;
  Status status;                   // the first error about the entry
  RulePrefilterBuilder prefilter;  // the rule's pattern, when the caller keeps a prefilter
};

// Reads the rules of every "claims" file of `sources` in order (the parsed files go to
// `documents`) and checks what needs no pattern: each file's top-level fields, each rule's
// id. At the first error, which becomes the last entry, it stops: the rules before it are
// still parsed, and report first if one of them is wrong, as when rules loaded one by one.
std::deque<RuleEntry> ReadRuleEntries(const RuleSources& sources, std::deque<Json>& documents) {
  std::deque<RuleEntry> entries;
  const auto fail = [&](Status status) { entries.emplace_back().status = std::move(status); };
  std::set<std::string> ids;
  for (const RuleSource* source : sources.OfKind("claims")) {
    const Json& json = documents.emplace_back(Json::parse(source->contents));
    for (const auto& [key, value] : json.items()) {
      if (key != "kind" && key != "macros" && key != "rules" && key != "comment") {
        fail(Status::InvalidArgument(source->path + ": unknown top-level field \"" + key +
                                     "\" (expected kind, macros, rules, comment)"));
        return entries;
      }
    }
    if (!json.contains("rules") || !json["rules"].is_array()) {
      fail(Status::InvalidArgument(source->path + ": a \"claims\" file needs a \"rules\" array"));
      return entries;
    }
    size_t position = 0;
    for (const Json& rule : json["rules"]) {
      ++position;
      if (!rule.is_object() || !rule.contains("id") || !rule["id"].is_string() ||
          rule["id"].get<std::string>().empty()) {
        fail(Status::InvalidArgument(source->path + ": rule #" + std::to_string(position) +
                                     ": every rule needs a non-empty string \"id\""));
        return entries;
      }
      RuleEntry& entry = entries.emplace_back();
      entry.rule.file = source->path;
      entry.rule.id = rule["id"].get<std::string>();
      entry.context = source->Where(entry.rule.id);
      entry.builtin = source->builtin;
      if (!ids.insert(entry.rule.id).second) {
        entry.status = Status::InvalidArgument(entry.context + ": duplicate rule id");
        return entries;
      }
      entry.json = &rule;
    }
  }
  return entries;
}

}  // namespace

StatusOr<std::vector<ClaimRule>> LoadClaimRules(const RuleSources& sources,
                                                const MacroTable& macros,
                                                RulePrefilterBuilder* prefilter,
                                                SharedLoops* loops) {
  std::deque<Json> documents;
  std::deque<RuleEntry> entries = ReadRuleEntries(sources, documents);
  if (prefilter != nullptr) {
    for (RuleEntry& entry : entries) entry.prefilter.ShareMemoOf(*prefilter);
  }
  const std::function<void(size_t)> parse = [&](size_t i) {
    RuleEntry& entry = entries[i];
    if (entry.json == nullptr) return;
    entry.status = GuardJson(entry.context, [&] {
      return ParseRule(*entry.json, macros, prefilter != nullptr ? &entry.prefilter : nullptr,
                       entry.builtin, &entry.rule)
          .WithContext(entry.context);
    });
  };
  if (loops != nullptr) {
    loops->Run(entries.size(), parse);
  } else {
    for (size_t i = 0; i < entries.size(); ++i) parse(i);
  }
  std::vector<ClaimRule> rules;
  for (RuleEntry& entry : entries) {
    NEWSFACTS_RETURN_IF_ERROR(entry.status);
    if (prefilter != nullptr) prefilter->Append(std::move(entry.prefilter));
    rules.push_back(std::move(entry.rule));
  }
  return rules;
}

}  // namespace newsfacts
