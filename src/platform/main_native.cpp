// The native platform: desktop GLFW + OpenGL 3.3, the same UI as the web build. This file is the
// window and the loop; beside it: the command line (native_args), loading and the folder watch
// (native_library), the window's size, place and scale (native_window), desktop helpers
// (native_desktop), files (native_files), settings (native_settings), screenshots and frame
// times (native_capture). The open/save dialogs are UI
// panels (src/ui/panel_path_dialog.cpp) reaching the disk through the Host's file slots.
//
//   digest-viewer [options] [FILE|DIR...]      (see --help, native_args.cpp)
#include <GLFW/glfw3.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "gl_frame.h"
#include "imgui.h"
#include "native_args.h"
#include "native_capture.h"
#include "native_desktop.h"
#include "native_fetch.h"
#include "native_library.h"
#include "native_triage.h"
#include "native_window.h"
#include "platform_common.h"
#include "ui/app.h"
#include "core/date.h"

#ifndef DV_SOURCE_FONT_DIR
#define DV_SOURCE_FONT_DIR ""
#endif

namespace {

// Everything the native platform keeps while it runs.
struct Native {
    dv::App app;
    size_t test_key_next = 0;       // --keys: the next letter to press
    bool test_key_down = false;     //         and whether it is down this frame
    GLFWwindow* window = nullptr;
    dvn::Options opt;
    dvn::Settings settings;
    std::string settings_path;
    bool use_settings = true;
    std::string triage_path;           // "" = marks kept in memory only (--no-settings)
    dvn::NativeLibrary library;
    std::vector<std::string> dropped;  // paths dropped on the window, loaded by the loop
    std::string font_dir;
    volatile sig_atomic_t quit = 0;    // SIGINT/SIGTERM: leave the loop, save the settings
};
Native g;

double now_s() { return glfwGetTime(); }

void save_settings_now() {
    if (!g.use_settings) return;
    dvn::window_to_settings(g.window, g.app, g.settings);
    std::string err;
    if (!dvn::save_settings(g.settings_path, g.settings, err)) std::fprintf(stderr, "digest-viewer: could not save the settings: %s\n", err.c_str());
}

void open_paths(const std::vector<std::string>& paths, bool remember) {
    size_t files = dvn::library_open(g.library, g.app, g.settings, paths, remember);
    if (remember && files > 0) save_settings_now();  // the library survives a crash
    dv::wake(1.0);
}

// --- Host slots ---------------------------------------------------------------------------------
// Column layout and row mode: kept in settings.json with the rest (written now, so a crash keeps them).
void host_view_settings_changed(const std::string& json) {
    if (json == g.settings.view) return;
    g.settings.view = json;
    save_settings_now();
}

void host_open_url(const char* url) {
    std::string err = dvn::open_web_link(url);
    if (!err.empty()) dv::app_set_status(g.app, err);
}
void host_save_file(const char* name, const char* /*mime*/, const std::string& data) {
    const std::string& dir = g.settings.export_dir;
    dv::path_dialog_show_save(g.app, dir.empty() || !dvn::path_is_dir(dir) ? dvn::download_dir() : dir, name, data);
    dv::wake();
}
void host_set_location(const std::string& hash, bool /*push*/) { g.settings.location = hash; }  // restored at the next start
void host_request_open() {
    std::string start = dvn::home_dir() + "/";
    if (!g.settings.recent.empty()) {
        const std::string& r = g.settings.recent.front();
        start = dvn::path_is_dir(r) ? r + "/" : r;
    }
    dv::path_dialog_show_open(g.app, start, g.settings.recent);
    dv::wake();
}
void host_library_changed(const std::vector<std::string>& removed) { dvn::library_forget(g.library, g.settings, g.app, removed); }
dv::PathKind host_stat(const std::string& p) {
    return dvn::path_is_dir(p) ? dv::PathKind::Folder : dvn::path_exists(p) ? dv::PathKind::File : dv::PathKind::Missing;
}
bool host_write(const std::string& path, const std::string& data, std::string& error) {
    if (!dvn::write_file_bytes(path, data, error)) return false;
    size_t slash = path.rfind('/');
    if (slash != std::string::npos) g.settings.export_dir = path.substr(0, slash);  // proposed next time
    return true;
}

// --- Host slots: the reader's triage (issue 10) ---
void host_triage_changed(const std::string& json) {
    if (g.triage_path.empty()) return;
    std::string err;
    if (!dvn::write_file_bytes(g.triage_path, json, err)) dv::app_triage_storage_failed(g.app, err);
}

void install_host(dv::App& app) {
    app.host.open_url = host_open_url;
    app.host.save_file = host_save_file;
    app.host.set_location = host_set_location;
    app.host.request_open_files = host_request_open;
    app.host.request_open_folder = host_request_open;
    app.host.library_changed = host_library_changed;
    app.host.files.list_folder = dvn::list_dir_for_dialog;
    app.host.files.stat = host_stat;
    app.host.files.normalize = dvn::normalize_path;
    app.host.files.write = host_write;
    app.host.files.open = [](const std::vector<std::string>& paths) { open_paths(paths, true); };
    app.host.platform_name = "native";
    // The reader's triage (issue 10).
    app.host.triage_changed = host_triage_changed;
    app.host.view_settings_changed = host_view_settings_changed;
    // Get from Hugging Face (issue 11): hf_* slots (libcurl builds only), settings kept here.
    dvn::fetch_install(app, [] {
        g.settings.hf_enabled = g.app.hf.enabled;
        g.settings.hf_notice_seen = g.app.hf.notice_seen;
        save_settings_now();
    });
}

// Get from Hugging Face: the settings' (or this run's) base and switches, and --fetch-hf.
bool setup_fetch() {
    dv::HfFetchUi& h = g.app.hf;
    h.enabled = g.settings.hf_enabled;
    h.notice_seen = g.settings.hf_notice_seen;
    h.base = !g.opt.hf_base.empty() ? g.opt.hf_base : g.settings.hf_base;
    if (!dv::hf_base_valid(h.base)) {
        std::fprintf(stderr, "digest-viewer: the Hugging Face base '%s' is not an http(s) URL with a host\n", h.base.c_str());
        if (!g.opt.hf_base.empty()) return false;
        h.base = dv::kHfDefaultBase;
    }
    if (!g.opt.hf_today.empty() && !dv::parse_date(g.opt.hf_today, h.today)) {
        std::fprintf(stderr, "digest-viewer: --hf-today wants YYYY-MM-DD\n");
        return false;
    }
    if (g.opt.fetch_hf >= 0) {
        if (!g.app.host.hf_start) {
            std::fprintf(stderr, "digest-viewer: --fetch-hf: this build has no libcurl (libcurl4-openssl-dev)\n");
        } else {
            // Asked for on the command line: that is the consent the first-use notice asks for.
            h.enabled = true;
            h.notice_seen = true;
            dv::app_hf_request(g.app, g.opt.fetch_hf);
        }
    }
    return true;
}

// --- Window callbacks (installed before ImGui's, which chain to them) ---------------------------
void update_scale() {  // --scale, else the monitor's
    const float scale = g.opt.scale > 0 ? g.opt.scale : dvn::window_ui_scale(g.window);
    if (scale != g.app.ui_scale) {
        dv::gl_set_scale(g.app, scale);
        dv::wake();
    }
}

void install_window_callbacks(GLFWwindow* w) {
    glfwSetWindowFocusCallback(w, [](GLFWwindow*, int focused) {
        dv::wake();
        if (focused) dv::follow_system_theme(g.app, dvn::desktop_prefers_dark());
    });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow*) { dv::wake_timer().redraw = true; });
    glfwSetWindowSizeCallback(w, [](GLFWwindow* win, int width, int height) {
        if (!glfwGetWindowAttrib(win, GLFW_MAXIMIZED) && width > 0 && height > 0) {
            g.settings.win_w = width;
            g.settings.win_h = height;
        }
        dv::wake();
    });
    glfwSetWindowPosCallback(w, [](GLFWwindow* win, int x, int y) {
        if (glfwGetWindowAttrib(win, GLFW_MAXIMIZED)) return;
        g.settings.win_x = x;
        g.settings.win_y = y;
        g.settings.has_pos = true;
    });
    glfwSetDropCallback(w, [](GLFWwindow*, int count, const char** paths) {
        for (int i = 0; i < count; i++)
            if (paths[i]) g.dropped.push_back(paths[i]);
        dv::wake();
    });
    glfwSetWindowContentScaleCallback(w, [](GLFWwindow*, float, float) { update_scale(); });
}

// --- Start ------------------------------------------------------------------------------------------
void choose_theme() {
    const std::string& t = !g.opt.theme.empty() ? g.opt.theme : g.settings.theme;
    g.app.theme_follows_system = t == "follow";
    if (t != "follow") g.app.dark = t == "dark";
    else if (int d = dvn::desktop_prefers_dark(); d >= 0) g.app.dark = d == 1;
}

// The library: the paths given, else the one remembered; then the view asked for. Big libraries
// take seconds to parse: the window shows a loading message first.
void load_startup(const std::string& settings_msg) {
    const dvn::Options& o = g.opt;
    if (!o.paths.empty() || !g.settings.library.empty()) {
        glfwShowWindow(g.window);
        dv::app_set_status(g.app, "Loading " + (o.paths.empty() ? g.settings.library : o.paths).front() + " ...");
        dv::gl_frame(g.window, g.app);
        glfwSwapBuffers(g.window);
        glfwPollEvents();
    }
    if (!o.paths.empty()) {
        if (g.use_settings) g.settings.library.clear();  // this run's library is what was asked for
        open_paths(o.paths, true);
    } else if (!g.settings.library.empty()) {
        std::vector<std::string> lib = g.settings.library, present;
        for (const std::string& p : lib)
            if (dvn::path_exists(p)) present.push_back(p);
        if (!present.empty()) open_paths(present, false);
        if (present.size() < lib.size())
            dv::app_set_status(g.app, std::to_string(lib.size() - present.size()) +
                                          " remembered path(s) are gone; they stay in the list until the library is cleared");
        if (!g.settings.location.empty()) dv::app_apply_location(g.app, g.settings.location);
    }
    if (!settings_msg.empty()) dv::app_set_status(g.app, settings_msg);
    if (!o.location.empty()) {
        dv::app_apply_location(g.app, o.location);
        host_set_location(dv::app_current_location(g.app), false);  // the view asked for is the one to remember
    }
    if (o.has_query) {
        g.app.query_text = o.query;
        g.app.query_dirty = true;
    }
    dv::app_update_result(g.app);
    if (o.select >= 0 && (size_t)o.select < g.app.result.size()) dv::app_select(g.app, g.app.result[(size_t)o.select]);
    if (o.open_dialog) host_request_open();
}

// --- The loop ---------------------------------------------------------------------------------------
// --keys: one key down on a frame, up on the next, so ImGui sees each press once.
void press_test_keys() {
    size_t& next = g.test_key_next;
    bool& down = g.test_key_down;
    if (next >= g.opt.keys.size()) return;
    const ImGuiKey key = ImGuiKey(ImGuiKey_A + (g.opt.keys[next] - 'a'));
    ImGui::GetIO().AddKeyEvent(key, !down);
    if (down) next++;
    down = !down;
    dv::wake();
}

// Sleeps until input, a wake-up, the next folder poll or the text cursor's next blink; drawing runs
// at most ~60 frames a second (Xvfb and some drivers ignore vsync). --frames draws without waiting.
void wait_for_events(double start, double last_frame) {
    const dv::WakeTimer& wt = dv::wake_timer();
    double now = now_s(), deadline = g.library.next_poll;
    if (g.opt.quit_after >= 0) deadline = std::min(deadline, start + g.opt.quit_after);
    if (now < wt.until || wt.redraw) deadline = last_frame + 1.0 / 60.0;
    else if (ImGui::GetIO().WantTextInput && glfwGetWindowAttrib(g.window, GLFW_FOCUSED))
        deadline = std::min(deadline, last_frame + 0.5);
    if (deadline > now) glfwWaitEventsTimeout(deadline - now);
    else glfwPollEvents();
}

void run_loop() {
    const bool bench = g.opt.frames > 0;
    const double start = now_s();
    double last_frame = 0;
    g.library.next_poll = start + 1.0;
    dvn::FrameTimes times;
    while (!glfwWindowShouldClose(g.window) && !g.quit) {
        if (bench) glfwPollEvents();
        else wait_for_events(start, last_frame);
        const double now = now_s();
        if (g.opt.quit_after >= 0 && now - start >= g.opt.quit_after) break;
        if (!g.dropped.empty()) {
            std::vector<std::string> dropped;
            dropped.swap(g.dropped);
            open_paths(dropped, true);
        }
        if (!bench && dvn::library_poll(g.library, g.app, now)) dv::wake(1.0);
        if (dvn::fetch_poll(g.app)) dv::wake(1.0);

        dv::WakeTimer& wt = dv::wake_timer();
        const bool blink = ImGui::GetIO().WantTextInput && now - last_frame >= 0.5 && glfwGetWindowAttrib(g.window, GLFW_FOCUSED);
        if (!bench && !wt.redraw && now >= wt.until && !blink) continue;
        wt.redraw = false;
        if (glfwGetWindowAttrib(g.window, GLFW_ICONIFIED)) continue;

        press_test_keys();
        auto t0 = std::chrono::steady_clock::now();
        dv::gl_frame(g.window, g.app);
        auto t1 = std::chrono::steady_clock::now();
        last_frame = now_s();
        const bool last = bench && (int)times.frame_ms.size() + 1 >= g.opt.frames;
        if (last && !g.opt.screenshot.empty()) dvn::write_screenshot(g.window, g.opt.screenshot);
        glfwSwapBuffers(g.window);
        if (bench) {
            glFinish();
            auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
            times.add(ms(std::chrono::steady_clock::now() - t0), ms(t1 - t0), now_s());
        }
        if (last) break;
    }
    if (bench) times.print(g.app, g.font_dir, now_s());
    if (!bench && !g.opt.screenshot.empty()) {
        dv::gl_frame(g.window, g.app);
        dvn::write_screenshot(g.window, g.opt.screenshot);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (!dvn::parse_args(argc, argv, g.opt)) return 2;
    g.use_settings = !g.opt.no_settings;
    std::string settings_msg;
    if (g.use_settings) {
        g.settings_path = dvn::settings_path();
        dvn::load_settings(g.settings_path, g.settings, settings_msg);
        if (!settings_msg.empty()) std::fprintf(stderr, "digest-viewer: %s\n", settings_msg.c_str());
        if (g.settings_path.empty()) g.use_settings = false;
    }

    glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "digest-viewer: GLFW error %d: %s\n", code, msg); });
    if (!glfwInit()) {
        std::fprintf(stderr, "digest-viewer: cannot start GLFW (no display?)\n");
        return 1;
    }
    g.window = dvn::create_window(g.opt, g.settings);
    if (!g.window) {
        std::fprintf(stderr, "digest-viewer: cannot create an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(g.window);
    glfwSwapInterval(g.opt.frames > 0 ? 0 : 1);

    install_window_callbacks(g.window);
    install_host(g.app);
    g.app.font_size = g.settings.font_size;
    choose_theme();
    g.font_dir = dvn::find_font_dir(DV_SOURCE_FONT_DIR);
    if (!dv::platform_start(g.window, g.app, "#version 330", g.font_dir.c_str()))  // the UI still runs on ImGui's default font
        std::fprintf(stderr, "digest-viewer: could not start the UI (fonts in %s?)\n", g.font_dir.c_str());
    dv::app_load_view_settings(g.app, g.settings.view);
    update_scale();
    // The marks before the library: the library's days are compared with the previous visit's.
    if (g.use_settings) g.triage_path = dvn::triage_path();
    std::string triage_msg = g.triage_path.empty() ? std::string() : dvn::load_triage(g.triage_path, g.app);
    if (g.triage_path.empty()) dv::app_triage_load(g.app, "", triage_msg);
    load_startup(triage_msg.empty() ? settings_msg : triage_msg);
    if (!setup_fetch()) {
        dv::platform_shutdown();
        glfwTerminate();
        return 2;
    }
    glfwShowWindow(g.window);
    dv::wake(2.0);

    struct sigaction sa {};
    sa.sa_handler = [](int) { g.quit = 1; };
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    run_loop();

    if (!g.opt.dump_state.empty()) {
        std::string err;
        if (!dvn::write_file_bytes(g.opt.dump_state, dv::app_state_json(g.app) + "\n", err)) std::fprintf(stderr, "digest-viewer: %s\n", err.c_str());
    }
    dvn::fetch_shutdown();
    g.settings.view = dv::app_view_settings_json(g.app);  // a change of the last second too
    save_settings_now();
    dv::platform_shutdown();
    glfwDestroyWindow(g.window);
    glfwTerminate();
    return 0;
}
