// digest-cli query: the deduplicated library filtered by a query, sorted, as JSON.
#include "cli.h"
#include "core/export.h"

namespace dvcli {

int cmd_query(const Options& o) {
    Selection sel;
    if (!load_selection(o, sel)) return kExitIo;
    const dv::Library& lib = sel.lib;
    const std::vector<dv::Diagnostic>& diags = sel.diagnostics;
    const std::vector<uint32_t>& result = sel.result;
    const std::vector<std::string>& errors = sel.query_errors;

    nlohmann::json j = nlohmann::json::object();
    nlohmann::json papers = nlohmann::json::array();
    size_t n = result.size();
    if (o.limit >= 0 && size_t(o.limit) < n) n = size_t(o.limit);
    for (size_t i = 0; i < n; ++i) {
        papers.push_back(dv::entry_json(lib, result[i]));
        if (o.why) papers.back()["why"] = dv::why_json(lib, result[i], sel.query);
    }
    j["papers"] = std::move(papers);
    j["count"] = result.size();
    j["library"] = {{"files", lib.files.size()},
                    {"papers", lib.entries.size()},
                    {"listed", lib.total_listed},
                    {"days", lib.days.size()}};
    j["query_errors"] = errors;
    nlohmann::json d = nlohmann::json::array();
    for (const dv::Diagnostic& x : diags) d.push_back(dv::diagnostic_json(x));
    j["diagnostics"] = std::move(d);
    return write_output(dump_json(j, o.pretty), o.output) ? kExitOk : kExitIo;
}

}  // namespace dvcli
