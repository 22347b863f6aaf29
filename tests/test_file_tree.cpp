// The Files section's tree (core/file_tree.h): source keys, file dates, and the corpus grouped by
// source, year and month against a direct count of its folders.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "core/date.h"
#include "core/file_tree.h"
#include "core/library.h"
#include "test_support.h"

using dvtest::day;

TEST_CASE("file_source_key drops date-named folders and keeps the producer's", "[file_tree]") {
    CHECK(dv::file_source_key("l-yohai-daily_papers_ko/2024/06/06.md") == "l-yohai-daily_papers_ko");
    CHECK(dv::file_source_key("/data/l-yohai-daily_papers_ko/2023/11/23.md") == "/data/l-yohai-daily_papers_ko");
    CHECK(dv::file_source_key("wild/X-AI-Papers/2026-01-25T020242_bd882e3/README.md") == "wild/X-AI-Papers");
    CHECK(dv::file_source_key("hf/2024-06-03.json") == "hf");
    CHECK(dv::file_source_key("news/newsletters/2025-01-21_daily_paper.md") == "news/newsletters");
    CHECK(dv::file_source_key("2024-06-06.md") == "");
    CHECK(dv::file_source_key("2024/06/06.md") == "");  // only date folders: loose
    // A folder that starts with digits but is no date is the producer's name.
    CHECK(dv::file_source_key("2404589803-hf-newsletter/a.md") == "2404589803-hf-newsletter");
    CHECK(dv::file_source_key("C:\\digests\\ko\\2024\\01.md") == "C:\\digests\\ko");
}

TEST_CASE("file_date is the most common listing date, else the name's", "[file_tree]") {
    dv::Library lib;
    const std::string two_days = dvtest::digest_section("2024-06-03", {{"2406.00001", "A", 1, "X", {}}}) +
                                 dvtest::digest_section("2024-06-04", {{"2406.00002", "B", 2, "Y", {}},
                                                                       {"2406.00003", "C", 3, "Z", {}}});
    dv::library_add(lib, "src/2024-01-01.md", two_days);
    REQUIRE(lib.files.size() == 1);
    CHECK(dv::file_date(lib.files[0]) == day("2024-06-04"));  // two papers beat one; not the name
    dv::LoadedFile undated;
    undated.name = "x/2024/06/07.md";
    CHECK(dv::file_date(undated) == day("2024-06-07"));
    undated.name = "notes.md";
    CHECK(dv::file_date(undated) == dv::kNoDate);
}

TEST_CASE("file_tree groups every file once, by source, year and month, newest first", "[file_tree]") {
    dv::Library lib;
    dv::library_add(lib, "ko/2024/06/03.md", dvtest::digest_section("2024-06-03", {{"2406.00001", "A", 1, "X", {}}}));
    dv::library_add(lib, "ko/2024/06/04.md", dvtest::digest_section("2024-06-04", {{"2406.00002", "B", 1, "X", {}}}));
    dv::library_add(lib, "ko/2024/07/01.md", dvtest::digest_section("2024-07-01", {{"2407.00001", "C", 1, "X", {}}}));
    dv::library_add(lib, "en/README.md", dvtest::digest_section("2023-12-31", {{"2312.00001", "D", 1, "X", {}}}));
    dv::library_add(lib, "loose.md", dvtest::digest_section("2024-01-02", {{"2401.00001", "E", 1, "X", {}}}));
    dv::library_add(lib, "ko/2024/08/bad.md", std::string("\x00\x01\x02binary", 9));  // refused
    dv::library_rebuild(lib);
    const dv::FileTree t = dv::file_tree(lib);
    REQUIRE(t.sources.size() == 3);
    CHECK(t.sources[0].label == "en");
    CHECK(t.sources[1].label == "ko");
    CHECK(t.sources[2].label == "dropped files");
    const dv::FileTreeSource& ko = t.sources[1];
    REQUIRE(ko.months.size() == 2);
    CHECK((ko.months[0].year == 2024 && ko.months[0].month == 7));
    CHECK((ko.months[1].year == 2024 && ko.months[1].month == 6));
    REQUIRE(ko.months[1].files.size() == 2);
    CHECK(lib.files[ko.months[1].files[0]].name == "ko/2024/06/04.md");  // newest first
    CHECK(ko.files == 3);
    CHECK(ko.papers == 3);
    CHECK(ko.errors >= 1);  // the refused binary file marks the source it was dropped with
    CHECK(t.sources[0].errors == 0);
    dv::Library named;
    dv::library_add(named, "wild/gabrielchua-daily-ai-papers/archive/2025/10/30.md",
                    dvtest::digest_section("2025-10-30", {{"2510.00001", "A", 1, "X", {}}}));
    dv::library_add(named, "/home/me/daily_papers_ko/2024/06/03.md", dvtest::digest_section("2024-06-03", {{"2406.00001", "A", 1, "X", {}}}));
    dv::library_rebuild(named);
    const dv::FileTree nt = dv::file_tree(named);
    REQUIRE(nt.sources.size() == 2);
    CHECK(nt.sources[0].label == "daily_papers_ko");
    CHECK(nt.sources[1].label == "gabrielchua-daily-ai-papers/archive");  // "archive" alone says nothing
    CHECK(dv::file_tree_names(lib, ko).size() == 3);
    CHECK(dv::file_tree_names(lib, ko.months[1]) == std::vector<std::string>{"ko/2024/06/04.md", "ko/2024/06/03.md"});
}

TEST_CASE("the corpus tree matches its year/month folders", "[file_tree][corpus]") {
    const dv::Library& lib = dvtest::corpus_library();
    if (lib.files.empty()) {
        WARN("no corpus: skipped");
        return;
    }
    const dv::FileTree t = dv::file_tree(lib);
    REQUIRE(t.sources.size() == 1);
    CHECK(t.sources[0].label == "l-yohai-daily_papers_ko");
    CHECK(t.sources[0].files == lib.files.size());
    // Oracle: the corpus is laid out as YYYY/MM/DD.md, and each day's file lists that day.
    std::map<int, size_t> by_folder;  // year*100+month -> files
    for (const dv::LoadedFile& f : lib.files) {
        const std::filesystem::path p(f.name);
        const int month = std::stoi(p.parent_path().filename().string());
        const int year = std::stoi(p.parent_path().parent_path().filename().string());
        by_folder[year * 100 + month]++;
    }
    std::map<int, size_t> by_tree;
    std::set<uint32_t> seen;
    int32_t prev_month = 1 << 30;
    for (const dv::FileTreeMonth& m : t.sources[0].months) {
        const int ym = m.year * 100 + m.month;
        CHECK(ym < prev_month);  // newest first, each month once
        prev_month = ym;
        by_tree[ym] = m.files.size();
        int32_t prev = 1 << 30;
        for (uint32_t f : m.files) {
            CHECK(seen.insert(f).second);
            CHECK(t.dates[f] <= prev);
            prev = t.dates[f];
            // The file's own name says its day.
            CHECK(t.dates[f] == dv::date_from_path(lib.files[f].name));
        }
    }
    CHECK(seen.size() == lib.files.size());
    CHECK(by_tree == by_folder);
}
