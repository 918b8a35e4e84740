// The text of one query result cell, shared by the table, CSV and JSON query formats.
#pragma once

#include <string>

#include "db/query.h"

namespace newsfacts {

// Returns `value` as the shortest text that reads back as it, with ".0" added when that
// text would look like an integer, so reals stay visibly real ("2.0", "1e+301").
std::string RealText(double value);

// Returns `cell` as plain text: NULL is empty, integers in decimal, reals by RealText,
// blobs as lowercase hex, text as is.
std::string CellText(const Cell& cell);

}  // namespace newsfacts
