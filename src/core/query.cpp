// The search-box query language: parsing, matching and sorting (query.h).
//
// run_query: the index narrows each positive text term to a candidate bitmask (ANDed); votes and
// date filters are checked first on each candidate, then the text terms are verified with
// contains_folded() on their field. A negated term whose index bits are absent cannot occur, so
// such entries skip its verification. Results are sorted with a stable LSD radix sort on a 32-bit
// key per entry (ties keep the library order).
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

bool votes_ok(const Query& q, int32_t votes) {
    return !q.has_votes || (votes != kNoVotes && votes >= q.votes_lo && votes <= q.votes_hi);
}

bool date_ok(const Library& lib, const Entry& e, const Query& q) {
    if (!q.has_date) return true;
    if (e.date == kNoDate || e.last_date < q.date_lo || e.date > q.date_hi) return false;
    if (e.date >= q.date_lo || e.last_date <= q.date_hi) return true;  // an end is inside
    for (uint32_t a = e.first_appearance; a < e.first_appearance + e.appearance_count; ++a) {
        const int32_t d = lib.appearances[a].date;
        if (d != kNoDate && d >= q.date_lo && d <= q.date_hi) return true;
    }
    return false;
}

// Does the term's field of p hold the needle? Match(hay, needle) is the substring test.
template <class Match>
bool field_holds(const Paper& p, const TextTerm& t, Match&& match) {
    switch (t.field) {
        case Field::Any: return match(searchable(p), t.needle);
        case Field::Title: return match(get(p, p.title), t.needle);
        case Field::Author: {
            // The authors are stored back to back, one '\n' apart (model.h); a needle never holds
            // '\n', so one search over that span is "any author holds it".
            const auto& as = p.authors;
            if (as.empty()) return false;
            bool packed = true;
            for (size_t k = 1; k < as.size() && packed; ++k)
                packed = as[k].off == as[k - 1].off + as[k - 1].len + 1 && p.text[as[k].off - 1] == '\n';
            if (packed && !is_null(as.front()) && p.text[as.back().off + as.back().len] == '\n')
                return match(std::string_view(p.text.data() + as.front().off, as.back().off + as.back().len - as.front().off), t.needle);
            for (Str a : as)
                if (match(get(p, a), t.needle)) return true;
            return false;
        }
        case Field::Summary:
            for (const SummaryItem& s : p.summary)
                if (match(get(p, s.text), t.needle)) return true;
            return false;
        case Field::Label:
            for (const SummaryItem& s : p.summary)
                if (match(get(p, s.label), t.needle)) return true;
            return false;
    }
    return false;
}

// Stable LSD radix sort of (key << 32 | index) pairs by key, 16 bits at a time.
void radix_sort_by_key(std::vector<uint64_t>& v) {
    std::vector<uint64_t> tmp(v.size());
    for (int shift = 32; shift < 64; shift += 16) {
        std::vector<uint32_t> count(65537, 0);  // not on the stack: the web build's is small
        for (uint64_t x : v) ++count[((x >> shift) & 0xFFFF) + 1];
        for (int i = 0; i < 65536; ++i) count[i + 1] += count[i];
        for (uint64_t x : v) tmp[count[(x >> shift) & 0xFFFF]++] = x;
        v.swap(tmp);
    }
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

bool entry_matches(const Library& lib, uint32_t ei, const Query& q) { return entry_matches(lib, ei, q, nullptr); }

bool entry_matches(const Library& lib, uint32_t ei, const Query& q, const QueryContext* ctx) {
    if (ei >= lib.entries.size()) return false;
    if (!marks_match(ei, q, ctx)) return false;
    const Entry& e = lib.entries[ei];
    if (!votes_ok(q, e.votes)) return false;
    if (q.has_date) {  // straightforward: any appearance in range
        bool any = false;
        for (uint32_t a = e.first_appearance; a < e.first_appearance + e.appearance_count; ++a) {
            const int32_t d = lib.appearances[a].date;
            any |= d != kNoDate && d >= q.date_lo && d <= q.date_hi;
        }
        if (!any) return false;
    }
    // The oracle folds the field and uses a plain find, independent of contains_folded.
    auto slow = [](std::string_view hay, const std::string& needle) { return fold(hay).find(needle) != std::string::npos; };
    const Paper& p = entry_paper(lib, e);
    for (const TextTerm& t : q.terms) {
        bool holds = false;
        switch (t.field) {
            case Field::Any: holds = slow(searchable(p), t.needle); break;
            case Field::Title: holds = slow(get(p, p.title), t.needle); break;
            case Field::Author:
                for (Str a : p.authors) holds = holds || slow(get(p, a), t.needle);
                break;
            case Field::Summary:
                for (const SummaryItem& s : p.summary) holds = holds || slow(get(p, s.text), t.needle);
                break;
            case Field::Label:
                for (const SummaryItem& s : p.summary) holds = holds || slow(get(p, s.label), t.needle);
                break;
        }
        if (holds == t.negate) return false;
    }
    return true;
}

bool query_narrows(const Query& n, const Query& w) {
    if (!marks_narrow(n, w)) return false;
    if (w.has_votes && (!n.has_votes || n.votes_lo < w.votes_lo || n.votes_hi > w.votes_hi)) return false;
    if (w.has_date && (!n.has_date || n.date_lo < w.date_lo || n.date_hi > w.date_hi)) return false;
    for (const TextTerm& wt : w.terms) {
        bool implied = false;
        for (const TextTerm& nt : n.terms) {
            if (nt.negate != wt.negate) continue;
            if (!wt.negate) {
                // Any field covers every scoped one: searchable() holds title, authors, summary, labels.
                bool field_ok = nt.field == wt.field || wt.field == Field::Any;
                if (field_ok && nt.needle.find(wt.needle) != std::string::npos) implied = true;
            } else {
                // Excluding a substring excludes at least as much.
                if (nt.field == wt.field && wt.needle.find(nt.needle) != std::string::npos) implied = true;
            }
            if (implied) break;
        }
        if (!implied) return false;
    }
    return true;
}

std::vector<uint32_t> run_query(const Library& lib, const Query& q, Sort sort, const std::vector<uint32_t>* within,
                                const QueryContext* ctx) {
    const uint32_t count = uint32_t(lib.entries.size());
    std::vector<uint32_t> result;
    if (count == 0) return result;
    const bool indexed = lib.index.count == count;

    // Candidates: all entries, narrowed by the index for every positive text term.
    const size_t words = (count + 63) / 64;
    std::vector<uint64_t> mask(words, ~uint64_t(0));
    if (count % 64) mask.back() = (uint64_t(1) << (count % 64)) - 1;
    if (within) {
        std::vector<uint64_t> allowed(words, 0);
        for (uint32_t i : *within)
            if (i < count) allowed[i >> 6] |= uint64_t(1) << (i & 63);
        for (size_t w = 0; w < words; ++w) mask[w] &= allowed[w];
    }
    // For negated terms: entries the index says may hold the needle (others skip verification).
    std::vector<std::vector<uint64_t>> neg_masks;
    if (indexed) {
        for (const TextTerm& t : q.terms) {
            if (!t.negate) {
                index_filter(lib.index, t.needle, mask);
            } else {
                neg_masks.emplace_back(words, ~uint64_t(0));
                index_filter(lib.index, t.needle, neg_masks.back());
            }
        }
    }
    // Verify the positive terms in order of needle length (longest first: usually the rarest).
    std::vector<const TextTerm*> pos, neg;
    for (const TextTerm& t : q.terms) (t.negate ? neg : pos).push_back(&t);
    std::stable_sort(pos.begin(), pos.end(), [](const TextTerm* a, const TextTerm* b) { return a->needle.size() > b->needle.size(); });
    auto fast = [](std::string_view hay, const std::string& needle) { return contains_folded(hay, needle); };

    // Cheap filters first, giving the candidate list in library order.
    std::vector<uint32_t> cand;
    cand.reserve(std::min<size_t>(count, 4096));
    for (size_t w = 0; w < words; ++w) {
        uint64_t bits = mask[w];
        while (bits) {
            const uint32_t i = uint32_t(w * 64 + __builtin_ctzll(bits));
            bits &= bits - 1;
            const Entry& e = lib.entries[i];
            if (votes_ok(q, e.votes) && date_ok(lib, e, q) && marks_match(i, q, ctx)) cand.push_back(i);
        }
    }
    if (q.terms.empty()) {
        result = std::move(cand);
    } else {
        // Verification touches each candidate's Paper and its text, scattered over the heap: at
        // 100k papers that is cache misses, not scanning. Prefetch a few candidates ahead.
        auto paper_of = [&](uint32_t i) -> const Paper& {
            const Entry& e = lib.entries[i];
            return lib.files[e.file].papers[e.paper];
        };
        constexpr size_t kAheadPaper = 12, kAheadText = 4;
        const size_t nc = cand.size();
        result.reserve(nc);
        for (size_t k = 0; k < nc; ++k) {
            if (k + kAheadPaper < nc) __builtin_prefetch(&paper_of(cand[k + kAheadPaper]));
            if (k + kAheadText < nc) {
                // The searchable text (its first 1 KB): the scan would otherwise wait on DRAM
                // line by line, as each text is too short for the hardware prefetcher.
                const Paper& ahead = paper_of(cand[k + kAheadText]);
                const char* t0 = ahead.text.data();
                const size_t len = std::min<size_t>(ahead.search_end, 1024);
                for (size_t off = 0; off < len; off += 64) __builtin_prefetch(t0 + off);
            }
            const uint32_t i = cand[k];
            const Paper& p = paper_of(i);
            bool ok = true;
            for (const TextTerm* t : pos)
                if (!field_holds(p, *t, fast)) {
                    ok = false;
                    break;
                }
            for (size_t j = 0; ok && j < neg.size(); ++j) {
                if (indexed && !((neg_masks[j][i >> 6] >> (i & 63)) & 1)) continue;  // cannot hold it
                if (field_holds(p, *neg[j], fast)) ok = false;
            }
            if (ok) result.push_back(i);
        }
    }

    // Sorting. The library order is date desc, votes desc, title: nothing to do for date desc.
    if (sort.key == SortKey::Date && sort.descending) return result;
    const bool has_rank = lib.title_rank.size() == count;
    if (sort.key == SortKey::Title && !has_rank) {  // a library not built by library_rebuild
        std::vector<std::string> keys(count);
        for (uint32_t i : result) keys[i] = fold(get(entry_paper(lib, lib.entries[i]), entry_paper(lib, lib.entries[i]).title));
        std::stable_sort(result.begin(), result.end(), [&](uint32_t a, uint32_t b) {
            return sort.descending ? keys[b] < keys[a] : keys[a] < keys[b];
        });
        return result;
    }
    std::vector<uint64_t> keyed(result.size());
    for (size_t k = 0; k < result.size(); ++k) {
        const uint32_t i = result[k];
        const Entry& e = lib.entries[i];
        uint32_t key = 0;
        switch (sort.key) {
            case SortKey::Date:
                key = e.date == kNoDate ? UINT32_MAX
                                        : uint32_t(sort.descending ? int64_t(INT32_MAX) - e.date : int64_t(e.date) - INT32_MIN);
                break;
            case SortKey::Votes:
                key = e.votes == kNoVotes ? UINT32_MAX : uint32_t(sort.descending ? int64_t(INT32_MAX) - e.votes : int64_t(e.votes));
                break;
            case SortKey::Percentile: {
                if (!(e.percentile >= 0)) {
                    key = UINT32_MAX;
                } else {
                    uint32_t bits;
                    const float f = e.percentile + 0.0f;  // no -0
                    std::memcpy(&bits, &f, sizeof bits);  // order-preserving for floats >= 0
                    key = sort.descending ? 0x7FFFFFFFu - bits : bits;
                }
                break;
            }
            case SortKey::Title: key = sort.descending ? count - lib.title_rank[i] : lib.title_rank[i]; break;
        }
        keyed[k] = (uint64_t(key) << 32) | i;
    }
    if (keyed.size() < 256) std::stable_sort(keyed.begin(), keyed.end(), [](uint64_t a, uint64_t b) { return (a >> 32) < (b >> 32); });
    else radix_sort_by_key(keyed);
    for (size_t k = 0; k < keyed.size(); ++k) result[k] = uint32_t(keyed[k]);
    return result;
}

}  // namespace dv
