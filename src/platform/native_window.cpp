#include "native_window.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "native_files.h"
#include "ui/app.h"

namespace dvn {

GLFWwindow* create_window(const Options& opt, const Settings& s) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once sized and placed
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "digest-viewer");  // StartupWMClass in the .desktop file
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "digest-viewer");
    int w = 1280, h = 800;
    if (opt.width > 0) {
        w = opt.width;
        h = opt.height;
    } else if (s.win_w >= 200 && s.win_h >= 150) {
        w = s.win_w;
        h = s.win_h;
    } else if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
        float xs = 1, ys = 1;
        glfwGetMonitorContentScale(m, &xs, &ys);
        if (const GLFWvidmode* mode = glfwGetVideoMode(m)) {
            w = std::min((int)std::lround(1280 * xs), mode->width * 9 / 10);
            h = std::min((int)std::lround(800 * ys), mode->height * 9 / 10);
        }
    }
    if (s.maximized && opt.width <= 0) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    GLFWwindow* win = glfwCreateWindow(w, h, "Digest Viewer", nullptr, nullptr);
    if (!win || !s.has_pos || opt.width > 0) return win;
    int count = 0;  // the remembered place only where some monitor still is (a laptop undocked since)
    GLFWmonitor** mons = glfwGetMonitors(&count);
    for (int i = 0; i < count; i++) {
        int mx, my, mw, mh;
        glfwGetMonitorWorkarea(mons[i], &mx, &my, &mw, &mh);
        if (s.win_x >= mx - 50 && s.win_y >= my - 50 && s.win_x < mx + mw - 100 && s.win_y < my + mh - 100) {
            glfwSetWindowPos(win, s.win_x, s.win_y);
            break;
        }
    }
    return win;
}

void window_to_settings(GLFWwindow* window, const dv::App& app, Settings& s) {
    const bool maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) != 0;
    if (!maximized && !glfwGetWindowAttrib(window, GLFW_ICONIFIED)) {
        glfwGetWindowSize(window, &s.win_w, &s.win_h);
        glfwGetWindowPos(window, &s.win_x, &s.win_y);
        s.has_pos = true;
    }
    s.font_size = app.font_size;
    s.theme = app.theme_follows_system ? "follow" : app.dark ? "dark" : "light";
    s.maximized = maximized;
}

// X11: the framebuffer is in screen pixels, so all of the content scale; Wayland/macOS: the
// framebuffer is 2x already.
float window_ui_scale(GLFWwindow* window) {
    float xs = 1, ys = 1;
    glfwGetWindowContentScale(window, &xs, &ys);
    int ww = 0, wh = 0, fw = 0, fh = 0;
    glfwGetWindowSize(window, &ww, &wh);
    glfwGetFramebufferSize(window, &fw, &fh);
    float fb = ww > 0 && fw > 0 ? (float)fw / (float)ww : 1.0f;
    return std::clamp(xs / std::max(fb, 0.25f), 0.5f, 4.0f);
}

std::string find_font_dir(const char* source_font_dir) {
    std::vector<std::string> candidates;
    std::string exe = executable_dir();
    if (!exe.empty()) {
        candidates.push_back(exe + "/fonts");
        candidates.push_back(exe + "/../share/digest-viewer/fonts");
    }
    candidates.push_back(source_font_dir);
    for (const std::string& c : candidates)
        if (!c.empty() && path_exists(c + "/NanumSquareR.ttf")) return normalize_path(c);
    return exe.empty() ? std::string("fonts") : exe + "/fonts";  // app_init reports the miss
}

}  // namespace dvn
