// The detail pane: the selected paper in full. Title, dates, votes, all authors, the summary
// rendered from its markdown (labels such as What's New as headed sections), links and copy.
#include <cstdio>

#include "app.h"
#include "core/bibtex.h"
#include "core/date.h"
#include "core/inline_markdown.h"
#include "imgui.h"
#include "imgui_internal.h"  // GetActiveID / ClearActiveID: Esc closes the note editor
#include "imgui_stdlib.h"
#include "panels.h"
#include "rich_text.h"
#include "widgets.h"

namespace dv {

struct DetailCache {
    int64_t entry = -1;
    uint64_t generation = UINT64_MAX;
    std::vector<std::vector<TextRun>> items;
};

static void link_button(App& app, const char* label, const std::string& url) {
    if (ImGui::TextLink(label) && app.host.open_url && is_web_url(url)) {
        app.host.open_url(url.c_str());
        app_viewed(app, app.selected);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", url.c_str());
}

// Star / Read / Hide / Note, the same as s x h n.
static void triage_buttons(App& app) {
    const TriageMark* m = app_mark(app, (uint32_t)app.selected);
    if (toggle_button(m && m->starred ? "Starred (s)" : "Star (s)", m && m->starred)) app_toggle_mark(app, app.selected, Mark::Starred);
    ImGui::SameLine();
    if (toggle_button(m && m->read ? "Read (x)" : "Unread (x)", m && m->read)) app_toggle_mark(app, app.selected, Mark::Read);
    ImGui::SameLine();
    if (toggle_button(m && m->hidden ? "Hidden (h)" : "Hide (h)", m && m->hidden)) app_toggle_mark(app, app.selected, Mark::Hidden);
    ImGui::SameLine();
    if (toggle_button(m && !m->note.empty() ? "Edit note (n)" : "Note (n)", app.editing_note)) {
        if (app.editing_note) app.editing_note = false;
        else open_note_editor(app);
    }
    if (app_is_new(app, (uint32_t)app.selected)) {
        const char* kNew = "new since your last visit";
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(kNew).x) ImGui::NewLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(ImVec4(0.35f, 0.75f, 1.0f, 1.0f), "%s", kNew);
    }
}

// The note: rendered like a summary; 'n' edits it in place. Every edit is stored as typed, so
// Esc (which closes the editor) or moving to another paper loses nothing.
static void note_section(App& app) {
    static std::vector<TextRun> runs;
    static std::string runs_of;
    const float em = ImGui::GetFontSize();
    if (app.editing_note && app.note_entry != app.selected) app.editing_note = false;  // another paper
    const TriageMark* m = app_mark(app, (uint32_t)app.selected);
    if (app.editing_note) {
        ImGui::PushFont(app.fonts.bold, 0.0f);
        ImGui::TextUnformatted("Your note");
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("markdown; Esc closes, nothing is lost");
        const ImGuiID id = ImGui::GetID("##note");
        if (ImGui::GetActiveID() == id && ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            // Handled before the field sees it: ImGui's Esc would revert the text.
            app.editing_note = false;
            ImGui::ClearActiveID();
        } else {
            if (app.focus_note) {
                ImGui::SetKeyboardFocusHere();
                app.focus_note = false;
            }
            if (ImGui::InputTextMultiline("##note", &app.note_draft, ImVec2(-1, 6 * em))) app_set_note(app, app.note_entry, app.note_draft);
        }
        ImGui::Spacing();
        return;
    }
    if (!m || m->note.empty()) return;
    if (runs_of != m->note) {
        runs = inline_runs(m->note);
        runs_of = m->note;
    }
    ImGui::PushFont(app.fonts.bold, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
    ImGui::TextUnformatted("Your note");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    draw_runs(app, runs, ImGui::GetContentRegionAvail().x);
    ImGui::Spacing();
    ImGui::Separator();
}

void panel_detail(App& app) {
    static DetailCache cache;
    const float em = ImGui::GetFontSize();
    if (app.selected < 0 || app.selected >= (int64_t)app.lib.entries.size()) {
        ImGui::Dummy(ImVec2(0, em));
        ImGui::TextDisabled("Select a paper (click, or j/k and Enter).");
        return;
    }
    const Entry& e = app.lib.entries[(size_t)app.selected];
    const Paper& p = entry_paper(app.lib, e);
    if (cache.entry != app.selected || cache.generation != app.lib.generation) {
        cache.entry = app.selected;
        cache.generation = app.lib.generation;
        cache.items.clear();
        for (const SummaryItem& s : p.summary) cache.items.push_back(inline_runs(get(p, s.text)));
        ImGui::SetScrollY(0);
    }
    const float wrap = ImGui::GetContentRegionAvail().x;

    // Title.
    ImGui::PushFont(app.fonts.bold, app.font_size * 1.3f);
    ImGui::PushTextWrapPos(0.0f);
    std::string_view title = get(p, p.title);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();

    // Date(s), votes, percentile.
    std::string dates = format_date(e.date);
    if (e.appearance_count > 1) {
        dates += "  (listed on";
        for (uint32_t i = 0; i < e.appearance_count; i++) {
            dates += ' ';
            dates += format_date(app.lib.appearances[e.first_appearance + i].date);
        }
        dates += ")";
    }
    votes_badge(e.votes);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (e.percentile >= 0) ImGui::Text("votes   %s   %.0fth percentile of its day", dates.c_str(), e.percentile);
    else ImGui::Text("votes   %s", dates.empty() ? "date unknown" : dates.c_str());

    // Links and copy actions.
    std::string id(get(p, p.arxiv_id));
    std::string url(get(p, p.url));
    if (!url.empty()) link_button(app, "arXiv", url);
    if (!id.empty()) {
        ImGui::SameLine();
        link_button(app, "PDF", "https://arxiv.org/pdf/" + id);
        ImGui::SameLine();
        link_button(app, "Hugging Face", "https://huggingface.co/papers/" + id);
    }
    // Copy actions go on the same line only if they fit whole.
    const ImGuiStyle& st = ImGui::GetStyle();
    float copy_w = ImGui::CalcTextSize("Copy titleCopy linkCopy BibTeX").x + 6 * st.FramePadding.x + 2 * st.ItemSpacing.x;
    ImGui::SameLine(0, em);
    if (ImGui::GetContentRegionAvail().x < copy_w) ImGui::NewLine();
    if (ImGui::SmallButton("Copy title")) {
        ImGui::SetClipboardText(std::string(title).c_str());
        app_set_status(app, "Copied the title");
    }
    ImGui::SameLine();
    if (!url.empty() && ImGui::SmallButton("Copy link")) {
        ImGui::SetClipboardText(url.c_str());
        app_set_status(app, "Copied the link");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy BibTeX")) {
        ImGui::SetClipboardText(bibtex_entry(p).c_str());
        app_set_status(app, "Copied a BibTeX entry");
    }
    triage_buttons(app);
    ImGui::Separator();

    ImGui::BeginChild("##detailbody");
    note_section(app);
    // Authors, all of them, wrapped.
    if (!p.authors.empty()) {
        std::string authors;
        for (size_t i = 0; i < p.authors.size(); i++) {
            if (i) authors += ", ";
            authors += get(p, p.authors[i]);
        }
        ImGui::TextDisabled("%d authors", (int)p.authors.size());
        wrapped_text(app.fonts.regular, authors, muted_color());
        ImGui::Spacing();
    }

    // Summary: labels as headed sections, plain items as bullets.
    const float body_wrap = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < p.summary.size() && i < cache.items.size(); i++) {
        const SummaryItem& s = p.summary[i];
        std::string_view label = get(p, s.label);
        float indent = s.level * 1.2f * em;
        if (!label.empty()) {
            ImGui::Spacing();
            ImGui::PushFont(app.fonts.bold, 0.0f);
            ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
            ImGui::TextUnformatted(label.data(), label.data() + label.size());
            ImGui::PopStyleColor();
            ImGui::PopFont();
            if (indent > 0) ImGui::Indent(indent);
            draw_runs(app, cache.items[i], body_wrap - indent);
            if (indent > 0) ImGui::Unindent(indent);
        } else {
            const float bullet_w = 1.1f * em + indent;
            ImVec2 pos = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + indent + 0.4f * em, pos.y + 0.55f * em),
                                                        0.16f * em, muted_color());
            ImGui::Indent(bullet_w);
            draw_runs(app, cache.items[i], body_wrap - bullet_w);
            ImGui::Unindent(bullet_w);
        }
    }
    if (p.summary.empty()) ImGui::TextDisabled("This paper has no summary.");
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextDisabled("From %s, line %u", entry_source(app.lib, e).c_str(), p.line);
    (void)wrap;
    ImGui::EndChild();
}

}  // namespace dv
