// bench_query: query latency on a ~5k-paper library (the l-yohai corpus) and a ~100k-paper one
// (the corpus replicated 20 times, each copy's markdown edited before parsing: arXiv ids moved to
// a year prefix of their own and section dates shifted by k*366 days, so every copy is new
// papers on other days and goes through library_add like real files). Prints median and p90 per
// query, the overall median, the library rebuild time and the peak RSS (VmHWM).
// Targets: overall median <= 10 ms at 100k papers; peak RSS <= 200 MB.
//
//   bench_query [CORPUS_DIR] [--copies N] [--reps N]
#include <cstdio>
#include <malloc.h>
#include <string>
#include <vector>

#include "bench_common.h"
#include "core/date.h"
#include "core/library.h"
#include "core/parallel.h"
#include "core/query.h"
#include "core/stats.h"
#include "core/triage.h"

namespace {

const char* const kQueries[] = {
    "diffusion",                             // one English word
    "모델",                                  // one Korean word
    "\"language model\"",                    // phrase
    "author:kim",                            // scoped: author
    "title:video",                           // scoped: title
    "label:limitations",                     // scoped: label
    "votes>=50",                             // numeric filter only
    "date:2024-06",                          // date filter only
    "diffusion video votes>=10 date:2024",   // combination
    "model -survey",                         // negation
    "d", "di", "dif", "diff", "diffu", "diffus", "diffusi", "diffusio",  // typing, 1 char up
};


void run_mix(const dv::Library& lib, int reps, const char* label, std::vector<double>& medians_out,
             std::vector<size_t>& counts_out) {
    std::vector<double> everything;
    std::printf("\n%s: %zu papers (%zu listed, %zu days)\n", label, lib.entries.size(), lib.total_listed,
                lib.days.size());
    std::printf("  %-40s %9s %9s %9s\n", "query", "median", "p90", "results");
    for (const char* q : kQueries) {
        std::vector<double> t;
        size_t n = 0;
        for (int r = 0; r < reps; ++r) {
            double t0 = dvbench::now_ms();
            dv::Query query = dv::parse_query(q);
            std::vector<uint32_t> res = dv::run_query(lib, query, dv::Sort{});
            t.push_back(dvbench::now_ms() - t0);
            n = res.size();
        }
        everything.insert(everything.end(), t.begin(), t.end());
        double med = dvbench::quantile(t, 0.5);
        medians_out.push_back(med);
        counts_out.push_back(n);
        std::printf("  %-40s %7.2fms %7.2fms %9zu\n", q, med, dvbench::quantile(t, 0.9), n);
    }
    std::printf("  overall: median %.2f ms, p90 %.2f ms, max %.2f ms\n", dvbench::quantile(everything, 0.5),
                dvbench::quantile(everything, 0.9), dvbench::quantile(everything, 1.0));
    medians_out.push_back(dvbench::quantile(everything, 0.5));
}

// The reader's marks: a mark on every 10th paper (every 50th hidden, every 30th with a note).
// make_query_context runs on every mark change and library change in the app; the queries show
// what hiding and the is: terms cost on top of a plain query.
void run_triage(const dv::Library& lib, int reps, const char* label) {
    dv::Triage t;
    for (uint32_t i = 0; i < lib.entries.size(); i += 10) {
        const std::string k = dv::triage_key(lib, i);
        dv::triage_set(t, k, dv::Mark::Starred, true, 1);
        if (i % 50 == 0) dv::triage_set(t, k, dv::Mark::Hidden, true, 1);
        if (i % 30 == 0) dv::triage_set_note(t, k, "todo later", 1);
    }
    dv::VisitInfo v{1, {lib.days.begin(), lib.days.begin() + long(lib.days.size() / 2)}};
    std::vector<double> ctx_ms;
    dv::QueryContext ctx;
    for (int r = 0; r < reps; ++r) {
        double t0 = dvbench::now_ms();
        ctx = dv::make_query_context(lib, t, v);
        ctx_ms.push_back(dvbench::now_ms() - t0);
    }
    double t0 = dvbench::now_ms();
    const std::string file = dv::triage_to_json(t);
    const double ser = dvbench::now_ms() - t0;
    t0 = dvbench::now_ms();
    dv::Triage back;
    std::string err;
    dv::triage_parse(file, back, err);
    const double par = dvbench::now_ms() - t0;
    std::printf("  triage (%s, %zu marks): make_query_context median %.2f ms; file %zu bytes, write %.2f ms, read %.2f ms\n", label,
                t.papers.size(), dvbench::quantile(ctx_ms, 0.5), file.size(), ser, par);
    for (const char* q : {"", "is:starred", "is:new model", "note:todo", "diffusion"}) {
        const dv::Query pq = dv::parse_query(q);
        std::vector<double> with, without;
        size_t n = 0;
        for (int r = 0; r < reps; ++r) {
            double a = dvbench::now_ms();
            n = dv::run_query(lib, pq, {}, nullptr, &ctx).size();
            with.push_back(dvbench::now_ms() - a);
            a = dvbench::now_ms();
            dv::run_query(lib, pq, {});
            without.push_back(dvbench::now_ms() - a);
        }
        std::printf("    %-16s with marks median %.2f ms (%zu results), without %.2f ms\n", q[0] ? q : "(all)",
                    dvbench::quantile(with, 0.5), n, dvbench::quantile(without, 0.5));
    }
}

// Chart recomputation after a query change: compute_stats over a few results (median of reps).
void run_stats(const dv::Library& lib, int reps, const char* label) {
    for (const char* q : {"", "votes>=10", "diffusion"}) {
        std::vector<uint32_t> res = dv::run_query(lib, dv::parse_query(q), dv::Sort{});
        std::vector<double> t;
        for (int r = 0; r < reps; ++r) {
            double t0 = dvbench::now_ms();
            dv::Stats st = dv::compute_stats(lib, res);
            t.push_back(dvbench::now_ms() - t0);
            if (st.papers != res.size()) std::printf("  stats: paper count mismatch\n");
        }
        std::printf("  compute_stats (%s, query '%s', %zu papers): median %.2f ms\n", label, q, res.size(),
                    dvbench::quantile(t, 0.5));
    }
}

// Typing as the viewer does it: each keystroke's query runs over the previous result when it
// narrows it (query_narrows), over the whole library otherwise. Returns the per-keystroke times.
std::vector<double> run_typing(const dv::Library& lib, int reps, const char* label) {
    static const char* kTyped[] = {"diffusion model", "모델 성능", "author:zhang video", "reinforcement learning"};
    std::vector<double> all;
    for (int r = 0; r < reps; ++r) {
        for (const char* text : kTyped) {
            std::string typed;
            dv::Query prev_q;
            std::vector<uint32_t> prev;
            bool have_prev = false;
            std::string_view t(text);
            for (size_t i = 0; i < t.size();) {
                size_t len = 1;  // whole UTF-8 characters, as keystrokes deliver them
                unsigned char c = (unsigned char)t[i];
                if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
                typed.append(t.substr(i, len));
                i += len;
                double t0 = dvbench::now_ms();
                dv::Query q = dv::parse_query(typed);
                std::vector<uint32_t> res = have_prev && dv::query_narrows(q, prev_q)
                                                ? dv::run_query(lib, q, dv::Sort{}, &prev)
                                                : dv::run_query(lib, q, dv::Sort{});
                all.push_back(dvbench::now_ms() - t0);
                prev = std::move(res);
                prev_q = std::move(q);
                have_prev = true;
            }
        }
    }
    std::printf("  typing with narrowing (%s, %zu keystrokes): median %.2f ms, p90 %.2f ms, max %.2f ms\n", label,
                all.size(), dvbench::quantile(all, 0.5), dvbench::quantile(all, 0.9), dvbench::quantile(all, 1.0));
    return all;
}

// Where the 100k library's memory goes: the papers' arenas by field (what the strings cost), the
// per-paper records, the derived tables and the search index.
void print_memory(const dv::Library& lib) {
    size_t papers = 0, cap = 0, id = 0, title = 0, authors = 0, summary = 0, url = 0, thumb = 0, records = 0;
    size_t author_vec = 0, summary_vec = 0;
    for (const dv::LoadedFile& f : lib.files) {
        records += f.papers.capacity() * sizeof(dv::Paper);
        for (const dv::Paper& p : f.papers) {
            ++papers;
            cap += p.text.capacity();
            id += p.arxiv_id.len;
            title += p.title.len;
            for (dv::Str a : p.authors) authors += a.len + 1;
            for (const dv::SummaryItem& it : p.summary) summary += it.label.len + it.text.len + 2;
            url += p.url.len;
            thumb += p.thumbnail.len;
            author_vec += p.authors.capacity() * sizeof(dv::Str);
            summary_vec += p.summary.capacity() * sizeof(dv::SummaryItem);
        }
    }
    const double mb = 1e6;
    std::printf("\nmemory of %zu papers: arenas %.1f MB (id %.1f, title %.1f, authors %.1f, summary %.1f, url %.1f, "
                "thumbnail %.1f), Paper records %.1f MB, author/summary vectors %.1f/%.1f MB, entries+appearances+listings "
                "%.1f MB, search index %.1f MB\n",
                papers, cap / mb, id / mb, title / mb, authors / mb, summary / mb, url / mb, thumb / mb, records / mb,
                author_vec / mb, summary_vec / mb,
                (lib.entries.size() * sizeof(dv::Entry) + lib.appearances.size() * sizeof(dv::Appearance) +
                 lib.listings.size() * sizeof(dv::Listing)) / mb,
                double(dv::index_bytes(lib.index)) / mb);
}

}  // namespace

int main(int argc, char** argv) {
    int copies = 20, reps = 15;
    const unsigned threads = dv::hardware_threads();
    const std::vector<char*> pos = dvbench::copies_reps_args(argc, argv, copies, reps);
    auto files = dvbench::corpus_files(pos, "bench_query");
    if (files.empty()) return 2;
    std::vector<std::pair<std::string, std::string>> texts;
    for (auto& f : files) texts.emplace_back(f.string(), dvbench::read_file(f));

    std::vector<double> med5, med100, typing5;
    std::vector<size_t> cnt5, cnt100;
    double rebuild5 = 0;
    size_t n5 = 0;
    {
        dv::Library lib;
        double t0 = dvbench::now_ms();
        for (auto& [name, bytes] : texts) dv::library_add(lib, name, bytes);
        double add = dvbench::now_ms() - t0;
        t0 = dvbench::now_ms();
        dv::library_rebuild(lib);
        rebuild5 = dvbench::now_ms() - t0;
        dv::Library par;
        std::vector<dv::FileBytes> files;
        for (auto& [name, bytes] : texts) files.push_back({name, bytes});
        t0 = dvbench::now_ms();
        dv::library_add_all(par, files, threads);
        const double add_all = dvbench::now_ms() - t0;
        std::printf("5k: library_add of %zu files %.0f ms (library_add_all on %u threads %.0f ms), library_rebuild %.1f ms\n",
                    texts.size(), add, threads, add_all, rebuild5);
        run_mix(lib, reps * 2, "5k library", med5, cnt5);
        typing5 = run_typing(lib, reps, "5k");
        run_stats(lib, reps, "5k");
        run_triage(lib, reps, "5k");
        n5 = lib.entries.size();
    }

    double rss_before = dvbench::current_rss_mb();
    double add100 = 0, rebuild100 = 0, rebuild100_again = 0;
    double peak_after_add = 0, peak_after_rebuild = 0;  // where the peak is reached
    double rebuild100_listed = 0, index100 = 0;          // the rebuild with IndexBuild::Later, then the index
    dv::Library big;
    {
        // As digest-cli builds it: each copy's 330 files parsed on every core (library_add_all).
        for (int k = 0; k < copies; ++k) {
            std::vector<std::pair<std::string, std::string>> batch;
            batch.reserve(texts.size());
            for (auto& [name, bytes] : texts) batch.emplace_back("copy" + std::to_string(k) + "/" + name, dvbench::make_copy(bytes, k));
            std::vector<dv::FileBytes> files;
            for (auto& [name, bytes] : batch) files.push_back({name, bytes});
            double t0 = dvbench::now_ms();
            dv::library_add_all(big, files, threads);
            add100 += dvbench::now_ms() - t0;
        }
        peak_after_add = dvbench::peak_rss_mb();
        double t0 = dvbench::now_ms();
        dv::library_rebuild(big);
        rebuild100 = dvbench::now_ms() - t0;
        peak_after_rebuild = dvbench::peak_rss_mb();
        t0 = dvbench::now_ms();
        dv::library_rebuild(big);
        rebuild100_again = dvbench::now_ms() - t0;
        // As the viewer does after a load without a search: the list first, the index a frame later.
        t0 = dvbench::now_ms();
        dv::library_rebuild(big, dv::IndexBuild::Later);
        rebuild100_listed = dvbench::now_ms() - t0;
        t0 = dvbench::now_ms();
        dv::library_build_index(big);
        index100 = dvbench::now_ms() - t0;
    }
    texts.clear();
    texts.shrink_to_fit();
    print_memory(big);
    {
        struct mallinfo2 mi = mallinfo2();
        std::printf("malloc: in use %.1f MB, free in heap %.1f MB, mmapped %.1f MB; RSS %.0f MB\n", mi.uordblks / 1e6,
                    mi.fordblks / 1e6, mi.hblkhd / 1e6, dvbench::current_rss_mb());
    }
    std::printf("\n100k: library_add_all (%u threads) of %d x %zu files %.0f ms, library_rebuild %.0f ms (again: %.0f ms); "
                "built in %.0f ms (target <= 1500 ms)\n",
                threads, copies, files.size(), add100, rebuild100, rebuild100_again, add100 + rebuild100);
    std::printf("  as the viewer builds it after a load: listed after %.0f ms (rebuild without the index %.0f ms), "
                "searchable %.0f ms later (the index)\n", add100 + rebuild100_listed, rebuild100_listed, index100);
    std::printf("search index: %zu grams, %.1f MB\n", big.index.df.size(), double(dv::index_bytes(big.index)) / 1e6);
    run_mix(big, reps, "100k library", med100, cnt100);
    std::vector<double> typing100 = run_typing(big, std::max(1, reps / 3), "100k");
    run_stats(big, 5, "100k");
    run_triage(big, 5, "100k");

    double rss_now = dvbench::current_rss_mb(), peak = dvbench::peak_rss_mb();
    std::printf("\nmemory: RSS %.0f MB now (%.0f MB before the 100k library), peak RSS (VmHWM) %.0f MB (target <= 200 MB)\n",
                rss_now, rss_before, peak);
    std::printf("  peak RSS once the 100k files were added %.0f MB, after the first rebuild %.0f MB (its index, entries and the\n"
                "  index parts it merges)\n", peak_after_add, peak_after_rebuild);

    // Sanity: every copy holds the same papers, so counts scale with the copies.
    bool scaled = true;
    for (size_t i = 0; i < cnt5.size(); ++i) {
        std::string q = kQueries[i];
        if (q.rfind("date:", 0) == 0 || q.find("date:") != std::string::npos) continue;  // dates shift per copy
        if (cnt100[i] != cnt5[i] * size_t(copies)) {
            std::printf("  note: '%s' gives %zu at 5k but %zu at %dx\n", q.c_str(), cnt5[i], cnt100[i], copies);
            scaled = false;
        }
    }
    double overall5 = med5.back(), overall100 = med100.back();
    bool ok = overall100 <= 10.0 && peak <= 200.0;
    std::printf("\nSUMMARY bench_query: median %.2f ms at %zu papers, %.2f ms at %zu papers (target <= 10 ms); "
                "rebuild %.1f ms / %.0f ms; peak RSS %.0f MB (target <= 200 MB); counts scale: %s; "
                "typing keystroke median %.2f / %.2f ms (p90 %.2f / %.2f); %s\n",
                overall5, size_t(cnt5.empty() ? 0 : n5), overall100, big.entries.size(), rebuild5, rebuild100,
                peak, scaled ? "yes" : "NO", dvbench::quantile(typing5, 0.5), dvbench::quantile(typing100, 0.5),
                dvbench::quantile(typing5, 0.9), dvbench::quantile(typing100, 0.9), ok ? "OK" : "OVER");
    return ok ? 0 : 3;
}
