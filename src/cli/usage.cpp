// digest-cli --help and --version texts.
#include <cstdio>

#include "cli.h"

namespace dvcli {

const char* version_string() { return "0.1.0"; }

void print_usage(bool to_stderr) {
    std::FILE* f = to_stderr ? stderr : stdout;
    std::fputs(
        "Usage:\n"
        "  digest-cli parse [--json] [--pretty] FILE|DIR...\n"
        "      Every paper as written (one per ### heading, before dedupe), in file order,\n"
        "      with the parser's diagnostics; --json adds \"files\": each file's source,\n"
        "      format (the shape it was read as), paper count and listing date.\n"
        "  digest-cli query QUERY [--sort date|votes|title|percentile] [--asc|--desc]\n"
        "                   [--limit N] [--pretty] [--triage FILE] [--why] FILE|DIR...\n"
        "      The deduplicated library filtered by QUERY, as JSON. --why adds each paper's\n"
        "      \"why\": the fields matched, the title's match spans (bytes), matched authors and,\n"
        "      for a paper matched only in its summary, the list's snippet. --triage reads the viewer's\n"
        "      triage file (stars, read, hidden, notes) for is:starred etc.; hidden papers are\n"
        "      left out unless the query names is:hidden (also for stats and export).\n"
        "  digest-cli stats [--json] [--pretty] [--query Q] [--trend TERM]... [--trend-by week|month]\n"
        "                   FILE|DIR...\n"
        "      Vote histogram, per-day figures, top papers and authors, weekdays. Each --trend\n"
        "      adds a term trend: per ISO week (or month) of each paper's first listing, the\n"
        "      papers matching TERM with Q's filters (votes, date, label, triage) and all papers\n"
        "      (\"trend\": [{term, period, matching, total}]).\n"
        "  digest-cli export [--format json|csv|md] [--query Q] [--sort KEY] [--asc|--desc]\n"
        "                    [--limit N] [-o FILE] FILE|DIR...\n"
        "      The (filtered) library as JSON, CSV (RFC 4180) or digest markdown.\n"
        "  digest-cli fetch-hf --out DIR [--days N | --from YYYY-MM-DD --to YYYY-MM-DD]\n"
        "                     [--hf-base URL] [--force] [--attempts N] [--timeout S] [--today D]\n"
        "      Hugging Face Daily Papers days (GET URL/api/daily_papers?date=D, base\n"
        "      https://huggingface.co), one DIR/YYYY-MM-DD.json per day, a line per day.\n"
        "      Without --days or a range: the days after DIR's latest (or the last 7).\n"
        "      Days in DIR older than yesterday are not fetched again unless --force;\n"
        "      429 (Retry-After), 5xx and timeouts are retried (4 attempts unless\n"
        "      --attempts). --today fixes \"today\" (UTC) for reproducible runs.\n"
        "  digest-cli --help | --version\n"
        "\n"
        "Directories are read recursively for *.md, *.markdown and *.json files (sorted; names\n"
        "starting with '.' skipped); files are read whatever their name. Output goes to stdout\n"
        "(or -o FILE); JSON is compact unless --pretty.\n"
        "\n"
        "Query language: words (AND), \"a phrase\", -exclude, title: author: summary: label:,\n"
        "votes>=N votes<N votes:A..B, date:2024-06 date:2024-06-01..2024-06-30,\n"
        "is:starred is:read is:unread is:hidden is:new has:note note:word (with --triage).\n"
        "\n"
        "Exit status: 0 ok (malformed file content is reported as diagnostics, not an error),\n"
        "1 unreadable input, unwritable output or an unusable --triage file (fetch-hf: any day failed),\n"
        "2 usage error.\n",
        f);
}

}  // namespace dvcli
