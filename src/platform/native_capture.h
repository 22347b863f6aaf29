// What the native viewer's test and measurement flags produce: PNG screenshots of the back buffer
// (--screenshot, through stb_image_write when it is installed) and frame-time statistics
// (--frames). Nothing here decides anything about the UI.
#pragma once

#include <string>
#include <vector>

struct GLFWwindow;

namespace dv {
struct App;
}

namespace dvn {

// Reads the back buffer (call before swapping) into a PNG. False (with a message) if it cannot.
bool write_screenshot(GLFWwindow* window, const std::string& path);

// Frame times of a --frames run: whole frames (to glFinish after the swap), the UI part, and the
// process CPU time after a three-frame warm-up.
struct FrameTimes {
    std::vector<double> frame_ms, ui_ms;
    double cpu_at_warm = 0, wall_at_warm = 0;  // process CPU ms and wall seconds after frame 3
    void add(double frame, double ui, double wall_s);
    void print(const dv::App& app, const std::string& font_dir, double wall_s) const;
};

}  // namespace dvn
