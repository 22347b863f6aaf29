#!/usr/bin/env bash
# Installs everything Digest Viewer needs on a Debian 12 machine, idempotently:
#   - Debian packages (compilers, Emscripten, Catch2, nlohmann-json, GLFW, Chromium, fonts, Xvfb,
#     clang 14 with its libFuzzer/sanitizer runtimes for the fuzz preset)
#   - third-party sources the builds compile (cmark-gfm 0.29.0.gfm.x from bookworm, Dear ImGui 1.92.x from
#     sid) through `apt-get source`, into third_party/ (git-ignored, never committed)
#   - playwright-core for the browser tests (npm, drives Debian's chromium; no browser download)
# Re-running it does nothing that is already done. Fails with a clear message otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
THIRD="$ROOT/third_party"
export DEBIAN_FRONTEND=noninteractive

say()  { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "run as root or install sudo"
    SUDO="sudo"
fi

# --- 1. Debian packages --------------------------------------------------------------------------
PACKAGES=(
    build-essential cmake ninja-build pkg-config dpkg-dev ca-certificates
    clang-14 libclang-rt-14-dev
    nlohmann-json3-dev catch2 cmark-gfm
    emscripten
    libcurl4-openssl-dev
    libglfw3-dev libgl-dev libgl1-mesa-dri xvfb xauth libstb-dev
    fonts-nanum fonts-dejavu-core
    chromium
    python3 python3-fonttools patch
)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq || fail "apt-get update failed (is the Debian archive reachable?)"
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "apt-get install failed for: ${missing[*]}"
else
    say "Debian packages present"
fi

# --- 2. Third-party sources (apt-get source, private source lists) ---------------------------------
# A private apt state keeps the system's sources.list untouched: one list holds deb-src stanzas for
# bookworm (cmark-gfm) and sid (imgui 1.92.x; bookworm only has 1.86, whose static font atlas cannot
# hold Hangul cheaply).
mkdir -p "$THIRD/apt/lists/partial" "$THIRD/src"
SRC_LIST="$THIRD/apt/sources.list"
cat > "$SRC_LIST" <<'EOF'
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
EOF
APT_SRC=(-o "Dir::Etc::SourceList=$SRC_LIST" -o Dir::Etc::SourceParts=/dev/null
         -o "Dir::State::Lists=$THIRD/apt/lists" -o Debug::NoLocking=1)
apt_updated=0
apt_src_update() {
    [ $apt_updated = 1 ] && return 0
    say "updating private deb-src lists"
    apt-get "${APT_SRC[@]}" update -qq || fail "could not read deb-src lists from the Debian archive"
    apt_updated=1
}

# fetch NAME SUITE DIRNAME: unpack source package NAME from SUITE as third_party/DIRNAME
fetch() {
    local name=$1 suite=$2 dir=$3
    if [ -f "$THIRD/$dir/.fetched" ]; then return 0; fi
    apt_src_update
    local tmp; tmp="$(mktemp -d "$THIRD/src/$name.XXXX")"
    say "apt-get source $name/$suite"
    (cd "$tmp" && apt-get "${APT_SRC[@]}" source -qq "$name/$suite" >/dev/null 2>&1) \
        || (cd "$tmp" && apt-get "${APT_SRC[@]}" source "$name/$suite") \
        || fail "apt-get source $name/$suite failed"
    local unpacked; unpacked="$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n1)"
    [ -n "$unpacked" ] || fail "apt-get source $name gave no source tree"
    rm -rf "${THIRD:?}/$dir"
    mv "$unpacked" "$THIRD/$dir"
    rm -rf "$tmp"
    touch "$THIRD/$dir/.fetched"
}

fetch cmark-gfm bookworm cmark-gfm
fetch imgui sid imgui

# Project patches to the fetched sources (scripts/patches/NAME-*.patch), each applied once.
# cmark-gfm-autolink-oob: bookworm's gfm.6 autolink extension reads before a text's buffer for
# text starting with ":@" (found by tests/fuzz; upstream fixed it in gfm.7).
# cmark-gfm-special-chars-per-thread: the inline parser's table of special characters is
# switched per parse by the extensions; one table per process let a parse on one thread turn off
# autolinks and strikethrough for a parse on another (library_prepare_all parses on every core).
# cmark-gfm-table-sourcepos: a table that interrupts a paragraph was put on the paragraph's first
# line, and the paragraph left at line 0, so a table's source began with the paragraph's lines.
for p in "$ROOT"/scripts/patches/cmark-gfm-*.patch; do
    [ -f "$p" ] || continue
    mark="$THIRD/cmark-gfm/.patched-$(basename "$p" .patch)"
    [ -f "$mark" ] && continue
    say "patching cmark-gfm: $(basename "$p")"
    patch -s -p1 -N -d "$THIRD/cmark-gfm" < "$p" || fail "patch $(basename "$p") does not apply to third_party/cmark-gfm"
    touch "$mark"
done

# Verify versions: accept cmark-gfm 0.29.0.gfm.x and any imgui 1.92.x, fail clearly otherwise.
grep -Eq 'PROJECT_VERSION_GFM' "$THIRD/cmark-gfm/CMakeLists.txt" \
    && grep -Eq 'project\(cmark-gfm|PROJECT\(cmark-gfm' "$THIRD/cmark-gfm/CMakeLists.txt" \
    || fail "third_party/cmark-gfm is not GitHub's cmark-gfm (0.29.0.gfm.x)"
imgui_ver="$(sed -n 's/^#define IMGUI_VERSION *"\([^"]*\)".*/\1/p' "$THIRD/imgui/imgui.h")"
case "$imgui_ver" in
    1.92*) say "Dear ImGui $imgui_ver, cmark-gfm OK" ;;
    *) fail "third_party/imgui is version '$imgui_ver'; Digest Viewer needs Dear ImGui 1.92.x (from sid)" ;;
esac

# --- 3. Fonts for the builds (copied or subset, not committed) -----------------------------------------
# NanumSquare (regular + bold) covers Hangul, KS X 1001 Hanja, Greek and Cyrillic in 0.7 MB each.
# DejaVu Sans fills in symbols (Latin extensions, arrows, math operators), DejaVu Math TeX Gyre the
# math italic letters (U+1D400..) the summaries use. Both are subset to those ranges to keep the
# site small (the page's whole transfer stays under 2 MB gzip).
mkdir -p "$THIRD/fonts"
NANUM=/usr/share/fonts/truetype/nanum
DEJAVU=/usr/share/fonts/truetype/dejavu
for f in "$NANUM/NanumSquareR.ttf" "$NANUM/NanumSquareB.ttf" "$DEJAVU/DejaVuSans.ttf" "$DEJAVU/DejaVuMathTeXGyre.ttf"; do
    [ -f "$f" ] || fail "font $f missing (fonts-nanum / fonts-dejavu-core)"
done
cmp -s "$NANUM/NanumSquareR.ttf" "$THIRD/fonts/NanumSquareR.ttf" || cp "$NANUM/NanumSquareR.ttf" "$THIRD/fonts/"
cmp -s "$NANUM/NanumSquareB.ttf" "$THIRD/fonts/NanumSquareB.ttf" || cp "$NANUM/NanumSquareB.ttf" "$THIRD/fonts/"
subset() {  # subset SRC OUT UNICODES
    [ -s "$THIRD/fonts/$2" ] && return 0
    say "subsetting $(basename "$1") -> $2"
    /usr/bin/python3 -m fontTools.subset "$1" --unicodes="$3" --output-file="$THIRD/fonts/$2" --no-hinting --desubroutinize \
        || fail "pyftsubset failed for $1"
}
subset "$DEJAVU/DejaVuSans.ttf" DejaVuSans-Symbols.ttf \
    "U+0020-007E,U+00A0-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2460-24FF,U+2500-25FF,U+2600-26FF,U+2700-27BF,U+27C0-27EF,U+2900-297F,U+2980-29FF,U+2A00-2AFF,U+FB00-FB06,U+FFFD"
subset "$DEJAVU/DejaVuMathTeXGyre.ttf" DejaVuMath-Letters.ttf "U+1D400-1D7FF"

# --- 4. nlohmann-json include folder for the wasm build ---------------------------------------------
# /usr/include must not be on Emscripten's include path, so the one subfolder is linked alone.
mkdir -p "$THIRD/include"
[ -e "$THIRD/include/nlohmann" ] || ln -s /usr/include/nlohmann "$THIRD/include/nlohmann"

# --- 5. Browser-test driver (npm registry; uses Debian's chromium, never downloads a browser) -----
if [ -f "$ROOT/tests/e2e/package.json" ] && [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
    say "npm install (tests/e2e)"
    (cd "$ROOT/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent) \
        || fail "npm install in tests/e2e failed"
fi

say "done"
