// Summary text is markdown source (bold, italic, code, links, bare URLs). The UI draws it as styled
// runs; this turns one item's text into those runs with cmark, so the viewer never guesses at
// markdown with string matching.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

enum RunStyle : uint8_t { RunBold = 1, RunItalic = 2, RunCode = 4, RunLink = 8 };

struct TextRun {
    std::string text;
    uint8_t style = 0;       // RunStyle bits
    std::string url;         // for RunLink (http/https/relative as written)
    bool newline = false;    // a hard break before this run
};

// Inline content only: block syntax at a line start ("1) ", "- ", "# ", "> ") is kept literally,
// since a summary line is one item's text, not a document. Bare http(s) URLs become links.
std::vector<TextRun> inline_runs(std::string_view markdown);

// The one rule for which links the viewer opens (web and native): an http:// or https:// URL
// (scheme in any case) with a non-empty host and no whitespace or control character (bytes
// <= 0x20 and 0x7f). web/shell.js's link check mirrors it.
bool is_web_url(std::string_view url);

}  // namespace dv
