// Other producers' digests as they publish them (../shared/wild, read in place): every file gives
// the papers a reader sees in it. The figures below were read from the raw files with grep and
// Python regular expressions (headings "## <id>", "<summary><b>N. Title</b> ⭐ V", "### N. Title"
// with "**⭐ Stars:** V", "**原文标题：**" fields, distinct arxiv.org/abs ids per table), never with
// this parser.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "core/date.h"
#include "core/parser.h"
#include "test_util.h"

using namespace dv;

namespace {

struct Want {
    const char* path;     // below ../shared/wild
    size_t papers;
    const char* date;     // "" = none
    const char* format;
    const char* first_id; // "" = the first paper has none
    const char* first_title;
    int first_votes;      // -1 = none
    const char* last_id;
    int max_votes;        // -1 = no votes in the file
};

const Want kWild[] = {
    {"gabrielchua-daily-ai-papers/archive/2024/09/05.md", 8, "2024-09-05", "table", "2409.02889",
     "LongLLaVA: Scaling Multi-modal LLMs to 1000 Images Efficiently via Hybrid Architecture", -1, "2409.01083", -1},
    {"gabrielchua-daily-ai-papers/archive/2024/10/10.md", 43, "2024-10-10", "table", "2410.05254", nullptr, -1, "2410.06468", -1},
    {"gabrielchua-daily-ai-papers/archive/2025/03/11.md", 39, "2025-03-11", "table", "2503.03601",
     "Feature-Level Insights into Artificial Text Detection with Sparse Autoencoders", -1, "2503.03511", -1},
    {"gabrielchua-daily-ai-papers/archive/2025/09/30.md", 59, "2025-09-30", "table", "2509.24006", nullptr, -1, "2509.16538", -1},
    {"gabrielchua-daily-ai-papers/archive/2025/10/15.md", 0, "2025-10-15", "", "", nullptr, -1, "", -1},
    {"gabrielchua-daily-ai-papers/archive/2025/10/30.md", 24, "2025-10-30", "table", "2510.23538", nullptr, -1, "2510.24801", -1},
    {"ro-ko-daily_papers/output/summaries/2025-05-06.md", 8, "2025-05-06", "heading-sections", "2505.02835", nullptr, -1, "2505.02625", -1},
    {"ro-ko-daily_papers/output/summaries/2025-05-08.md", 2, "2025-05-08", "heading-sections", "2505.04588", nullptr, -1, "2505.04364", -1},
    {"ro-ko-daily_papers/output/summaries/2025-05-15.md", 1, "2025-05-15", "heading-sections", "2505.09568", nullptr, -1, "2505.09568", -1},
    {"ro-ko-daily_papers/output/summaries/2025-05-24.md", 47, "2025-05-24", "heading-sections", "2505.16938", nullptr, -1, "2505.13237", -1},
    {"ro-ko-daily_papers/output/summaries/2025-05-29.md", 16, "2025-05-29", "heading-sections", "2505.21136", nullptr, -1, "2505.12667", -1},
    {"2404589803-hf-daily-paper-newsletter-chinese/newsletters/2025-01-08_daily_paper.md", 15, "2025-01-08",
     "heading-sections", "", "REINFORCE++: A Simple and Efficient Approach for Aligning Large Language Models", -1, "", -1},
    {"2404589803-hf-daily-paper-newsletter-chinese/newsletters/2025-01-13_daily_paper.md", 5, "2025-01-13",
     "heading-sections", "2501.05874", "VideoRAG: Retrieval-Augmented Generation over Video Corpus", -1, "2501.05707", -1},
    {"2404589803-hf-daily-paper-newsletter-chinese/newsletters/2025-01-21_daily_paper.md", 1, "2025-01-21",
     "heading-sections", "2501.08325", nullptr, -1, "2501.08325", -1},
    {"2404589803-hf-daily-paper-newsletter-chinese/newsletters/2025-01-22_daily_paper.md", 13, "2025-01-22",
     "heading-sections", "2501.12380", nullptr, -1, "2501.12375", -1},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/2025-12-04T202010_9a0390f/README.md", 24, "2025-12-04", "heading-sections",
     "2511.21631", "Qwen3-VL Technical Report", 0, "2511.20494", 43},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/2025-12-04T211836_610ba6b/README.md", 24, "2025-12-04", "details",
     "2511.21631", "Qwen3-VL Technical Report", 0, "2511.20494", 43},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/2026-01-25T020242_bd882e3/README.md", 27, "2026-01-25", "details",
     "2601.15876", "EvoCUA: Evolving Computer Use Agents via Learning from Scalable Synthetic Experience", 147, "2601.16004", 3290},
    // An empty "Today's Trending Papers": no paper, the date of its "Last Updated" line.
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/2026-06-04T040829_255d360/README.md", 0, "2026-06-04", "", "", nullptr, -1, "", -1},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/2026-08-22T011538_0f470b3/README.md", 26, "2026-08-22", "details",
     "2608.19880", "EnvHarness: Awakening Static Worlds for Agent Learning", 66, "2607.21596", 514},
};

}  // namespace

TEST_CASE("wild: every producer's file gives the papers a reader sees in it", "[wild][corpus]") {
    const auto dir = dvtest::shared_dir("wild");
    if (dir.empty()) {
        WARN("no ../shared/wild: skipped");
        return;
    }
    size_t total = 0, files = 0;
    for (const Want& w : kWild) {
        const auto path = dir / w.path;
        INFO(w.path);
        REQUIRE(std::filesystem::exists(path));
        ++files;
        ParseResult r = parse(dvtest::read_file(path), path.string());
        total += r.papers.size();
        CHECK(r.papers.size() == w.papers);
        CHECK(format_date(r.date) == w.date);
        CHECK(r.format == w.format);
        for (const auto& d : r.diagnostics) CHECK(d.severity != Severity::Error);
        if (r.papers.empty()) {
            bool said = false;
            for (const auto& d : r.diagnostics) said |= d.line == 0;
            CHECK(said);  // an empty file says why
            continue;
        }
        const Paper& first = r.papers.front();
        CHECK(std::string(get(first, first.arxiv_id)) == w.first_id);
        if (w.first_title) CHECK(std::string(get(first, first.title)) == w.first_title);
        CHECK(first.votes == (w.first_votes < 0 ? kNoVotes : w.first_votes));
        CHECK(std::string(get(r.papers.back(), r.papers.back().arxiv_id)) == w.last_id);
        int32_t max_votes = kNoVotes;
        std::map<std::string, int> ids;
        for (const Paper& p : r.papers) {
            max_votes = std::max(max_votes, p.votes);
            CHECK(p.date != kNoDate);
            CHECK(!get(p, p.title).empty());
            if (!is_null(p.arxiv_id)) CHECK(++ids[std::string(get(p, p.arxiv_id))] == 1);  // one paper per id
        }
        CHECK(max_votes == (w.max_votes < 0 ? kNoVotes : w.max_votes));
    }
    CHECK(files == 20);
    CHECK(total == 382);
}

TEST_CASE("wild: no boilerplate heading becomes a paper", "[wild][corpus]") {
    const auto dir = dvtest::shared_dir("wild");
    if (dir.empty()) return;
    for (const Want& w : kWild) {
        ParseResult r = parse(dvtest::read_file(dir / w.path), w.path);
        for (const Paper& p : r.papers) {
            const std::string t(get(p, p.title));
            INFO(w.path << ": " << t);
            // The boilerplate headings of these files, as written after their numbering and emoji.
            for (const char* junk : {"Get Today's Papers (cURL)", "JSON Schema", "Workflow", "Statistics", "Recent Days",
                                     "Weekly Archives", "License", "Python Integration", "JavaScript/Node.js",
                                     "今日论文统计", "论文详情", "Quick Access", "View Papers"})
            {
                const std::string j(junk);
                CHECK_FALSE((t.size() >= j.size() && t.compare(t.size() - j.size(), j.size(), j) == 0));  // no title ends with one
            }
        }
    }
}
