// Line/item-level scanners for the parser (see parse_fields.h), plus parser.h's
// arxiv_id_from_url and split_authors.
#include "parse_fields.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "date.h"
#include "parser.h"
#include "text.h"

namespace dv {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}
bool ends_with_ci(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    s = s.substr(s.size() - suffix.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

}  // namespace

std::string arxiv_id_from_url(std::string_view url) {
    size_t p = std::string_view::npos;
    for (std::string_view key : {"arxiv.org/abs/", "arxiv.org/pdf/", "/papers/"}) {
        size_t k = url.find(key);
        if (k != std::string_view::npos) {
            p = k + key.size();
            break;
        }
    }
    if (p == std::string_view::npos) return {};
    std::string_view rest = url.substr(p);
    rest = rest.substr(0, rest.find_first_of("?#"));
    std::string_view seg = rest.substr(0, rest.find('/'));
    std::string id;
    bool old_style = false;
    if (seg.size() < rest.size() && !seg.empty()) {
        // "hep-th/9901001": an archive name (letters, '-', '.') then the number.
        bool archive = true;
        for (char c : seg)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.')) archive = false;
        if (archive) {
            std::string_view num = rest.substr(seg.size() + 1);
            num = num.substr(0, num.find('/'));
            id.assign(seg);
            id.push_back('/');
            id.append(num);
            old_style = true;
        }
    }
    if (!old_style) id.assign(seg);
    if (ends_with_ci(id, ".pdf")) id.resize(id.size() - 4);
    // Version suffix "v2".
    size_t v = id.find_last_of("vV");
    if (v != std::string::npos && v > 0 && is_digit(id[v - 1]) && all_digits(std::string_view(id).substr(v + 1)))
        id.resize(v);
    std::string_view s = id;
    if (old_style) {
        size_t slash = s.find('/');
        if (!all_digits(s.substr(slash + 1)) || s.size() - slash - 1 != 7) return {};
        return id;
    }
    return is_arxiv_new_id(s) ? id : std::string();
}

bool is_arxiv_new_id(std::string_view s) {
    // YYMM.NNNN or YYMM.NNNNN, MM a month (arXiv's scheme since 2007).
    if (s.size() < 9 || s.size() > 10 || s[4] != '.' || !all_digits(s.substr(0, 4)) || !all_digits(s.substr(5)))
        return false;
    const int month = (s[2] - '0') * 10 + (s[3] - '0');
    return month >= 1 && month <= 12;
}

namespace {

void add_author(std::vector<std::string>& out, std::unordered_set<std::string_view>* seen, std::string_view name) {
    name = trim(name);
    if (name.empty() || name == "+") return;
    if (seen) {
        if (seen->count(name)) return;
    } else {
        for (const auto& a : out)
            if (a == name) return;
    }
    out.emplace_back(name);
    if (seen) seen->insert(out.back());  // views into strings that never move (reserved below)
}

}  // namespace

std::vector<std::string> split_authors(std::string_view s) {
    s = trim(s);
    std::vector<std::string> out;
    if (s.empty()) return out;
    // Upper bound on the number of names, so the vector never reallocates (the set holds views).
    size_t max_names = 1;
    for (char c : s) max_names += c == ',';
    out.reserve(max_names);
    std::unordered_set<std::string_view> set;
    std::unordered_set<std::string_view>* seen = max_names > 32 ? &set : nullptr;

    if (s.front() != '[') {
        size_t start = 0;
        while (start <= s.size()) {
            size_t comma = s.find(',', start);
            if (comma == std::string_view::npos) comma = s.size();
            add_author(out, seen, s.substr(start, comma - start));
            start = comma + 1;
        }
        return out;
    }

    // A Python list literal: ['A', 'B'] or ["O'Brien", 'C'], quotes possibly unbalanced.
    size_t i = 1, n = s.size();
    std::string buf;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
        if (i >= n || s[i] == ']') break;
        char q = s[i];
        if (q == '\'' || q == '"') {
            // The closing quote is the first q followed by optional spaces then ',' or ']' or the end.
            size_t j = i + 1;
            size_t close = std::string_view::npos;
            buf.clear();
            for (; j < n; ++j) {
                if (s[j] == '\\' && j + 1 < n) {
                    buf.push_back(s[++j]);
                    continue;
                }
                if (s[j] == q) {
                    size_t k = j + 1;
                    while (k < n && s[k] == ' ') ++k;
                    if (k >= n || s[k] == ',' || s[k] == ']') {
                        close = j;
                        break;
                    }
                }
                buf.push_back(s[j]);
            }
            if (close == std::string_view::npos) {
                // Unbalanced: the rest up to a final ']' is one name.
                std::string_view b = buf;
                b = trim(b);
                if (!b.empty() && b.back() == ']') b.remove_suffix(1);
                add_author(out, seen, b);
                break;
            }
            add_author(out, seen, buf);
            i = close + 1;
        } else {
            size_t j = i;
            while (j < n && s[j] != ',' && s[j] != ']') ++j;
            add_author(out, seen, s.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

namespace parse_detail {

std::string resolve_url(std::string_view url) {
    url = trim(url);
    if (url.size() >= 2 && url[0] == '/' && url[1] == '/') return "https:" + std::string(url);
    if (!url.empty() && url[0] == '/') return "https://huggingface.co" + std::string(url);
    return std::string(url);
}

bool is_video_url(std::string_view url) {
    url = url.substr(0, url.find_first_of("?#"));
    return ends_with_ci(url, ".mp4") || ends_with_ci(url, ".webm") || ends_with_ci(url, ".mov") ||
           ends_with_ci(url, ".m4v");
}

int parse_vote_value(std::string_view v, int32_t& out) {
    v = trim(v);
    if (v.empty() || v == "-") return 0;
    if (!all_digits(v) || v.size() > 9) return -1;
    int32_t x = 0;
    for (char c : v) x = x * 10 + (c - '0');
    out = x;
    return 1;
}

bool parse_count(std::string_view s, int32_t& out) {
    s = trim(s);
    int64_t mult = 1;
    if (!s.empty()) {
        char c = s.back();
        if (c == 'k' || c == 'K') mult = 1000;
        else if (c == 'm' || c == 'M') mult = 1000000;
        if (mult > 1) s = trim(s.substr(0, s.size() - 1));
    }
    size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    if (dot != std::string_view::npos && (mult == 1 || !all_digits(frac) || frac.size() > 6)) return false;
    // The whole part: plain digits, or 1-3 digits then ",ddd" groups.
    int64_t v = 0;
    size_t digits = 0, group = 0;
    bool grouped = false;
    for (size_t i = 0; i < whole.size(); ++i) {
        char c = whole[i];
        if (c == ',') {
            if (digits == 0 || (grouped ? group != 3 : group > 3)) return false;
            grouped = true;
            group = 0;
            continue;
        }
        if (!is_digit(c)) return false;
        if (++digits > 10) return false;
        ++group;
        v = v * 10 + (c - '0');
    }
    if (digits == 0 || (grouped && group != 3)) return false;
    v *= mult;
    if (!frac.empty()) {
        int64_t f = 0, scale = 1;
        for (char c : frac) f = f * 10 + (c - '0'), scale *= 10;
        v += (f * mult + scale / 2) / scale;  // rounded to the nearest whole count
    }
    if (v > INT32_MAX) return false;
    out = static_cast<int32_t>(v);
    return true;
}

// The text after a label: without the blanks before it and, with `lines`, the line breaks (it
// may start on a later line: "**Label**:" alone, then a code block).
static std::string_view label_text(std::string_view rest, bool lines) {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t' || (lines && (rest.front() == '\n' || rest.front() == '\r'))))
        rest.remove_prefix(1);
    return rest;
}

namespace {
// The first emphasis marker m in s from i that is not backslash-escaped (an escaped one, "\\*",
// is the label's text: the export escapes labels), or npos.
size_t closing_marker(std::string_view s, char m, size_t i) {
    while (i < s.size() && s[i] != m) i += s[i] == '\\' && i + 1 < s.size() ? 2 : 1;
    return i < s.size() ? i : std::string_view::npos;
}
}  // namespace

bool split_label(std::string_view src, std::string_view& label, std::string_view& text) {
    if (src.empty() || (src[0] != '*' && src[0] != '_')) return false;
    const char m = src[0];
    std::string_view line = src.substr(0, src.find('\n'));
    size_t i = 0;
    while (i < line.size() && line[i] == m) ++i;
    if (i > 3) return false;
    size_t j = closing_marker(line, m, i);
    if (j == std::string_view::npos || j == i) return false;
    std::string_view lab = line.substr(i, j - i);
    size_t p = j;
    while (p < line.size() && line[p] == m) ++p;
    bool colon = false;
    lab = trim(lab);
    if (!lab.empty() && lab.back() == ':') {
        lab.remove_suffix(1);
        colon = true;
    } else {
        size_t q = p;
        while (q < line.size() && line[q] == ' ') ++q;
        if (q < line.size() && line[q] == ':') {
            p = q + 1;
            colon = true;
        }
    }
    lab = trim(lab);
    if (!colon || lab.empty() || lab.size() > 200) return false;
    label = lab;
    text = label_text(src.substr(p), true);
    return true;
}

bool heading_date(std::string_view h, int32_t& date, bool& valid) {
    h = trim(h);
    if (h.size() < 12 || h.back() != ')' || h[h.size() - 12] != '(') return false;
    std::string_view d = h.substr(h.size() - 11, 10);
    // Shape first: "DDDD-DD-DD".
    for (size_t i = 0; i < 10; ++i) {
        bool want_dash = i == 4 || i == 7;
        if (want_dash ? d[i] != '-' : !is_digit(d[i])) return false;
    }
    valid = parse_date(d, date);
    if (!valid) date = kNoDate;
    return true;
}

bool literal_link(std::string_view s, std::string_view& title, std::string_view& url) {
    s = trim(s);
    if (s.size() < 4 || s.front() != '[' || s.back() != ')') return false;
    size_t p = s.rfind("](");
    if (p == std::string_view::npos || p == 0) return false;
    std::string_view dest = s.substr(p + 2, s.size() - p - 3);
    if (dest.find(' ') != std::string_view::npos) return false;
    title = s.substr(1, p - 1);
    url = dest;
    return true;
}

bool split_any_label(std::string_view src, std::string_view& label, std::string_view& text) {
    if (split_label(src, label, text)) return true;
    if (src.empty() || (src[0] != '*' && src[0] != '_')) return false;
    const char m = src[0];
    size_t i = 0;
    while (i < src.size() && src[i] == m && i < 3) ++i;
    size_t j = closing_marker(src, m, i);
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
    text = label_text(src.substr(p), false);
    return true;
}

std::string arxiv_id_field_value(std::string_view value) {
    std::string id = arxiv_id_in_text(value);
    if (id.empty()) id = arxiv_id_from_url(trim(value));
    return id;
}

}  // namespace parse_detail
}  // namespace dv
