// Getting days from Hugging Face's /api/daily_papers: the rules, without the network. Which days to
// ask for (hf_plan), the URL of a day (hf_day_url), what to do after each attempt (hf_judge: done,
// retry after a wait, or fail with a message). The native fetcher (src/platform/hf_fetcher.*, libcurl,
// shared by digest-viewer and digest-cli) and the web shell (web/shell.js, fetch()) both carry these
// decisions out; neither decides them on its own. Never throws, never prints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace dv {

constexpr const char* kHfDefaultBase = "https://huggingface.co";
constexpr int kHfDefaultDays = 7;      // the range when nothing is loaded yet
constexpr int kHfMaxDays = 31;         // the most days one default plan asks for
constexpr int kHfMaxInFlight = 4;      // requests at once, on every platform

// --- the plan -----------------------------------------------------------------------------------

struct HfPlanRequest {
    int32_t today = kNoDate;           // UTC day number now (the API's listing days are UTC)
    int32_t from = kNoDate, to = kNoDate;  // an explicit inclusive range (both set), or unset
    int days = 0;                      // > 0: the last `days` days ending today (when no range)
    int32_t last_loaded = kNoDate;     // the latest day in the library (default range start)
    bool force = false;                // fetch cached days again too
};

enum class HfDayAction : uint8_t {
    Fetch,      // not cached: ask for it
    Refresh,    // cached but today or yesterday: votes and the list still move, ask again
    Cached,     // cached and settled: use the cached copy, no request
};
const char* hf_action_name(HfDayAction a);  // "fetch", "refresh", "cached"

struct HfPlannedDay {
    int32_t day = kNoDate;
    HfDayAction action = HfDayAction::Fetch;
};

// The range: from..to if given (clamped to today; nothing after today exists), else the last
// `days` days, else the days after last_loaded up to today (at most kHfMaxDays, and always today
// and yesterday so a refresh has something to do), else the last kHfDefaultDays. Each day is then
// Fetch, Refresh (cached and less than 2 days old) or Cached (cached, older, not forced).
// `cached` lists the days already kept (any order). Days ascend. Empty if today is unset or the
// range is empty or reversed.
std::vector<HfPlannedDay> hf_plan(const HfPlanRequest& r, const std::vector<int32_t>& cached);

// A plain-words summary for a status line or the first-use notice, e.g.
// "7 days (2024-06-01 to 2024-06-07): 5 to fetch, 2 cached".
std::string hf_plan_summary(const std::vector<HfPlannedDay>& plan);

// --- URLs ---------------------------------------------------------------------------------------

// True for "http://host[:port][/path]" or "https://..." with a non-empty host and no query,
// fragment, spaces or control characters: the only bases a request may be built on.
bool hf_base_valid(std::string_view base);
// base + "/api/daily_papers?date=YYYY-MM-DD" (one '/' between). "" if the base is invalid or the
// day unset.
std::string hf_day_url(std::string_view base, int32_t day);
// The library name a fetched day gets, the same on every platform: "hf/YYYY-MM-DD.json".
std::string hf_file_name(int32_t day);

// --- attempts -----------------------------------------------------------------------------------

struct HfRetryPolicy {
    int max_attempts = 4;              // per day, first try included
    double base_delay_s = 1.0;         // 5xx/timeouts wait base, 2*base, 4*base ...
    double max_delay_s = 30.0;         // cap on a backoff wait
    double max_retry_after_s = 120.0;  // a Retry-After longer than this fails the day instead
};

// How the transport ended, before any HTTP status (what libcurl or fetch() can tell apart).
enum class HfNet : uint8_t {
    None,           // a response arrived (look at status)
    Offline,        // no network / host name not resolved
    Refused,        // connection refused or reset before a response
    Blocked,        // the platform refused the request (browser CSP/CORS, TLS certificate)
    Timeout,        // no complete response in time
    Truncated,      // the connection closed mid-body
    Cancelled,      // the user cancelled
    Other,
};

struct HfAttempt {
    int32_t day = kNoDate;
    int attempt = 1;                   // 1-based number of this attempt
    HfNet net = HfNet::None;
    std::string net_detail;            // the platform's own words, appended to the message
    int status = 0;                    // HTTP status when net == None
    std::string retry_after;           // the Retry-After header, as sent ("" if none)
    int64_t now_unix = 0;              // seconds, for an HTTP-date Retry-After
    std::string_view body;             // the response body (status 200)
};

enum class HfVerdict : uint8_t { Ok, Retry, Failed };

struct HfJudgement {
    HfVerdict verdict = HfVerdict::Failed;
    double wait_s = 0;                 // Retry: wait this long before the next attempt
    std::string reason;                // Retry/Failed: why, e.g. "HTTP 429 (rate limited)"
    size_t papers = 0;                 // Ok: papers parse_hf_json read from the body
};

// Ok for a 200 whose body parse_hf_json reads without an Error (an empty day is Ok). Retry for
// 429 (after Retry-After, seconds or an HTTP-date, or the backoff if none), 5xx, timeouts and
// truncated bodies, while attempt < max_attempts; the backoff for attempt n is
// base * 2^(n-1), capped. Failed otherwise: offline, refused, blocked, other 4xx, a malformed body,
// or retries used up (the reason then says after how many attempts).
HfJudgement hf_judge(const HfAttempt& a, const HfRetryPolicy& policy);

// Seconds a Retry-After value asks for: "120" or an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT")
// relative to now_unix. -1 if absent or unreadable.
double hf_retry_after_seconds(std::string_view value, int64_t now_unix);

// The one line per day every front end shows: "2024-06-06: 23 papers" / "2024-06-06: cached,
// 23 papers" / "2024-06-06: failed: HTTP 500 (server error) after 4 attempts".
struct HfDayResult {
    int32_t day = kNoDate;
    bool ok = false;
    bool from_cache = false;
    size_t papers = 0;
    int attempts = 0;
    std::string reason;                // failed: why
    std::string body;                  // ok: the bytes to keep (the file hf_file_name(day))
};
std::string hf_day_line(const HfDayResult& r);

// --- the queue ----------------------------------------------------------------------------------
// The schedule every platform runs: which day's next attempt may start now (at most kHfMaxInFlight
// in flight, retry waits honoured), and what an ended attempt means (hf_judge). The platform only
// performs the requests (libcurl, fetch()) and reports how each ended. Times are the platform's
// monotonic seconds.
struct HfQueue {
    enum class State : uint8_t { Waiting, InFlight, Done };
    struct Day {
        int32_t day = kNoDate;
        int attempt = 0;               // attempts started
        double not_before = 0;         // a retry's wait ends then
        State state = State::Waiting;
    };
    std::vector<Day> days;
    HfRetryPolicy policy;
    size_t in_flight = 0, done = 0, failed = 0;
    bool cancelled = false;
};
void hf_queue_init(HfQueue& q, const std::vector<int32_t>& days, const HfRetryPolicy& policy);
// Marks the days whose attempt may start now as in flight (attempt counted) and returns their
// indices, oldest day first.
std::vector<size_t> hf_queue_start(HfQueue& q, double now_s);
// When the next waiting day becomes due (-1 if none waits).
double hf_queue_next_due(const HfQueue& q);
// An attempt of day `index` ended (a.day and a.attempt are filled in here). Returns true with
// `out` set when the day is done (Ok or Failed); false when it waits for a retry. Results of days
// already done (a cancelled day's late answer) are ignored (false).
bool hf_queue_finish(HfQueue& q, size_t index, HfAttempt a, double now_s, HfDayResult& out);
// Ends every day not done with a "cancelled" result (appended to `out`).
void hf_queue_cancel(HfQueue& q, std::vector<HfDayResult>& out);
inline bool hf_queue_done(const HfQueue& q) { return q.done == q.days.size(); }

// UTC day number for a Unix time.
int32_t hf_day_from_unix(int64_t unix_seconds);

}  // namespace dv
