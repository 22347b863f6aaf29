// Checks a screenshot of the viewer: not a blank frame, and the middle pane (the papers table)
// holds rows of text. Prints what it measured; exit 0 = looks right, 1 = not, 2 = unreadable.
// A table shows as >= N separate rows of ink spanning most of the pane's height.
//   dv_png_check FILE.png [--min-lines N] [--region X0 Y0 X1 Y1]   (region in fractions of the image)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#if DV_HAVE_STB
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>
#endif

int main(int argc, char** argv) {
#if !DV_HAVE_STB
    std::fprintf(stderr, "dv_png_check: built without stb_image.h (libstb-dev)\n");
    return 77;
#else
    if (argc < 2) {
        std::fprintf(stderr, "usage: dv_png_check FILE.png [--min-lines N] [--region X0 Y0 X1 Y1]\n");
        return 2;
    }
    int min_lines = 20;
    double rx0 = 0.22, ry0 = 0.12, rx1 = 0.60, ry1 = 0.90;  // the papers table in the three-pane layout
    for (int i = 2; i < argc; i++) {
        if (!std::strcmp(argv[i], "--min-lines") && i + 1 < argc) min_lines = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--region") && i + 4 < argc) {
            rx0 = std::atof(argv[++i]);
            ry0 = std::atof(argv[++i]);
            rx1 = std::atof(argv[++i]);
            ry1 = std::atof(argv[++i]);
        }
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "dv_png_check: cannot read %s: %s\n", argv[1], stbi_failure_reason());
        return 2;
    }
    auto at = [&](int x, int y) { const unsigned char* p = px + ((size_t)y * w + x) * 3; return (p[0] << 16) | (p[1] << 8) | p[2]; };
    std::map<int, size_t> hist;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) hist[at(x, y)]++;
    int bg = 0;
    size_t bg_count = 0;
    for (auto& [c, k] : hist)
        if (k > bg_count) bg = c, bg_count = k;
    auto differs = [&](int c) {
        int d = std::abs(((c >> 16) & 255) - ((bg >> 16) & 255)) + std::abs(((c >> 8) & 255) - ((bg >> 8) & 255)) +
                std::abs((c & 255) - (bg & 255));
        return d > 60;  // text, not the faint alternate-row tint
    };
    int x0 = (int)(rx0 * w), x1 = (int)(rx1 * w), y0 = (int)(ry0 * h), y1 = (int)(ry1 * h);
    // Columns inked in most rows are table borders and scrollbars, not text: leave them out.
    std::vector<int> col_ink((size_t)std::max(0, x1 - x0), 0);
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) col_ink[(size_t)(x - x0)] += differs(at(x, y));
    std::vector<char> skip(col_ink.size(), 0);
    for (size_t i = 0; i < col_ink.size(); i++) skip[i] = col_ink[i] > (y1 - y0) / 2;
    size_t ink = 0, total = 0;
    int lines = 0, first_text = -1, last_text = -1;
    bool in_line = false;
    for (int y = y0; y < y1; y++) {
        int row_ink = 0;
        for (int x = x0; x < x1; x++) {
            if (skip[(size_t)(x - x0)]) continue;
            total++;
            if (differs(at(x, y))) {
                ink++;
                row_ink++;
            }
        }
        bool text_row = row_ink >= 3 && row_ink < (x1 - x0) * 6 / 10;  // some ink, but not a solid bar
        if (text_row && !in_line) lines++;
        if (text_row) {
            if (first_text < 0) first_text = y;
            last_text = y;
        }
        in_line = text_row;
    }
    double frac = total ? (double)ink / (double)total : 0.0;
    // Rows of a table fill the pane from top to bottom, not one block of it.
    double span = first_text < 0 ? 0.0 : (double)(last_text - first_text) / (double)std::max(1, y1 - y0);
    bool ok = hist.size() >= 16 && frac > 0.01 && frac < 0.6 && lines >= min_lines && span > 0.6;
    std::printf("{\"width\":%d,\"height\":%d,\"colors\":%zu,\"background\":\"#%06x\",\"background_share\":%.3f,"
                "\"region_ink\":%.4f,\"text_lines\":%d,\"text_span\":%.2f,\"ok\":%s}\n",
                w, h, hist.size(), bg, (double)bg_count / ((double)w * h), frac, lines, span, ok ? "true" : "false");
    stbi_image_free(px);
    return ok ? 0 : 1;
#endif
}
