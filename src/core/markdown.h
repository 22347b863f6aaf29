// One place that knows how the digests' markdown is parsed: cmark-gfm with the extensions GitHub
// renders these files with (tables, bare-URL autolinks, strikethrough, tag filter). The digest
// parser and the summary renderer both call it, so a summary reads the same in both.
#pragma once

#include <string>
#include <string_view>

struct cmark_node;

namespace dv {

// A parsed document. Its nodes, strings and the extensions' data live in a bump arena of the
// thread that parsed it (one allocation per block of 256 KB instead of one per node and string:
// malloc and free were a seventh of the parse), which is released when the last document still
// alive on that thread is destroyed; nested documents (a "```markdown" block read as markdown)
// share it. So: use root() only while the MarkdownDoc lives, on the thread that made it, and do
// not call cmark_node_free on it. Under AddressSanitizer the arena is off (every node its own
// malloc, so overruns are still caught). Null root only if memory ran out.
class MarkdownDoc {
public:
    MarkdownDoc() = default;
    explicit MarkdownDoc(cmark_node* root) : root_(root) {}
    MarkdownDoc(MarkdownDoc&& o) noexcept : root_(o.root_) { o.root_ = nullptr; }
    MarkdownDoc& operator=(MarkdownDoc&& o) noexcept;
    MarkdownDoc(const MarkdownDoc&) = delete;
    MarkdownDoc& operator=(const MarkdownDoc&) = delete;
    ~MarkdownDoc();
    cmark_node* root() const { return root_; }
    explicit operator bool() const { return root_ != nullptr; }

private:
    cmark_node* root_ = nullptr;
};

// Parses `text` (valid UTF-8). `options` are CMARK_OPT_* flags. Thread-safe.
MarkdownDoc parse_markdown(std::string_view text, int options);

// The CommonMark source of node n and its children, as cmark-gfm writes it back (escaped so it
// reads as the same nodes). n must belong to a live MarkdownDoc of this thread.
std::string render_commonmark(cmark_node* n);

// Appends `line` to paragraph text `text` as its next line (after a '\n' unless `text` is empty).
// The reader keeps a paragraph's lines without their indentation, so a line that continued the
// paragraph only because it was indented ("text" then "    - x") would start a block of its own
// when the text is read as markdown by itself (the export writes it into a list item): such a
// line (after `text`'s last line it starts a block, which parsing the two lines decides) is
// written 4 spaces deep, where it can only continue the paragraph. Found by tests/fuzz.
// checks_left: the parses still allowed (decremented); at 0 a line that might start a block is
// written deep unasked (always right, only less tidy), so a file of a million such lines does not
// cost a million parses.
void append_paragraph_line(std::string& text, std::string_view line, unsigned& checks_left);

// Appends `line` as the first line of `text` (empty): a line that continued a paragraph in the
// source (the lines before it were fields the reader took), or a table cell's text. Escaped with
// a backslash where by itself it would start a block ("- x" then reads as the text "- x", not a
// list). Same budget as append_paragraph_line.
void append_continued_first_line(std::string& text, std::string_view line, unsigned& checks_left);

// True if `md` read as a document by itself is one paragraph and nothing else.
bool is_one_paragraph(std::string_view md);

// Node kinds the extensions add (their type numbers are assigned at registration, so they are
// compared here rather than in switch statements).
bool is_table(cmark_node* n);
bool is_table_row(cmark_node* n);
bool is_table_cell(cmark_node* n);
bool is_strikethrough(cmark_node* n);

}  // namespace dv
