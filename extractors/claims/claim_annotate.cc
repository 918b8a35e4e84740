// When and which part: sets each claim's amount role, deal stage and event date, and adds
// the claims of a sentence's further amounts (a tranche beside a total, a part of a whole).
#include <algorithm>
#include <map>
#include <optional>

#include "extractors/claims/claim_dates.h"
#include "extractors/claims/claim_roles.h"

namespace newsfacts {
namespace {

// The slot of amount `amount` in `sentence`, or nullptr.
const AbstractSlot* AmountSlot(const AbstractSentence& sentence, size_t amount) {
  for (const AbstractSlot& slot : sentence.slots()) {
    if (slot.kind == AbstractSlot::Kind::kAmount && slot.index == amount) return &slot;
  }
  return nullptr;
}

// The date expressions of one sentence, each tied to the amount (index into
// Document::amounts()) nearest before it in its clause when a claim of the sentence holds
// that amount: "after adding $1.5 billion on Tuesday" dates the $1.5 billion, not the total.
struct SentenceDates {
  std::vector<FoundDate> dates;
  std::vector<std::optional<size_t>> anchor;  // per date
};

SentenceDates DatesOf(const Document& doc, const AbstractSentence& sentence, const ClaimCues& cues,
                      const DateRules& rules, const std::vector<size_t>& claimed_amounts) {
  SentenceDates out;
  out.dates = rules.Find(sentence.text(), doc.meta().published);
  if (out.dates.empty()) return out;
  const std::vector<AbstractRange> clauses = cues.Clauses(sentence.text());
  for (const FoundDate& date : out.dates) {
    size_t clause_begin = 0;
    for (const AbstractRange& clause : clauses) {
      if (clause.begin <= date.begin && date.begin < clause.end) clause_begin = clause.begin;
    }
    std::optional<size_t> anchor;
    for (const AbstractSlot& slot : sentence.slots()) {
      if (slot.kind != AbstractSlot::Kind::kAmount || slot.abstract_end > date.begin) continue;
      if (slot.abstract_begin < clause_begin) continue;
      if (std::count(claimed_amounts.begin(), claimed_amounts.end(), slot.index)) {
        anchor = slot.index;
      }
    }
    out.anchor.push_back(anchor);
  }
  return out;
}

// Sets the event date of `claim`: the date tied to its amount, else the sentence's untied
// date nearest its evidence.
void SetDate(const AbstractSentence& sentence, const SentenceDates& dates, const Document& doc,
             Claim* claim) {
  const FoundDate* chosen = nullptr;
  for (size_t i = 0; i < dates.dates.size(); ++i) {
    if (claim->amount && dates.anchor[i] == claim->amount) chosen = &dates.dates[i];
  }
  if (chosen == nullptr) {
    const auto [begin, end] = sentence.ToAbstract(claim->span);
    size_t best = std::string::npos;
    for (size_t i = 0; i < dates.dates.size(); ++i) {
      if (dates.anchor[i].has_value()) continue;
      const FoundDate& date = dates.dates[i];
      const size_t distance =
          date.begin >= end ? date.begin - end : (date.end <= begin ? begin - date.end : 0);
      if (distance < best) {
        best = distance;
        chosen = &date;
      }
    }
  }
  if (chosen == nullptr) return;
  claim->event_date = chosen->date;
  claim->event_date_text = std::string(doc.Text(sentence.ToDocument(chosen->begin, chosen->end)));
  claim->event_date_rule = chosen->rule;
}

// True when an organisation or person other than the parties of `host` stands between the
// host's amount `own` and amount `other`: in "X has raised $50 million, and Y contributed $10
// million of it" the $10 million is Y's, not a part of X's round.
bool AnotherPartyBetween(const AbstractSentence& sentence, const Claim& host,
                         const AbstractSlot& own, const AbstractSlot& other) {
  const size_t begin = std::min(own.abstract_end, other.abstract_end);
  const size_t end = std::max(own.abstract_begin, other.abstract_begin);
  for (const AbstractSlot& slot : sentence.slots()) {
    if (slot.kind != AbstractSlot::Kind::kMention || slot.abstract_begin < begin ||
        slot.abstract_end > end || (slot.type != "ORG" && slot.type != "PERSON")) {
      continue;
    }
    auto overlaps = [&slot](Span span) {
      return slot.doc_span.begin < span.end && span.begin < slot.doc_span.end;
    };
    if (!overlaps(host.subject_span) && !(HasObject(host) && overlaps(host.object_span))) {
      return true;
    }
  }
  return false;
}

// The claims a sentence's unclaimed amounts add: each amount whose role splits becomes a copy
// of the nearest deal claim before it that carries an amount (else the first after it), its
// evidence stretched to the amount, unless another party stands between the two amounts.
std::vector<Claim> SplitClaims(const Document& doc, const AbstractSentence& sentence,
                               const ClaimRoles& roles, const std::vector<Claim>& claims,
                               size_t first, size_t last) {
  std::vector<Claim> added;
  for (const AbstractSlot& slot : sentence.slots()) {
    if (slot.kind != AbstractSlot::Kind::kAmount) continue;
    const Amount& amount = doc.amounts()[slot.index];
    if (amount.restates.has_value() || amount.qualifier == "undisclosed") continue;
    const Claim* host = nullptr;  // the nearest before, else the first after
    const AbstractSlot* host_amount = nullptr;
    bool used = false;
    for (size_t c = first; c < last; ++c) {
      if (claims[c].amount == slot.index) used = true;
      if (!claims[c].amount || !roles.TakesStage(claims[c].predicate)) continue;
      const AbstractSlot* own = AmountSlot(sentence, *claims[c].amount);
      if (own == nullptr) continue;
      if (own->abstract_end <= slot.abstract_begin || host == nullptr) {
        host = &claims[c];
        host_amount = own;
      }
    }
    if (used || host == nullptr || AnotherPartyBetween(sentence, *host, *host_amount, slot)) {
      continue;
    }
    const std::string role = roles.AmountRole(host->predicate, sentence, slot);
    if (!roles.SplitsClaim(role)) continue;
    Claim claim = *host;
    claim.amount = slot.index;
    claim.amount_role = role;
    // Its own evidence: from the host's start to this amount, past both parties ("agreed to
    // buy Juniper for $40 a share" beside the host's "..., or about $14 billion").
    claim.span = {std::min(claim.span.begin, slot.doc_span.begin),
                  std::max({slot.doc_span.end, claim.subject_span.end, claim.object_span.end})};
    added.push_back(std::move(claim));
  }
  return added;
}

}  // namespace

void AnnotateClaims(const Document& doc, const std::vector<AbstractSentence>& abstracts,
                    const ClaimCues& cues, const ClaimRoles& roles, const DateRules& dates,
                    std::vector<Claim>* claims) {
  std::vector<Claim> out;
  size_t first = 0;
  while (first < claims->size()) {
    const size_t s = (*claims)[first].sentence;
    size_t last = first;
    while (last < claims->size() && (*claims)[last].sentence == s) ++last;
    const AbstractSentence& sentence = abstracts[s];
    for (size_t c = first; c < last; ++c) {
      Claim& claim = (*claims)[c];
      if (claim.amount) {
        const size_t home = doc.amounts()[*claim.amount].sentence;
        const AbstractSlot* slot =
            home < abstracts.size() ? AmountSlot(abstracts[home], *claim.amount) : nullptr;
        claim.amount_role = slot ? roles.AmountRole(claim.predicate, abstracts[home], *slot)
                                 : std::string("unspecified");
      }
      if (roles.TakesStage(claim.predicate)) {
        const auto [begin, end] = sentence.ToAbstract(claim.span);
        claim.stage = roles.StageOf(cues, sentence.text(), {begin, end});
      }
    }
    std::vector<Claim> added = SplitClaims(doc, sentence, roles, *claims, first, last);
    std::vector<size_t> claimed;
    for (size_t c = first; c < last; ++c) {
      if ((*claims)[c].amount) claimed.push_back(*(*claims)[c].amount);
    }
    for (const Claim& claim : added) claimed.push_back(*claim.amount);
    const SentenceDates found = DatesOf(doc, sentence, cues, dates, claimed);
    for (size_t c = first; c < last; ++c) out.push_back(std::move((*claims)[c]));
    for (Claim& claim : added) out.push_back(std::move(claim));
    for (size_t c = out.size() - (last - first) - added.size(); c < out.size(); ++c) {
      SetDate(sentence, found, doc, &out[c]);
    }
    first = last;
  }
  *claims = std::move(out);
}

}  // namespace newsfacts
