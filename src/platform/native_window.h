// The native viewer's window as the settings see it: created at its remembered (or asked for)
// size and place, its geometry written back, the UI scale of the monitor it is on, and where the
// fonts are. GLFW; nothing here knows the UI beyond the App's look fields.
#pragma once

#include <string>

#include "native_args.h"
#include "native_settings.h"

struct GLFWwindow;

namespace dv {
struct App;
}

namespace dvn {

// An OpenGL 3.3 core window, hidden until shown; null if it cannot be created.
GLFWwindow* create_window(const Options& opt, const Settings& s);
// Fills the window and look fields of `s` (size and place only when neither maximized nor iconified).
void window_to_settings(GLFWwindow* window, const dv::App& app, Settings& s);
// The UI scale: the monitor's content scale over what the framebuffer already scales.
float window_ui_scale(GLFWwindow* window);
// Beside the binary, then ../share/digest-viewer/fonts, then the source tree's (a build run in place).
std::string find_font_dir(const char* source_font_dir);

}  // namespace dvn
