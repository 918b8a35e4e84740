// Date rules: loading "dates" files (month and weekday tables, patterns, examples), finding
// date expressions and resolving them against an article's published date.
#include "extractors/claims/claim_dates.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "extractors/claims/claim_rules.h"
#include "extractors/kernel/example_runner.h"
#include "extractors/kernel/macro_table.h"
#include "extractors/kernel/rule_json.h"
#include "extractors/kernel/rule_prefilter.h"

namespace newsfacts {
namespace {

namespace chr = std::chrono;

constexpr std::string_view kResolveKinds[] = {"calendar", "weekday", "days",
                                              "weeks",    "months",  "years"};

// A published date as far as it is known: year, then month, then day (0 when absent).
struct Published {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
};

// Reads "2025-03-04", "2025-03-04T09:00:00Z", "2025-03" or "2025"; nullopt otherwise.
std::optional<Published> ParsePublished(std::string_view text) {
  Published out;
  auto digits = [&](size_t at, size_t count, int* value) {
    if (text.size() < at + count) return false;
    int v = 0;
    for (size_t i = at; i < at + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *value = v;
    return true;
  };
  if (!digits(0, 4, &out.year)) return std::nullopt;
  int month = 0;
  int day = 0;
  if (text.size() >= 7 && text[4] == '-' && digits(5, 2, &month) && month >= 1 && month <= 12) {
    out.month = static_cast<unsigned>(month);
    if (text.size() >= 10 && text[7] == '-' && digits(8, 2, &day) && day >= 1 && day <= 31) {
      out.day = static_cast<unsigned>(day);
    }
  }
  return out;
}

std::string FormatYear(int year) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d", year);
  return buffer;
}

std::string FormatMonth(const chr::year_month& ym) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02u", static_cast<int>(ym.year()),
                static_cast<unsigned>(ym.month()));
  return buffer;
}

std::string FormatDay(const chr::year_month_day& ymd) {
  char buffer[24];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

chr::sys_days DaysOf(const Published& p) {
  return chr::sys_days{chr::year{p.year} / chr::month{p.month} / chr::day{p.day}};
}

int ToInt(const std::string& text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
    if (value > 100000) return -1;
  }
  return text.empty() ? -1 : value;
}

// A month (with day `day`, or the 15th) in the year among the published year and its two
// neighbours that puts it nearest the published date: "on December 30" in an article of
// January 2 is last year's.
std::optional<chr::year_month_day> NearestYear(const Published& p, unsigned month, unsigned day) {
  if (p.month == 0) return std::nullopt;
  const chr::sys_days anchor = DaysOf({p.year, p.month, p.day == 0 ? 15 : p.day});
  std::optional<chr::year_month_day> best;
  long best_distance = 0;
  for (int year = p.year - 1; year <= p.year + 1; ++year) {
    const chr::year_month_day ymd{chr::year{year}, chr::month{month},
                                  chr::day{day == 0 ? 15 : day}};
    if (!ymd.ok()) continue;
    const long distance = std::labs((chr::sys_days{ymd} - anchor).count());
    if (!best || distance < best_distance) {
      best = ymd;
      best_distance = distance;
    }
  }
  return best;
}

std::string ResolveCalendar(const DateParts& parts, const std::optional<Published>& p) {
  const int year = ToInt(parts.year);
  const int month = ToInt(parts.month);
  const int day = ToInt(parts.day);
  if (month == -1 && day != -1) return "";
  if (month != -1 && (month < 1 || month > 12)) return "";
  if (year != -1) {
    if (month == -1) return FormatYear(year);
    const chr::year_month ym{chr::year{year}, chr::month{static_cast<unsigned>(month)}};
    if (day == -1) return FormatMonth(ym);
    const chr::year_month_day ymd = ym / chr::day{static_cast<unsigned>(day)};
    return ymd.ok() ? FormatDay(ymd) : "";
  }
  if (month == -1 || !p) return "";
  if (day != -1 && (day < 1 || day > 31)) return "";
  const std::optional<chr::year_month_day> ymd =
      NearestYear(*p, static_cast<unsigned>(month), day == -1 ? 0 : static_cast<unsigned>(day));
  if (!ymd) return "";
  return day == -1 ? FormatMonth(ymd->year() / ymd->month()) : FormatDay(*ymd);
}

// The week `offset` weeks from the published day (Monday to Sunday, cut at the published day
// for this week): its month when it lies in one month, else its year, else "".
std::string ResolveWeek(const Published& p, int offset) {
  const chr::sys_days published = DaysOf(p);
  const chr::sys_days anchor = published + chr::days{7 * offset};
  const unsigned iso = chr::weekday{anchor}.iso_encoding();
  const chr::year_month_day first{anchor - chr::days{iso - 1}};
  const chr::year_month_day last{offset == 0 ? published : anchor + chr::days{7 - iso}};
  if (first.year() != last.year()) return "";
  if (first.month() != last.month()) return FormatYear(static_cast<int>(first.year()));
  return FormatMonth(first.year() / first.month());
}

}  // namespace

std::string ResolveDate(std::string_view resolve, int offset, const DateParts& parts,
                        std::string_view published) {
  const std::optional<Published> p = ParsePublished(published);
  if (resolve == "calendar") return ResolveCalendar(parts, p);
  if (!p) return "";
  if (resolve == "years") return FormatYear(p->year + offset);
  if (p->month == 0) return "";
  if (resolve == "months") {
    return FormatMonth(chr::year{p->year} / chr::month{p->month} + chr::months{offset});
  }
  if (p->day == 0 || !chr::year_month_day{DaysOf(*p)}.ok()) return "";
  if (resolve == "days") return FormatDay(chr::year_month_day{DaysOf(*p) + chr::days{offset}});
  if (resolve == "weeks") return ResolveWeek(*p, offset);
  if (resolve == "weekday") {
    const int target = ToInt(parts.weekday);
    if (target < 1 || target > 7) return "";
    const int today = static_cast<int>(chr::weekday{DaysOf(*p)}.iso_encoding());
    const int back = (today - target + 7) % 7;
    return FormatDay(chr::year_month_day{DaysOf(*p) - chr::days{back}});
  }
  return "";
}

struct DateRules::Impl {
  struct Example {
    std::string text;
    std::string published;
    std::optional<std::string> match;
    std::optional<std::string> date;  // nullopt: expected unresolved
  };
  struct Rule {
    std::string file;
    std::string id;
    std::string resolve;
    int offset = 0;
    std::unique_ptr<CompiledPattern> pattern;
    std::vector<Example> examples;
    std::vector<std::string> no_match;
  };
  std::map<std::string, int> months;    // written name -> 1..12
  std::map<std::string, int> weekdays;  // written name -> 1 (Monday) .. 7
  MacroTable macros;
  std::vector<Rule> rules;
  // Which rules can match a text (issue 16: running every date rule over every sentence with
  // a claim was a twentieth of the claim stage); gathered while the rules load, rule i as
  // pattern i.
  RulePrefilterBuilder prefilter_builder;
  std::unique_ptr<RulePrefilter> prefilter;

  Status ReadTables(const Json& json, const std::string& path);
  Status ReadRule(const Json& json, const RuleSource& source);
  // "3" for a month or weekday name of the tables (a trailing "." ignored), else the text.
  std::string Number(const std::map<std::string, int>& table, std::string text) const;
};

Status DateRules::Impl::ReadTables(const Json& json, const std::string& path) {
  for (const auto& [field, table, top] :
       {std::tuple<const char*, std::map<std::string, int>*, int>{"months", &months, 12},
        {"weekdays", &weekdays, 7}}) {
    if (!json.contains(field)) continue;
    if (!json[field].is_object()) {
      return Status::InvalidArgument(path + ": " + field + " must map names to numbers");
    }
    for (const auto& [name, number] : json[field].items()) {
      if (!number.is_number_integer() || number.get<int>() < 1 || number.get<int>() > top) {
        return Status::InvalidArgument(path + ": " + field + " \"" + name + "\" must be 1.." +
                                       std::to_string(top));
      }
      (*table)[name] = number.get<int>();
    }
  }
  if (json.contains("macros")) {
    for (const auto& [name, body] : json["macros"].items()) {
      NEWSFACTS_RETURN_IF_ERROR(macros.Add(path, name, body.get<std::string>()));
    }
  }
  return Status::Ok();
}

Status DateRules::Impl::ReadRule(const Json& json, const RuleSource& source) {
  Rule rule;
  rule.file = source.path;
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "id", &rule.id));
  const std::string where = source.Where(rule.id);
  NEWSFACTS_RETURN_IF_ERROR(
      CheckKeys(json, {"id", "pattern", "resolve", "offset", "examples", "no_match", "comment"},
                "a date rule")
          .WithContext(where));
  std::string pattern;
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "pattern", &pattern).WithContext(where));
  NEWSFACTS_RETURN_IF_ERROR(ReadString(json, "resolve", &rule.resolve).WithContext(where));
  if (std::find(std::begin(kResolveKinds), std::end(kResolveKinds), rule.resolve) ==
      std::end(kResolveKinds)) {
    return Status::InvalidArgument(where + ": resolve \"" + rule.resolve +
                                   "\" is not calendar, weekday, days, weeks, months or years");
  }
  rule.offset = json.value("offset", 0);
  StatusOr<std::string> expanded = macros.Expand(pattern);
  if (!expanded.ok()) return expanded.status().WithContext(where);
  StatusOr<std::unique_ptr<CompiledPattern>> compiled =
      CompiledPattern::Compile(*expanded, {.case_sensitive = false}, &prefilter_builder);
  if (!compiled.ok()) return compiled.status().WithContext(where);
  rule.pattern = std::move(*compiled);
  for (const std::string& group : rule.pattern->GroupNames()) {
    if (group != "year" && group != "month" && group != "day" && group != "weekday") {
      return Status::InvalidArgument(where + ": group \"" + group +
                                     "\" is not year, month, day or weekday");
    }
  }
  for (const Json& example : json.value("examples", Json::array())) {
    NEWSFACTS_RETURN_IF_ERROR(
        CheckKeys(example, {"text", "published", "match", "date", "comment"}, "a date example")
            .WithContext(where));
    Example parsed;
    NEWSFACTS_RETURN_IF_ERROR(ReadString(example, "text", &parsed.text).WithContext(where));
    NEWSFACTS_RETURN_IF_ERROR(
        ReadString(example, "published", &parsed.published).WithContext(where));
    NEWSFACTS_RETURN_IF_ERROR(
        ReadOptionalString(example, "match", &parsed.match).WithContext(where));
    if (example.contains("date") && !example["date"].is_null()) {  // null: unresolved
      NEWSFACTS_RETURN_IF_ERROR(
          ReadOptionalString(example, "date", &parsed.date).WithContext(where));
    }
    rule.examples.push_back(std::move(parsed));
  }
  NEWSFACTS_RETURN_IF_ERROR(ReadStringList(json, "no_match", &rule.no_match).WithContext(where));
  rules.push_back(std::move(rule));
  return Status::Ok();
}

std::string DateRules::Impl::Number(const std::map<std::string, int>& table,
                                    std::string text) const {
  if (!text.empty() && text.back() == '.') text.pop_back();
  for (const auto& [name, number] : table) {
    std::string bare = name;
    if (!bare.empty() && bare.back() == '.') bare.pop_back();
    if (bare == text) return std::to_string(number);
  }
  return text;
}

// An alternation of the table's names, longest first, matched in the case written
// ("May" is a month, "may" is not).
std::string NameAlternation(const std::map<std::string, int>& table) {
  std::vector<std::string> names;
  for (const auto& [name, number] : table) names.push_back(name);
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?-i:";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += '|';
    out += Regex::Quote(names[i]);
  }
  return out + ")";
}

DateRules::DateRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DateRules::~DateRules() = default;

StatusOr<std::unique_ptr<DateRules>> DateRules::Create(const RuleSources& sources) {
  auto impl = std::make_unique<Impl>();
  const std::vector<const RuleSource*> files = sources.OfKind("dates");
  std::vector<Json> parsed(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const Status read = GuardJson(files[i]->path, [&] {
      parsed[i] = Json::parse(files[i]->contents);
      const Status keys = CheckKeys(
          parsed[i], {"kind", "comment", "months", "weekdays", "macros", "rules"}, "a dates file");
      if (!keys.ok()) return keys.WithContext(files[i]->path);
      return impl->ReadTables(parsed[i], files[i]->path);
    });
    if (!read.ok()) return read;
  }
  if (!impl->months.empty()) impl->macros.Set("MONTH", NameAlternation(impl->months));
  if (!impl->weekdays.empty()) impl->macros.Set("WEEKDAY", NameAlternation(impl->weekdays));
  for (size_t i = 0; i < files.size(); ++i) {
    const Status read = GuardJson(files[i]->path, [&] {
      for (const Json& rule : parsed[i].value("rules", Json::array())) {
        const Status status = impl->ReadRule(rule, *files[i]);
        if (!status.ok()) return status;
      }
      return Status::Ok();
    });
    if (!read.ok()) return read;
  }
  StatusOr<std::unique_ptr<RulePrefilter>> prefilter = impl->prefilter_builder.Build();
  if (!prefilter.ok()) return prefilter.status().WithContext("dates");
  impl->prefilter = std::move(*prefilter);
  return std::unique_ptr<DateRules>(new DateRules(std::move(impl)));
}

std::vector<FoundDate> DateRules::Find(std::string_view text, std::string_view published) const {
  struct Hit {
    const Impl::Rule* rule;
    PatternMatch match;
  };
  std::vector<Hit> hits;
  for (const int index : impl_->prefilter->Candidates(text)) {
    const Impl::Rule& rule = impl_->rules[static_cast<size_t>(index)];
    for (PatternMatch& match : rule.pattern->FindAll(text)) {
      if (match.end > match.begin) hits.push_back({&rule, std::move(match)});
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.match.begin != b.match.begin) return a.match.begin < b.match.begin;
    return a.match.end - a.match.begin > b.match.end - b.match.begin;
  });
  std::vector<FoundDate> out;
  for (const Hit& hit : hits) {
    if (!out.empty() && hit.match.begin < out.back().end) continue;
    DateParts parts;
    for (const GroupSpan& group : hit.match.groups) {
      std::string words(text.substr(group.begin, group.end - group.begin));
      if (group.name == "year") parts.year = words;
      if (group.name == "day") parts.day = words;
      if (group.name == "month") parts.month = impl_->Number(impl_->months, words);
      if (group.name == "weekday") parts.weekday = impl_->Number(impl_->weekdays, words);
    }
    out.push_back({hit.match.begin, hit.match.end,
                   ResolveDate(hit.rule->resolve, hit.rule->offset, parts, published),
                   hit.rule->id});
  }
  return out;
}

std::vector<std::string> DateRules::CheckExamples() const {
  std::vector<std::string> failures;
  for (const Impl::Rule& rule : impl_->rules) {
    const std::string context = rule.file + ": rule " + rule.id + ": example ";
    for (const Impl::Example& example : rule.examples) {
      std::string got = "no date";
      bool passed = false;
      for (const FoundDate& found : Find(example.text, example.published)) {
        if (found.rule != rule.id) continue;
        const std::string_view words =
            std::string_view(example.text).substr(found.begin, found.end - found.begin);
        got = Quoted(words) + " -> " + (found.date.empty() ? "unresolved" : found.date);
        if (example.match && words != *example.match) continue;
        if (found.date == example.date.value_or("")) passed = true;
      }
      if (!passed) {
        failures.push_back(context + Quoted(example.text) + " published " +
                           Quoted(example.published) + ": expected " +
                           (example.match ? Quoted(*example.match) : std::string("a date")) +
                           " -> " + example.date.value_or("unresolved") + ", got " + got);
      }
    }
    for (const std::string& text : rule.no_match) {
      for (const FoundDate& found : Find(text, "2025-01-15")) {
        if (found.rule != rule.id) continue;
        failures.push_back(context + Quoted(text) + ": expected no date from this rule, got " +
                           Quoted(text.substr(found.begin, found.end - found.begin)));
        break;
      }
    }
  }
  return failures;
}

size_t DateRules::ExampleCount() const {
  size_t count = 0;
  for (const Impl::Rule& rule : impl_->rules) count += rule.examples.size() + rule.no_match.size();
  return count;
}

}  // namespace newsfacts
