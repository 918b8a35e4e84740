// Where a stored sentence's text lives (db/migrations/0014_sentence_text_from_articles.sql):
// read from its article's text, or, for sentences of long articles, kept in its row.
#pragma once

#include <cstddef>

namespace newsfacts {

// Articles longer than this keep their sentences' texts in sentence_spans.stored_text: SQLite
// reads a whole article text to take one sentence out of it. The migration that moved the
// texts out uses the same number.
inline constexpr size_t kMaxArticleBytesForSentenceSpans = 65536;

// Whether the sentences of an article of `text_bytes` bytes keep their own text.
inline bool StoresSentenceText(size_t text_bytes) {
  return text_bytes > kMaxArticleBytesForSentenceSpans;
}

}  // namespace newsfacts
