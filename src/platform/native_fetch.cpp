#include "native_fetch.h"

#include <GLFW/glfw3.h>

#include <cstdio>

#include "fetch/hf_fetcher.h"
#include "ui/app.h"

namespace dvn {

namespace {

struct FetchState {
    dv::HfFetchTask* task = nullptr;   // the running (or finished, not yet freed) fetch
    std::string cache_dir;             // hf_cache_dir() at start; "" = no cache (nothing kept)
};
FetchState f;

// From the worker thread: glfwPostEmptyEvent is the one GLFW call made for that.
void wake_loop() { glfwPostEmptyEvent(); }

void host_hf_start(const std::vector<int32_t>& days, const std::string& base) {
    if (f.task) dv::hf_fetch_free(f.task);
    dv::HfFetchJob job;
    job.base = base;
    job.days = days;
    f.task = dv::hf_fetch_start(std::move(job), wake_loop);
}
void host_hf_cancel() {
    if (f.task) dv::hf_fetch_cancel(f.task);
}
std::vector<int32_t> host_hf_cached_days() { return dv::hf_cache_days(f.cache_dir); }
bool host_hf_read_cached(int32_t day, std::string& bytes) {
    return !f.cache_dir.empty() && dv::hf_cache_read(f.cache_dir, day, bytes);
}

}  // namespace

void fetch_install(dv::App& app, void (*settings_changed)()) {
    if (!dv::hf_fetch_available()) return;
    f.cache_dir = dv::hf_cache_dir();
    app.host.hf_start = host_hf_start;
    app.host.hf_cancel = host_hf_cancel;
    app.host.hf_cached_days = host_hf_cached_days;
    app.host.hf_read_cached = host_hf_read_cached;
    app.host.hf_settings_changed = settings_changed;
}

bool fetch_poll(dv::App& app) {
    if (!f.task) return false;
    std::vector<dv::HfDayResult> got;
    bool finished = dv::hf_fetch_take(f.task, got);
    if (got.empty() && !finished) return false;
    for (dv::HfDayResult& r : got) {
        if (!r.ok || f.cache_dir.empty()) continue;
        std::string err;
        if (!dv::hf_cache_write(f.cache_dir, r.day, r.body, err))
            std::fprintf(stderr, "digest-viewer: could not keep %s: %s\n", dv::hf_file_name(r.day).c_str(), err.c_str());
    }
    for (const dv::HfDayResult& r : got) std::fprintf(stderr, "digest-viewer: hf %s\n", dv::hf_day_line(r).c_str());
    dv::app_hf_results(app, got, finished);
    if (finished) {
        dv::hf_fetch_free(f.task);
        f.task = nullptr;
    }
    return true;
}

void fetch_shutdown() {
    dv::hf_fetch_free(f.task);
    f.task = nullptr;
}

}  // namespace dvn
