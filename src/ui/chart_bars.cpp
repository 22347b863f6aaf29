// The ranked bars of the charts window (charts.h): top papers by votes, top authors by papers and
// by total votes. A row's click selects the paper or searches for the author.
#include <algorithm>
#include <string>

#include "charts.h"
#include "core/date.h"
#include "core/export.h"
#include "core/query.h"
#include "imgui.h"
#include "widgets.h"

namespace dv {

namespace {

struct HBar {
    std::string_view label;
    double value;
    bool selected = false;
};

// Returns the hovered row (or -1); *clicked is set when that row was clicked.
int hbars(App& app, const char* id, const std::vector<HBar>& rows, float w, float label_w, bool* clicked) {
    *clicked = false;
    if (rows.empty()) {
        ImGui::TextDisabled("Nothing in the result.");
        return -1;
    }
    const chart::Palette pal = chart::palette();
    const float em = ImGui::GetFontSize();
    const float row_h = ImGui::GetTextLineHeight() + em * 0.35f;
    double maxv = 1;
    for (const HBar& r : rows) maxv = std::max(maxv, r.value);
    chart::push_small_font(app.font_size);
    const float value_w = ImGui::CalcTextSize("00,000").x + em * 0.3f;
    ImGui::PopFont();
    const chart::Frame f = chart::frame(id, w, row_h * rows.size() + em * 1.5f, label_w, 0, value_w, em * 1.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::vector<double> xt = nice_ticks(0, maxv, std::max(2, int(f.w() / (em * 4))));
    const double xtop = std::max(maxv, xt.empty() ? maxv : xt.back());
    LinearScale xs{0, xtop, f.p0.x, f.p1.x};
    chart::push_small_font(app.font_size);
    std::vector<chart::Tick> ticks;
    for (double v : xt) ticks.push_back({float(xs.map(v)), format_tick(v)});
    chart::x_axis(dl, f, ticks, true);
    ImGui::PopFont();
    int hovered = -1;
    if (f.hovered && f.mouse.y >= f.p0.y && f.mouse.y < f.p0.y + row_h * rows.size()) hovered = int((f.mouse.y - f.p0.y) / row_h);
    for (size_t i = 0; i < rows.size(); ++i) {
        const float y0 = f.p0.y + row_h * i, y1 = y0 + row_h;
        const bool hov = int(i) == hovered;
        if (hov) dl->AddRectFilled(ImVec2(f.o0.x, y0), ImVec2(f.o1.x, y1), ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.5f));
        const std::string label = chart::ellipsize(rows[i].label, label_w - em * 0.5f);
        const float ty = y0 + (row_h - ImGui::GetTextLineHeight()) * 0.5f;
        dl->AddText(ImVec2(f.o0.x, ty), rows[i].selected ? pal.bar_selected : text_color(hov ? 1.0f : 0.85f), label.c_str());
        const float bx1 = std::max(f.p0.x + 1.0f, float(xs.map(rows[i].value)));
        dl->AddRectFilled(ImVec2(f.p0.x, y0 + row_h * 0.18f), ImVec2(bx1, y1 - row_h * 0.18f),
                          rows[i].selected ? pal.bar_selected : hov ? pal.bar_hover : pal.bar, 2.0f);
        chart::push_small_font(app.font_size);
        const std::string v = format_count(uint64_t(rows[i].value));
        dl->AddText(ImVec2(bx1 + em * 0.3f, y0 + (row_h - ImGui::GetTextLineHeight()) * 0.5f), pal.label, v.c_str());
        ImGui::PopFont();
    }
    *clicked = hovered >= 0 && f.clicked;
    return hovered;
}

}  // namespace

void chart_top_papers(App& app, float w) {
    const Stats& s = app.charts.stats;
    chart_section(app, "Top papers", "by votes; click to select", "top-papers.csv", [&] { return csv_top_papers(app.lib, s); });
    std::vector<HBar> rows;
    for (uint32_t e : s.top_papers) {
        const Paper& p = entry_paper(app.lib, app.lib.entries[e]);
        rows.push_back({get(p, p.title), double(app.lib.entries[e].votes), int64_t(e) == app.selected});
    }
    bool clicked = false;
    const int h = hbars(app, "##toppapers", rows, w, std::max(w * 0.6f, w - 22 * ImGui::GetFontSize()), &clicked);
    if (h >= 0) {
        const uint32_t e = s.top_papers[h];
        const Entry& en = app.lib.entries[e];
        const Paper& p = entry_paper(app.lib, en);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        paper_title_text(app, rows[h].label);
        ImGui::Text("#%d: %d votes, %s", h + 1, en.votes, format_date(en.date).c_str());
        std::string authors;
        for (size_t i = 0; i < p.authors.size() && i < 4; ++i) authors += (i ? ", " : "") + std::string(get(p, p.authors[i]));
        if (p.authors.size() > 4) authors += ", ...";
        if (!authors.empty()) ImGui::TextDisabled("%s", authors.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("Click: select");
        ImGui::EndTooltip();
        if (clicked) app_select(app, e);
    }
}

void chart_authors(App& app, float w, bool by_votes) {
    const Stats& s = app.charts.stats;
    const std::vector<AuthorStat>& a = by_votes ? s.top_authors_by_votes : s.top_authors_by_papers;
    chart_section(app, by_votes ? "Top authors by total votes" : "Top authors by papers", "", by_votes ? "authors-by-votes.csv" : "authors-by-papers.csv",
            [&] { return csv_authors(a); });
    std::vector<HBar> rows;
    for (const AuthorStat& x : a) rows.push_back({x.name, by_votes ? double(x.votes) : double(x.papers)});
    bool clicked = false;
    const int h = hbars(app, by_votes ? "##authv" : "##authp", rows, w, std::clamp(w * 0.42f, 6 * ImGui::GetFontSize(), 13 * ImGui::GetFontSize()), &clicked);
    if (h >= 0) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(a[h].name.c_str());
        ImGui::Text("%u papers, %s votes in total", a[h].papers, format_count(uint64_t(std::max<int64_t>(0, a[h].votes))).c_str());
        ImGui::TextDisabled("Click: search %s", author_term(a[h].name).c_str());
        ImGui::EndTooltip();
        if (clicked) chart_narrow(app, author_term(a[h].name));
    }
}

}  // namespace dv
