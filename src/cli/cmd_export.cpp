// digest-cli export: the (filtered, sorted) library as JSON, CSV or digest markdown.
#include "cli.h"
#include "core/export.h"

namespace dvcli {

int cmd_export(const Options& o) {
    Selection sel;
    if (!load_selection(o, sel)) return kExitIo;
    const dv::Library& lib = sel.lib;
    std::vector<dv::Diagnostic>& diags = sel.diagnostics;
    std::vector<uint32_t>& result = sel.result;
    const std::vector<std::string>& errors = sel.query_errors;
    if (o.limit >= 0 && size_t(o.limit) < result.size()) result.resize(size_t(o.limit));
    for (const std::string& e : errors) {
        dv::Diagnostic d;
        d.source = "query";
        d.severity = dv::Severity::Warning;
        d.message = e;
        diags.push_back(std::move(d));
    }

    std::string out;
    if (o.format == "csv") {
        out = dv::export_csv(lib, result);
    } else if (o.format == "md") {
        out = dv::export_markdown(lib, result);
    } else if (o.pretty) {
        nlohmann::json j = nlohmann::json::object();
        nlohmann::json papers = nlohmann::json::array();
        for (uint32_t e : result) papers.push_back(dv::entry_json(lib, e));
        j["papers"] = std::move(papers);
        nlohmann::json d = nlohmann::json::array();
        for (const dv::Diagnostic& x : diags) d.push_back(dv::diagnostic_json(x));
        j["diagnostics"] = std::move(d);
        out = dump_json(j, true);
    } else {
        out = dv::export_json(lib, result, diags);
        out += '\n';
    }
    return write_output(out, o.output) ? kExitOk : kExitIo;
}

}  // namespace dvcli
