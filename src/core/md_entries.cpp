// Finding the entries of a markdown digest (md_doc.h, pass 1): the smallest structures that each
// carry one paper, judged by the arXiv ids and field labels in them, never by one producer's
// wording. Heading sections come first: of the heading levels present, the one whose sections
// most often carry exactly one paper (or, with no ids at all, a paper's fields) is the entry
// level; deeper headings are part of a paper's summary. Outside those sections, table rows,
// <details> blocks and list items that carry a paper are entries too.
#include <algorithm>
#include <cstring>
#include <optional>

#include "date.h"
#include "markdown.h"
#include "md_doc.h"
#include "parse_fields.h"
#include "parser.h"
#include "text.h"

namespace dv::md {

using namespace parse_detail;

namespace {

// Per top-level block, what pass 1 needs.
struct BlockInfo {
    cmark_node* node;
    int level = 0;             // heading level, 0 = not a heading
    IdSet ids;
    IdSet field_ids;           // named by "arXiv ID:" field lines
    int labels = 0;
    bool link_heading = false;
    bool links_to_paper = false;  // a link heading whose destination has an arXiv id
    bool excluded = false;
    bool dated = false;        // a heading whose text holds a date
    bool under_date = false;   // a heading below (after, shallower than it) a dated heading
};

// A heading's section (up to the next heading of its level or shallower): what its blocks hold,
// and its heading's flags.
struct Section {
    IdSet ids;
    IdSet field_ids;
    int labels = 0;
    bool excluded = false, link_heading = false, links_to_paper = false, under_date = false;

    explicit Section(const BlockInfo& h)
        : excluded(h.excluded), link_heading(h.link_heading), links_to_paper(h.links_to_paper), under_date(h.under_date) {}
    void add(const BlockInfo& b) {
        ids.merge(b.ids);
        field_ids.merge(b.field_ids);
        labels += b.labels;
    }
};

bool carries_paper(const Section& s) {
    if (s.excluded) return false;
    return s.ids.distinct >= 1 || s.labels >= 2 || s.link_heading;
}

// A section that carries one paper: one id in it, or a heading that is a link to one paper (the
// other ids, in its body or in the link's own text, are then mentions: related work, a link
// pasted into the abstract, a title naming the paper it improves on), or no id but a paper's
// shape. The heading's own link decides because a paper's summary or title may name other
// papers: the export of a single such paper, read back, must still be one heading section
// (found by tests/fuzz: otherwise no level scored and the body's list item became the paper, or,
// with the other id in the title, the file read back as no paper at all). An "arXiv ID:" field
// naming one id decides the same way: it says which paper the section is (the export writes it
// for a paper whose heading links elsewhere).
bool one_paper(const Section& s) {
    if (s.excluded) return false;
    if (s.ids.distinct == 1 || s.links_to_paper || s.field_ids.distinct == 1) return true;
    // Under a day's heading one field line is a paper's shape: the export writes a paper with
    // neither id nor fields (a section a dated file lists all the same) as "### Title" and
    // "Vote: -", and alone in its file it must still read back (found by tests/fuzz).
    return s.ids.distinct == 0 && (carries_paper(s) || (s.under_date && s.labels >= 1));
}

// The entry level: the heading level whose sections most often carry one paper; ties go to the
// deeper level (a one-paper day has its day section and its paper section tie). 0 = none. Fed
// the top-level blocks in order, so a document read in pieces is scored as one; with it, whether
// headings other than the entry level's carry dates (the papers are then listed under them).
struct LevelChoice {
    int score[7] = {};
    std::optional<Section> open[7];  // per level: its section still open
    unsigned dated_levels = 0;     // bit k: a level-k heading holds a date

    void add(const BlockInfo& b) {
        if (b.level) {
            for (int L = b.level; L <= 6; ++L) close(L);
            open[b.level].emplace(b);
            if (b.dated) dated_levels |= 1u << b.level;
        }
        for (int L = 1; L <= 6; ++L)
            if (open[L]) open[L]->add(b);
    }
    void close(int L) {
        if (open[L] && one_paper(*open[L])) ++score[L];
        open[L].reset();
    }
    // After the last block.
    int level() {
        for (int L = 1; L <= 6; ++L) close(L);
        int best = 0, best_score = 0;
        for (int L = 1; L <= 6; ++L)
            if (score[L] > 0 && score[L] >= best_score) {
                best = L;
                best_score = score[L];
            }
        return best;
    }
    bool headings_carry_dates(int L) const { return (dated_levels & ~(1u << L) & ~1u) != 0; }
};

// The date in force below the headings seen so far (date_at[k] for level k).
DateCtx context_date(const DateCtx* date_at, int below_level) {
    for (int k = below_level - 1; k >= 1; --k)
        if (date_at[k].set()) return date_at[k];
    return {};
}

bool only_first_cell(cmark_node* row) {
    cmark_node* c = cmark_node_first_child(row);
    if (!c || !cmark_node_first_child(c)) return false;
    for (c = cmark_node_next(c); c; c = cmark_node_next(c))
        if (cmark_node_first_child(c)) return false;
    IdSet ids;
    collect_ids(row, ids);
    return ids.distinct == 0;
}

struct Finder {
    const SourceText& src;
    Found& out;
    int* counts;  // per EntryKind, over the whole document

    void add(Entry e) {
        ++counts[int(e.kind)];
        out.entries.push_back(std::move(e));
    }

    void table(cmark_node* t, DateCtx date) {
        cmark_node* header = cmark_node_first_child(t);
        if (!header) return;
        if (out.tables.size() == out.tables.capacity()) return;  // pointers into it must stay valid
        out.tables.emplace_back();
        TableColumns& cols = out.tables.back();
        bool any_title = false, any_link = false;
        for (cmark_node* c = cmark_node_first_child(header); c; c = cmark_node_next(c)) {
            std::string name;
            flatten_children(c, name);
            FieldRole role = field_role(name);
            any_title |= role == FieldRole::Title;
            any_link |= role == FieldRole::Links;
            cols.roles.push_back(uint8_t(role));
            // A column's name labels its cells, and a label names a field, never a paper: a name
            // that reads as a paper's link or mention ("arxiv.org/pdf/2406.00001") is none, else
            // the label, written out and read back as text, named that paper (found by tests/fuzz).
            cols.names.emplace_back(parse_detail::text_names_paper(name) ? std::string_view() : trim(name));
        }
        if (any_title && !cmark_node_next(header)) ++out.empty_tables;
        for (cmark_node* row = cmark_node_next(header); row; row = cmark_node_next(row)) {
            // A row whose only text is in its first cell, followed by another row, is a hard
            // wrap inside that cell (a title written over two lines): it joins the next row.
            if (cmark_node_next(row) && only_first_cell(row)) continue;
            IdSet ids;
            collect_ids(row, ids);
            bool titled = false;
            if (any_title) {
                size_t k = 0;
                for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c), ++k) {
                    if (k < cols.roles.size() && cols.roles[k] == uint8_t(FieldRole::Title)) {
                        std::string v;
                        flatten_children(c, v);
                        titled = !trim(v).empty();
                    }
                }
            }
            if (ids.distinct == 0 && !(titled && (any_link || cols.roles.size() >= 3))) continue;
            Entry e;
            e.kind = EntryKind::TableRow;
            e.head = row;
            for (cmark_node* p = cmark_node_previous(row); p && p != header && only_first_cell(p); p = cmark_node_previous(p))
                e.first = p;  // the wrapped start of this row's first cell
            e.columns = &cols;
            e.date = date;
            if (ids.distinct) e.first_id = ids.ids[0];
            add(std::move(e));
        }
    }

    void list(cmark_node* l, DateCtx date, int depth) {
        if (depth > 8) return;
        for (cmark_node* item = cmark_node_first_child(l); item; item = cmark_node_next(item)) {
            IdSet ids;
            collect_ids(item, ids);
            if (ids.distinct == 0) continue;
            if (ids.distinct > 1) {
                // An item naming several papers carries no one paper: its nested items may.
                for (cmark_node* b = cmark_node_first_child(item); b; b = cmark_node_next(b))
                    if (cmark_node_get_type(b) == CMARK_NODE_LIST) list(b, date, depth + 1);
                continue;
            }
            Entry e;
            e.kind = EntryKind::ListItem;
            e.head = item;
            e.date = date;
            if (ids.distinct) e.first_id = ids.ids[0];
            add(std::move(e));
        }
    }
};

}  // namespace


namespace {

}  // namespace

// What pass 1 carries from one top-level block to the next, so a document read in pieces is
// walked as one (md_doc.h, FindState).
struct FindState::Impl {
    int L = 0;                   // the entry level (LevelChoice), 0 = no heading sections
    bool dated_file = false;     // headings above the papers carry dates
    DateCtx date_at[7];          // per heading level, the date of the last heading seen
    bool first_heading = true;
    bool paren_dated = false, saw_paren = false;  // "### [T](url)" under "## … (YYYY-MM-DD)": l-yohai
    int excluded_level = 0;      // inside the section of an excluded heading of this level
    bool dated_at[7] = {};       // block_infos: per level, whether its last heading has a date
    int counts[4] = {};          // entries per EntryKind
    // The checks at the end of a document read in pieces.
    LevelChoice choice;          // the whole document's entry level and dating
    int deepest_cut = 0;         // the deepest heading a later piece starts with
    bool crossed = false;        // a <details> block ran to a piece's end with more to come
};

FindState::FindState() : impl(new Impl) {}
FindState::~FindState() = default;

namespace {

// Pass 1's walk over the top-level blocks, with the headings' dates in force.
struct Walk {
    std::vector<BlockInfo>& blocks;
    Finder& f;
    Found& out;
    FindState::Impl& c;
    bool more = false;           // more pieces of the document follow these blocks

    // A paper section: from the level-L heading at i to the next heading of level <= L.
    size_t section(size_t i) {
        size_t j = i + 1;
        while (j < blocks.size() && !(blocks[j].level && blocks[j].level <= c.L)) ++j;
        Section s(blocks[i]);
        for (size_t k = i; k < j; ++k) s.add(blocks[k]);
        c.first_heading = false;
        // Under a dated heading (a day's listing) every section of the entry level is a paper,
        // even one with neither link nor fields.
        const DateCtx ctx = context_date(c.date_at, c.L);
        if (!c.excluded_level && !blocks[i].excluded && (c.dated_file ? ctx.set() : carries_paper(s))) {
            if (!blocks[i].link_heading) c.paren_dated = false;
            Entry e;
            e.kind = EntryKind::Section;
            e.head = blocks[i].node;
            e.first = cmark_node_next(e.head);
            e.end = j < blocks.size() ? blocks[j].node : nullptr;
            e.date = ctx;
            if (s.ids.distinct) e.first_id = s.ids.ids[0];
            f.add(std::move(e));
        }
        return j;
    }

    // Any other heading: the date it puts in force for what follows.
    void heading(size_t i) {
        cmark_node* n = blocks[i].node;
        const int level = blocks[i].level;
        const std::string text = heading_text(n);
        DateCtx d;
        bool valid = false;
        int32_t v;
        if (find_date(text, v, valid)) {
            d.invalid = !valid;
            if (valid) d.date = v;
            else out.invalid_date_lines.push_back(uint32_t(cmark_node_get_start_line(n)));
        }
        if (level == 2) {
            int32_t hd;
            bool hv;
            if (heading_date(text, hd, hv)) c.saw_paren = true;
            else if (d.set()) c.paren_dated = false;
        }
        if (c.first_heading) {
            out.first_heading_date = d;
            c.first_heading = false;
        }
        c.date_at[level] = d;
        for (int k = level + 1; k <= 6; ++k) c.date_at[k] = {};
        if (blocks[i].excluded) c.excluded_level = level;
    }

    // A <details> block: from the html block at i to the one that closes it. Returns the next block.
    size_t details(size_t i, DateCtx date) {
        size_t j = i;
        while (j < blocks.size() && !html_contains_ci(blocks[j].node, "</details")) ++j;
        if (j == blocks.size() && more) c.crossed = true;  // it would have gone on into the next piece
        const size_t end = std::min(j + 1, blocks.size());
        IdSet ids;
        for (size_t k = i; k < end; ++k) ids.merge(blocks[k].ids);
        Entry e;
        e.kind = EntryKind::Details;
        e.head = blocks[i].node;
        e.first = cmark_node_next(e.head);
        e.end = j < blocks.size() ? blocks[j].node : nullptr;
        if (j == i) e.first = e.end = nullptr;  // opened and closed in one html block
        e.date = date;
        e.details_summary = details_summary(literal(e.head));
        if (ids.distinct) e.first_id = ids.ids[0];
        if (ids.distinct >= 1 || (!e.details_summary.empty() && end - i > 2)) f.add(std::move(e));
        return end;
    }

    void run() {
        for (size_t i = 0; i < blocks.size();) {
            cmark_node* n = blocks[i].node;
            const int level = blocks[i].level;
            if (level) {
                if (c.excluded_level && level <= c.excluded_level) c.excluded_level = 0;
                if (level == c.L) {
                    i = section(i);
                } else {
                    heading(i);
                    ++i;
                }
                continue;
            }
            const cmark_node_type ty = cmark_node_get_type(n);
            const DateCtx date = context_date(c.date_at, 7);
            const bool listed_here = !c.excluded_level && (!c.dated_file || date.set());
            if (ty == CMARK_NODE_PARAGRAPH) {
                if (out.updated_date == kNoDate) updated_line_date(n, out.updated_date);
            } else if (listed_here && is_table(n)) {
                f.table(n, date);
            } else if (listed_here && ty == CMARK_NODE_LIST) {
                f.list(n, date, 0);
            } else if (listed_here && html_starts(n, "<details")) {
                i = details(i, date);
                continue;
            }
            ++i;
        }
    }
};

// dated_at: per heading level, whether the last heading of that level (in earlier pieces too) has
// a date.
std::vector<BlockInfo> block_infos(cmark_node* doc, size_t& n_tables, bool* dated_at) {
    std::vector<BlockInfo> blocks;
    n_tables = 0;
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        BlockInfo b;
        b.node = n;
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            b.level = cmark_node_get_heading_level(n);
            b.link_heading = heading_is_link(n);
            b.links_to_paper = b.link_heading && !arxiv_id_from_url(cmark_node_get_url(cmark_node_first_child(n))).empty();
            const std::string text = heading_text(n);
            // A heading that links to a paper is that paper whatever its title says ("Skipped
            // Connections ..."; found by tests/fuzz): only a section heading lists exclusions.
            b.excluded = !b.links_to_paper && excluded_heading(text);
            int32_t v;
            bool valid;
            b.dated = find_date(text, v, valid);
            for (int k = 1; k < b.level; ++k) b.under_date = b.under_date || dated_at[k];
            dated_at[b.level] = b.dated;
            for (int k = b.level + 1; k <= 6; ++k) dated_at[k] = false;
        }
        n_tables += is_table(n);
        collect_ids(n, b.ids);
        b.labels = count_field_labels(n, b.level ? nullptr : &b.field_ids);
        blocks.push_back(std::move(b));
    }
    // A heading whose text says "excluded" but that has its own paper's fields right under it
    // (a paragraph's "Vote:", "Authors:", before any list, table or heading) is that paper's
    // heading ("### Rejected Papers Teach ...", no link to make it one: found by tests/fuzz), not
    // a section listing the papers a producer left out.
    for (size_t i = 0; i < blocks.size(); ++i) {
        if (!blocks[i].excluded) continue;
        for (size_t k = i + 1; k < blocks.size() && cmark_node_get_type(blocks[k].node) == CMARK_NODE_PARAGRAPH; ++k)
            if (blocks[k].labels > 0) {
                blocks[i].excluded = false;
                break;
            }
    }
    return blocks;
}

const char* format_name(const FindState::Impl& c) {
    int best = 0;
    for (int k = 1; k < 4; ++k)
        if (c.counts[k] > c.counts[best]) best = k;
    static const char* const kNames[4] = {"heading-sections", "table", "details", "list"};
    return best == 0 && c.paren_dated && c.saw_paren ? "daily-papers-ko" : kNames[best];
}

}  // namespace

void find_entries_piece(cmark_node* doc, const SourceText& src, Found& out, FindState& st, bool first, bool more,
                        const EntryChoice* given) {
    FindState::Impl& c = *st.impl;
    size_t n_tables = 0;
    std::vector<BlockInfo> blocks = block_infos(doc, n_tables, c.dated_at);
    out.tables.reserve(n_tables);  // entries point into it
    for (const BlockInfo& b : blocks) c.choice.add(b);
    if (first) {
        // The whole document's choices: given, or this piece's (all of it unless more follow;
        // find_entries_done then checks them against the whole).
        if (given) {
            c.L = given->level;
            c.dated_file = given->dated;
        } else {
            LevelChoice piece = c.choice;
            c.L = piece.level();
            c.dated_file = piece.headings_carry_dates(c.L);
        }
        c.paren_dated = c.L == 3;
    } else if (!blocks.empty()) {
        c.deepest_cut = std::max(c.deepest_cut, blocks[0].level ? blocks[0].level : 7);
    }
    Finder f{src, out, c.counts};
    Walk w{blocks, f, out, c, more};
    w.run();
}

bool find_entries_done(FindState& st, bool any_entries, std::string& format, EntryChoice& whole, bool& only_choice) {
    FindState::Impl& c = *st.impl;
    whole.level = c.choice.level();
    whole.dated = c.choice.headings_carry_dates(whole.level);
    const bool same_choice = whole == EntryChoice{c.L, c.dated_file};
    const bool cuts_fit = !c.crossed && (whole.level == 0 || c.deepest_cut <= whole.level);
    only_choice = !same_choice && cuts_fit;
    if (any_entries) format = format_name(c);
    return same_choice && cuts_fit;
}

void find_entries(cmark_node* doc, const SourceText& src, Found& out) {
    FindState st;
    find_entries_piece(doc, src, out, st, true, false);
    EntryChoice whole;
    bool only_choice;
    find_entries_done(st, !out.entries.empty(), out.format, whole, only_choice);
}

}  // namespace dv::md
