// Small desktop helpers of the native viewer: starting programs (xdg-open) and asking the desktop
// for its dark/light preference. POSIX; nothing here knows ImGui or GLFW.
#pragma once

#include <string>
#include <vector>

namespace dvn {

// Starts argv without a shell and without waiting for it (double fork: no zombies).
bool spawn_detached(const std::vector<std::string>& args);
// Runs argv (no shell) and collects its stdout; false if it fails or outlives timeout_ms (killed).
bool run_capture(const std::vector<std::string>& args, std::string& out, int timeout_ms);
// The desktop's colour scheme (GNOME's gsettings, else $GTK_THEME): 1 dark, 0 light, -1 unknown.
int desktop_prefers_dark();
// Opens an http(s) link in the desktop's browser (xdg-open); "" on success, else what went wrong.
std::string open_web_link(const char* url);

}  // namespace dvn
