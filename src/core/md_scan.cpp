// Scanners pass 1 runs over blocks (md_doc.h): the ids a subtree mentions, field labels at line
// starts, heading kinds, "Last updated" dates and <details> summaries. Each looks at one node's
// subtree and nothing else.
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

}  // namespace

// Ids in running text: bare paper URLs cmark-gfm did not autolink and "arXiv:ID" mentions. Any
// "http(s)://..." token counts as its link would (arxiv_id_from_url): whether cmark-gfm autolinks a
// URL depends on what precedes it in the paragraph (after an unmatched "[" it does not, inside
// html or after a letter neither), so without this a bare URL line named its paper in one
// paragraph and not in another, and a paper's export read back with an id the original lacked
// (found by tests/fuzz: url_in_field_paragraph.md).
static void url_ids_in_text(std::string_view s, IdSet& ids) {
    for (size_t k = s.find("://"); k != std::string_view::npos; k = s.find("://", k + 3)) {
        size_t b = k;
        while (b > 0 && ((s[b - 1] | 0x20) >= 'a' && (s[b - 1] | 0x20) <= 'z')) --b;
        const std::string_view scheme = s.substr(b, k - b);
        const bool web = (scheme.size() == 4 && starts_with_ci(scheme, "http")) ||
                         (scheme.size() == 5 && starts_with_ci(scheme, "https"));
        if (!web) continue;
        size_t e = k + 3;
        while (e < s.size() && !std::strchr(" \t\n<>\"", s[e])) ++e;  // where an autolink ends
        std::string_view url = s.substr(b, e - b);
        while (!url.empty() && std::strchr(".,:;!?*_~')]", url.back())) url.remove_suffix(1);
        const std::string id = arxiv_id_from_url(url);
        if (!id.empty()) ids.add(id);
    }
}

static void ids_in_text(std::string_view s, IdSet& ids) {
    url_ids_in_text(s, ids);
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

}  // namespace dv::md

namespace dv::parse_detail {
bool text_names_paper(std::string_view text) {
    md::IdSet ids;
    md::ids_in_text(text, ids);
    return ids.distinct > 0;
}
}  // namespace dv::parse_detail

namespace dv::md {

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
    // "# [R]()" links nowhere: the paper would have no url, and its export (a heading without a
    // link) would not read back as a paper (found by tests/fuzz).
    const char* u = cmark_node_get_url(c);
    if (!u || trim(std::string_view(u)).empty()) return false;
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

void IdSet::add(std::string_view id) {
    if (id.empty()) return;
    const size_t n = std::min(distinct, kMaxIds);
    for (size_t i = 0; i < n; ++i)
        if (ids[i] == id) return;
    if (distinct < kMaxIds) ids[distinct].assign(id);
    if (distinct <= kMaxIds) ++distinct;
}

bool is_markdown_fence(cmark_node* n) {
    if (cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK) return false;
    const char* info = cmark_node_get_fence_info(n);
    const std::string_view fi = info ? trim(std::string_view(info)) : std::string_view();
    return fi == "markdown" || fi == "md" || fi == "Markdown";
}

void collect_ids(cmark_node* node, IdSet& ids, int depth) {
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
                // Code names no paper, but a "```markdown" block is read as the paper's own text
                // (md_read.cpp): its ids count as the reader will see them (else its export, now
                // prose, named a paper the original did not; found by tests/fuzz). The reader reads
                // it so only as one of the entry's own blocks (a section's, or a list item entry's):
                // inside a list item of a section it is code, kept as the item's text (and counted
                // there, its export read back as a paper the original was not: found by tests/fuzz).
                if (depth == 0 && is_markdown_fence(cur) &&
                    (cur == node || cmark_node_get_type(cmark_node_parent(cur)) == CMARK_NODE_DOCUMENT ||
                     (cmark_node_parent(cur) == node && cmark_node_get_type(node) == CMARK_NODE_ITEM))) {
                    const std::string_view inner = literal(cur);
                    if (const MarkdownDoc doc = parse_markdown(inner, 0)) collect_ids(doc.root(), ids, 1);
                }
                descend = false;
                break;
            case CMARK_NODE_IMAGE: descend = false; break;  // pictures name no paper
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

namespace {

// A link on the line that starts after node c (up to the next line break).
bool link_on_line(cmark_node* c) {
    for (cmark_node* x = cmark_node_next(c); x; x = cmark_node_next(x)) {
        const cmark_node_type ty = cmark_node_get_type(x);
        if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) return false;
        if (ty == CMARK_NODE_LINK) return true;
    }
    return false;
}

// The labels that lead the lines of a block, as the reader reads fields: the first inline of
// each line of paragraphs directly in this block (or the block itself), and of the first
// paragraph of each item of a list. Calls f(c, label, bold) for a bold/emphasised first inline c
// (its text trimmed, trailing colons dropped, an ASCII or full-width one) or a plain "Label:"
// text (label and the text after it as rest).
template <class F>
void for_each_line_label(cmark_node* node, F&& f) {
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
                f(c, l, std::string_view(), true);
            } else if (ty == CMARK_NODE_TEXT && plain_label(literal(c), label, rest)) {
                f(c, label, rest, false);
            }
        }
    };
    const cmark_node_type ty = cmark_node_get_type(node);
    if (ty == CMARK_NODE_PARAGRAPH) para(node);
    if (ty == CMARK_NODE_LIST)
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item))
            if (cmark_node* first = cmark_node_first_child(item); first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
                para(first);
}

// The flattened rest of a paragraph's line from inline node c on, without its first `skip` bytes.
std::string rest_of_line(cmark_node* c, size_t skip) {
    std::string out;
    for (cmark_node* n = c; n; n = cmark_node_next(n)) {
        const cmark_node_type ty = cmark_node_get_type(n);
        if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) break;
        flatten_node(n, out);
    }
    return out.size() >= skip ? out.substr(skip) : std::string();
}

}  // namespace

int count_field_labels(cmark_node* node, IdSet* field_ids) {
    // List items count because the export writes a paper's labelled summary items as
    // "- ***Summary***: ..." (a field paragraph read back as one must still give the section a
    // paper's fields), and the reader reads "- **Authors:** ..." bullets as fields. One walk and
    // one field_role per label for both answers (pass 1 asks them of every block).
    int n = 0;
    for_each_line_label(node, [&](cmark_node* c, std::string_view label, std::string_view rest, bool bold) {
        // A known label is a paper's field; a links label ("Paper:", "Links:") only with a link
        // on its line: the reader keeps nothing of such a line but its links' ids, so one without
        // a link leaves nothing in the paper (its export would lack the field that made it a
        // paper: found by tests/fuzz).
        const FieldRole role = field_role(label);
        if (role == FieldRole::None) return;
        // A value after the label: for a bold one on its line or the next ("**摘要：**" then the
        // text); for a plain one on its line (an empty field is no field).
        // A plain one's value may also be a code span ("Authors: `name`": the export writes names
        // that would read as an id as code); a link after it is no value ("GitHub: [repo](url)"
        // in a newsletter's footer is no paper's field).
        cmark_node* next = cmark_node_next(c);
        const bool has_value = bold ? next != nullptr
                                    : !rest.empty() || (next && cmark_node_get_type(next) == CMARK_NODE_CODE &&
                                                        !trim(literal(next)).empty());
        n += (role != FieldRole::Links || link_on_line(c)) && has_value;
        if (role != FieldRole::ArxivId || !field_ids) return;
        const std::string value = bold ? rest_of_line(cmark_node_next(c), 0) : rest_of_line(c, literal(c).size() - rest.size());
        const std::string id = value.empty() ? std::string() : arxiv_id_field_value(value);
        if (!id.empty()) field_ids->add(id);
    });
    return n;
}

}  // namespace dv::md
