// The golden diff (added, lost, changed facts) and strict/lenient precision and recall.
#include "cli/fact_diff.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace newsfacts {
namespace {

// A field's JSON text as a person reads it: strings without quotes or escapes.
std::string Plain(std::string_view json_text) {
  const nlohmann::json value = nlohmann::json::parse(json_text, nullptr, false);
  if (value.is_string()) return value.get<std::string>();
  return std::string(json_text);
}

std::string SpanText(const Span& span) {
  std::string out = "[";
  out += std::to_string(span.begin);
  out += ",";
  out += std::to_string(span.end);
  out += ")";
  return out;
}

bool SameKey(const Fact& a, const Fact& b) {
  for (const std::string& name : FactKeyFieldNames(a.kind)) {
    if (a.Field(name) != b.Field(name)) return false;
  }
  return true;
}

size_t EqualFieldCount(const Fact& a, const Fact& b) {
  size_t equal = 0;
  for (const auto& [name, value] : a.fields) equal += b.Field(name) == value ? 1 : 0;
  return equal;
}

// Whether a leftover golden and found fact describe the same place and may pair as "changed".
bool SamePlace(const Fact& golden, const Fact& found) {
  if (golden.kind != found.kind || golden.span != found.span) return false;
  return golden.kind != FactKind::kClaim || golden.Field("predicate") == found.Field("predicate");
}

// The short head of a fact used in "changed" lines: what it is and where.
std::string Head(const Fact& fact) {
  if (fact.kind == FactKind::kClaim) {
    std::string head =
        "claim " + Plain(fact.Field("predicate")) + " " + Plain(fact.Field("subject"));
    if (fact.Field("object") != "null") head += " -> " + Plain(fact.Field("object"));
    return head + " " + SpanText(fact.span);
  }
  return std::string(FactKindName(fact.kind)) + " \"" + Plain(fact.Field("text")) + "\" " +
         SpanText(fact.span);
}

std::string DescribeAmountValue(const Fact& fact) {
  std::string out;
  if (fact.Field("value") != "null") {
    out = Plain(fact.Field("value"));
  } else {
    const std::string_view low = fact.Field("low");
    const std::string_view high = fact.Field("high");
    out = "[";
    out += low == "null" ? std::string("-inf") : Plain(low);
    out += ", ";
    out += high == "null" ? std::string("inf") : Plain(high);
    out += ")";
  }
  const std::string_view currency = fact.Field("currency");
  out += " " + (currency == "null" ? std::string("(currency unknown)") : Plain(currency));
  return out;
}

}  // namespace

FactDiff DiffFacts(const std::vector<Fact>& golden, const std::vector<Fact>& found) {
  std::vector<Fact> gold_sorted = golden;
  std::vector<Fact> found_sorted = found;
  std::sort(gold_sorted.begin(), gold_sorted.end(), FactLess);
  std::sort(found_sorted.begin(), found_sorted.end(), FactLess);

  // Identical facts pair off in one merge over the two sorted lists.
  std::vector<Fact> gold_left;
  std::vector<Fact> found_left;
  size_t g = 0;
  size_t f = 0;
  while (g < gold_sorted.size() || f < found_sorted.size()) {
    if (f == found_sorted.size() ||
        (g < gold_sorted.size() && FactLess(gold_sorted[g], found_sorted[f]))) {
      gold_left.push_back(std::move(gold_sorted[g++]));
    } else if (g == gold_sorted.size() || FactLess(found_sorted[f], gold_sorted[g])) {
      found_left.push_back(std::move(found_sorted[f++]));
    } else {
      ++g;
      ++f;
    }
  }

  FactDiff diff;
  std::vector<bool> found_used(found_left.size(), false);
  for (Fact& gold_fact : gold_left) {
    std::optional<size_t> best;
    size_t best_equal = 0;
    for (size_t i = 0; i < found_left.size(); ++i) {
      if (found_used[i] || !SamePlace(gold_fact, found_left[i])) continue;
      const size_t equal = EqualFieldCount(gold_fact, found_left[i]);
      if (!best || equal > best_equal) {
        best = i;
        best_equal = equal;
      }
    }
    if (best) {
      found_used[*best] = true;
      diff.changed.push_back({std::move(gold_fact), found_left[*best]});
    } else {
      diff.lost.push_back(std::move(gold_fact));
    }
  }
  for (size_t i = 0; i < found_left.size(); ++i) {
    if (!found_used[i]) diff.added.push_back(std::move(found_left[i]));
  }
  return diff;
}

std::optional<double> MatchCounts::Precision() const {
  if (found == 0) return std::nullopt;
  return static_cast<double>(matched) / static_cast<double>(found);
}

std::optional<double> MatchCounts::Recall() const {
  if (gold == 0) return std::nullopt;
  return static_cast<double>(matched) / static_cast<double>(gold);
}

std::optional<double> MatchCounts::F1() const {
  const std::optional<double> precision = Precision();
  const std::optional<double> recall = Recall();
  if (!precision || !recall) return std::nullopt;
  if (*precision + *recall == 0) return 0.0;
  return 2 * *precision * *recall / (*precision + *recall);
}

MatchCounts& MatchCounts::operator+=(const MatchCounts& other) {
  gold += other.gold;
  found += other.found;
  matched += other.matched;
  return *this;
}

MatchCounts CountMatches(const std::vector<Fact>& golden, const std::vector<Fact>& found,
                         SpanMatch mode) {
  MatchCounts counts{golden.size(), found.size(), 0};
  std::vector<bool> gold_used(golden.size(), false);
  std::vector<bool> found_used(found.size(), false);
  const auto pair_off = [&](bool exact_span) {
    for (size_t f = 0; f < found.size(); ++f) {
      if (found_used[f]) continue;
      for (size_t g = 0; g < golden.size(); ++g) {
        if (gold_used[g] || !SameKey(golden[g], found[f])) continue;
        const bool spans_agree =
            exact_span ? golden[g].span == found[f].span : golden[g].span.Overlaps(found[f].span);
        if (!spans_agree) continue;
        gold_used[g] = true;
        found_used[f] = true;
        ++counts.matched;
        break;
      }
    }
  };
  pair_off(/*exact_span=*/true);
  if (mode == SpanMatch::kLenient) pair_off(/*exact_span=*/false);
  return counts;
}

std::string DescribeFact(const Fact& fact) {
  std::string out;
  switch (fact.kind) {
    case FactKind::kMention: {
      const std::string text = Plain(fact.Field("text"));
      const std::string entity = Plain(fact.Field("entity"));
      out = "mention " + Plain(fact.Field("type")) + " \"" + text + "\"";
      if (entity != text) out += " (" + entity + ")";
      break;
    }
    case FactKind::kAmount: {
      out = "amount \"" + Plain(fact.Field("text")) + "\" = " + DescribeAmountValue(fact);
      const std::string qualifier = Plain(fact.Field("qualifier"));
      if (qualifier != "exact") out += ", " + qualifier;
      if (fact.Field("vague") == "true") out += ", vague";
      if (fact.Field("restates") != "null") {
        out += ", restates \"" + Plain(fact.Field("restates")) + "\"";
      }
      break;
    }
    case FactKind::kClaim: {
      out = "claim " + Plain(fact.Field("predicate")) + " " + Plain(fact.Field("subject"));
      if (fact.Field("object") != "null") out += " -> " + Plain(fact.Field("object"));
      if (fact.Field("amount") != "null") out += ", amount \"" + Plain(fact.Field("amount")) + "\"";
      if (fact.Field("role") != "null") out += ", role " + Plain(fact.Field("role"));
      out += ", " + Plain(fact.Field("status"));
      if (fact.Field("speaker") != "null") out += ", speaker " + Plain(fact.Field("speaker"));
      if (fact.Field("venue") != "null") out += ", venue " + Plain(fact.Field("venue"));
      break;
    }
  }
  return out + " " + SpanText(fact.span);
}

std::string DescribeChange(const ChangedFact& change) {
  std::string out = Head(change.golden) + ":";
  bool first = true;
  for (const auto& [name, old_value] : change.golden.fields) {
    const std::string_view new_value = change.found.Field(name);
    if (new_value == old_value) continue;
    out += (first ? " " : "; ") + name + " " + old_value + " -> " + std::string(new_value);
    first = false;
  }
  return out;
}

}  // namespace newsfacts
