// Articles for the scaling tests: any length, made of more of the same work (new names,
// amounts and deals in every paragraph), written by the test, never copied from a corpus.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace newsfacts::testing {

// A made-up capitalized name for `n`: syllables for its base-16 digits ("Tolmekvar").
inline std::string Name(size_t n) {
  static constexpr const char* kSyllables[] = {"var", "tol", "mek", "sun", "dra", "bel",
                                               "kor", "nim", "ast", "ulv", "pen", "rho",
                                               "gav", "lis", "mor", "tek"};
  std::string name;
  do {
    name += kSyllables[n % 16];
    n /= 16;
  } while (n > 0);
  if (name.size() < 6) name += "sen";
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

// An article of about `bytes` bytes: paragraphs of sentences naming people, companies,
// their surnames and acronyms. Every paragraph has new names of the same length, so that a
// longer article is more of the same work.
inline std::string Article(size_t bytes) {
  constexpr size_t kFirstName = 1 << 16;  // five syllables each, up to 16^5
  std::string text = "Regional Firms Report Results\n\n";
  for (size_t i = 0; text.size() < bytes; ++i) {
    const auto name = [&](size_t role) { return Name(kFirstName + 8 * i + role); };
    const std::string last = name(1), org1 = name(2), org2 = name(3);
    const std::string acronym = {org1[0], org2[0], 'S'};
    text += name(0) + " " + last + ", chief executive of " + org1 + " " + org2 +
            " Systems, said the company would expand. " + last + " told analysts that " + acronym +
            " expected higher sales. Shares of " + name(4) + " Holdings Inc rose after " + name(5) +
            " " + name(6) + " joined the board. " + org1 + " later said it agreed to buy " +
            name(7) + " Networks Ltd for $40 million.\n\n";
  }
  return text;
}

// The median of `values` (an odd count).
inline double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace newsfacts::testing
