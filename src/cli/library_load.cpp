// digest-cli: building the deduplicated library from the inputs, and selecting entries from it.
#include "cli.h"

namespace dvcli {

std::vector<dv::Diagnostic> load_library(const std::vector<InputFile>& inputs, dv::Library& lib) {
    std::vector<dv::AddResult> results;
    results.reserve(inputs.size());
    for (const InputFile& f : inputs) results.push_back(dv::library_add(lib, f.name, f.bytes));
    dv::library_rebuild(lib);

    std::vector<dv::Diagnostic> out;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const dv::AddResult& r = results[i];
        if (r.kind == dv::AddResult::Duplicate) {
            dv::Diagnostic d;
            d.source = inputs[i].name;
            d.severity = dv::Severity::Info;
            d.message = "same content as a file already loaded: skipped";
            out.push_back(std::move(d));
        }
        if (r.kind == dv::AddResult::Duplicate || r.kind == dv::AddResult::Rejected) {
            out.insert(out.end(), r.diagnostics.begin(), r.diagnostics.end());
            continue;
        }
        // Kept files: what the library holds for this name (a later input of the same name
        // replaced an earlier one, so report each kept file once, at its last occurrence).
        bool later_same_name = false;
        for (size_t j = i + 1; j < inputs.size(); ++j)
            if (inputs[j].name == inputs[i].name) later_same_name = true;
        if (later_same_name) continue;
        for (const dv::LoadedFile& lf : lib.files)
            if (lf.name == inputs[i].name) out.insert(out.end(), lf.diagnostics.begin(), lf.diagnostics.end());
    }
    return out;
}

std::vector<uint32_t> select_entries(const dv::Library& lib, const Options& o, std::vector<std::string>& errors) {
    dv::Query q = dv::parse_query(o.has_query ? std::string_view(o.query) : std::string_view());
    errors.insert(errors.end(), q.errors.begin(), q.errors.end());
    std::vector<uint32_t> r = dv::run_query(lib, q, o.sort);
    return r;
}

bool load_selection(const Options& o, Selection& s) {
    std::vector<InputFile> inputs;
    if (!collect_inputs(o.paths, inputs)) return false;
    s.diagnostics = load_library(inputs, s.lib);
    inputs.clear();
    inputs.shrink_to_fit();  // the library holds what it needs
    s.result = select_entries(s.lib, o, s.query_errors);
    return true;
}

}  // namespace dvcli
