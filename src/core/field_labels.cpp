// Field labels, vote markers, title decoration and ids written in text (parse_fields.h): the
// multilingual vocabulary the markdown reader matches lines and cells against.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "key_map.h"
#include "parse_fields.h"
#include "parser.h"
#include "text.h"

namespace dv::parse_detail {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

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
    // Asked of every line that starts like a label (some 40 a digest day): a hash lookup, not
    // ~150 string comparisons. The table's keys are kRoles' literals (KeyMap keeps views).
    static const KeyMap roles = [] {
        KeyMap m(std::size(kRoles));
        for (uint32_t i = 0; i < std::size(kRoles); ++i) m.get_or_insert(kRoles[i].key, i);
        return m;
    }();
    const uint32_t i = roles.find(key);
    return i == KeyMap::kMissing ? FieldRole::None : kRoles[i].role;
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
    if (!is_arxiv_new_id(id)) return 0;
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
            // A separator is required: "arxiv2603.0010" is a word, not a mention.
            const size_t before = i;
            if (s.substr(i, 3) == " ID" || s.substr(i, 3) == " id") i += 3;
            while (i < s.size() && (s[i] == ':' || s[i] == ' ')) ++i;
            if (s.substr(i, 3) == "\xEF\xBC\x9A") i += 3;
            while (i < s.size() && s[i] == ' ') ++i;
            if (i == before) continue;
        }
        std::string id;
        if (id_at(s, i, id)) return id;
    }
    return {};
}

}  // namespace dv::parse_detail
