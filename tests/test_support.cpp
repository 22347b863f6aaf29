#include "test_support.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <system_error>

#include "core/date.h"
#include "test_util.h"

namespace dvtest {

const dv::Library& corpus_library() {
    static const dv::Library lib = [] {
        dv::Library l;
        std::filesystem::path dir = corpus_dir();
        if (dir.empty()) return l;
        for (const auto& f : digest_files(dir / "l-yohai-daily_papers_ko")) dv::library_add(l, f.string(), read_file(f));
        dv::library_rebuild(l);
        return l;
    }();
    return lib;
}

int32_t day(const char* yyyy_mm_dd) {
    int32_t d = dv::kNoDate;
    REQUIRE(dv::parse_date(yyyy_mm_dd, d));
    return d;
}

std::string digest_section(const std::string& date, const std::vector<TestPaper>& papers) {
    std::string s = "## Daily Papers (" + date + ")\n\n";
    for (const TestPaper& p : papers) {
        s += "### [" + p.title + "](https://arxiv.org/abs/" + p.id + ")\n\n";
        s += p.votes < 0 ? std::string("Vote: -\n\n") : "Vote: " + std::to_string(p.votes) + "\n\n";
        s += "Authors: " + p.authors + "\n\n";
        for (const auto& [label, text] : p.summary) s += label.empty() ? "- " + text + "\n" : "- ***" + label + "***: " + text + "\n";
        s += "\n";
    }
    return s;
}

TempDir::TempDir() {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("dv_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

std::string TempDir::write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path p = path / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
}

}  // namespace dvtest
