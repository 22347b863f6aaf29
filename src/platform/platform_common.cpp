#include "platform_common.h"

#include <GLFW/glfw3.h>

#include <algorithm>

#include "gl_frame.h"
#include "imgui.h"
#include "scatter_gl.h"
#include "ui/app.h"

namespace dv {

namespace {

struct Common {
    WakeTimer wake;
    App* app = nullptr;  // set by platform_start, for the OpenInShell hook
};
Common s;

void on_cursor(GLFWwindow*, double, double) { wake(); }
void on_button(GLFWwindow*, int, int, int) { wake(); }
void on_key(GLFWwindow*, int, int, int, int) { wake(); }
void on_char(GLFWwindow*, unsigned int) { wake(); }
void on_scroll(GLFWwindow*, double, double) { wake(); }

}  // namespace

WakeTimer& wake_timer() { return s.wake; }

void wake(double seconds) {
    s.wake.until = std::max(s.wake.until, glfwGetTime() + seconds);
    s.wake.redraw = true;
}

bool platform_start(GLFWwindow* window, App& app, const char* glsl_version, const char* font_dir) {
    s.app = &app;
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetMouseButtonCallback(window, on_button);
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    glfwSetScrollCallback(window, on_scroll);
    bool ok = gl_init(window, app, glsl_version, font_dir);
    scatter_gl_install(app);
    // Links ImGui itself opens (TextLinkOpenURL) take the same road as ours: not system("xdg-open").
    ImGui::GetPlatformIO().Platform_OpenInShellFn = [](ImGuiContext*, const char* url) {
        if (s.app && s.app->host.open_url) s.app->host.open_url(url);
        return true;
    };
    return ok;
}

void platform_shutdown() {
    scatter_gl_shutdown();
    gl_shutdown();
    s.app = nullptr;
}

void follow_system_theme(App& app, int prefers_dark) {
    if (!app.theme_follows_system || prefers_dark < 0 || (prefers_dark == 1) == app.dark) return;
    app.dark = prefers_dark == 1;
    app_apply_theme(app);
    wake();
}

}  // namespace dv
