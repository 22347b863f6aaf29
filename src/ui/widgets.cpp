#include "widgets.h"

#include <cstdio>

#include "core/model.h"

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
