#!/usr/bin/env node
// Browser end-to-end suite for the Digest Viewer web build: this file runs the topics in order.
//
//   node tests/e2e/run.mjs [--site build/web/site] [--cli build/native/digest-cli]
//                          [--corpus DIR] [--out tests/e2e/out] [--chromium PATH]
//
// Serves the site itself (127.0.0.1, a free port, at "/" and under "/sub/dir/"), drives Debian's
// chromium headless through playwright-core (never downloads a browser), drops the real digest
// corpus ($DIGEST_CORPUS or <repo>/../shared/digests, read at test time, never copied) and checks
// what the page shows against `digest-cli` on the same files. Any request leaving the origin, any
// console error or page error fails the run. Screenshots and metrics.json go to --out.
// Closing line: "e2e: N passed, M failed"; the exit status is non-zero if any step failed.
//
// One file per topic, each a default export run here in this order (the main page carries the
// loaded corpus from one to the next): unit-load (1-2), unit-search (3-4), unit-select (5),
// unit-export (6), unit-charts (7), unit-reading (12a-d: why it matched, the top view, trends, files, kept columns), unit-robust (13a: WebGL context loss), unit-bad-inputs (8), unit-mixed (9, a fresh page), unit-idle,
// unit-transfer, unit-fetch (its own context and the Hugging Face stand-in), unit-triage (fresh pages:
// the reader's marks), unit-screenshots (fresh pages). suite.mjs holds the shared setup and helpers.
import fs from 'node:fs';
import path from 'node:path';

import { OUT, T_START, args, browser, metrics, problems, server, steps, ORIGIN } from './suite.mjs';
import load from './unit-load.mjs';
import search from './unit-search.mjs';
import select from './unit-select.mjs';
import exportResult from './unit-export.mjs';
import charts from './unit-charts.mjs';
import reading from './unit-reading.mjs';
import robust, { largeDrops } from './unit-robust.mjs';
import badInputs from './unit-bad-inputs.mjs';
import mixed from './unit-mixed.mjs';
import idle from './unit-idle.mjs';
import transfer from './unit-transfer.mjs';
import fetchHf from './unit-fetch.mjs';
import triage from './unit-triage.mjs';
import screenshots from './unit-screenshots.mjs';

const TOPICS = { load, search, select, export: exportResult, charts, reading, robust, badInputs, mixed, idle, transfer, fetchHf, triage, screenshots, largeDrops };
const only = args.only ? new Set(['load', ...String(args.only).split(',')]) : null;
for (const [name, topic] of Object.entries(TOPICS)) if (!only || only.has(name)) await topic();

// Page-wide checks ------------------------------------------------------------------------------------
await steps.run('no request left the origin', async () => {
  steps.check(problems.offOrigin.length === 0, `every request went to ${ORIGIN} (data:/blob: aside)`, problems.offOrigin.slice(0, 5).map((r) => r.url).join(' ') || undefined);
  steps.check(problems.httpErrors.length === 0, 'no HTTP error responses', problems.httpErrors.slice(0, 5));
  steps.check(problems.requestFailures.length === 0, 'no failed requests', problems.requestFailures.slice(0, 5));
});
await steps.run('no console errors, no page errors', async () => {
  steps.check(problems.consoleErrors.length === 0, 'no console errors', problems.consoleErrors.slice(0, 5));
  steps.check(problems.pageErrors.length === 0, 'no page errors', problems.pageErrors.slice(0, 5));
});

// ---------------------------------------------------------------------------------------------------
await browser.close().catch(() => {});
await server.close();

metrics.requests = server.served.length;
metrics.problems = problems;
metrics.steps = steps.results.map((r) => ({ name: r.name, status: r.status, ms: r.ms, failures: r.failures, skip: r.skip }));
metrics.total_ms = Date.now() - T_START;
fs.writeFileSync(path.join(OUT, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');

const summary = {
  navigation_to_ready_ms: metrics.load && metrics.load.navigation_to_ready_ms,
  drop_corpus_to_listed_ms: metrics.drop && metrics.drop.drop_to_painted_ms,
  drop_corpus_to_loaded_ms: metrics.drop && metrics.drop.drop_to_loaded_ms,
  keystroke_to_state_ms: metrics.typing && metrics.typing.key_to_state_ms,
  query_ms: metrics.typing && metrics.typing.last_query_ms,
  export: metrics.export,
  bad_inputs_ms: metrics.bad_inputs && Object.fromEntries(Object.entries(metrics.bad_inputs).map(([k, v]) => [k, v.drop_to_loaded_ms])),
  idle_3s: metrics.idle,
  idle_search_focused_1_5s: metrics.idle_search_focused,
  transfer_gzip_bytes: metrics.transfer && metrics.transfer.gzip_bytes,
  transfer_raw_bytes: metrics.transfer && metrics.transfer.raw_bytes,
  total_ms: metrics.total_ms,
};
console.log('\nsummary ' + JSON.stringify(summary, null, 2));
console.log(`metrics: ${path.relative(process.cwd(), path.join(OUT, 'metrics.json'))}`);
for (const r of steps.results) if (r.status !== 'PASS') console.log(`  ${r.status}: ${r.name}${r.skip ? ' - ' + r.skip : ''}${r.failures.length ? ' - ' + r.failures.join('; ') : ''}`);
if (steps.skipped) console.log(`e2e: ${steps.skipped} skipped`);
console.log(`e2e: ${steps.passed} passed, ${steps.failed} failed`);
process.exit(steps.failed ? 1 : 0);
