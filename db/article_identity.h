// The identity of a stored article: its key (path and record) and the hash of its content,
// which together decide whether ingest adds, replaces or skips it, and merge deduplicates by.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/document.h"

namespace newsfacts {

// Key of an article in the store: its path and record index (-1 unless .json/.jsonl).
// Returns the path alone for -1, else the path, a NUL byte and the index: a path never
// holds NUL, so two articles never share a key.
std::string ArticleKey(std::string_view path, int record_index);

// Returns the content hash the store keeps with an article, so that ingest skips an
// unchanged one: XXH3-128 as 32 lowercase hex digits over the normalized text and the
// metadata stored with it (title, source, url, published).
std::string ContentHash(const Document& doc);

// Returns the hash that source_files.articles_digest keeps of the articles read from one
// file: XXH3-128 hex over their (record index, content hash) pairs in record order, so a
// file is skipped only while the articles stored at its path are still those it held.
// `articles` is sorted in place.
std::string ArticlesDigest(std::vector<std::pair<int, std::string>>& articles);

}  // namespace newsfacts
