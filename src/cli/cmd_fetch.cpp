// digest-cli fetch-hf: Hugging Face days into a folder, one YYYY-MM-DD.json per day, with the
// same plan, retry rules (core/hf_fetch.h) and libcurl code (src/fetch) as the viewer.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>

#include "cli.h"
#include "core/date.h"
#include "core/hf_fetch.h"
#include "core/hf_json.h"
#include "fetch/hf_fetcher.h"

namespace dvcli {
namespace {

int fetch_usage_error(const std::string& msg) { return usage_error(msg, "fetch-hf"); }

bool parse_uint(std::string_view s, int max, int& out) {
    if (s.empty() || s.size() > 6) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v > max) return false;
    out = v;
    return true;
}

bool parse_seconds(std::string_view s, double& out) {
    char* end = nullptr;
    std::string t(s);
    double v = std::strtod(t.c_str(), &end);
    if (t.empty() || *end || !(v > 0) || v > 3600) return false;
    out = v;
    return true;
}

}  // namespace

int cmd_fetch_hf(int argc, char** argv) {
    dv::HfPlanRequest req;
    req.today = dv::hf_day_from_unix((int64_t)std::time(nullptr));
    dv::HfFetchJob job;
    std::string out;
    for (int i = 2; i < argc; ++i) {
        std::string_view a = argv[i];
        auto value = [&](std::string& v) {
            if (i + 1 >= argc) return false;
            v = argv[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            print_usage(false);
            return kExitOk;
        } else if (a == "--days") {
            if (!value(v) || !parse_uint(v, 3660, req.days) || req.days == 0)
                return fetch_usage_error("--days needs a number of days (1 or more)");
        } else if (a == "--from" || a == "--to" || a == "--today") {
            int32_t d;
            if (!value(v) || !dv::parse_date(v, d))
                return fetch_usage_error(std::string(a) + " needs a date YYYY-MM-DD");
            (a == "--from" ? req.from : a == "--to" ? req.to : req.today) = d;
        } else if (a == "--out" || a == "-o") {
            if (!value(v) || v.empty()) return fetch_usage_error("--out needs a folder");
            out = v;
        } else if (a == "--hf-base") {
            if (!value(v) || !dv::hf_base_valid(v))
                return fetch_usage_error("--hf-base needs an http:// or https:// URL with a host");
            job.base = v;
        } else if (a == "--force") {
            req.force = true;
        } else if (a == "--attempts") {
            if (!value(v) || !parse_uint(v, 20, job.policy.max_attempts) || job.policy.max_attempts == 0)
                return fetch_usage_error("--attempts needs a number from 1 to 20");
        } else if (a == "--timeout") {
            if (!value(v) || !parse_seconds(v, job.timeout_s))
                return fetch_usage_error("--timeout needs seconds (up to 3600)");
        } else {
            return fetch_usage_error("unknown argument '" + std::string(a) + "'");
        }
    }
    if (out.empty()) return fetch_usage_error("--out DIR is required (where the days are written)");
    if ((req.from == dv::kNoDate) != (req.to == dv::kNoDate)) return fetch_usage_error("--from and --to go together");
    if (req.from != dv::kNoDate && req.days) return fetch_usage_error("--days or --from/--to, not both");
    if (req.from != dv::kNoDate && req.from > req.to) return fetch_usage_error("--from is after --to");

    // The out folder is the cache: its settled days are not asked for again (unless --force), and
    // with neither --days nor a range the plan starts after its latest day.
    std::vector<int32_t> have = dv::hf_cache_days(out);
    if (!have.empty()) req.last_loaded = have.back();
    std::vector<dv::HfPlannedDay> plan = dv::hf_plan(req, have);
    if (plan.empty()) {
        std::fprintf(stderr, "digest-cli fetch-hf: no days to fetch (is the range after today, %s?)\n",
                     dv::format_date(req.today).c_str());
        return kExitUsage;
    }
    std::fprintf(stderr, "fetch-hf: %s from %s\n", dv::hf_plan_summary(plan).c_str(), job.base.c_str());

    size_t failed = 0, fetched = 0, cached = 0;
    for (const dv::HfPlannedDay& p : plan) {
        if (p.action != dv::HfDayAction::Cached) {
            job.days.push_back(p.day);
            continue;
        }
        dv::HfDayResult r;
        r.day = p.day;
        r.from_cache = true;
        std::string bytes;
        if (dv::hf_cache_read(out, p.day, bytes)) {
            r.ok = true;
            r.papers = dv::parse_hf_json(bytes, dv::hf_file_name(p.day)).papers.size();
            cached++;
        } else {
            r.reason = "cannot read " + dv::hf_cache_path(out, p.day);
            failed++;
        }
        std::printf("%s\n", dv::hf_day_line(r).c_str());
    }
    std::fflush(stdout);
    dv::hf_fetch_run(job, nullptr, [&](dv::HfDayResult&& r) {
        if (r.ok) {
            std::string error;
            if (dv::hf_cache_write(out, r.day, r.body, error)) {
                fetched++;
            } else {
                r.ok = false;
                r.reason = "not written: " + error;
            }
        }
        if (!r.ok) failed++;
        std::printf("%s\n", dv::hf_day_line(r).c_str());
        std::fflush(stdout);
    });
    std::fprintf(stderr, "fetch-hf: %zu fetched, %zu cached, %zu failed\n", fetched, cached, failed);
    return failed ? kExitIo : kExitOk;
}

}  // namespace dvcli
