// digest-cli parse: every paper as written (one per ### heading, before dedupe), in file order.
#include <cstdio>
#include <string>

#include "cli.h"
#include "core/date.h"
#include "core/export.h"
#include "core/parser.h"

namespace dvcli {

int cmd_parse(const Options& o) {
    std::vector<InputFile> inputs;
    if (!collect_inputs(o.paths, inputs)) return kExitIo;

    nlohmann::json papers = nlohmann::json::array();
    nlohmann::json diags = nlohmann::json::array();
    nlohmann::json files = nlohmann::json::array();
    std::string text;
    size_t count = 0;
    for (const InputFile& f : inputs) {
        dv::ParseResult r = dv::parse(f.bytes, f.name);
        count += r.papers.size();
        if (o.json) {
            // What each file was read as: its shape, paper count and listing date (null if none).
            nlohmann::json fj = nlohmann::json::object();
            fj["source"] = f.name;
            fj["format"] = r.format;
            fj["papers"] = r.papers.size();
            fj["date"] = r.date == dv::kNoDate ? nlohmann::json(nullptr) : nlohmann::json(dv::format_date(r.date));
            files.push_back(std::move(fj));
        }
        for (const dv::Diagnostic& d : r.diagnostics) {
            if (o.json) {
                diags.push_back(dv::diagnostic_json(d));
            } else {
                text += d.source + ":" + std::to_string(d.line) + ": " + dv::severity_name(d.severity) + ": " + d.message + "\n";
            }
        }
        for (const dv::Paper& p : r.papers) {
            if (o.json) {
                papers.push_back(dv::paper_json(p, f.name));
            } else {
                std::string date = dv::format_date(p.date);
                text += f.name + ":" + std::to_string(p.line) + "\t" + (date.empty() ? "-" : date) + "\t" +
                        (p.votes == dv::kNoVotes ? std::string("-") : std::to_string(p.votes)) + "\t" +
                        std::string(dv::get(p, p.title)) + "\n";
            }
        }
    }
    if (!o.json) {
        text += std::to_string(count) + " papers in " + std::to_string(inputs.size()) + " files\n";
        return write_output(text, o.output) ? kExitOk : kExitIo;
    }
    nlohmann::json j = nlohmann::json::object();
    j["papers"] = std::move(papers);
    j["diagnostics"] = std::move(diags);
    j["files"] = std::move(files);
    return write_output(dump_json(j, o.pretty), o.output) ? kExitOk : kExitIo;
}

}  // namespace dvcli
