// digest-cli end to end: exit codes, parse/query/stats/export output checked against the core
// library run in-process on the same files.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/library.h"
#include "core/parser.h"
#include "core/query.h"
#include "core/export.h"
#include "core/text.h"
#include "core/trend.h"
#include "test_support.h"
#include "test_util.h"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string out;
};

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
}

// Runs digest-cli with args; captures stdout (stderr discarded unless keep_stderr).
Run cli(const std::vector<std::string>& args, bool keep_stderr = false) {
    std::string cmd = shell_quote(DV_CLI_PATH);
    for (auto& a : args) {
        cmd += ' ';  // (not " " + quoted: g++ 12 -O2 warns -Wrestrict on that, a known false positive)
        cmd += shell_quote(a);
    }
    cmd += keep_stderr ? " 2>&1" : " 2>/dev/null";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

json cli_json(const std::vector<std::string>& args) {
    Run r = cli(args);
    INFO("exit " << r.status << ", output starts: " << r.out.substr(0, 300));
    REQUIRE(r.status == 0);
    json j = json::parse(r.out, nullptr, false);
    REQUIRE(!j.is_discarded());
    return j;
}

// A fresh temp folder per test case.
using dvtest::TempDir;

const char* kSmall =
    "## Daily Papers (2024-06-06)\n\n"
    "### [Diffusion models for video](https://arxiv.org/abs/2406.00001)\n\n"
    "Vote: 42\n\nAuthors: Ann One, Bob Two\n\n- ***What's New***: 새로운 모델\n\n"
    "### [World model survey](https://arxiv.org/abs/2406.00002)\n\n"
    "Vote: -\n\nAuthors: Cy Three\n\n- plain bullet\n\n";

// The corpus as CLI arguments: its subfolders (FORMAT.md at the top is documentation).
std::vector<std::string> corpus_args() {
    std::vector<std::string> out;
    fs::path root = dvtest::corpus_dir();
    if (root.empty()) return out;
    for (auto& e : fs::directory_iterator(root))
        if (e.is_directory()) out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

dv::Library corpus_library(const std::vector<fs::path>& files) {
    dv::Library lib;
    for (auto& f : files) dv::library_add(lib, f.string(), dvtest::read_file(f));
    dv::library_rebuild(lib);
    return lib;
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("cli: help, version and usage errors exit 0 / 2", "[cli]") {
    Run h = cli({"--help"});
    CHECK(h.status == 0);
    CHECK(h.out.find("Usage") != std::string::npos);
    Run v = cli({"--version"});
    CHECK(v.status == 0);
    CHECK(v.out.rfind("digest-cli ", 0) == 0);

    TempDir t;
    std::string f = t.write("a.md", kSmall);
    CHECK(cli({}).status == 2);
    CHECK(cli({"frobnicate", f}).status == 2);
    CHECK(cli({"parse", "--bogus", f}).status == 2);
    CHECK(cli({"parse", "--json"}).status == 2);             // no input
    CHECK(cli({"query"}).status == 2);                       // no query
    CHECK(cli({"query", "x", "--sort", "size", f}).status == 2);
    CHECK(cli({"query", "x", "--limit", "-3", f}).status == 2);
    CHECK(cli({"query", "x", "--trend", "y", f}).status == 2);            // --trend is for stats
    CHECK(cli({"stats", "--trend", "y", "--trend-by", "day", f}).status == 2);
    CHECK(cli({"query", "x", "--limit"}).status == 2);
    CHECK(cli({"export", "--format", "xml", f}).status == 2);
    Run msg = cli({"export", "--format", "xml", f}, true);
    CHECK(msg.out.find("xml") != std::string::npos);         // a clear message on stderr
}

TEST_CASE("cli: I/O errors exit 1, bad content exits 0 with diagnostics", "[cli]") {
    TempDir t;
    std::string good = t.write("good.md", kSmall);
    Run missing = cli({"parse", "--json", (t.path / "nope.md").string()}, true);
    CHECK(missing.status == 1);
    CHECK(missing.out.find("nope.md") != std::string::npos);
    CHECK(cli({"query", "x", good, (t.path / "nope").string()}).status == 1);
    CHECK(cli({"export", "-o", (t.path / "no/such/dir/out.csv").string(), good}).status == 1);

    std::string bin("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0\x10\x10\0\0\0\0\0\0", 32);
    for (int i = 0; i < 200; ++i) bin += char(i * 37 % 256);
    std::string binf = t.write("program.bin", bin);
    for (const char* cmd : {"parse", "query"}) {
        std::vector<std::string> args = {cmd};
        if (std::string(cmd) == "query") args.push_back("model");
        else args.push_back("--json");
        args.push_back(binf);
        json j = cli_json(args);
        INFO(j.dump());
        CHECK(j["papers"].empty());
        bool error = false;
        for (auto& d : j["diagnostics"])
            if (d["severity"] == "error" && d["source"] == binf) error = true;
        CHECK(error);
    }
    // Non-UTF-8 text and an empty file are content problems too.
    std::string latin = t.write("latin1.md", "## Daily Papers (2024-06-06)\n\n### [Caf\xe9](https://arxiv.org/abs/2406.00001)\n\n- x\n");
    std::string empty = t.write("empty.md", "");
    json j = cli_json({"parse", "--json", latin, empty});
    REQUIRE(j["papers"].size() == 1);
    CHECK(j["papers"][0]["title"] == "Caf\xEF\xBF\xBD");
}

TEST_CASE("cli: directories are read recursively for .md files, sorted", "[cli]") {
    TempDir t;
    t.write("d/2024/06/07.md", std::string(kSmall).replace(25, 2, "07"));
    t.write("d/2024/06/06.md", kSmall);
    t.write("d/notes.txt", "### [Not markdown](https://arxiv.org/abs/2406.09999)\n");
    json j = cli_json({"parse", "--json", (t.path / "d").string()});
    REQUIRE(j["papers"].size() == 4);
    CHECK(j["papers"][0]["source"].get<std::string>().find("06.md") != std::string::npos);
    CHECK(j["papers"][2]["source"].get<std::string>().find("07.md") != std::string::npos);
    CHECK(j["papers"][0]["line"] == 3);
    CHECK(j["papers"][1]["votes"].is_null());
    // Pretty output is the same value.
    Run pretty = cli({"parse", "--json", "--pretty", (t.path / "d").string()});
    CHECK(pretty.out.find("\n  ") != std::string::npos);
    CHECK(json::parse(pretty.out, nullptr, false) == j);
}

TEST_CASE("cli: parse --json lists each file's format, paper count and date, and folders include .json", "[cli][hf_json]") {
    TempDir t;
    t.write("d/2024-06-06.md", kSmall);
    t.write("d/hf/2024-06-06.json", dvtest::fixture("hf/2024-06-06.json"));
    t.write("d/hf/weekly/2026-W10.JSON", dvtest::fixture("hf/weekly/2026-W10.json"));
    t.write("d/hf/papers.json", dvtest::fixture("hf/error_body.json"));
    t.write("d/notes.txt", "[{\"paper\": {}}]");
    json j = cli_json({"parse", "--json", (t.path / "d").string()});
    INFO(j["files"].dump());
    // The keys parse --json always had, plus "files", in input order (sorted paths).
    CHECK(j["papers"].is_array());
    CHECK(j["diagnostics"].is_array());
    REQUIRE(j["files"].size() == 4);
    auto file = [&](size_t i, const char* suffix) {
        const json& f = j["files"][i];
        std::string src = f["source"].get<std::string>();
        CHECK(src.size() >= std::strlen(suffix));
        CHECK(src.compare(src.size() - std::strlen(suffix), std::string::npos, suffix) == 0);
        return f;
    };
    json md = file(0, "d/2024-06-06.md");
    CHECK(md["papers"] == 2);
    CHECK(md["format"].is_string());  // the markdown shapes' names and dates are the markdown parser's
    CHECK(md.contains("date"));
    json day = file(1, "hf/2024-06-06.json");
    CHECK(day["format"] == "hf-api-json");
    CHECK(day["papers"] == 12);
    CHECK(day["date"] == "2024-06-06");
    json err = file(2, "hf/papers.json");
    CHECK(err["format"] == "hf-api-error");
    CHECK(err["papers"] == 0);
    CHECK(err["date"].is_null());
    json week = file(3, "hf/weekly/2026-W10.JSON");
    CHECK(week["format"] == "hf-page-json");
    CHECK(week["papers"] == 3);
    CHECK(week["date"].is_null());  // its papers span two days
    CHECK(j["papers"].size() == 2 + 12 + 3);
    // Each file's count agrees with its papers' "source".
    std::map<std::string, size_t> per_source;
    for (auto& p : j["papers"]) per_source[p["source"].get<std::string>()]++;
    for (auto& f : j["files"]) CHECK(per_source[f["source"].get<std::string>()] == f["papers"].get<size_t>());
    bool quoted = false;
    for (auto& d : j["diagnostics"])
        if (d["severity"] == "error" && d["message"].get<std::string>().find("Sorry, the page you asked for") != std::string::npos) quoted = true;
    CHECK(quoted);
}

TEST_CASE("cli: a folder gives the files walk_digest_files finds (.markdown too, hidden names not)", "[cli]") {
    TempDir t;
    t.write("d/2024/06/06.md", kSmall);
    t.write("d/2024/06/07.markdown", std::string(kSmall).replace(25, 2, "07"));
    t.write("d/.trash/2024-06-08.md", std::string(kSmall).replace(25, 2, "08"));
    t.write("d/notes.txt", "### [Not markdown](https://arxiv.org/abs/2406.09999)\n");
    std::vector<std::string> want;
    std::string error;
    REQUIRE(dv::walk_digest_files((t.path / "d").string(), want, error));
    REQUIRE(want.size() == 2);
    json j = cli_json({"parse", "--json", (t.path / "d").string()});
    REQUIRE(j["papers"].size() == 4);
    CHECK(j["papers"][0]["source"] == want[0]);
    CHECK(j["papers"][2]["source"] == want[1]);
    CHECK(want[1].find("07.markdown") != std::string::npos);
}

TEST_CASE("cli: query, sort, limit on a small library", "[cli]") {
    TempDir t;
    std::string f = t.write("a.md", kSmall);
    json j = cli_json({"query", "model", f});
    CHECK(j["count"] == 2);
    CHECK(j["library"]["files"] == 1);
    CHECK(j["library"]["papers"] == 2);
    CHECK(j["library"]["days"] == 1);
    CHECK(j["query_errors"].empty());
    json one = cli_json({"query", "author:cy", f});
    REQUIRE(one["count"] == 1);
    CHECK(one["papers"][0]["arxiv_id"] == "2406.00002");
    CHECK(one["papers"][0]["percentile"].is_null());
    CHECK(one["papers"][0]["days"] == json::array({"2024-06-06"}));
    json asc = cli_json({"query", "", "--sort", "title", f});
    REQUIRE(asc["papers"].size() == 2);
    CHECK(asc["papers"][0]["title"] == "Diffusion models for video");
    json desc = cli_json({"query", "", "--sort", "title", "--desc", "--limit", "1", f});
    CHECK(desc["count"] == 2);
    REQUIRE(desc["papers"].size() == 1);
    CHECK(desc["papers"][0]["title"] == "World model survey");
    json neg = cli_json({"query", "-survey", f});  // a leading '-' query is not an option
    CHECK(neg["count"] == 1);
    json bad = cli_json({"query", "votes>=abc model", f});
    CHECK(!bad["query_errors"].empty());
    CHECK(bad["count"] == 2);
}

TEST_CASE("cli: export formats and -o", "[cli]") {
    TempDir t;
    std::string f = t.write("a.md", kSmall);
    Run csv = cli({"export", "--format", "csv", f});
    REQUIRE(csv.status == 0);
    CHECK(csv.out.rfind("date,votes,percentile,title,authors,arxiv_id,url,thumbnail,summary\r\n", 0) == 0);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 3);
    Run md = cli({"export", "--format", "md", "--query", "diffusion", f});
    REQUIRE(md.status == 0);
    dv::ParseResult r = dv::parse(md.out, "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].title) == "Diffusion models for video");
    std::string out = (t.path / "out.json").string();
    Run js = cli({"export", "-o", out, f});
    CHECK(js.status == 0);
    CHECK(js.out.empty());
    json j = json::parse(dvtest::read_file(out), nullptr, false);
    REQUIRE(!j.is_discarded());
    CHECK(j["papers"].size() == 2);
    CHECK(j.contains("diagnostics"));
}

TEST_CASE("cli: parse --json (streamed, files parsed on two threads) equals the whole document, in file order", "[cli][corpus]") {
    auto files = dvtest::digest_files(dvtest::corpus_dir());
    if (files.empty()) {
        WARN("corpus not found (set DIGEST_CORPUS): skipped");
        return;
    }
    // --pretty builds the whole document and dumps it; compact output is streamed paper by paper.
    Run compact = cli(with({"parse", "--json"}, corpus_args()));
    Run pretty = cli(with({"parse", "--json", "--pretty"}, corpus_args()));
    REQUIRE(compact.status == 0);
    REQUIRE(pretty.status == 0);
    const json c = json::parse(compact.out), p = json::parse(pretty.out);
    CHECK(c == p);
    // Byte for byte what dumping that document compactly gives.
    CHECK(compact.out == p.dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
    // Papers in file order, then heading order, whichever thread parsed them.
    std::vector<std::string> order;
    for (const json& f : c["files"]) order.push_back(f["source"]);
    size_t fi = 0;
    int last_line = 0;
    bool ordered = true;
    for (const json& paper : c["papers"]) {
        const std::string src = paper["source"];
        while (fi < order.size() && order[fi] != src) {
            ++fi;
            last_line = 0;
        }
        ordered = ordered && fi < order.size() && paper["line"].get<int>() > last_line;
        last_line = paper["line"].get<int>();
    }
    CHECK(ordered);
}

TEST_CASE("cli: parse --json reads every corpus file", "[cli][corpus]") {
    auto files = dvtest::digest_files(dvtest::corpus_dir());
    if (files.empty()) {
        WARN("corpus not found (set DIGEST_CORPUS): skipped");
        return;
    }
    json j = cli_json(with({"parse", "--json"}, corpus_args()));
    size_t expected = 0, expected_diags = 0;
    std::map<std::string, size_t> per_file;
    for (auto& f : files) {
        dv::ParseResult r = dv::parse(dvtest::read_file(f), f.string());
        expected += r.papers.size();
        expected_diags += r.diagnostics.size();
        per_file[f.string()] = r.papers.size();
    }
    CHECK(j["papers"].size() == expected);
    CHECK(j["diagnostics"].size() == expected_diags);
    CHECK(expected > 5000);
    std::map<std::string, size_t> seen;
    bool all_have_source = true;
    for (auto& p : j["papers"]) {
        if (!p["source"].is_string() || !p["line"].is_number() || p["line"].get<int>() < 1) all_have_source = false;
        else seen[p["source"].get<std::string>()]++;
    }
    CHECK(all_have_source);
    for (auto& [name, n] : per_file) {
        INFO(name);
        CHECK(seen[name] == n);
    }
    for (auto& d : j["diagnostics"]) {
        CHECK(d["source"].is_string());
        CHECK(d["message"].is_string());
        CHECK((d["severity"] == "info" || d["severity"] == "warning" || d["severity"] == "error"));
    }
}

TEST_CASE("cli: query counts equal a brute-force count, and stats agree", "[cli][corpus]") {
    auto files = dvtest::digest_files(dvtest::corpus_dir());
    if (files.empty()) {
        WARN("corpus not found (set DIGEST_CORPUS): skipped");
        return;
    }
    dv::Library lib = corpus_library(files);
    auto args = corpus_args();
    for (const char* q : {"", "diffusion", "모델", "\"language model\"", "author:kim", "title:video -survey", "votes>=50",
                          "date:2024-06", "label:what", "d"}) {
        dv::Query query = dv::parse_query(q);
        size_t brute = 0;
        for (uint32_t e = 0; e < lib.entries.size(); ++e)
            if (dv::entry_matches(lib, e, query)) ++brute;
        json j = cli_json(with({"query", q, "--limit", "5", "--sort", "votes"}, args));
        INFO("query " << q);
        CHECK(j["count"] == brute);
        CHECK(j["papers"].size() == std::min<size_t>(5, brute));
        CHECK(j["library"]["papers"] == lib.entries.size());
        CHECK(j["library"]["days"] == lib.days.size());
        CHECK(j["library"]["files"] == lib.files.size());
        for (size_t i = 1; i < j["papers"].size(); ++i) {
            auto v = [](const json& p) { return p["votes"].is_null() ? -1 : p["votes"].get<int>(); };
            CHECK(v(j["papers"][i - 1]) >= v(j["papers"][i]));
        }
    }

    // The default order is the library's: date descending (kNoDate last), whether or not a paper has votes.
    json by_date = cli_json(with({"query", ""}, args));
    REQUIRE(by_date["papers"].size() == lib.entries.size());
    size_t out_of_order = 0;
    for (size_t i = 1; i < by_date["papers"].size(); ++i) {
        auto& a = by_date["papers"][i - 1]["date"];
        auto& b = by_date["papers"][i]["date"];
        if (a.is_null() ? !b.is_null() : (!b.is_null() && a.get<std::string>() < b.get<std::string>())) {
            if (out_of_order++ < 3) FAIL_CHECK("entry " << i << " dated " << b << " after " << a);
        }
    }
    CHECK(out_of_order == 0);

    json s = cli_json(with({"stats", "--json", "--query", "votes>=1"}, args));
    size_t brute = 0;
    dv::Query q = dv::parse_query("votes>=1");
    for (uint32_t e = 0; e < lib.entries.size(); ++e)
        if (dv::entry_matches(lib, e, q)) ++brute;
    CHECK(s["papers"] == brute);
    CHECK(s["without_votes"] == 0);
    uint64_t hist = 0, per_day = 0, weekdays = 0;
    for (auto& b : s["vote_histogram"]) hist += b["count"].get<uint64_t>();
    for (auto& d : s["per_day"]) {
        per_day += d["papers"].get<uint64_t>();
        CHECK(d["median"].get<double>() <= d["p90"].get<double>() + 1e-9);
        CHECK(d["p90"].get<double>() <= d["max"].get<double>() + 1e-9);
    }
    for (auto& w : s["weekdays"]) weekdays += w["papers"].get<uint64_t>();
    CHECK(hist == brute);
    CHECK(per_day == brute);
    CHECK(weekdays == brute);
    REQUIRE(s["top_papers"].size() > 0);
    for (size_t i = 1; i < s["top_papers"].size(); ++i)
        CHECK(s["top_papers"][i - 1]["votes"].get<int>() >= s["top_papers"][i]["votes"].get<int>());
    for (size_t i = 1; i < s["top_authors_by_papers"].size(); ++i)
        CHECK(s["top_authors_by_papers"][i - 1]["papers"].get<int>() >= s["top_authors_by_papers"][i]["papers"].get<int>());
    for (size_t i = 1; i < s["top_authors_by_votes"].size(); ++i)
        CHECK(s["top_authors_by_votes"][i - 1]["votes"].get<int64_t>() >= s["top_authors_by_votes"][i]["votes"].get<int64_t>());

    json all = cli_json(with({"stats", "--json"}, args));
    CHECK(all["papers"] == lib.entries.size());
    uint64_t hist_all = 0;
    for (auto& b : all["vote_histogram"]) hist_all += b["count"].get<uint64_t>();
    CHECK(hist_all == all["papers"].get<uint64_t>() - all["without_votes"].get<uint64_t>());
}

TEST_CASE("cli: query --why gives each paper's match spans and row snippet", "[cli][corpus][highlight]") {
    auto files = dvtest::digest_files(dvtest::corpus_dir());
    if (files.empty()) {
        WARN("corpus not found (set DIGEST_CORPUS): skipped");
        return;
    }
    dv::Library lib = corpus_library(files);
    auto args = corpus_args();
    for (const char* text : {"확산", "diffusion model"}) {
        json j = cli_json(with({"query", text, "--why", "--limit", "50"}, args));
        const dv::Query q = dv::parse_query(text);
        const std::vector<uint32_t> r = dv::run_query(lib, q, dv::Sort());
        REQUIRE(j["papers"].size() == std::min<size_t>(50, r.size()));
        size_t snippets = 0;
        for (size_t i = 0; i < j["papers"].size(); ++i) {
            CHECK(j["papers"][i]["why"] == dv::why_json(lib, r[i], q));
            snippets += !j["papers"][i]["why"]["snippet"].is_null();
            // Every title span holds the needle of a term, folded.
            const std::string title = j["papers"][i]["title"];
            for (const json& sp : j["papers"][i]["why"]["title"]) {
                const std::string got = dv::fold(title.substr(sp[0].get<size_t>(), sp[1].get<size_t>() - sp[0].get<size_t>()));
                bool any = false;
                for (const dv::TextTerm& t : q.terms) any = any || got.find(t.needle) != std::string::npos;
                CHECK(any);
            }
        }
        if (std::string(text) == "확산") CHECK(snippets > 10);  // English titles, Korean summaries
    }
    // Without --why: no "why"; --why on another command is a usage error.
    json plain = cli_json(with({"query", "확산", "--limit", "1"}, args));
    CHECK(!plain["papers"][0].contains("why"));
    CHECK(cli(with({"stats", "--why"}, args)).status == 2);
}

TEST_CASE("cli: stats --trend equals the core's trend over the same files", "[cli][corpus][trend]") {
    auto files = dvtest::digest_files(dvtest::corpus_dir());
    if (files.empty()) {
        WARN("corpus not found (set DIGEST_CORPUS): skipped");
        return;
    }
    dv::Library lib = corpus_library(files);
    auto args = corpus_args();
    const char* current = "votes>=3 date:2024";
    json s = cli_json(with({"stats", "--json", "--query", current, "--trend", "diffusion", "--trend", "확산",
                            "--trend-by", "month"},
                           args));
    const dv::Query filters = dv::parse_query(current);
    const dv::TrendTable t = dv::trend_table(lib, dv::PeriodKind::Month, filters.date_lo, filters.date_hi);
    const std::vector<dv::TrendSeries> want = {dv::trend_series(lib, t, "diffusion", filters),
                                               dv::trend_series(lib, t, "확산", filters)};
    REQUIRE(t.periods.size() >= 6);
    CHECK(s["trend"] == dv::trend_json(t, want));
    CHECK(s["trend"][0]["period"].get<std::string>().rfind("2024-", 0) == 0);
    // Without --trend-by: ISO weeks; without --query: the whole library.
    json w = cli_json(with({"stats", "--json", "--trend", "agent"}, args));
    const dv::TrendTable tw = dv::trend_table(lib, dv::PeriodKind::Week);
    CHECK(w["trend"] == dv::trend_json(tw, {dv::trend_series(lib, tw, "agent", dv::parse_query(""))}));
    CHECK(w["trend"][0]["period"].get<std::string>().find("-W") != std::string::npos);
}
