// What both platform mains (main_native.cpp, main_web.cpp) share beyond the frame itself
// (gl_frame.h): the wake timer and the input callbacks that feed it, starting and stopping the
// UI with its hooks (GPU scatter, ImGui's OpenInShell -> host.open_url), following the system's
// dark/light preference. One state struct in platform_common.cpp; one window per process.
#pragma once

struct GLFWwindow;

namespace dv {

struct App;

// The loops draw only while awake: input keeps frames coming for a while (hover delays and
// tooltips need frames after the last event); `redraw` asks for at least one more frame (expose,
// resize, a load). Times are glfwGetTime() seconds.
struct WakeTimer {
    double until = 0;
    bool redraw = true;
};
WakeTimer& wake_timer();
void wake(double seconds = 0.75);

// Installs the wake callbacks (cursor, buttons, keys, chars, scroll; before ImGui's, which chain
// to them), then starts ImGui and the app (gl_init), the GPU scatter (CPU fallback if it fails)
// and the OpenInShell hook. False if the UI could not start cleanly (fonts missing: it still runs
// on ImGui's default font). `app` must outlive platform_shutdown().
bool platform_start(GLFWwindow* window, App& app, const char* glsl_version, const char* font_dir);
void platform_shutdown();

// Applies the system's preference when the theme follows it: 1 dark, 0 light, -1 unknown.
void follow_system_theme(App& app, int prefers_dark);

}  // namespace dv
