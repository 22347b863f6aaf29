#!/usr/bin/env python3
"""digest-cli fetch-hf against the local server (hf_server.py), one case per CTest test.

Usage: test_fetch_cli.py --cli PATH --archive DIR --fixtures DIR --case NAME
Exit 0 pass, 1 fail, 77 skip (no archive for a case that needs it). No request leaves 127.0.0.1.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


class Server:
    def __init__(self, work, archive, fixtures, scripts=()):
        self.port_file = os.path.join(work, "port")
        self.log = os.path.join(work, "requests.jsonl")
        args = [sys.executable, os.path.join(HERE, "hf_server.py"), "--port-file", self.port_file,
                "--log", self.log, "--archive", archive, "--fixtures", fixtures, "--max-seconds", "120"]
        for s in scripts:
            args += ["--script", s]
        self.proc = subprocess.Popen(args)
        for _ in range(100):
            if os.path.exists(self.port_file):
                break
            time.sleep(0.05)
        self.base = "http://127.0.0.1:" + open(self.port_file).read().strip()

    def requests(self):
        if not os.path.exists(self.log):
            return []
        return [json.loads(l) for l in open(self.log)]

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def run(cli, *args):
    t0 = time.time()
    p = subprocess.run([cli, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr, time.time() - t0


def lines_by_day(out):
    return {l[:10]: l[12:] for l in out.splitlines() if len(l) > 12 and l[10:12] == ": "}


def papers_of(cli, paths):
    """digest-cli parse --json papers, without the source name (the files' names differ)."""
    p = subprocess.run([cli, "parse", "--json", *paths], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    papers = json.loads(p.stdout)["papers"]
    for x in papers:
        x.pop("source", None)
    return papers


def archive_file(archive, day):
    for sub in ("2404589803-hf-daily-paper-newsletter-chinese/daily_papers",
                "2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download",
                "jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download"):
        d = os.path.join(archive, sub)
        if os.path.isdir(d):
            for name in sorted(os.listdir(d)):
                if name.endswith(day + ".json"):
                    return os.path.join(d, name)
    return None


def case_range(a, work):
    """7 days around two real archived days; bytes kept exactly; papers as digest-cli parse reads
    the archived files; a second run asks only for today and yesterday."""
    real = {d: archive_file(a.archive, d) for d in ("2026-08-20", "2026-08-21")}
    if not all(real.values()):
        return 77
    srv = Server(work, a.archive, a.fixtures)
    out = os.path.join(work, "out")
    try:
        rc, so, se, _ = run(a.cli, "fetch-hf", "--days", "7", "--today", "2026-08-23", "--out", out, "--hf-base", srv.base)
        check(rc == 0, "range: exit 0, got %d: %s" % (rc, se))
        days = lines_by_day(so)
        want = ["2026-08-%02d" % d for d in range(17, 24)]
        check(sorted(days) == want, "range: one line per day 17..23, got %s" % sorted(days))
        check(sorted(os.listdir(out)) == [d + ".json" for d in want], "range: one file per day")
        for d, src in real.items():
            got = open(os.path.join(out, d + ".json"), "rb").read()
            check(got == open(src, "rb").read(), "range: %s written byte for byte" % d)
            want_papers = papers_of(a.cli, [src])
            check(len(want_papers) > 0, "range: %s has papers" % d)
            check(papers_of(a.cli, [os.path.join(out, d + ".json")]) == want_papers,
                  "range: %s papers equal digest-cli parse of the archived file" % d)
            check(days[d] == "%d papers" % len(want_papers), "range: %s line says its count: %s" % (d, days[d]))
        check(days["2026-08-18"] == "0 papers", "range: an empty day is a day")
        check(len(srv.requests()) == 7, "range: 7 requests")
        # Again: the settled days come from the folder, today and yesterday are asked again.
        rc, so, se, _ = run(a.cli, "fetch-hf", "--days", "7", "--today", "2026-08-23", "--out", out, "--hf-base", srv.base)
        check(rc == 0, "range again: exit 0")
        again = sorted(r["date"] for r in srv.requests()[7:])
        check(again == ["2026-08-22", "2026-08-23"], "range again: only today and yesterday requested, got %s" % again)
        days2 = lines_by_day(so)
        check(days2.get("2026-08-20", "").startswith("cached, "), "range again: 08-20 cached: %s" % days2.get("2026-08-20"))
        # --force asks for all of them.
        rc, so, se, _ = run(a.cli, "fetch-hf", "--days", "7", "--today", "2026-08-23", "--force", "--out", out, "--hf-base", srv.base)
        check(rc == 0 and len(srv.requests()) == 7 + 2 + 7, "force: all 7 requested again")
        # Nothing given: the days after the folder's latest (2026-08-23) up to today, with yesterday.
        rc, so, se, _ = run(a.cli, "fetch-hf", "--today", "2026-08-25", "--out", out, "--hf-base", srv.base)
        check(rc == 0, "default: exit 0")
        check(sorted(lines_by_day(so)) == ["2026-08-24", "2026-08-25"], "default: the days since the latest: %s" % so)
    finally:
        srv.stop()
    return 0


def case_fixture_range(a, work):
    """--from/--to over our own 2024-06-06 response (made from the digest's ids)."""
    srv = Server(work, "", a.fixtures)
    out = os.path.join(work, "out")
    try:
        rc, so, se, _ = run(a.cli, "fetch-hf", "--from", "2024-06-03", "--to", "2024-06-07", "--out", out, "--hf-base", srv.base)
        check(rc == 0, "fixture: exit 0")
        src = os.path.join(a.fixtures, "2024-06-06.json")
        check(open(os.path.join(out, "2024-06-06.json"), "rb").read() == open(src, "rb").read(), "fixture: bytes kept")
        check(papers_of(a.cli, [out]) == papers_of(a.cli, [src]), "fixture: the folder parses to the fixture's papers")
        check(sorted(r["date"] for r in srv.requests()) == ["2024-06-0%d" % d for d in range(3, 8)], "fixture: 5 requests")
    finally:
        srv.stop()
    return 0


def case_retry_after(a, work):
    srv = Server(work, "", a.fixtures, ["2024-06-06=429:1,ok", "2024-06-05=500,503,ok"])
    out = os.path.join(work, "out")
    try:
        rc, so, se, _ = run(a.cli, "fetch-hf", "--from", "2024-06-05", "--to", "2024-06-06", "--out", out, "--hf-base", srv.base)
        check(rc == 0, "retry: both days end well: %s %s" % (so, se))
        reqs = srv.requests()
        t6 = [r["t"] for r in reqs if r["date"] == "2024-06-06"]
        check(len(t6) == 2 and t6[1] - t6[0] >= 0.95, "retry: 429 retried after Retry-After: 1 (%s)" % t6)
        t5 = [r["t"] for r in reqs if r["date"] == "2024-06-05"]
        check(len(t5) == 3, "retry: 500, 503 then ok: 3 requests")
        if len(t5) == 3:
            check(t5[1] - t5[0] >= 0.95 and t5[2] - t5[1] >= 1.9, "retry: backoff 1 s then 2 s (%s)" % t5)
        check(os.path.exists(os.path.join(out, "2024-06-06.json")), "retry: the day is written")
    finally:
        srv.stop()
    return 0


def case_failures(a, work):
    """Each failure has its own message and exit 1; the good days are written, failed ones not,
    and a kept copy of a day that fails to refresh stays as it was."""
    out = os.path.join(work, "out")
    os.makedirs(out)
    kept = b'[]'
    open(os.path.join(out, "2024-06-07.json"), "wb").write(kept)
    srv = Server(work, "", a.fixtures, ["2024-06-01=500", "2024-06-02=429", "2024-06-03=truncated",
                                         "2024-06-04=cut", "2024-06-05=403", "2024-06-07=503",
                                         "2024-06-08=error", "2024-06-09=429:3600"])
    try:
        rc, so, se, _ = run(a.cli, "fetch-hf", "--from", "2024-05-31", "--to", "2024-06-09", "--today", "2024-06-08",
                            "--attempts", "2", "--out", out, "--hf-base", srv.base)
        check(rc == 1, "failures: exit 1, got %d" % rc)
        d = lines_by_day(so)
        expect = {
            "2024-05-31": "0 papers",
            "2024-06-01": "failed: HTTP 500 (server error) after 2 attempts",
            "2024-06-02": "failed: HTTP 429 (rate limited) after 2 attempts",
            "2024-06-03": "failed: truncated response (connection closed mid-body)",
            "2024-06-04": "failed: malformed body: ",
            "2024-06-05": "failed: HTTP 403 (blocked by the server)",
            "2024-06-06": "",  # the fixture day: its count
            "2024-06-07": "failed: HTTP 503 (server error) after 2 attempts",
            "2024-06-08": "failed: malformed body: ",
        }
        for day, prefix in expect.items():
            check(day in d and d[day].startswith(prefix), "failures: %s says '%s...': %s" % (day, prefix, d.get(day)))
        check("2024-06-09" not in d, "failures: nothing after --today")
        check(d.get("2024-06-06", "").endswith(" papers") and not d["2024-06-06"].startswith("0"), "failures: the good day")
        written = sorted(os.listdir(out))
        check(written == ["2024-05-31.json", "2024-06-06.json", "2024-06-07.json"], "failures: only good days written: %s" % written)
        check(open(os.path.join(out, "2024-06-07.json"), "rb").read() == kept, "failures: the kept copy is untouched")
        n = {}
        for r in srv.requests():
            n[r["date"]] = n.get(r["date"], 0) + 1
        check(n.get("2024-06-04") == 1 and n.get("2024-06-05") == 1, "failures: malformed and 403 are not retried: %s" % n)
        check(n.get("2024-06-01") == 2 and n.get("2024-06-03") == 2, "failures: 500 and truncated retried up to --attempts")
        # A Retry-After longer than the policy allows fails at once, saying so.
        rc, so, se, _ = run(a.cli, "fetch-hf", "--from", "2024-06-09", "--to", "2024-06-09", "--today", "2024-06-10",
                            "--out", out, "--hf-base", srv.base)
        check(rc == 1 and "asked to wait 3600 s" in so, "failures: long Retry-After: %s" % so)
    finally:
        srv.stop()
    return 0


def case_slow(a, work):
    """At most 4 requests at once; a slow day does not hold the others; a timeout says so."""
    days = ["2024-06-%02d" % d for d in range(1, 9)]
    srv = Server(work, "", a.fixtures, [d + "=slow:1" for d in days] + ["2024-06-10=slow:3"])
    out = os.path.join(work, "out")
    try:
        rc, so, se, took = run(a.cli, "fetch-hf", "--from", "2024-06-01", "--to", "2024-06-08", "--out", out, "--hf-base", srv.base)
        check(rc == 0, "slow: exit 0")
        peak = max(r["active"] for r in srv.requests())
        check(peak == 4, "slow: 4 requests in flight at most (and 4 were): peak %d" % peak)
        check(1.9 <= took < 6, "slow: 8 one-second days in two waves of 4: %.1f s" % took)
        rc, so, se, took = run(a.cli, "fetch-hf", "--from", "2024-06-09", "--to", "2024-06-10", "--timeout", "1",
                               "--attempts", "1", "--out", out, "--hf-base", srv.base)
        d = lines_by_day(so)
        check(rc == 1 and d.get("2024-06-10", "").startswith("failed: timed out"), "slow: timeout message: %s" % d)
        check(d.get("2024-06-09") == "0 papers", "slow: the other day is fine")
    finally:
        srv.stop()
    return 0


def case_refused(a, work):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    out = os.path.join(work, "out")
    rc, so, se, took = run(a.cli, "fetch-hf", "--from", "2024-06-03", "--to", "2024-06-04", "--out", out,
                           "--hf-base", "http://127.0.0.1:%d" % port)
    check(rc == 1, "refused: exit 1")
    d = lines_by_day(so)
    check(all(d.get(x, "").startswith("failed: connection refused") for x in ("2024-06-03", "2024-06-04")), "refused: %s" % so)
    check(took < 5, "refused: fails at once, not after retries (%.1f s)" % took)
    check(not os.path.exists(out) or not os.listdir(out), "refused: nothing written")
    rc, so, se, _ = run(a.cli, "fetch-hf", "--days", "2", "--out", out, "--hf-base", "file:///etc")
    check(rc == 2, "usage: a non-http base is refused")
    return 0


def run_app(a, work, srv, *extra, quit_after="5"):
    state = os.path.join(work, "state.json")
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    p = subprocess.run(["xvfb-run", "-a", a.viewer, "--no-settings", "--size", "1000x700", "--hf-base", srv.base,
                        "--quit-after", quit_after, "--dump-state", state, *extra],
                       capture_output=True, text=True, timeout=120, env=env)
    check(p.returncode == 0, "app: exit 0: %s" % p.stderr[-500:])
    return json.load(open(state))


def case_app(a, work):
    """digest-viewer --fetch-hf 7 under Xvfb: the library equals digest-cli on the days it kept;
    a failed day says why and keeps the rest; a second start asks only for today and yesterday."""
    if not a.viewer or not shutil.which("xvfb-run"):
        return 77
    if not archive_file(a.archive, "2026-08-20"):
        return 77
    srv = Server(work, a.archive, a.fixtures, ["2026-08-19=403"])
    try:
        s = run_app(a, work, srv, "--fetch-hf", "7", "--hf-today", "2026-08-23")
        hf = s["hf"]
        check(not hf["running"] and hf["done"] == 7 and hf["failed"] == 1, "app: 7 days done, 1 failed: %s" % hf)
        check("2026-08-19: failed: HTTP 403 (blocked by the server)" in hf["lines"], "app: the failure line: %s" % hf["lines"])
        cache = os.path.join(work, "cache", "digest-viewer", "hf")
        kept = sorted(os.listdir(cache))
        check("2026-08-19.json" not in kept and len(kept) == 6, "app: 6 days kept in the cache: %s" % kept)
        q = subprocess.run([a.cli, "query", "", cache], capture_output=True, text=True)
        cli = json.loads(q.stdout)
        check(cli["count"] > 0 and s["papers"] == cli["count"], "app: papers %d == digest-cli query %d" % (s["papers"], cli["count"]))
        names = sorted(f["name"] for f in s["file_list"])
        check("hf/2026-08-20.json" in names and "hf/2026-08-21.json" in names, "app: files named hf/DATE.json: %s" % names)
        for f in s["file_list"]:
            src = archive_file(a.archive, f["name"][3:13])
            if src:
                check(f["papers"] == len(papers_of(a.cli, [src])), "app: %s papers as digest-cli parse" % f["name"])
        n1 = len(srv.requests())
        # Second start, same cache: settled days come from it (no request), today and yesterday are asked.
        s = run_app(a, work, srv, "--fetch-hf", "7", "--hf-today", "2026-08-23")
        again = sorted(r["date"] for r in srv.requests()[n1:])
        check(again == ["2026-08-19", "2026-08-22", "2026-08-23"], "app again: requests %s" % again)
        check(s["papers"] == cli["count"], "app again: the same library")
        # Without --fetch-hf nothing is requested at all.
        n2 = len(srv.requests())
        s = run_app(a, work, srv, os.path.join(a.fixtures, "2024-06-06.json"), quit_after="1.5")
        check(len(srv.requests()) == n2, "app: no request unless asked")
    finally:
        srv.stop()
    return 0


CASES = {"app": case_app, "range": case_range, "fixture_range": case_fixture_range, "retry": case_retry_after,
         "failures": case_failures, "slow": case_slow, "refused": case_refused}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--archive", default="")
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--viewer", default="")
    ap.add_argument("--case", required=True, choices=sorted(CASES))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dv-fetch-") as work:
        rc = CASES[a.case](a, work)
    if rc == 77:
        print("skipped: no archive at", a.archive)
        return 77
    print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
