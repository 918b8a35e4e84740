// Rule file loading: kinds, file:line errors for malformed files, folders, fingerprints.
#include "extractors/kernel/rule_sources.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

TEST(RuleSourcesTest, BuiltinFilesLoadWithTheirKinds) {
  StatusOr<RuleSources> rules = RuleSources::Builtin();
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_FALSE(rules->OfKind("amounts").empty());
  EXPECT_FALSE(rules->OfKind("gazetteer").empty());
  EXPECT_FALSE(rules->OfKind("claims").empty());
  for (const RuleSource& source : rules->files()) {
    EXPECT_EQ(source.path.rfind("builtin:", 0), 0u) << source.path;
  }
}

struct BadFile {
  std::string path;
  std::string contents;
  std::string expected_message_start;
};

TEST(RuleSourcesTest, MalformedFilesAreNamedWithTheirLine) {
  const BadFile cases[] = {
      {"my/rules.json", "{\n  \"kind\": \"claims\",\n  \"rules\": [\n    {,}\n  ]\n}",
       "my/rules.json:4: not valid JSON"},
      {"my/nokind.json", "{\"rules\": []}", "my/nokind.json:1: a rule file must be a JSON object"},
      {"my/array.json", "[1, 2]", "my/array.json:1: a rule file must be a JSON object"},
      {"my/names.jsonl", "{\"label\": \"ORG\", \"pattern\": \"Acme\"}\n\n{\"label\": ORG}\n",
       "my/names.jsonl:3: not valid JSON"},
      {"my/huge.json", "{\"kind\": \"claims\", \"limit\": 1e400}", "my/huge.json: not valid JSON"},
      {"my/late.json", "{\"kind\": \"claims\",\n \"rules\": [\n]]",
       "my/late.json:3: not valid JSON"},
      {"my/number.json", "{\"kind\": 3}", "my/number.json:1: a rule file must be a JSON object"},
      {"my/nested.json", "{\"rules\": [{\"kind\": \"claims\"}], \"more\": {\"kind\": \"claims\"}}",
       "my/nested.json:1: a rule file must be a JSON object"},
      {"my/replaced.json", "{\"kind\": \"claims\", \"kind\": [\"claims\"]}",
       "my/replaced.json:1: a rule file must be a JSON object"},
  };
  for (const BadFile& c : cases) {
    SCOPED_TRACE(c.path);
    RuleSources rules;
    Status status = rules.Add(c.path, c.contents);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(status.message().rfind(c.expected_message_start, 0), 0u) << status.message();
    EXPECT_TRUE(rules.files().empty());
  }
}

TEST(RuleSourcesTest, TheLastTopLevelKindCounts) {
  RuleSources rules;
  ASSERT_TRUE(
      rules.Add("a.json", "{\"kind\": [1], \"rules\": {\"kind\": \"x\"}, \"kind\": \"claims\"}")
          .ok());
  ASSERT_EQ(rules.files().size(), 1u);
  EXPECT_EQ(rules.files()[0].kind, "claims");
}

TEST(RuleSourcesTest, FolderFilesAreAddedSortedAndMissingFoldersNamed) {
  testing::TempDir temp;
  const std::filesystem::path& dir = temp.path();
  temp.Write("sub/b.jsonl", "{\"label\": \"ORG\", \"pattern\": \"Acme\"}\n");
  temp.Write("a.json", "{\"kind\": \"claims\", \"rules\": []}");
  temp.Write("notes.md", "not a rule file");

  RuleSources rules;
  ASSERT_TRUE(rules.AddDirectory(dir).ok());
  ASSERT_EQ(rules.files().size(), 2u);
  EXPECT_EQ(rules.files()[0].kind, "claims");
  EXPECT_EQ(rules.files()[1].kind, "gazetteer");

  Status missing = rules.AddDirectory(dir / "nope");
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_NE(missing.message().find("nope"), std::string::npos);
}

TEST(RuleSourcesTest, FingerprintChangesWithAnyByteOrPath) {
  auto fingerprint = [](const std::string& path, const std::string& contents) {
    RuleSources rules;
    EXPECT_TRUE(rules.Add(path, contents).ok());
    return rules.Fingerprint();
  };
  const std::string base = fingerprint("a.json", "{\"kind\": \"claims\"}");
  EXPECT_EQ(base, fingerprint("a.json", "{\"kind\": \"claims\"}"));
  EXPECT_NE(base, fingerprint("a.json", "{\"kind\": \"claims\" }"));
  EXPECT_NE(base, fingerprint("b.json", "{\"kind\": \"claims\"}"));
  EXPECT_EQ(base.size(), 16u);
}

TEST(RuleSourcesTest, WhereNamesTheLineOfTheRuleId) {
  const RuleSource source{"mine/deals.json", "claims",
                          "{\"kind\": \"claims\",\n \"rules\": [\n  {\"id\": \"deal.one\"},\n"
                          "  {\"id\": \"deal.two\"}]}"};
  EXPECT_EQ(source.Where("deal.two"), "mine/deals.json:4: rule deal.two");
  EXPECT_EQ(source.Where("deal.one"), "mine/deals.json:3: rule deal.one");
  EXPECT_EQ(source.Where("absent"), "mine/deals.json:1: rule absent");
}

TEST(RuleSourcesTest, ANumberOutOfRangeIsAnErrorNotAnAbort) {
  RuleSources sources;
  const Status status = sources.Add("x.json", R"({"kind": "entity_patterns", "n": 1e400})");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("x.json"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace newsfacts
