#include "native_capture.h"

#include <GLFW/glfw3.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

#include "ui/app.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#if __has_include(<stb/stb_image_write.h>)
#include <stb/stb_image_write.h>
#define DV_HAVE_STB_WRITE 1
#else
#define DV_HAVE_STB_WRITE 0
#endif

namespace dvn {

namespace {

// All threads (llvmpipe rasterizes on its own): fair on a busy machine.
double process_cpu_ms() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

void print_times(const char* what, const dv::App& app, std::vector<double> ms) {
    if (ms.empty()) return;
    double first = ms.front();
    std::vector<double> rest(ms.begin() + std::min<size_t>(ms.size() - 1, 3), ms.end());  // after warm-up
    std::sort(rest.begin(), rest.end());
    double sum = 0;
    for (double v : rest) sum += v;
    std::fprintf(stderr,
                 "digest-viewer: %s: %zu frames, %zu papers, %zu visible: first %.1f ms; then avg %.2f ms, "
                 "median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                 what, ms.size(), app.lib.entries.size(), app.result.size(), first, sum / (double)rest.size(),
                 rest[rest.size() / 2], rest[std::min(rest.size() - 1, (size_t)((double)rest.size() * 0.95))],
                 rest.back());
}

}  // namespace

bool write_screenshot(GLFWwindow* window, const std::string& path) {
#if DV_HAVE_STB_WRITE
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    bool ok = w > 0 && h > 0;
    if (ok) {
        std::vector<unsigned char> px((size_t)w * (size_t)h * 3);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, px.data());
        stbi_flip_vertically_on_write(1);
        ok = stbi_write_png(path.c_str(), w, h, 3, px.data(), w * 3) != 0;
    }
    if (!ok) std::fprintf(stderr, "digest-viewer: could not write %s\n", path.c_str());
    return ok;
#else
    (void)window;
    std::fprintf(stderr, "digest-viewer: built without stb_image_write.h: no screenshots\n");
    std::fprintf(stderr, "digest-viewer: could not write %s\n", path.c_str());
    return false;
#endif
}

void FrameTimes::add(double frame, double ui, double wall_s) {
    frame_ms.push_back(frame);
    ui_ms.push_back(ui);
    if (frame_ms.size() == 3) {
        cpu_at_warm = process_cpu_ms();
        wall_at_warm = wall_s;
    }
}

void FrameTimes::print(const dv::App& app, const std::string& font_dir, double wall_s) const {
    std::fprintf(stderr, "digest-viewer: GL renderer %s, UI scale %.2f, fonts from %s\n",
                 (const char*)glGetString(GL_RENDERER), app.ui_scale, font_dir.c_str());
    print_times("frame (UI + GL raster + swap)", app, frame_ms);
    print_times("UI only (NewFrame..RenderDrawData)", app, ui_ms);
    const size_t n = frame_ms.size();
    if (n > 3)
        std::fprintf(stderr, "digest-viewer: process CPU time per frame after warm-up: %.2f ms (wall %.2f ms)\n",
                     (process_cpu_ms() - cpu_at_warm) / (double)(n - 3), (wall_s - wall_at_warm) * 1e3 / (double)(n - 3));
}

}  // namespace dvn
