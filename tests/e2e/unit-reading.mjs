// Reading at a glance (issue 12), on the loaded corpus: why a paper matched (snippet rows and
// highlight spans equal `digest-cli query --why`), the week's top view (its ranking equals
// `digest-cli query "date:…" --sort votes`), j/k in it, term trends (equal `digest-cli stats
// --trend`), the Files tree, the row mode and the table's columns kept across visits.
import { CLI, MAIN_URL, byId, corpusNames, corpusRoot, ctx, mainContext, needOracle, openViewer, page, pressAndWait, screenshot, shots_extra, step, steps } from './suite.mjs';
import { frames, state, waitState } from './page.mjs';
import { runCli, skip } from './util.mjs';

const cliJson = async (args) => JSON.parse((await runCli(CLI, [...args, ...corpusNames], { cwd: corpusRoot })).toString('utf8'));

// Shows a view the way a shared link does: the URL hash.
async function goHash(hash, fn, what) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  return waitState(page, fn, null, { what });
}

export default async function run() {
  await step('12a search 확산: snippet rows show the Korean match; spans equal digest-cli query --why', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    const q = '확산';
    const s = await goHash('#q=' + encodeURIComponent(q), (st) => st.query === '확산' && st.rows.length > 0, 'query 확산');
    const cli = await cliJson(['query', q, '--why', '--limit', String(s.rows.length)]);
    steps.check(s.visible === cli.count, `visible = digest-cli query ${q} count`, `${s.visible} vs ${cli.count}`);
    let same = 0;
    const diffs = [];
    s.rows.forEach((r, i) => {
      const c = cli.papers[i];
      if (c && r.key === byId(c) && r.title === c.title && JSON.stringify(r.why) === JSON.stringify(c.why)) same++;
      else if (diffs.length < 3) diffs.push({ i, app: r, cli: c && { id: byId(c), why: c.why } });
    });
    steps.check(same === s.rows.length, `every shown row's why (fields, title spans, snippet) equals --why (${s.rows.length} rows)`, JSON.stringify(diffs).slice(0, 600));
    const snippets = s.rows.filter((r) => r.why.snippet);
    steps.check(snippets.length > 5, 'rows matched only in the summary carry a snippet', `${snippets.length} of ${s.rows.length}`);
    const sn = snippets[0];
    const enc = new TextEncoder(), dec = new TextDecoder();
    const marked = sn && dec.decode(enc.encode(sn.why.snippet.text).slice(sn.why.snippet.mark[0], sn.why.snippet.mark[1]));
    steps.check(marked === q, 'the snippet\'s mark is the Korean match itself', JSON.stringify(sn && sn.why.snippet));
    steps.check(snippets.every((r) => r.why.where.length === 1 && r.why.where[0] === 'summary' && r.why.title.length === 0),
      'a snippet row matched in its summary only');
    shots_extra.push(await screenshot(page, 'reading-snippets-1x.png'));
    // An English search highlights titles: spans fall on the word, case-insensitively.
    const s2 = await goHash('#q=diffusion', (st) => st.query === 'diffusion' && st.rows.length > 0, 'query diffusion');
    const withTitle = s2.rows.filter((r) => r.why.title.length > 0);
    const bad = withTitle.filter((r) => r.why.title.some(([b, e]) => dec.decode(enc.encode(r.title).slice(b, e)).toLowerCase() !== 'diffusion'));
    steps.check(withTitle.length > 10 && bad.length === 0, 'title spans cover "diffusion" in any case', `${withTitle.length} titles, ${bad.length} off`);
    shots_extra.push(await screenshot(page, 'reading-highlights-1x.png'));
  });

  await step('12b the week of 2024-06-03: the top view ranks like digest-cli query date:2024-06-03..2024-06-09 --sort votes; j/k, [ and ]', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    let s = await goHash('#period=2024-W23', (st) => st.mode === 'period' && st.period === '2024-W23', 'period 2024-W23');
    const cli = await cliJson(['query', 'date:2024-06-03..2024-06-09', '--sort', 'votes']);
    const want = cli.papers.map(byId);
    steps.check(s.period_rows.length === want.length && s.period_rows.every((k, i) => k === want[i]),
      `the week's ranking equals the CLI's (${want.length} papers)`, `${s.period_rows.slice(0, 4)} vs ${want.slice(0, 4)}`);
    steps.check(s.location.includes('period=2024-W23'), 'the period is in the URL hash', s.location);
    shots_extra.push(await screenshot(page, 'reading-period-1x.png'));
    // j from the first row walks the ranking.
    await page.mouse.click(640, 790);  // the status bar: focus leaves any text field, nothing else changes
    s = await state(page);
    const at = s.selected ? s.period_rows.indexOf(byId(s.selected)) : -1;
    await page.keyboard.press('j');
    s = await waitState(page, (st, k) => st.selected && st.period_rows.indexOf(st.selected.arxiv_id || st.selected.url || st.selected.title) === k, at + 1, { what: 'j moves down the ranking' });
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    s = await waitState(page, (st, k) => st.selected && st.period_rows.indexOf(st.selected.arxiv_id || st.selected.url || st.selected.title) === k, at + 1, { what: 'j then k comes back' });
    steps.check(true, 'j / k move through the week\'s ranked rows', `row ${at + 1}`);
    s = await pressAndWait(page, ']', (st) => st.period === '2024-W24', null, 'next week');
    const next = await cliJson(['query', 'date:2024-06-10..2024-06-16', '--sort', 'votes', '--limit', '5']);
    steps.check(JSON.stringify(s.period_rows.slice(0, 5)) === JSON.stringify(next.papers.map(byId)), '] shows the next week, ranked like the CLI');
    s = await pressAndWait(page, 'm', (st) => /^\d{4}-\d{2}$/.test(st.period || ''), null, 'month');
    const month = await cliJson(['query', `date:${s.period}`, '--sort', 'votes', '--limit', '10']);
    steps.check(JSON.stringify(s.period_rows.slice(0, 10)) === JSON.stringify(month.papers.map(byId)), `M shows ${s.period}, ranked like digest-cli query date:${s.period}`);
    await pressAndWait(page, 'w', (st) => /-W\d\d$/.test(st.period || ''), null, 'week again');
    await pressAndWait(page, 'l', (st) => st.mode === 'list', null, 'list view');
  });

  await step('12c term trends equal digest-cli stats --trend (the search, then a typed term)', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    await goHash('#q=diffusion', (st) => st.query === 'diffusion', 'query diffusion');
    await page.mouse.click(640, 790);
    let s = await pressAndWait(page, 'c', (st) => st.charts_open && st.charts.trend.length > 0, null, 'charts with a trend');
    let cli = await cliJson(['stats', '--json', '--query', 'diffusion', '--trend', 'diffusion']);
    steps.check(JSON.stringify(s.charts.trend) === JSON.stringify(cli.trend), 'state().charts.trend equals stats --trend diffusion', `${s.charts.trend.length} points`);
    // R types a second term into the first term field.
    await page.keyboard.press('r');
    await frames(page, 3);
    await page.keyboard.type('agent');
    s = await waitState(page, (st) => st.charts.trend.some((p) => p.term === 'agent'), null, { what: 'the typed term joins the chart' });
    cli = await cliJson(['stats', '--json', '--query', 'diffusion', '--trend', 'diffusion', '--trend', 'agent']);
    steps.check(JSON.stringify(s.charts.trend) === JSON.stringify(cli.trend), 'with "agent" typed: equals stats --trend diffusion --trend agent', `${s.charts.trend.length} points`);
    await page.mouse.click(640, 790);  // out of the field (the main window's status bar)
    s = await pressAndWait(page, 'm', (st) => st.charts.trend_by === 'month', null, 'monthly trend');
    cli = await cliJson(['stats', '--json', '--query', 'diffusion', '--trend', 'diffusion', '--trend', 'agent', '--trend-by', 'month']);
    steps.check(JSON.stringify(s.charts.trend) === JSON.stringify(cli.trend), 'by month: equals stats --trend-by month', `${s.charts.trend.length} points`);
    shots_extra.push(await screenshot(page, 'reading-trend-1x.png'));
    await pressAndWait(page, 'c', (st) => !st.charts_open, null, 'charts closed').catch(() => page.keyboard.press('Escape'));
    await goHash('#', (st) => st.query === '', 'query cleared');
  });

  await step('12d the Files tree and the kept row mode and columns', async () => {
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    let s = await state(page);
    const tree = s.file_tree;
    const files = tree.reduce((n, src) => n + src.files, 0);
    const inMonths = tree.reduce((n, src) => n + src.months.reduce((m, x) => m + x.files, 0), 0);
    steps.check(files === s.files && inMonths === s.files, 'every loaded file is in the tree once', `${files}/${inMonths} vs ${s.files}`);
    // The corpus is YYYY/MM/DD.md: the tree's months are its folders, newest first.
    const folders = new Map();
    for (const n of corpusNames) { const m = n.match(/(\d{4})\/(\d{2})\/[^/]+$/); if (m) folders.set(`${m[1]}-${m[2]}`, (folders.get(`${m[1]}-${m[2]}`) || 0) + 1); }
    const months = tree.flatMap((src) => src.months);
    steps.check(months.length === folders.size && months.every((m) => folders.get(m.month) === m.files), 'one month per YYYY/MM folder, with its file count',
      `${months.length} months vs ${folders.size} folders`);
    steps.check(months.every((m, i) => i === 0 || months[i - 1].month > m.month), 'months newest first');
    // The row mode: V cycles; a new visit (same browser profile) comes back with it.
    await page.mouse.click(640, 790);
    s = await pressAndWait(page, 'v', (st) => st.row_lines === 'title', null, 'two-line titles');
    shots_extra.push(await screenshot(page, 'reading-rows-title-1x.png'));
    s = await pressAndWait(page, 'v', (st) => st.row_lines === 'summary', null, 'title + summary rows');
    shots_extra.push(await screenshot(page, 'reading-rows-summary-1x.png'));
    // Hide the Pct column from the header's context menu (right click), as a reader would.
    const pct = s.papers_columns.find((c) => c.name === 'Pct');
    steps.check(pct && pct.enabled, 'the Pct column shows at first', JSON.stringify(pct));
    await page.mouse.click(620, 51, { button: 'right' });
    await frames(page, 3);
    shots_extra.push(await screenshot(page, 'reading-columns-menu-1x.png'));
    // ImGui's table menu opens at the pointer: Size column to fit, Size all columns to default,
    // Reset order, then one line per column (Date, Votes, Pct...), 20 px each at 15 px text.
    const menu = { x: 620 + 40, y: 51 + 120 };
    let hidden = false;
    if (menu) {
      await page.mouse.click(menu.x, menu.y);
      s = await waitState(page, (st) => !st.papers_columns.find((c) => c.name === 'Pct').enabled, null, { what: 'Pct hidden' }).catch(() => null);
      hidden = !!s;
    }
    steps.check(hidden, 'the header menu hides Pct', JSON.stringify(menu));
    // ImGui hands its settings over half a second after a change: wait until they are stored.
    await page.waitForFunction(() => /Visible=0/.test(localStorage.getItem('digest-viewer.view') || ''), null, { polling: 50, timeout: 10000 }).catch(() => null);
    const other = await mainContext.newPage();
    try {
      await openViewer(other, MAIN_URL);
      const o = await waitState(other, (st) => st.papers_columns.length > 0 || st.files === 0, null, { what: 'second visit' });
      steps.check(o.row_lines === 'summary', 'a new visit keeps the row mode', o.row_lines);
      if (o.papers_columns.length) {
        const p2 = o.papers_columns.find((c) => c.name === 'Pct');
        steps.check(hidden && p2 && !p2.enabled, 'a new visit keeps the hidden column', JSON.stringify(p2));
      }
    } finally {
      await other.close();
      await page.bringToFront();
    }
    // Leave as found: Pct back, one-line rows.
    if (hidden && menu) {
      await page.mouse.move(600, 300);
      await frames(page, 3);
      await page.mouse.click(620, 51, { button: 'right' });
      await frames(page, 3);
      await screenshot(page, 'reading-columns-menu-again-1x.png');
      await page.mouse.click(menu.x, menu.y);
      await waitState(page, (st) => st.papers_columns.find((c) => c.name === 'Pct').enabled, null, { what: 'Pct shown again' });
    }
    await pressAndWait(page, 'v', (st) => st.row_lines === 'one', null, 'one-line rows');
  });
}
