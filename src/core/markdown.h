// One place that knows how the digests' markdown is parsed: cmark-gfm with the extensions GitHub
// renders these files with (tables, bare-URL autolinks, strikethrough, tag filter). The digest
// parser and the summary renderer both call it, so a summary reads the same in both.
#pragma once

#include <string_view>

struct cmark_node;

namespace dv {

// Parses `text` (valid UTF-8) into a document the caller owns and frees with cmark_node_free.
// `options` are CMARK_OPT_* flags. Null only if cmark runs out of memory. Thread-safe.
cmark_node* parse_markdown(std::string_view text, int options);

// Node kinds the extensions add (their type numbers are assigned at registration, so they are
// compared here rather than in switch statements).
bool is_table(cmark_node* n);
bool is_table_row(cmark_node* n);
bool is_table_cell(cmark_node* n);
bool is_strikethrough(cmark_node* n);

}  // namespace dv
