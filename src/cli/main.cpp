// digest-cli entry point: argument parsing and dispatch to one command.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "cli.h"

namespace dvcli {

int usage_error(const std::string& msg, const char* command) {
    std::fprintf(stderr, "digest-cli%s%s: %s\n", command ? " " : "", command ? command : "", msg.c_str());
    std::fprintf(stderr, "Try 'digest-cli --help'.\n");
    return kExitUsage;
}

namespace {


bool parse_limit(std::string_view s, long long& out) {
    if (s.empty() || s.size() > 12) return false;
    long long v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

int run(int argc, char** argv) {
    if (argc < 2) {
        print_usage(true);
        return kExitUsage;
    }
    std::string_view first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        print_usage(false);
        return kExitOk;
    }
    if (first == "--version" || first == "-V") {
        std::printf("digest-cli %s\n", version_string());
        return kExitOk;
    }
    if (first == "fetch-hf") return cmd_fetch_hf(argc, argv);
    Options o;
    o.command = std::string(first);
    bool takes_query_positional = o.command == "query";
    if (o.command != "parse" && o.command != "query" && o.command != "stats" && o.command != "export")
        return usage_error("unknown command '" + o.command + "'");

    bool options_done = false;
    for (int i = 2; i < argc; ++i) {
        std::string_view a = argv[i];
        auto value = [&](std::string_view, std::string& out) -> bool {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        if (!options_done && a.size() > 1 && a[0] == '-') {
            std::string v;
            if (a == "--") {
                options_done = true;
            } else if (a == "--help" || a == "-h") {
                print_usage(false);
                return kExitOk;
            } else if (a == "--json") {
                o.json = true;
            } else if (a == "--pretty") {
                o.pretty = true;
            } else if (a == "--why") {
                o.why = true;
            } else if (a == "--asc") {
                o.sort.descending = false;
                o.direction_given = true;
            } else if (a == "--desc") {
                o.sort.descending = true;
                o.direction_given = true;
            } else if (a == "--sort") {
                if (!value(a, v)) return usage_error("--sort needs a value: date, votes, title or percentile");
                if (!dv::parse_sort_key(v, o.sort.key))
                    return usage_error("unknown sort key '" + v + "' (date, votes, title, percentile)");
                o.sort_given = true;
            } else if (a == "--limit") {
                if (!value(a, v) || !parse_limit(v, o.limit))
                    return usage_error("--limit needs a non-negative integer");
            } else if (a == "--query" || a == "-q") {
                if (!value(a, v)) return usage_error("--query needs a value");
                o.query = v;
                o.has_query = true;
            } else if (a == "--format" || a == "-f") {
                if (!value(a, v)) return usage_error("--format needs a value: json, csv or md");
                if (v == "markdown") v = "md";
                if (v != "json" && v != "csv" && v != "md")
                    return usage_error("unknown format '" + v + "' (json, csv, md)");
                o.format = v;
            } else if (a == "--triage") {
                if (!value(a, v) || v.empty()) return usage_error("--triage needs a triage file (triage.json)");
                o.triage = v;
            } else if (a == "--trend") {
                if (!value(a, v) || v.empty()) return usage_error("--trend needs a term (a query: diffusion, \"world model\")");
                o.trend.push_back(v);
            } else if (a == "--trend-by") {
                if (!value(a, v) || (v != "week" && v != "month")) return usage_error("--trend-by needs week or month");
                o.trend_months = v == "month";
            } else if (a == "-o" || a == "--output") {
                if (!value(a, v) || v.empty()) return usage_error("-o needs a file name");
                o.output = v;
            } else if (takes_query_positional && !o.has_query && a[1] != '-') {
                // `query -survey DIR`: a negated query word, not an option.
                o.query = std::string(a);
                o.has_query = true;
            } else {
                return usage_error("unknown option '" + std::string(a) + "'");
            }
            continue;
        }
        if (takes_query_positional && !o.has_query) {
            o.query = std::string(a);
            o.has_query = true;
            continue;
        }
        o.paths.emplace_back(a);
    }

    // Options that make no sense for a command are usage errors rather than silently ignored.
    if (o.command == "query" && !o.has_query) return usage_error("query: missing the QUERY argument");
    if (o.command == "parse" && (o.has_query || o.sort_given || o.direction_given || o.limit >= 0))
        return usage_error("parse takes no --query, --sort or --limit (it lists papers as written)");
    if (o.command != "export" && o.format != "json") return usage_error("--format is only for export");
    if (o.command == "parse" && !o.triage.empty()) return usage_error("parse takes no --triage (it lists papers as written)");
    if (o.command != "stats" && !o.trend.empty()) return usage_error("--trend is only for stats");
    if (o.command != "query" && o.why) return usage_error("--why is only for query");
    if (o.paths.empty()) return usage_error(o.command + ": no input FILE or DIR given");
    // A title sort reads naturally ascending; every other key descending, unless told otherwise.
    if (o.sort_given && !o.direction_given) o.sort.descending = o.sort.key != dv::SortKey::Title;

    if (o.command == "parse") return cmd_parse(o);
    if (o.command == "query") return cmd_query(o);
    if (o.command == "stats") return cmd_stats(o);
    return cmd_export(o);
}

}  // namespace dvcli

int main(int argc, char** argv) { return dvcli::run(argc, argv); }
