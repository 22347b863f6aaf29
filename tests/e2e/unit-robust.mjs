// Robustness in the browser (issue 13): a lost and restored WebGL context keeps the library, the
// view and the marks, and the page draws again.
import { ORIGIN, ctx, newPage, openViewer, page, screenshot, shots_extra, step, steps } from './suite.mjs';
import { dropFiles, frames, makeRandomInPage, startDrop, state, waitDrop, waitState } from './page.mjs';
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

export async function largeDrops() {
  await step('13b a folder of 10,000 small files: progress, frames keep coming, Esc cancels and keeps what was read; a 200 MB file and a vanishing file are refused clearly', async () => {
    const { context, page: p } = await newPage({ label: 'large drops' });
    try {
      await openViewer(p, ORIGIN + '/');
      await p.evaluate(() => window.Module._dv_load_sample());
      const base = await waitState(p, (s) => s.papers > 0, null, { what: 'the sample' });
      // 10,000 one-paper digests, each a distinct paper, made in the page.
      const N = 10000;
      const names = await p.evaluate((N) => {
        const enc = new TextEncoder();
        const names = [];
        for (let i = 1; i <= N; i++) {
          const id = '2401.' + String(i).padStart(5, '0');
          const day = String(1 + (i % 28)).padStart(2, '0');
          const name = `gen/2024/01/${day}-${String(i).padStart(5, '0')}.md`;
          const text = `## Daily Papers (2024-01-${day})\n\n### [Generated paper ${i}](https://arxiv.org/abs/${id})\n\nVote: ${i % 50}\n\nAuthors: Test Author ${i % 97}\n\n- A generated summary for the large-drop test, number ${i}.\n`;
          window.__e2e.store.set(name, enc.encode(text));
          names.push(name);
        }
        return names;
      }, N);
      await startDrop(p, names);
      // Watched from inside the page, frame by frame: the progress, the library on screen, and
      // Esc pressed (a key event, as GLFW sees one) in the first frame after a file was read.
      // Not later: the page parses for 100 ms between two frames, and small files parse so fast
      // that a load can finish within the frame or two the viewer takes to read the key (a
      // fresh-clone run pressed it at 3,161 files and the rest were parsed before the next frame).
      const watch = await p.evaluate(() => new Promise((resolve) => {
        const e2e = window.__e2e;
        const out = { first: null, raf0: e2e.rafs, rafsWhileLoading: 0, filesOnScreen: [], escAt: null };
        const t0 = performance.now();
        const tick = () => {
          const s = window.digestViewer.state();
          const l = s.loading;
          if (l.active) {
            if (!out.first) out.first = l;
            out.filesOnScreen.push(s.files);
            if (l.files_done >= 1 && out.escAt === null) {
              out.escAt = l.files_done;
              for (const type of ['keydown', 'keyup']) window.dispatchEvent(new KeyboardEvent(type, { key: 'Escape', code: 'Escape', keyCode: 27, bubbles: true }));
            }
          }
          if ((out.first && !l.active) || performance.now() - t0 > 60000) {
            out.rafsWhileLoading = e2e.rafs - out.raf0;
            resolve(out);
          } else requestAnimationFrame(tick);
        };
        tick();
      }));
      steps.check(watch.first && watch.first.files_total === N && watch.first.bytes_total > 0, 'the progress bar knows the whole drop (files and bytes)', JSON.stringify(watch.first));
      steps.check(watch.rafsWhileLoading >= 3, 'frames keep coming while the files load', `${watch.rafsWhileLoading} animation frames`);
      steps.check(watch.filesOnScreen.every((f) => f === base.files), 'while loading, the library on screen is the one before the drop', `${[...new Set(watch.filesOnScreen)]}`);
      steps.check(watch.escAt !== null, 'Esc was pressed during the load', `at ${watch.escAt} files`);
      const r = await waitDrop(p, 60000);
      steps.check(r.done, 'the cancelled load finishes');
      const s = r.state;
      const added = s.files - base.files;
      steps.check(added >= watch.escAt && added < N, 'Esc kept the files read so far and stopped', `${added} of ${N} files (Esc at ${watch.escAt})`);
      steps.check(s.papers === base.papers + added, 'every kept file gave its paper, the sample is intact', `${s.papers} = ${base.papers} + ${added}`);
      steps.check(/cancelled/.test(s.status), 'the status says the load was cancelled', s.status);
      steps.check(!s.loading.active && s.loading.staged === 0, 'nothing left staged');
      // 200 MB: refused without being read, with the reason.
      await makeRandomInPage(p, 'huge-200mb.md', 200 * 1024 * 1024, 0x1234567);
      const t0 = Date.now();
      const big = await dropFiles(p, ['huge-200mb.md'], { timeoutMs: 30000 });
      const ms = Date.now() - t0;
      const d = big.state.diagnostics.find((x) => x.source === 'huge-200mb.md');
      steps.check(d && /too large/.test(d.message), 'a 200 MB file is refused as too large', d && d.message);
      steps.check(big.state.files === s.files && big.state.papers === s.papers, 'nothing loaded is lost', `${big.state.files} files`);
      steps.check(/huge-200mb\.md/.test(big.state.status), 'the status names it', big.state.status);
      steps.note(`200 MB drop answered in ${ms} ms`);
      await p.evaluate(() => window.__e2e.store.delete('huge-200mb.md'));
      // A file that vanishes while it is read, as Chromium answers (tried on files deleted after
      // they were picked): reading it rejects with NotFoundError, and a Blob made of several
      // files reads without its bytes (the page reads files in batches).
      await p.evaluate(() => {
        window.__e2e.store.set('vanishing.md', new TextEncoder().encode('## Daily Papers (2024-02-01)\n'));
        const orig = File.prototype.arrayBuffer;
        File.prototype.arrayBuffer = function () {
          if (this.name === 'vanishing.md') return Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError'));
          return orig.call(this);
        };
        const OrigBlob = window.Blob;
        window.Blob = function (parts, options) {
          return new OrigBlob((parts || []).filter((x) => !(x instanceof File && x.name === 'vanishing.md')), options);
        };
        window.Blob.prototype = OrigBlob.prototype;
      });
      const v = await dropFiles(p, ['vanishing.md', names[N - 1]], { timeoutMs: 30000 });
      const vd = v.state.diagnostics.find((x) => x.source === 'vanishing.md');
      steps.check(vd && vd.severity === 'error' && /could not be read/.test(vd.message), 'a vanished file says it could not be read', vd && vd.message);
      steps.check(v.state.files >= big.state.files && v.state.papers >= big.state.papers, 'and loses nothing', `${v.state.files} files`);
      // A small load draws no frames until it is done, unless it turns out slow: one read held
      // for 3 s, the page draws again after 1.5 s (the progress bar, Esc) and the file loads.
      await p.evaluate(() => {
        window.__e2e.store.set('slow.md', new TextEncoder().encode('## Daily Papers (2024-03-01)\n\n### [A slow paper](https://arxiv.org/abs/2403.00001)\n\nVote: 3\n'));
        const orig = File.prototype.arrayBuffer;
        File.prototype.arrayBuffer = function () {
          if (this.name === 'slow.md') return new Promise((r) => setTimeout(r, 3000)).then(() => orig.call(this));
          return orig.call(this);
        };
      });
      await startDrop(p, ['slow.md']);
      const draws = await p.evaluate(async () => {
        const e2e = window.__e2e;
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        await sleep(300);
        const a = e2e.draws;
        await sleep(900);  // 0.3-1.2 s: paused
        const b = e2e.draws;
        await sleep(800);  // 1.2-2.0 s: drawing again from 1.5 s
        return { whilePaused: b - a, afterResume: e2e.draws - b, loading: window.digestViewer.state().loading.active };
      });
      steps.check(draws.whilePaused === 0 && draws.afterResume > 0 && draws.loading, 'a small load draws nothing until done unless it turns out slow: frames again after 1.5 s', JSON.stringify(draws));
      const slow = await waitDrop(p, 30000);
      steps.check(slow.done && slow.state.papers === v.state.papers + 1, 'and the slow file loads', `${slow.state.papers} papers`);
    } finally {
      await context.close();
    }
  }, { timeoutMs: 120000 });
}
