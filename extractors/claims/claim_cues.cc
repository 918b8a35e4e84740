// Status cue lists and attribution patterns: loading, clause scoping and matching.
#include "extractors/claims/claim_cues.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "extractors/kernel/rule_json.h"
#include "extractors/kernel/rule_prefilter.h"

namespace newsfacts {
namespace {

// Statuses decided by cue lists, in the order they win over each other.
constexpr std::array<std::pair<const char*, ClaimStatus>, 4> kCueStatuses = {{
    {"conditional", ClaimStatus::kConditional},
    {"negated", ClaimStatus::kNegated},
    {"hedged", ClaimStatus::kHedged},
    {"planned", ClaimStatus::kPlanned},
}};

// One pattern matching any of `words` as whole words, ignoring case except for the words in
// `exact` ("may" is a cue, "May" a month).
StatusOr<std::unique_ptr<Regex>> CompileWordList(const std::vector<std::string>& words,
                                                 const std::set<std::string>& exact) {
  if (words.empty()) return std::unique_ptr<Regex>();
  std::string regex = "\\b(?:";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) regex += "|";
    const std::string quoted = Regex::Quote(words[i]);
    regex += exact.count(words[i]) ? quoted : "(?i:" + quoted + ")";
  }
  regex += ")\\b";
  return Regex::Compile(regex, {});
}

Status ReadWordList(const Json& json, const std::string& what, std::vector<std::string>* out) {
  if (!json.is_array()) return Status::InvalidArgument(what + " must be an array of strings");
  for (const Json& word : json) {
    if (!word.is_string() || word.get<std::string>().empty()) {
      return Status::InvalidArgument(what + " must hold non-empty strings");
    }
    out->push_back(word.get<std::string>());
  }
  return Status::Ok();
}

// Expands and compiles `pattern` (case-insensitive); InvalidArgument under `context` when it
// does not compile or has a named group outside `groups`.
StatusOr<std::unique_ptr<CompiledPattern>> CompilePattern(const MacroTable& macros,
                                                          const std::string& pattern,
                                                          const std::set<std::string>& groups,
                                                          const std::string& context) {
  StatusOr<std::string> expanded = ExpandClaimPattern(macros, pattern);
  if (!expanded.ok()) return expanded.status().WithContext(context);
  StatusOr<std::unique_ptr<CompiledPattern>> compiled =
      CompiledPattern::Compile(*expanded, {.case_sensitive = false});
  if (!compiled.ok()) return compiled.status().WithContext(context);
  for (const std::string& group : (*compiled)->GroupNames()) {
    if (!groups.count(group)) {
      return Status::InvalidArgument(context + ": group \"" + group + "\" is not allowed here");
    }
  }
  return compiled;
}

bool Contains(const Regex* re, std::string_view text, size_t begin, size_t end) {
  if (re == nullptr || begin >= end) return false;
  return re->Find(text, begin, end, nullptr);
}

}  // namespace

struct ClaimCues::Impl {
  struct CueList {
    std::vector<std::string> before_words;
    std::vector<std::string> after_words;
    std::unique_ptr<Regex> before;
    std::unique_ptr<Regex> after;
  };
  struct AttributionRule {
    std::string id;
    std::unique_ptr<CompiledPattern> pattern;
    bool has_speaker = false;  // the pattern has a group "speaker"
    bool has_venue = false;    // and one "venue"
  };
  std::vector<std::string> boundaries;      // lower case
  std::array<bool, 256> boundary_starts{};  // the first bytes of `boundaries`
  std::vector<std::unique_ptr<CompiledPattern>> boundary_patterns;
  std::unique_ptr<CompiledPattern> per_unit;               // anchored right after a per-unit amount
  std::unique_ptr<CompiledPattern> total_amount;           // group "amount": the total of a deal
  std::unique_ptr<CompiledPattern> described_object_veto;  // rejects an `asset` group's words
  std::unique_ptr<CompiledPattern> deal_amount_after;      // group "amount": "The price was $N"
  // Predicates (looked up by view, without a copy): the claims that take such an amount, and
  // those whose slots type a name.
  std::set<std::string, std::less<>> deal_amount_predicates;
  std::set<std::string, std::less<>> name_candidate_predicates;
  std::unique_ptr<CompiledPattern> name_candidate_veto;  // anchored after a candidate
  std::array<CueList, kCueStatuses.size()> cues;
  std::vector<AttributionRule> attribution;
  std::set<std::string> exact_case;  // cues that match only as written
  size_t quote_min_words = 3;

  // Reads one claim_cues file into this; the Read* parts each read some of its fields.
  // Attribution patterns are compiled by `attribution_patterns`, for the caller's prefilter.
  Status ReadFile(const Json& json, const std::string& path, const MacroTable& macros,
                  RulePrefilterBuilder* attribution_patterns);
  Status ReadPatterns(const Json& json, const std::string& path, const MacroTable& macros);
  Status ReadStatusCues(const Json& json, const std::string& path);
  Status ReadAttribution(const Json& json, const std::string& path, const MacroTable& macros,
                         RulePrefilterBuilder* attribution_patterns);
  // Compiles each status's before/after word lists, once every file is read.
  Status CompileCueLists();
};

ClaimCues::ClaimCues(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClaimCues::~ClaimCues() = default;

StatusOr<std::unique_ptr<ClaimCues>> ClaimCues::Create(const RuleSources& sources,
                                                       const MacroTable& macros,
                                                       RulePrefilterBuilder* attribution_patterns) {
  auto impl = std::make_unique<Impl>();
  for (const RuleSource* source : sources.OfKind("claim_cues")) {
    NEWSFACTS_RETURN_IF_ERROR(GuardJson(source->path, [&] {
      return impl->ReadFile(Json::parse(source->contents), source->path, macros,
                            attribution_patterns);
    }));
  }
  NEWSFACTS_RETURN_IF_ERROR(impl->CompileCueLists());
  std::unique_ptr<ClaimCues> cues(new ClaimCues(std::move(impl)));
  cues->quote_min_words_ = cues->impl_->quote_min_words;
  return cues;
}

Status ClaimCues::Impl::ReadFile(const Json& json, const std::string& path,
                                 const MacroTable& macros,
                                 RulePrefilterBuilder* attribution_patterns) {
  NEWSFACTS_RETURN_IF_ERROR(
      CheckKeys(json,
                {"kind", "macros", "comment", "clause_boundaries", "status", "attribution",
                 "quote_min_words", "case_sensitive_cues", "clause_boundary_patterns",
                 "per_unit_after", "total_amount", "described_object_veto", "deal_amount_after",
                 "amount_roles", "deal_stages", "name_candidates"},
                "a claim_cues file")
          .WithContext(path));
  NEWSFACTS_RETURN_IF_ERROR(ReadPatterns(json, path, macros));
  if (json.contains("name_candidates")) {
    const Json& entry = json["name_candidates"];
    const std::string where = path + ": name_candidates";
    if (!entry.is_object() || !entry.contains("predicates")) {
      return Status::InvalidArgument(where + " must be {\"predicates\": [...]}");
    }
    NEWSFACTS_RETURN_IF_ERROR(CheckKeys(entry, {"comment", "predicates", "veto_after"}, where));
    std::vector<std::string> predicates;
    NEWSFACTS_RETURN_IF_ERROR(
        ReadWordList(entry["predicates"], where + ": predicates", &predicates));
    name_candidate_predicates.insert(predicates.begin(), predicates.end());
    if (entry.contains("veto_after")) {
      if (!entry["veto_after"].is_string()) {
        return Status::InvalidArgument(where + ": veto_after must be a string");
      }
      StatusOr<std::unique_ptr<CompiledPattern>> compiled = CompilePattern(
          macros, entry["veto_after"].get<std::string>(), {}, where + ": veto_after");
      if (!compiled.ok()) return compiled.status();
      name_candidate_veto = std::move(*compiled);
    }
  }
  if (json.contains("case_sensitive_cues")) {
    std::vector<std::string> words;
    NEWSFACTS_RETURN_IF_ERROR(
        ReadWordList(json["case_sensitive_cues"], path + ": case_sensitive_cues", &words));
    exact_case.insert(words.begin(), words.end());
  }
  if (json.contains("quote_min_words")) {
    if (!json["quote_min_words"].is_number_unsigned()) {
      return Status::InvalidArgument(path + ": quote_min_words must be a positive integer");
    }
    quote_min_words = json["quote_min_words"].get<size_t>();
  }
  NEWSFACTS_RETURN_IF_ERROR(ReadStatusCues(json, path));
  return ReadAttribution(json, path, macros, attribution_patterns);
}

Status ClaimCues::Impl::ReadPatterns(const Json& json, const std::string& path,
                                     const MacroTable& macros) {
  if (json.contains("clause_boundaries")) {
    std::vector<std::string> words;
    NEWSFACTS_RETURN_IF_ERROR(
        ReadWordList(json["clause_boundaries"], path + ": clause_boundaries", &words));
    for (std::string& word : words) {
      std::transform(word.begin(), word.end(), word.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      boundary_starts[static_cast<unsigned char>(word[0])] = true;
      boundaries.push_back(std::move(word));
    }
  }
  if (json.contains("clause_boundary_patterns")) {
    std::vector<std::string> patterns;
    NEWSFACTS_RETURN_IF_ERROR(ReadWordList(json["clause_boundary_patterns"],
                                           path + ": clause_boundary_patterns", &patterns));
    for (const std::string& pattern : patterns) {
      StatusOr<std::unique_ptr<CompiledPattern>> compiled =
          CompilePattern(macros, pattern, {"next"}, path + ": clause_boundary_patterns");
      if (!compiled.ok()) return compiled.status();
      boundary_patterns.push_back(std::move(*compiled));
    }
  }
  for (const auto& [field, target, groups] :
       {std::tuple<const char*, std::unique_ptr<CompiledPattern>*, std::set<std::string>>{
            "per_unit_after", &per_unit, {}},
        {"total_amount", &total_amount, {"amount"}},
        {"described_object_veto", &described_object_veto, {}}}) {
    if (!json.contains(field)) continue;
    if (!json[field].is_string()) {
      return Status::InvalidArgument(path + ": " + field + " must be a string");
    }
    StatusOr<std::unique_ptr<CompiledPattern>> compiled =
        CompilePattern(macros, json[field].get<std::string>(), groups, path + ": " + field);
    if (!compiled.ok()) return compiled.status();
    *target = std::move(*compiled);
  }
  if (json.contains("deal_amount_after")) {
    const Json& entry = json["deal_amount_after"];
    const std::string where = path + ": deal_amount_after";
    if (!entry.is_object() || !entry.contains("pattern") || !entry["pattern"].is_string()) {
      return Status::InvalidArgument(where + " must be {\"pattern\": ..., \"predicates\": [...]}");
    }
    StatusOr<std::unique_ptr<CompiledPattern>> compiled = CompilePattern(
        macros, entry["pattern"].get<std::string>(), {"amount", "undisclosed"}, where);
    if (!compiled.ok()) return compiled.status();
    deal_amount_after = std::move(*compiled);
    std::vector<std::string> predicates;
    NEWSFACTS_RETURN_IF_ERROR(ReadWordList(entry.value("predicates", Json::array()),
                                           where + ": predicates", &predicates));
    deal_amount_predicates.insert(predicates.begin(), predicates.end());
  }
  return Status::Ok();
}

Status ClaimCues::Impl::ReadStatusCues(const Json& json, const std::string& path) {
  if (json.contains("status")) {
    const Json& status = json["status"];
    if (!status.is_object()) return Status::InvalidArgument(path + ": status must be an object");
    for (const auto& [name, lists] : status.items()) {
      auto it = std::find_if(kCueStatuses.begin(), kCueStatuses.end(),
                             [&name = name](const auto& entry) { return name == entry.first; });
      if (it == kCueStatuses.end()) {
        return Status::InvalidArgument(path + ": status." + name +
                                       ": cue lists exist for conditional, negated, hedged "
                                       "and planned (question and reported are structural)");
      }
      Impl::CueList& cue = cues[static_cast<size_t>(it - kCueStatuses.begin())];
      if (!lists.is_object()) {
        return Status::InvalidArgument(path + ": status." + name +
                                       " must be an object with \"before\" and \"after\"");
      }
      for (const auto& [side, words] : lists.items()) {
        const std::string what = path + ": status." + name + "." + side;
        if (side == "before") {
          NEWSFACTS_RETURN_IF_ERROR(ReadWordList(words, what, &cue.before_words));
        } else if (side == "after") {
          NEWSFACTS_RETURN_IF_ERROR(ReadWordList(words, what, &cue.after_words));
        } else {
          return Status::InvalidArgument(what + ": only \"before\" and \"after\" lists exist");
        }
      }
    }
  }
  return Status::Ok();
}

Status ClaimCues::Impl::ReadAttribution(const Json& json, const std::string& path,
                                        const MacroTable& macros,
                                        RulePrefilterBuilder* attribution_patterns) {
  if (json.contains("attribution")) {
    if (!json["attribution"].is_array()) {
      return Status::InvalidArgument(path + ": attribution must be an array of rules");
    }
    for (const Json& entry : json["attribution"]) {
      if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() ||
          !entry.contains("pattern") || !entry["pattern"].is_string()) {
        return Status::InvalidArgument(path +
                                       ": attribution: each rule needs string id and pattern");
      }
      const std::string id = entry["id"].get<std::string>();
      const std::string context = path + ": attribution " + id;
      StatusOr<std::string> expanded =
          ExpandClaimPattern(macros, entry["pattern"].get<std::string>());
      if (!expanded.ok()) return expanded.status().WithContext(context);
      StatusOr<std::unique_ptr<CompiledPattern>> compiled =
          CompiledPattern::Compile(*expanded, {.case_sensitive = false}, attribution_patterns);
      if (!compiled.ok()) return compiled.status().WithContext(context);
      AttributionRule rule{id, nullptr};
      for (const std::string& group : (*compiled)->GroupNames()) {
        if (group != "speaker" && group != "venue") {
          return Status::InvalidArgument(context + ": group \"" + group +
                                         "\" is not speaker or venue");
        }
        (group == "speaker" ? rule.has_speaker : rule.has_venue) = true;
      }
      rule.pattern = std::move(*compiled);
      attribution.push_back(std::move(rule));
    }
  }
  return Status::Ok();
}

Status ClaimCues::Impl::CompileCueLists() {
  for (Impl::CueList& cue : cues) {
    StatusOr<std::unique_ptr<Regex>> before = CompileWordList(cue.before_words, exact_case);
    if (!before.ok()) return before.status().WithContext("claim_cues: a cue list");
    StatusOr<std::unique_ptr<Regex>> after = CompileWordList(cue.after_words, exact_case);
    if (!after.ok()) return after.status().WithContext("claim_cues: a cue list");
    cue.before = std::move(*before);
    cue.after = std::move(*after);
  }
  return Status::Ok();
}

std::vector<AbstractRange> ClaimCues::Clauses(std::string_view abstract_text) const {
  std::string lower(abstract_text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // Pattern boundaries: where each starts, and where the clause after it starts.
  std::map<size_t, size_t> pattern_cuts;
  for (const auto& pattern : impl_->boundary_patterns) {
    for (const PatternMatch& match : pattern->FindAll(abstract_text)) {
      const GroupSpan* next = match.Group("next");
      const size_t resume = next != nullptr ? next->begin : match.end;
      if (resume > match.begin) pattern_cuts.emplace(match.begin, resume);
    }
  }
  std::vector<AbstractRange> clauses;
  size_t begin = 0;
  size_t pos = 0;
  while (pos < lower.size()) {
    size_t matched = 0;
    // Most bytes start no boundary; the first byte rules them out without a comparison
    // (issue 16: comparing every boundary at every byte was a twentieth of the claim stage).
    if (impl_->boundary_starts[static_cast<unsigned char>(lower[pos])]) {
      for (const std::string& boundary : impl_->boundaries) {
        if (boundary[0] == lower[pos] && lower.compare(pos, boundary.size(), boundary) == 0) {
          matched = std::max(matched, boundary.size());
        }
      }
    }
    if (auto cut = pattern_cuts.find(pos); cut != pattern_cuts.end()) {
      matched = std::max(matched, cut->second - pos);
    }
    if (matched == 0) {
      ++pos;
      continue;
    }
    if (pos > begin) clauses.push_back({begin, pos});
    pos += matched;
    begin = pos;
  }
  if (begin < lower.size() || clauses.empty()) clauses.push_back({begin, lower.size()});
  return clauses;
}

AbstractRange ClaimCues::ScopeOf(std::string_view abstract_text, AbstractRange evidence,
                                 bool* question) const {
  const size_t anchor = evidence.end > evidence.begin ? evidence.end - 1 : evidence.begin;
  AbstractRange scope{0, abstract_text.size()};
  for (const AbstractRange& clause : Clauses(abstract_text)) {
    if (clause.begin <= anchor && anchor < clause.end) {
      scope = clause;
      break;
    }
  }
  size_t last = scope.end;
  while (last > scope.begin &&
         (abstract_text[last - 1] == ' ' || abstract_text[last - 1] == '"' ||
          abstract_text[last - 1] == '\'' || abstract_text[last - 1] == ')')) {
    --last;
  }
  *question = last > scope.begin && abstract_text[last - 1] == '?';
  return scope;
}

ClaimStatus ClaimCues::PhraseStatusOf(std::string_view abstract_text,
                                      AbstractRange evidence) const {
  bool question = false;
  const AbstractRange scope = ScopeOf(abstract_text, evidence, &question);
  const size_t end = std::clamp(evidence.end, scope.begin, scope.end);
  if (Contains(impl_->cues[0].before.get(), abstract_text, scope.begin, end)) {
    return ClaimStatus::kConditional;
  }
  if (question) return ClaimStatus::kQuestion;
  for (size_t i = 1; i < kCueStatuses.size(); ++i) {
    if (Contains(impl_->cues[i].before.get(), abstract_text, evidence.begin, end)) {
      return kCueStatuses[i].second;
    }
  }
  return ClaimStatus::kAsserted;
}

ClaimStatus ClaimCues::StatusOf(std::string_view abstract_text, AbstractRange evidence,
                                bool attributed) const {
  bool question = false;
  const AbstractRange scope = ScopeOf(abstract_text, evidence, &question);
  const size_t split = std::clamp(evidence.end, scope.begin, scope.end);
  for (size_t i = 0; i < kCueStatuses.size(); ++i) {
    const Impl::CueList& cue = impl_->cues[i];
    if (question && kCueStatuses[i].second != ClaimStatus::kConditional) break;
    if (Contains(cue.before.get(), abstract_text, scope.begin, split) ||
        Contains(cue.after.get(), abstract_text, split, scope.end)) {
      return kCueStatuses[i].second;
    }
  }
  if (question) return ClaimStatus::kQuestion;
  return attributed ? ClaimStatus::kReported : ClaimStatus::kAsserted;
}

bool ClaimCues::IsDescribedObject(std::string_view words) const {
  return impl_->described_object_veto == nullptr ||
         impl_->described_object_veto->FindAll(words).empty();
}

std::optional<size_t> ClaimCues::FollowUpDealAmount(const Document& doc,
                                                    const AbstractSentence& sentence) const {
  if (impl_->deal_amount_after == nullptr) return std::nullopt;
  // Only an amount slot is ever returned: most sentences hold none, and need no pattern run.
  const bool has_amount = std::any_of(
      sentence.slots().begin(), sentence.slots().end(),
      [](const AbstractSlot& slot) { return slot.kind == AbstractSlot::Kind::kAmount; });
  if (!has_amount) return std::nullopt;
  for (const PatternMatch& match : impl_->deal_amount_after->FindAll(sentence.text())) {
    // Group "undisclosed" accepts only an undisclosed sum ("Terms were not disclosed."), which
    // names no other deal; group "amount" any total the sentence ties to "the price".
    for (const char* name : {"amount", "undisclosed"}) {
      const GroupSpan* group = match.Group(name);
      if (group == nullptr) continue;
      for (const AbstractSlot* slot : sentence.SlotsIn(group->begin, group->end)) {
        if (slot->kind != AbstractSlot::Kind::kAmount) continue;
        if (std::string_view(name) == "undisclosed" &&
            doc.amounts()[slot->index].qualifier != "undisclosed") {
          continue;
        }
        return DealAmount(sentence, *slot);
      }
    }
  }
  return std::nullopt;
}

bool ClaimCues::TypesNameCandidates(std::string_view predicate) const {
  return impl_->name_candidate_predicates.count(predicate) > 0;
}

const CompiledPattern* ClaimCues::name_candidate_veto() const {
  return impl_->name_candidate_veto.get();
}

void ClaimCues::WarmUp(const std::atomic<bool>& stop) const {
  for (const Impl::AttributionRule& rule : impl_->attribution) {
    if (stop) return;
    rule.pattern->regex().PrepareGroupSearch();
  }
}

bool ClaimCues::TakesFollowUpAmount(std::string_view predicate) const {
  return impl_->deal_amount_predicates.count(predicate) > 0;
}

std::optional<size_t> ClaimCues::DealAmount(const AbstractSentence& sentence,
                                            const AbstractSlot& amount) const {
  const std::string_view text = sentence.text();
  if (impl_->per_unit == nullptr) return amount.index;
  const std::string_view rest = text.substr(amount.abstract_end);
  const std::vector<PatternMatch> unit = impl_->per_unit->FindAll(rest);
  if (unit.empty() || unit.front().begin != 0) return amount.index;
  if (impl_->total_amount == nullptr) return amount.index;
  for (const PatternMatch& match : impl_->total_amount->FindAll(text)) {
    const GroupSpan* group = match.Group("amount");
    if (group == nullptr || group->begin < amount.abstract_end) continue;
    for (const AbstractSlot* slot : sentence.SlotsIn(group->begin, group->end)) {
      if (slot->kind == AbstractSlot::Kind::kAmount) return slot->index;
    }
  }
  return amount.index;  // kept as the per-unit price (amount role per_unit), never a deal value
}

Attribution ClaimCues::Attribute(const Document& doc, const AbstractSentence& sentence,
                                 std::span<const int> candidates) const {
  Attribution out;
  // The words of group [begin, end): a mention's canonical name, or the text itself.
  auto resolve = [&](const GroupSpan& group, std::optional<size_t>* entity) {
    for (const AbstractSlot* slot : sentence.SlotsIn(group.begin, group.end)) {
      if (slot->kind != AbstractSlot::Kind::kMention) continue;
      const size_t index = doc.mentions()[slot->index].entity;
      if (index < doc.entities().size()) {
        if (entity != nullptr) *entity = index;
        return doc.entities()[index].name;
      }
      return std::string(doc.Text(slot->doc_span));
    }
    if (group.end <= group.begin) return std::string();
    return std::string(doc.Text(sentence.ToDocument(group.begin, group.end)));
  };
  for (const int index : candidates) {
    const Impl::AttributionRule& rule = impl_->attribution[static_cast<size_t>(index)];
    // A rule can set only what is still empty: once its groups' fields are set, its matches
    // change nothing, and running it (a tenth of the claim stage for all rules) is skipped.
    if ((!rule.has_speaker || !out.speaker.empty()) && (!rule.has_venue || !out.venue.empty())) {
      continue;
    }
    for (const PatternMatch& match : rule.pattern->FindAll(sentence.text())) {
      if (const GroupSpan* speaker = match.Group("speaker"); speaker && out.speaker.empty()) {
        out.speaker = resolve(*speaker, &out.speaker_entity);
        out.rule = rule.id;
      }
      if (const GroupSpan* venue = match.Group("venue"); venue && out.venue.empty()) {
        out.venue = resolve(*venue, nullptr);
        if (out.rule.empty()) out.rule = rule.id;
      }
    }
  }
  return out;
}

}  // namespace newsfacts
