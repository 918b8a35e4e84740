// The table query format: columns aligned under a header and a dashed line, then "(N rows)".
// A result set's rows are held until its end, since the widest cell sizes each column.
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

// Prints each result set as aligned columns; numeric columns (every value an integer or a
// real, and at least one value) are right-aligned.
class TableWriter : public RowSink {
 public:
  explicit TableWriter(std::ostream& out) : out_(out) {}

  void BeginResult(const std::vector<std::string>& columns) override {
    if (results_++ > 0) out_ << '\n';
    header_.clear();
    widths_.clear();
    rows_.clear();
    for (const std::string& column : columns) {
      header_.push_back(TableCell(column));
      widths_.push_back(CodePoints(header_.back()));
    }
    numeric_.assign(columns.size(), true);
    any_value_.assign(columns.size(), false);
  }

  void Row(const std::vector<Cell>& cells) override {
    std::vector<std::string>& row = rows_.emplace_back();
    for (size_t c = 0; c < cells.size(); ++c) {
      const CellType type = cells[c].type;
      if (type != CellType::kNull) {
        any_value_[c] = true;
        if (type != CellType::kInteger && type != CellType::kFloat) numeric_[c] = false;
      }
      row.push_back(TableCell(CellText(cells[c])));
      widths_[c] = std::max(widths_[c], CodePoints(row.back()));
    }
  }

  void EndResult() override {
    std::string separator;
    for (size_t c = 0; c < widths_.size(); ++c) {
      if (c > 0) separator += "  ";
      separator += std::string(widths_[c], '-');
    }
    WriteCells(header_);
    WriteLine(separator);
    for (const std::vector<std::string>& row : rows_) WriteCells(row);
    out_ << '(' << rows_.size() << (rows_.size() == 1 ? " row)" : " rows)") << '\n';
  }

 private:
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
  int results_ = 0;
  std::vector<std::string> header_;
  std::vector<size_t> widths_;  // in code points
  std::vector<bool> numeric_;
  std::vector<bool> any_value_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::unique_ptr<RowSink> MakeTableWriter(std::ostream& out) {
  return std::make_unique<TableWriter>(out);
}

}  // namespace newsfacts
