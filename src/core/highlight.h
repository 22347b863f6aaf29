// Why a paper matched: the byte spans of a field that a query's text terms match, and a short
// snippet around a match. Pure functions, no ImGui: the UI draws the spans (panel_papers.cpp,
// panel_detail.cpp, rich_text.cpp) and tests check them against entry_matches.
//
// The matching is the query's own: every span comes from find_folded (text.h), the function
// behind contains_folded, which run_query uses. So Latin is case-insensitive by the same folding,
// Hangul matches as typed and a phrase is one needle ("world model"), matched whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query.h"

namespace dv {

// Bytes [begin, end) of one text.
struct Span {
    uint32_t begin = 0, end = 0;
};

// True if a term applies to text of field `where`: the term is unscoped (Field::Any matches every
// searchable field) or scoped to that field. Negated terms never apply (nothing to show).
// `where` = Field::Any is text only unscoped terms reach (the arXiv id).
bool term_applies(const TextTerm& t, Field where);

// Appends every non-overlapping match of the folded needle in text, left to right (the first
// match, then the first after it...), as spans of text. Nothing for an empty needle.
void needle_spans(std::string_view text, std::string_view folded_needle, std::vector<Span>& out);

// The spans of text (of field `where`) matched by the applicable terms of q, sorted and merged
// (overlapping spans of different terms become one; touching ones stay apart).
std::vector<Span> match_spans(const Query& q, Field where, std::string_view text);

// Which fields of an entry (any of its listings) the applicable terms match, as bits.
enum MatchWhere : uint8_t { MatchId = 1, MatchTitle = 2, MatchAuthor = 4, MatchSummary = 8, MatchLabel = 16 };
uint8_t match_where(const Library& lib, uint32_t entry, const Query& q);

// One line of text around a match: up to `before` code points before it and `after` after it
// (a narrow column wants little before, so the match stays in view), cut at code point boundaries, with "…" where text was cut on either side. Line breaks and tabs become
// spaces. `mark` is the match's place in `text` (the returned string).
struct Snippet {
    std::string text;
    Span mark;
};
Snippet make_snippet(std::string_view text, Span match, int before, int after);

// The snippet around the first summary match of an entry, as the reader sees the summary: each
// item's text rendered (inline_runs, markup dropped) and searched with match_spans, the shown
// record first, then the entry's other listings. Falls back to the markdown source when a match
// lies only in markup. Empty text if no summary item matches.
Snippet summary_snippet(const Library& lib, uint32_t entry, const Query& q, int before, int after);

// The start of a paper's summary as one line: its first item with text, rendered (markup
// dropped, no label), line breaks as spaces, at most max_code_points (then "…"). "" if none. The
// list's "title + summary" rows show it, in whatever language the summary is written.
std::string summary_first_line(const Paper& p, int max_code_points);

// The snippet a row of the papers list shows under its title: only when the entry matched in its
// summary and nowhere the row shows (title, authors, id), since then nothing in the row says why
// it is there. kRowSnippetBefore/After code points around the first match (a narrow column
// wants little before it). Empty text otherwise. The UI and `digest-cli query --why` both call it.
constexpr int kRowSnippetBefore = 8, kRowSnippetAfter = 80;
// `where` is match_where(lib, entry, q), which every caller has at hand already.
Snippet row_snippet(const Library& lib, uint32_t entry, const Query& q, uint8_t where);

// The plain text of a summary item as rendered (the TextRun texts back to back): the text the
// detail pane's highlight spans index.
std::string rendered_text(std::string_view markdown);
struct TextRun;  // inline_markdown.h
std::string runs_text(const std::vector<TextRun>& runs);

}  // namespace dv
