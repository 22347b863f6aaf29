// The digest parser: sanitize, let cmark-gfm build the AST (with source positions), find the
// entries that each carry one paper (md_entries.cpp), read each into a paper (md_read.cpp), and
// date them. Hugging Face JSON goes to hf_json.cpp instead. See md_doc.h for the two passes.
#include "parser.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "cmark-gfm.h"
#include "date.h"
#include "hf_json.h"
#include "markdown.h"
#include "md_doc.h"
#include "paper_builder.h"
#include "parse_fields.h"
#include "text.h"

namespace dv {

namespace md {

constexpr size_t kMaxDiagnostics = 40;  // per file, from the walk; the rest are counted

SourceText::SourceText(std::string_view t) : text(t) {
    line_starts.reserve(t.size() / 48 + 2);
    line_starts.push_back(0);
    const char* base = t.data();
    const char* p = base;
    const char* end = base + t.size();
    while (p < end) {
        const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
        if (!nl) break;
        p = static_cast<const char*>(nl) + 1;
        line_starts.push_back(static_cast<size_t>(p - base));
    }
}

std::string_view SourceText::line(int ln) const {
    if (ln < 1 || static_cast<size_t>(ln) > line_starts.size()) return {};
    size_t b = line_starts[static_cast<size_t>(ln) - 1];
    size_t e = static_cast<size_t>(ln) < line_starts.size() ? line_starts[static_cast<size_t>(ln)] - 1 : text.size();
    return text.substr(b, e - b);
}


void SourceText::paragraph_source(cmark_node* para, std::string& out) const {
    int sl = cmark_node_get_start_line(para), el = cmark_node_get_end_line(para);
    int sc = cmark_node_get_start_column(para);
    for (int ln = sl; ln <= el; ++ln) {
        std::string_view l = rtrim_spaces(ln == sl ? from_column(line(ln), sc) : ltrim_spaces(line(ln)));
        if (ln == sl) out.append(l);
        else append_paragraph_line(out, l, block_checks_left);
    }
}

void SourceText::block_source(cmark_node* b, std::string& out) const {
    const size_t start = out.size();
    int sl = cmark_node_get_start_line(b), el = cmark_node_get_end_line(b);
    // A fenced code block closed by the end of its container (a list item, a quote) ends, in
    // cmark-gfm's positions, on the line that closed it, which is not its own (the next item, a
    // heading): no block ends after its parent (found in review: the text gained that line).
    if (cmark_node* p = cmark_node_parent(b); p && cmark_node_get_type(p) != CMARK_NODE_DOCUMENT)
        el = std::min(el, cmark_node_get_end_line(p));
    int sc = cmark_node_get_start_column(b);
    size_t indent = sc > 1 ? static_cast<size_t>(sc - 1) : 0;
    // A table that interrupted a paragraph starts at its header row (scripts/patches), but with
    // the paragraph's start column, which an indented first line of the paragraph put right of
    // the row's own text (" Author:t" over "||k": the row lost its "|" and, written back, was no
    // table; found by tests/fuzz, table_after_indented_paragraph.md). At the document's margin a
    // row starts at its first non-space character.
    const bool margin_table = is_table(b) && cmark_node_get_type(cmark_node_parent(b)) == CMARK_NODE_DOCUMENT;
    for (int ln = sl; ln <= el; ++ln) {
        std::string_view l = line(ln);
        if (ln == sl) {
            l = margin_table ? ltrim_spaces(l) : from_column(l, sc);
        } else {
            size_t k = 0;
            while (k < indent && k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
            l.remove_prefix(k);
        }
        if (ln > sl) out.push_back('\n');
        out.append(rtrim_spaces(l));
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    int fence_len = 0, fence_offset = 0;
    char fence_char = 0;
    if (cmark_node_get_type(b) == CMARK_NODE_CODE_BLOCK && !cmark_node_get_fenced(b, &fence_len, &fence_offset, &fence_char)) {
        // An indented code block, sliced, has lost the indentation that made it code: as text (a
        // summary item, which the export writes as a list item) its links would come alive (ids
        // pass 1 never saw in code) and its inner indentation would go. Fenced, it stays code
        // (found by tests/fuzz). The fence is longer than any backtick run inside.
        size_t run = 0, longest = 0;
        for (char c : out) {
            run = c == '`' ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        const std::string fence(std::max<size_t>(3, longest + 1), '`');
        out.insert(out.begin() + long(start), fence.begin(), fence.end());
        out.insert(out.begin() + long(start + fence.size()), '\n');
        out.push_back('\n');
        out += fence;
    }
}

std::string_view literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? std::string_view(s, std::strlen(s)) : std::string_view();
}

void flatten_node(cmark_node* node, std::string& out) {
    cmark_node* cur = node;
    while (cur) {
        switch (cmark_node_get_type(cur)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_HTML_INLINE: out.append(literal(cur)); break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out.push_back(' '); break;
            default: break;
        }
        if (cmark_node* c = cmark_node_first_child(cur)) {
            cur = c;
            continue;
        }
        while (cur != node && !cmark_node_next(cur)) cur = cmark_node_parent(cur);
        cur = cur == node ? nullptr : cmark_node_next(cur);
    }
}

void flatten_children(cmark_node* parent, std::string& out) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) flatten_node(c, out);
}

void Diags::add(uint32_t line, Severity sev, std::string msg) {
    if (shown >= kMaxDiagnostics) {
        ++suppressed;
        return;
    }
    ++shown;
    r->diagnostics.push_back({r->source, line ? line + line_base : 0, sev, std::move(msg)});
}

}  // namespace md

namespace {

// YAML front matter ("---\n...\n---\n" at the very start): its date, and the text with the block
// blanked (newlines kept, so line numbers stay) so that cmark does not read it as a heading.
bool front_matter(std::string_view text, int32_t& date, std::string& blanked) {
    if (text.substr(0, 4) != "---\n") return false;
    size_t close = std::string_view::npos;
    for (size_t p = text.find('\n', 4); p != std::string_view::npos && p < 8192; p = text.find('\n', p + 1)) {
        std::string_view l = text.substr(p + 1, 4);
        if (l == "---\n" || l == "...\n" || (text.size() - p - 1 == 3 && text.substr(p + 1) == "---")) {
            close = p + 1;
            break;
        }
    }
    if (close == std::string_view::npos) return false;
    const size_t end = std::min(text.size(), close + 3);
    std::string_view fm = text.substr(4, close - 4);
    for (size_t i = 0; i < fm.size();) {
        size_t e = fm.find('\n', i);
        if (e == std::string_view::npos) e = fm.size();
        std::string_view l = trim(fm.substr(i, e - i));
        if (l.substr(0, 5) == "date:" || l.substr(0, 5) == "Date:") {
            bool valid = false;
            int32_t d;
            if (find_date(l.substr(5), d, valid) && valid) date = d;
        }
        i = e + 1;
    }
    blanked.assign(text);
    for (size_t i = 0; i < end; ++i)
        if (blanked[i] != '\n') blanked[i] = ' ';
    return true;
}

// One id listed twice in one file is one paper: the first listing, with the highest votes seen
// and what it lacks (authors, thumbnail, summary) taken from the repeat.
size_t merge_repeats(std::vector<PaperDraft>& drafts) {
    std::unordered_map<std::string, size_t> first;
    std::vector<PaperDraft> out;
    out.reserve(drafts.size());
    size_t merged = 0;
    for (PaperDraft& d : drafts) {
        if (d.arxiv_id.empty()) {
            out.push_back(std::move(d));
            continue;
        }
        auto [it, fresh] = first.try_emplace(d.arxiv_id, out.size());
        if (fresh) {
            out.push_back(std::move(d));
            continue;
        }
        ++merged;
        PaperDraft& k = out[it->second];
        if (d.votes != kNoVotes && (k.votes == kNoVotes || d.votes > k.votes)) k.votes = d.votes;
        if (k.authors.empty()) k.authors = std::move(d.authors);
        if (k.thumbnail.empty()) k.thumbnail = std::move(d.thumbnail);
        if (k.summary.empty()) k.summary = std::move(d.summary);
        if (k.date == kNoDate) k.date = d.date;
    }
    drafts = std::move(out);
    return merged;
}

// What reading a file's markdown gathers before its papers are built: pass 1's findings about the
// file as a whole, the drafts in order, and the diagnostics of reading them, held back so that
// they follow pass 1's own (as they do when the file is read whole).
struct Gathered {
    md::Found file;                   // format, first heading's date, "last updated", impossible dates, empty tables
    std::vector<PaperDraft> drafts;
    std::vector<uint8_t> undated;     // per draft: no dated heading above it (it takes the file's date)
    ParseResult entry_diags;          // capped as md::Diags caps (its source is not used)
    md::Diags entry_diag_sink{&entry_diags};

    Gathered() = default;
    Gathered(const Gathered&) = delete;  // the sink points at entry_diags
    Gathered& operator=(const Gathered&) = delete;
};

// Pass 2 over one document's entries (the whole file, or a piece of it starting at line base + 1).
void read_entries(const md::Found& found, const md::SourceText& src, uint32_t base, Gathered& g) {
    g.entry_diag_sink.line_base = base;
    for (const md::Entry& e : found.entries) {
        PaperDraft d;
        md::read_entry(e, src, g.entry_diag_sink, d);
        if (d.title.empty()) {
            d.title = "(untitled)";
            g.entry_diag_sink.add(d.line, Severity::Warning, "paper heading without a title");
        }
        if (d.line) d.line += base;
        const bool undated = !e.date.invalid && e.date.date == kNoDate;
        d.date = e.date.invalid ? kNoDate : e.date.date;
        g.drafts.push_back(std::move(d));
        g.undated.push_back(undated);
    }
    for (uint32_t ln : found.invalid_date_lines) g.file.invalid_date_lines.push_back(ln + base);
    if (found.first_heading_date.set()) g.file.first_heading_date = found.first_heading_date;
    if (g.file.updated_date == kNoDate) g.file.updated_date = found.updated_date;
    g.file.empty_tables += found.empty_tables;
}

bool read_whole(std::string_view text, Gathered& g) {
    const MarkdownDoc parsed = parse_markdown(text, CMARK_OPT_SOURCEPOS);
    if (!parsed.root()) return false;
    md::SourceText src(text);
    md::Found found;
    md::find_entries(parsed.root(), src, found);
    g.file.format = found.format;
    g.drafts.reserve(found.entries.size());
    read_entries(found, src, 0, g);
    return true;
}

// Whether a cut may go before the line starting at ls (read_in_pieces says where and why).
bool is_cut(std::string_view t, size_t ls) {
    size_t k = ls;
    while (k < t.size() && k - ls < 2 && t[k] == '#') ++k;
    if (k == ls || (k < t.size() && t[k] != ' ' && t[k] != '\t' && t[k] != '\n' && t[k] != '\r')) return false;
    if (ls < 2) return false;
    size_t p = ls - 1;  // the '\n' ending the line before
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t' || t[p - 1] == '\r')) --p;
    return p > 0 && t[p - 1] == '\n';  // that line is blank (and not the first)
}
// The first cut at a line starting at or after `from`; t.size() if none.
size_t next_cut(std::string_view t, size_t from) {
    if (from >= t.size()) return t.size();
    size_t ls = from;
    if (ls > 0 && t[ls - 1] != '\n') {
        const size_t nl = t.find('\n', ls);
        if (nl == std::string_view::npos) return t.size();
        ls = nl + 1;
    }
    while (ls < t.size()) {
        if (t[ls] == '#' && is_cut(t, ls)) return ls;
        const size_t nl = t.find('\n', ls);
        if (nl == std::string_view::npos) break;
        ls = nl + 1;
    }
    return t.size();
}

// Whether a piece, whose last line (last_line, blank) comes before a cut, ends in a fenced code
// block or an html block that is still open there: the only blocks a heading at the margin does
// not close (it closes lists and quotes, and ends paragraphs, tables, indented code and other
// html blocks at the blank line). cmark ends such an open block on the document's last line; a
// closed one ends on its closing line, before the blank one.
bool ends_in_open_block(cmark_node* doc, int last_line) {
    cmark_node* last = cmark_node_last_child(doc);
    const cmark_node_type ty = last ? cmark_node_get_type(last) : CMARK_NODE_NONE;
    int len, offset;
    char fence;
    const bool may_be_open = ty == CMARK_NODE_HTML_BLOCK || (ty == CMARK_NODE_CODE_BLOCK && cmark_node_get_fenced(last, &len, &offset, &fence));
    return may_be_open && cmark_node_get_end_line(last) >= last_line;
}

// A big file in pieces of about piece_bytes, one piece's AST alive at a time (a whole file's AST
// takes about 8 times its size: 700 MB for 87 MB of digests, most of the time spent on the
// kernel zeroing pages). A piece starts at a "# " or "## " heading at the margin after a blank
// line, where every block before it has closed, unless the piece before ends in a code or html
// block (which may still be open there: that piece then runs on to the next such heading). Link
// reference definitions reach across the whole document, so a file that may hold one ("]:") is
// read whole. Pass 1 walks the pieces as one document (md::FindState) and says at the end whether
// they were read as the whole file would have been; false if not (or if cmark failed): the caller
// then reads again, in pieces with the whole file's choices (`given`) when only those differed,
// else whole.
// `given`: the whole file's choices (md::EntryChoice), when a first reading found them to differ
// from its first piece's; `whole`, `only_choice`: as find_entries_done sets them.
bool read_in_pieces(std::string_view text, size_t piece_bytes, const md::EntryChoice* given, Gathered& g, size_t& pieces,
                    md::EntryChoice& whole, bool& only_choice) {
    pieces = 0;
    md::FindState st;
    unsigned checks_left = md::SourceText(std::string_view()).block_checks_left;
    uint32_t base = 0;
    bool any = false;
    size_t reparsed = 0;  // bytes of pieces parsed again, longer, because they ended in an open block
    for (size_t start = 0; start < text.size();) {
        size_t cut = next_cut(text, start + std::max<size_t>(piece_bytes, 1));
        MarkdownDoc parsed;
        while (true) {
            const std::string_view piece = text.substr(start, cut - start);
            parsed = MarkdownDoc();  // the last attempt's tree goes first: one tree alive at a time
            parsed = parse_markdown(piece, CMARK_OPT_SOURCEPOS);
            if (!parsed.root()) return false;
            if (cut == text.size() || !ends_in_open_block(parsed.root(), int(std::count(piece.begin(), piece.end(), '\n'))))
                break;
            // A fence never closed makes every later cut fall inside it: past one whole file's
            // worth of parsing again, the file is read whole.
            reparsed += piece.size();
            if (reparsed > text.size()) return false;
            cut = next_cut(text, cut + 1);
        }
        const std::string_view piece = text.substr(start, cut - start);
        md::SourceText src(piece);
        src.block_checks_left = checks_left;
        md::Found found;
        md::find_entries_piece(parsed.root(), src, found, st, start == 0, cut < text.size(), given);
        read_entries(found, src, base, g);
        any = any || !found.entries.empty();
        checks_left = src.block_checks_left;
        base += uint32_t(src.line_starts.size() - 1);
        start = cut;
        ++pieces;
    }
    return md::find_entries_done(st, any, g.file.format, whole, only_choice);
}

void build_papers(Gathered& g, int32_t front_date, ParseResult& r);

void parse_markdown_text(std::string_view text, int32_t front_date, size_t piece_bytes, ParseResult& r, size_t& pieces) {
    if (next_cut(text, piece_bytes) < text.size() && text.find("]:") == std::string_view::npos) {
        md::EntryChoice whole;
        bool only_choice = false;
        {
            Gathered g;
            if (read_in_pieces(text, piece_bytes, nullptr, g, pieces, whole, only_choice)) return build_papers(g, front_date, r);
        }
        // The first piece chose otherwise than the whole file would (a title page before the
        // days): again, in pieces, with the whole file's choices.
        if (only_choice) {
            Gathered g;
            const md::EntryChoice given = whole;
            if (read_in_pieces(text, piece_bytes, &given, g, pieces, whole, only_choice)) return build_papers(g, front_date, r);
        }
        pieces = 1;
    }
    Gathered g;
    if (!read_whole(text, g)) {
        r.diagnostics.push_back({r.source, 0, Severity::Error, "markdown parser failed"});
        return;
    }
    build_papers(g, front_date, r);
}

// The papers of a file read (whole or in pieces), dated, repeats merged; diagnostics in order.
void build_papers(Gathered& g, int32_t front_date, ParseResult& r) {
    md::Diags diags{&r};
    r.format = g.file.format;
    for (uint32_t ln : g.file.invalid_date_lines)
        diags.add(ln, Severity::Warning, "section heading has an impossible date: its papers have no date");
    for (Diagnostic& d : g.entry_diags.diagnostics) diags.add(d.line, d.severity, std::move(d.message));  // lines already absolute
    diags.suppressed += g.entry_diag_sink.suppressed;

    // The file's own date, for entries with no dated heading above them: the first heading's
    // date, a "Last updated" line, front matter, the path.
    const md::Found& found = g.file;
    int32_t file_date = kNoDate;
    const char* file_date_from = "";
    if (found.first_heading_date.date != kNoDate) {
        file_date = found.first_heading_date.date;
        file_date_from = "the first heading";
    } else if (found.updated_date != kNoDate) {
        file_date = found.updated_date;
        file_date_from = "its \"last updated\" line";
    } else if (front_date != kNoDate) {
        file_date = front_date;
        file_date_from = "its front matter";
    } else if ((file_date = date_from_path(r.source)) != kNoDate) {
        file_date_from = "the file name";
    }

    std::vector<PaperDraft>& drafts = g.drafts;
    bool used_file_date = false;
    for (size_t i = 0; i < drafts.size(); ++i)
        if (g.undated[i]) {
            drafts[i].date = file_date;
            used_file_date = true;
        }
    if (size_t n = merge_repeats(drafts))
        diags.add(0, Severity::Info, std::to_string(n) + (n == 1 ? " paper" : " papers") + " listed twice in this file: merged");

    if (drafts.empty() && found.empty_tables) {
        diags.add(0, Severity::Info, "no papers listed: the table of papers is empty (a day without papers)");
    } else if (drafts.empty()) {
        diags.add(0, Severity::Warning,
                  "no Daily Papers found (not a digest?): no heading section, table row, <details> block or list item "
                  "here carries an arXiv id or a paper's fields");
    } else if (used_file_date) {
        if (file_date == kNoDate)
            diags.add(0, Severity::Warning,
                      "no dated heading, \"last updated\" line, front matter date or date in the file name: paper dates unknown");
        else
            diags.add(0, Severity::Info, "no dated section heading: date " + format_date(file_date) + " taken from " + file_date_from);
    }

    // The file's listing date: the one date all its papers share, else its own date.
    int32_t common = drafts.empty() ? kNoDate : drafts[0].date;
    for (const PaperDraft& d : drafts)
        if (d.date != common) common = kNoDate;
    r.date = common != kNoDate ? common : file_date;

    r.papers.reserve(drafts.size());
    for (const PaperDraft& d : drafts) r.papers.push_back(build_paper(d));
    if (diags.suppressed)
        r.diagnostics.push_back({r.source, 0, Severity::Info, std::to_string(diags.suppressed) + " more diagnostics not shown"});
}

}  // namespace

ParseResult parse(std::string_view bytes, std::string_view source_name) {
    return parse_detail::parse_in_pieces(bytes, source_name, parse_detail::kPieceBytes);
}

ParseResult parse_detail::parse_in_pieces(std::string_view bytes, std::string_view source_name, size_t piece_bytes,
                                          size_t* pieces) {
    size_t ignored;
    if (!pieces) pieces = &ignored;
    *pieces = 1;
    if (is_json_input(bytes, source_name)) return parse_hf_json(bytes, source_name);  // hf_json.h
    ParseResult r;
    r.source = std::string(source_name);
    try {
        std::string owned;
        std::string_view text;
        if (!input_text(bytes, r.source, r.diagnostics, owned, text)) return r;
        int32_t front_date = kNoDate;
        std::string blanked;
        if (front_matter(text, front_date, blanked)) text = blanked;
        parse_markdown_text(text, front_date, piece_bytes, r, *pieces);
    } catch (const std::exception& e) {
        r.diagnostics.push_back({r.source, 0, Severity::Error, std::string("parse failed: ") + e.what()});
    } catch (...) {
        r.diagnostics.push_back({r.source, 0, Severity::Error, "parse failed"});
    }
    return r;
}

}  // namespace dv
