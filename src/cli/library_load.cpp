// digest-cli: building the deduplicated library from the inputs, and selecting entries from it.
#include "cli.h"

#include <cstdio>
#include <string_view>

#include "core/file_io.h"
#include "core/parallel.h"
#include <unordered_map>

namespace dvcli {

std::vector<dv::Diagnostic> load_library(const std::vector<InputFile>& inputs, dv::Library& lib) {
    // Parsed on every core (library_add_all), committed in input order: library_add's answers.
    std::vector<dv::FileBytes> files;
    files.reserve(inputs.size());
    for (const InputFile& f : inputs) files.push_back({f.name, f.bytes});
    const std::vector<dv::AddResult> results = dv::library_add_all(lib, files, dv::hardware_threads());
    dv::library_rebuild(lib);

    // Name lookups through maps: a whole corpus folder is thousands of inputs.
    std::unordered_map<std::string_view, size_t> last_input;
    for (size_t i = 0; i < inputs.size(); ++i) last_input[inputs[i].name] = i;
    std::unordered_map<std::string_view, const dv::LoadedFile*> loaded;
    for (const dv::LoadedFile& lf : lib.files) loaded.emplace(lf.name, &lf);

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
        if (last_input[inputs[i].name] != i) continue;
        auto kept = loaded.find(inputs[i].name);
        if (kept != loaded.end())
            out.insert(out.end(), kept->second->diagnostics.begin(), kept->second->diagnostics.end());
    }
    return out;
}

std::vector<uint32_t> select_entries(const dv::Library& lib, const Options& o, std::vector<std::string>& errors,
                                     const dv::QueryContext* ctx) {
    dv::Query q = dv::parse_query(o.has_query ? std::string_view(o.query) : std::string_view());
    errors.insert(errors.end(), q.errors.begin(), q.errors.end());
    std::vector<uint32_t> r = dv::run_query(lib, q, o.sort, nullptr, ctx);
    return r;
}

bool load_selection(const Options& o, Selection& s) {
    if (!o.triage.empty()) {  // first: a bad triage file fails before the corpus is read
        std::string bytes, err;
        if (!dv::read_file_bytes(o.triage, bytes, err)) {
            std::fprintf(stderr, "digest-cli: %s\n", err.c_str());
            return false;
        }
        if (!dv::triage_parse(bytes, s.triage, err)) {
            std::fprintf(stderr, "digest-cli: %s: %s\n", o.triage.c_str(), err.c_str());
            return false;
        }
    }
    std::vector<InputFile> inputs;
    if (!collect_inputs(o.paths, inputs)) return false;
    s.diagnostics = load_library(inputs, s.lib);
    inputs.clear();
    inputs.shrink_to_fit();  // the library holds what it needs
    s.query = dv::parse_query(o.has_query ? std::string_view(o.query) : std::string_view());
    if (!o.triage.empty()) {
        // The file's last visit is the one "is:new" compares with.
        s.triage_ctx = dv::make_query_context(s.lib, s.triage, dv::VisitInfo{s.triage.last_visit, s.triage.seen_days});
        s.result = select_entries(s.lib, o, s.query_errors, &s.triage_ctx);
    } else {
        s.result = select_entries(s.lib, o, s.query_errors);
    }
    return true;
}

}  // namespace dvcli
