// Reading one entry of a markdown digest into a PaperDraft (md_doc.h, pass 2). Paragraphs are
// read line by line (inline children split at soft/hard breaks): an image line is the thumbnail,
// a video line is dropped, a line that starts with a field label ("Vote: 12", "**Authors:** …",
// "**原文标题：** …", "**⭐ Stars:** 0") fills that field, anything else is summary text. List
// items are sliced from the sanitized source by their block positions and keep bold labels
// ("- ***What's New***: …") as labelled summary items.
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

constexpr int kMaxListDepth = 32;

bool is_blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t') return false;
    return true;
}
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A label as shown: leading emoji and symbols dropped ("💻 Code" → "Code"), trailing colons too.
// True if the text nodes of [seg, end) hold only symbols and spaces ("🔗 " before a link).
bool symbols_only(cmark_node* seg, cmark_node* end) {
    for (cmark_node* c = seg; c != end; c = cmark_node_next(c))
        if (cmark_node_get_type(c) == CMARK_NODE_TEXT && !clean_label(literal(c)).empty()) return false;
    return true;
}

// The label of a line that starts with bold or emphasis, from its flattened text, for a paragraph
// whose lines cannot be mapped to source lines (a link or code span holds a line break): the
// first node's text ending in a colon, or followed by one. Without it "*原标题：*[title\n](url)"
// was summary text while its export, a line of plain text, read back as the field (found by
// tests/fuzz: emphasis_label_link_across_lines.md). label and rest are views into `flat`.
bool flat_emphasis_label(cmark_node* first, std::string_view flat, std::string_view& label, std::string_view& rest) {
    std::string lab;
    flatten_node(first, lab);
    std::string_view l = trim(lab);
    if (l.empty() || l.size() > 200 || l.find('\n') != std::string_view::npos || flat.substr(0, l.size()) != l) return false;
    std::string_view after = flat.substr(l.size());
    bool colon = false;
    if (l.back() == ':') {
        while (!l.empty() && l.back() == ':') l.remove_suffix(1);
        colon = true;
    } else if (l.size() >= 3 && l.substr(l.size() - 3) == "\xEF\xBC\x9A") {
        l.remove_suffix(3);
        colon = true;
    } else {
        after = ltrim_spaces(after);
        if (!after.empty() && after.front() == ':') after.remove_prefix(1), colon = true;
        else if (after.substr(0, 3) == "\xEF\xBC\x9A") after.remove_prefix(3), colon = true;
    }
    l = trim(l);
    if (!colon || l.empty()) return false;
    label = flat.substr(0, l.size());
    rest = trim(after);
    return true;
}

// The markdown of the inline nodes [seg, end) of a paragraph whose lines cannot be mapped to the
// source (a code span or link holds a line break), rendered back by cmark-gfm: summary text is
// markdown, and the flattened text lost what made it so (a code span's "arxiv.org/abs/ID" names
// no paper; as plain text in the export it named one: found by tests/fuzz,
// code_span_across_lines.md).
void append_segment_markdown(cmark_node* seg, cmark_node* end, std::string& out) {
    std::string md;
    for (cmark_node* c = seg; c != end; c = cmark_node_next(c)) {
        // The renderer ends each node as a block, with a line break: inline nodes of one line
        // joined by them put "<summary>" on a line of its own, an html block that took the next
        // line's text (found by tests/fuzz).
        std::string r = render_commonmark(c);
        while (!r.empty() && r.back() == '\n') r.pop_back();
        md += r;
    }
    out.append(trim(md));
}

}  // namespace

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

void Reader::stray(cmark_node* b) {
    // An empty code block (an unclosed "```") carries no text.
    if (cmark_node_get_type(b) == CMARK_NODE_CODE_BLOCK && trim(literal(b)).empty()) return;
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
            std::string id = arxiv_id_field_value(rest_flat);
            if (!id.empty()) field_id_ = id;
            return true;
        }
        case FieldRole::OriginalTitle:
            original_title_.assign(trim(rest_flat));
            continue_title_ = true;
            return true;
        case FieldRole::Title:
            if (!trim(rest_flat).empty()) d_.title.assign(title_text(trim(rest_flat)));
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

// A line of text in a paper paragraph (not an image, video or bare link): a field, the
// continuation of the field before it, or summary text. True if it was consumed (not text);
// scratch_ holds its flattened text either way.
bool Reader::text_line(cmark_node* seg, cmark_node* end, std::string_view line_md, bool mapped, int ln) {
    bool drop = false;
    // A line that cannot be mapped to the source, as markdown rendered back from its nodes: the
    // flattened text lost the code spans that made it read as itself (a code span's
    // "](arxiv.org/abs/ID)" across lines, continuing a field, was written as a link: found by
    // tests/fuzz, code_span_continues_field.md).
    std::string seg_md;
    auto segment_md = [&]() -> std::string_view {
        if (seg_md.empty()) append_segment_markdown(seg, end, seg_md);
        return seg_md;
    };
        scratch_.clear();
        for (cmark_node* c = seg; c != end; c = cmark_node_next(c)) flatten_node(c, scratch_);
        std::string_view flat = trim(scratch_);
        const cmark_node_type first_ty = cmark_node_get_type(seg);
        std::string_view label, rest;
        std::string unescaped;  // a label cut from the source line, as text
        if (flat.empty()) {
            drop = true;
        } else if (starts_with(flat, "[Watch Video]")) {
            drop = true;  // "[Watch Video]https://...mp4": not a link, but a video all the same
        } else if ((first_ty == CMARK_NODE_STRONG || first_ty == CMARK_NODE_EMPH) &&
                   (mapped ? split_any_label(line_md, label, rest) : flat_emphasis_label(seg, flat, label, rest))) {
            if (mapped) label = unescaped = unescape_markdown(label);
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
            // The value is markdown: on a line that cannot be mapped to the source, the rendered
            // line's, where its label reads as the flattened one.
            std::string_view rest_md = rest, ml, mr;
            if (!mapped && plain_label(segment_md(), ml, mr) && unescape_markdown(ml) == label) rest_md = mr;
            drop = field(label, rest_md, rest, ln, false);
        } else if (continue_title_) {
            original_title_.push_back(' ');
            original_title_.append(flat);
            drop = true;
        } else if (continue_item_ >= 0 && size_t(continue_item_) < d_.summary.size()) {
            auto& t = d_.summary[size_t(continue_item_)].text;
            append_paragraph_line(t, mapped ? line_md : segment_md(), src_.block_checks_left);
            drop = true;
        }
    return drop;
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
            drop = text_line(seg, end, line_md, mapped, ln);
            if (drop) flush();
        }
        if (drop) {
            flush();
        } else {
            if (mapped && stray.empty() && k > 0) append_continued_first_line(stray, line_md, src_.block_checks_left);
            else if (mapped) append_paragraph_line(stray, line_md, src_.block_checks_left);
            else {
                if (!stray.empty()) stray.push_back('\n');
                append_segment_markdown(seg, end, stray);
            }
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
                // A later paragraph of the same item (loose item): part of its text. After a label
                // alone on its line ("- **Label**:" then a code block) it is the whole text.
                auto& t = d_.summary[static_cast<size_t>(idx)].text;
                if (!t.empty()) t.append("\n\n");
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
                    label = unescape_markdown(lab);  // cut from the source: as text
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
                // The marker and the space or tab that may follow it; 4 spaces more are the
                // quote's own indentation (code, a continuation line), fewer mean nothing. A lazy
                // line (no marker) continues a paragraph.
                const bool marked = !l.empty() && l[0] == '>';
                if (marked) {
                    l.remove_prefix(1);
                    if (!l.empty() && (l[0] == ' ' || l[0] == '\t')) l.remove_prefix(1);
                    if (l.size() - ltrim_spaces(l).size() < 4) l = ltrim_spaces(l);
                }
                if (out.empty()) out.append(l);
                else if (marked) out.append("\n").append(l);
                else append_paragraph_line(out, l, src_.block_checks_left);
                i = e + 1;
            }
            if (!trim(out).empty()) add_item({}, std::move(out), 0);
            break;
        }
        case CMARK_NODE_CODE_BLOCK: {
            // A fenced markdown summary ("```markdown"): read as the paper's own blocks.
            if (depth == 0 && is_markdown_fence(n)) {
                std::string_view inner = literal(n);
                const MarkdownDoc doc = parse_markdown(inner, 0);
                if (doc) {
                    // The inner document has its own line numbers: slice it from its own text,
                    // and say its lines as the file's (its line 1 follows the opening fence).
                    SourceText inner_src(inner);
                    Reader sub(inner_src, diags_, d_);
                    sub.vote_seen_ = vote_seen_;
                    sub.pending_label_ = std::move(pending_label_);
                    pending_label_.clear();
                    const uint32_t outer_base = diags_.line_base;
                    diags_.line_base += uint32_t(cmark_node_get_start_line(n));
                    sub.blocks(cmark_node_first_child(doc.root()), nullptr, depth + 1);
                    diags_.line_base = outer_base;
                    vote_seen_ = sub.vote_seen_;
                    if (original_title_.empty()) original_title_ = sub.original_title_;
                    if (field_id_.empty()) field_id_ = sub.field_id_;
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

}  // namespace dv::md
