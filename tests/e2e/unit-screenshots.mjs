// Screenshots at deviceScaleFactor 1 and 2 in fresh pages served from "/".
import { ORIGIN, byId, corpusLoadedPapers, loadCorpus, metrics, newPage, openViewer, page, pressAndWait, screenshot, step, steps } from './suite.mjs';
import { frames, state, waitState } from './page.mjs';

export default async function run() {
  await step('11 screenshots at deviceScaleFactor 1 and 2 (served from "/")', async () => {
    metrics.screenshots = [];
    for (const dsf of [1, 2]) {
      const { context, page: p } = await newPage({ deviceScaleFactor: dsf, label: `shots@${dsf}x` });
      try {
        const t = await openViewer(p, ORIGIN + '/');
        steps.check(!t.fatal, `${dsf}x: page ready from "/"`, t.fatal || `${Math.round(t.readyAt)} ms`);
        const canvasSize = await p.evaluate(() => { const c = document.getElementById('canvas'); return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio }; });
        steps.check(canvasSize.w === Math.round(canvasSize.cssW * dsf) && canvasSize.h === Math.round(canvasSize.cssH * dsf), `${dsf}x: canvas backing store = CSS size x ${dsf}`, canvasSize);
        const shots = [];
        shots.push(await screenshot(p, `empty-${dsf}x.png`));
        const r = await loadCorpus(p);
        steps.check(r.state.papers === corpusLoadedPapers(), `${dsf}x: corpus loaded`, `${r.state.papers} papers in ${Math.round(r.paintedMs)} ms`);
        metrics[`drop_${dsf}x_ms`] = Math.round(r.paintedMs);
        // A paper with a Korean summary selected (the first one by date).
        const s0 = await state(p);
        steps.check(!!(s0.selected && s0.selected.summary && s0.selected.summary.some((x) => /[\uac00-\ud7a3]/.test(x.text))), `${dsf}x: the selected paper has a Korean summary`, byId(s0.selected));
        shots.push(await screenshot(p, `list-${dsf}x.png`));
        await pressAndWait(p, 'd', (s) => s.mode === 'day', null, 'day view');
        shots.push(await screenshot(p, `day-${dsf}x.png`));
        await pressAndWait(p, 'l', (s) => s.mode === 'list', null, 'list view');
        await pressAndWait(p, 'c', (s) => s.charts_open, null, 'charts');
        shots.push(await screenshot(p, `charts-${dsf}x.png`));
        await pressAndWait(p, 'c', (s) => !s.charts_open, null, 'charts closed').catch(async (e) => {
          steps.check(false, `${dsf}x: C closes the charts window`, e.message.split(';')[0]);
          await pressAndWait(p, 'Escape', (s) => !s.charts_open, null, 'charts closed by Esc');
        });
        await p.keyboard.press('Shift+Slash');
        await frames(p, 3);
        shots.push(await screenshot(p, `help-${dsf}x.png`));
        await p.keyboard.press('Escape');
        // Reading at a glance (issue 12): snippet rows of a Korean search, the week's top view,
        // the term trend chart.
        const hash = async (h, fn, what) => { await p.evaluate((x) => { location.hash = x; }, h); return waitState(p, fn, null, { what }); };
        await hash('#q=' + encodeURIComponent('확산'), (s) => s.query === '확산' && s.rows.length > 0, 'snippets');
        shots.push(await screenshot(p, `snippets-${dsf}x.png`));
        await hash('#period=2024-W23', (s) => s.mode === 'period' && s.period === '2024-W23', 'week view');
        shots.push(await screenshot(p, `period-${dsf}x.png`));
        await hash('#q=diffusion', (s) => s.query === 'diffusion' && s.mode === 'list', 'diffusion');
        await pressAndWait(p, 'c', (s) => s.charts_open && s.charts.trend.length > 0, null, 'charts with a trend');
        await p.keyboard.press('r');
        await frames(p, 3);
        await p.keyboard.type('agent');
        await waitState(p, (s) => s.charts.trend.some((x) => x.term === 'agent'), null, { what: 'trend term' });
        shots.push(await screenshot(p, `trend-${dsf}x.png`));
        await p.mouse.click(640, 790);
        await pressAndWait(p, 'c', (s) => !s.charts_open, null, 'charts closed');
        await hash('#', (s) => s.query === '', 'cleared');
        if (dsf !== 1) {
          metrics.screenshots.push(...shots);
          steps.note(`${dsf}x: ${shots.join(' ')}`);
          continue;
        }
        // Zoomed text (Ctrl+=), Korean detail at a larger size.
        await p.keyboard.press('Control+Equal');
        await p.keyboard.press('Control+Equal');
        await waitState(p, (s) => s.font_size > 16, null, { what: 'zoom' });
        shots.push(await screenshot(p, `zoomed-${dsf}x.png`));
        // Dark theme (the top bar's Dark button is in the top right; use the system setting instead).
        await p.emulateMedia({ colorScheme: 'dark' });
        await waitState(p, (s) => s.theme === 'dark', null, { what: 'dark theme' }).catch(() => null);
        await p.keyboard.press('Control+0');
        shots.push(await screenshot(p, `dark-${dsf}x.png`));
        metrics.screenshots.push(...shots);
        steps.note(`${dsf}x: ${shots.join(' ')}`);
      } finally {
        await context.close();
      }
    }
  }, { timeoutMs: 90000 });
}
