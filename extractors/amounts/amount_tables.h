// Amount tables: the currencies, scale words, number words, qualifiers, vague magnitudes and
// settings of every "amounts" rule file, merged in load order, and the macros generated from
// them ({CUR_PREFIX}, {SCALE}, {NUMWORD} ...), so that the tables drive the rule patterns.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/amounts/decimal.h"
#include "extractors/kernel/macro_table.h"
#include "extractors/kernel/rule_json.h"
#include "pipeline/status.h"

namespace newsfacts::amounts {

// One row of the "currencies" table.
struct CurrencyEntry {
  std::string surface;
  std::string iso;              // empty: the name does not identify one currency ("kroner")
  std::string type;             // "symbol", "code" or "name"
  bool any_case = false;        // a symbol or code also written in lower case ("usd 30")
  bool prefix = false;          // before a number: "$4bn", "USD 5m"
  bool prefix_spaced = false;   // before a number, only with a space: "c $ 12.2 million"
  bool prefix_scaled = false;   // before a number with a scale word: "euro 300 million"
  bool suffix = false;          // after a scaled number ("5bn euros")
  bool suffix_bare = false;     // after any number ("149 euros")
  bool suffix_cued = false;     // after any number, with a money cue before: "paid 20 pounds"
  bool dollar_sign = false;     // a generic dollar that article metadata may re-map
  bool minor = false;           // minor unit after a number: "70 pence", "50 cents"
  bool minor_attached = false;  // minor unit written onto short numbers: "53p"
  int power = 0;                // the value is number x 10^power major units ("pence": -2)
};

// One row of the "vague" table: a magnitude phrase and its interval [low, high).
struct VagueEntry {
  std::string form;  // "plural", "multi" or "few"
  Decimal low;
  Decimal high;
};

// One row of the "number_words" table.
struct NumberWord {
  Decimal value;
  bool unit = false;  // may follow a tens word: "twenty-five"
  bool tens = false;
  bool needs_scale = false;  // counts only before a scale word: "a", "half" ("half a million")
};

// Everything the rule files' tables define, merged over all files in order. Keys of the
// maps are NormalizeKey() forms. Built once by LoadTables and AddTableMacros, then read-only
// (thread-safe to read).
struct Tables {
  std::vector<CurrencyEntry> currencies;
  std::map<std::string, size_t> currency_exact;   // CollapseSpaces(surface) -> index
  std::map<std::string, size_t> currency_folded;  // NormalizeKey(name or any-case) -> index
  std::map<std::string, int> scale_powers;        // normalized word -> power of ten
  std::vector<std::string> scales_spelled;
  std::map<std::string, NumberWord> number_words;      // normalized word -> value
  std::map<std::string, std::string> qualifier_kinds;  // normalized phrase -> kind
  std::vector<std::string> qualifiers_before;
  std::vector<std::string> qualifiers_after;
  std::map<std::string, VagueEntry> vague;  // normalized phrase -> interval
  std::vector<std::string> cues_before;
  std::vector<std::string> cues_after;
  std::vector<std::string> money_cues_before;  // normalized
  std::optional<Decimal> approximate_low_factor;
  std::optional<Decimal> approximate_high_factor;
  std::vector<std::string> restatement_open;
  std::vector<std::string> restatement_separators;  // normalized
  bool has_restatement = false;
  std::vector<std::string> prefilter_words;     // lowercase
  std::vector<std::string> prefilter_patterns;  // RE2 sources, macros unexpanded
  std::string currency_gate;                    // pattern source, macros unexpanded
  MacroTable macros;  // the files' "macros", then those generated from the tables

  // The currency written `surface` (in any spacing): an exact symbol or code, else a name or
  // an any-case symbol or code in any case; nullptr when the tables have none.
  const CurrencyEntry* FindCurrency(std::string_view surface) const;
  // The value of number words ("two", "half a", "twenty-five" as tens plus unit); nullopt
  // when the words are not in the table.
  std::optional<Decimal> NumberWordValue(std::string_view text) const;
  // The power of ten of a scale word ("million" -> 6); nullopt when it is not one.
  std::optional<int> ScalePower(std::string_view word) const;
  // The kind of a qualifier phrase ("approximate", "lower", "upper"); nullptr when unknown.
  const std::string* QualifierKind(std::string_view phrase) const;
  // The vague magnitude written `phrase`; nullptr when unknown.
  const VagueEntry* FindVague(std::string_view phrase) const;
};

// Merges the tables and settings of one parsed rule file into `tables`. InvalidArgument
// naming `file` and the entry for an unknown key, a missing or mistyped field, an unknown
// type, position, kind or form, a bad decimal, or a macro defined twice; a JSON exception
// never escapes.
Status LoadTables(const std::string& file, const Json& json, Tables& tables);

// Adds the macros generated from the merged tables (FORMAT.md, "Generated macros").
void AddTableMacros(Tables& tables);

// An RE2 alternation of `phrases`, longest first so RE2's leftmost-first choice takes the
// longest; spaces inside a phrase match any run of {SP}. `fold` makes it case-insensitive;
// word-character edges get \b so "over" never matches inside "takeover". An empty list
// yields a group that never matches.
std::string Alternation(std::vector<std::string> phrases, bool fold, bool boundary_before,
                        bool boundary_after);

}  // namespace newsfacts::amounts
