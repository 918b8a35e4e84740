// break_diff PATH...: compares the segmenter's fast boundary path with ICU on every article
// under PATH (folders or files in any format the readers take, .jsonl included) and on each
// file's raw bytes, whole or, where the fast path does not cover them, line by line; prints
// the counts and the first differences, and exits 1 when any text differs (issue 16: the fast
// path must give ICU's boundaries exactly).
#include <cstdio>
#include <string>
#include <vector>

#include "corpus/article_reader.h"
#include "pipeline/fast_breaks.h"
#include "pipeline/icu_breaks.h"

using namespace newsfacts;

namespace {

// Texts compared and those where the two sources disagree.
struct Counts {
  size_t texts = 0;  // articles and raw files
  size_t covered_texts = 0;
  size_t covered_lines = 0;  // lines of the other texts, compared alone
  size_t differing = 0;
};

// Prints where `fast` and `icu` first part.
void PrintDifference(std::string_view name, std::string_view text, const Breaks& fast,
                     const Breaks& icu) {
  size_t w = 0;
  while (w < fast.words.size() && w < icu.words.size() && fast.words[w] == icu.words[w]) ++w;
  size_t s = 0;
  while (s < fast.sentence_ends.size() && s < icu.sentence_ends.size() &&
         fast.sentence_ends[s] == icu.sentence_ends[s]) {
    ++s;
  }
  const size_t at = w < fast.words.size() || w < icu.words.size()
                        ? (w > 0 ? fast.words[w - 1].end : 0)
                        : (s > 0 ? fast.sentence_ends[s - 1] : 0);
  const size_t from = at > 40 ? at - 40 : 0;
  std::printf("%.*s: differs at byte %zu (%s): \"%s\"\n", static_cast<int>(name.size()),
              name.data(), at,
              w < fast.words.size() || w < icu.words.size() ? "words" : "sentences",
              std::string(text.substr(from, 100)).c_str());
}

// Compares the two sources on `text`; false when they differ.
bool Compare(const FastBreakSource& fast, const IcuBreakSource& icu, std::string_view name,
             std::string_view text, Counts& counts) {
  Breaks fast_breaks;
  Breaks icu_breaks;
  if (!fast.Find(text, fast_breaks).ok() || !icu.Find(text, icu_breaks).ok()) return false;
  if (fast_breaks.words == icu_breaks.words &&
      fast_breaks.sentence_ends == icu_breaks.sentence_ends) {
    return true;
  }
  if (++counts.differing <= 20) PrintDifference(name, text, fast_breaks, icu_breaks);
  return false;
}

// Compares the two sources on `text` whole when the fast path covers it, else on each line
// it covers.
void CompareText(const FastBreakSource& fast, const IcuBreakSource& icu, const std::string& name,
                 std::string_view text, Counts& counts) {
  ++counts.texts;
  if (fast.Covers(text)) {
    ++counts.covered_texts;
    Compare(fast, icu, name, text, counts);
    return;
  }
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    end = end == std::string::npos ? text.size() : end + 1;
    const std::string_view line(text.data() + begin, end - begin);
    if (fast.Covers(line)) {
      ++counts.covered_lines;
      Compare(fast, icu, name + ":" + std::to_string(begin), line, counts);
    }
    begin = end;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> roots(argv + 1, argv + argc);
  if (roots.empty()) {
    std::fprintf(stderr, "usage: break_diff PATH...\n");
    return 2;
  }
  auto files = FindArticleFiles(roots);
  auto icu = IcuBreakSource::Create();
  if (!files.ok() || !icu.ok()) {
    std::fprintf(stderr, "%s\n", (files.ok() ? icu.status() : files.status()).message().c_str());
    return 2;
  }
  const FastBreakSource fast;
  Counts counts;
  for (const auto& path : files->files) {
    FileStamp stamp;
    auto bytes = ReadFileBytes(path, stamp);
    if (bytes.ok()) CompareText(fast, **icu, path.string(), *bytes, counts);
    auto read = ReadArticleFile(path);
    if (!read.ok()) continue;
    for (const RawArticle& raw : read->articles) {
      const Document doc = Document::FromUtf8(raw.meta, raw.text);
      CompareText(fast, **icu, path.string() + "#" + std::to_string(raw.meta.record_index),
                  doc.text(), counts);
    }
  }
  std::printf(
      "%zu texts (articles and raw files), %zu covered by the fast path, %zu lines of "
      "the others; %zu differ\n",
      counts.texts, counts.covered_texts, counts.covered_lines, counts.differing);
  return counts.differing == 0 ? 0 : 1;
}
