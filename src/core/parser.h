// The digest parser: bytes in, papers and diagnostics out. Walks cmark's AST (no regex over the
// markdown). Never throws, never prints; any bytes at all give a result.
#pragma once

#include <cstddef>
#include <string_view>

#include "model.h"

namespace dv {

// source_name is used for diagnostics and, when the file has no dated "## ... (YYYY-MM-DD)"
// section, for the date (see date_from_path). Papers come in file order.
ParseResult parse(std::string_view bytes, std::string_view source_name);

namespace parse_detail {
// A markdown file bigger than this is read in pieces of about this size (parser.cpp,
// read_in_pieces), with the same result as read whole but a fraction of the memory.
constexpr size_t kPieceBytes = size_t(1) << 20;
// parse() with another piece size: for the tests and the fuzz target that compare the readings.
// *pieces (if given): how many pieces the file was read in, 1 if whole (or not markdown).
ParseResult parse_in_pieces(std::string_view bytes, std::string_view source_name, size_t piece_bytes,
                            size_t* pieces = nullptr);
}  // namespace parse_detail

// Extracts the arXiv id from an arxiv.org/abs|pdf/ID or (huggingface.co)/papers/ID link, version
// suffix and ".pdf" removed. Empty if the url has none.
std::string arxiv_id_from_url(std::string_view url);
// True for a new-style arXiv id without version: "YYMM.NNNN" or "YYMM.NNNNN" with MM a month.
// The one rule for ids, wherever they are read (links, text, JSON).
bool is_arxiv_new_id(std::string_view s);

// Authors from the text after "Authors:": a comma list or a Python list literal
// (['A', 'B'], quotes possibly unbalanced). Trimmed, '+' placeholders dropped, repeats kept once.
std::vector<std::string> split_authors(std::string_view s);

}  // namespace dv
