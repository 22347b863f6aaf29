// digest-cli parse: every paper as written (one per ### heading, before dedupe), in file order.
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cli.h"
#include "core/date.h"
#include "core/export.h"
#include "core/parser.h"

namespace dvcli {

namespace {

// Parses every input, on two threads when there are several files (files are independent; the
// parser's one shared set-up is a static initialiser). Each input's bytes are freed once parsed:
// the papers own their text.
std::vector<dv::ParseResult> parse_all(std::vector<InputFile>& inputs) {
    std::vector<dv::ParseResult> results(inputs.size());
    auto work = [&](size_t first, size_t step) {
        for (size_t i = first; i < inputs.size(); i += step) {
            results[i] = dv::parse(inputs[i].bytes, inputs[i].name);
            std::string().swap(inputs[i].bytes);
        }
    };
    const unsigned cores = std::thread::hardware_concurrency();
    if (inputs.size() < 2 || cores < 2) {
        work(0, 1);
        return results;
    }
    std::thread other(work, 1, 2);
    work(0, 2);
    other.join();
    return results;
}

// The compact JSON streamed to the output as it is made, byte for byte what dumping the whole
// document would give (an object's keys in nlohmann's order: diagnostics, files, papers), without
// holding every paper's JSON at once.
class JsonStream {
public:
    explicit JsonStream(std::FILE* f) : f_(f) {}
    void text(std::string_view s) {
        buf_.append(s.data(), s.size());
        if (buf_.size() >= (1u << 20)) flush();
    }
    void json(const nlohmann::json& j) { text(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)); }
    bool flush() {
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) ok_ = false;
        buf_.clear();
        return ok_;
    }
    bool ok() const { return ok_; }

private:
    std::FILE* f_;
    std::string buf_;
    bool ok_ = true;
};

nlohmann::json file_json(const InputFile& f, const dv::ParseResult& r) {
    // What each file was read as: its shape, paper count and listing date (null if none).
    nlohmann::json fj = nlohmann::json::object();
    fj["source"] = f.name;
    fj["format"] = r.format;
    fj["papers"] = r.papers.size();
    fj["date"] = r.date == dv::kNoDate ? nlohmann::json(nullptr) : nlohmann::json(dv::format_date(r.date));
    return fj;
}

int stream_json(const Options& o, const std::vector<InputFile>& inputs, const std::vector<dv::ParseResult>& results) {
    std::FILE* f = o.output.empty() ? stdout : std::fopen(o.output.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "digest-cli: cannot write '%s': %s\n", o.output.c_str(), std::strerror(errno));
        return kExitIo;
    }
    JsonStream out(f);
    nlohmann::json diags = nlohmann::json::array();
    nlohmann::json files = nlohmann::json::array();
    for (size_t i = 0; i < inputs.size(); ++i) {
        files.push_back(file_json(inputs[i], results[i]));
        for (const dv::Diagnostic& d : results[i].diagnostics) diags.push_back(dv::diagnostic_json(d));
    }
    out.text("{\"diagnostics\":");
    out.json(diags);
    out.text(",\"files\":");
    out.json(files);
    out.text(",\"papers\":[");
    bool first = true;
    for (size_t i = 0; i < inputs.size(); ++i) {
        for (const dv::Paper& p : results[i].papers) {
            if (!first) out.text(",");
            first = false;
            out.json(dv::paper_json(p, inputs[i].name));
        }
    }
    out.text("]}\n");
    bool ok = out.flush();
    ok = std::fflush(f) == 0 && ok;
    if (f != stdout) ok = std::fclose(f) == 0 && ok;
    if (!ok) {
        std::fprintf(stderr, "digest-cli: cannot write '%s'\n", o.output.empty() ? "stdout" : o.output.c_str());
        return kExitIo;
    }
    return kExitOk;
}

}  // namespace

int cmd_parse(const Options& o) {
    std::vector<InputFile> inputs;
    if (!collect_inputs(o.paths, inputs)) return kExitIo;
    const std::vector<dv::ParseResult> results = parse_all(inputs);
    if (o.json && !o.pretty) return stream_json(o, inputs, results);

    nlohmann::json papers = nlohmann::json::array();
    nlohmann::json diags = nlohmann::json::array();
    nlohmann::json files = nlohmann::json::array();
    std::string text;
    size_t count = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
        const InputFile& f = inputs[i];
        const dv::ParseResult& r = results[i];
        count += r.papers.size();
        if (o.json) files.push_back(file_json(f, r));
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
