// cmark-gfm set-up (markdown.h). Registering the core extensions touches a process-wide list, so
// it happens once, before the first parse, under a static initialiser (thread-safe in C++11).
#include "markdown.h"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "cmark-gfm.h"
extern "C" {
#include "cmark-gfm-core-extensions.h"
#include "strikethrough.h"
#include "table.h"
}

#include "text.h"

namespace dv {

namespace {

struct Extensions {
    cmark_syntax_extension* table = nullptr;
    cmark_syntax_extension* autolink = nullptr;
    cmark_syntax_extension* strikethrough = nullptr;
    cmark_syntax_extension* tagfilter = nullptr;
};

const Extensions& extensions() {
    static const Extensions ext = [] {
        cmark_gfm_core_extensions_ensure_registered();
        Extensions e;
        e.table = cmark_find_syntax_extension("table");
        e.autolink = cmark_find_syntax_extension("autolink");
        e.strikethrough = cmark_find_syntax_extension("strikethrough");
        e.tagfilter = cmark_find_syntax_extension("tagfilter");
        return e;
    }();
    return ext;
}

#if defined(__SANITIZE_ADDRESS__)
#define DV_DOC_ARENA 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DV_DOC_ARENA 0
#endif
#endif
#ifndef DV_DOC_ARENA
#define DV_DOC_ARENA 1
#endif

#if DV_DOC_ARENA
// The thread's arena. Each allocation is preceded by its size (realloc copies that much); the
// last one can grow or be freed in place (cmark's buffers grow one at a time, and many of its
// temporaries are freed in reverse order). Blocks are kept for the next document on the thread.
struct Arena {
    static constexpr size_t kBlock = size_t(256) << 10;
    static constexpr size_t kAlign = 8;
    struct Block {
        char* data;
        size_t size;
    };
    std::vector<Block> blocks;  // blocks[cur] is being filled; the others before it are full
    size_t cur = 0, used = 0;
    char* last = nullptr;       // the most recent allocation (its payload)
    int docs = 0;               // documents alive on this thread

    static size_t& size_of(void* p) { return *reinterpret_cast<size_t*>(static_cast<char*>(p) - kAlign); }

    void* alloc(size_t n) {
        const size_t need = kAlign + ((n + kAlign - 1) & ~(kAlign - 1));
        while (cur < blocks.size() && used + need > blocks[cur].size) {
            ++cur;
            used = 0;
        }
        if (cur == blocks.size()) {
            const size_t size = need > kBlock ? need : kBlock;
            char* data = static_cast<char*>(std::malloc(size));
            if (!data) return nullptr;
            blocks.push_back({data, size});
            used = 0;
        }
        char* p = blocks[cur].data + used + kAlign;
        used += need;
        size_of(p) = n;
        last = p;
        return p;
    }
    // The bytes after `p` in the current block, if p is the last allocation (else 0).
    size_t room_after_last(void* p) const {
        if (p != last) return 0;
        return blocks[cur].size - size_t(static_cast<char*>(p) - blocks[cur].data);
    }
    void* realloc(void* p, size_t n) {
        if (!p) return alloc(n);
        const size_t old = size_of(p);
        if (n <= old) return p;
        if (room_after_last(p) >= n) {  // grow in place
            used = size_t(static_cast<char*>(p) - blocks[cur].data) + ((n + kAlign - 1) & ~(kAlign - 1));
            size_of(p) = n;
            return p;
        }
        void* q = alloc(n);
        if (q) std::memcpy(q, p, old);
        return q;
    }
    void free(void* p) {
        if (p && p == last) {  // give the bytes back
            used = size_t(static_cast<char*>(p) - blocks[cur].data) - kAlign;
            last = nullptr;
        }
    }
    // After the last document: keep one block for the next, return the rest.
    void reset() {
        for (size_t i = 1; i < blocks.size(); ++i) std::free(blocks[i].data);
        if (blocks.size() > 1) blocks.erase(blocks.begin() + 1, blocks.end());
        cur = used = 0;
        last = nullptr;
    }
    ~Arena() {
        for (Block& b : blocks) std::free(b.data);
    }
};
thread_local Arena t_arena;

void* arena_calloc(size_t count, size_t size) {
    const size_t n = count * size;
    if (size && n / size != count) return nullptr;
    void* p = t_arena.alloc(n);
    if (p) std::memset(p, 0, n);
    return p;
}
void* arena_realloc(void* p, size_t n) { return t_arena.realloc(p, n); }
void arena_free(void* p) { t_arena.free(p); }
cmark_mem g_arena_mem = {arena_calloc, arena_realloc, arena_free};

// The allocator documents (and what is rendered from them) use.
cmark_mem* docs_allocator() { return &g_arena_mem; }
void release_doc(cmark_node*) {
    if (--t_arena.docs == 0) t_arena.reset();
}
cmark_mem* doc_mem() {
    ++t_arena.docs;
    return docs_allocator();
}
#else
cmark_mem* docs_allocator() { return cmark_get_default_mem_allocator(); }
void release_doc(cmark_node* root) { cmark_node_free(root); }
cmark_mem* doc_mem() { return docs_allocator(); }
#endif

}  // namespace

MarkdownDoc& MarkdownDoc::operator=(MarkdownDoc&& o) noexcept {
    if (this != &o) {
        if (root_) release_doc(root_);
        root_ = o.root_;
        o.root_ = nullptr;
    }
    return *this;
}

MarkdownDoc::~MarkdownDoc() {
    if (root_) release_doc(root_);
}

MarkdownDoc parse_markdown(std::string_view text, int options) {
    const Extensions& ext = extensions();
    cmark_mem* mem = doc_mem();
    cmark_parser* parser = cmark_parser_new_with_mem(options, mem);
    cmark_node* doc = nullptr;
    if (parser) {
        for (cmark_syntax_extension* e : {ext.table, ext.autolink, ext.strikethrough, ext.tagfilter})
            if (e) cmark_parser_attach_syntax_extension(parser, e);
        cmark_parser_feed(parser, text.data(), text.size());
        doc = cmark_parser_finish(parser);
        cmark_parser_free(parser);
    }
#if DV_DOC_ARENA
    if (!doc) release_doc(nullptr);  // nothing holds the arena
#endif
    return MarkdownDoc(doc);
}

std::string render_commonmark(cmark_node* n) {
    char* r = cmark_render_commonmark(n, CMARK_OPT_DEFAULT, 0);
    if (!r) return {};
    std::string out(r);
    // The renderer allocates with the document's allocator (the thread's arena, or malloc under
    // AddressSanitizer), so the result goes back to it.
    docs_allocator()->free(r);
    return out;
}

namespace {

// Where line l (without its indentation) could start a block of its own after a line of paragraph
// text (a setext underline, heading, list item, quote, fence, thematic break, html or table row):
// the offset of the character a backslash would make literal (the first, or an ordered list's '.'
// or ')' after its digits), or npos if it cannot. A cheap test that says yes to more lines than
// start blocks.
size_t block_marker_at(std::string_view l) {
    if (l.empty()) return std::string_view::npos;
    if (std::strchr("-=#>*+_`~<|", l[0])) return 0;
    size_t d = 0;
    while (d < l.size() && d < 9 && l[d] >= '0' && l[d] <= '9') ++d;
    return d > 0 && d < l.size() && (l[d] == '.' || l[d] == ')') ? d : std::string_view::npos;
}

// True if `line` starts a block after `before` (markdown ending in a line break, or empty):
// parsed together when checks are left (one is spent), assumed so when none are.
bool starts_block(std::string_view before, std::string_view line, unsigned& checks_left) {
    if (checks_left == 0) return true;
    --checks_left;
    std::string doc(before);
    doc.append(line);
    doc += '\n';
    return !is_one_paragraph(doc);
}

}  // namespace

void append_paragraph_line(std::string& text, std::string_view line, unsigned& checks_left) {
    if (text.empty()) {
        text.append(line);
        return;
    }
    const size_t nl = text.rfind('\n');
    const std::string_view prev = std::string_view(text).substr(nl == std::string::npos ? 0 : nl + 1);
    // The last line after a line of text (so it is read as a paragraph's line too), then `line`:
    // one paragraph, or `line` started a block (a table header needs the line before).
    const bool deep = block_marker_at(ltrim_spaces(line)) != std::string_view::npos &&
                      starts_block("x\n" + std::string(prev) + "\n", line, checks_left);
    text += '\n';
    if (deep) text.append(4, ' ');
    text.append(line);
}

void append_continued_first_line(std::string& text, std::string_view line, unsigned& checks_left) {
    line = ltrim_spaces(line);
    const size_t at = block_marker_at(line);
    if (at == std::string_view::npos || !starts_block({}, line, checks_left)) {
        text.append(line);
        return;
    }
    text.append(line.substr(0, at));
    text += '\\';
    text.append(line.substr(at));
}

bool is_one_paragraph(std::string_view md) {
    const MarkdownDoc doc = parse_markdown(md, 0);
    cmark_node* first = doc ? cmark_node_first_child(doc.root()) : nullptr;
    return first && !cmark_node_next(first) && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
}

bool is_table(cmark_node* n) { return extensions().table && cmark_node_get_type(n) == CMARK_NODE_TABLE; }
bool is_table_row(cmark_node* n) { return extensions().table && cmark_node_get_type(n) == CMARK_NODE_TABLE_ROW; }
bool is_table_cell(cmark_node* n) { return extensions().table && cmark_node_get_type(n) == CMARK_NODE_TABLE_CELL; }
bool is_strikethrough(cmark_node* n) {
    return extensions().strikethrough && cmark_node_get_type(n) == CMARK_NODE_STRIKETHROUGH;
}

}  // namespace dv
