// Regex over RE2: compile with the project's options, find with byte-offset views.
#include "extractors/kernel/regex.h"

#include <re2/re2.h>

#include "extractors/kernel/pattern_group.h"
#include "extractors/kernel/re2_options.h"

namespace newsfacts {
namespace {

// A pattern of this many instructions or more finds its groups by GroupSearcher. Given a match,
// RE2 otherwise runs a reversed DFA back from its end to find its start, then its NFA over the
// match alone for the groups. On text unlike any met before, that DFA builds its states anew:
// for the claim rules' largest patterns (9,000-21,000 instructions) 80-290 us per match, where
// the NFA alone takes 20-40 us. On text met before, the NFA alone costs more than the warm
// DFAs, as it starts a thread at every byte up to the match. With GroupSearcher built at a
// pattern's first match, two passes of stage_bench over the shared data's 4,599 records took 10%
// fewer instructions with this limit, 9% with 4,096; over bbc-tech copied 4 times (passes over
// text met before), 0.8% more, 2.2% with 4,096.
constexpr int kMinNfaGroupProgramSize = 8192;
// GroupSearcher's memory budget per instruction of the pattern. RE2 gives a program two thirds
// of its budget, of which a quarter may go to instructions before they are optimized (32 bytes
// each, as RE2 counts): room for 1.33 times the optimized program. What is left for a DFA then
// falls short of the 20 states RE2 asks of one, so RE2 runs no DFA and searches with its NFA.
constexpr int64_t kNfaOnlyBudgetPerInstruction = 64;

Status SyntaxError(const RE2& re, const std::string& pattern) {
  return Status::InvalidArgument("pattern does not compile: " + re.error() +
                                 " (expanded: " + pattern + ")");
}

}  // namespace

Regex::Regex(std::string pattern, bool case_sensitive, std::map<std::string, int> named_groups)
    : pattern_(std::move(pattern)),
      case_sensitive_(case_sensitive),
      named_groups_(std::move(named_groups)) {}
Regex::~Regex() = default;

StatusOr<std::unique_ptr<Regex>> Regex::Compile(const std::string& pattern, Options options) {
  if (!options.build_now) {
    return std::unique_ptr<Regex>(
        new Regex(pattern, options.case_sensitive, NamedGroupsOf(pattern)));
  }
  auto re = std::make_unique<RE2>(pattern, Re2Options(options.case_sensitive));
  if (!re->ok()) return SyntaxError(*re, pattern);
  auto regex = std::unique_ptr<Regex>(
      new Regex(pattern, options.case_sensitive, re->NamedCapturingGroups()));
  regex->Install(std::move(re));
  return regex;
}

void Regex::Install(std::unique_ptr<const RE2> re) const {
  large_ = re->ProgramSize() >= kMinNfaGroupProgramSize;
  re_ = std::move(re);
  program_.store(re_.get(), std::memory_order_release);
}

Status Regex::Build() const {
  if (program_.load(std::memory_order_acquire) != nullptr) return Status::Ok();
  std::call_once(build_once_, [this] {
    auto re = std::make_unique<const RE2>(pattern_, Re2Options(case_sensitive_));
    if (re->ok()) {
      Install(std::move(re));
    } else {
      build_status_ = SyntaxError(*re, pattern_);
    }
  });
  return build_status_;
}

const RE2* Regex::Program() const {
  if (const RE2* re = program_.load(std::memory_order_acquire); re != nullptr) return re;
  static_cast<void>(Build());
  return program_.load(std::memory_order_acquire);
}

std::string Regex::Quote(std::string_view literal) {
  return RE2::QuoteMeta(re2::StringPiece(literal.data(), literal.size()));
}

bool Regex::Find(std::string_view text, size_t begin, size_t end,
                 std::vector<std::string_view>* groups) const {
  const RE2* const re = Program();
  if (re == nullptr) return false;
  const re2::StringPiece input(text.data(), text.size());
  if (groups == nullptr) return re->Match(input, begin, end, RE2::UNANCHORED, nullptr, 0);
  const int count = re->NumberOfCapturingGroups() + 1;
  // RE2 reports StringPieces; one buffer per thread keeps the hot loop free of allocation.
  thread_local std::vector<re2::StringPiece> pieces;
  pieces.assign(static_cast<size_t>(count), {});
  if (const RE2* nfa = large_ ? ReadyGroupSearcher() : nullptr; nfa != nullptr) {
    // The DFA answers most calls, which find no match, without building a reversed DFA.
    if (!re->Match(input, begin, end, RE2::UNANCHORED, nullptr, 0)) return false;
    if (!nfa->Match(input, begin, end, RE2::UNANCHORED, pieces.data(), count)) return false;
  } else {
    if (!re->Match(input, begin, end, RE2::UNANCHORED, pieces.data(), count)) return false;
    if (large_ && !group_searcher_built_.load(std::memory_order_relaxed)) {
      matches_.fetch_add(1, std::memory_order_relaxed);
    }
  }
  groups->resize(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    (*groups)[static_cast<size_t>(i)] = std::string_view(pieces[i].data(), pieces[i].size());
  }
  return true;
}

std::optional<std::string_view> Regex::FindMatch(std::string_view text, size_t begin,
                                                 size_t end) const {
  const RE2* const re = Program();
  re2::StringPiece match;
  if (re == nullptr || !re->Match(re2::StringPiece(text.data(), text.size()), begin, end,
                                  RE2::UNANCHORED, &match, 1)) {
    return std::nullopt;
  }
  return std::string_view(match.data(), match.size());
}

void Regex::PrepareGroupSearch() const {
  if (Program() != nullptr && GroupSearcher() == nullptr) PrepareMatchSearch();
}

void Regex::PrepareMatchSearch() const {
  if (const RE2* re = Program(); re != nullptr) re->ReverseProgramSize();
}

const RE2* Regex::GroupSearcher() const {
  if (!large_) return nullptr;
  std::call_once(group_searcher_once_, [this] {
    RE2::Options options = re_->options();
    options.set_max_mem(kNfaOnlyBudgetPerInstruction * re_->ProgramSize());
    auto searcher = std::make_unique<RE2>(re_->pattern(), options);
    if (searcher->ok()) group_searcher_ = std::move(searcher);
    group_searcher_built_.store(true, std::memory_order_release);
  });
  return group_searcher_.get();
}

const RE2* Regex::ReadyGroupSearcher() const {
  if (group_searcher_built_.load(std::memory_order_acquire)) return group_searcher_.get();
  if (matches_.load(std::memory_order_relaxed) < kMatchesBeforeNfaGroups) return nullptr;
  return GroupSearcher();
}

bool Regex::GroupsByNfaAlone() const {
  return group_searcher_built_.load(std::memory_order_acquire) && group_searcher_ != nullptr;
}

int Regex::GroupCount() const {
  const RE2* re = Program();
  return re != nullptr ? re->NumberOfCapturingGroups() : 0;
}

}  // namespace newsfacts
