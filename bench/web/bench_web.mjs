// Web benchmarks for the Digest Viewer site, in Debian's headless Chromium (playwright-core):
//   - navigation to first interactive frame
//   - everything the page transfers, gzip-compressed
//   - parsing in wasm vs markdown-it's parse() under node on the same bytes (corpus x10)
//   - dropping the whole corpus: time until all papers are listed
//   - keystroke in the search box: query time (in wasm) and key-to-updated-state wall time, at the
//     corpus size (~5k papers) and at ~100k papers (corpus replicated with altered ids and dates)
// Prints ratios and medians; no pass/fail (speed goals are checked by reading these numbers).
// Usage: node bench/web/bench_web.mjs [--site build/web/site] [--corpus DIR] [--skip-100k]
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, def) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def; };
const site = path.resolve(arg('--site', path.join(root, 'build/web/site')));
const corpusRoot = path.resolve(arg('--corpus', process.env.DIGEST_CORPUS || path.join(root, '../shared/digests')));
const corpusDir = fs.existsSync(path.join(corpusRoot, 'l-yohai-daily_papers_ko')) ? path.join(corpusRoot, 'l-yohai-daily_papers_ko') : corpusRoot;
const skip100k = process.argv.includes('--skip-100k');

function walk(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const p90 = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] : NaN; };

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.data': 'application/octet-stream' };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  const file = path.join(site, url.endsWith('/') ? url + 'index.html' : url);
  if (!file.startsWith(site) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const results = {};

// Transfer size (gzip), as a static host with compression would send it.
let raw = 0, gz = 0;
for (const f of fs.readdirSync(site)) {
  const b = fs.readFileSync(path.join(site, f));
  raw += b.length;
  gz += zlib.gzipSync(b, { level: 9 }).length;
}
results.transfer = { raw_bytes: raw, gzip_bytes: gz, gzip_mb: +(gz / 1048576).toFixed(3) };

const files = walk(corpusDir);
const texts = files.map((f) => fs.readFileSync(f));
const corpusBytes = Buffer.concat(texts);
console.log(`corpus: ${files.length} files, ${(corpusBytes.length / 1e6).toFixed(1)} MB`);

const browser = await chromium.launch({
  executablePath: fs.existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--js-flags=--max-old-space-size=4096'],
});

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const t0 = Date.now();
  await page.goto(origin + '/');
  await page.evaluate(() => window.digestViewer.ready);
  const wall = Date.now() - t0;
  const nav = await page.evaluate(() => performance.now());
  return { page, wall, nav };
}

// Hands files to the page as a real drop event would (DataTransfer of Files).
async function dropFiles(page, entries) {
  await page.evaluate(() => { window.__files = []; });
  for (const e of entries) {
    await page.evaluate(([name, b64]) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      window.__files.push(new File([bytes], name));
    }, [e.name, e.bytes.toString('base64')]);
  }
  return page.evaluate(async () => {
    const dt = new DataTransfer();
    for (const f of window.__files) dt.items.add(f);
    const t0 = performance.now();
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    const want = window.__files.length;
    for (;;) {
      await new Promise((r) => setTimeout(r, 5));
      const s = window.digestViewer.state();
      if (s.files >= want || performance.now() - t0 > 120000) return { ms: performance.now() - t0, state: { files: s.files, papers: s.papers } };
    }
  });
}

async function typeQuery(page, query) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  // Wall time: from the key to the end of the frame that ran its query (the page's JS runs
  // between frames, so a changed query seen by frame() was drawn). frame() is a light hook:
  // polling state() instead measured mostly state() itself (1 s a key at 100k papers).
  const queryMs = [], wallMs = [];
  for (const ch of query) {
    const before = await page.evaluate(() => window.digestViewer.frame().query);
    const t0 = Date.now();
    await page.keyboard.type(ch);
    let s;
    for (;;) {
      s = await page.evaluate(() => window.digestViewer.frame());
      if (s.query !== before) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    wallMs.push(Date.now() - t0);
    queryMs.push(s.last_query_ms);
  }
  return { queryMs, wallMs };
}

// 1. Start-up.
console.log('start-up...');
{
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const { page, wall, nav } = await openPage();
    runs.push(nav);
    if (i < 2) await page.close();
    else results.startup_page = page;
    void wall;
  }
  results.first_frame_ms = { median: +median(runs).toFixed(1), runs: runs.map((x) => +x.toFixed(1)) };
}
const page = results.startup_page;
delete results.startup_page;

// 2. Parse: wasm (in the page) vs markdown-it under node, corpus concatenated 10 times.
console.log('parse x10...');
{
  const big = Buffer.concat(Array(10).fill(corpusBytes));
  const text = big.toString('utf8');
  const md = new MarkdownIt();
  const mdRuns = [];
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); md.parse(text, {}); mdRuns.push(performance.now() - t0); }
  await page.evaluate(() => { window.__big = []; });
  const chunk = 8 << 20;
  for (let off = 0; off < big.length; off += chunk)
    await page.evaluate((b64) => { window.__big.push(b64); }, big.subarray(off, off + chunk).toString('base64'));
  const wasmRuns = await page.evaluate(() => {
    const parts = window.__big.map((b64) => { const s = atob(b64); const u = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i); return u; });
    const total = parts.reduce((n, p) => n + p.length, 0);
    const all = new Uint8Array(total);
    let o = 0;
    for (const p of parts) { all.set(p, o); o += p.length; }
    window.__big = null;
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(Module.dvBenchParse(all));
    return runs;
  });
  results.parse_x10 = {
    bytes: big.length,
    wasm_ms: +Math.min(...wasmRuns).toFixed(1),
    markdown_it_ms: +Math.min(...mdRuns).toFixed(1),
    speedup: +(Math.min(...mdRuns) / Math.min(...wasmRuns)).toFixed(2),
  };
}

// 3. Drop the whole corpus.
console.log('drop corpus...');
{
  const entries = files.map((f, i) => ({ name: path.relative(corpusDir, f), bytes: texts[i] }));
  const r = await dropFiles(page, entries);
  results.drop_corpus = { files: r.state.files, papers: r.state.papers, ms: +r.ms.toFixed(1) };
}

// 4. Keystrokes at ~5k papers.
console.log('keystrokes 5k...');
{
  const k = await typeQuery(page, 'diffusion');
  const k2 = await typeQuery(page, 'author:kim');
  const q = [...k.queryMs, ...k2.queryMs], w = [...k.wallMs, ...k2.wallMs];
  results.keystroke_5k = { papers: results.drop_corpus.papers, query_ms_median: +median(q).toFixed(2), query_ms_p90: +p90(q).toFixed(2), wall_ms_median: median(w), wall_ms_p90: p90(w) };
}
await page.close();

// 5. Keystrokes at ~100k papers: the corpus replicated 20 times, each copy with its own ids and dates.
if (!skip100k) {
  console.log('100k...');
  const { page: p2 } = await openPage();
  const copies = 20;
  const entries = [];
  for (let c = 0; c < copies; c++) {
    files.forEach((f, i) => {
      let t = texts[i].toString('utf8');
      if (c > 0) {
        t = t.replace(/arxiv\.org\/abs\/(\d{4})\.(\d+)/g, (m, a, b) => `arxiv.org/abs/${a}.${b}${String(c).padStart(2, '0')}`)
             .replace(/\((20\d\d)-(\d\d)-(\d\d)\)/g, (m, y, mo, d) => `(${Number(y) + 2 * c}-${mo}-${d})`);
      }
      entries.push({ name: `copy${c}/` + path.relative(corpusDir, f), bytes: Buffer.from(t) });
    });
  }
  const r = await dropFiles(p2, entries);
  const k = await typeQuery(p2, 'diffusion');
  const k2 = await typeQuery(p2, '모델');
  const q = [...k.queryMs, ...k2.queryMs], w = [...k.wallMs, ...k2.wallMs];
  const heap = await p2.evaluate(() => window.Module.HEAPU8.length);  // the wasm memory as grown
  results.keystroke_100k = { papers: r.state.papers, load_ms: +r.ms.toFixed(0), query_ms_median: +median(q).toFixed(2), query_ms_p90: +p90(q).toFixed(2), wall_ms_median: median(w), wall_ms_p90: p90(w), wasm_heap_mb: +(heap / 1048576).toFixed(0) };
  await p2.close();
}

await browser.close();
server.close();
console.log(JSON.stringify(results, null, 2));
fs.mkdirSync(path.join(root, 'build'), { recursive: true });
fs.writeFileSync(path.join(root, 'build/bench-web.json'), JSON.stringify(results, null, 2));
