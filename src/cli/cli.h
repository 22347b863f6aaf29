// digest-cli: shared declarations of the command-line tool (options, inputs, output, commands).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/library.h"
#include "core/query.h"
#include "core/trend.h"
#include "core/triage.h"

namespace dvcli {

// "digest-cli[ COMMAND]: msg" and the --help hint on stderr; returns kExitUsage. The one way every
// command reports a usage error (main.cpp).
int usage_error(const std::string& msg, const char* command = nullptr);

// Exit codes: 0 success, 1 I/O error (unreadable input, unwritable output), 2 usage error.
constexpr int kExitOk = 0;
constexpr int kExitIo = 1;
constexpr int kExitUsage = 2;

struct Options {
    std::string command;               // "parse", "query", "stats", "export"
    std::string query;                 // query text (positional for `query`, --query otherwise)
    bool has_query = false;
    bool json = false;                 // --json
    bool pretty = false;               // --pretty
    dv::Sort sort;
    bool sort_given = false, direction_given = false;
    long long limit = -1;              // --limit N; < 0 = all
    std::string format = "json";       // export --format json|csv|md
    std::string output;                // -o FILE; empty = stdout
    std::string triage;                // --triage FILE: the reader's marks for is:starred etc.
    std::vector<std::string> trend;    // stats --trend TERM (repeatable): term trends (core/trend.h)
    bool trend_months = false;         // stats --trend-by month (default: ISO weeks)
    bool why = false;                  // query --why: each paper's "why" (dv::why_json)
    std::vector<std::string> paths;
};

// One input file, read whole.
struct InputFile {
    std::string name;                  // the path as shown in JSON (as given, or joined under a dir)
    std::string bytes;
};

// Expands the path arguments: files as given (any extension), directories walked for digests
// (dv::walk_digest_files: the same files the viewer opens from a folder). Reads every file. On an I/O error, prints a message to stderr and returns
// false.
bool collect_inputs(const std::vector<std::string>& paths, std::vector<InputFile>& out);

// Writes bytes to stdout, or to `path` if not empty; false (after a message on stderr) on error.
bool write_output(std::string_view bytes, const std::string& path);
// The JSON text for a value built by a command: compact, or 2-space indented with --pretty.
// Invalid UTF-8 is replaced, never thrown on. Ends with a newline.
std::string dump_json(const nlohmann::json& value, bool pretty);

// library_add for every input, then one library_rebuild. Returns every diagnostic in input order:
// those the library keeps with its files, plus those of inputs it did not keep (rejected, or the
// same bytes as an input already loaded).
std::vector<dv::Diagnostic> load_library(const std::vector<InputFile>& inputs, dv::Library& lib);
// The entries the options select: --query filter (errors appended to `errors`), sorted.
// With `ctx`, the triage terms of the query apply and hidden papers are left out.
std::vector<uint32_t> select_entries(const dv::Library& lib, const Options& o, std::vector<std::string>& errors,
                                     const dv::QueryContext* ctx = nullptr);

// What query, stats and export start from: the inputs read, the library built from them, and the
// entries the options select.
struct Selection {
    dv::Library lib;
    std::vector<dv::Diagnostic> diagnostics;
    std::vector<uint32_t> result;
    std::vector<std::string> query_errors;
    dv::Query query;                   // the parsed QUERY / --query (for --why)
    dv::Triage triage;                 // from --triage (empty without)
    dv::QueryContext triage_ctx;
};
// collect_inputs + load_library + select_entries (with --triage read first). False on an I/O
// error or an unusable triage file (already reported).
bool load_selection(const Options& o, Selection& s);

void print_usage(bool to_stderr);
const char* version_string();

int cmd_parse(const Options& o);
int cmd_query(const Options& o);
int cmd_stats(const Options& o);
int cmd_export(const Options& o);
// fetch-hf parses its own arguments (none of the library options apply).
int cmd_fetch_hf(int argc, char** argv);

}  // namespace dvcli
