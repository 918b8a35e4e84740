// Document construction and the names of annotation enums used in JSON and SQL.
#include "pipeline/document.h"

#include "pipeline/text.h"

namespace newsfacts {

Document Document::FromRaw(ArticleMeta meta, std::string_view raw) {
  RepairedText repaired = RepairUtf8(raw);
  meta.repaired_sequences += repaired.replaced;
  return FromUtf8(std::move(meta), repaired.text);
}

Document Document::FromUtf8(ArticleMeta meta, std::string_view utf8) {
  return Document(std::move(meta), NormalizeNfc(utf8));
}

Document Document::FromOwnedUtf8(ArticleMeta meta, std::string&& utf8) {
  if (IsNfc(utf8)) return Document(std::move(meta), std::move(utf8));
  std::string normalized = NormalizeNfc(utf8);
  std::string().swap(utf8);
  return Document(std::move(meta), std::move(normalized));
}

Document Document::WindowOf(const Document& article, Span span) {
  return Document(article.meta_, std::string(article.Text(span)));
}

void Document::ReleaseLayers() {
  std::vector<Sentence>().swap(sentences_);
  std::vector<Token>().swap(tokens_);
  std::vector<Entity>().swap(entities_);
  std::vector<Mention>().swap(mentions_);
  std::vector<Amount>().swap(amounts_);
  std::vector<NameCandidate>().swap(name_candidates_);
  std::vector<Claim>().swap(claims_);
  std::vector<Quote>().swap(quotes_);
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kProduct:
      return "PRODUCT";
    case EntityType::kLocation:
      return "LOCATION";
  }
  return "ORG";
}

std::string_view ClaimStatusName(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kAsserted:
      return "asserted";
    case ClaimStatus::kReported:
      return "reported";
    case ClaimStatus::kHedged:
      return "hedged";
    case ClaimStatus::kNegated:
      return "negated";
    case ClaimStatus::kQuestion:
      return "question";
    case ClaimStatus::kPlanned:
      return "planned";
    case ClaimStatus::kConditional:
      return "conditional";
  }
  return "asserted";
}

}  // namespace newsfacts
