// The digest parser: sanitize, let cmark build the AST (with source positions), then walk the
// document's top-level blocks once. Sections and papers come from headings; inside a paper,
// paragraphs are read line by line (inline children split at soft/hard breaks) and list items are
// sliced from the sanitized source by their block positions. See FORMAT.md for the shapes.
#include "parser.h"

#include <cstring>
#include <string>
#include <vector>

#include "cmark.h"
#include "date.h"
#include "hf_json.h"
#include "paper_builder.h"
#include "parse_fields.h"
#include "text.h"

namespace dv {

namespace {

using namespace parse_detail;

constexpr size_t kMaxDiagnostics = 40;  // per file, from the walk; the rest are counted
constexpr int kMaxListDepth = 32;

std::string_view literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? std::string_view(s, std::strlen(s)) : std::string_view();
}

bool is_blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t') return false;
    return true;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Appends the plain text of `node` and its subtree (text, code, html literals; containers give
// their contents; breaks give a space). Iterative, so deeply nested emphasis cannot overflow.
void flatten_node(cmark_node* node, std::string& out) {
    cmark_node* cur = node;
    while (cur) {
        switch (cmark_node_get_type(cur)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_HTML_INLINE: out.append(literal(cur)); break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out.push_back(' '); break;
            default: break;
        }
        if (cmark_node* c = cmark_node_first_child(cur)) {
            cur = c;
            continue;
        }
        while (cur != node && !cmark_node_next(cur)) cur = cmark_node_parent(cur);
        cur = cur == node ? nullptr : cmark_node_next(cur);
    }
}

void flatten_children(cmark_node* parent, std::string& out) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) flatten_node(c, out);
}

class Walker {
public:
    Walker(std::string_view text, ParseResult& r) : text_(text), r_(r) {
        line_starts_.reserve(text.size() / 48 + 2);
        line_starts_.push_back(0);
        const char* base = text.data();
        const char* p = base;
        const char* end = base + text.size();
        while (p < end) {
            const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
            if (!nl) break;
            p = static_cast<const char*>(nl) + 1;
            line_starts_.push_back(static_cast<size_t>(p - base));
        }
    }

    void run(cmark_node* doc);

private:
    // --- source access ---
    std::string_view line(int ln) const {  // 1-based, without the '\n'
        if (ln < 1 || static_cast<size_t>(ln) > line_starts_.size()) return {};
        size_t b = line_starts_[static_cast<size_t>(ln) - 1];
        size_t e = static_cast<size_t>(ln) < line_starts_.size() ? line_starts_[static_cast<size_t>(ln)] - 1 : text_.size();
        return text_.substr(b, e - b);
    }
    static std::string_view rtrim_spaces(std::string_view s) {
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        return s;
    }
    static std::string_view ltrim_spaces(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        return s;
    }
    static std::string_view from_column(std::string_view l, int col) {
        size_t c = col > 1 ? static_cast<size_t>(col - 1) : 0;
        return c < l.size() ? l.substr(c) : std::string_view();
    }
    // A paragraph's markdown: first line from its start column, later lines without their
    // indentation (insignificant for paragraph continuation lines), trailing spaces trimmed.
    void paragraph_source(cmark_node* para, std::string& out) const {
        int sl = cmark_node_get_start_line(para), el = cmark_node_get_end_line(para);
        int sc = cmark_node_get_start_column(para);
        for (int ln = sl; ln <= el; ++ln) {
            std::string_view l = ln == sl ? from_column(line(ln), sc) : ltrim_spaces(line(ln));
            if (ln > sl) out.push_back('\n');
            out.append(rtrim_spaces(l));
        }
    }
    // Any other block (code, quote, heading): its lines, later ones losing at most the first
    // line's indentation.
    void block_source(cmark_node* b, std::string& out) const {
        int sl = cmark_node_get_start_line(b), el = cmark_node_get_end_line(b);
        int sc = cmark_node_get_start_column(b);
        size_t indent = sc > 1 ? static_cast<size_t>(sc - 1) : 0;
        for (int ln = sl; ln <= el; ++ln) {
            std::string_view l = line(ln);
            if (ln == sl) {
                l = from_column(l, sc);
            } else {
                size_t k = 0;
                while (k < indent && k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
                l.remove_prefix(k);
            }
            if (ln > sl) out.push_back('\n');
            out.append(rtrim_spaces(l));
        }
        while (!out.empty() && out.back() == '\n') out.pop_back();
    }

    // --- diagnostics ---
    void diag(uint32_t ln, Severity sev, std::string msg) {
        if (n_diags_ >= kMaxDiagnostics) {
            ++suppressed_;
            return;
        }
        ++n_diags_;
        r_.diagnostics.push_back({r_.source, ln, sev, std::move(msg)});
    }

    // --- papers ---
    void start_paper(cmark_node* h, int32_t date);
    void finish_paper();
    void paper_paragraph(cmark_node* para);
    void paper_list(cmark_node* list, int level);
    void add_stray(cmark_node* block);
    void add_item(std::string&& label, std::string&& text, int level) {
        if (level > 255) level = 255;
        d_.summary.push_back({std::move(label), std::move(text), static_cast<uint8_t>(level)});
    }

    std::string_view text_;
    ParseResult& r_;
    std::vector<size_t> line_starts_;
    PaperDraft d_;
    bool in_paper_ = false;
    bool vote_seen_ = false;
    bool deep_warned_ = false;
    size_t n_diags_ = 0, suppressed_ = 0;
    std::string scratch_;
};

void Walker::start_paper(cmark_node* h, int32_t date) {
    finish_paper();
    in_paper_ = true;
    vote_seen_ = false;
    d_ = PaperDraft{};
    d_.line = static_cast<uint32_t>(cmark_node_get_start_line(h));
    d_.date = date;

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
        std::string_view src = ltrim_spaces(from_column(line(cmark_node_get_start_line(h)), cmark_node_get_start_column(h)));
        while (!src.empty() && src.front() == '#') src.remove_prefix(1);
        std::string_view t, u;
        if (literal_link(src, t, u)) {
            d_.title.assign(trim(t));
            url = u;
        }
    }
    std::string_view t = trim(d_.title);
    if (t.size() != d_.title.size()) d_.title = std::string(t);
    if (!url.empty()) {
        d_.url = resolve_url(url);
        d_.arxiv_id = arxiv_id_from_url(d_.url);
    }
}

void Walker::finish_paper() {
    if (!in_paper_) return;
    in_paper_ = false;
    if (d_.title.empty()) {
        d_.title = "(untitled)";
        diag(d_.line, Severity::Warning, "paper heading without a title");
    }
    r_.papers.push_back(build_paper(d_));
}

void Walker::add_stray(cmark_node* block) {
    std::string t;
    block_source(block, t);
    if (!trim(t).empty()) add_item({}, std::move(t), 0);
}

// A paragraph directly in the paper block: thumbnail, vote, authors, video lines and stray text,
// possibly all in one paragraph (2023-11-21: no blank lines between them).
void Walker::paper_paragraph(cmark_node* para) {
    const int sl = cmark_node_get_start_line(para), el = cmark_node_get_end_line(para);
    const int sc = cmark_node_get_start_column(para);
    int breaks = 0;
    for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
        cmark_node_type ty = cmark_node_get_type(c);
        breaks += ty == CMARK_NODE_SOFTBREAK || ty == CMARK_NODE_LINEBREAK;
    }
    // Segment k is source line sl + k, unless a code span or link hid a newline.
    const bool mapped = breaks == el - sl;

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
        if (n_img && !n_text && !n_link && !n_other) {
            // An image line ("![](thumbnail)", possibly with inline html): the first is the thumbnail.
            if (d_.thumbnail.empty()) {
                const char* u = cmark_node_get_url(img);
                if (u && *u) d_.thumbnail = resolve_url(u);
            }
            drop = true;
        } else if (n_html && !n_text && !n_link && !n_other) {
            drop = true;  // "<video ...></video>", "<div><video ...>" inside a paragraph
        } else if (n_link == 1 && !n_text && !n_other && !n_img) {
            const char* u = cmark_node_get_url(lnk);
            scratch_.clear();
            flatten_node(lnk, scratch_);
            std::string_view lt = trim(scratch_);
            drop = (u && is_video_url(u)) || lt == "Watch Video" || lt.empty();
        }
        if (!drop) {
            scratch_.clear();
            for (cmark_node* c = seg; c != end; c = cmark_node_next(c)) flatten_node(c, scratch_);
            std::string_view flat = trim(scratch_);
            if (flat.empty()) {
                drop = true;
            } else if (starts_with(flat, "[Watch Video]")) {
                drop = true;  // "[Watch Video]https://...mp4": not a link, but a video all the same
            } else if (starts_with(flat, "Vote:")) {
                drop = true;
                if (vote_seen_) {
                    diag(static_cast<uint32_t>(ln), Severity::Warning, "second Vote line in one paper ignored");
                } else {
                    vote_seen_ = true;
                    int32_t v = kNoVotes;
                    int kind = parse_vote_value(flat.substr(5), v);
                    if (kind == 1) d_.votes = v;
                    if (kind < 0)
                        diag(static_cast<uint32_t>(ln), Severity::Warning,
                             "malformed vote value \"" + std::string(trim(flat.substr(5)).substr(0, 40)) + "\"");
                }
            } else if (starts_with(flat, "Authors:")) {
                drop = true;
                std::vector<std::string> names = split_authors(flat.substr(8));
                if (d_.authors.empty()) {
                    d_.authors = std::move(names);
                } else {
                    for (auto& nm : names) {
                        bool dup = false;
                        for (const auto& a : d_.authors) dup = dup || a == nm;
                        if (!dup) d_.authors.push_back(std::move(nm));
                    }
                }
            }
        }
        if (drop) {
            flush();
        } else {
            if (!stray.empty()) stray.push_back('\n');
            if (mapped) {
                std::string_view l = ln == sl ? from_column(line(ln), sc) : ltrim_spaces(line(ln));
                stray.append(rtrim_spaces(l));
            } else {
                stray.append(trim(scratch_));
            }
        }
        ++k;
        seg = end ? cmark_node_next(end) : nullptr;
    }
    flush();
}

void Walker::paper_list(cmark_node* list, int level) {
    for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        long idx = -1;
        for (cmark_node* b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
            cmark_node_type ty = cmark_node_get_type(b);
            if (ty == CMARK_NODE_LIST) {
                if (level + 1 >= kMaxListDepth) {
                    if (!deep_warned_) {
                        deep_warned_ = true;
                        diag(static_cast<uint32_t>(cmark_node_get_start_line(b)), Severity::Warning,
                             "lists nested too deeply: inner levels ignored");
                    }
                    continue;
                }
                paper_list(b, level + 1);
                continue;
            }
            if (ty == CMARK_NODE_HTML_BLOCK || ty == CMARK_NODE_THEMATIC_BREAK) continue;
            std::string src;
            if (ty == CMARK_NODE_PARAGRAPH)
                paragraph_source(b, src);
            else
                block_source(b, src);
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
                if (candidate && split_label(src, lab, rest)) {
                    label.assign(lab);
                    text.assign(rest);
                }
            }
            if (label.empty()) text = std::move(src);
            idx = static_cast<long>(d_.summary.size());
            add_item(std::move(label), std::move(text), level);
        }
    }
}

void Walker::run(cmark_node* doc) {
    // Pass over the top-level headings only: does the file have a dated section at all?
    bool has_dated = false;
    std::string h;
    for (cmark_node* n = cmark_node_first_child(doc); n && !has_dated; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_HEADING || cmark_node_get_heading_level(n) != 2) continue;
        h.clear();
        flatten_children(n, h);
        int32_t date;
        bool valid;
        has_dated = heading_date(h, date, valid);
    }
    const int32_t path_date = has_dated ? kNoDate : date_from_path(r_.source);

    bool in_section = !has_dated;  // without dated sections the whole file is one section
    int32_t section_date = path_date;
    for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
        cmark_node_type ty = cmark_node_get_type(n);
        if (ty == CMARK_NODE_HEADING) {
            int level = cmark_node_get_heading_level(n);
            if (level <= 2) {
                finish_paper();
                if (!has_dated) continue;
                h.clear();
                flatten_children(n, h);
                int32_t date;
                bool valid = false;
                if (level == 2 && heading_date(h, date, valid)) {
                    in_section = true;
                    section_date = date;
                    if (!valid)
                        diag(static_cast<uint32_t>(cmark_node_get_start_line(n)), Severity::Warning,
                             "section heading has an impossible date: its papers have no date");
                } else {
                    in_section = false;
                }
                continue;
            }
            if (level == 3) {
                finish_paper();
                if (in_section) start_paper(n, section_date);
                continue;
            }
            if (in_paper_) add_stray(n);
            continue;
        }
        if (!in_paper_) continue;
        switch (ty) {
            case CMARK_NODE_PARAGRAPH: paper_paragraph(n); break;
            case CMARK_NODE_LIST: paper_list(n, 0); break;
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_THEMATIC_BREAK: break;
            default: add_stray(n); break;
        }
    }
    finish_paper();

    if (r_.papers.empty()) {
        diag(0, Severity::Warning, "no Daily Papers found (not a digest?)");
    } else if (!has_dated) {
        if (path_date == kNoDate)
            diag(0, Severity::Warning,
                 "no \"## Daily Papers (YYYY-MM-DD)\" section and no date in the file name: paper dates unknown");
        else
            diag(0, Severity::Info,
                 "no \"## Daily Papers (YYYY-MM-DD)\" section: date " + format_date(path_date) + " taken from the file name");
    }
    if (suppressed_)
        r_.diagnostics.push_back(
            {r_.source, 0, Severity::Info, std::to_string(suppressed_) + " more diagnostics not shown"});
}

}  // namespace

ParseResult parse(std::string_view bytes, std::string_view source_name) {
    if (is_json_input(bytes, source_name)) return parse_hf_json(bytes, source_name);  // hf_json.h
    ParseResult r;
    r.source = std::string(source_name);
    try {
        if (looks_binary(bytes)) {
            r.diagnostics.push_back({r.source, 0, Severity::Error, "not a text file"});
            return r;
        }
        // Clean input (the usual case) is parsed in place; otherwise from a sanitized copy.
        std::string owned;
        std::string_view text = bytes;
        if (utf8_clean_prefix(bytes) != bytes.size()) {
            owned = sanitize_utf8(bytes, r.source, r.diagnostics);
            text = owned;
        }
        if (trim(text).empty()) {
            r.diagnostics.push_back({r.source, 0, Severity::Error, "empty file"});
            return r;
        }
        if (text.size() >= UINT32_MAX / 2) {
            r.diagnostics.push_back({r.source, 0, Severity::Error, "file too large"});
            return r;
        }
        cmark_node* doc = cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS);
        if (!doc) {
            r.diagnostics.push_back({r.source, 0, Severity::Error, "markdown parser failed"});
            return r;
        }
        struct Free {
            cmark_node* d;
            ~Free() { cmark_node_free(d); }
        } guard{doc};
        Walker w(text, r);
        w.run(doc);
    } catch (const std::exception& e) {
        r.diagnostics.push_back({r.source, 0, Severity::Error, std::string("parse failed: ") + e.what()});
    } catch (...) {
        r.diagnostics.push_back({r.source, 0, Severity::Error, "parse failed"});
    }
    return r;
}

}  // namespace dv
