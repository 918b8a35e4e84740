// The JSON query format: each result set as one array of objects on one line, streamed.
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/cell_text.h"
#include "cli/query_format.h"

namespace newsfacts {
namespace {

std::string JsonString(std::string_view text) {
  return nlohmann::json(std::string(text))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The cell as a JSON value: numbers as numbers (non-finite reals as null), NULL as null,
// text and hex blobs as strings.
std::string JsonValue(const Cell& cell) {
  switch (cell.type) {
    case CellType::kNull:
      return "null";
    case CellType::kInteger:
      return std::to_string(cell.integer);
    case CellType::kFloat:
      return std::isfinite(cell.real) ? RealText(cell.real) : "null";
    case CellType::kBlob:
    case CellType::kText:
      return JsonString(CellText(cell));
  }
  return "null";
}

// Prints `[{"column":value,...},...]` per result set, one set per line.
class JsonWriter : public RowSink {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void BeginResult(const std::vector<std::string>& columns) override {
    keys_.clear();
    for (const std::string& column : columns) keys_.push_back(JsonString(column));
    out_ << '[';
    first_row_ = true;
  }

  void Row(const std::vector<Cell>& cells) override {
    out_ << (first_row_ ? "{" : ",{");
    first_row_ = false;
    for (size_t c = 0; c < cells.size(); ++c) {
      out_ << (c > 0 ? "," : "") << keys_[c] << ':' << JsonValue(cells[c]);
    }
    out_ << '}';
  }

  void EndResult() override { out_ << "]\n"; }

 private:
  std::ostream& out_;
  std::vector<std::string> keys_;  // the column names as JSON strings
  bool first_row_ = true;
};

}  // namespace

std::unique_ptr<RowSink> MakeJsonWriter(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace newsfacts
