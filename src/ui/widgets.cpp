#include "widgets.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "core/model.h"
#include "imgui_internal.h"

namespace dv {

std::string format_count(uint64_t n) {
    std::string s = std::to_string(n);
    for (int i = (int)s.size() - 3; i > 0; i -= 3) s.insert((size_t)i, ",");
    return s;
}

bool toggle_button(const char* label, bool on) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    bool pressed = ImGui::Button(label);
    if (on) ImGui::PopStyleColor();
    return pressed;
}

ImU32 text_color(float alpha) {
    ImVec4 c = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    c.w *= alpha;
    return ImGui::GetColorU32(c);
}
ImU32 muted_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 accent_color() { return ImGui::GetColorU32(ImGuiCol_TextLink); }

ImU32 mark_color() {
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    const bool dark = bg.x + bg.y + bg.z < 1.5f;
    return dark ? IM_COL32(240, 180, 30, 125) : IM_COL32(255, 205, 40, 150);
}

void draw_marks(ImDrawList* dl, ImVec2 pos, std::string_view text, const std::vector<Span>& spans, float clip_x, ImFont* font,
                float size) {
    if (spans.empty()) return;
    if (!font) font = ImGui::GetFont();
    if (size <= 0) size = ImGui::GetFontSize();
    const char* t = text.data();
    float x = pos.x;
    size_t at = 0;
    for (const Span& sp : spans) {
        if (sp.begin >= text.size() || sp.end <= sp.begin) continue;
        const size_t end = std::min<size_t>(sp.end, text.size());
        x += font->CalcTextSizeA(size, FLT_MAX, 0.0f, t + at, t + sp.begin).x;
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, t + sp.begin, t + end).x;
        const float x1 = std::min(x + w, clip_x);
        if (x < x1) dl->AddRectFilled(ImVec2(x - 1, pos.y), ImVec2(x1 + 1, pos.y + size + 1), mark_color(), size * 0.15f);
        x += w;
        at = end;
        if (x >= clip_x) break;
    }
}

bool marked_line(std::string_view text, const std::vector<Span>& spans, float width, ImU32 color) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const char* b = text.data();
    const char* e = b + text.size();
    const ImVec2 ts = ImGui::CalcTextSize(b, e, false);
    const float h = ImGui::GetTextLineHeight();
    width = std::max(width, 1.0f);
    const bool cut = ts.x > width;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Marks stop where the ellipsis starts (RenderTextEllipsis keeps whole glyphs before it).
    const float ellipsis_w = cut ? ImGui::CalcTextSize("\xE2\x80\xA6").x : 0.0f;
    draw_marks(dl, pos, text, spans, pos.x + std::min(ts.x, width) - ellipsis_w);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::RenderTextEllipsis(dl, pos, ImVec2(pos.x + width, pos.y + h), pos.x + width, b, e, &ts);
    if (color) ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(std::min(ts.x, width), h));
    return cut;
}

bool marked_two_lines(std::string_view text, const std::vector<Span>& spans, float width, ImU32 color) {
    width = std::max(width, 1.0f);
    const char* b = text.data();
    const char* e = b + text.size();
    if (ImGui::CalcTextSize(b, e, false).x <= width) {
        marked_line(text, spans, width, color);  // the second line stays empty
        return false;
    }
    // The first line breaks where ImGui's own wrapping would (after a word, or mid-word when a
    // word is wider than the column); the rest goes on the second line, cut with "..." if longer.
    const char* brk = ImGui::GetFont()->CalcWordWrapPosition(ImGui::GetFontSize(), b, e, width);
    if (brk <= b) brk = b + 1;
    while (brk < e && (*brk & 0xC0) == 0x80) brk++;  // never split a code point
    const uint32_t cut = uint32_t(brk - b);
    std::vector<Span> first, second;
    for (const Span& sp : spans) {
        if (sp.begin < cut) first.push_back({sp.begin, std::min(sp.end, cut)});
        if (sp.end > cut) second.push_back({std::max(sp.begin, cut), sp.end});
    }
    marked_line(text.substr(0, cut), first, width, color);
    // Spaces at the break belong to neither line.
    uint32_t rest = cut;
    while (rest < text.size() && text[rest] == ' ') rest++;
    for (Span& sp : second) {
        sp.begin = sp.begin > rest ? sp.begin - rest : 0;
        sp.end = sp.end > rest ? sp.end - rest : 0;
    }
    marked_line(text.substr(rest), second, width, color);
    return ImGui::CalcTextSize(b + rest, e, false).x > width;
}

void votes_badge(int32_t votes) {
    char buf[32];
    if (votes == kNoVotes) std::snprintf(buf, sizeof buf, "  -  ");
    else std::snprintf(buf, sizeof buf, "%d", votes);
    ImVec2 ts = ImGui::CalcTextSize(buf);
    float em = ImGui::GetFontSize();
    ImVec2 size(std::max(ts.x + em * 0.9f, em * 2.6f), ImGui::GetFrameHeight());
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = ImGui::GetColorU32(ImGuiCol_FrameBg);
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, size.y * 0.5f);
    ImU32 col = votes == kNoVotes ? muted_color() : text_color();
    dl->AddText(ImVec2(p.x + (size.x - ts.x) * 0.5f, p.y + (size.y - ts.y) * 0.5f), col, buf);
    ImGui::Dummy(size);
}

void wrapped_text(ImFont* font, std::string_view text, ImU32 color) {
    ImGui::PushFont(font, 0.0f);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
    ImGui::PopFont();
}

}  // namespace dv
