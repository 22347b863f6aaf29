// Parsing on several threads at once (library_prepare_all parses a drop or a folder on every core):
// the answers must be those of one thread, whatever the other threads are parsing meanwhile.
#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/library.h"
#include "core/paper_builder.h"
#include "core/parser.h"
#include "test_util.h"

TEST_CASE("a parse on one thread keeps its autolinks while another thread parses", "[threads]") {
    // cmark-gfm switches the extensions' characters (the autolink's ':') on in a table for the
    // length of each inline pass and off after it. With one table per process (Debian's
    // sources as shipped), a parse ending on the other thread switched autolinks off in the
    // middle of this one, so a bare URL was read as text at random: here the "🔗 URL" line, a
    // link to the paper itself that the reader drops, stayed in the summary as text. The table
    // is per thread now (scripts/patches/cmark-gfm-special-chars-per-thread.patch).
    std::string digest;
    for (int i = 0; i < 300; ++i) {
        const std::string id = "2505." + std::to_string(10000 + i);
        digest += "## " + id + "\n\xF0\x9F\x94\x97 https://huggingface.co/papers/" + id + "\n\n**Summary**: text " +
                  std::to_string(i) + "\n\n";
    }
    std::atomic<bool> stop{false};
    std::atomic<long> other_parses{0};
    std::thread other([&] {
        while (!stop.load()) {
            dv::parse("## 2505.00001\nsee https://example.org/x\n\n**Summary**: y\n", "other.md");
            ++other_parses;
        }
    });
    int parses = 0, wrong = 0, papers = 0;
    while (parses < 20 || (other_parses.load() < 2000 && parses < 2000)) {
        const dv::ParseResult r = dv::parse(digest, "2025-05-24.md");
        for (const dv::Paper& p : r.papers) {
            ++papers;
            wrong += p.summary.size() != 1;  // only "Summary: text i"
        }
        ++parses;
    }
    stop = true;
    other.join();
    INFO(parses << " parses here while the other thread made " << other_parses.load());
    CHECK(papers == 300 * parses);
    CHECK(other_parses.load() >= 2000);  // the two really overlapped
    CHECK(wrong == 0);
}

TEST_CASE("the wild digests and the corpus parse the same on two threads as on one", "[threads][wild]") {
    std::vector<std::filesystem::path> paths = dvtest::digest_files(dvtest::shared_dir("wild"));
    const std::vector<std::filesystem::path> corpus = dvtest::digest_files(dvtest::corpus_dir());
    paths.insert(paths.end(), corpus.begin(), corpus.end());
    if (paths.empty()) {
        WARN("no ../shared digests: nothing to compare");
        return;
    }
    std::vector<std::string> names, bytes;
    for (const auto& p : paths) {
        names.push_back(p.string());
        bytes.push_back(dvtest::read_file(p));
    }
    std::vector<dv::FileBytes> files;
    for (size_t i = 0; i < names.size(); ++i) files.push_back({names[i], bytes[i]});
    const dv::Library empty;
    const std::vector<dv::PreparedFile> one = dv::library_prepare_all(empty, files, 1);
    for (int round = 0; round < 2; ++round) {
        const std::vector<dv::PreparedFile> two = dv::library_prepare_all(empty, files, 2);
        REQUIRE(two.size() == one.size());
        size_t differ = 0, papers = 0;
        std::string first;
        for (size_t f = 0; f < one.size(); ++f) {
            const auto& a = one[f].parsed.papers;
            const auto& b = two[f].parsed.papers;
            papers += a.size();
            bool same = a.size() == b.size();
            for (size_t k = 0; same && k < a.size(); ++k) {
                const dv::PaperDraft x = dv::draft_of(a[k]), y = dv::draft_of(b[k]);
                same = x.arxiv_id == y.arxiv_id && x.title == y.title && x.url == y.url && x.authors == y.authors &&
                       x.summary.size() == y.summary.size() && x.votes == y.votes && x.date == y.date;
                for (size_t s = 0; same && s < x.summary.size(); ++s)
                    same = x.summary[s].label == y.summary[s].label && x.summary[s].text == y.summary[s].text;
            }
            if (!same && differ++ == 0) first = names[f];
        }
        INFO("round " << round << ": " << differ << " of " << one.size() << " files differ, first " << first);
        CHECK(papers > 5000);
        CHECK(differ == 0);
    }
}
