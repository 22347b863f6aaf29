// Statistics over a query result (stats.h).
#include "stats.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "date.h"

namespace dv {

double quantile_sorted(const std::vector<int32_t>& sorted, double q) {
    if (sorted.empty()) return 0;
    if (q <= 0) return sorted.front();
    if (q >= 1) return sorted.back();
    const double pos = q * double(sorted.size() - 1);
    const size_t lo = size_t(pos);
    const double frac = pos - double(lo);
    if (lo + 1 >= sorted.size()) return sorted.back();
    return sorted[lo] + (double(sorted[lo + 1]) - double(sorted[lo])) * frac;
}

namespace {

// Papers without votes, and the vote histogram: bins [0,1), then [2^(k-1), 2^k) until the max
// is inside.
void add_vote_histogram(const Library& lib, const std::vector<uint32_t>& result, Stats& st) {
    int32_t max_votes = -1;
    for (uint32_t i : result) {
        const int32_t v = lib.entries[i].votes;
        if (v == kNoVotes) ++st.without_votes;
        else max_votes = std::max(max_votes, v);
    }
    if (max_votes >= 0) {
        st.vote_histogram.push_back({0, 1, 0});
        while (st.vote_histogram.back().hi <= max_votes) {
            const int32_t lo = st.vote_histogram.back().hi;
            st.vote_histogram.push_back({lo, lo * 2, 0});
        }
        for (uint32_t i : result) {
            const int32_t v = lib.entries[i].votes;
            if (v == kNoVotes) continue;
            size_t bin = 0;
            while (v >= st.vote_histogram[bin].hi) ++bin;
            ++st.vote_histogram[bin].count;
        }
    }
}

// Per day, by entry date.
void add_per_day(const Library& lib, const std::vector<uint32_t>& result, Stats& st) {
    std::vector<std::pair<int32_t, int32_t>> dv;  // (date, votes)
    dv.reserve(result.size());
    for (uint32_t i : result) dv.push_back({lib.entries[i].date, lib.entries[i].votes});
    std::sort(dv.begin(), dv.end());
    std::vector<int32_t> votes;
    for (size_t a = 0; a < dv.size();) {
        size_t b = a;
        while (b < dv.size() && dv[b].first == dv[a].first) ++b;
        DayStat d;
        d.date = dv[a].first;
        d.papers = uint32_t(b - a);
        votes.clear();
        for (size_t k = a; k < b; ++k)
            if (dv[k].second != kNoVotes) votes.push_back(dv[k].second);  // already ascending
        if (!votes.empty()) {
            d.median = quantile_sorted(votes, 0.5);
            d.p90 = quantile_sorted(votes, 0.9);
            d.max = votes.back();
            for (int32_t v : votes) d.total += v;
        }
        st.per_day.push_back(d);
        a = b;
    }
}

// Top papers: votes desc, ties in library order.
void add_top_papers(const Library& lib, const std::vector<uint32_t>& result, size_t top_n, Stats& st) {
    std::vector<uint32_t> with;
    for (uint32_t i : result)
        if (lib.entries[i].votes != kNoVotes) with.push_back(i);
    auto better = [&](uint32_t a, uint32_t b) {
        const int32_t va = lib.entries[a].votes, vb = lib.entries[b].votes;
        return va != vb ? va > vb : a < b;
    };
    const size_t k = std::min(top_n, with.size());
    std::partial_sort(with.begin(), with.begin() + k, with.end(), better);
    st.top_papers.assign(with.begin(), with.begin() + k);
}

// Authors of the shown records: papers and total votes (papers without votes add 0).
void add_top_authors(const Library& lib, const std::vector<uint32_t>& result, size_t top_n, Stats& st) {
    // Counted by the author ids library_rebuild interned: two array increments an author.
    // (A library not built by library_rebuild has no ids: then names are hashed here.)
    struct Tally {
        std::string_view name;
        uint32_t papers;
        int64_t votes;
    };
    std::vector<Tally> all;
    if (lib.author_begin.size() == lib.entries.size() + 1) {
        std::vector<uint32_t> papers(lib.author_names.size(), 0);
        std::vector<int64_t> votes(lib.author_names.size(), 0);
        for (uint32_t i : result) {
            const int32_t v = lib.entries[i].votes;
            const int64_t add = v != kNoVotes ? v : 0;
            for (uint32_t k = lib.author_begin[i]; k < lib.author_begin[i + 1]; ++k) {
                ++papers[lib.author_ids[k]];
                votes[lib.author_ids[k]] += add;
            }
        }
        for (uint32_t a = 0; a < papers.size(); ++a)
            if (papers[a]) all.push_back({lib.author_names[a], papers[a], votes[a]});
    } else {
        std::unordered_map<std::string_view, uint32_t> at;
        for (uint32_t i : result) {
            const Entry& e = lib.entries[i];
            const Paper& p = entry_paper(lib, e);
            const int64_t v = e.votes != kNoVotes ? e.votes : 0;
            for (Str s : p.authors) {
                auto [it, fresh] = at.try_emplace(get(p, s), uint32_t(all.size()));
                if (fresh) all.push_back({it->first, 0, 0});
                all[it->second].papers++;
                all[it->second].votes += v;
            }
        }
    }
    auto top = [&](auto better) {
        std::vector<uint32_t> idx(all.size());
        for (uint32_t k = 0; k < idx.size(); ++k) idx[k] = k;
        const size_t k = std::min(top_n, idx.size());
        std::partial_sort(idx.begin(), idx.begin() + k, idx.end(), [&](uint32_t a, uint32_t b) { return better(all[a], all[b]); });
        std::vector<AuthorStat> out;
        for (size_t j = 0; j < k; ++j) out.push_back({std::string(all[idx[j]].name), all[idx[j]].papers, all[idx[j]].votes});
        return out;
    };
    st.top_authors_by_papers = top([](const Tally& a, const Tally& b) {
        if (a.papers != b.papers) return a.papers > b.papers;
        return a.name < b.name;
    });
    st.top_authors_by_votes = top([](const Tally& a, const Tally& b) {
        if (a.votes != b.votes) return a.votes > b.votes;
        return a.name < b.name;
    });
}

// Weekdays (Monday first) of the entry dates, over papers with votes.
void add_weekdays(const Library& lib, const std::vector<uint32_t>& result, Stats& st) {
    int64_t sum[7] = {};
    for (uint32_t i : result) {
        const Entry& e = lib.entries[i];
        if (e.votes == kNoVotes || e.date == kNoDate) continue;
        const int wd = weekday(e.date);
        if (wd < 0 || wd > 6) continue;
        ++st.weekdays[wd].papers;
        sum[wd] += e.votes;
    }
    for (int d = 0; d < 7; ++d)
        st.weekdays[d].mean_votes = st.weekdays[d].papers ? double(sum[d]) / st.weekdays[d].papers : 0.0;
}

}  // namespace

Stats compute_stats(const Library& lib, const std::vector<uint32_t>& result, size_t top_n) {
    Stats st;
    st.papers = uint32_t(result.size());
    add_vote_histogram(lib, result, st);
    add_per_day(lib, result, st);
    add_top_papers(lib, result, top_n, st);
    add_top_authors(lib, result, top_n, st);
    add_weekdays(lib, result, st);
    return st;
}

}  // namespace dv
