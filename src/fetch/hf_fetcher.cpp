// libcurl multi loop for Hugging Face days, a worker-thread wrapper, and the day cache
// (see hf_fetcher.h). Every decision (URL, retry, wait, message) is core/hf_fetch.h's.
#include "hf_fetcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "core/date.h"
#include "core/file_io.h"

#if DV_HAVE_CURL
#include <curl/curl.h>
#endif

namespace dv {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

#if DV_HAVE_CURL

bool hf_fetch_available() { return true; }

namespace {

constexpr size_t kMaxBody = 64u << 20;  // a day is ~100 KB; anything near this is not a day

// One transfer in flight: the queue's day index and what arrived.
struct Transfer {
    size_t index = 0;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;     // this attempt's request headers (live as long as easy)
    std::string body, retry_after;
    bool too_large = false;
    char error[CURL_ERROR_SIZE] = {};
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
    Transfer* s = (Transfer*)user;
    size_t len = size * n;
    if (s->body.size() + len > kMaxBody) {
        s->too_large = true;
        return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    s->body.append(data, len);
    return len;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
    Transfer* s = (Transfer*)user;
    size_t len = size * n;
    std::string_view h(data, len);
    constexpr std::string_view kName = "retry-after:";
    if (h.size() > kName.size()) {
        bool match = true;
        for (size_t i = 0; i < kName.size() && match; ++i)
            match = (char)std::tolower((unsigned char)h[i]) == kName[i];
        if (match) s->retry_after = std::string(h.substr(kName.size()));
    }
    return len;
}

HfNet net_of(CURLcode c) {
    switch (c) {
        case CURLE_OK: return HfNet::None;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY: return HfNet::Offline;
        case CURLE_COULDNT_CONNECT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING: return HfNet::Refused;
        case CURLE_OPERATION_TIMEDOUT: return HfNet::Timeout;
        case CURLE_PARTIAL_FILE: return HfNet::Truncated;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_UNSUPPORTED_PROTOCOL: return HfNet::Blocked;
        default: return HfNet::Other;
    }
}

Transfer* start_attempt(CURLM* multi, size_t index, int32_t day, const HfFetchJob& job) {
    Transfer* s = new Transfer;
    s->index = index;
    std::string url = hf_day_url(job.base, day);
    CURL* e = curl_easy_init();
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, s);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, s);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, s);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, s->error);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(job.timeout_s * 1000));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(std::min(job.timeout_s, 15.0) * 1000));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // gzip if the server offers it
    curl_easy_setopt(e, CURLOPT_USERAGENT, "digest-viewer/0.1 (daily papers reader)");
    // No redirects: a request goes to the configured base and nowhere else.
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
    s->headers = curl_slist_append(nullptr, "Accept: application/json");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, s->headers);
    s->easy = e;
    curl_multi_add_handle(multi, e);
    return s;
}

void end_transfer(CURLM* multi, Transfer* s) {
    curl_multi_remove_handle(multi, s->easy);
    curl_easy_cleanup(s->easy);
    curl_slist_free_all(s->headers);
    delete s;
}

double mono_s() { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }

}  // namespace

void hf_fetch_run(const HfFetchJob& job, const std::atomic<bool>* cancel,
                  const std::function<void(HfDayResult&&)>& on_result) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (!hf_base_valid(job.base)) {
        for (int32_t d : job.days) {
            HfDayResult r;
            r.day = d;
            r.reason = "invalid base URL '" + job.base + "' (http:// or https:// and a host)";
            on_result(std::move(r));
        }
        return;
    }
    HfQueue q;
    hf_queue_init(q, job.days, job.policy);
    CURLM* multi = curl_multi_init();
    std::vector<Transfer*> live;
    while (!hf_queue_done(q)) {
        if (cancel && cancel->load()) {
            for (Transfer* t : live) end_transfer(multi, t);
            live.clear();
            std::vector<HfDayResult> rest;
            hf_queue_cancel(q, rest);
            for (HfDayResult& r : rest) on_result(std::move(r));
            break;
        }
        for (size_t i : hf_queue_start(q, mono_s())) live.push_back(start_attempt(multi, i, q.days[i].day, job));
        int running = 0;
        curl_multi_perform(multi, &running);
        int msgs = 0;
        while (CURLMsg* m = curl_multi_info_read(multi, &msgs)) {
            if (m->msg != CURLMSG_DONE) continue;
            Transfer* s = nullptr;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char**)&s);
            HfAttempt a;
            a.net = s->too_large ? HfNet::Other : net_of(m->data.result);
            if (s->too_large) a.net_detail = "response larger than 64 MB";
            else if (a.net != HfNet::None) a.net_detail = s->error[0] ? s->error : curl_easy_strerror(m->data.result);
            long code = 0;
            curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &code);
            a.status = (int)code;
            a.retry_after = s->retry_after;
            a.now_unix = (int64_t)std::time(nullptr);
            a.body = s->body;
            HfDayResult r;
            bool done = hf_queue_finish(q, s->index, a, mono_s(), r);
            live.erase(std::find(live.begin(), live.end(), s));
            end_transfer(multi, s);
            if (done) on_result(std::move(r));
        }
        if (hf_queue_done(q)) break;
        // Sleep until a transfer has news, a retry is due, or 100 ms pass (the cancel check).
        int wait_ms = 100;
        double due = hf_queue_next_due(q);
        if (due >= 0 && q.in_flight < (size_t)kHfMaxInFlight)
            wait_ms = (int)std::clamp((due - mono_s()) * 1000.0, 0.0, 100.0);
        if (!live.empty()) curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
        else std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    }
    curl_multi_cleanup(multi);
}

#else  // !DV_HAVE_CURL

bool hf_fetch_available() { return false; }

void hf_fetch_run(const HfFetchJob& job, const std::atomic<bool>*,
                  const std::function<void(HfDayResult&&)>& on_result) {
    for (int32_t d : job.days) {
        HfDayResult r;
        r.day = d;
        r.reason = "this build has no libcurl (install libcurl4-openssl-dev and rebuild)";
        on_result(std::move(r));
    }
}

#endif

// --- worker thread ------------------------------------------------------------------------------

struct HfFetchTask {
    HfFetchJob job;
    void (*wake)() = nullptr;
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    std::vector<HfDayResult> results;  // guarded by mutex
    bool finished = false;             // guarded by mutex
    std::thread thread;
};

HfFetchTask* hf_fetch_start(HfFetchJob job, void (*wake)()) {
    HfFetchTask* t = new HfFetchTask;
    t->job = std::move(job);
    t->wake = wake;
    t->thread = std::thread([t] {
        hf_fetch_run(t->job, &t->cancel, [t](HfDayResult&& r) {
            {
                std::lock_guard<std::mutex> lock(t->mutex);
                t->results.push_back(std::move(r));
            }
            if (t->wake) t->wake();
        });
        {
            std::lock_guard<std::mutex> lock(t->mutex);
            t->finished = true;
        }
        if (t->wake) t->wake();
    });
    return t;
}

bool hf_fetch_take(HfFetchTask* t, std::vector<HfDayResult>& out) {
    std::lock_guard<std::mutex> lock(t->mutex);
    for (HfDayResult& r : t->results) out.push_back(std::move(r));
    t->results.clear();
    return t->finished;
}

void hf_fetch_cancel(HfFetchTask* t) { t->cancel = true; }

void hf_fetch_free(HfFetchTask* t) {
    if (!t) return;
    t->cancel = true;
    if (t->thread.joinable()) t->thread.join();
    delete t;
}

// --- cache --------------------------------------------------------------------------------------

std::string hf_cache_dir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/digest-viewer/hf";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.cache/digest-viewer/hf";
    return "";
}

std::string hf_cache_path(const std::string& dir, int32_t day) { return dir + "/" + format_date(day) + ".json"; }

std::vector<int32_t> hf_cache_days(const std::string& dir) {
    std::vector<int32_t> days;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return days;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        int32_t d;
        if (name.size() == 15 && name.compare(10, 5, ".json") == 0 && parse_date(name.substr(0, 10), d) &&
            it->is_regular_file(ec))
            days.push_back(d);
    }
    std::sort(days.begin(), days.end());
    return days;
}

bool hf_cache_write(const std::string& dir, int32_t day, const std::string& bytes, std::string& error) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        error = dir + ": " + ec.message();
        return false;
    }
    std::string path = hf_cache_path(dir, day);
    std::string tmp = path + ".part";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f || !f.write(bytes.data(), (std::streamsize)bytes.size()) || !f.flush()) {
            error = tmp + ": cannot write";
            return false;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        error = path + ": " + ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

bool hf_cache_read(const std::string& dir, int32_t day, std::string& bytes) {
    std::string error;
    return read_file_bytes(hf_cache_path(dir, day), bytes, error);
}

}  // namespace dv
