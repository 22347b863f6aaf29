#include "inline_markdown.h"

#include "cmark-gfm.h"
#include "markdown.h"

namespace dv {

bool is_web_url(std::string_view url) {
    auto scheme = [&](std::string_view p) {  // p is lower case
        if (url.size() < p.size()) return false;
        for (size_t i = 0; i < p.size(); i++) {
            char c = url[i];
            if (c >= 'A' && c <= 'Z') c = char(c + 32);
            if (c != p[i]) return false;
        }
        return true;
    };
    size_t host;
    if (scheme("https://")) host = 8;
    else if (scheme("http://")) host = 7;
    else return false;
    if (host >= url.size() || url[host] == '/' || url[host] == '?' || url[host] == '#') return false;
    for (char c : url) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) return false;  // whitespace and control characters
    }
    return true;
}

// Backslash-escapes block markers at line starts so cmark reads every line as inline text.
static std::string protect_blocks(std::string_view md) {
    std::string out;
    out.reserve(md.size() + 8);
    size_t i = 0;
    while (i <= md.size()) {
        size_t eol = md.find('\n', i);
        std::string_view line = md.substr(i, eol == std::string_view::npos ? std::string_view::npos : eol - i);
        size_t k = 0;
        while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) k++;
        std::string_view rest = line.substr(k);
        bool block = false;
        if (!rest.empty()) {
            char c = rest[0];
            if ((c == '-' || c == '+' || c == '*') && (rest.size() == 1 || rest[1] == ' ' || rest[1] == '\t')) block = true;
            if (c == '#' || c == '>' || c == '=' || c == '|') block = true;
            if (c == '`' && rest.size() >= 3 && rest[1] == '`' && rest[2] == '`') block = true;
            if (c == '~' && rest.size() >= 3 && rest[1] == '~' && rest[2] == '~') block = true;
            if (c >= '0' && c <= '9') {
                size_t d = 0;
                while (d < rest.size() && rest[d] >= '0' && rest[d] <= '9') d++;
                if (d < rest.size() && (rest[d] == '.' || rest[d] == ')')) {
                    out.append(line.substr(0, k + d));
                    out += '\\';
                    out.append(rest.substr(d));
                    goto next;
                }
            }
        }
        out.append(line.substr(0, k));
        if (block) out += '\\';
        out.append(rest);
    next:
        if (eol == std::string_view::npos) break;
        out += '\n';
        i = eol + 1;
    }
    return out;
}

// Splits plain text at bare http(s) URLs so they become clickable.
static void push_text(std::vector<TextRun>& runs, std::string_view text, uint8_t style, bool newline) {
    while (!text.empty()) {
        size_t a = text.find("http://"), b = text.find("https://");
        size_t at = std::min(a, b);
        if (at == std::string_view::npos || (style & RunLink)) {
            runs.push_back({std::string(text), style, {}, newline});
            return;
        }
        if (at > 0) {
            runs.push_back({std::string(text.substr(0, at)), style, {}, newline});
            newline = false;
        }
        size_t end = at;
        while (end < text.size() && (unsigned char)text[end] > ' ' && text[end] != ')' && text[end] != '>' &&
               text[end] != '"')
            end++;
        while (end > at && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';')) end--;
        std::string url(text.substr(at, end - at));
        runs.push_back({url, uint8_t(style | RunLink), url, newline});
        newline = false;
        text.remove_prefix(end);
    }
}

std::vector<TextRun> inline_runs(std::string_view markdown) {
    std::vector<TextRun> runs;
    std::string src = protect_blocks(markdown);
    const MarkdownDoc parsed = parse_markdown(src, CMARK_OPT_VALIDATE_UTF8);
    cmark_node* doc = parsed.root();
    if (!doc) {
        runs.push_back({std::string(markdown), 0, {}, false});
        return runs;
    }
    cmark_iter* it = cmark_iter_new(doc);
    uint8_t style = 0;
    std::vector<std::string> link_stack;
    bool pending_newline = false, first_block = true;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);
        bool enter = ev == CMARK_EVENT_ENTER;
        switch (t) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
            if (enter) {
                if (!first_block) pending_newline = true;
                first_block = false;
            }
            if (enter && (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK)) {
                const char* lit = cmark_node_get_literal(n);
                if (lit) push_text(runs, lit, uint8_t(style | (t == CMARK_NODE_CODE_BLOCK ? RunCode : 0)), pending_newline);
                pending_newline = false;
            }
            break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE: {
            const char* lit = cmark_node_get_literal(n);
            if (lit && *lit) {
                push_text(runs, lit, style, pending_newline);
                pending_newline = false;
            }
            break;
        }
        case CMARK_NODE_CODE: {
            const char* lit = cmark_node_get_literal(n);
            runs.push_back({lit ? lit : "", uint8_t(style | RunCode), {}, pending_newline});
            pending_newline = false;
            break;
        }
        case CMARK_NODE_SOFTBREAK:
            push_text(runs, " ", style, pending_newline);
            pending_newline = false;
            break;
        case CMARK_NODE_LINEBREAK: pending_newline = true; break;
        case CMARK_NODE_EMPH: style = enter ? uint8_t(style | RunItalic) : uint8_t(style & ~RunItalic); break;
        case CMARK_NODE_STRONG: style = enter ? uint8_t(style | RunBold) : uint8_t(style & ~RunBold); break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            if (enter) {
                const char* url = cmark_node_get_url(n);
                link_stack.push_back(url ? url : "");
                style |= RunLink;
            } else {
                if (!link_stack.empty()) link_stack.pop_back();
                if (link_stack.empty()) style &= ~RunLink;
            }
            break;
        default: break;
        }
        // Links: attach the url to runs produced inside them.
        if (!link_stack.empty() && !runs.empty() && (runs.back().style & RunLink) && runs.back().url.empty())
            runs.back().url = link_stack.back();
    }
    cmark_iter_free(it);
    // Merge adjacent runs of the same style (fewer draw calls, simpler wrapping).
    std::vector<TextRun> merged;
    for (TextRun& r : runs) {
        if (!merged.empty() && !r.newline && merged.back().style == r.style && merged.back().url == r.url) {
            merged.back().text += r.text;
        } else {
            merged.push_back(std::move(r));
        }
    }
    return merged;
}

}  // namespace dv
