// Cross-article comparison: what the stored articles say about each (subject, predicate,
// object) and whether they agree or conflict (the `agreements` and `conflicts` views), as
// values; cli/compare_report.h prints them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/status.h"

namespace newsfacts {

// Which facts CompareFacts reports.
struct CompareOptions {
  // Only facts whose subject or object is this entity: its canonical key, or its name or an
  // alias (ASCII case ignored). Empty: every entity.
  std::string entity;
  std::string predicate;  // only this predicate; empty: every predicate
  int min_articles = 2;   // only facts stated by at least this many distinct articles
  // Only claims of articles published on or after this date ("2024", "2024-06-01"; ISO
  // strings compare in date order); undated articles are then left out. Empty: all. A fact
  // agrees or conflicts only through the claims kept.
  std::string since;
  // Conflicting claim pairs read per fact, at most; 0: every pair. ComparedFact counts them
  // all either way. From schema version 8 the pairs past this are never read from SQLite.
  int pairs_per_fact = 0;
  // False: each fact with its counts, verdict and conflicting pairs only, its `claims` left
  // empty (read the few a page shows with ClaimReader, db/claim_reader.h). From schema version
  // 11 the counts come from the fact_counts view unless `since` is set.
  bool read_claims = true;
};

// One article's claim about a fact, as the `facts` view shows it.
struct ComparedClaim {
  int64_t claim_id = 0;
  int64_t article_id = 0;
  std::string amount;  // the amount as written, empty when the claim has none
  std::string value;   // exact decimal string, empty for ranges, vague or no amount
  std::string currency;
  std::string status;  // "asserted", "reported", ...
  std::string speaker;
  std::string venue;
  std::string title;
  std::string source;
  std::string published;
  std::string path;
  std::string evidence;  // the sentence that states it
  // When and which part (schema version 5; empty in older databases): the amount's role
  // ("total", "tranche", "part", "per_unit", ...), the deal stage ("agreed", "completed", ...)
  // and the event date ("2019", "2025-03-04") with the words that gave it ("on Tuesday").
  std::string amount_role;
  std::string stage;
  std::string event_date;
  std::string event_date_text;
};

enum class Verdict {
  kConflict,     // two articles give amounts that cannot both be true (`conflicts`)
  kAgree,        // two or more articles state it without conflict (`agreements`)
  kUnconfirmed,  // one article states it; others only deny, ask or make it conditional
};

// "conflict", "agree", "unconfirmed".
std::string_view VerdictName(Verdict verdict);

// One (subject, predicate, object) and every claim stating it.
struct ComparedFact {
  std::string subject;
  std::string predicate;
  std::string object;  // empty for facts without an object (raised, valued_at)
  int articles = 0;    // distinct articles
  int sources = 0;     // distinct named outlets
  Verdict verdict = Verdict::kUnconfirmed;
  // The story of the fact: by event date (else published day; unknown last), then stage
  // (rumoured, in talks, agreed, completed, abandoned, blocked), then role (tranche, part,
  // total), then claim id.
  std::vector<ComparedClaim> claims;
  std::vector<std::pair<int64_t, int64_t>> conflicts;  // claim id pairs from `conflicts`
  // Every conflicting pair the filters keep; more than conflicts.size() when
  // CompareOptions::pairs_per_fact cut the list.
  int64_t conflict_pairs = 0;
  int64_t subject_id = 0;
  int64_t object_id = 0;  // 0 for facts without an object
  int claim_count = 0;    // the claims the filters keep, read or not (see read_claims)
};

// What CompareFacts found.
struct Comparison {
  std::vector<ComparedFact> facts;  // most articles first, then by subject, predicate, object
  int hidden = 0;                   // facts matching the filters but stated by too few articles
};

// Reads the database at `db_path` (read-only) and groups its claims with a subject by
// (subject, predicate, object), filtered by `options`. Errors: NotFound when the file does
// not exist or options.entity names no entity; FailedPrecondition when the file is not a
// newsfacts database or predates the comparison views (schema version 1: run ingest once to
// upgrade it); IoError and DataLoss from SQLite. Messages name the file.
StatusOr<Comparison> CompareFacts(const std::string& db_path, const CompareOptions& options);

}  // namespace newsfacts
