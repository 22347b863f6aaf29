// Digest Viewer core: the data model.
// Plain structs shared by the parser, the library, queries, stats, export, the CLI and the UI.
// No GL, no ImGui, no Emscripten: everything here is tested natively.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dv {

// Dates are days since 1970-01-01 (proleptic Gregorian). kNoDate means "unknown".
constexpr int32_t kNoDate = INT32_MIN;
// Votes are absent before 2023-12-06 and written "Vote: -" later on: kNoVotes, never 0.
constexpr int32_t kNoVotes = -1;

// A string stored in its paper's text arena. 100k papers must fit in ~200 MB, and a std::string
// per field costs 32 bytes plus an allocation, so each paper keeps all its strings back to back in
// one buffer and fields are offsets into it. len == 0 with off == kNullOff means "null".
struct Str {
    uint32_t off = 0;
    uint32_t len = 0;
};
constexpr uint32_t kNullOff = UINT32_MAX;
inline bool is_null(Str s) { return s.off == kNullOff; }

// One summary entry: a list item (nested ones flattened, level 0 = top) or a stray paragraph.
// "- ***What's New***: text" gives label "What's New" and text "text"; unlabeled items have an
// empty label. text is markdown source (bold, code, links kept) for the UI to render.
struct SummaryItem {
    Str label;
    Str text;
    uint8_t level = 0;
};

// One "### [Title](url)" block as written in one file.
//
// Arena layout (see paper_builder.h): the searchable fields come first, each followed by '\n', so
// a plain-text search can scan [0, search_end) in one pass and a needle (which never holds '\n')
// cannot match across two fields: arxiv_id, title, authors..., then per summary item label, text.
// Non-searchable fields (url, thumbnail) follow search_end.
struct Paper {
    std::string text;
    uint32_t search_end = 0;
    Str arxiv_id;                  // "2406.02539" (no version); null if the link has none
    Str title;                     // inline markup flattened, never empty ("(untitled)" fallback)
    Str url;                       // absolute; null if the heading has no link
    Str thumbnail;                 // first image of the block; null if none
    std::vector<Str> authors;      // trimmed, '+' dropped, repeats kept once in first order
    std::vector<SummaryItem> summary;
    int32_t date = kNoDate;        // from the "## Daily Papers (YYYY-MM-DD)" section or the path
    int32_t votes = kNoVotes;
    uint32_t line = 0;             // 1-based line of the ### heading in its source
};

inline std::string_view get(const Paper& p, Str s) {
    if (is_null(s)) return {};
    return std::string_view(p.text.data() + s.off, s.len);
}
// The text every unscoped query word is matched against.
inline std::string_view searchable(const Paper& p) { return std::string_view(p.text.data(), p.search_end); }

enum class Severity : uint8_t { Info, Warning, Error };
const char* severity_name(Severity s);  // "info", "warning", "error"

// A message about one input, for the UI's diagnostics list and the CLI's JSON. Never printed by
// the core itself.
struct Diagnostic {
    std::string source;
    uint32_t line = 0;             // 1-based; 0 = the whole file
    Severity severity = Severity::Warning;
    std::string message;
};

struct ParseResult {
    std::string source;
    std::string format;            // the shape recognised: "daily-papers-ko", "hf-api-json", ...; "" = none
    int32_t date = kNoDate;        // the file's listing date, if it has one
    std::vector<Paper> papers;
    std::vector<Diagnostic> diagnostics;
};

}  // namespace dv
