#!/usr/bin/env bash
# Builds and serves the web app on 127.0.0.1 (installing what is missing first).
#   bash scripts/run.sh              build the site, serve it, print the URL
#   bash scripts/run.sh --native [FILES/DIRS...]   build and launch the native app instead
# PORT=8000 by default.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
if [ "${1:-}" = "--native" ]; then
    shift
    cmake --preset native >/dev/null
    cmake --build --preset native --target digest-viewer
    exec build/native/digest-viewer "$@"
fi
cmake --preset web >/dev/null
cmake --build --preset web
PORT="${PORT:-8000}"
echo
echo "Digest Viewer is served at:  http://127.0.0.1:${PORT}/"
echo "(the site is build/web/site; Ctrl+C stops the server; 'bash scripts/run.sh --native' runs the desktop app)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory build/web/site
