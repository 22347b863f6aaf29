// Robustness in the browser (issue 13): a lost and restored WebGL context keeps the library, the
// view and the marks, and the page draws again.
import { ctx, page, screenshot, shots_extra, step, steps } from './suite.mjs';
import { frames, state, waitState } from './page.mjs';
import { skip, sleep } from './util.mjs';

export default async function run() {
  await step('13a WebGL context lost and restored: the library, the search and the selection come back, drawing resumes', async () => {
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    await page.evaluate(() => { location.hash = '#q=diffusion'; });
    const before = await waitState(page, (s) => s.query === 'diffusion', null, { what: 'query diffusion' });
    const lost = await page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2');
      const ext = gl && gl.getExtension('WEBGL_lose_context');
      if (!ext) return { ok: false };
      window.__e2e.loseExt = ext;
      ext.loseContext();
      return { ok: true, lost: gl.isContextLost() };
    });
    if (!lost.ok) skip('WEBGL_lose_context is not offered here');
    steps.check(lost.lost, 'the context is lost', JSON.stringify(lost));
    await sleep(300);
    const during = await state(page);
    steps.check(during.files === before.files && during.papers === before.papers && during.query === 'diffusion', 'while lost, the library and the query are intact', `${during.files} files, ${during.papers} papers`);
    const fatalShown = await page.evaluate(() => !document.getElementById('fatal').hidden);
    steps.check(!fatalShown, 'a lost context is not a fatal error (the page waits for it)');
    await page.evaluate(() => window.__e2e.loseExt.restoreContext());
    const after = await waitState(page, (s) => s.gl_restores === 1, null, { what: 'context restored', timeoutMs: 10000 });
    steps.check(after.files === before.files && after.papers === before.papers && after.visible === before.visible && after.query === before.query,
      'after the restore: same files, papers, result and query', `${after.files}/${after.papers}/${after.visible} "${after.query}"`);
    steps.check(JSON.stringify(after.selected && after.selected.arxiv_id) === JSON.stringify(before.selected && before.selected.arxiv_id), 'the same paper is selected');
    // Drawing resumes: a key press makes frames with draw calls on the new context.
    const d0 = await page.evaluate(() => window.__e2e.draws);
    await page.mouse.move(500, 300);
    await page.mouse.move(520, 320);
    await frames(page, 5);
    const d1 = await page.evaluate(() => window.__e2e.draws);
    steps.check(d1 > d0, 'draw calls on the restored context', `${d1 - d0} draws`);
    const glErr = await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getError());
    steps.check(glErr === 0, 'no GL error after drawing on the restored context', glErr);
    shots_extra.push(await screenshot(page, 'context-restored-1x.png'));
    await page.evaluate(() => { location.hash = '#'; });
    await waitState(page, (s) => s.query === '', null, { what: 'query cleared' });
  });
}
