// Private to the markdown parser: the Reader that turns one entry's blocks into a PaperDraft
// (md_doc.h, pass 2). md_read.cpp reads blocks (paragraphs, lists, quotes, fences); md_read_entry.cpp
// reads each kind of entry (sections, table rows, <details>, list items) through them. A Reader
// lives for one entry; it points into the source text and the cmark document of parse().
#pragma once

#include <string>
#include <string_view>

#include "md_doc.h"
#include "parse_fields.h"
#include "parser.h"
#include "text.h"

namespace dv::md {

// Helpers the two files share (md_read.cpp).
std::string_view clean_label(std::string_view l);   // "💻 Code:" -> "Code"

class Reader {
public:
    Reader(const SourceText& src, Diags& diags, PaperDraft& d) : src_(src), diags_(diags), d_(d) {}

    void read(const Entry& e);

private:
    void heading(cmark_node* h);
    void blocks(cmark_node* first, cmark_node* end, int depth);
    void block(cmark_node* n, int depth);
    void paragraph(cmark_node* para, bool skip_first_line);
    bool text_line(cmark_node* seg, cmark_node* end, std::string_view line_md, bool mapped, int ln);
    void list(cmark_node* list, int level);
    void table_row(cmark_node* row, cmark_node* wrapped_from, const TableColumns& cols);
    void list_entry(cmark_node* item);
    void stray(cmark_node* b);
    // A field line: true if it was one (consumed).
    bool field(std::string_view label, std::string_view rest_md, std::string_view rest_flat, int ln, bool bold);
    void add_item(std::string label, std::string text, int level) {
        if (level > 255) level = 255;
        if (label.empty() && !pending_label_.empty()) {
            label = std::move(pending_label_);
            pending_label_.clear();
        }
        d_.summary.push_back({std::move(label), std::move(text), static_cast<uint8_t>(level)});
    }
    void flush_pending() {
        if (pending_label_.empty()) return;
        std::string l = std::move(pending_label_);
        pending_label_.clear();
        d_.summary.push_back({std::move(l), {}, 0});
    }
    void set_votes(std::string_view value, int ln) {
        if (vote_seen_) {
            diags_.add(uint32_t(ln), Severity::Warning, "second Vote line in one paper ignored");
            return;
        }
        vote_seen_ = true;
        int32_t v = kNoVotes;
        int kind = parse_detail::parse_vote_value(value, v);
        if (kind < 0 && parse_detail::parse_count(value, v)) kind = 1;
        if (kind == 1) d_.votes = v;
        if (kind < 0)
            diags_.add(uint32_t(ln), Severity::Warning,
                       "malformed vote value \"" + std::string(trim(value).substr(0, 40)) + "\"");
    }
    // A title written as text (a heading without a link, a table's title cell, a title field):
    // a vote marker at its end is the paper's votes, and it and any numbering belong to the list,
    // not the title (strip_title_decoration). One rule for the three, or a title read from a
    // field kept "⭐ 9" that its export, a heading, read back as votes (found by tests/fuzz).
    std::string_view title_text(std::string_view t) {
        int32_t v;
        size_t at, end;
        if (parse_detail::vote_marker(t, v, at, end) && trim(t.substr(end)).empty()) {
            d_.votes = v;
            vote_seen_ = true;
        }
        return parse_detail::strip_title_decoration(t);
    }
    void add_authors(std::string_view s) {
        std::vector<std::string> names = split_authors(s);
        if (d_.authors.empty()) {
            d_.authors = std::move(names);
            return;
        }
        for (auto& nm : names) {
            bool dup = false;
            for (const auto& a : d_.authors) dup = dup || a == nm;
            if (!dup) d_.authors.push_back(std::move(nm));
        }
    }

    const SourceText& src_;
    Diags& diags_;
    PaperDraft& d_;
    bool vote_seen_ = false;
    bool deep_warned_ = false;
    std::string pending_label_;     // a subheading waiting to label the next item
    std::string original_title_;    // "原文标题": the title, the heading then a translation
    std::string field_id_;          // "arXiv ID: ..."
    std::string scratch_;
    int continue_item_ = -1;        // a labelled paragraph line whose text goes on on the next lines
    bool continue_title_ = false;
};

}  // namespace dv::md
