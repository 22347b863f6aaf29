// The search-box query language (query.h): parsing text into a Query, sort key names, and the
// query terms the charts append (their inverse). Matching and running are in query_run.cpp.
#include "query.h"

#include <algorithm>
#include <cstring>

#include "date.h"
#include "text.h"

namespace dv {

namespace {

bool is_space_at(std::string_view s, size_t i, size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        len = 1;
        return true;
    }
    // U+3000 IDEOGRAPHIC SPACE (E3 80 80) and U+00A0 (C2 A0), typed by Korean and macOS keyboards.
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
        len = 3;
        return true;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        len = 2;
        return true;
    }
    return false;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}

// Needle text: whitespace runs inside a phrase become one space (the text never holds a needle
// with a line break), then folded.
std::string make_needle(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    bool space = false;
    for (size_t i = 0; i < v.size();) {
        size_t len;
        if (is_space_at(v, i, len)) {
            space = true;
            i += len;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(v[i++]);
    }
    return fold(out);
}

bool parse_uint(std::string_view s, int32_t& out) {
    if (s.empty() || s.size() > 9) return false;
    int32_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

std::string quoted(std::string_view s) {
    std::string r(1, '"');
    r.append(s);
    r.push_back('"');
    return r;
}

// votes>=N votes>N votes<=N votes<N votes=N votes:N votes:A..B (A or B may be left open)
bool parse_votes(std::string_view tok, Query& q, std::string& err) {
    std::string_view rest = tok.substr(5);
    int32_t lo = INT32_MIN, hi = INT32_MAX, v;
    auto bad = [&](const char* why) {
        err = "votes filter " + quoted(tok) + ": " + why;
        return false;
    };
    if (rest.rfind(">=", 0) == 0) {
        if (!parse_uint(rest.substr(2), v)) return bad("expected a whole number");
        lo = v;
    } else if (rest.rfind("<=", 0) == 0) {
        if (!parse_uint(rest.substr(2), v)) return bad("expected a whole number");
        hi = v;
    } else if (rest[0] == '>') {
        if (!parse_uint(rest.substr(1), v)) return bad("expected a whole number");
        lo = v + 1;
    } else if (rest[0] == '<') {
        if (!parse_uint(rest.substr(1), v)) return bad("expected a whole number");
        if (v == 0) return bad("no vote count is below 0");
        hi = v - 1;
    } else {  // '=' or ':'
        std::string_view val = rest.substr(1);
        size_t dots = val.find("..");
        if (dots == std::string_view::npos) {
            if (!parse_uint(val, v)) return bad("expected a whole number or a range A..B");
            lo = hi = v;
        } else {
            std::string_view a = val.substr(0, dots), b = val.substr(dots + 2);
            if (a.empty() && b.empty()) return bad("expected a range A..B");
            if (!a.empty() && !parse_uint(a, lo)) return bad("expected a range of whole numbers A..B");
            if (!b.empty() && !parse_uint(b, hi)) return bad("expected a range of whole numbers A..B");
            if (lo != INT32_MIN && hi != INT32_MAX && lo > hi) return bad("the range is empty");
        }
    }
    q.votes_lo = std::max(q.votes_lo, lo);
    q.votes_hi = std::min(q.votes_hi, hi);
    q.has_votes = true;
    return true;
}

// date:YYYY date:YYYY-MM date:YYYY-MM-DD date:A..B (prefixes; A or B may be left open)
bool parse_date_term(std::string_view tok, Query& q, std::string& err) {
    std::string_view val = tok.substr(5);
    int32_t lo = INT32_MIN, hi = INT32_MAX, l2, h2;
    auto bad = [&](const char* why) {
        err = "date filter " + quoted(tok) + ": " + why;
        return false;
    };
    size_t dots = val.find("..");
    if (dots == std::string_view::npos) {
        if (!parse_date_prefix(val, lo, hi)) return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
    } else {
        std::string_view a = val.substr(0, dots), b = val.substr(dots + 2);
        if (a.empty() && b.empty()) return bad("expected a range A..B");
        if (!a.empty()) {
            if (!parse_date_prefix(a, l2, h2)) return bad("expected dates YYYY, YYYY-MM or YYYY-MM-DD");
            lo = l2;
        }
        if (!b.empty()) {
            if (!parse_date_prefix(b, l2, h2)) return bad("expected dates YYYY, YYYY-MM or YYYY-MM-DD");
            hi = h2;
        }
        if (lo > hi) return bad("the range is empty");
    }
    q.date_lo = std::max(q.date_lo, lo);
    q.date_hi = std::min(q.date_hi, hi);
    q.has_date = true;
    return true;
}

}  // namespace

Query parse_query(std::string_view text) {
    Query q;
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        size_t len;
        if (is_space_at(text, i, len)) {
            i += len;
            continue;
        }
        bool negate = false;
        if (text[i] == '-') {
            negate = true;
            ++i;
            if (i >= n || is_space_at(text, i, len)) continue;  // a lone '-' is nothing (yet)
        }
        TextTerm term;
        term.negate = negate;
        if (text[i] == '"') {
            size_t close = text.find('"', i + 1);
            if (close == std::string_view::npos) {
                q.errors.push_back("unclosed quote: " + std::string(text.substr(i)));
                break;
            }
            term.needle = make_needle(text.substr(i + 1, close - i - 1));
            i = close + 1;
            if (!term.needle.empty()) q.terms.push_back(std::move(term));
            continue;
        }
        size_t end = i;
        while (end < n && !is_space_at(text, end, len)) ++end;
        std::string_view tok = text.substr(i, end - i);

        if (iequals_prefix(tok, "votes") && tok.size() > 5 && std::strchr("<>=:", tok[5])) {
            std::string err;
            if (negate) q.errors.push_back("a votes filter cannot be negated: -" + std::string(tok));
            else if (!parse_votes(tok, q, err)) q.errors.push_back(err);
            i = end;
            continue;
        }
        if (parse_mark_term(tok, negate, q)) {  // is:starred, has:note, note:word (query_marks.cpp)
            i = end;
            continue;
        }
        if (iequals_prefix(tok, "date:")) {
            std::string err;
            if (negate) q.errors.push_back("a date filter cannot be negated: -" + std::string(tok));
            else if (!parse_date_term(tok, q, err)) q.errors.push_back(err);
            i = end;
            continue;
        }
        static const struct {
            const char* name;
            Field field;
        } kFields[] = {{"title:", Field::Title}, {"author:", Field::Author}, {"summary:", Field::Summary}, {"label:", Field::Label}};
        bool scoped = false;
        for (const auto& f : kFields) {
            if (!iequals_prefix(tok, f.name)) continue;
            scoped = true;
            term.field = f.field;
            const size_t vstart = i + std::strlen(f.name);
            if (vstart < n && text[vstart] == '"') {
                size_t close = text.find('"', vstart + 1);
                if (close == std::string_view::npos) {
                    q.errors.push_back("unclosed quote: " + std::string(text.substr(i)));
                    i = n;
                    break;
                }
                term.needle = make_needle(text.substr(vstart + 1, close - vstart - 1));
                end = close + 1;
            } else {
                term.needle = make_needle(text.substr(vstart, end - vstart));
            }
            if (term.needle.empty()) {
                if (i < n) q.errors.push_back(std::string(f.name) + " needs a value");
            } else {
                q.terms.push_back(std::move(term));
            }
            break;
        }
        if (scoped) {
            i = std::max(i, end);
            continue;
        }
        // A plain word (unknown "x:y" included: titles hold colons).
        term.needle = make_needle(tok);
        q.terms.push_back(std::move(term));
        i = end;
    }
    return q;
}

const char* sort_key_name(SortKey k) {
    switch (k) {
        case SortKey::Date: return "date";
        case SortKey::Votes: return "votes";
        case SortKey::Title: return "title";
        case SortKey::Percentile: return "percentile";
    }
    return "date";
}

bool parse_sort_key(std::string_view s, SortKey& out) {
    for (SortKey k : {SortKey::Date, SortKey::Votes, SortKey::Title, SortKey::Percentile}) {
        if (s == sort_key_name(k)) {
            out = k;
            return true;
        }
    }
    return false;
}

// --- Query terms (the inverse of parse_query) -------------------------------------------------------

std::string query_value(std::string_view value) {
    // Bare only if parse_query would read it back as one token that is a plain value: no space of
    // any kind it splits on (is_space_at), no quote, no leading '-'.
    bool bare = !value.empty() && value[0] != '-';
    for (size_t i = 0; i < value.size() && bare; ++i) {
        size_t len;
        if (value[i] == '"' || is_space_at(value, i, len)) bare = false;
    }
    if (bare) return std::string(value);
    // Quoted: a '"' cannot be escaped, and a line break would never match (needles hold single
    // spaces), so both become spaces; make_needle folds the space runs on the way back in.
    std::string out = "\"";
    for (char c : value) out += (c == '"' || c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    out += '"';
    return out;
}

bool append_query_term(std::string& query, std::string_view term) {
    if (term.empty()) return false;
    for (size_t pos = query.find(term); pos != std::string::npos; pos = query.find(term, pos + 1)) {
        const bool start_ok = pos == 0 || query[pos - 1] == ' ' || query[pos - 1] == '\t';
        const size_t end = pos + term.size();
        const bool end_ok = end == query.size() || query[end] == ' ' || query[end] == '\t';
        if (start_ok && end_ok) return false;
    }
    while (!query.empty() && (query.back() == ' ' || query.back() == '\t')) query.pop_back();
    if (!query.empty()) query += ' ';
    query += term;
    return true;
}

std::string date_term(int32_t date) { return "date:" + format_date(date); }

std::string votes_term(int32_t lo, int32_t hi_inclusive) {
    if (lo == hi_inclusive) return "votes:" + std::to_string(lo);
    return "votes:" + std::to_string(lo) + ".." + std::to_string(hi_inclusive);
}

std::string author_term(std::string_view name) { return "author:" + query_value(name); }

}  // namespace dv
