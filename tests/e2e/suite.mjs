// The e2e suite's shared setup, run once when first imported: arguments, the corpus and the
// digest-cli oracle, the server, the browser, the main page, and the helpers every topic uses.
// run.mjs imports the topic files (unit-*.mjs) and runs them in order; see it for the options.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';
import { hfApi as makeHfApi, API_PATH } from './hf_api.mjs';
import { initScript, uploadFiles, makeRandomInPage, startDrop, waitDrop, dropFiles, waitCanvasSize, state, waitState, waitImeFocus, frames, activeElementId } from './page.mjs';
import { parseArgs, listDigests, runCli, makePng, breakUtf8, sleep, skip, Steps, summarize } from './util.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
export const T_START = Date.now();
export const BUDGET_MS = 240000;   // stop starting steps after this (CI wants the whole run under ~4 min)

export const args = parseArgs(process.argv.slice(2), {
  site: path.join(REPO, 'build/web/site'),
  cli: path.join(REPO, 'build/native/digest-cli'),
  corpus: process.env.DIGEST_CORPUS || path.join(REPO, '..', 'shared', 'digests'),
  out: path.join(HERE, 'out'),
  chromium: '',
  headed: false,
  only: '',          // --only reading,charts: just those topics (after load, which the others need)
});
export const SITE = path.resolve(args.site);
export const CLI = path.resolve(args.cli);
export const CORPUS = path.resolve(args.corpus);
export const OUT = path.resolve(args.out);
export const SUB = '/sub/dir/';
export const VIEWPORT = { width: 1280, height: 800 };
export const TARGET_DROP_MS = 1000;
export const DROP_CAP_MS = 15000;   // step 2 stops timing the full-size drop here (and finishes it at a small size)
export const TARGET_IDLE_SCRIPT_S = 0.3;
export const TARGET_TRANSFER_GZIP = 2 * 1024 * 1024;

export const steps = new Steps();
export const metrics = { site: SITE, started: new Date().toISOString() };
export const problems = { offOrigin: [], consoleErrors: [], pageErrors: [], httpErrors: [], requestFailures: [] };

export function findChromium() {
  const candidates = [args.chromium, process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return null;
}

// Console messages that are not errors of the page: the GL driver's performance notes (SwiftShader).
export function benignConsole(text) {
  return /GL Driver Message|GPU stall due to ReadPixels/.test(text);
}

// ---------------------------------------------------------------------------------------------------
// Setup
fs.mkdirSync(OUT, { recursive: true });
for (const f of fs.readdirSync(OUT)) if (/\.(png|json|csv|md)$/.test(f)) fs.rmSync(path.join(OUT, f));

export const setupErrors = [];
if (!fs.existsSync(path.join(SITE, 'index.html'))) setupErrors.push(`no site at ${SITE} (build it: cmake --preset web && cmake --build --preset web)`);
export const haveCli = fs.existsSync(CLI);
if (!haveCli) setupErrors.push(`no digest-cli at ${CLI} (build it: cmake --preset native && cmake --build --preset native --target digest-cli)`);
export const CHROMIUM = findChromium();
if (!CHROMIUM) setupErrors.push('no chromium at /usr/lib/chromium/chromium or /usr/bin/chromium (apt-get install chromium)');

// The corpus: a folder of digests; names are relative to it (the page and the CLI see the same names).
// The default folder holds the corpus as l-yohai-daily_papers_ko/ beside other material; use that one.
export let corpusRoot = fs.existsSync(path.join(CORPUS, 'l-yohai-daily_papers_ko')) ? path.join(CORPUS, 'l-yohai-daily_papers_ko') : CORPUS;
export let corpusNames = [];
if (fs.existsSync(corpusRoot)) corpusNames = listDigests(corpusRoot);
if (!corpusNames.length) setupErrors.push(`no digests under ${CORPUS} (set DIGEST_CORPUS or --corpus)`);
export const corpusFiles = corpusNames.map((name) => ({ name, bytes: fs.readFileSync(path.join(corpusRoot, name)) }));
metrics.corpus = corpusRoot;
metrics.corpus_files = corpusFiles.length;
metrics.corpus_bytes = corpusFiles.reduce((a, f) => a + f.bytes.length, 0);

if (setupErrors.length) {
  for (const e of setupErrors) console.log(`setup: ${e}`);
  console.log(`e2e: 0 passed, 1 failed`);
  process.exit(1);
}

// Bad inputs (built here; the 30 MB random file is generated inside the page from a seed).
export const PNG = makePng();
export const BROKEN_SOURCE = corpusNames.find((n) => /2024\/06\/07\.md$/.test(n)) || corpusNames[Math.floor(corpusNames.length / 2)];
export const BROKEN = breakUtf8(fs.readFileSync(path.join(corpusRoot, BROKEN_SOURCE)));
export const RANDOM_SIZE = 30 * 1024 * 1024;
export const RANDOM_SEED = 0x2545f491;
export const BAD = [
  { name: 'bad-image.png', bytes: PNG, expect: 'rejected' },
  { name: 'empty.md', bytes: Buffer.alloc(0), expect: 'rejected' },
  { name: 'random-30mb.bin', random: true, expect: 'rejected' },
  { name: 'broken-utf8.md', bytes: BROKEN, expect: 'parsed' },
];

// The oracle: digest-cli on the same files, run from the corpus root with the same relative names.
export const QUERIES = { all: '', ascii: 'diffusion', korean: '모델', mixed: 'author:Kim 모델' };
export const EXPORT_QUERY = 'diffusion';
export const oracle = {};
export async function computeOracle() {
  const t0 = Date.now();
  const run = (a) => runCli(CLI, a, { cwd: corpusRoot });
  const jobs = Object.entries(QUERIES).map(async ([k, q]) => { oracle[k] = JSON.parse((await run(['query', q, ...corpusNames])).toString('utf8')); });
  await Promise.all(jobs.slice(0, 2));
  await Promise.all(jobs.slice(2));
  for (const fmt of ['json', 'csv', 'md']) oracle['export_' + fmt] = await run(['export', '--format', fmt, '--query', EXPORT_QUERY, ...corpusNames]);
  // The library after the bad inputs: write them to a temp folder (never into the repo) and ask again.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-e2e-bad-'));
  try {
    const paths = [];
    for (const b of BAD) {
      const p = path.join(tmp, b.name);
      if (b.random) {
        const u = new Uint8Array(RANDOM_SIZE);
        const w = new Uint32Array(u.buffer, 0, RANDOM_SIZE >> 2);
        let x = RANDOM_SEED >>> 0 || 1;
        for (let i = 0; i < w.length; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; w[i] = x; }
        fs.writeFileSync(p, u);
      } else fs.writeFileSync(p, b.bytes);
      paths.push(p);
    }
    oracle.withBad = JSON.parse((await run(['query', '', '--limit', '1', ...corpusNames, ...paths])).toString('utf8'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  metrics.oracle_ms = Date.now() - t0;
}

// ---------------------------------------------------------------------------------------------------
// Browser
// The Hugging Face stand-in (unit-fetch) answers at this same origin: the archived raw days in
// ../shared/hf-json and tests/data/hf; no test reaches the internet.
export const hfApi = makeHfApi({ archive: path.join(REPO, '..', 'shared', 'hf-json'), fixtures: path.join(REPO, 'tests', 'data', 'hf') });
export const server = await startServer(SITE, { mounts: ['/', SUB], api: hfApi.handler });
export const ORIGIN = server.origin;
export const shots_extra = [];
export const oraclePromise = computeOracle().catch((err) => { oracle.error = err; });

export const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: !args.headed,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  // playwright gives every launch a fresh temporary profile (user-data dir) and removes it on close.
}).catch((err) => {
  console.log(`setup: could not launch ${CHROMIUM}: ${err.message}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});

// The stand-in's scripted failures (429, 500, a reset connection) are what unit-fetch asks for:
// counted here, not as page problems. Everything else still fails the run.
const isApi = (url) => { try { return new URL(url).pathname === API_PATH; } catch { return false; } };
export function watch(page, label) {
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin = null;
    try { origin = new URL(url).origin; } catch { /* unparsable: off-origin */ }
    if (origin !== ORIGIN) {
      problems.offOrigin.push({ page: label, url });
      console.log(`    !!!! off-origin request from ${label}: ${url}`);
    }
  });
  page.on('requestfailed', (req) => {
    const url = req.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    const f = req.failure();
    // ERR_ABORTED is a request cut short by the page going away (reload, navigation) or a
    // download's navigation: noted, not a failure.
    if (f && /ERR_ABORTED/.test(f.errorText)) { problems.aborted = (problems.aborted || 0) + 1; return; }
    if (isApi(url)) { problems.hfScripted = (problems.hfScripted || 0) + 1; return; }
    problems.requestFailures.push({ page: label, url, error: f && f.errorText });
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && isApi(res.url())) { problems.hfScripted = (problems.hfScripted || 0) + 1; return; }
    if (res.status() >= 400) {
      problems.httpErrors.push({ page: label, url: res.url(), status: res.status() });
      console.log(`    !!!! HTTP ${res.status()} ${res.url()}`);
    }
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (benignConsole(text)) return;
    // The browser's own line for a scripted API failure ("Failed to load resource: ... 429").
    if (/^Failed to load resource/.test(text) && isApi((msg.location() || {}).url || '')) return;
    problems.consoleErrors.push({ page: label, text });
    console.log(`    !!!! console error (${label}): ${text}`);
  });
  page.on('pageerror', (err) => {
    problems.pageErrors.push({ page: label, text: String(err && err.stack || err) });
    console.log(`    !!!! page error (${label}): ${err}`);
  });
}

export async function newPage({ deviceScaleFactor = 1, label }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor, acceptDownloads: true, colorScheme: 'light', locale: 'ko-KR', timezoneId: 'UTC' });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  watch(page, label);
  return { context, page };
}

// Waits for window.digestViewer.ready, or fails at once when the page shows its fatal message.
export async function waitReady(page, timeoutMs = 30000) {
  await page.waitForFunction(() => (window.__e2e && window.__e2e.readyAt !== null) || (document.getElementById('fatal') && !document.getElementById('fatal').hidden),
    null, { polling: 50, timeout: timeoutMs });
  const fatal = await page.evaluate(() => { const f = document.getElementById('fatal'); return f.hidden ? null : f.textContent; });
  if (fatal) throw new Error(`the page stopped: ${fatal}`);
}

// Navigates and waits for window.digestViewer.ready; returns timings (ms since navigation start).
export async function openViewer(page, url) {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 30000 });
  await waitReady(page);
  const wall = Date.now() - t0;
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fatal = document.getElementById('fatal');
    return { readyAt: window.__e2e.readyAt, domContentLoaded: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null, fatal: fatal.hidden ? null : fatal.textContent };
  });
  return { ...t, wall };
}

// Loading the corpus as a precondition (not as the measured step): the window is made small while
// the files load, because this headless chromium composites WebGL in software and the shell renders
// a frame between every two files it reads (see step 2), then the size is restored.
export const SMALL = { width: 200, height: 150 };
export async function finishLoadSmall(page, timeoutMs = 120000) {
  await page.setViewportSize(SMALL);
  const r = await waitDrop(page, timeoutMs);
  await page.setViewportSize(VIEWPORT);
  await waitCanvasSize(page);
  await frames(page, 3);
  if (!r.done) throw new Error(`the corpus did not load within ${timeoutMs} ms (${r.state.files} files so far)`);
  return { ...r, state: await state(page) };
}
export async function loadCorpus(page) {
  await uploadFiles(page, corpusFiles);
  await startDrop(page, corpusNames);
  return finishLoadSmall(page);
}

export async function screenshot(page, name) {
  await frames(page, 3);
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  return path.relative(REPO, file);
}

export async function pressAndWait(page, key, fn, arg, what) {
  await page.keyboard.press(key);
  return waitState(page, fn, arg, { what: `${what} after ${key}` });
}

export const byId = (p) => p && (p.arxiv_id || p.url || p.title);
export function cmpPaper(a, b) {
  return a && b && a.arxiv_id === b.arxiv_id && a.title === b.title && a.date === b.date && a.source === b.source;
}

// ---------------------------------------------------------------------------------------------------
const MAIN = await newPage({ label: 'main' });
export const session = await MAIN.context.newCDPSession(MAIN.page);
export const MAIN_URL = ORIGIN + SUB;
export const ORIGIN_SUB = ORIGIN + SUB;
// State one topic leaves for the next (the corpus is loaded in the main page).
export const ctx = { corpusLoaded: false };

export function budgetLeft() { return BUDGET_MS - (Date.now() - T_START); }
export async function step(name, fn, opts) {
  if (budgetLeft() <= 0) {
    return steps.run(name, () => { throw new Error('not run: the time budget is spent'); });
  }
  return steps.run(name, fn, opts);
}

export const { context: mainContext, page } = MAIN;

// Steps after the first need the oracle: await it with oracleReady().
export async function oracleReady() {
  await oraclePromise;
  if (oracle.error) console.log(`oracle: digest-cli failed: ${oracle.error.message}`);
}
export const needOracle = () => { if (oracle.error) throw new Error(`digest-cli oracle unavailable: ${oracle.error.message.split('\n')[0]}`); };
export function corpusLoadedPapers() { return oracle.all ? oracle.all.library.papers : NaN; }
