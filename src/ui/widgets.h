// Small drawing helpers shared by the panels.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/highlight.h"

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
// The background of a matched term (highlight.h spans), readable in the dark and light themes.
ImU32 mark_color();

// Draws mark_color() behind the spans (byte ranges of text, sorted) of text laid out on one line
// at pos in `font` at `size` (the current ones if null/0); nothing right of clip_x. Call before
// drawing the text itself so the text stays on top.
void draw_marks(ImDrawList* dl, ImVec2 pos, std::string_view text, const std::vector<Span>& spans, float clip_x,
                ImFont* font = nullptr, float size = 0.0f);
// One line of text in at most `width`, with "..." (U+2026) where it is cut and marks behind the
// spans. Advances the cursor like TextUnformatted. Returns true if the text was cut, so the caller
// can show the whole of it on hover.
bool marked_line(std::string_view text, const std::vector<Span>& spans, float width, ImU32 color = 0);
// The same over at most two lines: the text wraps once where ImGui wraps words, the second line
// is cut with "..." (a text that fits takes one line). Returns true if the text was cut.
bool marked_two_lines(std::string_view text, const std::vector<Span>& spans, float width, ImU32 color = 0);

}  // namespace dv
