#!/usr/bin/env bash
# The native viewer under Xvfb on real digests, checked against digest-cli.
#
#   run_native_test.sh VIEWER DIGEST_CLI CORPUS_ROOT [PNG_CHECK]
#
# CORPUS_ROOT holds digest folders (e.g. ../shared/digests); one month is picked (2024/06 if there).
# Checks: the state the app dumps equals `digest-cli query` (files, papers, days, visible); the
# screenshot is not blank and shows rows of text in the papers pane (also at UI scale 2); settings
# are written, restore the library and survive a corrupt file; the folder watch picks up an added,
# a changed and a removed file without a restart; a star survives a restart and is what
# `digest-cli query is:starred --triage` finds; a corrupt triage file is kept aside as .bad.
# Exit 0 = pass, 1 = fail, 77 = skipped (no corpus, no xvfb-run, no screenshot support).
set -u

VIEWER=${1:?viewer path}
CLI=${2:?digest-cli path}
CORPUS=${3:?corpus root}
PNG_CHECK=${4:-$(dirname "$VIEWER")/dv_png_check}

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*"; FAILED=1; }
FAILED=0

[ -d "$CORPUS" ] || skip "no corpus at $CORPUS (set DIGEST_CORPUS)"
command -v xvfb-run >/dev/null || skip "xvfb-run not installed (apt-get install xvfb xauth)"
command -v python3 >/dev/null || skip "python3 not installed"
[ -x "$PNG_CHECK" ] || skip "no PNG checker at $PNG_CHECK"

# A month folder: the 2024/06 folder with the most digests if there is one, else the first month.
MONTH=""
best=0
while IFS= read -r d; do
    n=$(find "$d" -maxdepth 1 -name '*.md' | wc -l)
    if [ "$n" -gt "$best" ]; then best=$n; MONTH=$d; fi
done < <(find "$CORPUS" -type d -path '*/2024/06' | sort)
if [ -z "$MONTH" ]; then
    MONTH=$(find "$CORPUS" -type f -name '*.md' -path '*/20[0-9][0-9]/[0-9][0-9]/*' -printf '%h\n' | sort -u | head -n1)
fi
[ -n "$MONTH" ] || skip "no month folder of .md digests under $CORPUS"
MONTH=$(cd "$MONTH" && pwd -P)
echo "month: $MONTH"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dv-native-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# Never read or write the user's own settings.
export XDG_CONFIG_HOME="$TMP/cfg"
SETTINGS="$XDG_CONFIG_HOME/digest-viewer/settings.json"
export XDG_DATA_HOME="$TMP/data"  # nor the user's marks
TRIAGE="$XDG_DATA_HOME/digest-viewer/triage.json"

xrun() {  # xrun WxH ARGS... : the viewer on a fresh virtual screen of that size
    local screen=$1
    shift
    timeout 180 xvfb-run -a -s "-screen 0 ${screen}x24" "$VIEWER" "$@"
}

# json_get FILE EXPR: a value from a JSON file (python expression over `j`)
json_get() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

compare_with_cli() {  # compare_with_cli STATE.json QUERY DIR...
    local state=$1 query=$2
    shift 2
    "$CLI" query "$query" "$@" >"$TMP/cli.json" || { fail "digest-cli query failed"; return; }
    python3 - "$state" "$TMP/cli.json" <<'EOF' || FAILED=1
import json, sys
s = json.load(open(sys.argv[1]))
c = json.load(open(sys.argv[2]))
lib = c["library"]
pairs = [("files", s["files"], lib["files"]), ("papers", s["papers"], lib["papers"]),
         ("days", s["days"], lib["days"]), ("visible", s["visible"], c["count"])]
bad = [f"{k}: app {a} != cli {b}" for k, a, b in pairs if a != b]
print("  app vs cli:", ", ".join(f"{k} {a}" for k, a, _ in pairs))
if bad:
    print("FAIL:", "; ".join(bad))
    sys.exit(1)
if s["papers"] == 0:
    print("FAIL: no papers loaded")
    sys.exit(1)
EOF
}

# --- 1. the month, a query, 30 frames: state vs digest-cli, screenshot ----------------------------
echo "== render the month with --query diffusion"
xrun 1400x900 --size 1400x900 --frames 30 --screenshot "$TMP/out.png" --dump-state "$TMP/out.json" \
    --query diffusion "$MONTH" 2>"$TMP/err1.txt"
rc=$?
sed 's/^/  /' "$TMP/err1.txt"
if [ $rc -ne 0 ] || [ ! -s "$TMP/out.json" ]; then
    grep -q "stb_image_write" "$TMP/err1.txt" && skip "viewer built without screenshot support"
    fail "viewer exited with $rc"
else
    compare_with_cli "$TMP/out.json" diffusion "$MONTH"
    echo "  screenshot: $("$PNG_CHECK" "$TMP/out.png")" || true
    "$PNG_CHECK" "$TMP/out.png" >/dev/null || fail "screenshot looks blank or has no table rows"
fi

# A frame with nothing loaded (the drop zone) must not pass the table check: the checker works.
xrun 1400x900 --size 1400x900 --frames 5 --no-settings --screenshot "$TMP/empty.png" 2>/dev/null
if [ -s "$TMP/empty.png" ] && "$PNG_CHECK" "$TMP/empty.png" >/dev/null; then
    fail "the empty window passed the screenshot check: the check is too weak"
fi

# --- 2. settings: written, restore the library and view; a corrupt file is a clean start -------------
echo "== settings"
if [ ! -s "$SETTINGS" ]; then
    fail "no settings written to $SETTINGS"
else
    python3 - "$SETTINGS" "$MONTH" <<'EOF' || FAILED=1
import json, sys
s = json.load(open(sys.argv[1]))
ok = s.get("library") == [sys.argv[2]] and s.get("recent", [None])[0] == sys.argv[2] and "diffusion" in s.get("location", "")
print("  settings:", json.dumps({k: s.get(k) for k in ("library", "location", "theme", "font_size", "window")}))
if not ok:
    print("FAIL: settings do not hold the library / recent / location")
    sys.exit(1)
EOF
    # No paths: the remembered library and query come back.
    xrun 1400x900 --size 1400x900 --frames 3 --dump-state "$TMP/restore.json" 2>/dev/null ||
        fail "restart without paths failed"
    [ -s "$TMP/restore.json" ] && compare_with_cli "$TMP/restore.json" diffusion "$MONTH"
    # The view settings (row mode, ImGui's table settings) come back and are written again: a
    # table section ImGui reads from the file survives the restart.
    python3 - "$SETTINGS" <<'EOF2'
import json, sys
s = json.load(open(sys.argv[1]))
s["view"] = {"row_lines": "summary", "imgui": "[Table][0x0000ABCD,3]\nRefScale=15\nColumn 0  Width=61\nColumn 2  Visible=0\n"}
json.dump(s, open(sys.argv[1], "w"))
EOF2
    xrun 1400x900 --size 1400x900 --frames 3 --dump-state "$TMP/view.json" 2>/dev/null || fail "restart with view settings failed"
    python3 - "$TMP/view.json" "$SETTINGS" <<'EOF2' || FAILED=1
import json, sys
st, s = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
view = s.get("view", {})
print("  view settings: row_lines", st.get("row_lines"), "kept", repr(view.get("imgui", ""))[:80])
if st.get("row_lines") != "summary" or view.get("row_lines") != "summary":
    print("FAIL: the row mode was not restored or not kept"); sys.exit(1)
if "[Table][0x0000ABCD,3]" not in view.get("imgui", "") or "Visible=0" not in view.get("imgui", ""):
    print("FAIL: ImGui's table settings were not read back and kept"); sys.exit(1)
EOF2
fi
printf '{"library": ["/x", ' >"$SETTINGS"  # truncated JSON
xrun 1400x900 --size 1400x900 --frames 3 --dump-state "$TMP/corrupt.json" 2>"$TMP/err3.txt"
rc=$?
if [ $rc -ne 0 ]; then
    fail "viewer exited with $rc on a corrupt settings file"
else
    papers=$(json_get "$TMP/corrupt.json" 'j["papers"]')
    status=$(json_get "$TMP/corrupt.json" 'j["status"]')
    echo "  corrupt settings: papers $papers, status: $status"
    [ "$papers" = 0 ] || fail "a corrupt settings file should give an empty library"
    case "$status" in *"not valid JSON"*) ;; *) fail "no diagnostic for the corrupt settings file" ;; esac
    python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$SETTINGS" 2>/dev/null ||
        fail "the corrupt settings file was not rewritten"
fi

# --- 3. the folder watch: add, change and remove files while the app runs -------------------------
echo "== folder watch"
mapfile -t FILES < <(find "$MONTH" -maxdepth 1 -name '*.md' | sort)
if [ ${#FILES[@]} -lt 5 ]; then
    echo "  (fewer than 5 digests in $MONTH: watch test skipped)"
else
    W="$TMP/watch/digests"
    mkdir -p "$W"
    cp "${FILES[0]}" "${FILES[1]}" "${FILES[2]}" "$W/"
    (
        sleep 4
        cp "${FILES[3]}" "$W/"                                  # added
        cat "${FILES[4]}" >"$W/$(basename "${FILES[2]}")"       # changed (now another day's content)
        rm "$W/$(basename "${FILES[1]}")"                       # removed
    ) &
    changer=$!
    xrun 1400x900 --size 1400x900 --no-settings --quit-after 9 --dump-state "$TMP/watch.json" "$W" 2>/dev/null
    rc=$?
    wait $changer
    if [ $rc -ne 0 ] || [ ! -s "$TMP/watch.json" ]; then
        fail "viewer exited with $rc in the watch test"
    else
        compare_with_cli "$TMP/watch.json" "" "$W"
        status=$(json_get "$TMP/watch.json" 'j["status"]')
        echo "  status: $status"
        case "$status" in *"Updated from disk"*) ;; *) fail "no update from disk was reported" ;; esac
    fi
fi

# --- 4. UI scale 2 (a high-DPI monitor), dark theme -------------------------------------------------
echo "== scale 2"
xrun 2800x1800 --size 2800x1800 --scale 2 --theme dark --no-settings --frames 20 --select 0 \
    --screenshot "$TMP/scale2.png" --dump-state "$TMP/scale2.json" "$MONTH" 2>/dev/null
if [ ! -s "$TMP/scale2.png" ]; then
    fail "no screenshot at scale 2"
else
    echo "  screenshot: $("$PNG_CHECK" "$TMP/scale2.png")" || true
    "$PNG_CHECK" "$TMP/scale2.png" >/dev/null || fail "scale 2 screenshot looks blank or has no table rows"
    compare_with_cli "$TMP/scale2.json" "" "$MONTH"
fi

# --- 5. the reader's marks: star (the s key), restart, still starred; a corrupt triage file -------
echo "== triage"
xrun 1400x900 --size 1400x900 --frames 12 --select 0 --keys s --dump-state "$TMP/star.json" "$MONTH" 2>/dev/null
if [ ! -s "$TMP/star.json" ]; then
    fail "no state from the star run"
else
    id=$(json_get "$TMP/star.json" 'j["selected"]["arxiv_id"]')
    starred=$(json_get "$TMP/star.json" '",".join(j["triage"]["starred"])')
    echo "  selected $id, starred: $starred"
    [ -n "$id" ] && [ "$starred" = "$id" ] || fail "pressing s did not star the selected paper"
    [ -s "$TRIAGE" ] || fail "no triage file written to $TRIAGE"
    xrun 1400x900 --size 1400x900 --frames 3 --dump-state "$TMP/star2.json" "$MONTH" 2>/dev/null
    again=$(json_get "$TMP/star2.json" '",".join(j["triage"]["starred"])' 2>/dev/null)
    echo "  after a restart, starred: $again"
    [ "$again" = "$id" ] || fail "the star did not survive a restart"
    "$CLI" query is:starred --triage "$TRIAGE" "$MONTH" >"$TMP/cli-starred.json" || fail "digest-cli query --triage failed"
    cli_ids=$(json_get "$TMP/cli-starred.json" '",".join(p["arxiv_id"] for p in j["papers"])' 2>/dev/null)
    [ "$cli_ids" = "$id" ] || fail "digest-cli is:starred over the app's triage file gives '$cli_ids', not $id"
fi
printf '{"format":"digest-viewer-triage","version":1,"papers":{"2406.1' >"$TRIAGE"  # truncated
cp "$TRIAGE" "$TMP/corrupt-triage.json"
xrun 1400x900 --size 1400x900 --frames 3 --dump-state "$TMP/tcorrupt.json" "$MONTH" 2>"$TMP/err5.txt"
rc=$?
if [ $rc -ne 0 ] || [ ! -s "$TMP/tcorrupt.json" ]; then
    fail "viewer exited with $rc on a corrupt triage file"
else
    status=$(json_get "$TMP/tcorrupt.json" 'j["status"]')
    marks=$(json_get "$TMP/tcorrupt.json" 'len(j["triage"]["starred"]) + len(j["triage"]["read"])')
    papers=$(json_get "$TMP/tcorrupt.json" 'j["papers"]')
    echo "  corrupt triage: papers $papers, marks $marks, status: $status"
    [ "$marks" = 0 ] || fail "a corrupt triage file should give a clean start"
    [ "$papers" != 0 ] || fail "the library should load despite a corrupt triage file"
    case "$status" in *"triage.json.bad"*) ;; *) fail "no message naming the kept-aside file" ;; esac
    cmp -s "$TMP/corrupt-triage.json" "$TRIAGE.bad" || fail "the corrupt file was not kept as triage.json.bad"
    json_get "$TRIAGE" 'j["format"]' 2>/dev/null | grep -q digest-viewer-triage || fail "no fresh triage file after the corrupt one"
fi
# "Mark read when viewed" (a setting in the triage file, default off): off, a selected paper
# stays unread; on, it is read after a moment.
for setting in false true; do
    printf '{"format":"digest-viewer-triage","version":1,"settings":{"mark_read_on_view":%s}}' "$setting" >"$TRIAGE"
    xrun 1400x900 --size 1400x900 --quit-after 2 --select 0 --dump-state "$TMP/view-$setting.json" "$MONTH" 2>/dev/null
    read_ids=$(json_get "$TMP/view-$setting.json" '",".join(j["triage"]["read"])' 2>/dev/null)
    sel=$(json_get "$TMP/view-$setting.json" 'j["selected"]["arxiv_id"]' 2>/dev/null)
    echo "  mark read when viewed = $setting: read [$read_ids], selected $sel"
    if [ "$setting" = true ]; then [ -n "$sel" ] && [ "$read_ids" = "$sel" ] || fail "viewing a paper did not mark it read"
    else [ -z "$read_ids" ] || fail "a paper was marked read with the setting off"; fi
done

if [ -n "${DV_KEEP_SCREENSHOTS:-}" ]; then
    mkdir -p "$DV_KEEP_SCREENSHOTS" && cp "$TMP"/*.png "$DV_KEEP_SCREENSHOTS/" && echo "screenshots kept in $DV_KEEP_SCREENSHOTS"
fi
if [ $FAILED -ne 0 ]; then
    echo "native app test: FAILED"
    exit 1
fi
echo "native app test: passed"
