// Small drawing helpers shared by the panels.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "imgui.h"

namespace dv {

std::string format_count(uint64_t n);                 // 12,345
bool toggle_button(const char* label, bool on);       // a button drawn pressed when on
void votes_badge(int32_t votes);                      // "▲ 52" pill, "–" when null
// Text in `font` at the current size, wrapped at the content width.
void wrapped_text(ImFont* font, std::string_view text, ImU32 color = 0);
ImU32 text_color(float alpha = 1.0f);
ImU32 muted_color();
ImU32 accent_color();

}  // namespace dv
