// The table query format: columns aligned under a header and a dashed line, then "(N rows)".
// Rows are printed a page at a time, so memory holds one page however many rows come.
#include <algorithm>

#include "cli/cell_text.h"
#include "cli/query_format.h"

namespace newsfacts {
namespace {

// Table cells longer than this many code points are cut and end with an ellipsis.
constexpr size_t kMaxCellChars = 60;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// A table cell on one line: control characters become spaces, long text is cut.
std::string TableCell(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  if (CodePoints(text) <= kMaxCellChars) return text;
  size_t kept = 0;
  size_t end = 0;
  for (; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
    if (kept == kMaxCellChars - 1) break;
    ++kept;
  }
  text.resize(end);
  text += kEllipsis;
  return text;
}

void PadTo(std::string& line, std::string_view cell, size_t width, bool right_align) {
  const std::string padding(width - CodePoints(cell), ' ');
  if (right_align) line += padding;
  line += cell;
  if (!right_align) line += padding;
}

// Prints each result set as aligned columns, a page of rows at a time: the first page sizes
// the columns and decides which are numeric (every value an integer or a real, and at least
// one value: right-aligned); a later page with a wider cell widens its column and repeats
// the header above itself.
class TableWriter : public RowSink {
 public:
  TableWriter(std::ostream& out, size_t page_rows)
      : out_(out), page_rows_(std::max<size_t>(1, page_rows)) {}

  void BeginResult(const std::vector<std::string>& columns) override {
    if (results_++ > 0) out_ << '\n';
    header_.clear();
    widths_.clear();
    page_.clear();
    rows_ = 0;
    cut_at_ = 0;
    pages_ = 0;
    for (const std::string& column : columns) {
      header_.push_back(TableCell(column));
      widths_.push_back(CodePoints(header_.back()));
    }
    numeric_.assign(columns.size(), true);
    any_value_.assign(columns.size(), false);
  }

  void Row(const std::vector<Cell>& cells) override {
    std::vector<std::string>& row = page_.emplace_back();
    for (size_t c = 0; c < cells.size(); ++c) {
      const CellType type = cells[c].type;
      if (pages_ == 0 && type != CellType::kNull) {
        any_value_[c] = true;
        if (type != CellType::kInteger && type != CellType::kFloat) numeric_[c] = false;
      }
      row.push_back(TableCell(CellText(cells[c])));
    }
    ++rows_;
    if (page_.size() == page_rows_) WritePage();
  }

  void RowsCut(int64_t max_rows) override { cut_at_ = max_rows; }

  void EndResult() override {
    if (!page_.empty() || pages_ == 0) WritePage();
    out_ << '(' << rows_ << (rows_ == 1 ? " row" : " rows");
    if (cut_at_ > 0) out_ << "; more not shown: --max-rows " << cut_at_;
    out_ << ")\n";
  }

 private:
  // Prints the held rows, after the header when it is the first page or a column widened.
  void WritePage() {
    bool widened = false;
    for (const std::vector<std::string>& row : page_) {
      for (size_t c = 0; c < row.size(); ++c) {
        const size_t width = CodePoints(row[c]);
        if (width > widths_[c]) {
          widths_[c] = width;
          widened = true;
        }
      }
    }
    if (pages_++ == 0 || widened) {
      std::string separator;
      for (size_t c = 0; c < widths_.size(); ++c) {
        if (c > 0) separator += "  ";
        separator += std::string(widths_[c], '-');
      }
      WriteCells(header_);
      WriteLine(separator);
    }
    for (const std::vector<std::string>& row : page_) WriteCells(row);
    page_.clear();
    out_.flush();
  }

  void WriteCells(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) line += "  ";
      PadTo(line, cells[c], widths_[c], numeric_[c] && any_value_[c]);
    }
    WriteLine(std::move(line));
  }

  void WriteLine(std::string line) {
    line.erase(line.find_last_not_of(' ') + 1);
    out_ << line << '\n';
  }

  std::ostream& out_;
  const size_t page_rows_;
  int results_ = 0;
  std::vector<std::string> header_;
  std::vector<size_t> widths_;  // in code points
  std::vector<bool> numeric_;
  std::vector<bool> any_value_;
  std::vector<std::vector<std::string>> page_;  // rows not printed yet
  int64_t rows_ = 0;
  int64_t cut_at_ = 0;  // the --max-rows that cut this result, 0 when none did
  int pages_ = 0;
};

}  // namespace

std::unique_ptr<RowSink> MakeTableWriter(std::ostream& out, size_t page_rows) {
  return std::make_unique<TableWriter>(out, page_rows);
}

}  // namespace newsfacts
