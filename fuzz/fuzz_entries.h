// The code paths the fuzz targets drive, one function per target, shared by the libFuzzer
// targets (fuzz/*_fuzzer.cc) and the regression replay test (tests/fuzz_regressions/).
#pragma once

#include <string_view>

namespace newsfacts::fuzz {

// Each entry runs one input through its code path and checks the documented contracts that
// hold for any input (text valid UTF-8, spans in bounds, messages prefixed with the name). A
// broken contract aborts, which libFuzzer reports as a crash; so does a sanitizer report or an
// exception escaping the library. Errors returned as Status are expected outcomes, not crashes.
// Not thread-safe: the compiled stages are built once, on first use.

// ReadArticleBytes(`name`, `bytes`), `name` picking the reader ("fuzz.txt", "fuzz.html", ...);
// a .jsonl file is read in pieces too, as ingest reads one, and must read the same.
void ReadArticle(std::string_view name, std::string_view bytes);

// The segmenter and the amount stage over `bytes` taken as raw article text (repaired first).
void ExtractAmounts(std::string_view bytes);

// `input` as one user rule file next to the built-in rules: RuleSources::Add, then the stage
// that reads the file's kind built from the set (the other stages, which do not read it, are
// the built-in ones) and, when it builds, the pipeline run over a short article. The file is a
// gazetteer "user.jsonl" when `input` starts with "jsonl\n" (the rest is its contents), else
// a "user.json" rule file holding all of `input`.
void LoadRuleFile(std::string_view input);

// The `newsfacts extract` path: reader, standard pipeline, facts JSON. The format is the
// first line when it is one of txt, md, html, json, jsonl (the rest is the file), else the
// whole input is read as .txt (as `extract -` reads stdin).
void ExtractFacts(std::string_view input);

}  // namespace newsfacts::fuzz
