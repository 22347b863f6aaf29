// The invariants the libFuzzer targets check (fuzz_checks.h). Each check returns the first
// broken invariant as a message, or "" when all hold.
#include "fuzz_checks.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/export.h"
#include "core/hf_json.h"
#include "core/library.h"
#include "core/paper_builder.h"
#include "core/parser.h"
#include "core/pyrepr.h"
#include "core/query.h"
#include "core/text.h"
#include "core/triage.h"

// Returns from the enclosing check with a message naming the condition (and details, if given).
#define DV_FUZZ_CHECK(cond, ...)                                              \
    do {                                                                      \
        if (!(cond)) return ::dvfuzz::detail::message(#cond, ##__VA_ARGS__); \
    } while (0)
// Propagates a sub-check's failure.
#define DV_FUZZ_TRY(expr)                  \
    do {                                   \
        std::string dv_fuzz_m = (expr);    \
        if (!dv_fuzz_m.empty()) return dv_fuzz_m; \
    } while (0)

namespace dvfuzz {

namespace detail {
std::string message(const char* what, const std::string& detail = {}) {
    return detail.empty() ? std::string(what) : std::string(what) + "\n" + detail;
}
}  // namespace detail

namespace {

std::string describe(std::string_view query, const std::vector<uint32_t>& got, const std::vector<uint32_t>& want) {
    // Appends rather than operator+ chains: g++ 12 warns falsely (-Wrestrict) on `" " + to_string`.
    std::string s = "query [";
    s += query;
    s += "] indexed:";
    for (uint32_t i : got) s.append(" ").append(std::to_string(i));
    s += " oracle:";
    for (uint32_t i : want) s.append(" ").append(std::to_string(i));
    return s;
}

// run_query against the oracle for one query text.
std::string check_query(const dv::Library& lib, std::string_view text, uint8_t sort_choice) {
    const dv::Query q = dv::parse_query(text);
    std::vector<uint32_t> want;
    for (uint32_t e = 0; e < lib.entries.size(); ++e)
        if (dv::entry_matches(lib, e, q)) want.push_back(e);

    // Library order (date desc) is the oracle's order exactly.
    const std::vector<uint32_t> got = dv::run_query(lib, q, dv::Sort{});
    DV_FUZZ_CHECK(got == want, describe(text, got, want));

    // Another sort: the same set, ordered by its key.
    static const dv::SortKey kKeys[] = {dv::SortKey::Date, dv::SortKey::Votes, dv::SortKey::Title, dv::SortKey::Percentile};
    const dv::Sort sort{kKeys[sort_choice & 3], (sort_choice & 4) != 0};
    std::vector<uint32_t> sorted = dv::run_query(lib, q, sort);
    std::vector<uint32_t> as_set = sorted;
    std::sort(as_set.begin(), as_set.end());
    DV_FUZZ_CHECK(as_set == want, describe(text, sorted, want) + " sort " + dv::sort_key_name(sort.key));
    if (sort.key == dv::SortKey::Votes) {
        // Papers without votes last, whatever the direction.
        for (size_t k = 1; k < sorted.size(); ++k) {
            const int32_t a = lib.entries[sorted[k - 1]].votes, b = lib.entries[sorted[k]].votes;
            const bool ok = b == dv::kNoVotes || (a != dv::kNoVotes && (sort.descending ? a >= b : a <= b));
            DV_FUZZ_CHECK(ok, describe(text, sorted, want) + " votes order");
        }
    }

    // The typing path: the query one byte shorter is the previous result.
    if (!text.empty()) {
        const std::string_view shorter = text.substr(0, text.size() - 1);
        const dv::Query wide = dv::parse_query(shorter);
        if (dv::query_narrows(q, wide)) {
            const std::vector<uint32_t> prev = dv::run_query(lib, wide, dv::Sort{});
            for (uint32_t e : want)
                DV_FUZZ_CHECK(std::binary_search(prev.begin(), prev.end(), e),
                              "query_narrows([" + std::string(text) + "], [" + std::string(shorter) + "]) but entry " +
                                  std::to_string(e) + " matches only the narrower one");
            const std::vector<uint32_t> narrowed = dv::run_query(lib, q, dv::Sort{}, &prev);
            DV_FUZZ_CHECK(narrowed == want, describe(text, narrowed, want) + " (within the shorter query's result)");
        }
    }
    return {};
}

// export_markdown of every entry, parsed again: the same papers, in date order (undated last).
// By default the count, titles and arXiv ids must come back; with full (DV_FUZZ_ROUNDTRIP=full in
// the environment) every field paper_diff compares.
std::string check_round_trip(const dv::Library& lib, bool full) {
    std::vector<uint32_t> all(lib.entries.size());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    const std::string md = dv::export_markdown(lib, all);
    const dv::ParseResult r = dv::parse(md, "export.md");
    DV_FUZZ_CHECK(r.papers.size() == all.size(),
                  std::to_string(all.size()) + " entries exported, " + std::to_string(r.papers.size()) + " parsed back\n" + md);
    std::stable_sort(all.begin(), all.end(), [&](uint32_t x, uint32_t y) {
        int32_t a = lib.entries[x].date, b = lib.entries[y].date;
        if (a == dv::kNoDate || b == dv::kNoDate) return a != dv::kNoDate && b == dv::kNoDate;
        return a > b;
    });
    for (size_t i = 0; i < all.size(); ++i) {
        const dv::Entry& e = lib.entries[all[i]];
        dv::PaperDraft want = dv::draft_of(dv::entry_paper(lib, e));
        want.date = e.date;
        const dv::PaperDraft got = dv::draft_of(r.papers[i]);
        std::string diff;
        if (full) diff = paper_diff(want, got);
        else if (want.title != got.title) diff = "title: [" + want.title + "] vs [" + got.title + "]";
        else if (want.arxiv_id != got.arxiv_id) diff = "arxiv_id: [" + want.arxiv_id + "] vs [" + got.arxiv_id + "]";
        DV_FUZZ_CHECK(diff.empty(), "round trip, paper " + std::to_string(i) + ": " + diff + "\n--- export ---\n" + md);
    }
    return {};
}

// Written for the target: case-folding pairs (Latin, Latin-1, Greek, Cyrillic, full-width), Hangul,
// phrases across words, labels, votes, several days and one paper listed on two of them.
const char* kDigestA =
    "## Daily Papers (2024-06-06)\n\n"
    "### [Diffusion Models for VIDEO: a Survey](https://arxiv.org/abs/2406.00001)\n\n"
    "Vote: 42\n\n"
    "Authors: Ann Ünal, Bob Σίσυφος, Иван Петров\n\n"
    "- ***What's New***: 확산 모델 기반 비디오 생성\n"
    "- ***Technical Details***: world model, ＦＵＬＬ width text\n\n"
    "### [Language Model Scaling](https://arxiv.org/abs/2406.00002)\n\n"
    "Vote: 3\n\n"
    "Authors: Chen Li\n\n"
    "- plain bullet: \"quoted\" -minus votes>=10\n\n";
const char* kDigestB =
    "## Daily Papers (2024-07-01)\n\n"
    "### [Diffusion Models for VIDEO: a Survey](https://arxiv.org/abs/2406.00001)\n\n"
    "Vote: 50\n\n"
    "Authors: Ann Ünal\n\n"
    "- ***Conclusion***: 끝.\n\n"
    "### [언어 모델 평가](https://arxiv.org/abs/2407.00003)\n\n"
    "Vote: -\n\n"
    "Authors: 김철수, O'Brien\n\n"
    "- ***What's New***: ß straße ÆØÅ æøå\n\n";

const dv::Library& fixed_library() {
    static const dv::Library lib = [] {
        dv::Library l;
        dv::library_add(l, "a/2024-06-06.md", kDigestA);
        dv::library_add(l, "b/2024-07-01.md", kDigestB);
        dv::library_rebuild(l);
        return l;
    }();
    return lib;
}

std::vector<uint32_t> oracle(const dv::Library& lib, const dv::Query& q) {
    std::vector<uint32_t> r;
    for (uint32_t e = 0; e < lib.entries.size(); ++e)
        if (dv::entry_matches(lib, e, q)) r.push_back(e);
    return r;
}

std::string check_str(const dv::Paper& p, dv::Str s) {
    if (dv::is_null(s)) return {};
    DV_FUZZ_CHECK(size_t(s.off) + s.len <= p.text.size());
    return {};
}

std::string check_result(const dv::ParseResult& r) {
    for (const dv::Paper& p : r.papers) {
        DV_FUZZ_CHECK(p.search_end <= p.text.size());
        DV_FUZZ_CHECK(!dv::is_null(p.title) && p.title.len > 0);
        for (dv::Str s : {p.arxiv_id, p.title, p.url, p.thumbnail}) DV_FUZZ_TRY(check_str(p, s));
        for (dv::Str s : p.authors) DV_FUZZ_TRY(check_str(p, s));
        for (const dv::SummaryItem& it : p.summary) {
            DV_FUZZ_TRY(check_str(p, it.label));
            DV_FUZZ_TRY(check_str(p, it.text));
        }
    }
    return {};
}

}  // namespace

std::string described(const dv::ParseResult& r) {
    nlohmann::json j = nlohmann::json::object();
    j["format"] = r.format;
    j["date"] = r.date;
    nlohmann::json papers = nlohmann::json::array();
    for (const dv::Paper& p : r.papers) {
        nlohmann::json pj = dv::paper_json(p, r.source);
        pj["line"] = p.line;
        papers.push_back(std::move(pj));
    }
    j["papers"] = std::move(papers);
    nlohmann::json diags = nlohmann::json::array();
    for (const dv::Diagnostic& d : r.diagnostics) diags.push_back(dv::diagnostic_json(d));
    j["diagnostics"] = std::move(diags);
    return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string check_pieces(std::string_view bytes, size_t piece_bytes) {
    size_t n = 0;
    const std::string pieces = described(dv::parse_detail::parse_in_pieces(bytes, "fuzz/2024-06-06.md", piece_bytes, &n));
    if (n == 1) return {};  // read whole: the same reading as parse()'s
    const std::string whole = described(dv::parse_detail::parse_in_pieces(bytes, "fuzz/2024-06-06.md", size_t(1) << 40));
    DV_FUZZ_CHECK(whole == pieces, "read in " + std::to_string(n) + " pieces of " + std::to_string(piece_bytes) +
                                       " bytes:\n" + pieces + "\nread whole:\n" + whole);
    return {};
}

std::string check_pipeline(std::string_view bytes, RoundTrip level) {
    dv::Library lib;
    const dv::AddResult first = dv::library_add(lib, "fuzz/2024-06-06.md", bytes);
    std::string json_bytes(bytes);
    json_bytes.push_back('\n');
    dv::library_add(lib, "fuzz/hf/2024-06-07.json", json_bytes);
    const dv::AddResult dup = dv::library_add(lib, "fuzz/copy.md", bytes);
    if (first.kind == dv::AddResult::Added) DV_FUZZ_CHECK(dup.kind == dv::AddResult::Duplicate);
    dv::library_rebuild(lib);

    size_t listed = 0;
    for (const dv::LoadedFile& f : lib.files) listed += f.papers.size();
    DV_FUZZ_CHECK(lib.total_listed == listed);
    DV_FUZZ_CHECK(lib.entries.size() <= listed);

    // Query 1: the last line (at most 64 bytes of it).
    const size_t nl = bytes.rfind('\n');
    std::string_view last = nl == std::string_view::npos ? bytes : bytes.substr(nl + 1);
    const uint8_t b0 = bytes.size() > 0 ? uint8_t(bytes[0]) : 0, b1 = bytes.size() > 1 ? uint8_t(bytes[1]) : 0;
    DV_FUZZ_TRY(check_query(lib, last.substr(0, 64), b0));
    // Query 2: a slice the first two bytes choose (offset, then length 1..32).
    if (bytes.size() >= 2) {
        const size_t off = size_t(b0) * bytes.size() / 256;
        const size_t len = 1 + b1 % 32;
        DV_FUZZ_TRY(check_query(lib, bytes.substr(off, len), uint8_t(b1 >> 5)));
    }

    if (level != RoundTrip::Off) DV_FUZZ_TRY(check_round_trip(lib, level == RoundTrip::Full));
    // Read in pieces (a big file is, parser.cpp), of 1 to 2,048 bytes: a cut at any heading.
    DV_FUZZ_TRY(check_pieces(bytes, 1 + (size_t(b0) << 3 ^ b1) % 2048));

    // The other exports: JSON that reads back with one paper per entry; CSV without a crash.
    std::vector<uint32_t> all(lib.entries.size());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    const nlohmann::json j = nlohmann::json::parse(dv::export_json(lib, all, dv::library_diagnostics(lib)), nullptr, false);
    DV_FUZZ_CHECK(!j.is_discarded() && j.contains("papers") && j["papers"].size() == all.size(), "export_json does not read back");
    (void)dv::export_csv(lib, all);
    return {};
}

std::string check_query_text(std::string_view text) {
    const dv::Query q = dv::parse_query(text);
    for (const dv::TextTerm& t : q.terms) {
        DV_FUZZ_CHECK(!t.needle.empty());
        DV_FUZZ_CHECK(t.needle.find('\n') == std::string::npos, "needle [" + t.needle + "]");
        DV_FUZZ_CHECK(dv::fold(t.needle) == t.needle, "needle [" + t.needle + "] is not folded");
    }
    DV_FUZZ_CHECK(dv::query_narrows(q, q));

    const dv::Library& lib = fixed_library();
    const std::vector<uint32_t> want = oracle(lib, q);
    const std::vector<uint32_t> got = dv::run_query(lib, q, dv::Sort{});
    DV_FUZZ_CHECK(got == want, "indexed result differs from entry_matches");
    if (!text.empty()) {
        const dv::Query wide = dv::parse_query(text.substr(0, text.size() - 1));
        if (dv::query_narrows(q, wide)) {
            const std::vector<uint32_t> prev = dv::run_query(lib, wide, dv::Sort{});
            DV_FUZZ_CHECK(dv::run_query(lib, q, dv::Sort{}, &prev) == want, "narrowed result differs");
        }
    }
    return {};
}

std::string check_json_input(std::string_view name, std::string_view bytes) {
    const dv::ParseResult r = dv::parse_hf_json(bytes, name);
    DV_FUZZ_TRY(check_result(r));
    if (dv::is_json_input(bytes, name)) {
        const dv::ParseResult via_parse = dv::parse(bytes, name);
        DV_FUZZ_CHECK(via_parse.papers.size() == r.papers.size() && via_parse.format == r.format,
                      "parse() and parse_hf_json() disagree on a JSON input");
    }

    nlohmann::json out;
    std::string error;
    const bool ok = dv::parse_pyrepr(bytes, out, error);
    DV_FUZZ_CHECK(ok == error.empty(), "parse_pyrepr: ok=" + std::to_string(ok) + " error=[" + error + "]");
    if (!ok) DV_FUZZ_CHECK(out.is_null());
    return {};
}

namespace {

// The first difference between two Triage values, "" when equal.
std::string triage_diff(const dv::Triage& a, const dv::Triage& b) {
    if (a.papers.size() != b.papers.size())
        return "paper keys: " + std::to_string(a.papers.size()) + " vs " + std::to_string(b.papers.size());
    for (auto x = a.papers.begin(), y = b.papers.begin(); x != a.papers.end(); ++x, ++y) {
        if (x->first != y->first) return "key: [" + x->first + "] vs [" + y->first + "]";
        const dv::TriageMark &m = x->second, &n = y->second;
        const std::string at = " of [" + x->first + "]";
        if (m.starred != n.starred || m.read != n.read || m.hidden != n.hidden) return "a flag" + at;
        if (m.note != n.note) return "note" + at + ": [" + m.note + "] vs [" + n.note + "]";
        const int64_t t1[4] = {m.starred_at, m.read_at, m.hidden_at, m.note_at};
        const int64_t t2[4] = {n.starred_at, n.read_at, n.hidden_at, n.note_at};
        for (int k = 0; k < 4; ++k)
            if (t1[k] != t2[k])
                return "time " + std::to_string(k) + at + ": " + std::to_string(t1[k]) + " vs " + std::to_string(t2[k]);
    }
    if (a.saved.size() != b.saved.size()) return "saved searches: " + std::to_string(a.saved.size()) + " vs " + std::to_string(b.saved.size());
    for (size_t i = 0; i < a.saved.size(); ++i)
        if (a.saved[i].name != b.saved[i].name || a.saved[i].query != b.saved[i].query || a.saved[i].sort != b.saved[i].sort)
            return "saved search " + std::to_string(i) + ": [" + a.saved[i].name + "] vs [" + b.saved[i].name + "]";
    if (a.last_visit != b.last_visit) return "last_visit: " + std::to_string(a.last_visit) + " vs " + std::to_string(b.last_visit);
    if (a.seen_days != b.seen_days) return "seen_days differ";
    if (a.mark_read_on_view != b.mark_read_on_view) return "mark_read_on_view differs";
    return {};
}

}  // namespace

std::string check_triage_input(std::string_view bytes) {
    // A refusal leaves what the reader already has: `out` holds a mark before the call.
    dv::Triage t;
    dv::triage_set(t, "sentinel", dv::Mark::Starred, true, 1);
    std::string error;
    const bool ok = dv::triage_parse(bytes, t, error);
    DV_FUZZ_CHECK(ok == error.empty(), "triage_parse: ok=" + std::to_string(ok) + " error=[" + error + "]");
    if (!ok) {
        const dv::TriageMark* kept = dv::triage_find(t, "sentinel");
        DV_FUZZ_CHECK(t.papers.size() == 1 && kept && kept->starred && kept->starred_at == 1, "a refused file changed the triage");
        return {};
    }

    const std::string text = dv::triage_to_json(t);
    dv::Triage back;
    DV_FUZZ_CHECK(dv::triage_parse(text, back, error), "the written file does not read back: " + error + "\n" + text);
    DV_FUZZ_TRY(triage_diff(t, back));
    DV_FUZZ_CHECK(dv::triage_to_json(back) == text, "writing the read-back file gives another text");

    dv::Triage self = t;
    dv::triage_merge(self, t);
    DV_FUZZ_TRY(triage_diff(t, self));
    return {};
}

std::string paper_diff(const dv::PaperDraft& a, const dv::PaperDraft& b) {
    if (a.title != b.title) return "title: [" + a.title + "] vs [" + b.title + "]";
    if (a.url != b.url) return "url: [" + a.url + "] vs [" + b.url + "]";
    if (a.arxiv_id != b.arxiv_id) return "arxiv_id: [" + a.arxiv_id + "] vs [" + b.arxiv_id + "]";
    if (a.thumbnail != b.thumbnail) return "thumbnail: [" + a.thumbnail + "] vs [" + b.thumbnail + "]";
    if (a.votes != b.votes) return "votes: " + std::to_string(a.votes) + " vs " + std::to_string(b.votes);
    if (a.date != b.date) return "date: " + dv::format_date(a.date) + " vs " + dv::format_date(b.date);
    if (a.authors != b.authors) {
        std::string s = "authors (" + std::to_string(a.authors.size()) + " vs " + std::to_string(b.authors.size()) + ")";
        for (size_t i = 0; i < std::min(a.authors.size(), b.authors.size()); ++i)
            if (a.authors[i] != b.authors[i]) return s + ": [" + a.authors[i] + "] vs [" + b.authors[i] + "]";
        return s;
    }
    if (a.summary.size() != b.summary.size())
        return "summary items: " + std::to_string(a.summary.size()) + " vs " + std::to_string(b.summary.size());
    for (size_t i = 0; i < a.summary.size(); ++i) {
        const auto &x = a.summary[i], &y = b.summary[i];
        std::string at = " (item " + std::to_string(i) + ")";
        if (x.label != y.label) return "label" + at + ": [" + x.label + "] vs [" + y.label + "]";
        if (x.text != y.text) return "text" + at + ": [" + x.text + "] vs [" + y.text + "]";
        if (x.level != y.level) return "level" + at + ": " + std::to_string(x.level) + " vs " + std::to_string(y.level);
    }
    return {};
}

void report(const std::string& message) {
    if (message.empty()) return;
    static const char* expect = std::getenv("DV_FUZZ_EXPECT");
    if (expect && *expect && message.find(expect) == std::string::npos) return;
    std::fprintf(stderr, "\n[dv-fuzz] invariant broken: %s\n", message.c_str());
    std::fflush(stderr);
    std::abort();
}

}  // namespace dvfuzz
