// core/hf_fetch: which days a fetch asks for, the URL of a day, and the decision after each
// attempt (retry waits, failure messages, bodies judged by parse_hf_json on real archived days).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/date.h"
#include "core/hf_fetch.h"
#include "core/hf_json.h"
#include "test_util.h"

using namespace dv;

namespace {

int32_t D(const char* s) {
    int32_t d = kNoDate;
    REQUIRE(parse_date(s, d));
    return d;
}

std::vector<std::string> days_of(const std::vector<HfPlannedDay>& plan) {
    std::vector<std::string> v;
    for (const HfPlannedDay& p : plan) v.push_back(format_date(p.day) + " " + hf_action_name(p.action));
    return v;
}

HfAttempt ok_attempt(const char* day, std::string_view body) {
    HfAttempt a;
    a.day = D(day);
    a.status = 200;
    a.body = body;
    return a;
}

}  // namespace

TEST_CASE("hf_plan: the last 7 days when nothing is loaded", "[hf_fetch]") {
    HfPlanRequest r;
    r.today = D("2024-06-07");
    auto plan = hf_plan(r, {});
    REQUIRE(plan.size() == 7);
    CHECK(format_date(plan.front().day) == "2024-06-01");
    CHECK(format_date(plan.back().day) == "2024-06-07");
    for (const HfPlannedDay& p : plan) CHECK(p.action == HfDayAction::Fetch);
    CHECK(hf_plan_summary(plan) == "7 days (2024-06-01 to 2024-06-07): 7 to fetch");
}

TEST_CASE("hf_plan: default starts after the last loaded day, capped, always with yesterday", "[hf_fetch]") {
    HfPlanRequest r;
    r.today = D("2024-06-10");
    r.last_loaded = D("2024-06-06");
    CHECK(days_of(hf_plan(r, {})) == std::vector<std::string>{"2024-06-07 fetch", "2024-06-08 fetch",
                                                               "2024-06-09 fetch", "2024-06-10 fetch"});
    // Loaded up to today: today and yesterday are still asked for (their votes move).
    r.last_loaded = D("2024-06-10");
    CHECK(days_of(hf_plan(r, {D("2024-06-09"), D("2024-06-10")})) ==
          std::vector<std::string>{"2024-06-09 refresh", "2024-06-10 refresh"});
    // A library that ends a year ago asks for the last kHfMaxDays days, not a year.
    r.last_loaded = D("2023-06-01");
    auto plan = hf_plan(r, {});
    REQUIRE(plan.size() == (size_t)kHfMaxDays);
    CHECK(plan.back().day == r.today);
}

TEST_CASE("hf_plan: cached settled days are kept, today and yesterday refreshed, force fetches", "[hf_fetch]") {
    HfPlanRequest r;
    r.today = D("2024-06-07");
    r.from = D("2024-06-03");
    r.to = D("2024-06-07");
    std::vector<int32_t> cached = {D("2024-06-07"), D("2024-06-03"), D("2024-06-06"), D("2024-06-05")};
    CHECK(days_of(hf_plan(r, cached)) ==
          std::vector<std::string>{"2024-06-03 cached", "2024-06-04 fetch", "2024-06-05 cached",
                                   "2024-06-06 refresh", "2024-06-07 refresh"});
    CHECK(hf_plan_summary(hf_plan(r, cached)) == "5 days (2024-06-03 to 2024-06-07): 3 to fetch, 2 cached");
    r.force = true;
    for (const HfPlannedDay& p : hf_plan(r, cached)) CHECK(p.action != HfDayAction::Cached);
}

TEST_CASE("hf_plan: ranges are clamped to today, reversed or future ranges are empty", "[hf_fetch]") {
    HfPlanRequest r;
    r.today = D("2024-06-05");
    r.from = D("2024-06-03");
    r.to = D("2024-06-09");
    CHECK(hf_plan(r, {}).size() == 3);
    r.from = D("2024-06-06");
    CHECK(hf_plan(r, {}).empty());
    r.from = D("2024-06-04");
    r.to = D("2024-06-03");
    CHECK(hf_plan(r, {}).empty());
    HfPlanRequest days;
    days.today = D("2024-06-05");
    days.days = 1;
    CHECK(days_of(hf_plan(days, {})) == std::vector<std::string>{"2024-06-05 fetch"});
    HfPlanRequest none;
    CHECK(hf_plan(none, {}).empty());
}

TEST_CASE("hf_day_url and hf_file_name", "[hf_fetch]") {
    CHECK(hf_day_url(kHfDefaultBase, D("2024-06-06")) == "https://huggingface.co/api/daily_papers?date=2024-06-06");
    CHECK(hf_day_url("http://127.0.0.1:8123/", D("2024-06-06")) == "http://127.0.0.1:8123/api/daily_papers?date=2024-06-06");
    CHECK(hf_day_url("http://localhost:9/mirror//", D("2025-01-10")) == "http://localhost:9/mirror/api/daily_papers?date=2025-01-10");
    for (const char* bad : {"", "huggingface.co", "ftp://x", "http://", "https:///x", "http://a b", "http://x?y=1",
                            "http://x#f", "javascript:alert(1)", "http://x\n"}) {
        INFO(bad);
        CHECK_FALSE(hf_base_valid(bad));
        CHECK(hf_day_url(bad, D("2024-06-06")).empty());
    }
    CHECK(hf_day_url(kHfDefaultBase, kNoDate).empty());
    CHECK(hf_file_name(D("2024-06-06")) == "hf/2024-06-06.json");
    // The library reads the date back from that name.
    CHECK(date_from_path(hf_file_name(D("2024-06-06"))) == D("2024-06-06"));
}

TEST_CASE("hf_retry_after_seconds: delta seconds and IMF-fixdate", "[hf_fetch]") {
    CHECK(hf_retry_after_seconds("120", 0) == 120);
    CHECK(hf_retry_after_seconds(" 3\r\n", 0) == 3);
    // 2015-10-21 07:28:00 UTC = 1445412480.
    CHECK(hf_retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", 1445412480 - 30) == 30);
    CHECK(hf_retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", 1445412480 + 30) == 0);
    CHECK(hf_retry_after_seconds("", 0) == -1);
    CHECK(hf_retry_after_seconds("soon", 0) == -1);
    CHECK(hf_retry_after_seconds("Wed, 21 Foo 2015 07:28:00 GMT", 0) == -1);
}

TEST_CASE("hf_judge: 429 waits Retry-After or backs off, attempts bounded", "[hf_fetch]") {
    HfRetryPolicy p;  // 4 attempts, 1 s base
    HfAttempt a;
    a.day = D("2024-06-06");
    a.status = 429;
    a.retry_after = "7";
    HfJudgement j = hf_judge(a, p);
    CHECK(j.verdict == HfVerdict::Retry);
    CHECK(j.wait_s == 7);
    CHECK(j.reason == "HTTP 429 (rate limited)");
    a.retry_after = "";
    a.attempt = 3;
    j = hf_judge(a, p);
    CHECK(j.verdict == HfVerdict::Retry);
    CHECK(j.wait_s == 4);  // 1, 2, 4
    a.attempt = 4;
    j = hf_judge(a, p);
    CHECK(j.verdict == HfVerdict::Failed);
    CHECK(j.reason == "HTTP 429 (rate limited) after 4 attempts");
    // A server asking for longer than the policy allows fails now, saying how long it asked.
    a.attempt = 1;
    a.retry_after = "3600";
    j = hf_judge(a, p);
    CHECK(j.verdict == HfVerdict::Failed);
    CHECK(j.reason.find("3600 s") != std::string::npos);
}

TEST_CASE("hf_judge: 5xx backs off exponentially up to the cap", "[hf_fetch]") {
    HfRetryPolicy p;
    p.max_attempts = 10;
    p.base_delay_s = 0.5;
    p.max_delay_s = 3;
    HfAttempt a;
    a.status = 503;
    std::vector<double> waits;
    for (int n = 1; n <= 5; ++n) {
        a.attempt = n;
        HfJudgement j = hf_judge(a, p);
        REQUIRE(j.verdict == HfVerdict::Retry);
        waits.push_back(j.wait_s);
    }
    CHECK(waits == std::vector<double>{0.5, 1, 2, 3, 3});
    CHECK(hf_judge(a, p).reason == "HTTP 503 (server error)");
}

TEST_CASE("hf_judge: transport failures", "[hf_fetch]") {
    HfRetryPolicy p;
    HfAttempt a;
    a.day = D("2024-06-06");
    a.net = HfNet::Refused;
    a.net_detail = "Couldn't connect to server";
    HfJudgement j = hf_judge(a, p);
    CHECK(j.verdict == HfVerdict::Failed);  // refused and offline fail at once: retrying won't help
    CHECK(j.reason == "connection refused: Couldn't connect to server");
    a.net = HfNet::Offline;
    a.net_detail = "";
    CHECK(hf_judge(a, p).reason == "offline (host not reachable)");
    a.net = HfNet::Blocked;
    CHECK(hf_judge(a, p).verdict == HfVerdict::Failed);
    a.net = HfNet::Timeout;
    CHECK(hf_judge(a, p).verdict == HfVerdict::Retry);
    a.net = HfNet::Truncated;
    a.attempt = p.max_attempts;
    j = hf_judge(a, p);
    CHECK(j.verdict == HfVerdict::Failed);
    CHECK(j.reason == "truncated response (connection closed mid-body) after 4 attempts");
    a = HfAttempt();
    a.status = 403;
    CHECK(hf_judge(a, p).reason == "HTTP 403 (blocked by the server)");
    a.status = 404;
    CHECK(hf_judge(a, p).verdict == HfVerdict::Failed);
}

TEST_CASE("hf_judge: bodies are judged by parse_hf_json", "[hf_fetch]") {
    HfRetryPolicy p;
    std::string day = dvtest::fixture("hf/2024-06-06.json");
    HfJudgement j = hf_judge(ok_attempt("2024-06-06", day), p);
    CHECK(j.verdict == HfVerdict::Ok);
    CHECK(j.papers == parse_hf_json(day, "hf/2024-06-06.json").papers.size());
    CHECK(j.papers > 0);
    // An empty day is a day.
    CHECK(hf_judge(ok_attempt("2024-06-08", "[]"), p).verdict == HfVerdict::Ok);
    CHECK(hf_judge(ok_attempt("2024-06-08", "[]"), p).papers == 0);
    // Half a body, an error body and HTML are failures with the reader's words, not retried.
    std::string truncated = dvtest::fixture("hf/truncated_2024-06-06.json");
    j = hf_judge(ok_attempt("2024-06-06", truncated), p);
    CHECK(j.verdict == HfVerdict::Failed);
    CHECK(j.reason.rfind("malformed body: ", 0) == 0);
    j = hf_judge(ok_attempt("2024-06-06", dvtest::fixture("hf/error_body.json")), p);
    CHECK(j.verdict == HfVerdict::Failed);
    CHECK(j.reason.find("malformed body") == 0);
    CHECK(hf_judge(ok_attempt("2024-06-06", "<html>rate limited</html>"), p).verdict == HfVerdict::Failed);
}

TEST_CASE("hf_judge: every raw archived API day is accepted with parse_hf_json's count", "[hf_fetch][corpus]") {
    std::filesystem::path root = dvtest::shared_dir("hf-json");
    if (root.empty()) {
        WARN("no ../shared/hf-json: nothing checked");
        return;
    }
    size_t files = 0;
    for (const char* sub : {"2404589803-hf-daily-paper-newsletter-chinese/daily_papers",
                            "2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download",
                            "jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download"}) {
        for (const auto& e : std::filesystem::directory_iterator(root / sub)) {
            int32_t day = date_from_path(e.path().filename().string());
            REQUIRE(day != kNoDate);
            std::string bytes = dvtest::read_file(e.path());
            HfAttempt a;
            a.day = day;
            a.status = 200;
            a.body = bytes;
            HfJudgement j = hf_judge(a, HfRetryPolicy());
            INFO(e.path().string() << ": " << j.reason);
            CHECK(j.verdict == HfVerdict::Ok);
            CHECK(j.papers == parse_hf_json(bytes, hf_file_name(day)).papers.size());
            files++;
        }
    }
    CHECK(files >= 10);
}

TEST_CASE("hf_day_line and hf_day_from_unix", "[hf_fetch]") {
    HfDayResult r;
    r.day = D("2024-06-06");
    r.ok = true;
    r.papers = 1;
    CHECK(hf_day_line(r) == "2024-06-06: 1 paper");
    r.from_cache = true;
    r.papers = 23;
    CHECK(hf_day_line(r) == "2024-06-06: cached, 23 papers");
    r.ok = false;
    r.reason = "HTTP 500 (server error) after 4 attempts";
    CHECK(hf_day_line(r) == "2024-06-06: failed: HTTP 500 (server error) after 4 attempts");
    CHECK(hf_day_from_unix(0) == 0);
    CHECK(hf_day_from_unix(1445412480) == D("2015-10-21"));
    CHECK(hf_day_from_unix(-1) == -1);
}

TEST_CASE("hf_queue: at most 4 in flight, retry waits, cancel keeps finished days", "[hf_fetch]") {
    std::vector<int32_t> days;
    for (int i = 1; i <= 6; ++i) days.push_back(D("2024-06-01") + i - 1);
    HfQueue q;
    HfRetryPolicy p;  // 1 s base
    hf_queue_init(q, days, p);
    std::vector<size_t> s = hf_queue_start(q, 0);
    CHECK(s == std::vector<size_t>{0, 1, 2, 3});
    CHECK(hf_queue_start(q, 0).empty());  // the slots are full
    HfAttempt fail;
    fail.status = 500;
    HfDayResult r;
    CHECK_FALSE(hf_queue_finish(q, 0, fail, 10, r));  // retried 1 s later, at 11
    CHECK(hf_queue_next_due(q) == 0);  // days 5 and 6 have been due all along (no slot yet)
    CHECK(hf_queue_start(q, 10) == std::vector<size_t>{4});  // the free slot goes to a due day
    HfAttempt ok;
    ok.status = 200;
    ok.body = "[]";
    REQUIRE(hf_queue_finish(q, 1, ok, 10, r));
    CHECK(r.ok);
    CHECK(r.day == days[1]);
    CHECK(r.attempts == 1);
    CHECK(hf_queue_start(q, 10) == std::vector<size_t>{5});
    REQUIRE(hf_queue_finish(q, 2, ok, 10.5, r));
    CHECK(hf_queue_next_due(q) == 11);
    CHECK(hf_queue_start(q, 10.9).empty());  // the retry's wait is not over
    CHECK(hf_queue_start(q, 11) == std::vector<size_t>{0});
    CHECK(q.days[0].attempt == 2);
    // A day's answer can only end it once.
    CHECK_FALSE(hf_queue_finish(q, 1, ok, 10, r));
    std::vector<HfDayResult> rest;
    hf_queue_cancel(q, rest);
    CHECK(rest.size() == 4);  // days 1 and 2 finished and stay finished
    for (const HfDayResult& c : rest) CHECK(c.reason == "cancelled");
    CHECK(hf_queue_done(q));
    CHECK(q.failed == 4);
    CHECK(q.in_flight == 0);
    CHECK(hf_queue_start(q, 100).empty());
    // A late answer for a cancelled day is ignored.
    CHECK_FALSE(hf_queue_finish(q, 2, ok, 11, r));
}
