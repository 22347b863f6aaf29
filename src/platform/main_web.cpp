// The web platform: Emscripten's built-in GLFW + WebGL2, driven by the page's shell (web/shell.js).
// Everything that touches the browser lives here or in the shell: file bytes come in through
// exported functions, links/downloads/history/clipboard go out through EM_JS calls.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>

#include <cmath>
#include <string>

#include "gl_frame.h"
#include "scatter_gl.h"
#include "imgui.h"
#include <nlohmann/json.hpp>

#include "core/parser.h"
#include "ui/app.h"

namespace {

dv::App g_app;
GLFWwindow* g_window = nullptr;
double g_awake_until = 0;    // keep drawing until then (tooltips, hover delays need frames)
bool g_ready = false;
std::string g_state;         // returned by dv_state_json()
ImGuiPlatformImeData g_ime;  // where ImGui's text caret is (Platform_SetImeDataFn)

double now_s() { return emscripten_get_now() / 1000.0; }
void wake(double seconds = 0.75) { g_awake_until = std::max(g_awake_until, now_s() + seconds); }

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
EM_JS(void, js_library_changed, (const char* names_json), { DV.libraryChanged(JSON.parse(UTF8ToString(names_json))); });
// Not glfwSetWindowSize: Emscripten's GLFW 3.1.6 asks for fullscreen when the size equals the
// screen's. Browser.setCanvasSize resizes the backing store and tells GLFW through its listener.
EM_JS(void, js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });

namespace {

void host_open_url(const char* url) { js_open_url(url); }
void host_save_file(const char* name, const char* mime, const std::string& data) {
    js_save_file(name, mime, data.data(), (int)data.size());
    dv::app_set_status(g_app, std::string("Downloaded ") + name + " (" + std::to_string(data.size()) + " bytes)");
}
void host_set_location(const std::string& hash, bool push) { js_set_location(hash.c_str(), push ? 1 : 0); }
void host_library_changed(const std::vector<std::string>& names) {
    nlohmann::json j = names;
    js_library_changed(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

// Wake callbacks: installed before ImGui's, which chain to them, so any input redraws.
void on_cursor(GLFWwindow*, double, double) { wake(); }
void on_button(GLFWwindow*, int, int, int) { wake(); }
void on_key(GLFWwindow*, int, int, int, int) { wake(); }
void on_char(GLFWwindow*, unsigned int) { wake(); }
void on_scroll(GLFWwindow*, double, double) { wake(); }

// Emscripten's GLFW reports odd wheel deltas (imgui #6096): read the DOM event instead.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    float mult = ev->deltaMode == DOM_DELTA_PIXEL ? 0.01f : ev->deltaMode == DOM_DELTA_LINE ? 0.33f : 1.0f;
    ImGui::GetIO().AddMouseWheelEvent(-(float)ev->deltaX * mult, -(float)ev->deltaY * mult);
    wake();
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
    glfwGetWindowSize(g_window, &cur_w, &cur_h);
    if (w != cur_w || h != cur_h) {
        js_set_canvas_size(w, h);
        wake();
    }
    if ((float)dpr != g_app.ui_scale) {
        dv::gl_set_scale(g_app, (float)dpr);
        wake();
    }
}

// Which history entry a change deserves: typing replaces, navigating pushes.
bool is_navigation(const std::string& from, const std::string& to) {
    dv::ViewState a = dv::decode_view_state(from), b = dv::decode_view_state(to);
    return a.paper != b.paper || a.day != b.day || a.charts != b.charts;
}

void main_loop() {
    sync_canvas_size();
    ImGuiIO& io = ImGui::GetIO();
    if (g_app.theme_follows_system) {
        bool dark = js_prefers_dark() != 0;
        if (dark != g_app.dark) {
            g_app.dark = dark;
            dv::app_apply_theme(g_app);
            wake();
        }
    }
    if (now_s() > g_awake_until && !io.WantTextInput && g_ready) return;  // idle: draw nothing

    dv::gl_frame(g_window, g_app);

    // Tell the page where text input happens, so the IME (Korean) composes in the right place.
    static bool last_text = false;
    static ImVec2 last_pos;
    const ImGuiPlatformImeData& ime = g_ime;
    bool text = io.WantTextInput;
    float scale = g_app.ui_scale;
    if (text != last_text || (text && (ime.InputPos.x != last_pos.x || ime.InputPos.y != last_pos.y))) {
        js_text_input(text ? 1 : 0, ime.InputPos.x / scale, ime.InputPos.y / scale, ime.InputLineHeight / scale);
        last_text = text;
        last_pos = ime.InputPos;
    }

    std::string loc = dv::app_current_location(g_app);
    if (loc != g_app.location) {
        host_set_location(loc, is_navigation(g_app.location, loc));
        g_app.location = loc;
    }
    if (!g_ready) {
        g_ready = true;
        js_ready();
    }
}

}  // namespace

// --- Called by the page ------------------------------------------------------------------------
extern "C" {

EMSCRIPTEN_KEEPALIVE void dv_add_file(const char* name, const char* data, int len) {
    dv::app_add_file(g_app, name ? name : "(unnamed)", std::string_view(data, len > 0 ? (size_t)len : 0));
    wake();
}
EMSCRIPTEN_KEEPALIVE void dv_finish_load() {
    dv::app_finish_load(g_app);
    wake();
}
EMSCRIPTEN_KEEPALIVE void dv_load_sample() {
    dv::app_load_sample(g_app);
    wake();
}
EMSCRIPTEN_KEEPALIVE const char* dv_state_json() {
    g_state = dv::app_state_json(g_app);
    return g_state.c_str();
}
EMSCRIPTEN_KEEPALIVE void dv_set_hash(const char* hash) {
    dv::app_apply_location(g_app, hash ? hash : "");
    wake();
}
EMSCRIPTEN_KEEPALIVE void dv_input_text(const char* utf8) {
    if (utf8 && *utf8) ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake();
}
EMSCRIPTEN_KEEPALIVE void dv_wake() { wake(); }
// While an IME composes, the search box hides its placeholder (the composition is drawn over it).
EMSCRIPTEN_KEEPALIVE void dv_set_composing(int on) {
    g_app.ime_composing = on != 0;
    wake();
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
    g_window = glfwCreateWindow(1280, 800, "Digest Viewer", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    glfwSetCursorPosCallback(g_window, on_cursor);
    glfwSetMouseButtonCallback(g_window, on_button);
    glfwSetKeyCallback(g_window, on_key);
    glfwSetCharCallback(g_window, on_char);
    glfwSetScrollCallback(g_window, on_scroll);

    g_app.host.open_url = host_open_url;
    g_app.host.save_file = host_save_file;
    g_app.host.set_location = host_set_location;
    g_app.host.request_open_files = js_open_files;
    g_app.host.request_open_folder = js_open_folder;
    g_app.host.library_changed = host_library_changed;
    g_app.host.platform_name = "web";
    g_app.dark = js_prefers_dark() != 0;

    if (!dv::gl_init(g_window, g_app, "#version 300 es", "/fonts")) return 1;
    dv::scatter_gl_install(g_app);  // GPU scatter of the charts panel (CPU fallback if it fails)
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    static std::string clipboard;
    pio.Platform_SetClipboardTextFn = [](ImGuiContext*, const char* text) {
        clipboard = text ? text : "";
        js_set_clipboard(clipboard.c_str());
    };
    pio.Platform_GetClipboardTextFn = [](ImGuiContext*) { return clipboard.c_str(); };
    pio.Platform_SetImeDataFn = [](ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) { g_ime = *data; };
    pio.Platform_OpenInShellFn = [](ImGuiContext*, const char* url) {
        js_open_url(url);
        return true;
    };
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, on_wheel);
    sync_canvas_size();
    wake(2.0);
    emscripten_set_main_loop(main_loop, 0, false);
    return 0;
}
