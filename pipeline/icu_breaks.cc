// ICU word and sentence breaks over UTF-8 (byte offsets straight from utext_openUTF8).
#include "pipeline/icu_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <string>
#include <utility>

namespace newsfacts {

struct IcuBreakSource::Iterators {
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unique_ptr<icu::BreakIterator> words;
};

namespace {

// Closes a UText opened on the stack when the scope ends.
class UTextCloser {
 public:
  explicit UTextCloser(UText* text) : text_(text) {}
  ~UTextCloser() { utext_close(text_); }
  UTextCloser(const UTextCloser&) = delete;
  UTextCloser& operator=(const UTextCloser&) = delete;

 private:
  UText* text_;
};

// Opens `text` as a UTF-8 UText and hands it to `iterator`; offsets are then byte offsets.
Status SetText(icu::BreakIterator& iterator, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  UTextCloser closer(&utext);
  if (U_SUCCESS(status)) iterator.setText(&utext, status);  // keeps its own shallow clone
  if (U_FAILURE(status))
    return Status::Internal(std::string("ICU setText: ") + u_errorName(status));
  return Status::Ok();
}

WordBreakStatus StatusOf(int32_t rule_status) {
  if (rule_status >= UBRK_WORD_LETTER) return WordBreakStatus::kLetter;
  if (rule_status >= UBRK_WORD_NUMBER) return WordBreakStatus::kNumber;
  return WordBreakStatus::kNone;
}

}  // namespace

IcuBreakSource::IcuBreakSource(std::unique_ptr<Iterators> iterators)
    : iterators_(std::move(iterators)) {}
IcuBreakSource::~IcuBreakSource() = default;

StatusOr<std::unique_ptr<IcuBreakSource>> IcuBreakSource::Create() {
  auto iterators = std::make_unique<Iterators>();
  // Plain "en" rules: the abbreviation policy in segment_rules.cc decides after "Mr.", "U.S."
  // and "Inc." with the next word in view, which ICU's "ss=standard" suppressions do not.
  const icu::Locale locale("en");
  UErrorCode status = U_ZERO_ERROR;
  iterators->sentences.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || iterators->sentences == nullptr) {
    return Status::Internal(std::string("ICU sentence iterator: ") + u_errorName(status));
  }
  iterators->words.reset(icu::BreakIterator::createWordInstance(locale, status));
  if (U_FAILURE(status) || iterators->words == nullptr) {
    return Status::Internal(std::string("ICU word iterator: ") + u_errorName(status));
  }
  return std::unique_ptr<IcuBreakSource>(new IcuBreakSource(std::move(iterators)));
}

Status IcuBreakSource::Find(std::string_view text, Breaks& breaks) const {
  breaks.words.clear();
  breaks.sentence_ends.clear();
  std::unique_ptr<icu::BreakIterator> words(iterators_->words->clone());
  std::unique_ptr<icu::BreakIterator> sentences(iterators_->sentences->clone());
  if (words == nullptr || sentences == nullptr) {
    return Status::Internal("cannot clone ICU break iterators");
  }
  NEWSFACTS_RETURN_IF_ERROR(SetText(*words, text).WithContext("words"));
  words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
    breaks.words.push_back({static_cast<uint32_t>(end), StatusOf(words->getRuleStatus())});
  }
  NEWSFACTS_RETURN_IF_ERROR(SetText(*sentences, text).WithContext("sentences"));
  sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; end = sentences->next()) {
    breaks.sentence_ends.push_back(static_cast<size_t>(end));
  }
  return Status::Ok();
}

}  // namespace newsfacts
