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
    // New style: NNNN.NNNN or NNNN.NNNNN.
    if (s.size() < 9 || s.size() > 10 || s[4] != '.' || !all_digits(s.substr(0, 4)) || !all_digits(s.substr(5)))
        return {};
    return id;
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

bool split_label(std::string_view src, std::string_view& label, std::string_view& text) {
    if (src.empty() || (src[0] != '*' && src[0] != '_')) return false;
    const char m = src[0];
    std::string_view line = src.substr(0, src.find('\n'));
    size_t i = 0;
    while (i < line.size() && line[i] == m) ++i;
    if (i > 3) return false;
    size_t j = line.find(m, i);
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
    std::string_view rest = src.substr(p);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    text = rest;
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

namespace {

// The label as compared: ASCII letters lowered, letters and digits of any script kept, emoji,
// symbols and punctuation dropped, runs of spaces folded to one, trimmed.
std::string label_key(std::string_view label) {
    std::string out;
    size_t i = 0;
    bool space = false;
    while (i < label.size()) {
        const size_t at = i;
        const uint32_t cp = decode_utf8(label, i);
        const bool ascii_alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        const bool other_letter = cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
                                  !(cp >= 0xFE00 && cp <= 0xFE0F) && !(cp >= 0xFF00 && cp <= 0xFF0F) &&
                                  !(cp >= 0xFF1A && cp <= 0xFF20) && cp < 0x1F000;
        if (ascii_alnum || other_letter) {
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            if (cp >= 'A' && cp <= 'Z') out.push_back(char(cp - 'A' + 'a'));
            else out.append(label.substr(at, i - at));
        } else if (cp == ' ' || cp == '\t' || cp == '_' || cp == '-' || cp == '/' || cp == 0xA0 || cp == 0x3000) {
            space = true;
        }
    }
    return out;
}

struct RoleName {
    const char* key;
    FieldRole role;
};

// Keys as label_key() gives them.
const RoleName kRoles[] = {
    {"vote", FieldRole::Votes}, {"votes", FieldRole::Votes}, {"upvote", FieldRole::Votes},
    {"upvotes", FieldRole::Votes}, {"star", FieldRole::Votes}, {"stars", FieldRole::Votes},
    {"likes", FieldRole::Votes}, {"like", FieldRole::Votes}, {"score", FieldRole::Votes},
    {"\xEC\xB6\x94\xEC\xB2\x9C", FieldRole::Votes},                       // 추천
    {"\xEC\xB6\x94\xEC\xB2\x9C\xEC\x88\x98", FieldRole::Votes},           // 추천수
    {"\xED\x88\xAC\xED\x91\x9C", FieldRole::Votes},                       // 투표
    {"\xE7\x82\xB9\xE8\xB5\x9E", FieldRole::Votes},                       // 点赞
    {"\xE7\x82\xB9\xE8\xB5\x9E\xE6\x95\xB0", FieldRole::Votes},           // 点赞数
    {"\xE8\xB5\x9E", FieldRole::Votes},                                   // 赞
    {"\xE7\xA5\xA8\xE6\x95\xB0", FieldRole::Votes},                       // 票数
    {"b\xC3\xACnh ch\xE1\xBB\x8Dn", FieldRole::Votes},                    // bình chọn
    {"l\xC6\xB0\xE1\xBB\xA3t b\xC3\xACnh ch\xE1\xBB\x8Dn", FieldRole::Votes},  // lượt bình chọn
    {"authors", FieldRole::Authors}, {"author", FieldRole::Authors},
    {"\xEC\xA0\x80\xEC\x9E\x90", FieldRole::Authors},                     // 저자
    {"\xE4\xBD\x9C\xE8\x80\x85", FieldRole::Authors},                     // 作者
    {"t\xC3\xA1" "c gi\xE1\xBA\xA3", FieldRole::Authors},                  // tác giả
    {"abstract", FieldRole::Summary}, {"summary", FieldRole::Summary}, {"tldr", FieldRole::Summary},
    {"tl dr", FieldRole::Summary}, {"ai summary", FieldRole::Summary},
    {"\xE6\x91\x98\xE8\xA6\x81", FieldRole::Summary},                     // 摘要
    {"\xE6\x80\xBB\xE7\xBB\x93", FieldRole::Summary},                     // 总结
    {"\xE8\xAE\xBA\xE6\x96\x87\xE6\x91\x98\xE8\xA6\x81", FieldRole::Summary},  // 论文摘要
    {"\xEC\x9A\x94\xEC\x95\xBD", FieldRole::Summary},                     // 요약
    {"\xEC\xB4\x88\xEB\xA1\x9D", FieldRole::Summary},                     // 초록
    {"t\xC3\xB3m t\xE1\xBA\xAFt", FieldRole::Summary},                    // tóm tắt
    {"original title", FieldRole::OriginalTitle}, {"english title", FieldRole::OriginalTitle},
    {"\xE5\x8E\x9F\xE6\x96\x87\xE6\xA0\x87\xE9\xA2\x98", FieldRole::OriginalTitle},  // 原文标题
    {"\xE5\x8E\x9F\xE6\xA0\x87\xE9\xA2\x98", FieldRole::OriginalTitle},              // 原标题
    {"\xE8\x8B\xB1\xE6\x96\x87\xE6\xA0\x87\xE9\xA2\x98", FieldRole::OriginalTitle},  // 英文标题
    {"\xEC\x9B\x90\xEC\xA0\x9C", FieldRole::OriginalTitle},                          // 원제
    {"\xEC\x9B\x90\xEB\xAC\xB8 \xEC\xA0\x9C\xEB\xAA\xA9", FieldRole::OriginalTitle},  // 원문 제목
    {"ti\xC3\xAAu \xC4\x91\xE1\xBB\x81 g\xE1\xBB\x91" "c", FieldRole::OriginalTitle},  // tiêu đề gốc
    {"title", FieldRole::Title}, {"paper title", FieldRole::Title}, {"name", FieldRole::Title},
    {"\xE6\xA0\x87\xE9\xA2\x98", FieldRole::Title},                       // 标题
    {"\xEC\xA0\x9C\xEB\xAA\xA9", FieldRole::Title},                       // 제목
    {"ti\xC3\xAAu \xC4\x91\xE1\xBB\x81", FieldRole::Title},               // tiêu đề
    {"links", FieldRole::Links}, {"link", FieldRole::Links}, {"paper", FieldRole::Links},
    {"paper link", FieldRole::Links}, {"paper url", FieldRole::Links}, {"url", FieldRole::Links},
    {"arxiv", FieldRole::Links}, {"pdf", FieldRole::Links}, {"hugging face", FieldRole::Links},
    {"huggingface", FieldRole::Links}, {"read more", FieldRole::Links},
    {"\xE8\xAE\xBA\xE6\x96\x87\xE9\x93\xBE\xE6\x8E\xA5", FieldRole::Links},  // 论文链接
    {"\xE9\x93\xBE\xE6\x8E\xA5", FieldRole::Links},                          // 链接
    {"\xEB\xA7\x81\xED\x81\xAC", FieldRole::Links},                          // 링크
    {"\xEB\x85\xBC\xEB\xAC\xB8", FieldRole::Links},                          // 논문
    {"\xEB\x85\xBC\xEB\xAC\xB8 \xEB\xA7\x81\xED\x81\xAC", FieldRole::Links},  // 논문 링크
    {"li\xC3\xAAn k\xE1\xBA\xBFt", FieldRole::Links},                        // liên kết
    {"arxiv id", FieldRole::ArxivId}, {"paper id", FieldRole::ArxivId}, {"id", FieldRole::ArxivId},
    {"code", FieldRole::Code}, {"github", FieldRole::Code}, {"repo", FieldRole::Code},
    {"repository", FieldRole::Code},
    {"\xE4\xBB\xA3\xE7\xA0\x81", FieldRole::Code},                        // 代码
    {"\xEC\xBD\x94\xEB\x93\x9C", FieldRole::Code},                        // 코드
    {"m\xC3\xA3 ngu\xE1\xBB\x93n", FieldRole::Code},                      // mã nguồn
    {"project page", FieldRole::ProjectPage}, {"project", FieldRole::ProjectPage},
    {"homepage", FieldRole::ProjectPage}, {"website", FieldRole::ProjectPage},
    {"\xE9\xA1\xB9\xE7\x9B\xAE\xE4\xB8\xBB\xE9\xA1\xB5", FieldRole::ProjectPage},  // 项目主页
    {"\xED\x94\x84\xEB\xA1\x9C\xEC\xA0\x9D\xED\x8A\xB8 \xED\x8E\x98\xEC\x9D\xB4\xEC\xA7\x80", FieldRole::ProjectPage},
    {"submitted by", FieldRole::Submitter}, {"submitter", FieldRole::Submitter},
    {"\xE6\x8F\x90\xE4\xBA\xA4\xE8\x80\x85", FieldRole::Submitter},       // 提交者
    {"\xEC\xA0\x9C\xEC\xB6\x9C\xEC\x9E\x90", FieldRole::Submitter},       // 제출자
    {"date", FieldRole::Date}, {"published", FieldRole::Date},
    {"\xE6\x97\xA5\xE6\x9C\x9F", FieldRole::Date},                        // 日期
    {"\xEB\x82\xA0\xEC\xA7\x9C", FieldRole::Date},                        // 날짜
};

bool is_space_byte(char c) { return c == ' ' || c == '\t'; }

}  // namespace

FieldRole field_role(std::string_view label) {
    if (label.size() > 80) return FieldRole::None;
    const std::string key = label_key(label);
    if (key.empty()) return FieldRole::None;
    for (const RoleName& r : kRoles)
        if (key == r.key) return r.role;
    return FieldRole::None;
}

bool plain_label(std::string_view line, std::string_view& label, std::string_view& rest) {
    // The colon within the first 40 bytes, ASCII ':' or full-width '：' (EF BC 9A).
    const size_t limit = std::min<size_t>(line.size(), 40);
    for (size_t i = 0; i < limit; ++i) {
        const char c = line[i];
        size_t after = 0;
        if (c == ':') after = i + 1;
        else if (c == '\xEF' && line.substr(i, 3) == "\xEF\xBC\x9A") after = i + 3;
        if (!after) {
            if (c == '[' || c == '(' || c == '*' || c == '`' || c == '<' || c == '!') return false;  // markup: not plain
            continue;
        }
        // "https://..." is not a label.
        if (line.substr(after, 2) == "//") return false;
        std::string_view l = trim(line.substr(0, i));
        if (l.empty()) return false;
        label = l;
        rest = trim(line.substr(after));
        return true;
    }
    return false;
}

bool vote_marker(std::string_view s, int32_t& votes, size_t& at, size_t& end) {
    // ⭐ E2 AD 90, 🌟 F0 9F 8C 9F, ⬆ E2 AC 86, 👍 F0 9F 91 8D, ▲ E2 96 B2, 🔥 F0 9F 94 A5; each may
    // be followed by U+FE0F (EF B8 8F).
    static const std::string_view kMarks[] = {"\xE2\xAD\x90", "\xF0\x9F\x8C\x9F", "\xE2\xAC\x86", "\xF0\x9F\x91\x8D",
                                              "\xE2\x96\xB2", "\xF0\x9F\x94\xA5"};
    for (size_t i = 0; i < s.size(); ++i) {
        if (static_cast<unsigned char>(s[i]) < 0xE2) continue;
        for (std::string_view m : kMarks) {
            if (s.substr(i, m.size()) != m) continue;
            size_t j = i + m.size();
            if (s.substr(j, 3) == "\xEF\xB8\x8F") j += 3;
            while (j < s.size() && is_space_byte(s[j])) ++j;
            // Optional word then colon: "⭐ Stars: 12".
            size_t k = j;
            while (k < s.size() && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))) ++k;
            if (k > j && k < s.size() && s[k] == ':') {
                j = k + 1;
                while (j < s.size() && is_space_byte(s[j])) ++j;
            }
            size_t e = j;
            while (e < s.size() && (is_digit(s[e]) || s[e] == '.' || s[e] == ',' || s[e] == 'k' || s[e] == 'K' ||
                                    s[e] == 'm' || s[e] == 'M'))
                ++e;
            int32_t v;
            if (e > j && parse_count(s.substr(j, e - j), v)) {
                votes = v;
                at = i;
                end = e;
                return true;
            }
        }
    }
    return false;
}

std::string_view strip_title_decoration(std::string_view t) {
    t = trim(t);
    // A trailing vote marker ("Title ⭐ 147").
    int32_t v;
    size_t at, end;
    if (vote_marker(t, v, at, end) && trim(t.substr(end)).empty() && at > 0) t = trim(t.substr(0, at));
    // Leading numbering.
    size_t i = 0;
    if (t.substr(0, 3) == "No." || t.substr(0, 3) == "no.") i = 3;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i < t.size() && t[i] == '#') ++i;
    size_t d = i;
    while (d < t.size() && is_digit(t[d]) && d - i < 4) ++d;
    if (d > i) {
        size_t k = d;
        bool sep = false;
        if (t.substr(k, 6) == "\xEF\xB8\x8F\xE2\x83\xA3") {  // keycap: digit U+FE0F U+20E3
            k += 6;
            sep = true;
        } else if (t.substr(k, 3) == "\xE2\x83\xA3") {
            k += 3;
            sep = true;
        } else if (k < t.size() && (t[k] == '.' || t[k] == ')' || t[k] == ':')) {
            ++k;
            sep = k < t.size() && (t[k] == ' ' || t[k] == '\t');
        } else if (t.substr(k, 3) == "\xE3\x80\x81" || t.substr(k, 3) == "\xEF\xBC\x8E") {  // 、 ．
            k += 3;
            sep = true;
        }
        if (sep) {
            std::string_view rest = trim(t.substr(k));
            if (!rest.empty()) return rest;
        }
    } else if (t.substr(0, 2) == "\xE2\x91" && t.size() > 3 && static_cast<unsigned char>(t[2]) >= 0xA0 &&
               static_cast<unsigned char>(t[2]) <= 0xB3) {  // ① .. ⑳
        std::string_view rest = trim(t.substr(3));
        if (!rest.empty()) return rest;
    }
    return t;
}

namespace {

// An arXiv id at s[i] ("2505.04588", "2505.04588v2"): its length (version included), 0 if none.
size_t id_at(std::string_view s, size_t i, std::string& id) {
    if (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.')) return 0;
    size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j - i != 4 || j >= s.size() || s[j] != '.') return 0;
    size_t k = j + 1;
    while (k < s.size() && is_digit(s[k])) ++k;
    if (k - j - 1 < 4 || k - j - 1 > 5) return 0;
    id.assign(s.substr(i, k - i));
    if (k < s.size() && (s[k] == 'v' || s[k] == 'V')) {
        size_t v = k + 1;
        while (v < s.size() && is_digit(s[v])) ++v;
        if (v > k + 1) k = v;
    }
    if (k < s.size() && (is_digit(s[k]) || s[k] == '.')) return 0;
    return k - i;
}

}  // namespace

std::string arxiv_id_in_text(std::string_view s) {
    s = trim(s);
    if (s.size() > 6 && (s.substr(0, 6) == "arXiv:" || s.substr(0, 6) == "arxiv:")) s = trim(s.substr(6));
    std::string id;
    if (!s.empty() && id_at(s, 0, id) == s.size()) return id;
    return {};
}

std::string arxiv_id_mentioned(std::string_view s) {
    for (size_t p = s.find("rxiv"); p != std::string_view::npos; p = s.find("rxiv", p + 4)) {
        if (p == 0 || (s[p - 1] != 'a' && s[p - 1] != 'A')) continue;
        size_t i = p + 4;
        // "arXiv:ID", "arXiv ID: ID", "arXiv: ID", "arxiv.org/abs/ID".
        if (s.substr(i, 9) == ".org/abs/" || s.substr(i, 9) == ".org/pdf/") i += 9;
        else {
            if (s.substr(i, 3) == " ID" || s.substr(i, 3) == " id") i += 3;
            while (i < s.size() && (s[i] == ':' || s[i] == ' ')) ++i;
            if (s.substr(i, 3) == "\xEF\xBC\x9A") i += 3;
            while (i < s.size() && s[i] == ' ') ++i;
        }
        std::string id;
        if (id_at(s, i, id)) return id;
    }
    return {};
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

}  // namespace parse_detail
}  // namespace dv
