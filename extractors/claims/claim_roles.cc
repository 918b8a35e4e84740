// Amount roles and deal stages: loading their cue lists from claim_cues files and deciding
// the role of an amount and the stage of a deal in an abstracted sentence.
#include "extractors/claims/claim_roles.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "extractors/kernel/rule_json.h"

namespace newsfacts {
namespace {

constexpr std::array<std::string_view, 5> kRoles = {"total", "tranche", "part", "per_unit",
                                                    "valuation"};
// Stages decided by cue lists, in the order they win over each other: a sentence that says
// a deal was agreed and then blocked reports the block; "in talks to buy" is not agreed.
constexpr std::array<std::string_view, 6> kStages = {"blocked",  "abandoned", "completed",
                                                     "in_talks", "agreed",    "rumoured"};

// One pattern matching any of `phrases` as whole words, any case; null for no phrases.
StatusOr<std::unique_ptr<CompiledPattern>> PhraseList(const std::vector<std::string>& phrases) {
  if (phrases.empty()) return std::unique_ptr<CompiledPattern>();
  std::string regex = "\\b(?:";
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) regex += '|';
    regex += Regex::Quote(phrases[i]);
  }
  return CompiledPattern::Compile(regex + ")\\b", {.case_sensitive = false});
}

// Words in `text` (runs of non-spaces).
size_t Words(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// True when `text` holds a placeholder or a mark that ends a phrase, so that a cue on one
// side of it does not describe an amount on the other.
bool Blocks(std::string_view text) {
  return text.find("\u27E8") != std::string_view::npos ||
         text.find_first_of(";:.!?()") != std::string_view::npos || text.find(" - ") != text.npos;
}

// Reads {"before": [...], "after": [...]} phrase lists.
Status ReadCueLists(const Json& lists, const std::string& what, std::vector<std::string>* before,
                    std::vector<std::string>* after) {
  if (!lists.is_object()) {
    return Status::InvalidArgument(what + " must be an object with \"before\" and \"after\"");
  }
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(lists, {"before", "after"}, what));
  NEWSFACTS_RETURN_IF_ERROR(ReadStringList(lists, "before", before).WithContext(what));
  return ReadStringList(lists, "after", after).WithContext(what);
}

// Reads a pattern entry {"<label_key>": one of `labels`, "pattern", "comment"}: the label's
// index and the pattern, compiled with the claim macros. InvalidArgument naming `where`.
template <size_t N>
Status ReadLabelledPattern(const Json& entry, const std::string& label_key,
                           const std::array<std::string_view, N>& labels, const MacroTable& macros,
                           const std::string& where, size_t* index,
                           std::unique_ptr<CompiledPattern>* pattern) {
  NEWSFACTS_RETURN_IF_ERROR(CheckKeys(entry, {label_key, "pattern", "comment"}, where));
  const std::string label = entry.at(label_key).get<std::string>();
  auto it = std::find(labels.begin(), labels.end(), label);
  if (it == labels.end()) {
    return Status::InvalidArgument(where + ": patterns: unknown " + label_key + " \"" + label +
                                   "\"");
  }
  StatusOr<std::string> expanded =
      ExpandClaimPattern(macros, entry.at("pattern").get<std::string>());
  if (!expanded.ok()) return expanded.status().WithContext(where + ": " + label);
  StatusOr<std::unique_ptr<CompiledPattern>> compiled =
      CompiledPattern::Compile(*expanded, {.case_sensitive = false});
  if (!compiled.ok()) return compiled.status().WithContext(where + ": " + label);
  *index = static_cast<size_t>(it - labels.begin());
  *pattern = std::move(*compiled);
  return Status::Ok();
}

}  // namespace

struct ClaimRoles::Impl {
  struct CueLists {
    std::vector<std::string> before_words;
    std::vector<std::string> after_words;
    std::unique_ptr<CompiledPattern> before;
    std::unique_ptr<CompiledPattern> after;
  };
  struct RolePattern {
    std::string role;
    std::unique_ptr<CompiledPattern> pattern;
  };
  struct StagePattern {
    size_t stage;  // index in kStages
    std::unique_ptr<CompiledPattern> pattern;
  };
  std::array<CueLists, kRoles.size()> roles;
  std::array<CueLists, kStages.size()> stages;
  std::vector<RolePattern> patterns;
  std::vector<StagePattern> stage_patterns;
  std::set<std::string> split_roles;
  std::set<std::string> valuation_predicates;
  std::set<std::string> deal_value_predicates;  // a valuation of the target is the deal value
  std::set<std::string> stage_predicates;
  size_t window_words = 4;

  Status ReadRoles(const Json& json, const std::string& path, const MacroTable& macros);
  Status ReadStages(const Json& json, const std::string& path, const MacroTable& macros);
  Status ReadStagePatterns(const Json& entries, const std::string& where, const MacroTable& macros);
  // The nearest cue of any role around amount bytes [begin, end) of `text`, with its distance
  // in words; role index kRoles.size() when none.
  std::pair<size_t, size_t> NearestCue(std::string_view text, size_t begin, size_t end) const;
};

Status ClaimRoles::Impl::ReadRoles(const Json& json, const std::string& path,
                                   const MacroTable& macros) {
  if (!json.contains("amount_roles")) return Status::Ok();
  const Json& section = json["amount_roles"];
  const std::string where = path + ": amount_roles";
  for (const auto& [key, value] : section.items()) {
    if (key == "comment") continue;
    if (key == "window_words") {
      window_words = value.get<size_t>();
    } else if (key == "split") {
      std::vector<std::string> names = value.get<std::vector<std::string>>();
      split_roles.insert(names.begin(), names.end());
    } else if (key == "valuation_predicates") {
      std::vector<std::string> names = value.get<std::vector<std::string>>();
      valuation_predicates.insert(names.begin(), names.end());
    } else if (key == "deal_value_predicates") {
      std::vector<std::string> names = value.get<std::vector<std::string>>();
      deal_value_predicates.insert(names.begin(), names.end());
    } else if (key == "patterns") {
      for (const Json& entry : value) {
        size_t role = 0;
        std::unique_ptr<CompiledPattern> pattern;
        NEWSFACTS_RETURN_IF_ERROR(
            ReadLabelledPattern(entry, "role", kRoles, macros, where, &role, &pattern));
        patterns.push_back({std::string(kRoles[role]), std::move(pattern)});
      }
    } else {
      auto it = std::find(kRoles.begin(), kRoles.end(), key);
      if (it == kRoles.end()) {
        return Status::InvalidArgument(where + ": \"" + key +
                                       "\" is no role (total, tranche, part, per_unit, valuation)");
      }
      CueLists& lists = roles[static_cast<size_t>(it - kRoles.begin())];
      NEWSFACTS_RETURN_IF_ERROR(
          ReadCueLists(value, where + "." + key, &lists.before_words, &lists.after_words));
    }
  }
  return Status::Ok();
}

Status ClaimRoles::Impl::ReadStagePatterns(const Json& entries, const std::string& where,
                                           const MacroTable& macros) {
  for (const Json& entry : entries) {
    size_t stage = 0;
    std::unique_ptr<CompiledPattern> pattern;
    NEWSFACTS_RETURN_IF_ERROR(
        ReadLabelledPattern(entry, "stage", kStages, macros, where, &stage, &pattern));
    stage_patterns.push_back({stage, std::move(pattern)});
  }
  return Status::Ok();
}

Status ClaimRoles::Impl::ReadStages(const Json& json, const std::string& path,
                                    const MacroTable& macros) {
  if (!json.contains("deal_stages")) return Status::Ok();
  const std::string where = path + ": deal_stages";
  for (const auto& [key, value] : json["deal_stages"].items()) {
    if (key == "comment") continue;
    if (key == "predicates") {
      std::vector<std::string> names = value.get<std::vector<std::string>>();
      stage_predicates.insert(names.begin(), names.end());
      continue;
    }
    if (key == "patterns") {
      NEWSFACTS_RETURN_IF_ERROR(ReadStagePatterns(value, where, macros));
      continue;
    }
    auto it = std::find(kStages.begin(), kStages.end(), key);
    if (it == kStages.end()) {
      return Status::InvalidArgument(where + ": \"" + key +
                                     "\" is no stage (blocked, abandoned, completed, agreed, "
                                     "in_talks, rumoured)");
    }
    CueLists& lists = stages[static_cast<size_t>(it - kStages.begin())];
    NEWSFACTS_RETURN_IF_ERROR(
        ReadCueLists(value, where + "." + key, &lists.before_words, &lists.after_words));
  }
  return Status::Ok();
}

ClaimRoles::ClaimRoles(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClaimRoles::~ClaimRoles() = default;

StatusOr<std::unique_ptr<ClaimRoles>> ClaimRoles::Create(const RuleSources& sources,
                                                         const MacroTable& macros) {
  auto impl = std::make_unique<Impl>();
  for (const RuleSource* source : sources.OfKind("claim_cues")) {
    const Status read = GuardJson(source->path, [&] {
      const Json json = Json::parse(source->contents);
      const Status roles = impl->ReadRoles(json, source->path, macros);
      return roles.ok() ? impl->ReadStages(json, source->path, macros) : roles;
    });
    if (!read.ok()) return read;
  }
  auto compile = [](Impl::CueLists& lists) -> Status {
    StatusOr<std::unique_ptr<CompiledPattern>> before = PhraseList(lists.before_words);
    if (!before.ok()) return before.status();
    StatusOr<std::unique_ptr<CompiledPattern>> after = PhraseList(lists.after_words);
    if (!after.ok()) return after.status();
    lists.before = std::move(*before);
    lists.after = std::move(*after);
    return Status::Ok();
  };
  for (Impl::CueLists& lists : impl->roles) NEWSFACTS_RETURN_IF_ERROR(compile(lists));
  for (Impl::CueLists& lists : impl->stages) NEWSFACTS_RETURN_IF_ERROR(compile(lists));
  return std::unique_ptr<ClaimRoles>(new ClaimRoles(std::move(impl)));
}

std::pair<size_t, size_t> ClaimRoles::Impl::NearestCue(std::string_view text, size_t begin,
                                                       size_t end) const {
  std::pair<size_t, size_t> best{kRoles.size(), window_words + 1};
  for (size_t r = 0; r < kRoles.size(); ++r) {
    if (roles[r].before != nullptr) {
      for (const PatternMatch& m : roles[r].before->FindAll(text.substr(0, begin))) {
        const std::string_view gap = text.substr(m.end, begin - m.end);
        if (Blocks(gap)) continue;
        const size_t distance = Words(gap);
        if (distance < best.second) best = {r, distance};
      }
    }
    if (roles[r].after != nullptr) {
      const std::string_view rest = text.substr(end);
      for (const PatternMatch& m : roles[r].after->FindAll(rest)) {
        const std::string_view gap = rest.substr(0, m.begin);
        if (Blocks(gap)) break;
        const size_t distance = Words(gap);
        if (distance < best.second) best = {r, distance};
        break;
      }
    }
  }
  return best;
}

std::string ClaimRoles::AmountRole(std::string_view predicate, const AbstractSentence& sentence,
                                   const AbstractSlot& amount) const {
  const std::string key(predicate);
  if (impl_->valuation_predicates.count(key)) return "valuation";
  std::string role = CueRole(sentence, amount);
  if (role == "valuation" && impl_->deal_value_predicates.count(key)) role = "total";
  return role;
}

std::string ClaimRoles::CueRole(const AbstractSentence& sentence,
                                const AbstractSlot& amount) const {
  const std::string_view text = sentence.text();
  for (const Impl::RolePattern& pattern : impl_->patterns) {
    for (const PatternMatch& match : pattern.pattern->FindAll(text)) {
      const GroupSpan* group = match.Group("amount");
      if (group != nullptr && group->begin <= amount.abstract_begin &&
          amount.abstract_end <= group->end) {
        return pattern.role;
      }
    }
  }
  const auto [role, distance] = impl_->NearestCue(text, amount.abstract_begin, amount.abstract_end);
  if (role < kRoles.size()) return std::string(kRoles[role]);
  return "unspecified";
}

bool ClaimRoles::SplitsClaim(std::string_view role) const {
  return impl_->split_roles.count(std::string(role)) > 0;
}

bool ClaimRoles::TakesStage(std::string_view predicate) const {
  return impl_->stage_predicates.count(std::string(predicate)) > 0;
}

std::string ClaimRoles::StageOf(const ClaimCues& cues, std::string_view abstract_text,
                                AbstractRange evidence) const {
  const size_t anchor = evidence.end > evidence.begin ? evidence.end - 1 : evidence.begin;
  AbstractRange scope{0, abstract_text.size()};
  for (const AbstractRange& clause : cues.Clauses(abstract_text)) {
    if (clause.begin <= anchor && anchor < clause.end) {
      scope = clause;
      break;
    }
  }
  const size_t split = std::clamp(evidence.end, scope.begin, scope.end);
  for (size_t i = 0; i < kStages.size(); ++i) {
    const Impl::CueLists& lists = impl_->stages[i];
    const std::string_view head = abstract_text.substr(scope.begin, split - scope.begin);
    const std::string_view tail = abstract_text.substr(split, scope.end - split);
    if ((lists.before && !lists.before->FindAll(head).empty()) ||
        (lists.after && !lists.after->FindAll(tail).empty())) {
      return std::string(kStages[i]);
    }
    for (const Impl::StagePattern& pattern : impl_->stage_patterns) {
      if (pattern.stage == i && !pattern.pattern->FindAll(head).empty()) {
        return std::string(kStages[i]);
      }
    }
  }
  return "unspecified";
}

}  // namespace newsfacts
