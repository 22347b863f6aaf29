// Finding the entries of a markdown digest (md_doc.h, pass 1): the smallest structures that each
// carry one paper, judged by the arXiv ids and field labels in them, never by one producer's
// wording. Heading sections come first: of the heading levels present, the one whose sections
// most often carry exactly one paper (or, with no ids at all, a paper's fields) is the entry
// level; deeper headings are part of a paper's summary. Outside those sections, table rows,
// <details> blocks and list items that carry a paper are entries too.
#include <algorithm>
#include <cstring>

#include "date.h"
#include "markdown.h"
#include "md_doc.h"
#include "parse_fields.h"
#include "parser.h"
#include "text.h"

namespace dv::md {

using namespace parse_detail;

namespace {

bool starts_with_ci(std::string_view s, std::string_view p) {
    if (s.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != p[i]) return false;
    }
    return true;
}

// Ids in running text: bare paper URLs cmark-gfm did not autolink (inside html, after a letter)
// and "arXiv:ID" mentions.
void ids_in_text(std::string_view s, IdSet& ids) {
    if (s.find("rxiv") != std::string_view::npos) {
        std::string id = arxiv_id_mentioned(s);
        if (!id.empty()) ids.add(id);
    }
    for (size_t p = s.find("/papers/"); p != std::string_view::npos; p = s.find("/papers/", p + 8)) {
        size_t b = s.rfind("huggingface.co", p);
        if (b == std::string_view::npos || p - b != 14) continue;
        std::string id = arxiv_id_from_url(s.substr(b, std::min<size_t>(s.size() - b, 64)));
        if (!id.empty()) ids.add(id);
    }
}

// The text of a heading, flattened.
std::string heading_text(cmark_node* h) {
    std::string t;
    flatten_children(h, t);
    return t;
}

// Section headings that list papers a producer left out are not entries, nor is anything under them.
bool excluded_heading(std::string_view text) {
    std::string f = fold(text);
    for (std::string_view w : {"excluded", "skipped", "filtered out", "not included", "rejected papers",
                               "\xEC\xA0\x9C\xEC\x99\xB8",               // 제외
                               "\xE6\x8E\x92\xE9\x99\xA4",               // 排除
                               "\xE8\xBF\x87\xE6\xBB\xA4",               // 过滤
                               "\xE6\x9C\xAA\xE6\x94\xB6\xE5\xBD\x95"})  // 未收录
        if (f.find(w) != std::string::npos) return true;
    return false;
}

// A heading that is one link and nothing else ("### [Title](url)"): a paper's shape even when
// the link is not to arXiv.
bool heading_is_link(cmark_node* h) {
    cmark_node* c = cmark_node_first_child(h);
    if (!c || cmark_node_get_type(c) != CMARK_NODE_LINK) return false;
    for (cmark_node* n = cmark_node_next(c); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) != CMARK_NODE_TEXT || !trim(literal(n)).empty()) return false;
    return true;
}

// "Last updated: 2025-12-04", "**Last Updated:** January 25, 2026", "更新时间：...", "업데이트: ...".
bool updated_line_date(cmark_node* para, int32_t& date) {
    std::string t;
    flatten_children(para, t);
    std::string_view s = trim(t);
    // Drop leading emoji and symbols.
    size_t i = 0;
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0xE2 && static_cast<unsigned char>(s[i]) <= 0xF0 &&
           !(static_cast<unsigned char>(s[i]) >= 0xEA && static_cast<unsigned char>(s[i]) <= 0xED) &&
           !(static_cast<unsigned char>(s[i]) >= 0xE4 && static_cast<unsigned char>(s[i]) <= 0xE9)) {
        size_t k = i;
        decode_utf8(s, k);
        i = k;
        while (i < s.size() && s[i] == ' ') ++i;
    }
    s = s.substr(i);
    bool label = false;
    for (std::string_view w : {"last updated", "last update", "updated", "update", "generated",
                               "\xE6\x9B\xB4\xE6\x96\xB0",                                   // 更新
                               "\xE6\x9C\x80\xE5\x90\x8E\xE6\x9B\xB4\xE6\x96\xB0",           // 最后更新
                               "\xEC\x97\x85\xEB\x8D\xB0\xEC\x9D\xB4\xED\x8A\xB8",           // 업데이트
                               "\xEC\xB5\x9C\xEC\xA2\x85 \xEC\x97\x85\xEB\x8D\xB0\xEC\x9D\xB4\xED\x8A\xB8",  // 최종 업데이트
                               "c\xE1\xBA\xAD" "p nh\xE1\xBA\xAD" "t"})                        // cập nhật
        if (starts_with_ci(s, w)) label = true;
    if (!label) return false;
    bool valid = false;
    int32_t d;
    if (!find_date(s.substr(0, 200), d, valid) || !valid) return false;
    date = d;
    return true;
}

// The <summary> text of a <details> html block, tags stripped and entities decoded.
std::string details_summary(std::string_view html) {
    std::string out;
    size_t b = std::string_view::npos;
    for (size_t p = html.find('<'); p != std::string_view::npos; p = html.find('<', p + 1)) {
        if (starts_with_ci(html.substr(p), "<summary")) {
            b = html.find('>', p);
            break;
        }
    }
    if (b == std::string_view::npos) return out;
    ++b;
    size_t e = b;
    for (size_t p = html.find('<', b); p != std::string_view::npos; p = html.find('<', p + 1))
        if (starts_with_ci(html.substr(p), "</summary")) {
            e = p;
            break;
        }
    if (e == b) e = html.size();
    bool in_tag = false;
    for (size_t i = b; i < e; ++i) {
        const char c = html[i];
        if (c == '<') in_tag = true;
        else if (c == '>') in_tag = false;
        else if (!in_tag) out.push_back(c == '\n' ? ' ' : c);
    }
    // The few entities these summaries use.
    std::string dec;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '&') {
            static const std::pair<std::string_view, char> kEnt[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&nbsp;", ' '}};
            bool hit = false;
            for (auto& [name, ch] : kEnt)
                if (std::string_view(out).substr(i, name.size()) == name) {
                    dec.push_back(ch);
                    i += name.size() - 1;
                    hit = true;
                    break;
                }
            if (hit) continue;
        }
        dec.push_back(out[i]);
    }
    return std::string(trim(dec));
}

bool html_starts(cmark_node* n, std::string_view tag) {
    if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK) return false;
    std::string_view s = trim(literal(n));
    return starts_with_ci(s, tag);
}
bool html_contains_ci(cmark_node* n, std::string_view needle) {
    if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK) return false;
    std::string f = fold(literal(n));
    return f.find(needle) != std::string::npos;
}

// Per top-level block, what pass 1 needs.
struct BlockInfo {
    cmark_node* node;
    int level = 0;             // heading level, 0 = not a heading
    IdSet ids;
    int labels = 0;
    bool link_heading = false;
    bool excluded = false;
};

struct Section {
    size_t begin, end;         // block range [begin, end), begin = the heading
    IdSet ids;
    int labels = 0;
};

bool carries_paper(const Section& s, const std::vector<BlockInfo>& b) {
    if (b[s.begin].excluded) return false;
    return s.ids.distinct >= 1 || s.labels >= 2 || b[s.begin].link_heading;
}

// Sections of heading level L: each from a level-L heading up to the next heading of level <= L.
std::vector<Section> sections_at(const std::vector<BlockInfo>& b, int L) {
    std::vector<Section> out;
    Section* cur = nullptr;
    for (size_t i = 0; i < b.size(); ++i) {
        if (b[i].level && b[i].level <= L) {
            if (cur) cur->end = i;
            cur = nullptr;
            if (b[i].level == L) {
                out.push_back({i, b.size(), {}, 0});
                cur = &out.back();
            }
        }
        if (cur) {
            cur->ids.merge(b[i].ids);
            cur->labels += b[i].labels;
        }
    }
    return out;
}

// The entry level: the heading level whose sections most often carry one paper; ties go to the
// deeper level (a one-paper day has its day section and its paper section tie). 0 = none.
int choose_level(const std::vector<BlockInfo>& b) {
    int best = 0, best_score = 0;
    bool present[7] = {};
    for (const BlockInfo& x : b) present[x.level] = true;
    for (int L = 1; L <= 6; ++L) {
        if (!present[L]) continue;
        int score = 0;
        for (const Section& s : sections_at(b, L))
            if (!b[s.begin].excluded && (s.ids.distinct == 1 || (s.ids.distinct == 0 && carries_paper(s, b)))) ++score;
        if (score > 0 && score >= best_score) {
            best = L;
            best_score = score;
        }
    }
    return best;
}

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
    int counts[4] = {};

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
            cols.names.emplace_back(trim(name));
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
                // An item holding a list of papers: the papers are its nested items.
                bool nested = false;
                for (cmark_node* b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
                    if (cmark_node_get_type(b) != CMARK_NODE_LIST) continue;
                    size_t before = out.entries.size();
                    list(b, date, depth + 1);
                    nested |= out.entries.size() > before;
                }
                if (nested) continue;
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

void IdSet::add(std::string_view id) {
    if (id.empty()) return;
    const size_t n = std::min(distinct, kMaxIds);
    for (size_t i = 0; i < n; ++i)
        if (ids[i] == id) return;
    if (distinct < kMaxIds) ids[distinct].assign(id);
    if (distinct <= kMaxIds) ++distinct;
}

void collect_ids(cmark_node* node, IdSet& ids) {
    cmark_node* cur = node;
    while (cur) {
        const cmark_node_type ty = cmark_node_get_type(cur);
        bool descend = true;
        switch (ty) {
            case CMARK_NODE_LINK: {
                const char* u = cmark_node_get_url(cur);
                if (u && *u) ids.add(arxiv_id_from_url(u));
                break;
            }
            case CMARK_NODE_TEXT:
            case CMARK_NODE_HTML_INLINE:
            case CMARK_NODE_HTML_BLOCK: ids_in_text(literal(cur), ids); break;
            case CMARK_NODE_HEADING: {
                // "## 2505.04588": a heading that is the id itself.
                cmark_node* c = cmark_node_first_child(cur);
                if (c && !cmark_node_next(c) && cmark_node_get_type(c) == CMARK_NODE_TEXT)
                    ids.add(arxiv_id_in_text(literal(c)));
                break;
            }
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_IMAGE: descend = false; break;  // code and pictures name no paper
            default: break;
        }
        if (descend) {
            if (cmark_node* c = cmark_node_first_child(cur)) {
                cur = c;
                continue;
            }
        }
        while (cur != node && !cmark_node_next(cur)) cur = cmark_node_parent(cur);
        cur = cur == node ? nullptr : cmark_node_next(cur);
    }
}

int count_field_labels(cmark_node* node) {
    // Paragraphs directly in this block (or the block itself): the first inline of each line.
    int n = 0;
    auto para = [&](cmark_node* p) {
        bool line_start = true;
        for (cmark_node* c = cmark_node_first_child(p); c; c = cmark_node_next(c)) {
            const cmark_node_type ty = cmark_node_get_type(c);
            if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) {
                line_start = true;
                continue;
            }
            if (!line_start) continue;
            line_start = false;
            std::string t;
            std::string_view label, rest;
            if (ty == CMARK_NODE_STRONG || ty == CMARK_NODE_EMPH) {
                flatten_node(c, t);
                std::string_view l = trim(t);
                while (!l.empty() && l.back() == ':') l.remove_suffix(1);
                if (l.size() >= 3 && l.substr(l.size() - 3) == "\xEF\xBC\x9A") l.remove_suffix(3);
                n += field_role(l) != FieldRole::None;
            } else if (ty == CMARK_NODE_TEXT && plain_label(literal(c), label, rest)) {
                n += field_role(label) != FieldRole::None;
            }
        }
    };
    const cmark_node_type ty = cmark_node_get_type(node);
    if (ty == CMARK_NODE_PARAGRAPH) para(node);
    return n;
}

void find_entries(cmark_node* doc, const SourceText& src, Found& out) {
    (void)src;
    std::vector<BlockInfo> blocks;
    size_t n_tables = 0;
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        BlockInfo b;
        b.node = n;
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
            b.level = cmark_node_get_heading_level(n);
            b.link_heading = heading_is_link(n);
            b.excluded = excluded_heading(heading_text(n));
        }
        n_tables += is_table(n);
        collect_ids(n, b.ids);
        b.labels = count_field_labels(n);
        blocks.push_back(std::move(b));
    }
    out.tables.reserve(n_tables);

    const int L = choose_level(blocks);
    // Where headings above the papers carry dates, the papers are listed under them: a section
    // under an undated heading (a README's "License") is then no listing.
    bool dated_file = false;
    for (const BlockInfo& b : blocks) {
        if (!b.level || b.level == L || dated_file) continue;
        int32_t v;
        bool valid;
        dated_file = find_date(heading_text(b.node), v, valid);
    }
    Finder f{src, out};
    DateCtx date_at[7];
    bool first_heading = true;
    // Paper sections at level 3 under "## ... (YYYY-MM-DD)" day headings: the l-yohai shape.
    bool paren_dated = L == 3, saw_paren = false;
    int excluded_level = 0;     // inside the section of an excluded heading of this level
    for (size_t i = 0; i < blocks.size(); ++i) {
        cmark_node* n = blocks[i].node;
        const int level = blocks[i].level;
        if (level) {
            if (excluded_level && level <= excluded_level) excluded_level = 0;
            const std::string text = heading_text(n);
            if (level == L) {
                // A paper section: from this heading to the next of level <= L.
                size_t j = i + 1;
                while (j < blocks.size() && !(blocks[j].level && blocks[j].level <= L)) ++j;
                Section s{i, j, {}, 0};
                for (size_t k = i; k < j; ++k) {
                    s.ids.merge(blocks[k].ids);
                    s.labels += blocks[k].labels;
                }
                first_heading = false;
                // Under a dated heading (a day's listing) every section of the entry level is a
                // paper, even one with neither link nor fields.
                const DateCtx ctx = context_date(date_at, L);
                if (!excluded_level && !blocks[i].excluded && (dated_file ? ctx.set() : carries_paper(s, blocks))) {
                    if (!blocks[i].link_heading) paren_dated = false;
                    Entry e;
                    e.kind = EntryKind::Section;
                    e.head = n;
                    e.first = cmark_node_next(n);
                    e.end = j < blocks.size() ? blocks[j].node : nullptr;
                    e.date = ctx;
                    if (s.ids.distinct) e.first_id = s.ids.ids[0];
                    f.add(std::move(e));
                }
                i = j - 1;
                continue;
            }
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
                if (heading_date(text, hd, hv)) saw_paren = true;
                else if (d.set()) paren_dated = false;
            }
            if (first_heading) {
                out.first_heading_date = d;
                first_heading = false;
            }
            date_at[level] = d;
            for (int k = level + 1; k <= 6; ++k) date_at[k] = {};
            if (blocks[i].excluded) excluded_level = level;
            continue;
        }
        const cmark_node_type ty = cmark_node_get_type(n);
        if (ty == CMARK_NODE_PARAGRAPH) {
            if (out.updated_date == kNoDate) updated_line_date(n, out.updated_date);
            continue;
        }
        if (excluded_level) continue;
        const DateCtx date = context_date(date_at, 7);
        if (dated_file && !date.set()) continue;
        if (is_table(n)) {
            f.table(n, date);
        } else if (ty == CMARK_NODE_LIST) {
            f.list(n, date, 0);
        } else if (html_starts(n, "<details")) {
            // A <details> block: from this html block to the one that closes it.
            size_t j = i;
            while (j < blocks.size() && !html_contains_ci(blocks[j].node, "</details")) ++j;
            const size_t end = std::min(j + 1, blocks.size());
            IdSet ids;
            for (size_t k = i; k < end; ++k) ids.merge(blocks[k].ids);
            Entry e;
            e.kind = EntryKind::Details;
            e.head = n;
            e.first = cmark_node_next(n);
            e.end = j < blocks.size() ? blocks[j].node : nullptr;
            if (j == i) e.first = e.end = nullptr;  // opened and closed in one html block
            e.date = date;
            e.details_summary = details_summary(literal(n));
            if (ids.distinct) e.first_id = ids.ids[0];
            if (ids.distinct >= 1 || (!e.details_summary.empty() && end - i > 2)) f.add(std::move(e));
            i = end - 1;
        }
    }

    int best = 0;
    for (int k = 1; k < 4; ++k)
        if (f.counts[k] > f.counts[best]) best = k;
    static const char* const kNames[4] = {"heading-sections", "table", "details", "list"};
    if (!out.entries.empty()) out.format = best == 0 && paren_dated && saw_paren ? "daily-papers-ko" : kNames[best];
}

}  // namespace dv::md
