#include "rich_text.h"

#include <algorithm>
#include <cfloat>

#include "imgui.h"
#include "widgets.h"

namespace dv {

namespace {

struct Layout {
    ImVec2 origin;
    float x = 0, y = 0, line_h = 0, wrap = 0;
};

size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1; }

}  // namespace

void draw_runs(App& app, const std::vector<TextRun>& runs, float wrap_width, const std::vector<Span>* marks) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float size = ImGui::GetFontSize();
    Layout L;
    L.origin = ImGui::GetCursorScreenPos();
    L.wrap = wrap_width > size ? wrap_width : size * 10;
    L.line_h = size + ImGui::GetStyle().ItemSpacing.y * 0.6f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool window_hovered = ImGui::IsWindowHovered();

    size_t run_base = 0;  // offset of this run's text in the runs' texts back to back (marks index that)
    // Marks behind the piece [a, b) of the current run, drawn at pos.
    auto mark_piece = [&](ImFont* font, const TextRun& run, ImVec2 pos, const char* a, const char* b) {
        if (!marks || marks->empty()) return;
        const size_t g0 = run_base + size_t(a - run.text.data()), g1 = run_base + size_t(b - run.text.data());
        for (const Span& sp : *marks) {
            if (sp.end <= g0 || sp.begin >= g1) continue;
            const char* s0 = a + (std::max<size_t>(sp.begin, g0) - g0);
            const char* s1 = a + (std::min<size_t>(sp.end, g1) - g0);
            const float x0 = pos.x + font->CalcTextSizeA(size, FLT_MAX, 0.0f, a, s0).x;
            const float x1 = x0 + font->CalcTextSizeA(size, FLT_MAX, 0.0f, s0, s1).x;
            dl->AddRectFilled(ImVec2(x0 - 1, pos.y), ImVec2(x1 + 1, pos.y + size + 1), mark_color(), size * 0.15f);
        }
    };
    for (const TextRun& run : runs) {
        if (run.newline && L.x > 0) {
            L.x = 0;
            L.y += L.line_h;
        }
        ImFont* font = (run.style & RunBold) ? app.fonts.bold : app.fonts.regular;
        ImU32 col = (run.style & RunLink) ? accent_color()
                  : (run.style & RunItalic) ? ImGui::GetColorU32(ImVec4(0.85f, 0.72f, 0.45f, 1.0f))
                  : (run.style & RunCode)   ? ImGui::GetColorU32(ImVec4(0.55f, 0.80f, 0.60f, 1.0f))
                                            : text_color();
        if (!app.dark && (run.style & (RunItalic | RunCode)) && !(run.style & RunLink))
            col = (run.style & RunItalic) ? ImGui::GetColorU32(ImVec4(0.55f, 0.35f, 0.05f, 1.0f))
                                          : ImGui::GetColorU32(ImVec4(0.10f, 0.45f, 0.20f, 1.0f));
        const bool web_link = (run.style & RunLink) && is_web_url(run.url);
        const char* p = run.text.data();
        const char* end = p + run.text.size();
        while (p < end) {
            // Next piece: a word and the spaces after it, or one line break.
            if (*p == '\n') {
                L.x = 0;
                L.y += L.line_h;
                p++;
                continue;
            }
            const char* q = p;
            while (q < end && *q != ' ' && *q != '\n') q += utf8_len((unsigned char)*q);
            while (q < end && *q == ' ') q++;
            if (q > end) q = end;
            float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, p, q).x;
            if (L.x > 0 && L.x + w > L.wrap) {
                L.x = 0;
                L.y += L.line_h;
                while (p < q && *p == ' ') p++;
                if (p == q) continue;
                w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, p, q).x;
            }
            // A piece wider than a whole line (a long URL, unspaced CJK): break it by characters.
            while (w > L.wrap && p < q) {
                const char* cut = p;
                float cw = 0;
                while (cut < q) {
                    const char* nx = cut + utf8_len((unsigned char)*cut);
                    float ww = font->CalcTextSizeA(size, FLT_MAX, 0.0f, p, nx).x;
                    if (ww > L.wrap - L.x && cut > p) break;
                    cw = ww;
                    cut = nx;
                }
                ImVec2 pos(L.origin.x + L.x, L.origin.y + L.y);
                mark_piece(font, run, pos, p, cut);
                dl->AddText(font, size, pos, col, p, cut);
                (void)cw;
                p = cut;
                L.x = 0;
                L.y += L.line_h;
                w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, p, q).x;
            }
            if (p >= q) continue;
            ImVec2 pos(L.origin.x + L.x, L.origin.y + L.y);
            if (run.style & RunCode) {
                dl->AddRectFilled(ImVec2(pos.x - 1, pos.y), ImVec2(pos.x + w + 1, pos.y + size + 1),
                                  ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
            }
            mark_piece(font, run, pos, p, q);
            dl->AddText(font, size, pos, col, p, q);
            if (run.style & RunLink) {
                ImVec2 max(pos.x + w, pos.y + size);
                bool hovered = window_hovered && mouse.x >= pos.x && mouse.x < max.x && mouse.y >= pos.y && mouse.y < max.y;
                if (hovered || !web_link)
                    dl->AddLine(ImVec2(pos.x, max.y), ImVec2(max.x, max.y), col, hovered ? 1.5f : 0.5f);
                if (hovered && web_link) {
                    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                    ImGui::SetTooltip("%s", run.url.c_str());
                    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && app.host.open_url) app.host.open_url(run.url.c_str());
                }
            }
            L.x += w;
            p = q;
        }
        run_base += run.text.size();
    }
    float h = L.y + (L.x > 0 || runs.empty() ? L.line_h : 0);
    ImGui::Dummy(ImVec2(L.wrap, h));
}

}  // namespace dv
