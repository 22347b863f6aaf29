// Matching and running queries (query.h); parsing is in query.cpp.
//
// run_query: an unscoped one- or two-code-point term (positive or negated) is answered exactly by
// the index's postings; the index narrows every other positive text term to a candidate bitmask
// (ANDed); votes and date filters are checked first on each candidate, then the remaining text
// terms are verified with contains_folded() on their field. A negated term whose grams are not all
// in an entry cannot occur there, so such entries skip its verification. Results are sorted with a stable LSD radix sort on a 32-bit
// key per entry (ties keep the library order).
#include <algorithm>
#include <cstring>

#include "query.h"
#include "text.h"

namespace dv {

namespace {

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

// Does any of the entry's listings hold the term? (An entry listed by a Korean digest and by
// Hugging Face's JSON is found by words of either.) The shown record first: usually it decides.
template <class Match>
bool entry_holds(const Library& lib, const Entry& e, const TextTerm& t, Match&& match) {
    if (field_holds(lib.files[e.file].papers[e.paper], t, match)) return true;
    for (uint32_t l = e.first_listing; e.listing_count > 1 && l < e.first_listing + e.listing_count; ++l) {
        const Listing& li = lib.listings[l];
        if (li.file == e.file && li.paper == e.paper) continue;
        if (field_holds(lib.files[li.file].papers[li.paper], t, match)) return true;
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

// Sorts `result` (entry indices) by `sort`, stable: ties keep the library order, which is date
// desc, votes desc, title, so that order needs no work.
void sort_entries(const Library& lib, Sort sort, std::vector<uint32_t>& result) {
    if (sort.key == SortKey::Date && sort.descending) return;
    const uint32_t count = uint32_t(lib.entries.size());
    const bool has_rank = lib.title_rank.size() == count;
    if (sort.key == SortKey::Title && !has_rank) {  // a library not built by library_rebuild
        std::vector<std::string> keys(count);
        for (uint32_t i : result) keys[i] = fold(get(entry_paper(lib, lib.entries[i]), entry_paper(lib, lib.entries[i]).title));
        std::stable_sort(result.begin(), result.end(), [&](uint32_t a, uint32_t b) {
            return sort.descending ? keys[b] < keys[a] : keys[a] < keys[b];
        });
        return;
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
    // Every listing of the entry (each file's record of it); a term holds if any record holds it.
    std::vector<const Paper*> records;
    if (e.listing_count == 0) records.push_back(&entry_paper(lib, e));
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l) records.push_back(&listing_paper(lib, lib.listings[l]));
    for (const TextTerm& t : q.terms) {
        bool holds = false;
        for (const Paper* r : records) {
            const Paper& p = *r;
            switch (t.field) {
                case Field::Any: holds = holds || slow(searchable(p), t.needle); break;
                case Field::Title: holds = holds || slow(get(p, p.title), t.needle); break;
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
    // Unscoped one- and two-code-point needles are answered by the index exactly: no verification.
    // Other positive terms narrow the mask to candidates; a negated term keeps its own mask of the
    // entries that may hold it (the others skip its verification).
    std::vector<const TextTerm*> pos, neg;
    std::vector<std::vector<uint64_t>> neg_masks;
    for (const TextTerm& t : q.terms) {
        if (indexed && t.field == Field::Any && index_exact(lib.index, t.needle, t.negate, mask)) continue;
        if (!t.negate) {
            if (indexed) index_filter(lib.index, t.needle, mask);
            pos.push_back(&t);
        } else {
            neg.push_back(&t);
            if (indexed) {
                neg_masks.emplace_back(words, ~uint64_t(0));
                index_filter(lib.index, t.needle, neg_masks.back());
            }
        }
    }
    // Verify the positive terms in order of needle length (longest first: usually the rarest).
    std::stable_sort(pos.begin(), pos.end(), [](const TextTerm* a, const TextTerm* b) { return a->needle.size() > b->needle.size(); });
    auto fast = [](std::string_view hay, const std::string& needle) { return contains_folded(hay, needle); };

    // Cheap filters first, giving the candidate list in library order.
    std::vector<uint32_t> cand;
    size_t bits_set = 0;
    for (uint64_t w : mask) bits_set += size_t(__builtin_popcountll(w));
    cand.reserve(bits_set);
    const bool entry_filters = q.has_votes || q.has_date;
    for (size_t w = 0; w < words; ++w) {
        uint64_t bits = mask[w];
        while (bits) {
            const uint32_t i = uint32_t(w * 64 + __builtin_ctzll(bits));
            bits &= bits - 1;
            if (entry_filters) {
                const Entry& e = lib.entries[i];
                if (!votes_ok(q, e.votes) || !date_ok(lib, e, q)) continue;
            }
            if (marks_match(i, q, ctx)) cand.push_back(i);
        }
    }
    if (pos.empty() && neg.empty()) {
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
            const Entry& e = lib.entries[i];
            for (const TextTerm* t : pos)
                if (!(field_holds(p, *t, fast) || (e.listing_count > 1 && entry_holds(lib, e, *t, fast)))) {
                    ok = false;
                    break;
                }
            for (size_t j = 0; ok && j < neg.size(); ++j) {
                if (indexed && !((neg_masks[j][i >> 6] >> (i & 63)) & 1)) continue;  // cannot hold it
                if (entry_holds(lib, e, *neg[j], fast)) ok = false;
            }
            if (ok) result.push_back(i);
        }
    }

    sort_entries(lib, sort, result);
    return result;
}

}  // namespace dv
