// WindowMerger: appends the layers extracted from one window of a long article to the
// article's document, in article coordinates (pipeline/article_windows.h).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include "pipeline/document.h"

namespace newsfacts {

// What a windowed article keeps of article-wide steps: each window is extracted as an article
// of its own, so in-article name propagation, short-form links (Garman -> Matt Garman), the
// cased-word facts and the Title Case headline lines see one window only. Entities meet
// across windows on their canonical key: the first window to find one gives its name, type
// and parent, and later windows only add aliases. Tokens are not kept (24 bytes per token
// are most of a long article's memory): a windowed article's sentences hold no token range.
// Not thread-safe; one per article.
class WindowMerger {
 public:
  explicit WindowMerger(Document& article) : article_(article) {}

  // Appends `window`'s sentences, entities, mentions, amounts, claims and quotes to the
  // article, `window` having been made of the article's bytes from `offset` on: spans move
  // by `offset`, indexes by the article's layers before it, paragraphs follow the article's
  // last one (a window starts after a line break, which always starts a paragraph).
  void Append(const Document& window, size_t offset);

  // Returns the memory the article's layers hold beyond their size.
  void Finish();

 private:
  // The article's index of `entity` of a window, added when its key is new.
  size_t ArticleEntity(const Entity& entity);

  Document& article_;
  std::unordered_map<std::string, size_t> entity_by_key_;
};

}  // namespace newsfacts
