// The native Hugging Face fetcher: libcurl's multi interface carrying out core/hf_fetch.h's
// decisions (at most kHfMaxInFlight requests at once, hf_judge after every attempt, its waits
// honoured). One library (dv_fetch) linked by digest-cli and digest-viewer, so both fetch the same
// way. Built without libcurl, hf_fetch_available() is false and every day fails saying so.
//
// Also the day cache both use: YYYY-MM-DD.json files in one folder (the app's
// $XDG_CACHE_HOME/digest-viewer/hf, the CLI's --out folder).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/hf_fetch.h"

namespace dv {

bool hf_fetch_available();

struct HfFetchJob {
    std::string base = kHfDefaultBase;
    std::vector<int32_t> days;         // the days to request (a plan's Fetch and Refresh days)
    HfRetryPolicy policy;
    double timeout_s = 30;             // per attempt, connection to last byte
};

// Runs the job on the calling thread. on_result is called (on this thread) once per day as it
// ends, in completion order; results of cancelled days say "cancelled". `cancel` (may be null) is
// looked at least every 100 ms. Returns when every day has its result.
void hf_fetch_run(const HfFetchJob& job, const std::atomic<bool>* cancel,
                  const std::function<void(HfDayResult&&)>& on_result);

// The same on a worker thread, for a UI that must not wait: start, take results each frame,
// cancel, free (which cancels and joins). wake (may be null) is called from the worker after each
// result so an idle event loop draws a frame.
struct HfFetchTask;
HfFetchTask* hf_fetch_start(HfFetchJob job, void (*wake)());
// Moves the results that arrived since the last call into `out`; true once every day has ended
// (and all results were taken).
bool hf_fetch_take(HfFetchTask* t, std::vector<HfDayResult>& out);
void hf_fetch_cancel(HfFetchTask* t);
void hf_fetch_free(HfFetchTask* t);

// --- the day cache ------------------------------------------------------------------------------
// $XDG_CACHE_HOME/digest-viewer/hf, else $HOME/.cache/digest-viewer/hf; "" if neither is set.
std::string hf_cache_dir();
// Days with a readable "YYYY-MM-DD.json" in dir (none if dir is missing).
std::vector<int32_t> hf_cache_days(const std::string& dir);
std::string hf_cache_path(const std::string& dir, int32_t day);
// Writes bytes to dir/YYYY-MM-DD.json (creating dir), through a temporary file and a rename so a
// reader never sees half a day. False with `error` set on failure.
bool hf_cache_write(const std::string& dir, int32_t day, const std::string& bytes, std::string& error);
bool hf_cache_read(const std::string& dir, int32_t day, std::string& bytes);

}  // namespace dv
