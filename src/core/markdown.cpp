// cmark-gfm set-up (markdown.h). Registering the core extensions touches a process-wide list, so
// it happens once, before the first parse, under a static initialiser (thread-safe in C++11).
#include "markdown.h"

#include "cmark-gfm.h"
extern "C" {
#include "cmark-gfm-core-extensions.h"
#include "strikethrough.h"
#include "table.h"
}

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

}  // namespace

cmark_node* parse_markdown(std::string_view text, int options) {
    const Extensions& ext = extensions();
    cmark_parser* parser = cmark_parser_new(options);
    if (!parser) return nullptr;
    for (cmark_syntax_extension* e : {ext.table, ext.autolink, ext.strikethrough, ext.tagfilter})
        if (e) cmark_parser_attach_syntax_extension(parser, e);
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

bool is_table(cmark_node* n) { return extensions().table && cmark_node_get_type(n) == CMARK_NODE_TABLE; }
bool is_table_row(cmark_node* n) { return extensions().table && cmark_node_get_type(n) == CMARK_NODE_TABLE_ROW; }
bool is_table_cell(cmark_node* n) { return extensions().table && cmark_node_get_type(n) == CMARK_NODE_TABLE_CELL; }
bool is_strikethrough(cmark_node* n) {
    return extensions().strikethrough && cmark_node_get_type(n) == CMARK_NODE_STRIKETHROUGH;
}

}  // namespace dv
