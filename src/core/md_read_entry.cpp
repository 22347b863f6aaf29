// Reading each kind of entry (md_reader.h): a heading section, a table row (with the rows that
// hard-wrap into it), a <details> block, a list item; then the title, id and url rules every kind
// shares.
#include <cstring>

#include "date.h"
#include "markdown.h"
#include "md_reader.h"
#include "parse_fields.h"
#include "parser.h"
#include "text.h"

namespace dv::md {

using namespace parse_detail;

namespace {

// A title cell's text: links to the paper itself are not title words, and a parenthetical
// that held them ("(Read more on [arXiv](…) or [HuggingFace](…))") goes with them.
std::string cell_title(cmark_node* cell) {
    std::string t;
    for (cmark_node* c = cmark_node_first_child(cell); c; c = cmark_node_next(c)) {
        const char* u = cmark_node_get_type(c) == CMARK_NODE_LINK ? cmark_node_get_url(c) : nullptr;
        if (u && !arxiv_id_from_url(u).empty()) t.push_back('\x01');
        else flatten_node(c, t);
    }
    for (size_t at = t.find('\x01'); at != std::string::npos; at = t.find('\x01')) {
        size_t open = t.rfind('(', at), close = t.find(')', at);
        if (open != std::string::npos && close != std::string::npos && t.find(')', open) >= at)
            t.erase(open, close - open + 1);
        else
            t.erase(at, 1);
    }
    std::string out;
    for (char ch : t) {
        if ((ch == ' ' || ch == '\t' || ch == '\n') && (out.empty() || out.back() == ' ')) continue;
        out.push_back(ch == '\t' || ch == '\n' ? ' ' : ch);
    }
    return std::string(trim(out));
}

}  // namespace

void Reader::heading(cmark_node* h) {
    d_.line = static_cast<uint32_t>(cmark_node_get_start_line(h));
    cmark_node* link = nullptr;
    for (cmark_node* c = cmark_node_first_child(h); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_LINK) {
            link = c;
            break;
        }
    }
    flatten_children(h, d_.title);
    std::string_view url;
    if (link) {
        const char* u = cmark_node_get_url(link);
        url = u ? std::string_view(u, std::strlen(u)) : std::string_view();
    } else {
        // "[Title with [unbalanced bracket](url)" is not a link for cmark: split it by hand.
        std::string_view s = ltrim_spaces(from_column(src_.line(cmark_node_get_start_line(h)), cmark_node_get_start_column(h)));
        while (!s.empty() && s.front() == '#') s.remove_prefix(1);
        std::string_view t, u;
        if (literal_link(s, t, u)) {
            d_.title.assign(trim(t));
            url = u;
        }
    }
    std::string_view t = trim(d_.title);
    if (!link) {
        // Numbering and a vote marker belong to the list, not the title ("### 3. Title ⭐ 12").
        t = title_text(t);
    } else if (link != cmark_node_first_child(h)) {
        // "### 3. [Title](url)": numbering before the link belongs to the list too (only there:
        // "[2. Title](url)" is how the producer titled it). Else the title kept "3. ", and its
        // export, a heading without a link when the url is empty, read back without it (found
        // by tests/fuzz: heading_number_before_link.md).
        std::string before;
        for (cmark_node* c = cmark_node_first_child(h); c != link; c = cmark_node_next(c)) flatten_node(c, before);
        const std::string_view stripped = strip_title_decoration(t);
        const size_t cut = t.size() - stripped.size();
        if (cut && cut <= ltrim_spaces(before).size() && t.substr(cut) == stripped) t = stripped;
    }
    if (t.size() != d_.title.size()) d_.title = std::string(t);
    if (!url.empty()) {
        d_.url = resolve_url(url);
        d_.arxiv_id = arxiv_id_from_url(d_.url);
    }
    if (d_.arxiv_id.empty()) {
        std::string id = arxiv_id_in_text(d_.title);
        if (!id.empty()) d_.arxiv_id = id;  // "## 2505.04588": the title stays the id until a better one
    }
}

void Reader::table_row(cmark_node* row, cmark_node* wrapped_from, const TableColumns& cols) {
    d_.line = uint32_t(cmark_node_get_start_line(wrapped_from ? wrapped_from : row));
    // The start of a hard-wrapped first cell, from the rows before this one.
    std::string wrapped;
    for (cmark_node* r = wrapped_from; r && r != row; r = cmark_node_next(r)) {
        if (!wrapped.empty()) wrapped.push_back(' ');
        wrapped += cell_title(cmark_node_first_child(r));
    }
    size_t k = 0;
    for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c), ++k) {
        std::string flat;
        const FieldRole col_role = k < cols.roles.size() ? FieldRole(cols.roles[k]) : FieldRole::None;
        if (col_role == FieldRole::Title) flat = cell_title(c);
        else flatten_children(c, flat);
        if (k == 0 && !wrapped.empty()) flat = wrapped + " " + flat;
        std::string_view v = trim(flat);
        const FieldRole role = k < cols.roles.size() ? FieldRole(cols.roles[k]) : FieldRole::None;
        if (v.empty()) continue;
        switch (role) {
            case FieldRole::Title: {
                d_.title.assign(title_text(v));
                for (cmark_node* x = cmark_node_first_child(c); x; x = cmark_node_next(x))
                    if (cmark_node_get_type(x) == CMARK_NODE_LINK && d_.url.empty()) {
                        const char* u = cmark_node_get_url(x);
                        if (u && !arxiv_id_from_url(u).empty()) {
                            // The title cell's link names the paper, as a heading's does (a row
                            // kept the first id of its text, and its export's heading, linked to
                            // this URL, read back as the link's paper: found by tests/fuzz).
                            d_.url = resolve_url(u);
                            d_.arxiv_id = arxiv_id_from_url(d_.url);
                        }
                    }
                break;
            }
            case FieldRole::Authors: add_authors(v); break;
            case FieldRole::Votes: set_votes(v, int(d_.line)); break;
            case FieldRole::Links: break;
            case FieldRole::ArxivId: {
                std::string id = arxiv_id_in_text(v);
                if (!id.empty()) field_id_ = id;
                break;
            }
            case FieldRole::OriginalTitle: original_title_.assign(v); break;
            default: {
                std::string label = k < cols.names.size() ? std::string(clean_label(cols.names[k])) : std::string();
                // The cell's text is one line, now the first of an item's markdown text: escaped
                // where by itself it would start a block (a cell "-" read back from the export as
                // an empty list: found by tests/fuzz).
                std::string text;
                append_continued_first_line(text, v, src_.block_checks_left);
                add_item(std::move(label), std::move(text), 0);
                break;
            }
        }
    }
}

void Reader::list_entry(cmark_node* item) {
    d_.line = uint32_t(cmark_node_get_start_line(item));
    cmark_node* first = cmark_node_first_child(item);
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
        // The title: the link to the paper, else the first bold text, else the first line.
        for (cmark_node* c = cmark_node_first_child(first); c; c = cmark_node_next(c)) {
            const cmark_node_type ty = cmark_node_get_type(c);
            if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) break;
            if (ty == CMARK_NODE_LINK && d_.title.empty()) {
                const char* u = cmark_node_get_url(c);
                if (u && !arxiv_id_from_url(u).empty()) {
                    std::string t;
                    flatten_node(c, t);
                    d_.url = resolve_url(u);
                    // "[arXiv](…)", "[PDF](…)" name the link, not the paper.
                    if (field_role(t) != FieldRole::Links) d_.title = t;
                }
            }
        }
        if (d_.title.empty())
            for (cmark_node* c = cmark_node_first_child(first); c; c = cmark_node_next(c))
                if (cmark_node_get_type(c) == CMARK_NODE_STRONG) {
                    flatten_node(c, d_.title);
                    break;
                }
        if (d_.title.empty()) {
            std::string t;
            for (cmark_node* c = cmark_node_first_child(first); c; c = cmark_node_next(c)) {
                const cmark_node_type ty = cmark_node_get_type(c);
                if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) break;
                flatten_node(c, t);
            }
            d_.title = t;
        }
        int32_t votes;
        size_t at, end;
        std::string line1;
        for (cmark_node* c = cmark_node_first_child(first); c; c = cmark_node_next(c)) {
            const cmark_node_type ty = cmark_node_get_type(c);
            if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) break;
            flatten_node(c, line1);
        }
        if (vote_marker(line1, votes, at, end)) {
            d_.votes = votes;
            vote_seen_ = true;
        }
        d_.title.assign(strip_title_decoration(d_.title));
        paragraph(first, true);
        first = cmark_node_next(first);
    }
    for (cmark_node* b = first; b; b = cmark_node_next(b)) {
        if (cmark_node_get_type(b) == CMARK_NODE_LIST) list(b, 0);
        else block(b, 0);
    }
    flush_pending();
}

void Reader::read(const Entry& e) {
    switch (e.kind) {
        case EntryKind::Section:
            heading(e.head);
            blocks(e.first, e.end, 0);
            break;
        case EntryKind::Details: {
            d_.line = uint32_t(cmark_node_get_start_line(e.head));
            std::string_view t = e.details_summary;
            int32_t v;
            size_t at, end;
            if (vote_marker(t, v, at, end)) {
                d_.votes = v;
                vote_seen_ = true;
            }
            d_.title.assign(strip_title_decoration(t));
            if (e.first) blocks(e.first, e.end, 0);
            break;
        }
        case EntryKind::TableRow: table_row(e.head, e.first, *e.columns); break;
        case EntryKind::ListItem: list_entry(e.head); break;
    }
    // The title: an original title given beside a translated heading wins; the translation stays
    // as a labelled item.
    std::string_view ot = trim(original_title_);
    if (!ot.empty() && ot != trim(d_.title)) {
        if (!trim(d_.title).empty() && trim(d_.title) != d_.arxiv_id)
            d_.summary.insert(d_.summary.begin(), SummaryDraft{"Translated title", d_.title, 0});
        d_.title.assign(ot);
    }
    // The id: the heading's (or title cell's) link, an "arXiv ID:" field, else the first id pass 1 found in the
    // entry (a link in its body, a bare URL).
    if (d_.arxiv_id.empty()) d_.arxiv_id = field_id_;
    if (d_.arxiv_id.empty()) d_.arxiv_id = e.first_id;
    if (d_.url.empty() && !d_.arxiv_id.empty() && d_.arxiv_id.find('/') == std::string::npos)
        d_.url = "https://arxiv.org/abs/" + d_.arxiv_id;
    std::string_view tt = trim(d_.title);
    if (tt.size() != d_.title.size()) d_.title = std::string(tt);
}

void read_entry(const Entry& e, const SourceText& src, Diags& diags, PaperDraft& d) {
    Reader r(src, diags, d);
    r.read(e);
}

}  // namespace dv::md

