// Reading one entry of a markdown digest into a PaperDraft (md_doc.h, pass 2). Paragraphs are
// read line by line (inline children split at soft/hard breaks): an image line is the thumbnail,
// a video line is dropped, a line that starts with a field label ("Vote: 12", "**Authors:** …",
// "**原文标题：** …", "**⭐ Stars:** 0") fills that field, anything else is summary text. List
// items are sliced from the sanitized source by their block positions and keep bold labels
// ("- ***What's New***: …") as labelled summary items.
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

constexpr int kMaxListDepth = 32;

bool is_blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t') return false;
    return true;
}
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view rtrim_spaces(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
std::string_view ltrim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}
std::string_view from_column(std::string_view l, int col) {
    size_t c = col > 1 ? static_cast<size_t>(col - 1) : 0;
    return c < l.size() ? l.substr(c) : std::string_view();
}

// A label as shown: leading emoji and symbols dropped ("💻 Code" → "Code"), trailing colons too.
std::string_view clean_label(std::string_view l) {
    l = trim(l);
    while (!l.empty()) {
        size_t i = 0;
        const uint32_t cp = decode_utf8(l, i);
        const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F ||
                            cp == 0x20E3;
        if (!symbol) break;
        l = trim(l.substr(i));
    }
    while (!l.empty() && l.back() == ':') l = trim(l.substr(0, l.size() - 1));
    if (l.size() >= 3 && l.substr(l.size() - 3) == "\xEF\xBC\x9A") l = trim(l.substr(0, l.size() - 3));
    return l;
}

// split_label, also for a full-width colon ("**摘要：**", "**原文标题：** text").
bool split_any_label(std::string_view src, std::string_view& label, std::string_view& text) {
    if (split_label(src, label, text)) return true;
    if (src.empty() || (src[0] != '*' && src[0] != '_')) return false;
    const char m = src[0];
    size_t i = 0;
    while (i < src.size() && src[i] == m && i < 3) ++i;
    size_t j = src.find(m, i);
    if (j == std::string_view::npos || j == i) return false;
    std::string_view lab = trim(src.substr(i, j - i));
    size_t p = j;
    while (p < src.size() && src[p] == m) ++p;
    bool colon = false;
    if (lab.size() >= 3 && lab.substr(lab.size() - 3) == "\xEF\xBC\x9A") {
        lab = trim(lab.substr(0, lab.size() - 3));
        colon = true;
    } else if (src.substr(p, 3) == "\xEF\xBC\x9A") {
        p += 3;
        colon = true;
    }
    if (!colon || lab.empty() || lab.size() > 200 || lab.find('\n') != std::string_view::npos) return false;
    label = lab;
    text = ltrim_spaces(src.substr(p));
    return true;
}

// True if the text nodes of [seg, end) hold only symbols and spaces ("🔗 " before a link).
bool symbols_only(cmark_node* seg, cmark_node* end) {
    for (cmark_node* c = seg; c != end; c = cmark_node_next(c))
        if (cmark_node_get_type(c) == CMARK_NODE_TEXT && !clean_label(literal(c)).empty()) return false;
    return true;
}

class Reader {
public:
    Reader(const SourceText& src, Diags& diags, PaperDraft& d) : src_(src), diags_(diags), d_(d) {}

    void read(const Entry& e);

private:
    void heading(cmark_node* h);
    void blocks(cmark_node* first, cmark_node* end, int depth);
    void block(cmark_node* n, int depth);
    void paragraph(cmark_node* para, bool skip_first_line);
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
        int kind = parse_vote_value(value, v);
        if (kind < 0 && parse_count(value, v)) kind = 1;
        if (kind == 1) d_.votes = v;
        if (kind < 0)
            diags_.add(uint32_t(ln), Severity::Warning,
                       "malformed vote value \"" + std::string(trim(value).substr(0, 40)) + "\"");
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
        int32_t v;
        size_t at, end;
        if (vote_marker(t, v, at, end) && trim(t.substr(end)).empty()) {
            d_.votes = v;
            vote_seen_ = true;
        }
        t = strip_title_decoration(t);
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

void Reader::stray(cmark_node* b) {
    std::string t;
    src_.block_source(b, t);
    if (!trim(t).empty()) add_item({}, std::move(t), 0);
}

bool Reader::field(std::string_view label, std::string_view rest_md, std::string_view rest_flat, int ln, bool bold) {
    const FieldRole role = field_role(label);
    switch (role) {
        case FieldRole::Votes: set_votes(rest_flat, ln); return true;
        case FieldRole::Authors: add_authors(rest_flat); return true;
        case FieldRole::Links: return true;  // the ids were collected from its links
        case FieldRole::ArxivId: {
            std::string id = arxiv_id_in_text(rest_flat);
            if (id.empty()) id = arxiv_id_from_url(rest_flat);
            if (!id.empty()) field_id_ = id;
            return true;
        }
        case FieldRole::OriginalTitle:
            original_title_.assign(trim(rest_flat));
            continue_title_ = true;
            return true;
        case FieldRole::Title:
            if (!trim(rest_flat).empty()) d_.title.assign(trim(rest_flat));
            return true;
        case FieldRole::None:
            // "Note: ..." and "**Note**: ..." stay text: only the fields we know are fields (an
            // exported stray paragraph must read back as one).
            return false;
        default:
            if (trim(rest_md).empty()) {
                // "**Summary**:" alone: it labels what follows.
                flush_pending();
                pending_label_.assign(clean_label(label));
                return true;
            }
            add_item(std::string(clean_label(label)), std::string(trim(rest_md)), 0);
            continue_item_ = int(d_.summary.size()) - 1;
            return true;
    }
}

// A paragraph directly in the paper block: thumbnail, vote, authors, video lines, field lines and
// stray text, possibly all in one paragraph (2023-11-21: no blank lines between them).
void Reader::paragraph(cmark_node* para, bool skip_first_line) {
    const int sl = cmark_node_get_start_line(para), el = cmark_node_get_end_line(para);
    const int sc = cmark_node_get_start_column(para);
    int breaks = 0;
    cmark_node* only = nullptr;
    int children = 0;
    for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
        cmark_node_type ty = cmark_node_get_type(c);
        breaks += ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK;
        ++children;
        only = c;
    }
    // A paragraph that is only bold text ("**1. 핵심 동기**") is a subheading for what follows.
    if (children == 1 && !skip_first_line && cmark_node_get_type(only) == CMARK_NODE_STRONG) {
        std::string t;
        flatten_node(only, t);
        std::string_view l = clean_label(strip_title_decoration(t));
        if (!l.empty() && field_role(l) == FieldRole::None && l.size() < 200) {
            flush_pending();
            pending_label_.assign(l);
            return;
        }
    }
    // Segment k is source line sl + k, unless a code span or link hid a newline.
    const bool mapped = breaks == el - sl;
    continue_item_ = -1;
    continue_title_ = false;

    std::string stray;
    auto flush = [&] {
        if (!stray.empty()) add_item({}, std::move(stray), 0);
        stray.clear();
    };

    cmark_node* seg = cmark_node_first_child(para);
    int k = 0;
    while (seg) {
        cmark_node* end = seg;
        int n_text = 0, n_img = 0, n_html = 0, n_link = 0, n_other = 0;
        cmark_node *img = nullptr, *lnk = nullptr;
        for (; end; end = cmark_node_next(end)) {
            cmark_node_type ty = cmark_node_get_type(end);
            if (ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK) break;
            switch (ty) {
                case CMARK_NODE_TEXT:
                    if (!is_blank(literal(end))) ++n_text;
                    break;
                case CMARK_NODE_IMAGE:
                    if (!n_img++) img = end;
                    break;
                case CMARK_NODE_HTML_INLINE: ++n_html; break;
                case CMARK_NODE_LINK:
                    if (!n_link++) lnk = end;
                    break;
                default: ++n_other; break;
            }
        }
        const int ln = sl + k;
        bool drop = false;
        std::string_view line_md;
        if (mapped) line_md = rtrim_spaces(ln == sl ? from_column(src_.line(ln), sc) : ltrim_spaces(src_.line(ln)));
        if (skip_first_line && k == 0) {
            drop = true;
        } else if (n_img && !n_text && !n_link && !n_other) {
            // An image line ("![](thumbnail)", possibly with inline html): the first is the thumbnail.
            if (d_.thumbnail.empty()) {
                const char* u = cmark_node_get_url(img);
                if (u && *u) d_.thumbnail = resolve_url(u);
            }
            drop = true;
        } else if (n_html && !n_text && !n_link && !n_other) {
            drop = true;  // "<video ...></video>", "<div><video ...>" inside a paragraph
        } else if (n_link == 1 && !n_other && !n_img && (!n_text || symbols_only(seg, end))) {
            const char* u = cmark_node_get_url(lnk);
            scratch_.clear();
            flatten_node(lnk, scratch_);
            std::string_view lt = trim(scratch_);
            std::string id = u ? arxiv_id_from_url(u) : std::string();
            // A video, an empty link, or a bare link to the paper itself ("🔗 https://.../ID").
            drop = (u && is_video_url(u)) || lt == "Watch Video" || lt.empty() || (!id.empty() && (id == d_.arxiv_id || d_.arxiv_id.empty()));
        }
        if (!drop) {
            scratch_.clear();
            for (cmark_node* c = seg; c != end; c = cmark_node_next(c)) flatten_node(c, scratch_);
            std::string_view flat = trim(scratch_);
            const cmark_node_type first_ty = cmark_node_get_type(seg);
            std::string_view label, rest;
            if (flat.empty()) {
                drop = true;
            } else if (starts_with(flat, "[Watch Video]")) {
                drop = true;  // "[Watch Video]https://...mp4": not a link, but a video all the same
            } else if ((first_ty == CMARK_NODE_STRONG || first_ty == CMARK_NODE_EMPH) && mapped &&
                       split_any_label(line_md, label, rest)) {
                std::string_view lf, rf;
                std::string_view rest_flat = rest;
                if (split_any_label(flat, lf, rf)) rest_flat = rf;
                else {
                    // The flattened line lost the markers: the label is the first node's text.
                    std::string lab;
                    flatten_node(seg, lab);
                    rest_flat = trim(flat.substr(std::min(flat.size(), lab.size())));
                    while (!rest_flat.empty() && rest_flat.front() == ':') rest_flat = trim(rest_flat.substr(1));
                    if (rest_flat.substr(0, 3) == "\xEF\xBC\x9A") rest_flat = trim(rest_flat.substr(3));
                }
                drop = field(label, rest, rest_flat, ln, true);
            } else if (first_ty == CMARK_NODE_TEXT && plain_label(flat, label, rest)) {
                drop = field(label, rest, rest, ln, false);
            } else if (continue_title_) {
                original_title_.push_back(' ');
                original_title_.append(flat);
                drop = true;
            } else if (continue_item_ >= 0 && size_t(continue_item_) < d_.summary.size()) {
                auto& t = d_.summary[size_t(continue_item_)].text;
                if (!t.empty()) t.push_back('\n');
                t.append(mapped ? line_md : flat);
                drop = true;
            }
            if (drop) {
                flush();
            }
        }
        if (drop) {
            flush();
        } else {
            if (!stray.empty()) stray.push_back('\n');
            if (mapped) stray.append(line_md);
            else stray.append(trim(scratch_));
        }
        ++k;
        seg = end ? cmark_node_next(end) : nullptr;
    }
    flush();
    continue_item_ = -1;
    continue_title_ = false;
}

void Reader::list(cmark_node* list, int level) {
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        long idx = -1;
        for (cmark_node* b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
            cmark_node_type ty = cmark_node_get_type(b);
            if (ty == CMARK_NODE_LIST) {
                if (level + 1 >= kMaxListDepth) {
                    if (!deep_warned_) {
                        deep_warned_ = true;
                        diags_.add(static_cast<uint32_t>(cmark_node_get_start_line(b)), Severity::Warning,
                                   "lists nested too deeply: inner levels ignored");
                    }
                    continue;
                }
                this->list(b, level + 1);
                continue;
            }
            if (ty == CMARK_NODE_HTML_BLOCK || ty == CMARK_NODE_THEMATIC_BREAK) continue;
            std::string src;
            if (ty == CMARK_NODE_PARAGRAPH)
                src_.paragraph_source(b, src);
            else
                src_.block_source(b, src);
            if (idx >= 0) {
                // A later paragraph of the same item (loose item): part of its text.
                auto& t = d_.summary[static_cast<size_t>(idx)].text;
                t.append("\n\n");
                t.append(src);
                continue;
            }
            if (trim(src).empty()) continue;
            std::string label;
            std::string text;
            if (ty == CMARK_NODE_PARAGRAPH) {
                cmark_node* first = cmark_node_first_child(b);
                cmark_node_type ft = first ? cmark_node_get_type(first) : CMARK_NODE_NONE;
                bool candidate = ft == CMARK_NODE_STRONG || ft == CMARK_NODE_EMPH ||
                                 (ft == CMARK_NODE_TEXT && !literal(first).empty() &&
                                  (literal(first)[0] == '*' || literal(first)[0] == '_'));
                std::string_view lab, rest;
                if (candidate && split_any_label(src, lab, rest)) {
                    // "- **Authors:** …", "- **Votes:** 12": fields written as bullets.
                    const FieldRole role = field_role(lab);
                    if (role == FieldRole::Votes || role == FieldRole::Authors || role == FieldRole::Links ||
                        role == FieldRole::ArxivId || role == FieldRole::OriginalTitle) {
                        std::string flat;
                        flatten_children(b, flat);
                        std::string_view lf, rf;
                        field(lab, rest, split_any_label(flat, lf, rf) ? rf : std::string_view(rest),
                              cmark_node_get_start_line(b), true);
                        continue_title_ = false;
                        idx = -2;
                        continue;
                    }
                    label.assign(lab);
                    text.assign(rest);
                }
            }
            if (idx == -2) continue;
            if (label.empty() && ty == CMARK_NODE_PARAGRAPH) {
                // "- Authors: …", "- Votes: 12" in plain text: fields too (the known ones only).
                std::string_view lab, rest;
                if (plain_label(src, lab, rest) && rest.find('\n') == std::string_view::npos) {
                    const FieldRole role = field_role(lab);
                    if (role == FieldRole::Votes || role == FieldRole::Authors || role == FieldRole::ArxivId ||
                        role == FieldRole::OriginalTitle) {
                        field(lab, rest, rest, cmark_node_get_start_line(b), false);
                        continue_title_ = false;
                        idx = -2;
                        continue;
                    }
                }
            }
            if (label.empty()) text = std::move(src);
            idx = static_cast<long>(d_.summary.size());
            add_item(std::move(label), std::move(text), level);
        }
    }
}

void Reader::block(cmark_node* n, int depth) {
    switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH: paragraph(n, false); break;
        case CMARK_NODE_LIST: list(n, 0); break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_THEMATIC_BREAK: break;
        case CMARK_NODE_HEADING: {
            // A subheading inside a paper labels the text after it.
            std::string t;
            flatten_children(n, t);
            std::string_view l = clean_label(strip_title_decoration(t));
            flush_pending();
            if (!l.empty()) pending_label_.assign(l);
            break;
        }
        case CMARK_NODE_BLOCK_QUOTE: {
            // "> text": the text without the markers (one level; deeper quotes stay as written).
            std::string t;
            src_.block_source(n, t);
            std::string out;
            size_t i = 0;
            while (i <= t.size()) {
                size_t e = t.find('\n', i);
                if (e == std::string::npos) e = t.size();
                std::string_view l = std::string_view(t).substr(i, e - i);
                l = ltrim_spaces(l);
                if (!l.empty() && l[0] == '>') l = ltrim_spaces(l.substr(1));
                if (!out.empty()) out.push_back('\n');
                out.append(l);
                i = e + 1;
            }
            if (!trim(out).empty()) add_item({}, std::move(out), 0);
            break;
        }
        case CMARK_NODE_CODE_BLOCK: {
            // A fenced markdown summary ("```markdown"): read as the paper's own blocks.
            const char* info = cmark_node_get_fence_info(n);
            std::string_view fi = info ? trim(std::string_view(info)) : std::string_view();
            if (depth == 0 && (fi == "markdown" || fi == "md" || fi == "Markdown")) {
                std::string_view inner = literal(n);
                cmark_node* doc = parse_markdown(inner, 0);
                if (doc) {
                    // The inner document has its own line numbers: slice it from its own text.
                    SourceText inner_src(inner);
                    Reader sub(inner_src, diags_, d_);
                    sub.vote_seen_ = vote_seen_;
                    sub.pending_label_ = std::move(pending_label_);
                    pending_label_.clear();
                    sub.blocks(cmark_node_first_child(doc), nullptr, depth + 1);
                    vote_seen_ = sub.vote_seen_;
                    if (original_title_.empty()) original_title_ = sub.original_title_;
                    if (field_id_.empty()) field_id_ = sub.field_id_;
                    cmark_node_free(doc);
                }
                break;
            }
            stray(n);
            break;
        }
        default: stray(n); break;
    }
}

void Reader::blocks(cmark_node* first, cmark_node* end, int depth) {
    for (cmark_node* n = first; n && n != end; n = cmark_node_next(n)) block(n, depth);
    flush_pending();
}

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
                int32_t votes;
                size_t at, end;
                if (vote_marker(v, votes, at, end) && trim(v.substr(end)).empty()) d_.votes = votes;
                d_.title.assign(strip_title_decoration(v));
                for (cmark_node* x = cmark_node_first_child(c); x; x = cmark_node_next(x))
                    if (cmark_node_get_type(x) == CMARK_NODE_LINK && d_.url.empty()) {
                        const char* u = cmark_node_get_url(x);
                        if (u && !arxiv_id_from_url(u).empty()) d_.url = resolve_url(u);
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
                add_item(std::move(label), std::string(v), 0);
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
    // The id: the heading's link, an "arXiv ID:" field, else the first id pass 1 found in the
    // entry (a link in its body, a bare URL).
    if (d_.arxiv_id.empty()) d_.arxiv_id = field_id_;
    if (d_.arxiv_id.empty()) d_.arxiv_id = e.first_id;
    if (d_.url.empty() && !d_.arxiv_id.empty() && d_.arxiv_id.find('/') == std::string::npos)
        d_.url = "https://arxiv.org/abs/" + d_.arxiv_id;
    std::string_view tt = trim(d_.title);
    if (tt.size() != d_.title.size()) d_.title = std::string(tt);
}

}  // namespace

void read_entry(const Entry& e, const SourceText& src, Diags& diags, PaperDraft& d) {
    Reader r(src, diags, d);
    r.read(e);
}

}  // namespace dv::md
