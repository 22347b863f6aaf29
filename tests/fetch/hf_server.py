#!/usr/bin/env python3
"""A local stand-in for Hugging Face's GET /api/daily_papers?date=YYYY-MM-DD, for tests only.

Days are answered with the raw API responses archived in ../shared/hf-json (read in place, byte
for byte; the file name gives the date asked for), then our fixtures (tests/data/hf/YYYY-MM-DD.json),
else "[]" (what the API says for a day with no papers). Scripted failures per date:

  --script 2024-06-03=429:1,ok     first request 429 with Retry-After: 1, then the day
  steps: ok | 429 | 429:SECONDS | 500 | 503 | 403 | truncated (Content-Length larger than the
  bytes sent, then the connection closes) | cut (a 200 whose JSON stops half-way) | slow:SECONDS
  (then ok) | error (200 with {"error": ...}). The last step repeats.

Listens on 127.0.0.1 only; writes the port to --port-file, one JSON line per request to --log
(date, step, time, requests in flight) and exits on SIGTERM or after --max-seconds.
"""
import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs

DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})\.json$")


def archive_days(root):
    """date -> path of a raw API response in the archive (first found in sorted order wins)."""
    days = {}
    raw_dirs = [
        "2404589803-hf-daily-paper-newsletter-chinese/daily_papers",
        "2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download",
        "jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download",
    ]
    for d in raw_dirs:
        full = os.path.join(root, d)
        if not os.path.isdir(full):
            continue
        for name in sorted(os.listdir(full)):
            m = DATE_RE.search(name)
            if m and m.group(1) not in days:
                days[m.group(1)] = os.path.join(full, name)
    return days


def fixture_days(folder):
    days = {}
    if folder and os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}\.json", name):
                days[name[:10]] = os.path.join(folder, name)
    return days


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", default="")
    ap.add_argument("--fixtures", default="")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", default="")
    ap.add_argument("--script", action="append", default=[])
    ap.add_argument("--max-seconds", type=float, default=300)
    args = ap.parse_args()

    days = fixture_days(args.fixtures)
    days.update(archive_days(args.archive))  # the real days first
    scripts = {}
    for s in args.script:
        date, _, steps = s.partition("=")
        scripts[date] = steps.split(",")
    counts = {}
    lock = threading.Lock()
    state = {"active": 0}
    log = open(args.log, "a", buffering=1) if args.log else None

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def send(self, status, body, headers=()):
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            url = urlparse(self.path)
            q = parse_qs(url.query)
            if url.path != "/api/daily_papers" or "date" not in q:
                return self.send(404, b'{"error":"Sorry, we can\'t find the page you are looking for."}')
            date = q["date"][0]
            with lock:
                n = counts.get(date, 0)
                counts[date] = n + 1
                state["active"] += 1
                active = state["active"]
            steps = scripts.get(date, ["ok"])
            step = steps[min(n, len(steps) - 1)]
            if log:
                log.write(json.dumps({"date": date, "n": n + 1, "step": step, "t": time.time(), "active": active}) + "\n")
            try:
                self.answer(date, step)
            finally:
                with lock:
                    state["active"] -= 1

        def answer(self, date, step):
            body = b"[]"
            if date in days:
                with open(days[date], "rb") as f:
                    body = f.read()
            kind, _, arg = step.partition(":")
            if kind == "slow":
                time.sleep(float(arg or 2))
                kind = "ok"
            if kind == "ok":
                return self.send(200, body)
            if kind == "429":
                return self.send(429, b'{"error":"rate limited"}', [("Retry-After", arg)] if arg else [])
            if kind in ("500", "503", "403", "404"):
                return self.send(int(kind), b'{"error":"scripted failure"}')
            if kind == "error":
                return self.send(200, b'{"error":"Sorry, we can\'t find the page you are looking for."}')
            if kind == "cut":
                return self.send(200, body[: max(1, len(body) // 2)])
            if kind == "truncated":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body) + 1000))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.send(500, b'{"error":"unknown scripted step"}')

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(tmp, args.port_file)
    signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=server.shutdown).start())
    timer = threading.Timer(args.max_seconds, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever(poll_interval=0.2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
