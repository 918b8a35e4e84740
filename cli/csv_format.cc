// The CSV query format: a header row, then each row as it is read (RFC 4180 quoting, LF).
#include "cli/cell_text.h"
#include "cli/query_format.h"

namespace newsfacts {
namespace {

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

// Prints each result set as CSV, a blank line before every one but the first.
class CsvWriter : public RowSink {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  void BeginResult(const std::vector<std::string>& columns) override {
    if (results_++ > 0) out_ << '\n';
    for (size_t c = 0; c < columns.size(); ++c) {
      out_ << (c > 0 ? "," : "") << CsvField(columns[c]);
    }
    out_ << '\n';
  }

  void Row(const std::vector<Cell>& cells) override {
    for (size_t c = 0; c < cells.size(); ++c) {
      out_ << (c > 0 ? "," : "") << CsvField(CellText(cells[c]));
    }
    out_ << '\n';
  }

  void EndResult() override {}

 private:
  std::ostream& out_;
  int results_ = 0;
};

}  // namespace

std::unique_ptr<RowSink> MakeCsvWriter(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}

}  // namespace newsfacts
