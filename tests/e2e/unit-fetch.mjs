// Get from Hugging Face in the browser, against the suite's own stand-in (hf_api.mjs) at the
// site's origin (?hf=ORIGIN): nothing is requested until asked; the first use says what and where;
// 7 days give the library digest-cli gives on the same bytes; failures keep the library and say
// why per day; Esc cancels and keeps the finished days; a reload shows the kept days (IndexedDB)
// without asking again. A fresh browser context, so the main page's corpus is untouched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CLI, ORIGIN, hfApi, newPage, openViewer, screenshot, step, steps } from './suite.mjs';
import { frames, state, waitState } from './page.mjs';
import { runCli, sleep, skip } from './util.mjs';

const TODAY = '2026-08-23';
const WEEK = ['2026-08-17', '2026-08-18', '2026-08-19', '2026-08-20', '2026-08-21', '2026-08-22', '2026-08-23'];

// digest-cli on the bytes the stand-in serves, under the names the page gives them.
async function cliLibrary(dates) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-e2e-hf-'));
  try {
    fs.mkdirSync(path.join(tmp, 'hf'));
    const names = dates.map((d) => `hf/${d}.json`);
    dates.forEach((d, i) => fs.writeFileSync(path.join(tmp, names[i]), hfApi.body(d)));
    return JSON.parse((await runCli(CLI, ['query', '', ...names], { cwd: tmp })).toString('utf8')).library;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const apiCalls = () => hfApi.log.length;

export default async function run() {
  let page = null;
  let context = null;
  const url = `${ORIGIN}/?hf=${encodeURIComponent(ORIGIN)}&hftoday=${TODAY}`;

  await step('12 fetch: nothing requested until asked; the first use says what and from where', async () => {
    if (!hfApi.file('2026-08-20') || !hfApi.file('2026-08-21')) skip('no ../shared/hf-json archive (2026-08-20/21)');
    ({ context, page } = await newPage({ label: 'fetch' }));
    await openViewer(page, url);
    await sleep(500);
    steps.check(apiCalls() === 0, 'no API request when the page opens', apiCalls());
    const s0 = await state(page);
    steps.check(s0.hf.enabled && s0.hf.base === ORIGIN, 'the feature is on, its base is ?hf=', s0.hf);
    await page.keyboard.press('g');
    const s1 = await waitState(page, (s) => s.hf.notice_open, null, { what: 'the first-use notice' });
    steps.check(s1.hf.summary === `7 days (${WEEK[0]} to ${TODAY}): 7 to fetch`, 'the notice says which days', s1.hf.summary);
    await sleep(300);
    steps.check(apiCalls() === 0, 'still nothing requested while the notice shows', apiCalls());
    steps.note(`screenshot ${await screenshot(page, 'fetch-notice.png')}`);
  });

  await step('13 fetch 7 days: the library equals digest-cli on the same JSON', async () => {
    if (!page) skip('no page');
    await page.keyboard.press('Enter');
    const s = await waitState(page, (s) => !s.hf.running && s.hf.done === 7, null, { timeoutMs: 20000, what: '7 days fetched' });
    const asked = hfApi.log.map((r) => r.date).sort();
    steps.check(JSON.stringify(asked) === JSON.stringify(WEEK), 'one request per day', asked);
    const requested = await page.evaluate(() => window.digestViewer.hfRequested());
    steps.check(requested.every((u) => u.startsWith(`${ORIGIN}/api/daily_papers?date=`)), 'every request went to the base', requested.slice(0, 2));
    const lib = await cliLibrary(WEEK);
    steps.check(s.papers === lib.papers && s.listed === lib.listed && s.days === lib.days && s.files === lib.files,
      'papers, listings, days and files as digest-cli', { page: [s.papers, s.listed, s.days, s.files], cli: [lib.papers, lib.listed, lib.days, lib.files] });
    for (const d of ['2026-08-20', '2026-08-21']) {
      const f = s.file_list.find((x) => x.name === `hf/${d}.json`);
      steps.check(!!f && f.bytes === hfApi.body(d).length, `hf/${d}.json loaded byte for byte`, f);
    }
    steps.check(s.hf.failed === 0 && s.hf.lines.length === 7, 'a line per day, none failed', s.hf.lines);
    steps.note(`screenshot ${await screenshot(page, 'fetch-results.png')}`);
    steps.check(s.status.startsWith('Hugging Face: 7 days, 7 loaded'), 'the status sums it up', s.status);
    const stored = await page.evaluate(() => window.digestViewer.stored());
    steps.check(stored.includes('hf/2026-08-20.json') && stored.includes('hf/2026-08-21.json'), 'the days are kept in IndexedDB', stored);
  });

  await step('14 fetch failures (429 after retries, malformed body, reset): each says why, the library stays', async () => {
    if (!page) skip('no page');
    const before = await state(page);
    // The default plan now: the days after the last loaded one (08-21), i.e. 08-22 and 08-23.
    hfApi.script('2026-08-22', ['429:0']);
    hfApi.script('2026-08-23', ['cut']);
    const n0 = apiCalls();
    await page.keyboard.press('g');  // no notice the second time
    const s = await waitState(page, (s) => !s.hf.running && s.hf.done === 2, null, { timeoutMs: 20000, what: 'two failed days' });
    const line = (d) => s.hf.lines.find((l) => l.startsWith(d)) || '';
    steps.check(line('2026-08-22') === '2026-08-22: failed: HTTP 429 (rate limited) after 4 attempts', '429: retried, then said', line('2026-08-22'));
    steps.check(line('2026-08-23').startsWith('2026-08-23: failed: malformed body: '), 'a cut body: malformed', line('2026-08-23'));
    steps.check(hfApi.log.slice(n0).filter((r) => r.date === '2026-08-22').length === 4, '429 asked 4 times');
    steps.check(s.papers === before.papers && s.files === before.files, 'the library is as it was', { before: before.papers, after: s.papers });
    steps.check(/2 failed/.test(s.status), 'the status says 2 failed', s.status);
    hfApi.script('2026-08-22', ['reset']);
    hfApi.script('2026-08-23', ['ok']);
    const r = await (async () => {
      await page.keyboard.press('g');
      return waitState(page, (s) => !s.hf.running && s.hf.done === 2, null, { timeoutMs: 20000, what: 'a reset day' });
    })();
    const reset = r.hf.lines.find((l) => l.startsWith('2026-08-22')) || '';
    steps.check(reset.startsWith('2026-08-22: failed: request blocked: the browser could not reach it'), 'a reset connection: said so', reset);
    steps.check(r.papers === before.papers, 'the library is still as it was');
    hfApi.clearScripts();
  });

  await step('15 fetch cancel (Esc) keeps the finished days', async () => {
    if (!page) skip('no page');
    // A week in June 2024 (our fixture 2024-06-06 among them): three quick days, four slow ones.
    await page.goto(`${ORIGIN}/?hf=${encodeURIComponent(ORIGIN)}&hftoday=2024-06-10`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__e2e && window.__e2e.readyAt !== null, null, { timeout: 30000 });
    for (const d of ['2024-06-04', '2024-06-05', '2024-06-07', '2024-06-08', '2024-06-09', '2024-06-10']) hfApi.script(d, ['slow:20']);
    const before = await state(page);
    await page.keyboard.press('g');
    // 06-04 .. 06-07 start; 06-06 (the fixture) answers at once.
    const mid = await waitState(page, (s) => s.hf.done >= 1, null, { timeoutMs: 10000, what: 'one finished day' });
    steps.check(mid.hf.running, 'still running', mid.hf);
    await frames(page, 2);
    await page.keyboard.press('Escape');
    const s = await waitState(page, (s) => !s.hf.running, null, { timeoutMs: 5000, what: 'cancelled' });
    const fixture = s.file_list.find((f) => f.name === 'hf/2024-06-06.json');
    steps.check(!!fixture && fixture.papers > 0, 'the finished day is in the library', fixture);
    steps.check(s.papers === before.papers + fixture.papers, 'its papers were added', { before: before.papers, after: s.papers });
    const cancelled = s.hf.lines.filter((l) => l.endsWith('failed: cancelled'));
    steps.check(cancelled.length === 6, 'the other six days say cancelled', s.hf.lines);
    hfApi.clearScripts();
  });

  await step('16 fetch: a reload shows the kept days without asking again', async () => {
    if (!page) skip('no page');
    const before = await state(page);
    const n0 = apiCalls();
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.__e2e && window.__e2e.readyAt !== null, null, { timeout: 30000 });
    const s = await waitState(page, (s, n) => s.papers === n, before.papers, { timeoutMs: 10000, what: 'the kept library' });
    for (const n of ['hf/2026-08-20.json', 'hf/2026-08-21.json', 'hf/2024-06-06.json'])
      steps.check(s.file_list.some((f) => f.name === n), `${n} is back`);
    await sleep(500);
    steps.check(apiCalls() === n0, 'no request on reload', apiCalls() - n0);
    // Turned off (?hf=off): no action, the shortcut does nothing, nothing is requested.
    await page.goto(`${ORIGIN}/?hf=off`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__e2e && window.__e2e.readyAt !== null, null, { timeout: 30000 });
    await page.keyboard.press('g');
    await sleep(500);
    const off = await state(page);
    steps.check(!off.hf.enabled && !off.hf.notice_open && apiCalls() === n0, 'off: G does nothing, nothing requested', off.hf);
  });

  if (context) await context.close().catch(() => {});
}
