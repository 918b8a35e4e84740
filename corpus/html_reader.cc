// HTML articles: visible article text and meta tags (title, date, site, URL), parsed with
// libgumbo, which is lenient: malformed markup still yields text.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "corpus/format_readers.h"
#include "pipeline/text.h"

namespace newsfacts::corpus_internal {
namespace {

// Elements nested deeper than this are ignored, which bounds the recursion below. Browsers
// stop nesting at the same depth (Blink: 512); only hostile pages get there.
constexpr int kMaxElementDepth = 512;

// Parse errors gumbo records before it stops recording them (see BoundedOptions).
constexpr int kMaxRecordedParseErrors = 100;

// Gumbo's time grows with the square of the number of elements left open (20,000 unclosed
// <div>s: 1 s, 100,000: 42 s); real pages stay in the tens. A page that leaves more than this
// open at once is refused before parsing.
constexpr size_t kMaxOpenElements = 4096;

// Elements that never stay open: void elements, and those a following sibling closes.
bool NeverStaysOpen(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "area", "base",   "br",     "col", "embed",    "hr",     "img",  "input", "link",
      "meta", "source", "track",  "wbr", "p",        "li",     "dt",   "dd",    "tr",
      "td",   "th",     "option", "!--", "!doctype", "script", "style"};
  for (std::string_view known : kTags) {
    if (tag == known) return true;
  }
  return false;
}

// The most elements a page leaves open at once, counted on the raw markup: a start tag opens
// one, its end tag closes one. An over-count for sloppy but harmless markup is fine; this
// only has to tell ordinary pages from hostile ones.
size_t MostOpenElements(std::string_view text) {
  size_t open = 0, most = 0;
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    const bool closing = at + 1 < text.size() && text[at + 1] == '/';
    size_t begin = at + 1 + (closing ? 1 : 0), end = begin;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '!' || text[end] == '-')) {
      ++end;
    }
    std::string tag(text.substr(begin, end - begin));
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (tag.empty() || NeverStaysOpen(tag)) continue;
    const size_t close = text.find('>', end);
    const bool self_closing =
        close != std::string_view::npos && close > 0 && text[close - 1] == '/';
    if (closing) {
      open -= open > 0 ? 1 : 0;
    } else if (!self_closing) {
      most = std::max(most, ++open);
    }
  }
  return most;
}

// Elements whose content is never article text: code, chrome around the article, widgets.
bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a paragraph of text.
bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Returns the attribute value, or "" when absent.
std::string_view Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool HasAttribute(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

// Fragments of class or id names that mark page furniture inside an article: share bars,
// newsletter boxes, related-story lists, ads. Their link texts ("X", "LinkedIn") would
// otherwise read as company mentions (corpus/samples/*.html, share-tools).
constexpr std::array<std::string_view, 12> kFurnitureNameFragments = {
    "share",  "social",  "related", "newsletter", "subscribe",  "promo",
    "advert", "ad-slot", "cookie",  "comments",   "breadcrumb", "recommended"};

// True when a class or id of `node` names page furniture (see kFurnitureNameFragments).
bool IsFurniture(const GumboNode* node) {
  for (const char* attribute : {"class", "id"}) {
    const std::string names = Lower(Attribute(node, attribute));
    for (std::string_view fragment : kFurnitureNameFragments) {
      if (names.find(fragment) != std::string::npos) return true;
    }
  }
  return false;
}

// True for elements the reader never shows: dropped tags, hidden elements, page furniture.
bool IsInvisible(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEMPLATE || IsDroppedTag(node->v.element.tag)) return true;
  if (node->v.element.tag != GUMBO_TAG_ARTICLE && node->v.element.tag != GUMBO_TAG_BODY &&
      node->v.element.tag != GUMBO_TAG_MAIN && IsFurniture(node)) {
    return true;
  }
  if (HasAttribute(node, "hidden") || Lower(Attribute(node, "aria-hidden")) == "true") {
    return true;
  }
  std::string style = Lower(Attribute(node, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos;
}

std::vector<const GumboNode*> Children(const GumboNode* node) {
  std::vector<const GumboNode*> children;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    const GumboVector& v = node->v.document.children;
    for (unsigned i = 0; i < v.length; ++i) children.push_back(static_cast<GumboNode*>(v.data[i]));
  } else if (IsElement(node)) {
    const GumboVector& v = node->v.element.children;
    for (unsigned i = 0; i < v.length; ++i) children.push_back(static_cast<GumboNode*>(v.data[i]));
  }
  return children;
}

// Builds plain text from text nodes: whitespace runs (including no-break spaces) collapse to
// one space, and requested breaks become "\n" (inside <pre>) or "\n\n" (blocks). Not
// thread-safe; one per extraction.
class TextBuilder {
 public:
  enum class Gap { kNone, kSpace, kLine, kParagraph };

  void RequestGap(Gap gap) { pending_ = std::max(pending_, gap); }

  void AddText(std::string_view text, bool preformatted) {
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (preformatted && c == '\n') {
        RequestGap(Gap::kLine);
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        RequestGap(Gap::kSpace);
      } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        RequestGap(Gap::kSpace);
        ++i;
      } else {
        Emit(c);
      }
    }
  }

  std::string Finish() && { return std::move(out_); }

 private:
  void Emit(char c) {
    if (!out_.empty()) {
      switch (pending_) {
        case Gap::kParagraph:
          out_.append("\n\n");
          break;
        case Gap::kLine:
          out_.push_back('\n');
          break;
        case Gap::kSpace:
          out_.push_back(' ');
          break;
        case Gap::kNone:
          break;
      }
    }
    pending_ = Gap::kNone;
    out_.push_back(c);
  }

  std::string out_;
  Gap pending_ = Gap::kNone;
};

void AppendVisibleText(const GumboNode* node, bool preformatted, int depth, TextBuilder& builder) {
  if (depth > kMaxElementDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    builder.AddText(node->v.text.text, preformatted);
    return;
  }
  if (node->type == GUMBO_NODE_DOCUMENT) {
    for (const GumboNode* child : Children(node)) {
      AppendVisibleText(child, preformatted, depth + 1, builder);
    }
    return;
  }
  if (!IsElement(node) || IsInvisible(node)) return;
  const GumboTag tag = node->v.element.tag;
  const bool block = IsBlockTag(tag);
  const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
  if (block) builder.RequestGap(TextBuilder::Gap::kParagraph);
  if (cell) builder.RequestGap(TextBuilder::Gap::kSpace);
  for (const GumboNode* child : Children(node)) {
    AppendVisibleText(child, preformatted || tag == GUMBO_TAG_PRE, depth + 1, builder);
  }
  if (block) builder.RequestGap(TextBuilder::Gap::kParagraph);
  if (cell) builder.RequestGap(TextBuilder::Gap::kSpace);
}

// Returns the visible text under `node`, paragraphs separated by "\n\n".
std::string VisibleText(const GumboNode* node) {
  TextBuilder builder;
  AppendVisibleText(node, false, 0, builder);
  // Trimmed in place: a copy would hold the text twice (60 MB more for a 60 MB page).
  std::string text = std::move(builder).Finish();
  TrimWhitespaceInPlace(text);
  return text;
}

// Returns the text of a heading or <title> on one line.
std::string OneLine(const GumboNode* node) {
  TextBuilder builder;
  for (const GumboNode* child : Children(node)) AppendVisibleText(child, false, 0, builder);
  std::string text;
  for (char c : std::move(builder).Finish()) {
    if (c != '\n') {
      text.push_back(c);
    } else if (!text.empty() && text.back() != ' ') {
      text.push_back(' ');
    }
  }
  return std::string(TrimWhitespace(text));
}

// Everything the reader takes from a page, gathered in one walk; points into the parse tree.
struct PageFacts {
  std::string og_title;
  std::string title_tag;
  std::array<std::string, 4> published_meta;  // article:, og:, name=date, itemprop
  std::string time_datetime;                  // first visible <time datetime>
  std::string site_name;
  std::string og_url;
  std::string canonical;
  const GumboNode* first_h1 = nullptr;
  std::vector<const GumboNode*> articles;  // visible <article> elements, outermost only
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

void SetOnce(std::string& target, std::string_view value) {
  value = TrimWhitespace(value);
  if (target.empty() && !value.empty()) target = std::string(value);
}

void ReadMeta(const GumboNode* node, PageFacts& facts) {
  std::string key = Lower(Attribute(node, "property"));
  if (key.empty()) key = Lower(Attribute(node, "name"));
  if (key.empty()) key = Lower(Attribute(node, "itemprop"));
  const std::string_view content = Attribute(node, "content");
  if (key == "og:title") SetOnce(facts.og_title, content);
  if (key == "article:published_time") SetOnce(facts.published_meta[0], content);
  if (key == "og:published_time") SetOnce(facts.published_meta[1], content);
  if (key == "date" || key == "pubdate") SetOnce(facts.published_meta[2], content);
  if (key == "datepublished") SetOnce(facts.published_meta[3], content);
  if (key == "og:site_name") SetOnce(facts.site_name, content);
  if (key == "og:url") SetOnce(facts.og_url, content);
}

// Walks the whole page; `visible` is false under invisible elements, whose <article>, <h1>
// and <time> must not be picked.
void Gather(const GumboNode* node, bool visible, bool in_article, int depth, PageFacts& facts) {
  if (depth > kMaxElementDepth) return;
  if (!IsElement(node)) {
    if (node->type == GUMBO_NODE_DOCUMENT) {
      for (const GumboNode* child : Children(node)) {
        Gather(child, visible, in_article, depth + 1, facts);
      }
    }
    return;
  }
  const GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_META:
      ReadMeta(node, facts);
      break;
    case GUMBO_TAG_LINK:
      if (Lower(Attribute(node, "rel")).find("canonical") != std::string::npos) {
        SetOnce(facts.canonical, Attribute(node, "href"));
      }
      break;
    case GUMBO_TAG_TITLE:
      SetOnce(facts.title_tag, OneLine(node));
      break;
    case GUMBO_TAG_BODY:
      if (facts.body == nullptr) facts.body = node;
      break;
    default:
      break;
  }
  // The <header> of an article holds its headline and date: look there for them, though
  // its text is not part of the body.
  const bool article_header = in_article && tag == GUMBO_TAG_HEADER;
  const bool shown = visible && (!IsInvisible(node) || article_header);
  if (shown) {
    if (tag == GUMBO_TAG_H1 && facts.first_h1 == nullptr) facts.first_h1 = node;
    if (tag == GUMBO_TAG_TIME) SetOnce(facts.time_datetime, Attribute(node, "datetime"));
    if (tag == GUMBO_TAG_MAIN && facts.main == nullptr) facts.main = node;
    if (tag == GUMBO_TAG_ARTICLE && !in_article) facts.articles.push_back(node);
  }
  for (const GumboNode* child : Children(node)) {
    Gather(child, shown, in_article || (shown && tag == GUMBO_TAG_ARTICLE), depth + 1, facts);
  }
}

// Returns `title` without a trailing " | Site" or " - Site" naming the site.
std::string StripSiteSuffix(std::string title, std::string_view site) {
  if (site.empty()) return title;
  for (std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const std::string suffix = std::string(separator) + std::string(site);
    if (title.size() > suffix.size() && title.ends_with(suffix)) {
      title.resize(title.size() - suffix.size());
      break;
    }
  }
  return title;
}

// Paragraphs before the headline (kicker, breadcrumbs) are page furniture when the headline
// is among the first few paragraphs of the article.
constexpr size_t kMaxParagraphsBeforeHeadline = 3;

// Returns `body` starting at the paragraph that is exactly `title`, when one of the first
// paragraphs is; otherwise `body` unchanged.
std::string_view SkipToHeadline(std::string_view body, std::string_view title) {
  if (title.empty()) return body;
  size_t begin = 0;
  for (size_t paragraph = 0; paragraph <= kMaxParagraphsBeforeHeadline; ++paragraph) {
    const size_t end = body.find("\n\n", begin);
    if (body.substr(begin, end == std::string_view::npos ? end : end - begin) == title) {
      return body.substr(begin);
    }
    if (end == std::string_view::npos) break;
    begin = end + 2;
  }
  return body;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

// Gumbo keeps a copy of the stack of open elements with every parse error it records, so a
// page of 20,000 unclosed <div>s needs gigabytes (issue 15); a handful of errors is all we
// would ever look at, so stop recording there.
GumboOptions BoundedOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxRecordedParseErrors;
  return options;
}

}  // namespace

StatusOr<FileReadResult> ReadHtml(std::string_view name, std::string text) {
  if (const size_t open = MostOpenElements(text); open > kMaxOpenElements) {
    return Status::InvalidArgument(std::string(name) + ": the HTML leaves " + std::to_string(open) +
                                   " elements open at once (more than " +
                                   std::to_string(kMaxOpenElements) +
                                   "); not read, as a broken or hostile page");
  }
  static const GumboOptions kOptions = BoundedOptions();
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&kOptions, text.data(), text.size()));
  if (output == nullptr) {
    return Status::Internal(std::string(name) + ": the HTML parser gave no result");
  }
  // The tree holds copies of the texts and attributes it reads (only the pieces of original
  // text that nothing here reads point into the page): the page can go.
  std::string().swap(text);
  PageFacts facts;
  Gather(output->document, true, false, 0, facts);

  // The longest <article> wins: pages also use <article> for teasers of other stories.
  std::string body;
  for (const GumboNode* article : facts.articles) {
    std::string candidate = VisibleText(article);
    if (candidate.size() > body.size()) body = std::move(candidate);
  }
  if (body.empty() && facts.main != nullptr) body = VisibleText(facts.main);
  if (body.empty()) body = VisibleText(facts.body != nullptr ? facts.body : output->root);
  if (body.empty()) {
    return Status::DataLoss(std::string(name) + ": no article text found in HTML");
  }

  RawArticle article;
  article.meta.path = std::string(name);
  article.meta.source = facts.site_name;
  if (!facts.og_title.empty()) {
    article.meta.title = StripSiteSuffix(facts.og_title, facts.site_name);
  } else if (facts.first_h1 != nullptr && !OneLine(facts.first_h1).empty()) {
    article.meta.title = OneLine(facts.first_h1);
  } else {
    article.meta.title = StripSiteSuffix(facts.title_tag, facts.site_name);
  }
  for (const std::string& published : facts.published_meta) {
    SetOnce(article.meta.published, published);
  }
  SetOnce(article.meta.published, facts.time_datetime);
  article.meta.url = facts.og_url.empty() ? facts.canonical : facts.og_url;
  // The page's tree (its nodes and a copy of its text: twice the text of a 60 MB page) goes
  // before the article's text is made, in place.
  output.reset();
  body.erase(0, static_cast<size_t>(SkipToHeadline(body, article.meta.title).data() - body.data()));
  JoinTitleAndBodyInPlace(article.meta.title, body);
  article.text = std::move(body);
  // gumbo turns a numeric reference past U+10FFFF ("&#8222222222") into bytes that are not
  // UTF-8, so what it gives is repaired once more.
  for (std::string* field : {&article.text, &article.meta.title, &article.meta.source,
                             &article.meta.published, &article.meta.url}) {
    RepairUtf8InPlace(*field);
  }
  FileReadResult result;
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsfacts::corpus_internal
