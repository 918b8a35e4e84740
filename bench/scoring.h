// Scoring shared by the evaluation programs. Lenient string matching: answers and gold strings
// are compared after normalization (case folded, punctuation dropped, trailing designators
// such as Inc/Corp/Co/Ltd removed), and one may contain the other at word boundaries ("Cisco"
// vs "Cisco Systems"); strict matching is plain equality. Micro precision, recall and F1 rows.
#pragma once

#include <cctype>
#include <cstddef>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

namespace newsfacts::bench {

inline std::string Normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (c == '.' && !out.empty() && std::isdigit(static_cast<unsigned char>(out.back()))) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  static const std::set<std::string> kDesignators = {
      "inc", "corp", "corporation", "co", "ltd",     "plc",     "llc",
      "lp",  "sa",   "ag",          "nv", "company", "limited", "incorporated"};
  while (true) {
    const size_t space = out.rfind(' ');
    if (space == std::string::npos || !kDesignators.count(out.substr(space + 1))) break;
    out.erase(space);
  }
  return out;
}

inline bool ContainsWords(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return false;
  const std::string padded = " " + haystack + " ";
  return padded.find(" " + needle + " ") != std::string::npos;
}

inline bool Matches(const std::string& response, const std::string& gold, bool lenient) {
  if (!lenient) return response == gold;
  const std::string a = Normalize(response);
  const std::string b = Normalize(gold);
  return a == b || ContainsWords(a, b) || ContainsWords(b, a);
}

// Gold items, items found and found items that are correct, for one row of a score table.
struct Counts {
  size_t gold = 0;
  size_t found = 0;
  size_t correct = 0;

  // Adds the counts of `other` (a total row over several rows).
  Counts& operator+=(const Counts& other) {
    gold += other.gold;
    found += other.found;
    correct += other.correct;
    return *this;
  }
};

// Prints "  NAME  gold G  found F  correct C   P p  R r  F1 f".
inline void PrintRow(const char* name, const Counts& c) {
  const double p = c.found ? static_cast<double>(c.correct) / c.found : 0;
  const double r = c.gold ? static_cast<double>(c.correct) / c.gold : 0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("  %-12s gold %4zu  found %4zu  correct %4zu   P %.3f  R %.3f  F1 %.3f\n", name,
              c.gold, c.found, c.correct, p, r, f);
}

}  // namespace newsfacts::bench
