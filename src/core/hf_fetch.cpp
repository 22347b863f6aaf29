// Plan, URLs and retry decisions for fetching Hugging Face days (see hf_fetch.h).
#include "hf_fetch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "date.h"
#include "hf_json.h"

namespace dv {

const char* hf_action_name(HfDayAction a) {
    switch (a) {
        case HfDayAction::Fetch: return "fetch";
        case HfDayAction::Refresh: return "refresh";
        case HfDayAction::Cached: return "cached";
    }
    return "fetch";
}

std::vector<HfPlannedDay> hf_plan(const HfPlanRequest& r, const std::vector<int32_t>& cached) {
    std::vector<HfPlannedDay> plan;
    if (r.today == kNoDate) return plan;
    int32_t lo, hi;
    if (r.from != kNoDate && r.to != kNoDate) {
        lo = r.from;
        hi = std::min(r.to, r.today);
    } else if (r.days > 0) {
        hi = r.today;
        lo = r.today - std::min(r.days, 3660) + 1;
    } else if (r.last_loaded != kNoDate && r.last_loaded <= r.today) {
        hi = r.today;
        // The days after the last one loaded, but never fewer than today and yesterday (they
        // are refreshed), nor more than kHfMaxDays (a library that ends a year ago asks for the
        // last month, not a year of requests).
        lo = std::min(r.last_loaded + 1, r.today - 1);
        lo = std::max(lo, r.today - kHfMaxDays + 1);
    } else {
        hi = r.today;
        lo = r.today - kHfDefaultDays + 1;
    }
    if (lo > hi) return plan;
    std::vector<int32_t> have = cached;
    std::sort(have.begin(), have.end());
    for (int32_t d = lo; d <= hi; ++d) {
        HfPlannedDay p;
        p.day = d;
        bool is_cached = std::binary_search(have.begin(), have.end(), d);
        if (!is_cached)
            p.action = HfDayAction::Fetch;
        else if (r.today - d < 2)
            p.action = HfDayAction::Refresh;
        else
            p.action = r.force ? HfDayAction::Refresh : HfDayAction::Cached;
        plan.push_back(p);
    }
    return plan;
}

std::string hf_plan_summary(const std::vector<HfPlannedDay>& plan) {
    if (plan.empty()) return "no days";
    size_t fetch = 0, cached = 0;
    for (const HfPlannedDay& p : plan) (p.action == HfDayAction::Cached ? cached : fetch)++;
    std::string s = std::to_string(plan.size()) + (plan.size() == 1 ? " day (" : " days (");
    s += format_date(plan.front().day);
    if (plan.size() > 1) s += " to " + format_date(plan.back().day);
    s += "): " + std::to_string(fetch) + " to fetch";
    if (cached) s += ", " + std::to_string(cached) + " cached";
    return s;
}

bool hf_base_valid(std::string_view base) {
    size_t scheme;
    if (base.substr(0, 7) == "http://") scheme = 7;
    else if (base.substr(0, 8) == "https://") scheme = 8;
    else return false;
    if (base.size() == scheme || base[scheme] == '/' || base[scheme] == ':') return false;
    for (char c : base) {
        unsigned char u = (unsigned char)c;
        if (u <= 0x20 || u == 0x7f || c == '?' || c == '#' || c == '"' || c == '\'' || c == '\\' ||
            c == '<' || c == '>')
            return false;
    }
    return true;
}

std::string hf_day_url(std::string_view base, int32_t day) {
    if (!hf_base_valid(base) || day == kNoDate) return "";
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    return std::string(base) + "/api/daily_papers?date=" + format_date(day);
}

std::string hf_file_name(int32_t day) { return "hf/" + format_date(day) + ".json"; }

double hf_retry_after_seconds(std::string_view v, int64_t now_unix) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n')) v.remove_suffix(1);
    if (v.empty()) return -1;
    if (v.size() <= 9 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        double s = 0;
        for (char c : v) s = s * 10 + (c - '0');
        return s;
    }
    // IMF-fixdate: "Wed, 21 Oct 2015 07:28:00 GMT" (the only HTTP-date form servers still send).
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (v.size() != 29 || v[3] != ',' || v.substr(26) != "GMT") return -1;
    auto num = [&](size_t at, size_t n, int& out) {
        out = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (v[i] < '0' || v[i] > '9') return false;
            out = out * 10 + (v[i] - '0');
        }
        return true;
    };
    int dd, yy, hh, mi, ss;
    if (!num(5, 2, dd) || !num(12, 4, yy) || !num(17, 2, hh) || !num(20, 2, mi) || !num(23, 2, ss)) return -1;
    unsigned mon = 0;
    for (unsigned i = 0; i < 12; ++i)
        if (v.substr(8, 3) == kMonths[i]) mon = i + 1;
    if (mon == 0 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 60) return -1;
    int64_t t = (int64_t)days_from_civil(yy, mon, (unsigned)dd) * 86400 + hh * 3600 + mi * 60 + ss;
    return std::max<double>(0, (double)(t - now_unix));
}

namespace {

std::string status_words(int status) {
    std::string s = "HTTP " + std::to_string(status);
    if (status == 429) return s + " (rate limited)";
    if (status == 401 || status == 403 || status == 451) return s + " (blocked by the server)";
    if (status == 404) return s + " (not found)";
    if (status >= 500) return s + " (server error)";
    return s;
}

std::string net_words(const HfAttempt& a) {
    std::string s;
    switch (a.net) {
        case HfNet::None: break;
        case HfNet::Offline: s = "offline (host not reachable)"; break;
        case HfNet::Refused: s = "connection refused"; break;
        case HfNet::Blocked: s = "request blocked"; break;
        case HfNet::Timeout: s = "timed out"; break;
        case HfNet::Truncated: s = "truncated response (connection closed mid-body)"; break;
        case HfNet::Cancelled: s = "cancelled"; break;
        case HfNet::Other: s = "network error"; break;
    }
    if (!a.net_detail.empty()) s += ": " + a.net_detail;
    return s;
}

double backoff(const HfRetryPolicy& p, int attempt) {
    double w = p.base_delay_s * std::pow(2.0, std::max(0, attempt - 1));
    return std::min(w, p.max_delay_s);
}

HfJudgement retry_or_fail(const HfAttempt& a, const HfRetryPolicy& p, std::string reason, double wait) {
    HfJudgement j;
    if (a.attempt >= p.max_attempts) {
        j.verdict = HfVerdict::Failed;
        j.reason = reason + " after " + std::to_string(a.attempt) + (a.attempt == 1 ? " attempt" : " attempts");
        return j;
    }
    j.verdict = HfVerdict::Retry;
    j.wait_s = wait;
    j.reason = std::move(reason);
    return j;
}

}  // namespace

HfJudgement hf_judge(const HfAttempt& a, const HfRetryPolicy& p) {
    HfJudgement j;
    if (a.net != HfNet::None) {
        if (a.net == HfNet::Timeout || a.net == HfNet::Truncated)
            return retry_or_fail(a, p, net_words(a), backoff(p, a.attempt));
        j.reason = net_words(a);
        return j;
    }
    if (a.status == 429) {
        double ra = hf_retry_after_seconds(a.retry_after, a.now_unix);
        if (ra > p.max_retry_after_s) {
            char buf[64];
            std::snprintf(buf, sizeof buf, " asked to wait %.0f s (more than %.0f s)", ra, p.max_retry_after_s);
            j.reason = status_words(429) + buf;
            return j;
        }
        return retry_or_fail(a, p, status_words(429), ra >= 0 ? ra : backoff(p, a.attempt));
    }
    if (a.status >= 500 && a.status <= 599) return retry_or_fail(a, p, status_words(a.status), backoff(p, a.attempt));
    if (a.status != 200) {
        j.reason = a.status == 0 ? "no HTTP status" : status_words(a.status);
        return j;
    }
    ParseResult r = parse_hf_json(a.body, hf_file_name(a.day));
    for (const Diagnostic& d : r.diagnostics) {
        if (d.severity != Severity::Error) continue;
        j.reason = "malformed body: " + d.message;
        return j;
    }
    if (r.format.empty()) {
        j.reason = "malformed body: not Daily Papers JSON";
        return j;
    }
    j.verdict = HfVerdict::Ok;
    j.papers = r.papers.size();
    return j;
}

std::string hf_day_line(const HfDayResult& r) {
    std::string s = format_date(r.day) + ": ";
    if (!r.ok) return s + "failed: " + r.reason;
    if (r.from_cache) s += "cached, ";
    s += std::to_string(r.papers) + (r.papers == 1 ? " paper" : " papers");
    return s;
}

void hf_queue_init(HfQueue& q, const std::vector<int32_t>& days, const HfRetryPolicy& policy) {
    q = HfQueue();
    q.policy = policy;
    q.days.resize(days.size());
    for (size_t i = 0; i < days.size(); ++i) q.days[i].day = days[i];
}

std::vector<size_t> hf_queue_start(HfQueue& q, double now_s) {
    std::vector<size_t> start;
    if (q.cancelled) return start;
    for (size_t i = 0; i < q.days.size() && q.in_flight < (size_t)kHfMaxInFlight; ++i) {
        HfQueue::Day& d = q.days[i];
        if (d.state != HfQueue::State::Waiting || d.not_before > now_s) continue;
        d.state = HfQueue::State::InFlight;
        d.attempt++;
        q.in_flight++;
        start.push_back(i);
    }
    return start;
}

double hf_queue_next_due(const HfQueue& q) {
    double next = -1;
    for (const HfQueue::Day& d : q.days)
        if (d.state == HfQueue::State::Waiting && (next < 0 || d.not_before < next)) next = d.not_before;
    return next;
}

bool hf_queue_finish(HfQueue& q, size_t index, HfAttempt a, double now_s, HfDayResult& out) {
    if (index >= q.days.size() || q.days[index].state != HfQueue::State::InFlight) return false;
    HfQueue::Day& d = q.days[index];
    q.in_flight--;
    a.day = d.day;
    a.attempt = d.attempt;
    HfJudgement j = hf_judge(a, q.policy);
    if (j.verdict == HfVerdict::Retry) {
        d.state = HfQueue::State::Waiting;
        d.not_before = now_s + j.wait_s;
        return false;
    }
    d.state = HfQueue::State::Done;
    q.done++;
    out = HfDayResult();
    out.day = d.day;
    out.attempts = d.attempt;
    out.ok = j.verdict == HfVerdict::Ok;
    out.papers = j.papers;
    out.reason = std::move(j.reason);
    if (out.ok) out.body = std::string(a.body);
    else q.failed++;
    return true;
}

void hf_queue_cancel(HfQueue& q, std::vector<HfDayResult>& out) {
    q.cancelled = true;
    for (HfQueue::Day& d : q.days) {
        if (d.state == HfQueue::State::Done) continue;
        if (d.state == HfQueue::State::InFlight) q.in_flight--;
        d.state = HfQueue::State::Done;
        q.done++;
        q.failed++;
        HfDayResult r;
        r.day = d.day;
        r.attempts = d.attempt;
        r.reason = "cancelled";
        out.push_back(std::move(r));
    }
}

int32_t hf_day_from_unix(int64_t t) {
    int64_t d = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    return (int32_t)d;
}

}  // namespace dv
