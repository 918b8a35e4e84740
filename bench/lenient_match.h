// Lenient string matching shared by the evaluation programs: answers and gold strings are
// compared after normalization (case folded, punctuation dropped, trailing designators such as
// Inc/Corp/Co/Ltd removed), and one may contain the other at word boundaries ("Cisco" vs
// "Cisco Systems"). Strict matching is plain equality.
#pragma once

#include <cctype>
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
  static const std::set<std::string> kDesignators = {"inc", "corp", "corporation", "co", "ltd",
                                                     "plc", "llc", "lp", "sa", "ag", "nv",
                                                     "company", "limited", "incorporated"};
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

}  // namespace newsfacts::bench
