// amount_eval: measures the amounts stage on real news. `--fire FILE` scores money spans
// against FIRE gold (strict = same span, lenient = overlap) and lists misses; `--bbc DIR`
// counts amounts in every DIR/*.txt and prints a deterministic sample for hand-checking.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/amounts/amount_stage.h"
#include "pipeline/segmenter.h"

using namespace newsfacts;

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Describe(const Document& doc, const Amount& a) {
  auto show = [](const std::optional<std::string>& v) { return v ? *v : std::string("-"); };
  return "\"" + std::string(doc.Text(a.span)) + "\" value=" + show(a.value) +
         " low=" + show(a.low) + " high=" + show(a.high) + " " + show(a.currency) + " (" +
         a.currency_evidence + ") " + a.qualifier +
         (a.restates ? " restates#" + std::to_string(*a.restates) : "") + " [" + a.rule + "]";
}

int EvaluateFire(const std::string& path, const Stage& segmenter, const AmountStage& amounts) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", path.c_str());
    return 2;
  }
  size_t gold_total = 0, predicted_total = 0;
  size_t gold_strict = 0, gold_lenient = 0, predicted_strict = 0, predicted_lenient = 0;
  std::vector<std::string> misses, false_positives, partial;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    // Sentence = tokens joined by single spaces; token i starts at starts[i].
    const std::string text = record.at("text").get<std::string>();
    std::vector<size_t> starts{0};
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == ' ') starts.push_back(i + 1);
    }
    auto token_end = [&](size_t token) {
      return token + 1 < starts.size() ? starts[token + 1] - 1 : text.size();
    };
    std::vector<Span> gold;
    for (const auto& entity : record.at("entities")) {
      if (entity.at("type") != "Money") continue;
      const size_t begin_token = entity.at("start").get<size_t>();
      const size_t end_token = entity.at("end").get<size_t>();
      gold.push_back({starts[begin_token], token_end(end_token - 1)});
    }
    Document doc = Document::FromRaw(ArticleMeta{}, text);
    if (!segmenter.Process(doc).ok() || !amounts.Process(doc).ok()) return 1;
    gold_total += gold.size();
    predicted_total += doc.amounts().size();
    for (const Span& g : gold) {
      bool strict = false, lenient = false;
      std::string overlapping;
      for (const Amount& a : doc.amounts()) {
        strict |= a.span == g;
        if (a.span.Overlaps(g)) {
          lenient = true;
          overlapping += " | got " + Describe(doc, a);
        }
      }
      gold_strict += strict;
      gold_lenient += lenient;
      const std::string gold_text(g.Slice(text));
      if (!lenient) {
        misses.push_back("MISS \"" + gold_text + "\" in: " + text);
      } else if (!strict) {
        partial.push_back("PARTIAL gold \"" + gold_text + "\"" + overlapping);
      }
    }
    for (const Amount& a : doc.amounts()) {
      bool strict = false, lenient = false;
      for (const Span& g : gold) {
        strict |= a.span == g;
        lenient |= a.span.Overlaps(g);
      }
      predicted_strict += strict;
      predicted_lenient += lenient;
      if (!lenient)
        false_positives.push_back("FALSE POSITIVE " + Describe(doc, a) + " in: " + text);
    }
  }
  auto ratio = [](size_t a, size_t b) {
    return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b);
  };
  std::printf("FIRE %s: %zu gold Money spans, %zu predicted amounts\n", path.c_str(), gold_total,
              predicted_total);
  std::printf("strict : precision %.1f%% (%zu/%zu)  recall %.1f%% (%zu/%zu)\n",
              ratio(predicted_strict, predicted_total), predicted_strict, predicted_total,
              ratio(gold_strict, gold_total), gold_strict, gold_total);
  std::printf("lenient: precision %.1f%% (%zu/%zu)  recall %.1f%% (%zu/%zu)\n",
              ratio(predicted_lenient, predicted_total), predicted_lenient, predicted_total,
              ratio(gold_lenient, gold_total), gold_lenient, gold_total);
  for (const auto& list : {misses, partial, false_positives}) {
    for (const std::string& item : list) std::printf("%s\n", item.c_str());
  }
  return 0;
}

int EvaluateBbc(const std::string& dir, size_t sample, const Stage& segmenter,
                const AmountStage& amounts) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  struct Found {
    std::string file, line;
  };
  std::vector<Found> found;
  std::vector<std::string> distinct_texts;
  std::vector<std::string> uncovered;
  size_t total = 0, restating = 0, vague = 0, no_currency = 0, distinct_total = 0;
  for (const auto& path : paths) {
    const std::string raw = ReadFile(path);
    Document doc = Document::FromRaw(ArticleMeta{path.string()}, raw);
    if (!segmenter.Process(doc).ok() || !amounts.Process(doc).ok()) return 1;
    const bool duplicate =
        std::find(distinct_texts.begin(), distinct_texts.end(), doc.text()) != distinct_texts.end();
    if (!duplicate) {
      distinct_texts.push_back(doc.text());
      distinct_total += doc.amounts().size();
    }
    // Recall proxy: a currency sign directly before a digit that no amount covers.
    for (const std::string_view sign : {"$", "£", "€", "¥"}) {
      for (size_t at = doc.text().find(sign); at != std::string::npos;
           at = doc.text().find(sign, at + 1)) {
        size_t next = at + sign.size();
        if (next < doc.text().size() && doc.text()[next] == ' ') ++next;
        if (next >= doc.text().size() ||
            !std::isdigit(static_cast<unsigned char>(doc.text()[next]))) {
          continue;
        }
        const Span sign_span{at, at + sign.size()};
        const bool covered =
            std::any_of(doc.amounts().begin(), doc.amounts().end(),
                        [&](const Amount& a) { return a.span.Contains(sign_span); });
        if (!covered && !duplicate) {
          const size_t from = at > 40 ? at - 40 : 0;
          uncovered.push_back(path.filename().string() + ": ..." +
                              doc.text().substr(from, at - from + 30) + "...");
        }
      }
    }
    for (const Amount& a : doc.amounts()) {
      ++total;
      restating += a.restates.has_value();
      vague += a.vague;
      no_currency += !a.currency.has_value();
      found.push_back(
          {path.filename().string(), Describe(doc, a) + "\n    sentence: " +
                                         std::string(doc.Text(doc.sentences()[a.sentence].span))});
    }
  }
  std::printf(
      "bbc %s: %zu files, %zu amounts (%zu in %zu distinct texts); %zu restate another, "
      "%zu vague, %zu without currency\n",
      dir.c_str(), paths.size(), total, distinct_total, distinct_texts.size(), restating, vague,
      no_currency);
  std::printf("%zu currency signs before a digit not covered by an amount (distinct texts):\n",
              uncovered.size());
  for (const std::string& item : uncovered) std::printf("UNCOVERED %s\n", item.c_str());
  if (sample == 0 || found.empty()) return 0;
  const size_t step = std::max<size_t>(1, found.size() / sample);
  for (size_t i = 0, shown = 0; i < found.size() && shown < sample; i += step, ++shown) {
    std::printf("%2zu %s %s\n", shown + 1, found[i].file.c_str(), found[i].line.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string fire, bbc;
  size_t sample = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--fire") == 0) {
      fire = argv[i + 1];
    } else if (std::strcmp(argv[i], "--bbc") == 0) {
      bbc = argv[i + 1];
    } else if (std::strcmp(argv[i], "--sample") == 0) {
      sample = static_cast<size_t>(std::atoi(argv[i + 1]));
    }
  }
  if (fire.empty() && bbc.empty()) {
    std::fprintf(stderr, "usage: amount_eval [--fire dev.simple.jsonl] [--bbc DIR] [--sample N]\n");
    return 2;
  }
  auto rules = RuleSources::Builtin();
  if (!rules.ok()) return 2;
  auto amounts = AmountStage::Create(*rules);
  auto segmenter = SegmenterStage::Create();
  if (!amounts.ok() || !segmenter.ok()) {
    std::fprintf(stderr, "%s%s\n", amounts.status().ToString().c_str(),
                 segmenter.status().ToString().c_str());
    return 2;
  }
  int code = 0;
  if (!fire.empty()) code = std::max(code, EvaluateFire(fire, **segmenter, **amounts));
  if (!bbc.empty()) code = std::max(code, EvaluateBbc(bbc, sample, **segmenter, **amounts));
  return code;
}
