// MakeQueryWriter: the query output format's RowSink.
#include "cli/query_format.h"

namespace newsfacts {

std::unique_ptr<RowSink> MakeQueryWriter(QueryFormat format, std::ostream& out) {
  switch (format) {
    case QueryFormat::kTable:
      return MakeTableWriter(out);
    case QueryFormat::kCsv:
      return MakeCsvWriter(out);
    case QueryFormat::kJson:
      return MakeJsonWriter(out);
  }
  return MakeJsonWriter(out);
}

}  // namespace newsfacts
