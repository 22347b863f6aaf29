// The web platform: Emscripten's built-in GLFW + WebGL2, driven by the page's shell (web/shell.js,
// web/pre.js). Everything that touches the browser lives here or in the shell: file bytes come in
// through exported functions, links/downloads/history/clipboard go out through EM_JS calls.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gl_frame.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "scatter_gl.h"
#include "platform_common.h"
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/hf_fetch.h"
#include "core/parser.h"
#include "ui/app.h"

namespace {

// Everything the web platform keeps between frames.
struct Web {
    dv::App app;
    GLFWwindow* window = nullptr;
    bool ready = false;
    bool gl_lost = false;         // between webglcontextlost and webglcontextrestored: draw nothing
    int gl_restores = 0;          // contexts restored (state().gl_restores, for tests)
    std::string state;            // returned by dv_state_json()
    std::string frame_info;       // returned by dv_frame_json()
    uint64_t frames = 0;          // frames drawn (idle frames draw nothing and do not count)
    std::string clipboard;        // what ImGui last copied (the page's clipboard is write-only)
    ImGuiPlatformImeData ime;     // where ImGui's text caret is (Platform_SetImeDataFn)
    bool text_active = false;     // last told to the page
    ImVec2 text_pos;
    // Get from Hugging Face (issue 11): the run's schedule (core HfQueue); the page only fetches.
    dv::HfQueue hf;
    int hf_generation = 0;        // tags the page's requests, so a cancelled run's answers are dropped
};
Web g;

}  // namespace

// --- Calls into the page (web/shell.js defines window.DV) --------------------------------------
EM_JS(void, js_open_url, (const char* url), { DV.openUrl(UTF8ToString(url)); });
EM_JS(void, js_save_file, (const char* name, const char* mime, const char* data, int len),
      { DV.saveFile(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len)); });
EM_JS(void, js_set_location, (const char* hash, int push), { DV.setLocation(UTF8ToString(hash), !!push); });
EM_JS(void, js_open_files, (), { DV.openFiles(); });
EM_JS(void, js_open_folder, (), { DV.openFolder(); });
EM_JS(void, js_set_clipboard, (const char* text), { DV.setClipboard(UTF8ToString(text)); });
EM_JS(void, js_text_input, (int active, float x, float y, float h), { DV.textInput(!!active, x, y, h); });
EM_JS(int, js_prefers_dark, (), { return DV.prefersDark() ? 1 : 0; });
EM_JS(void, js_ready, (), { DV.onReady(); });
EM_JS(void, js_files_removed, (const char* names_json), { DV.filesRemoved(JSON.parse(UTF8ToString(names_json))); });
// Get from Hugging Face: the page performs one request (fetch()) and reports through dv_hf_attempt;
// keeps a finished day in IndexedDB; wakes dv_hf_pump after `ms`; aborts the run's requests.
EM_JS(void, js_hf_request, (int gen, int index, const char* url), { DV.hfRequest(gen, index, UTF8ToString(url)); });
EM_JS(void, js_hf_keep, (const char* name, const char* data, int len),
      { DV.hfKeep(UTF8ToString(name), HEAPU8.slice(data, data + len)); });
EM_JS(void, js_hf_timer, (int gen, int ms), { DV.hfTimer(gen, ms); });
EM_JS(void, js_hf_abort, (int gen), { DV.hfAbort(gen); });
EM_JS(void, js_hf_settings, (int enabled, int notice_seen), { DV.hfSettings(!!enabled, !!notice_seen); });
// {enabled, notice_seen, base, today} from the URL (?hf=URL, ?hftoday=DATE) and localStorage.
EM_JS(char*, js_hf_config, (), {
    var s = JSON.stringify(DV.hfConfig());
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
// A long load: the page stops reading more files and finishes with what it read.
EM_JS(void, js_cancel_load, (), { DV.cancelLoad(); });
// The view settings (columns, row mode): localStorage, through the page (DV.viewSettings).
EM_JS(void, js_view_settings_set, (const char* json), { DV.viewSettingsSet(UTF8ToString(json)); });
EM_JS(char*, js_view_settings_get, (), {
    var s = DV.viewSettingsGet() || "";
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
// The reader's triage (issue 10): the whole file, stored in IndexedDB by the page.
EM_JS(void, js_triage_changed, (const char* json), { DV.triageChanged(UTF8ToString(json)); });
// Not glfwSetWindowSize: Emscripten's GLFW 3.1.6 asks for fullscreen when the size equals the
// screen's. Browser.setCanvasSize resizes the backing store and tells GLFW through its listener.
EM_JS(void, js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });

namespace {

// --- Host slots -----------------------------------------------------------------------------------
void host_open_url(const char* url) { js_open_url(url); }
void host_save_file(const char* name, const char* mime, const std::string& data) {
    js_save_file(name, mime, data.data(), (int)data.size());
    dv::app_set_status(g.app, std::string("Downloaded ") + name + " (" + std::to_string(data.size()) + " bytes)");
}
void host_set_location(const std::string& hash, bool push) { js_set_location(hash.c_str(), push ? 1 : 0); }
void host_library_changed(const std::vector<std::string>& removed) {
    if (removed.empty()) return;
    nlohmann::json j = removed;
    js_files_removed(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

// --- Get from Hugging Face (issue 11) -----------------------------------------------------------
double hf_now_s() { return emscripten_get_now() / 1000.0; }

// Starts what the queue allows now, and asks the page to call back when the next retry is due.
void hf_pump() {
    dv::HfQueue& q = g.hf;
    for (size_t i : dv::hf_queue_start(q, hf_now_s()))
        js_hf_request(g.hf_generation, (int)i, dv::hf_day_url(g.app.hf.base, q.days[i].day).c_str());
    double due = dv::hf_queue_next_due(q);
    if (due >= 0 && !dv::hf_queue_done(q) && q.in_flight < (size_t)dv::kHfMaxInFlight)
        js_hf_timer(g.hf_generation, std::max(0, (int)((due - hf_now_s()) * 1000) + 5));
}

void host_hf_start(const std::vector<int32_t>& days, const std::string& base) {
    if (!dv::hf_queue_done(g.hf)) js_hf_abort(g.hf_generation);
    g.hf_generation++;
    dv::hf_queue_init(g.hf, days, dv::HfRetryPolicy());
    hf_pump();
}
void host_hf_cancel() {
    std::vector<dv::HfDayResult> rest;
    dv::hf_queue_cancel(g.hf, rest);
    js_hf_abort(g.hf_generation);
    dv::app_hf_results(g.app, rest, true);
    dv::wake();
}
void host_hf_settings() { js_hf_settings(g.app.hf.enabled ? 1 : 0, g.app.hf.notice_seen ? 1 : 0); }

void hf_configure(dv::App& app) {
    char* text = js_hf_config();
    nlohmann::json c = nlohmann::json::parse(text, nullptr, false);
    free(text);
    if (!c.is_object()) return;
    app.hf.enabled = c.value("enabled", true);
    app.hf.notice_seen = c.value("notice_seen", false);
    std::string base = c.value("base", std::string());
    if (!base.empty() && dv::hf_base_valid(base)) app.hf.base = base;
    int32_t today;
    if (dv::parse_date(c.value("today", std::string()), today)) app.hf.today = today;
}
// --- Host slots: the reader's triage (issue 10) ---
void host_triage_changed(const std::string& json) { js_triage_changed(json.c_str()); }

void host_view_settings_changed(const std::string& json) { js_view_settings_set(json.c_str()); }

void install_host(dv::App& app) {
    app.host.open_url = host_open_url;
    app.host.save_file = host_save_file;
    app.host.set_location = host_set_location;
    app.host.request_open_files = js_open_files;
    app.host.request_open_folder = js_open_folder;
    app.host.library_changed = host_library_changed;
    app.host.platform_name = "web";
    // Get from Hugging Face (issue 11). Kept days are the library's own hf/ files (IndexedDB keeps
    // them with every other accepted file), so no hf_cached_days slot.
    app.host.hf_start = host_hf_start;
    app.host.hf_cancel = host_hf_cancel;
    app.host.hf_settings_changed = host_hf_settings;
    hf_configure(app);
    // The reader's triage (issue 10).
    app.host.triage_changed = host_triage_changed;
    app.host.view_settings_changed = host_view_settings_changed;
    app.host.cancel_load = js_cancel_load;
}

// The clipboard and the IME caret go through the page (needs the ImGui context).
void install_text_hooks() {
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_SetClipboardTextFn = [](ImGuiContext*, const char* text) {
        g.clipboard = text ? text : "";
        js_set_clipboard(g.clipboard.c_str());
    };
    pio.Platform_GetClipboardTextFn = [](ImGuiContext*) { return g.clipboard.c_str(); };
    pio.Platform_SetImeDataFn = [](ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) { g.ime = *data; };
}

// Emscripten's GLFW reports odd wheel deltas (imgui #6096): read the DOM event instead.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    float mult = ev->deltaMode == DOM_DELTA_PIXEL ? 0.01f : ev->deltaMode == DOM_DELTA_LINE ? 0.33f : 1.0f;
    ImGui::GetIO().AddMouseWheelEvent(-(float)ev->deltaX * mult, -(float)ev->deltaY * mult);
    dv::wake();
    return EM_TRUE;
}

// Keeps the canvas backing store at CSS size x devicePixelRatio (GLFW 3.1.6 on the web has no
// HiDPI support), and the UI scale in step with the ratio.
void sync_canvas_size() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    double dpr = emscripten_get_device_pixel_ratio();
    if (dpr <= 0) dpr = 1;
    int w = std::max(1, (int)std::lround(css_w * dpr)), h = std::max(1, (int)std::lround(css_h * dpr));
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(g.window, &cur_w, &cur_h);
    if (w != cur_w || h != cur_h) {
        js_set_canvas_size(w, h);
        dv::wake();
    }
    if ((float)dpr != g.app.ui_scale) {
        dv::gl_set_scale(g.app, (float)dpr);
        dv::wake();
    }
}

// Tells the page where text input happens, so the IME (Korean) composes in the right place.
void sync_text_input() {
    const bool text = ImGui::GetIO().WantTextInput;
    const ImVec2 pos = g.ime.InputPos;
    if (text == g.text_active && (!text || (pos.x == g.text_pos.x && pos.y == g.text_pos.y))) return;
    const float scale = g.app.ui_scale;
    js_text_input(text ? 1 : 0, pos.x / scale, pos.y / scale, g.ime.InputLineHeight / scale);
    g.text_active = text;
    g.text_pos = pos;
}

void main_loop() {
    sync_canvas_size();
    dv::follow_system_theme(g.app, js_prefers_dark());
    if (g.gl_lost) return;  // nothing to draw into until the browser gives the context back
    // Idle: draw nothing. A wake also asks for the next frame (`redraw`), however late it comes:
    // gl_frame's short wakes while a settings save counts down could lapse between two slow
    // frames (SwiftShader on a loaded machine), and the loop went idle with the save never handed
    // over, so a hidden column came back on the next visit (found by the browser suite under load).
    dv::WakeTimer& wt = dv::wake_timer();
    if (glfwGetTime() > wt.until && !wt.redraw && !ImGui::GetIO().WantTextInput && g.ready) return;
    wt.redraw = false;
    dv::gl_frame(g.window, g.app);  // app_frame tells host_set_location when the view changed
    ++g.frames;
    sync_text_input();
    if (!g.ready) {
        g.ready = true;
        js_ready();
    }
}

}  // namespace

// One file from the page, added now or staged (a large drop); len < 0: it could not be read.
static int take_file(const char* name, const char* data, int len, bool stage) {
    std::string n = name ? name : "(unnamed)";
    dv::wake();
    if (len < 0) {
        dv::app_add_unreadable(g.app, n);
        return dv::AddResult::Rejected;
    }
    const std::string_view bytes(data, (size_t)len);
    return stage ? dv::app_stage_file(g.app, n, bytes) : dv::app_add_file(g.app, n, bytes);
}

// --- Called by the page ------------------------------------------------------------------------
extern "C" {

// len < 0: the browser could not read the file. Returns what happened as an AddResult::Kind
// (0 added, 1 replaced, 2 unchanged, 3 duplicate, 4 rejected): the page stores 0 and 1 only.
EMSCRIPTEN_KEEPALIVE int dv_add_file(const char* name, const char* data, int len) { return take_file(name, data, len, false); }
// A large drop, file by file over many frames (app_stage_file): parsed now, committed by
// dv_finish_load. Same answers as dv_add_file (as far as known before the commit).
EMSCRIPTEN_KEEPALIVE int dv_stage_file(const char* name, const char* data, int len) { return take_file(name, data, len, true); }
// Files the page did not read: too large for the viewer (size in bytes).
EMSCRIPTEN_KEEPALIVE double dv_max_file_bytes() { return double(dv::kViewerMaxFileBytes); }
EMSCRIPTEN_KEEPALIVE void dv_refuse_large(const char* name, double size) {
    dv::app_add_refused(g.app, name ? name : "(unnamed)", dv::too_large_message((uint64_t)size));
    dv::wake();
}
EMSCRIPTEN_KEEPALIVE void dv_load_progress(double files_done, double files_total, double bytes_done, double bytes_total) {
    dv::app_load_progress(g.app, (size_t)files_done, (size_t)files_total, (uint64_t)bytes_done, (uint64_t)bytes_total);
    dv::wake();
}
EMSCRIPTEN_KEEPALIVE void dv_finish_load() {
    dv::app_finish_load(g.app);
    dv::wake();
}
EMSCRIPTEN_KEEPALIVE void dv_load_sample() {
    dv::app_load_sample(g.app);
    dv::wake();
}
EMSCRIPTEN_KEEPALIVE int dv_gl_restores() { return g.gl_restores; }
EMSCRIPTEN_KEEPALIVE const char* dv_state_json() {
    g.state = dv::app_state_json(g.app);
    return g.state.c_str();
}
// The frames drawn and the search they drew, for timing a keystroke until its frame is drawn:
// state() builds the whole state (files, tree, charts), which at 100k papers takes longer than
// the frame it would time.
EMSCRIPTEN_KEEPALIVE const char* dv_frame_json() {
    g.frame_info = nlohmann::json{{"frames", g.frames}, {"query", g.app.query_text}, {"last_query_ms", g.app.last_query_ms}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g.frame_info.c_str();
}
EMSCRIPTEN_KEEPALIVE void dv_set_hash(const char* hash) {
    dv::app_apply_location(g.app, hash ? hash : "");
    dv::wake();
}
EMSCRIPTEN_KEEPALIVE void dv_input_text(const char* utf8) {
    if (utf8 && *utf8) ImGui::GetIO().AddInputCharactersUTF8(utf8);
    dv::wake();
}
EMSCRIPTEN_KEEPALIVE void dv_wake() { dv::wake(); }
// WebGL context loss (GPU reset, a tab long in the background): the library, the view and the
// marks live in wasm memory and are not touched; only GL objects are gone. On restore the
// renderer's buffers, shaders and textures (the font atlas: ImGui recreates what the backend
// destroyed) and the scatter's are made again, and the scatter's points uploaded again.
EMSCRIPTEN_KEEPALIVE void dv_gl_lost() { g.gl_lost = true; }
EMSCRIPTEN_KEEPALIVE void dv_gl_restored() {
    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // the old names are dead; this forgets them
    dv::scatter_gl_shutdown();
    // Deleting objects of the lost context is an INVALID_OPERATION in WebGL: expected, cleared
    // here so that an error after this point means something.
    while (glGetError() != GL_NO_ERROR) {
    }
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    dv::scatter_gl_install(g.app);
    g.app.charts.uploaded = 0;
    g.gl_lost = false;
    g.gl_restores++;
    dv::wake(2.0);
}
// The page is going away (pagehide): hand over the view settings now, a change of the last
// half second included.
EMSCRIPTEN_KEEPALIVE void dv_flush_view_settings() { host_view_settings_changed(dv::app_view_settings_json(g.app)); }
// One request of a Hugging Face run ended. net: dv::HfNet as a number (0 = a response arrived);
// len < 0: no body. Ok days are kept in IndexedDB before the library takes them.
EMSCRIPTEN_KEEPALIVE void dv_hf_attempt(int gen, int index, int net, const char* detail, int status,
                                        const char* retry_after, const char* body, int len) {
    if (gen != g.hf_generation) return;  // a cancelled run's late answer
    dv::HfAttempt a;
    a.net = (dv::HfNet)std::clamp(net, 0, (int)dv::HfNet::Other);
    a.net_detail = detail ? detail : "";
    a.status = status;
    a.retry_after = retry_after ? retry_after : "";
    a.now_unix = (int64_t)(emscripten_date_now() / 1000.0);
    if (body && len > 0) a.body = std::string_view(body, (size_t)len);
    dv::HfDayResult r;
    if (dv::hf_queue_finish(g.hf, (size_t)index, a, hf_now_s(), r)) {
        if (r.ok) js_hf_keep(dv::hf_file_name(r.day).c_str(), r.body.data(), (int)r.body.size());
        std::vector<dv::HfDayResult> one;
        one.push_back(std::move(r));
        dv::app_hf_results(g.app, one, dv::hf_queue_done(g.hf));
    }
    hf_pump();
    dv::wake();
}
EMSCRIPTEN_KEEPALIVE void dv_hf_pump(int gen) {
    if (gen == g.hf_generation) hf_pump();
}
// While an IME composes, the search box hides its placeholder (the composition is drawn over it).
EMSCRIPTEN_KEEPALIVE void dv_set_composing(int on) {
    g.app.ime_composing = on != 0;
    dv::wake();
}
// The reader's triage (issue 10). The page hands over what IndexedDB holds ("" = nothing) once,
// before the library is restored; an unusable file is reported and the app starts clean (the
// page keeps the stored text until the next change). Storage failing is reported once.
// Returns 1 if the text was usable (or empty), 0 if not (the page then keeps it as 'triage.bad').
EMSCRIPTEN_KEEPALIVE int dv_triage_load(const char* text) {
    std::string err;
    const bool ok = dv::app_triage_load(g.app, text ? text : "", err);
    if (!ok) dv::app_set_status(g.app, "Your stored marks were not usable (" + err + "): kept aside as triage.bad, starting with no marks");
    dv::wake();
    return ok ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void dv_triage_storage_failed(const char* why) {
    dv::app_triage_storage_failed(g.app, why ? why : "storage failed");
    dv::wake();
}
// For bench/web: the parser alone on the given bytes, in milliseconds.
EMSCRIPTEN_KEEPALIVE double dv_bench_parse(const char* data, int len) {
    double t0 = emscripten_get_now();
    dv::ParseResult r = dv::parse(std::string_view(data, len > 0 ? (size_t)len : 0), "bench.md");
    double ms = emscripten_get_now() - t0;
    return r.papers.empty() ? -ms : ms;
}

}  // extern "C"

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g.window = glfwCreateWindow(1280, 800, "Digest Viewer", nullptr, nullptr);
    if (!g.window) return 1;
    glfwMakeContextCurrent(g.window);

    install_host(g.app);
    g.app.dark = js_prefers_dark() != 0;
    if (!dv::platform_start(g.window, g.app, "#version 300 es", "/fonts")) return 1;
    install_text_hooks();
    {
        char* view = js_view_settings_get();
        dv::app_load_view_settings(g.app, view);
        free(view);
    }
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, on_wheel);
    sync_canvas_size();
    dv::wake(2.0);
    emscripten_set_main_loop(main_loop, 0, false);
    return 0;
}
