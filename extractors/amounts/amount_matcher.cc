// Amount matcher: gates, candidates from every rule, the overlap policy and restatements.
#include "extractors/amounts/amount_matcher.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extractors/amounts/amount_builder.h"
#include "extractors/amounts/amount_text.h"

namespace newsfacts::amounts {

namespace {

struct Candidate {
  Amount amount;
  int priority = 0;
  size_t order = 0;
};

// Every verified match of every rule that `gate` lets run and the rule prefilter deems able
// to match, with article offsets.
std::vector<Candidate> FindCandidates(const AmountRuleSet& rules, const Document& doc,
                                      size_t sentence_index, SentenceGate gate) {
  const Span& span = doc.sentences()[sentence_index].span;
  const std::string_view sentence = doc.Text(span);
  std::vector<Candidate> candidates;
  std::vector<std::string_view> groups;
  // Asked once, for the first rule with a number the gates let run; with no answer, each runs.
  std::vector<int> matching;
  bool asked = false;
  bool told = false;
  for (const int index : rules.rule_prefilter->Candidates(sentence)) {
    const AmountRule& rule = rules.rules[static_cast<size_t>(index)];
    if (rule.needs_digits ? !gate.digit_rules : !gate.word_rules) continue;
    const int slot = rules.number_rule_slot[static_cast<size_t>(index)];
    if (slot >= 0 && !asked) {
      told = rules.matching_number_rules->Matching(sentence, &matching);
      asked = true;
    }
    if (slot >= 0 && told && !std::binary_search(matching.begin(), matching.end(), slot)) continue;
    size_t pos = 0;
    while (pos <= sentence.size() && rule.re->Find(sentence, pos, sentence.size(), &groups)) {
      const size_t begin = static_cast<size_t>(groups[0].data() - sentence.data());
      const size_t end = begin + groups[0].size();
      pos = end > begin ? end : begin + 1;
      if (rule.veto_before && rule.veto_before->Contains(sentence.substr(0, begin))) continue;
      if (rule.veto_after && rule.veto_after->Contains(sentence.substr(end))) continue;
      std::optional<Amount> amount =
          BuildAmount(rules.tables, rule, sentence, groups, doc.meta().currency_hint);
      if (!amount) continue;
      amount->span.begin += span.begin;
      amount->span.end += span.begin;
      amount->sentence = sentence_index;
      candidates.push_back({std::move(*amount), rule.priority, rule.order});
    }
  }
  return candidates;
}

// The overlap policy: longest match wins, then higher priority, then earlier rule. Returns
// the kept amounts sorted by span.
std::vector<Amount> ResolveOverlaps(std::vector<Candidate> candidates) {
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
  return accepted;
}

// Sets amount.restates when it converts the previous amount of the same sentence.
void LinkRestatement(const Tables& tables, const Document& doc, size_t sentence_index,
                     const std::vector<Amount>& out, Amount& amount) {
  if (out.empty() || out.back().sentence != sentence_index) return;
  if (amount.currency && out.back().currency && amount.currency == out.back().currency) return;
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

}  // namespace

void FindAmountsInSentence(const AmountRuleSet& rules, const Document& doc, size_t sentence_index,
                           SentenceGate gate, std::vector<Amount>& out) {
  const Span& span = doc.sentences()[sentence_index].span;
  if (span.end > doc.text().size() || span.empty()) return;
  if (!gate.digit_rules && !gate.word_rules) return;
  for (Amount& amount : ResolveOverlaps(FindCandidates(rules, doc, sentence_index, gate))) {
    LinkRestatement(rules.tables, doc, sentence_index, out, amount);
    out.push_back(std::move(amount));
  }
}

void DropAmountsWithoutContext(const AmountRuleSet& rules, const Document& doc,
                               std::vector<Amount>& amounts) {
  std::set<std::string_view> context_rules;
  for (const AmountRule& rule : rules.rules) {
    if (rule.needs_currency_context) context_rules.insert(rule.id);
  }
  auto needs_context = [&](const Amount& amount) { return context_rules.count(amount.rule) > 0; };
  if (std::none_of(amounts.begin(), amounts.end(), needs_context)) return;
  std::set<std::string> article_currencies;
  if (!doc.meta().currency_hint.empty()) article_currencies.insert(doc.meta().currency_hint);
  for (const Amount& amount : amounts) {
    if (amount.currency && !needs_context(amount)) article_currencies.insert(*amount.currency);
  }
  std::vector<std::optional<size_t>> new_index(amounts.size());
  std::vector<Amount> kept;
  for (size_t i = 0; i < amounts.size(); ++i) {
    if (needs_context(amounts[i]) &&
        (!amounts[i].currency || article_currencies.count(*amounts[i].currency) == 0)) {
      continue;
    }
    new_index[i] = kept.size();
    kept.push_back(std::move(amounts[i]));
  }
  for (Amount& amount : kept) {
    if (amount.restates) amount.restates = new_index[*amount.restates];
  }
  amounts = std::move(kept);
}

}  // namespace newsfacts::amounts
