// Private to the markdown parser (parser.cpp, md_entries.cpp, md_read.cpp): the document being
// read and the entries found in it. Everything here points into one cmark document and one source
// text, both owned by parse() and valid only during it.
//
// The reading is in two passes over cmark-gfm's AST:
//   1. find_entries(): which structures carry one paper each (heading sections at the level whose
//      sections each carry one paper, table rows, <details> blocks, list items), judged by the
//      arXiv ids and field labels found in them; and the listing date in force for each.
//   2. read_entry(): one entry's blocks into a PaperDraft (title, id, votes, authors, summary).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cmark-gfm.h"
#include "model.h"
#include "paper_builder.h"
#include "text.h"

namespace dv::md {

// The sanitized source and its line starts, for slicing blocks by their source positions.
struct SourceText {
    std::string_view text;
    std::vector<size_t> line_starts;

    explicit SourceText(std::string_view t);
    std::string_view line(int ln) const;  // 1-based, without the '\n'
    // A paragraph's markdown: first line from its start column, later lines without their
    // indentation unless they need it to stay the paragraph's (append_paragraph_line), trailing
    // spaces trimmed.
    void paragraph_source(cmark_node* para, std::string& out) const;
    // append_paragraph_line's parses left for this file (markdown.h).
    mutable unsigned block_checks_left = 4096;
    // Any other block (code, quote, heading): its lines, later ones losing at most the first
    // line's indentation.
    void block_source(cmark_node* b, std::string& out) const;
};

// A line from its 1-based column (cmark's positions). Lines are trimmed with text.h's
// ltrim_spaces / rtrim_spaces.
inline std::string_view from_column(std::string_view l, int col) {
    size_t c = col > 1 ? static_cast<size_t>(col - 1) : 0;
    return c < l.size() ? l.substr(c) : std::string_view();
}

std::string_view literal(cmark_node* n);
// The plain text of a node and its subtree (text, code, html literals; breaks give a space).
// Iterative, so deeply nested emphasis cannot overflow the stack.
void flatten_node(cmark_node* node, std::string& out);
void flatten_children(cmark_node* parent, std::string& out);

// Diagnostics with a per-file cap (the rest are counted and reported in one line).
struct Diags {
    ParseResult* r = nullptr;
    size_t shown = 0, suppressed = 0;
    uint32_t line_base = 0;  // added to every line but 0 (the file): a piece's lines start after it
    void add(uint32_t line, Severity sev, std::string msg);
};

// A listing date in force: a day, none, or a heading whose date is not a real day (its papers
// then have no date, and it was said once).
struct DateCtx {
    int32_t date = kNoDate;
    bool invalid = false;
    bool set() const { return date != kNoDate || invalid; }
};

enum class EntryKind : uint8_t { Section, TableRow, Details, ListItem };

// Column roles of a table (header text → FieldRole as int, and the header text itself).
struct TableColumns {
    std::vector<uint8_t> roles;
    std::vector<std::string> names;
};

struct Entry {
    EntryKind kind = EntryKind::Section;
    cmark_node* head = nullptr;     // the heading, the row, the <details> html block, the item
    cmark_node* first = nullptr;    // Section/Details: first content block (siblings up to `end`);
                                    // TableRow: the first of the rows that hard-wrap into this one
    cmark_node* end = nullptr;      // exclusive; null = up to the parent's end
    const TableColumns* columns = nullptr;  // TableRow only
    DateCtx date;                   // from the headings above it; unset = the file's date
    std::string details_summary;    // Details: the <summary> text, tags stripped
    std::string first_id;           // the first arXiv id anywhere in the entry, "" if none
};

struct Found {
    std::vector<Entry> entries;
    std::vector<TableColumns> tables;  // owned here; entries point in (reserved, never moves)
    std::string format;                // "daily-papers-ko", "heading-sections", "table", ...
    DateCtx first_heading_date;        // the first heading's date, if it has one
    int32_t updated_date = kNoDate;    // a "Last updated: <date>" line's date
    std::vector<uint32_t> invalid_date_lines;  // headings whose date is not a real day
    int empty_tables = 0;              // tables of papers (a Title column) with no rows: empty days
};

void find_entries(cmark_node* doc, const SourceText& src, Found& out);

// Pass 1 over a document parsed in pieces (parser.cpp cuts a big file before headings, so that
// one piece's AST at a time is alive): what the walk carries from piece to piece (the headings
// in force, the counts), owned by the caller for the whole document.
struct FindState {
    struct Impl;
    std::unique_ptr<Impl> impl;
    FindState();
    ~FindState();
};
// The choices pass 1 makes for a whole document: its entry level (0: none) and whether headings
// other than that level's carry dates (the papers are then listed under them).
struct EntryChoice {
    int level = 0;
    bool dated = false;
    bool operator==(const EntryChoice& o) const { return level == o.level && dated == o.dated; }
};
// One piece, its entries into `out` (pointing into this piece's AST). `first`: the first piece,
// which makes the choices for all: `given` if not null, else its own; `more`: more pieces follow.
void find_entries_piece(cmark_node* doc, const SourceText& src, Found& out, FindState& st, bool first, bool more,
                        const EntryChoice* given = nullptr);
// After the last piece: sets `format` (if there are entries) and `whole` (the whole document's
// choices), and says whether the pieces were read as the whole document would have been: its
// choices were the ones used, no later piece starts with a heading deeper than the entry level,
// and no <details> block ran on past a piece's end. If not, the caller reads it again, in pieces
// given `whole` when only the choices differed, else whole.
bool find_entries_done(FindState& st, bool any_entries, std::string& format, EntryChoice& whole, bool& only_choice);

// Reads one entry into d (d.date is left to the caller). Adds diagnostics through diags.
void read_entry(const Entry& e, const SourceText& src, Diags& diags, PaperDraft& d);

// Ids a subtree mentions (links, autolinks, "arXiv:" text, a heading that is an id), the first
// ones in order; at most kMaxIds distinct are kept, `distinct` counts up to kMaxIds + 1.
struct IdSet {
    static constexpr size_t kMaxIds = 3;
    std::string ids[kMaxIds];
    size_t distinct = 0;
    void add(std::string_view id);
    void merge(const IdSet& o) {
        for (size_t i = 0; i < o.distinct && i < kMaxIds; ++i) add(o.ids[i]);
        if (o.distinct > kMaxIds) distinct = kMaxIds + 1;
    }
};
// depth > 0: inside a markdown fence's text, whose own fences are code (as the reader reads them).
void collect_ids(cmark_node* n, IdSet& ids, int depth = 0);
// A fenced block whose info string says markdown ("```markdown", "```md"): a summary the reader
// reads as the paper's own blocks, not as code.
bool is_markdown_fence(cmark_node* n);
// How many lines of a paragraph start with a known field label (0 for other blocks).
// With field_ids, also adds the ids its "arXiv ID:" field lines name.
int count_field_labels(cmark_node* n, IdSet* field_ids = nullptr);

// Small judgements pass 1 makes about one node (md_scan.cpp).
std::string heading_text(cmark_node* h);               // flattened
bool excluded_heading(std::string_view text);          // "Excluded papers", "제외", "排除", ...
bool heading_is_link(cmark_node* h);                   // "### [Title](url)" and nothing else
bool updated_line_date(cmark_node* para, int32_t& date);  // "Last updated: <date>" and kin
std::string details_summary(std::string_view html);    // <summary> text, tags stripped, entities decoded
bool html_starts(cmark_node* n, std::string_view tag);    // an html block opening with `tag`
bool html_contains_ci(cmark_node* n, std::string_view needle);  // folded needle in an html block

}  // namespace dv::md
