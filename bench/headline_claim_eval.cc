// headline_claim_eval: a silver score of deal claims on news headlines. The shape of a
// headline gives its claim ("X buys Y", "X to acquire Y", "X raises $N", "X invests $N in Y";
// buying a stake in Y is a claim on Y); each record (headline + lede) runs through the full
// pipeline, and the claims found in the headline sentence are compared with that shape, for
// Title Case and sentence-case headlines separately, and for all of them once more with the
// headline in ALL CAPS as wire services print it and once in lowercase (the lede as written).
// Usage: headline_claim_eval RECORDS.jsonl [--errors N]   (e.g. ../shared/data/agnews/
// business-scitech.jsonl: records with "title" and "description")
#include <cctype>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "bench/scoring.h"
#include "extractors/kernel/regex.h"
#include "extractors/standard_pipeline.h"
#include "pipeline/document.h"
#include "pipeline/pipeline.h"

using namespace newsfacts;
using newsfacts::bench::Matches;

namespace {

// One headline shape: the predicate it states and the pattern that reads its sides.
struct Shape {
  const char* predicate;
  const char* pattern;  // groups "x" (subject) and, when the predicate has one, "y" (object)
};

// Case-insensitive; a trailing "for $N", "in ... deal", "from Z" or ", ..." is not the object.
constexpr Shape kShapes[] = {
    {"acquired", R"(^(?P<x>.+?)\s+(?:buys|acquires|to\s+buy|to\s+acquire)\s+(?P<y>.+?))"
                 R"((?:\s+(?:for|in|from|with)\s.*|\s*[,;:].*)?$)"},
    {"raised", R"(^(?P<x>.+?)\s+raises\s+(?:US)?\$\s?[0-9])"},
    {"invested_in",
     R"(^(?P<x>.+?)\s+invests\s+(?:US)?\$\s?[0-9][^ ]*(?:\s+(?:million|billion|mln|bln|mn|bn))?)"
     R"(\s+in\s+(?P<y>.+?)(?:\s+(?:for|to)\s.*|\s*[,;:].*)?$)"},
};

// The text as the wire printed it: "#36;" and "\$" are "$", " amp;" is "&", " #39;" is "'".
std::string Unescape(std::string text) {
  const std::pair<const char*, const char*> kFixes[] = {
      {"#36;", "$"}, {"\\$", "$"}, {" amp;", "&"}, {"amp;", "&"}, {" #39;", "'"}, {"#39;", "'"}};
  for (const auto& [from, to] : kFixes) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, std::string(from).size(), to);
      at += std::string(to).size();
    }
  }
  return text;
}

// The headline without wire furniture: "UPDATE 2-" or "Update 3: " before, "(Reuters)" or
// "- sources" after.
std::string CleanHeadline(const std::string& title) {
  static const std::unique_ptr<Regex> kFurniture =
      Regex::Compile(R"(^(?:update\s*\d*\s*[-:]\s*)?(.*?)\s*(?:\([^)]*\)|-\s*\w+)?\s*$)",
                     {.case_sensitive = false})
          .value();
  std::vector<std::string_view> groups;
  if (!kFurniture->Find(title, 0, title.size(), &groups)) return title;
  return std::string(groups[1]);
}

// The company a bought stake is in, which is the claim's object: "buys 5 percent stake in
// Medarex" and "Buys 4.3 Pct. Sears Stake" name Medarex and Sears. `object` is the shape's
// object, `headline` the whole line; an object that is no stake is returned as it is.
std::string StakeHolder(const Regex& stake_in, const Regex& named_stake, const std::string& object,
                        const std::string& headline) {
  std::vector<std::string_view> groups;
  if (stake_in.Find(headline, 0, headline.size(), &groups)) return std::string(groups[1]);
  if (named_stake.Find(object, 0, object.size(), &groups)) return std::string(groups[1]);
  return object;
}

// Title Case: most words of four letters or more after the first start with a capital.
bool IsTitleCase(const std::string& headline) {
  size_t words = 0, capitalized = 0;
  size_t pos = headline.find(' ');
  while (pos != std::string::npos && pos + 1 < headline.size()) {
    const size_t end = std::min(headline.find(' ', pos + 1), headline.size());
    const std::string word = headline.substr(pos + 1, end - pos - 1);
    if (word.size() >= 4 && std::isalpha(static_cast<unsigned char>(word[0]))) {
      ++words;
      capitalized += std::isupper(static_cast<unsigned char>(word[0])) ? 1 : 0;
    }
    pos = end < headline.size() ? end : std::string::npos;
  }
  return words > 0 && capitalized * 10 >= words * 8;
}

struct Tally {
  size_t headlines = 0;  // headlines with a shape
  size_t found = 0;      // ... where the headline sentence yields a claim of that predicate
  size_t right = 0;      // ... whose subject and object match the shape's sides
};

// Runs `headline_text` (with `lede`) through `pipeline` and counts in `tally` whether its
// headline sentence yields a claim of `predicate` and whether one names sides x and y (y
// empty: any object). Returns (found, right).
std::pair<bool, bool> Score(const Pipeline& pipeline, const std::string& headline_text,
                            const std::string& lede, const char* predicate, const std::string& x,
                            const std::string& y, Tally& tally) {
  ++tally.headlines;
  Document doc = Document::FromRaw(ArticleMeta{.path = "headline"}, headline_text + "\n\n" + lede);
  if (!pipeline.Run(doc).ok()) return {false, false};
  bool found = false, right = false;
  for (const Claim& claim : doc.claims()) {
    if (claim.sentence != 0 || claim.predicate != predicate) continue;
    found = true;
    right = right || (Matches(std::string(doc.Text(claim.subject_span)), x, true) &&
                      (y.empty() || Matches(std::string(doc.Text(claim.object_span)), y, true)));
  }
  tally.found += found;
  tally.right += right;
  return {found, right};
}

// `text` with its ASCII letters all in upper case, or all in lower case.
std::string InOneCase(std::string text, bool upper) {
  for (char& c : text) {
    const int letter = static_cast<unsigned char>(c);
    c = static_cast<char>(upper ? std::toupper(letter) : std::tolower(letter));
  }
  return text;
}

void PrintTally(const char* name, const Tally& t) {
  auto ratio = [](size_t a, size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  std::printf("  %-14s headlines %4zu  found %4zu  right sides %4zu   recall %.3f  sides %.3f\n",
              name, t.headlines, t.found, t.right, ratio(t.found, t.headlines),
              ratio(t.right, t.found));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--errors")) {
    std::fprintf(stderr, "usage: headline_claim_eval RECORDS.jsonl [--errors N]\n");
    return 2;
  }
  size_t show_errors = argc == 4 ? std::stoul(argv[3]) : 0;
  std::ifstream in(argv[1]);
  StatusOr<StandardPipeline> loaded = LoadStandardPipeline({});
  if (!in || !loaded.ok()) {
    std::fprintf(stderr, "%s: cannot read, or the rules do not load\n", argv[1]);
    return 2;
  }
  std::vector<std::unique_ptr<Regex>> shapes;
  for (const Shape& shape : kShapes) {
    shapes.push_back(Regex::Compile(shape.pattern, {.case_sensitive = false}).value());
  }
  const std::unique_ptr<Regex> stake_in =
      Regex::Compile(
          R"(\bstakes?\s+(?:in|of)\s+(.+?)(?:\s+(?:for|from|with|to)\s.*|\s*[,;:(].*)?$)",
          {.case_sensitive = false})
          .value();
  const std::unique_ptr<Regex> named_stake =
      Regex::Compile(R"(^(?:[\d.]+\s*(?:%|pct\.?|percent)\s+)?(.+?)\s+stake$)",
                     {.case_sensitive = false})
          .value();
  Tally title_case, sentence_case, all_caps, lowercase;
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("title")) continue;
    const std::string title = Unescape(record["title"].get<std::string>());
    const std::string headline = CleanHeadline(title);
    for (size_t k = 0; k < shapes.size(); ++k) {
      std::vector<std::string_view> groups;
      if (!shapes[k]->Find(headline, 0, headline.size(), &groups)) continue;
      const std::string x(groups[1]);
      std::string y = groups.size() > 2 ? std::string(groups[2]) : "";
      if (bench::Normalize(y).rfind("back ", 0) == 0) break;  // "to buy back shares"
      y = StakeHolder(*stake_in, *named_stake, y, headline);
      const std::string lede = Unescape(record.value("description", std::string()));
      const auto [found, right] = Score(loaded->pipeline, title, lede, kShapes[k].predicate, x, y,
                                        IsTitleCase(headline) ? title_case : sentence_case);
      if ((!found || !right) && show_errors > 0) {
        --show_errors;
        std::printf("%s %s(%s -> %s): %s\n", found ? "wrong sides" : "missed", kShapes[k].predicate,
                    x.c_str(), y.c_str(), title.c_str());
      }
      for (const auto& [upper, tally] :
           {std::pair{true, &all_caps}, std::pair{false, &lowercase}}) {
        const std::string cased = InOneCase(title, upper);
        const auto [cased_found, cased_right] =
            Score(loaded->pipeline, cased, lede, kShapes[k].predicate, x, y, *tally);
        if ((!cased_found || !cased_right) && show_errors > 0) {
          --show_errors;
          std::printf("%s %s(%s -> %s): %s\n", cased_found ? "wrong sides" : "missed",
                      kShapes[k].predicate, x.c_str(), y.c_str(), cased.c_str());
        }
      }
      break;
    }
  }
  std::printf("headline claims (silver, from the headline's shape)\n");
  PrintTally("Title Case", title_case);
  PrintTally("sentence case", sentence_case);
  PrintTally("ALL CAPS", all_caps);
  PrintTally("lowercase", lowercase);
  return 0;
}
