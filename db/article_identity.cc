// ArticleKey and ContentHash: which stored article a document is, and whether it changed.
#include "db/article_identity.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

namespace newsfacts {

std::string ArticleKey(std::string_view path, int record_index) {
  std::string key(path);
  if (record_index >= 0) {
    key.push_back('\0');
    key += std::to_string(record_index);
  }
  return key;
}

namespace {

std::string Hex(const XXH128_hash_t& digest) {
  char hex[33];
  std::snprintf(hex, sizeof(hex), "%016llx%016llx", static_cast<unsigned long long>(digest.high64),
                static_cast<unsigned long long>(digest.low64));
  return hex;
}

}  // namespace

std::string ContentHash(const Document& doc) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  const ArticleMeta& meta = doc.meta();
  for (const std::string* part :
       {&doc.text(), &meta.title, &meta.source, &meta.url, &meta.published}) {
    XXH3_128bits_update(state, part->data(), part->size() + 1);  // + the terminating NUL
  }
  const XXH128_hash_t digest = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return Hex(digest);
}

std::string ArticlesDigest(std::vector<std::pair<int, std::string>>& articles) {
  std::sort(articles.begin(), articles.end());
  std::string listed;
  for (const auto& [record_index, content_hash] : articles) {
    listed += std::to_string(record_index);
    listed.push_back(':');
    listed += content_hash;
    listed.push_back('\n');
  }
  return Hex(XXH3_128bits(listed.data(), listed.size()));
}

}  // namespace newsfacts
