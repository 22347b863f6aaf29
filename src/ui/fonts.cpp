// Fonts: NanumSquare for Latin and Hangul (and KS X 1001 Hanja, Greek, Cyrillic), with DejaVu
// subsets merged in for symbols and math italic letters, so no character in the digests falls back
// to '?'. Dear ImGui 1.92 rasterizes glyphs on demand at the current size and framebuffer scale,
// so 11,172 Hangul syllables cost nothing until they are shown, and zoom stays crisp.
#include <cstdio>

#include "app.h"
#include "imgui.h"

namespace dv {

static bool file_exists(const std::string& p) {
    if (FILE* f = std::fopen(p.c_str(), "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

static ImFont* add_font_with_fallbacks(const std::string& dir, const char* main_file) {
    ImGuiIO& io = ImGui::GetIO();
    std::string main = dir + "/" + main_file;
    if (!file_exists(main)) return nullptr;
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // 1.92 rasterizes at the framebuffer scale: no need to oversample
    ImFont* font = io.Fonts->AddFontFromFileTTF(main.c_str(), 0.0f, &cfg);
    if (!font) return nullptr;
    for (const char* fallback : {"DejaVuSans-Symbols.ttf", "DejaVuMath-Letters.ttf"}) {
        std::string p = dir + "/" + fallback;
        if (!file_exists(p)) continue;
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.OversampleH = 1;
        io.Fonts->AddFontFromFileTTF(p.c_str(), 0.0f, &merge);
    }
    return font;
}

bool app_init(App& app, const std::string& font_dir) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is ours; settings are stored by the platform layer
    // A column change is handed over half a second after it (gl_frame keeps frames coming until then).
    io.IniSavingRate = 0.5f;
    app.fonts.regular = add_font_with_fallbacks(font_dir, "NanumSquareR.ttf");
    app.fonts.bold = add_font_with_fallbacks(font_dir, "NanumSquareB.ttf");
    if (!app.fonts.regular) {
        app.fonts.regular = io.Fonts->AddFontDefault();
        app_set_status(app, "Fonts not found in " + font_dir + ": Korean text cannot be shown");
    }
    if (!app.fonts.bold) app.fonts.bold = app.fonts.regular;
    io.FontDefault = app.fonts.regular;
    app_apply_theme(app);
    return app.fonts.regular != nullptr;
}

}  // namespace dv
