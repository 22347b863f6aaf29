// Sources add up (issue 8): one arXiv id listed by a Korean digest and by Hugging Face's JSON of
// the same day is one paper, with every source's record, the highest votes, and words of either
// source finding it.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "core/library.h"
#include "core/parser.h"
#include "core/query.h"
#include "test_util.h"

using namespace dv;

namespace {

std::map<std::string, int32_t> votes_by_id(const ParseResult& r) {
    std::map<std::string, int32_t> out;
    for (const Paper& p : r.papers) out[std::string(get(p, p.arxiv_id))] = p.votes;
    return out;
}

int32_t max_votes(int32_t a, int32_t b) { return a == kNoVotes ? b : b == kNoVotes ? a : std::max(a, b); }

bool any_label(const Library& lib, const Entry& e, const std::string& label) {
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l) {
        const Paper& p = listing_paper(lib, lib.listings[l]);
        for (const SummaryItem& s : p.summary)
            if (get(p, s.label) == label) return true;
    }
    return false;
}

// A listing from a markdown file whose summary is written in Hangul (UTF-8 lead bytes EA..ED).
bool has_korean_summary(const Library& lib, const Entry& e) {
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l) {
        const Listing& li = lib.listings[l];
        if (lib.files[li.file].name.find(".md") == std::string::npos) continue;
        const Paper& p = listing_paper(lib, li);
        for (const SummaryItem& s : p.summary)
            for (char c : get(p, s.text))
                if ((unsigned char)c >= 0xEA && (unsigned char)c <= 0xED) return true;
    }
    return false;
}

// run_query and the brute-force oracle agree, and the answer is returned.
std::set<std::string> ids_matching(const Library& lib, const std::string& q) {
    Query query = parse_query(q);
    std::vector<uint32_t> got = run_query(lib, query, Sort{});
    std::set<std::string> out;
    size_t oracle = 0;
    for (uint32_t e = 0; e < lib.entries.size(); ++e) oracle += entry_matches(lib, e, query);
    CHECK(got.size() == oracle);
    for (uint32_t i : got) out.insert(std::string(entry_key(lib, lib.entries[i])));
    return out;
}

}  // namespace

TEST_CASE("sources: a day's Korean digest and its Hugging Face JSON are the same papers, together", "[library][sources]") {
    const auto corpus = dvtest::corpus_dir();
    const auto md_path = corpus / "l-yohai-daily_papers_ko/2024/06/06.md";
    if (corpus.empty() || !std::filesystem::exists(md_path)) {
        WARN("no corpus: skipped");
        return;
    }
    const std::string md = dvtest::read_file(md_path), js = dvtest::fixture("hf/2024-06-06.json");
    const ParseResult alone_md = parse(md, "2024/06/06.md"), alone_js = parse(js, "hf/2024-06-06.json");
    REQUIRE(alone_md.papers.size() == 12);
    REQUIRE(alone_js.papers.size() == 12);
    const auto md_votes = votes_by_id(alone_md), js_votes = votes_by_id(alone_js);

    Library lib;
    library_add(lib, "2024/06/06.md", md);
    library_add(lib, "hf/2024-06-06.json", js);
    library_rebuild(lib);
    CHECK(lib.total_listed == 24);
    REQUIRE(lib.entries.size() == 12);  // the same count as either alone
    REQUIRE(lib.days.size() == 1);
    CHECK(lib.day_entries[0].size() == 12);
    bool json_higher = false, digest_higher = false;
    for (const Entry& e : lib.entries) {
        const std::string id(entry_key(lib, e));
        INFO(id);
        REQUIRE(md_votes.count(id));
        REQUIRE(js_votes.count(id));
        CHECK(e.listing_count == 2);       // both records kept
        CHECK(e.appearance_count == 1);    // one day
        CHECK(e.votes == max_votes(md_votes.at(id), js_votes.at(id)));
        json_higher |= js_votes.at(id) > md_votes.at(id);
        digest_higher |= md_votes.at(id) > js_votes.at(id);
        CHECK(has_korean_summary(lib, e));      // the digest's Korean summary
        CHECK(any_label(lib, e, "Abstract"));    // the JSON's abstract
        CHECK(e.percentile >= 0.0f);             // over the merged votes
    }
    CHECK(json_higher);
    CHECK(digest_higher);

    // Words of either source find the paper: a Korean word of the digest, an English word only
    // the JSON's abstract has (the fixture's own wording), and both at once.
    const Entry& first = lib.entries[0];
    const std::string key(entry_key(lib, first));
    const Paper* md_rec = nullptr;
    const Paper* js_rec = nullptr;
    for (uint32_t l = first.first_listing; l < first.first_listing + first.listing_count; ++l) {
        const Listing& li = lib.listings[l];
        (lib.files[li.file].name.find(".json") != std::string::npos ? js_rec : md_rec) = &listing_paper(lib, li);
    }
    REQUIRE(md_rec);
    REQUIRE(js_rec);
    std::string korean, english;
    REQUIRE(!md_rec->summary.empty());
    korean = std::string(get(*md_rec, md_rec->summary[0].text).substr(0, 9));  // three Hangul syllables
    for (const SummaryItem& s : js_rec->summary)
        if (get(*js_rec, s.label) == "Abstract") english = std::string(get(*js_rec, s.text).substr(0, 24));
    REQUIRE(!korean.empty());
    REQUIRE(!english.empty());
    CHECK(searchable(*md_rec).find(english) == std::string_view::npos);  // the digest alone would not match
    CHECK(ids_matching(lib, "\"" + korean + "\"").count(key));
    CHECK(ids_matching(lib, "\"" + english + "\"").count(key));
    CHECK(ids_matching(lib, "\"" + korean + "\" \"" + english + "\"").count(key));
    CHECK_FALSE(ids_matching(lib, "\"" + korean + "\" -\"" + english + "\"").count(key));

    // Removing the JSON leaves the digest's papers as they were alone.
    REQUIRE(library_remove(lib, "hf/2024-06-06.json"));
    REQUIRE(lib.entries.size() == 12);
    for (const Entry& e : lib.entries) {
        CHECK(e.listing_count == 1);
        CHECK(e.votes == md_votes.at(std::string(entry_key(lib, e))));
    }
}

TEST_CASE("sources: two captures of one day merge upward, and the Korean derived file joins them", "[library][sources][hf_json]") {
    const auto dir = dvtest::shared_dir("hf-json");
    if (dir.empty()) {
        WARN("no ../shared/hf-json: skipped");
        return;
    }
    const auto early = dir / "2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2024-12-17.json";
    const auto late = dir / "jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2024-12-17.json";
    const auto ko = dir / "jeongiin-hf-daily-paper-korean-autoflow/hf-daily-paper-ko-gpt/2024-12-17_paper_ko.json";
    const ParseResult a = parse(dvtest::read_file(early), early.string()), b = parse(dvtest::read_file(late), late.string());
    REQUIRE(a.papers.size() == 23);
    REQUIRE(b.papers.size() == 28);
    const auto va = votes_by_id(a), vb = votes_by_id(b);

    Library lib;
    library_add(lib, early.string(), dvtest::read_file(early));
    library_add(lib, late.string(), dvtest::read_file(late));
    library_rebuild(lib);
    // The early capture's 23 are all in the later 28 (read with Python's ast): 28 papers.
    REQUIRE(lib.entries.size() == 28);
    size_t both = 0, raised = 0;
    for (const Entry& e : lib.entries) {
        const std::string id(entry_key(lib, e));
        const bool in_a = va.count(id) > 0;
        both += in_a;
        CHECK(e.listing_count == (in_a ? 2u : 1u));
        const int32_t want = in_a ? max_votes(va.at(id), vb.at(id)) : vb.at(id);
        CHECK(e.votes == want);
        raised += in_a && vb.at(id) > va.at(id);
    }
    CHECK(both == 23);
    CHECK(raised == 19);  // votes moved up between the captures on 19 papers (Python's count)

    library_add(lib, ko.string(), dvtest::read_file(ko));
    library_rebuild(lib);
    CHECK(lib.entries.size() == 28);
    size_t three = 0;
    for (const Entry& e : lib.entries) three += e.listing_count == 3;
    CHECK(three == 2);  // 2412.09871 and 2412.09645, the derived file's two papers
}
