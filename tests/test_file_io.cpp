// The file rules every front end shares (core/file_io.h): which names are digests and what a
// folder walk returns; and the link rule the viewer opens by (core/inline_markdown.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/file_io.h"
#include "core/inline_markdown.h"
#include "test_support.h"
#include "test_util.h"

namespace fs = std::filesystem;

TEST_CASE("digest file names: .md, .markdown and .json in any case", "[file_io]") {
    for (const char* yes : {"06.md", "06.MD", "notes.Markdown", "2024-06-06.markdown", "papers.json", "X.JSON",
                            "/a/b/2024/06/06.md", "dir.md/inner.md", "a.b.md", "C:\\digests\\06.md"})
        CHECK(dv::is_digest_file_name(yes));
    for (const char* no : {"", "md", ".md", ".json", "06.md.txt", "06.mdx", "06.txt", "papers_list.csv", "a.md/",
                           "/a/b.md/notes", "06.", "markdown", "06md"})
        CHECK_FALSE(dv::is_digest_file_name(no));
}

TEST_CASE("walk_digest_files: digests only, hidden skipped, sorted by path", "[file_io]") {
    dvtest::TempDir t;
    t.write("d/ko/2024/06/07.md", "x");
    t.write("d/ko/2024/06/06.md", "x");
    t.write("d/ko/README.MARKDOWN", "x");
    t.write("d/ko/papers_list.csv", "x");
    t.write("d/ko-readme/README.md", "x");
    t.write("d/hf/2025-01-10.json", "{}");
    t.write("d/.git/HEAD.md", "x");
    t.write("d/ko/.06.md.swp.md", "x");
    fs::create_directories(t.path / "d/empty.md");  // a folder named like a digest is not one
    const std::string d = (t.path / "d").string();
    std::vector<std::string> got;
    std::string error;
    REQUIRE(dv::walk_digest_files(d, got, error));
    CHECK(error.empty());
    const std::vector<std::string> want = {d + "/hf/2025-01-10.json", d + "/ko/2024/06/06.md", d + "/ko/2024/06/07.md",
                                           d + "/ko/README.MARKDOWN", d + "/ko-readme/README.md"};
    CHECK(got == want);
    // Appends, and a file or a missing path is not a folder.
    REQUIRE(dv::walk_digest_files((t.path / "d/ko/2024").string(), got, error));
    CHECK(got.size() == want.size() + 2);
    std::vector<std::string> none;
    CHECK_FALSE(dv::walk_digest_files(d + "/ko/2024/06/06.md", none, error));
    CHECK(error.find("06.md") != std::string::npos);
    CHECK_FALSE(dv::walk_digest_files(d + "/nope", none, error));
    CHECK(none.empty());
}

TEST_CASE("walk_digest_files over the corpus finds every digest, sorted like paths", "[file_io][corpus]") {
    const fs::path root = dvtest::corpus_dir();
    if (root.empty()) {
        WARN("corpus not found (set DIGEST_CORPUS): skipped");
        return;
    }
    std::vector<std::string> got;
    std::string error;
    REQUIRE(dv::walk_digest_files(root.string(), got, error));
    // The oracle: every regular *.md below the root (the corpus holds no other digest kind).
    std::vector<fs::path> want;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file() && e.path().extension() == ".md") want.push_back(e.path());
    std::sort(want.begin(), want.end());
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == want[i].string());
    CHECK(got.size() > 330);
}

TEST_CASE("is_web_url: http(s) with a host, any scheme case, no spaces or controls", "[file_io][url]") {
    for (const char* yes : {"https://arxiv.org/abs/2406.00001", "http://x", "HTTPS://Example.com/a?b#c",
                            "Http://huggingface.co/papers/2406.00001", "https://例え.jp/パス"})
        CHECK(dv::is_web_url(yes));
    for (const char* no : {"", "https://", "http://", "https:///path", "http://?q", "https://#x", "ftp://x.org",
                           "javascript:alert(1)", "file:///etc/passwd", "https://a b", "https://a\tb", "https://a\n",
                           "https://a\x7f", " https://a", "httpsx://a", "https:/a", "//a.org", "mailto:a@b"})
        CHECK_FALSE(dv::is_web_url(no));
}

TEST_CASE("weekday names match weekday()", "[date]") {
    CHECK(std::string(dv::weekday_name(dv::weekday(dv::days_from_civil(2024, 6, 6)))) == "Thu");
    CHECK(std::string(dv::weekday_long_name(dv::weekday(dv::days_from_civil(2023, 11, 20)))) == "Monday");
    CHECK(std::string(dv::weekday_name(6)) == "Sun");
    CHECK(std::string(dv::weekday_name(7)).empty());
    CHECK(std::string(dv::weekday_long_name(-1)).empty());
}
