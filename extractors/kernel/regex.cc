// Regex over RE2: compile with the project's options, find with byte-offset views.
#include "extractors/kernel/regex.h"

#include <re2/re2.h>

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

}  // namespace

Regex::Regex(std::unique_ptr<const re2::RE2> re)
    : re_(std::move(re)), large_(re_->ProgramSize() >= kMinNfaGroupProgramSize) {}
Regex::~Regex() = default;

StatusOr<std::unique_ptr<Regex>> Regex::Compile(const std::string& pattern, Options options) {
  auto re = std::make_unique<RE2>(pattern, Re2Options(options.case_sensitive));
  if (!re->ok()) {
    return Status::InvalidArgument("pattern does not compile: " + re->error() +
                                   " (expanded: " + pattern + ")");
  }
  return std::unique_ptr<Regex>(new Regex(std::move(re)));
}

std::string Regex::Quote(std::string_view literal) {
  return RE2::QuoteMeta(re2::StringPiece(literal.data(), literal.size()));
}

bool Regex::Find(std::string_view text, size_t begin, size_t end,
                 std::vector<std::string_view>* groups) const {
  const re2::StringPiece input(text.data(), text.size());
  if (groups == nullptr) return re_->Match(input, begin, end, RE2::UNANCHORED, nullptr, 0);
  const int count = re_->NumberOfCapturingGroups() + 1;
  // RE2 reports StringPieces; one buffer per thread keeps the hot loop free of allocation.
  thread_local std::vector<re2::StringPiece> pieces;
  pieces.assign(static_cast<size_t>(count), {});
  if (const RE2* nfa = large_ ? ReadyGroupSearcher() : nullptr; nfa != nullptr) {
    // The DFA answers most calls, which find no match, without building a reversed DFA.
    if (!re_->Match(input, begin, end, RE2::UNANCHORED, nullptr, 0)) return false;
    if (!nfa->Match(input, begin, end, RE2::UNANCHORED, pieces.data(), count)) return false;
  } else {
    if (!re_->Match(input, begin, end, RE2::UNANCHORED, pieces.data(), count)) return false;
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
  re2::StringPiece match;
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), begin, end, RE2::UNANCHORED, &match,
                  1)) {
    return std::nullopt;
  }
  return std::string_view(match.data(), match.size());
}

void Regex::PrepareGroupSearch() const {
  if (GroupSearcher() == nullptr) PrepareMatchSearch();
}

void Regex::PrepareMatchSearch() const { re_->ReverseProgramSize(); }

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

int Regex::GroupCount() const { return re_->NumberOfCapturingGroups(); }

const std::map<std::string, int>& Regex::NamedGroups() const { return re_->NamedCapturingGroups(); }

const std::string& Regex::pattern() const { return re_->pattern(); }

bool Regex::case_sensitive() const { return re_->options().case_sensitive(); }

}  // namespace newsfacts
