// The charts window: its data equals digest-cli stats; hovering and clicking a bar narrows the search.
import { CLI, corpusNames, corpusRoot, ctx, needOracle, page, pressAndWait, screenshot, shots_extra, step, steps } from './suite.mjs';
import { frames, state, waitState } from './page.mjs';
import { runCli, skip } from './util.mjs';

export default async function run() {
  await step('7 charts: data equals digest-cli stats, hover and click a histogram bar narrows the search', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    const stats = JSON.parse((await runCli(CLI, ['stats', '--json', ...corpusNames], { cwd: corpusRoot })).toString('utf8'));
    await pressAndWait(page, 'c', (s) => s.charts_open && s.chart_regions.length > 0, null, 'charts open with bars');
    let s = await state(page);
    steps.check(JSON.stringify(s.charts.vote_histogram) === JSON.stringify(stats.vote_histogram),
      'state().charts.vote_histogram equals digest-cli stats --json', `${s.charts.vote_histogram.length} bins`);
    steps.check(JSON.stringify(s.charts.per_day) === JSON.stringify(stats.per_day),
      'state().charts.per_day equals digest-cli stats --json', `${s.charts.per_day.length} days`);
    // The tallest histogram bar: hover it like a user, then click it.
    const bars = s.chart_regions.filter((r) => r.chart === 'vote_histogram');
    steps.check(bars.length === stats.vote_histogram.filter((b) => b.count > 0).length, 'one clickable bar per non-empty bin', bars.length);
    const bar = bars.reduce((a, b) => (b.h > a.h ? b : a));
    await page.mouse.move(bar.x + bar.w / 2, bar.y + bar.h / 2, { steps: 3 });
    await frames(page, 3);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    s = await waitState(page, (st, label) => st.query.includes(label), bar.label, { what: `query gains ${bar.label}` });
    steps.check(s.query.trim() === bar.label, 'the click put the bin\'s vote range into the search box', s.query);
    const expect = JSON.parse((await runCli(CLI, ['query', bar.label, '--limit', '1', ...corpusNames], { cwd: corpusRoot })).toString('utf8'));
    steps.check(s.visible === expect.count, `visible = digest-cli query "${bar.label}" count`, `${s.visible} vs ${expect.count}`);
    const lo = Number(bar.label.split(':')[1].split('..')[0]);
    const bin = stats.vote_histogram.find((b) => b.lo === lo);
    steps.check(bin && s.visible === bin.count, 'the narrowed result holds exactly the bin\'s papers', `${s.visible} vs ${bin && bin.count}`);
    shots_extra.push(await screenshot(page, 'charts-clicked-1x.png'));
    // Leave as found: charts closed, empty query.
    await pressAndWait(page, 'c', (st) => !st.charts_open, null, 'charts closed');
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await waitState(page, (st) => st.query === '', null, { what: 'query cleared' });
  });
}
