// Why a paper matched (core/highlight.h): match spans against a brute-force oracle (fold the text,
// find the needle left to right) and against the query's own verdict (entry_matches) over the
// real corpus, on every listing of every entry; snippets against a code-point oracle.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/highlight.h"
#include "core/library.h"
#include "core/query.h"
#include "core/text.h"
#include "test_support.h"

namespace {

using dvtest::corpus_library;

// The greedy left-to-right matches of needle in fold(text), found with a plain std::string::find.
std::vector<dv::Span> oracle_spans(std::string_view text, const std::string& needle) {
    std::vector<dv::Span> out;
    const std::string f = dv::fold(text);
    for (size_t at = f.find(needle); !needle.empty() && at != std::string::npos; at = f.find(needle, at + needle.size()))
        out.push_back({uint32_t(at), uint32_t(at + needle.size())});
    return out;
}

// Calls f(field, text) for every searchable field of p.
template <class F>
void each_field(const dv::Paper& p, F&& f) {
    if (!dv::is_null(p.arxiv_id)) f(dv::Field::Any, dv::get(p, p.arxiv_id));
    f(dv::Field::Title, dv::get(p, p.title));
    for (dv::Str a : p.authors) f(dv::Field::Author, dv::get(p, a));
    for (const dv::SummaryItem& s : p.summary) {
        if (!dv::is_null(s.label)) f(dv::Field::Label, dv::get(p, s.label));
        f(dv::Field::Summary, dv::get(p, s.text));
    }
}

template <class F>
void each_record(const dv::Library& lib, const dv::Entry& e, F&& f) {
    if (e.listing_count == 0) f(dv::entry_paper(lib, e));
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l) f(dv::listing_paper(lib, lib.listings[l]));
}

}  // namespace

TEST_CASE("highlight: spans on hand-made text", "[highlight]") {
    const dv::Query q = dv::parse_query("Diffusion \"world model\" -survey title:video");
    const std::string text = "DIFFUSION and a World Model of diffusion; survey";
    const std::vector<dv::Span> s = dv::match_spans(q, dv::Field::Summary, text);
    REQUIRE(s.size() == 3);
    CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "DIFFUSION");
    CHECK(text.substr(s[1].begin, s[1].end - s[1].begin) == "World Model");  // the phrase whole
    CHECK(text.substr(s[2].begin, s[2].end - s[2].begin) == "diffusion");
    // title:video applies to titles only; the negated term never highlights.
    CHECK(dv::match_spans(q, dv::Field::Summary, "video survey").empty());
    CHECK(dv::match_spans(q, dv::Field::Title, "Video survey").size() == 1);
    // Hangul as typed; overlapping terms merge into one span.
    const dv::Query k = dv::parse_query("확산 확산모델");
    const std::string kt = "대규모 확산모델과 확산";
    const std::vector<dv::Span> ks = dv::match_spans(k, dv::Field::Title, kt);
    REQUIRE(ks.size() == 2);
    CHECK(kt.substr(ks[0].begin, ks[0].end - ks[0].begin) == "확산모델");
    CHECK(kt.substr(ks[1].begin, ks[1].end - ks[1].begin) == "확산");
    CHECK(dv::match_spans(dv::parse_query("ΣΑΜ"), dv::Field::Title, "σαμ Σαμ").size() == 2);
}

TEST_CASE("corpus: highlight spans equal the brute-force oracle and agree with entry_matches", "[highlight][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const std::vector<std::string> queries = {"확산", "diffusion", "Diffusion", "\"language model\"", "모델", "title:video",
                                              "author:kim", "summary:llm", "label:new", "2406", "\"대규모 언어 모델\"",
                                              "σ", "ü", "a", "gpt-4o", "zzzqqq", "label:\"what's new\""};
    size_t checked_spans = 0, matched_entries = 0, multi_listing_matches = 0;
    for (const std::string& text : queries) {
        INFO("query: " << text);
        const dv::Query q = dv::parse_query(text);
        REQUIRE(q.terms.size() == 1);
        const dv::TextTerm& t = q.terms[0];
        for (uint32_t i = 0; i < lib.entries.size(); ++i) {
            const dv::Entry& e = lib.entries[i];
            bool any_span = false;
            each_record(lib, e, [&](const dv::Paper& p) {
                each_field(p, [&](dv::Field where, std::string_view field) {
                    const std::vector<dv::Span> spans = dv::match_spans(q, where, field);
                    const std::vector<dv::Span> want =
                        dv::term_applies(t, where) ? oracle_spans(field, t.needle) : std::vector<dv::Span>{};
                    INFO("field: " << field);
                    REQUIRE(spans.size() == want.size());
                    for (size_t k = 0; k < spans.size(); ++k) {
                        CHECK(spans[k].begin == want[k].begin);
                        CHECK(spans[k].end == want[k].end);
                        CHECK(dv::fold(field.substr(spans[k].begin, spans[k].end - spans[k].begin)) == t.needle);
                    }
                    checked_spans += spans.size();
                    any_span = any_span || !spans.empty();
                });
            });
            const bool matches = dv::entry_matches(lib, i, q);
            INFO("entry " << i);
            CHECK(any_span == matches);
            CHECK((dv::match_where(lib, i, q) != 0) == matches);
            matched_entries += matches;
            multi_listing_matches += matches && e.listing_count > 1;
        }
    }
    CHECK(checked_spans > 1000);
    CHECK(matched_entries > 100);
    INFO("entries with several listings among matches: " << multi_listing_matches);
}

TEST_CASE("corpus: snippets around the first summary match", "[highlight][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const char* kEll = "\xE2\x80\xA6";
    size_t made = 0, cut_both = 0;
    for (const char* text : {"확산", "diffusion", "\"language model\""}) {
        const dv::Query q = dv::parse_query(text);
        for (const dv::Entry& e : lib.entries) {
            const dv::Paper& p = dv::entry_paper(lib, e);
            for (const dv::SummaryItem& s : p.summary) {
                const std::string_view field = dv::get(p, s.text);
                const std::vector<dv::Span> spans = dv::match_spans(q, dv::Field::Summary, field);
                if (spans.empty()) continue;
                for (const auto& ctx : {std::pair<int, int>{0, 0}, {5, 5}, {24, 24}, {3, 40}}) {
                    const int before = ctx.first, after = ctx.second;
                    const dv::Snippet sn = dv::make_snippet(field, spans[0], before, after);
                    // Oracle: code point boundaries of the field, the match's code points, N each side.
                    std::vector<size_t> bounds;
                    for (size_t k = 0; k < field.size();) {
                        bounds.push_back(k);
                        dv::decode_utf8(field, k);
                    }
                    bounds.push_back(field.size());
                    size_t k0 = 0, k1 = 0;
                    while (bounds[k0] < spans[0].begin) ++k0;
                    while (bounds[k1] < spans[0].end) ++k1;
                    const size_t lo = bounds[k0 >= size_t(before) ? k0 - size_t(before) : 0];
                    const size_t hi = bounds[std::min(bounds.size() - 1, k1 + size_t(after))];
                    std::string want = lo > 0 ? kEll : "";
                    for (char c : field.substr(lo, hi - lo)) want.push_back(c == '\n' || c == '\t' ? ' ' : c);
                    if (hi < field.size()) want += kEll;
                    REQUIRE(sn.text == want);
                    CHECK(dv::utf8_clean_prefix(sn.text) == sn.text.size());
                    CHECK(sn.text.find('\n') == std::string::npos);
                    CHECK(dv::fold(sn.text.substr(sn.mark.begin, sn.mark.end - sn.mark.begin)) == q.terms[0].needle);
                    ++made;
                    cut_both += lo > 0 && hi < field.size();
                }
            }
        }
    }
    CHECK(made > 100);
    CHECK(cut_both > 10);
}

TEST_CASE("corpus: every summary-only match of 확산 gets a snippet holding the match", "[highlight][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const dv::Query q = dv::parse_query("확산");
    size_t rows = 0, from_other_listing = 0;
    for (uint32_t i = 0; i < lib.entries.size(); ++i) {
        const uint8_t where = dv::match_where(lib, i, q);
        const dv::Snippet sn = dv::summary_snippet(lib, i, q, 8, 60);
        INFO("entry " << i);
        CHECK(sn.text.empty() == !(where & dv::MatchSummary));
        if (sn.text.empty()) continue;
        CHECK(dv::fold(sn.text.substr(sn.mark.begin, sn.mark.end - sn.mark.begin)) == q.terms[0].needle);
        CHECK(dv::utf8_clean_prefix(sn.text) == sn.text.size());
        ++rows;
        // The shown record's summary holds no match: the snippet came from another listing.
        const dv::Paper& p = dv::entry_paper(lib, lib.entries[i]);
        bool shown = false;
        for (const dv::SummaryItem& s : p.summary) shown = shown || dv::contains_folded(dv::get(p, s.text), q.terms[0].needle);
        from_other_listing += !shown;
    }
    CHECK(rows > 50);  // the issue saw 59 results for 확산, most only in the summary
    INFO("snippets from a listing other than the shown record: " << from_other_listing);
}

TEST_CASE("corpus: the list's row snippet is exactly the summary-only matches", "[highlight][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    // "model" matches titles and summaries alike; 확산 mostly summaries; author:kim never a summary.
    for (const char* text : {"model", "확산", "author:kim", "diffusion 모델"}) {
        const dv::Query q = dv::parse_query(text);
        size_t snippets = 0;
        for (uint32_t i = 0; i < lib.entries.size(); ++i) {
            if (!dv::entry_matches(lib, i, q)) continue;
            INFO(text << " entry " << i);
            // Oracle: scan the shown and listed records' fields directly.
            bool in_summary = false, in_row = false;
            each_record(lib, lib.entries[i], [&](const dv::Paper& p) {
                each_field(p, [&](dv::Field where, std::string_view s) {
                    bool hit = false;
                    for (const dv::TextTerm& t : q.terms)
                        hit = hit || (dv::term_applies(t, where) && !oracle_spans(s, t.needle).empty());
                    if (!hit) return;
                    if (where == dv::Field::Summary) in_summary = true;
                    else if (where != dv::Field::Label) in_row = true;
                });
            });
            const dv::Snippet sn = dv::row_snippet(lib, i, q, dv::match_where(lib, i, q));
            CHECK(sn.text.empty() == !(in_summary && !in_row));
            snippets += !sn.text.empty();
        }
        INFO(text << ": " << snippets << " snippet rows");
        if (std::string(text) == "author:kim") CHECK(snippets == 0);
        else CHECK(snippets > 0);
    }
}

TEST_CASE("corpus: the summary's first line starts the first item's rendered text", "[highlight][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    size_t lines = 0, cut = 0;
    for (const dv::Entry& e : lib.entries) {
        const dv::Paper& p = dv::entry_paper(lib, e);
        const std::string line = dv::summary_first_line(p, 60);
        std::string first;
        for (const dv::SummaryItem& s : p.summary) {
            first = dv::rendered_text(dv::get(p, s.text));
            if (first.find_first_not_of(" \t\r\n") != std::string::npos) break;
            first.clear();
        }
        INFO(dv::get(p, p.title));
        if (first.empty()) {
            CHECK(line.empty());
            continue;
        }
        ++lines;
        CHECK(line.find('\n') == std::string::npos);
        CHECK(dv::utf8_clean_prefix(line) == line.size());
        const std::string ell = "\xE2\x80\xA6";
        std::string body = line;
        if (body.size() >= 3 && body.compare(body.size() - 3, 3, ell) == 0) {
            body.resize(body.size() - 3);
            ++cut;
            CHECK(std::count_if(body.begin(), body.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) == 60);
        }
        // The body is the item's text from its first non-space, line breaks as spaces.
        std::string flat = first.substr(first.find_first_not_of(" \t\r\n"));
        for (char& c : flat)
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        CHECK(flat.compare(0, body.size(), body) == 0);
    }
    CHECK(lines > 5000);
    CHECK(cut > 1000);
}
