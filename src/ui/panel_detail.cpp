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

static void link_button(App& app, const char* label, const std::string& url) {
    if (ImGui::TextLink(label) && app.host.open_url && is_web_url(url)) {
        app.host.open_url(url.c_str());
        app_viewed(app, app.selected);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", url.c_str());
}

// What kind of source a file is, for the heading above its record.
static const char* source_kind(const std::string& format) {
    if (format == "hf-api-json") return "Hugging Face API";
    if (format == "hf-page-json") return "Hugging Face page";
    if (format == "hf-ko-json") return "Hugging Face, translated";
    if (format == "daily-papers-ko") return "Daily Papers digest";
    return "digest";
}

// A summary's identity: records that read the same (a day's file, its revision, its README copy)
// are shown once, under all their names.
static std::string summary_key(const Paper& p) {
    std::string k;
    for (const SummaryItem& s : p.summary) {
        k += get(p, s.label);
        k += '\x1f';
        k += get(p, s.text);
        k += '\x1e';
    }
    return k;
}

static void build_records(const Library& lib, const Entry& e, std::vector<DetailRecord>& out) {
    out.clear();
    std::vector<std::string> keys;
    auto add = [&](uint32_t file, uint32_t paper) {
        const Paper& p = lib.files[file].papers[paper];
        const LoadedFile& f = lib.files[file];
        // The kind, then the file's last two path parts ("hf/2024-06-06.json"): enough to tell sources apart.
        size_t cut = f.name.find_last_of("/\\");
        if (cut != std::string::npos && cut > 0) cut = f.name.find_last_of("/\\", cut - 1);
        std::string shortname = cut == std::string::npos ? f.name : f.name.substr(cut + 1);
        std::string name = std::string(source_kind(f.format)) + " \xC2\xB7 " + shortname + ", line " + std::to_string(p.line);
        std::string key = summary_key(p);
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) {
                out[i].sources.push_back(std::move(name));
                return;
            }
        keys.push_back(std::move(key));
        DetailRecord r;
        r.file = file;
        r.paper = paper;
        r.sources.push_back(std::move(name));
        for (const SummaryItem& s : p.summary) r.items.push_back(inline_runs(get(p, s.text)));
        out.push_back(std::move(r));
    };
    add(e.file, e.paper);  // the shown record first
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l) {
        const Listing& li = lib.listings[l];
        if (li.file != e.file || li.paper != e.paper) add(li.file, li.paper);
    }
}

// One record's summary: labels as headed sections, plain items as bullets.
static void draw_summary(App& app, const Paper& p, const DetailRecord& rec, float body_wrap) {
    const float em = ImGui::GetFontSize();
    for (size_t i = 0; i < p.summary.size() && i < rec.items.size(); i++) {
        const SummaryItem& s = p.summary[i];
        std::string_view label = get(p, s.label);
        float indent = s.level * 1.2f * em;
        // The query's matches in the text as drawn (highlight.h): a few hundred bytes per item.
        const std::vector<Span> marks = match_spans(app.query, Field::Summary, runs_text(rec.items[i]));
        if (!label.empty()) {
            ImGui::Spacing();
            ImGui::PushFont(app.fonts.bold, 0.0f);
            ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(label.data(), label.data() + label.size());
            ImGui::PopTextWrapPos();
            ImGui::PopStyleColor();
            ImGui::PopFont();
            if (indent > 0) ImGui::Indent(indent);
            draw_runs(app, rec.items[i], body_wrap - indent, &marks);
            if (indent > 0) ImGui::Unindent(indent);
        } else {
            const float bullet_w = 1.1f * em + indent;
            ImVec2 pos = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + indent + 0.4f * em, pos.y + 0.55f * em),
                                                        0.16f * em, muted_color());
            ImGui::Indent(bullet_w);
            draw_runs(app, rec.items[i], body_wrap - bullet_w, &marks);
            ImGui::Unindent(bullet_w);
        }
    }
    if (p.summary.empty()) ImGui::TextDisabled("No summary in this source.");
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
    std::vector<TextRun>& runs = app.detail.note_runs;
    std::string& runs_of = app.detail.note_runs_of;
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
    DetailCache& cache = app.detail;
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
        build_records(app.lib, e, cache.records);
        ImGui::SetScrollY(0);
    }
    const float wrap = ImGui::GetContentRegionAvail().x;

    // Title.
    // Title, with the query's matches marked (drawn as one bold run so the marks wrap with it).
    ImGui::PushFont(app.fonts.bold, app.font_size * 1.3f);
    std::string_view title = get(p, p.title);
    {
        std::vector<TextRun> runs(1);
        runs[0].text = std::string(title);
        runs[0].style = RunBold;
        const std::vector<Span> marks = match_spans(app.query, Field::Title, title);
        draw_runs(app, runs, ImGui::GetContentRegionAvail().x, &marks);
    }
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
    // Authors, all of them, wrapped (from another source if the shown one names none).
    const Paper* ap = &p;
    for (uint32_t l = e.first_listing; ap->authors.empty() && l < e.first_listing + e.listing_count; ++l)
        ap = &listing_paper(app.lib, app.lib.listings[l]);
    if (!ap->authors.empty()) {
        std::string authors;
        for (size_t i = 0; i < ap->authors.size(); i++) {
            if (i) authors += ", ";
            authors += get(*ap, ap->authors[i]);
        }
        ImGui::TextDisabled("%d authors", (int)ap->authors.size());
        wrapped_text(app.fonts.regular, authors, muted_color());
        ImGui::Spacing();
    }

    // Summaries: each source's under its name when sources differ (issue 8: sources add up).
    const float body_wrap = ImGui::GetContentRegionAvail().x;
    const bool several = cache.records.size() > 1;
    for (const DetailRecord& rec : cache.records) {
        const Paper& rp = app.lib.files[rec.file].papers[rec.paper];
        if (several) {
            ImGui::Spacing();
            ImGui::PushFont(app.fonts.bold, app.font_size * 1.05f);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(rec.sources.front().c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            for (size_t k = 1; k < rec.sources.size(); ++k) ImGui::TextDisabled("also %s", rec.sources[k].c_str());
        }
        draw_summary(app, rp, rec, body_wrap);
        if (several) ImGui::Separator();
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (!several && !cache.records.empty()) {
        for (const std::string& src : cache.records.front().sources) ImGui::TextDisabled("From %s", src.c_str());
    } else {
        ImGui::TextDisabled("Listed by %u files", e.listing_count);
    }
    (void)wrap;
    ImGui::EndChild();
}

}  // namespace dv
