// Loading the page (from a sub-path) and dropping the whole corpus, checked against digest-cli.
import { DROP_CAP_MS, MAIN_URL, ORIGIN, ORIGIN_SUB, SMALL, SUB, TARGET_DROP_MS, byId, cmpPaper, corpusFiles, corpusNames, ctx, finishLoadSmall, metrics, needOracle, openViewer, oracle, oracleReady, page, screenshot, server, step, steps } from './suite.mjs';
import { startDrop, state, uploadFiles, waitDrop } from './page.mjs';

export default async function run() {
  await step('1 load the page from a sub-path, await ready, empty state', async () => {
    const t = await openViewer(page, MAIN_URL);
    metrics.load = { navigation_to_ready_ms: Math.round(t.readyAt), dom_content_loaded_ms: Math.round(t.domContentLoaded), load_event_ms: Math.round(t.load), wall_goto_to_ready_ms: t.wall };
    steps.check(!t.fatal, 'no fatal message shown', t.fatal || undefined);
    steps.note(`navigation -> ready ${Math.round(t.readyAt)} ms (DOMContentLoaded ${Math.round(t.domContentLoaded)} ms, load ${Math.round(t.load)} ms)`);
    const s = await state(page);
    steps.check(s.files === 0 && s.papers === 0 && s.visible === 0, 'empty library', { files: s.files, papers: s.papers });
    steps.check(s.selected === null, 'nothing selected');
    const wasm = server.served.find((r) => r.file === 'digest-viewer.wasm');
    steps.check(!!wasm && wasm.url.startsWith(SUB), 'the wasm came from the sub-path', wasm && wasm.url);
    const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    steps.check(names.every((n) => n.startsWith(ORIGIN_SUB) || n.startsWith('data:')), 'every resource under ' + SUB, names.map((n) => n.replace(ORIGIN, '')).join(' '));
    const shot = await screenshot(page, 'main-empty-1x.png');
    steps.note(`screenshot ${shot}`);
  });

  await oracleReady();


  await step(`2 drop the whole corpus (${corpusFiles.length} files) and compare with digest-cli`, async () => {
    needOracle();
    const t0 = Date.now();
    await uploadFiles(page, corpusFiles);
    metrics.upload_to_page_ms = Date.now() - t0;
    await startDrop(page, corpusNames);
    let r = await waitDrop(page, DROP_CAP_MS);
    const lib = oracle.all.library;
    if (r.done) {
      metrics.drop = { files: corpusFiles.length, bytes: metrics.corpus_bytes, drop_to_loaded_ms: Math.round(r.finishMs), drop_to_painted_ms: Math.round(r.paintedMs), target_ms: TARGET_DROP_MS };
      steps.note(`drop -> loaded ${Math.round(r.finishMs)} ms, drop -> drawn ${Math.round(r.paintedMs)} ms (target <= ${TARGET_DROP_MS} ms)`);
      // A speed goal, not a test: reported here and in bench/web, never asserted (timing depends on
      // the machine and its load).
      steps.note(`speed goal: drop -> all listed ${r.paintedMs <= TARGET_DROP_MS ? 'within' : 'OVER'} ${TARGET_DROP_MS} ms (${Math.round(r.paintedMs)} ms)`);
    } else {
      // Not done: record how far it got, then let it finish at a small window size.
      const got = r.state.file_list.length;
      const rate = got / r.elapsedMs;
      metrics.drop = { files: corpusFiles.length, bytes: metrics.corpus_bytes, drop_to_loaded_ms: null, files_after_cap: got, cap_ms: DROP_CAP_MS, extrapolated_ms: rate > 0 ? Math.round(corpusFiles.length / rate) : null, target_ms: TARGET_DROP_MS };
      steps.note(`speed goal missed: drop -> all listed within ${TARGET_DROP_MS} ms: only ${got} of ${corpusFiles.length} files read after ${Math.round(r.elapsedMs)} ms (about ${Math.round(r.elapsedMs / Math.max(got, 1))} ms a file, ${metrics.drop.extrapolated_ms} ms extrapolated): the shell reads the files one by one, a frame between each`);
      const t1 = Date.now();
      r = await finishLoadSmall(page);
      metrics.drop.finish_small_window_ms = Date.now() - t1;
      steps.note(`finished at ${SMALL.width}x${SMALL.height} in another ${metrics.drop.finish_small_window_ms} ms`);
    }
    const s = r.state;
    steps.check(s.files === lib.files, 'files = digest-cli library.files', `${s.files} vs ${lib.files}`);
    steps.check(s.papers === lib.papers, 'papers = digest-cli library.papers', `${s.papers} vs ${lib.papers}`);
    steps.check(s.days === lib.days, 'days = digest-cli library.days', `${s.days} vs ${lib.days}`);
    steps.check(s.listed === lib.listed, 'listed = digest-cli library.listed', `${s.listed} vs ${lib.listed}`);
    steps.check(s.visible === oracle.all.count, 'visible = digest-cli count (empty query)', `${s.visible} vs ${oracle.all.count}`);
    const diagKey = (d) => `${d.source}|${d.line}|${d.severity}|${d.message}`;
    const webDiags = s.diagnostics.map(diagKey).sort();
    const cliDiags = oracle.all.diagnostics.map(diagKey).sort();
    steps.check(JSON.stringify(webDiags) === JSON.stringify(cliDiags), 'diagnostics = digest-cli diagnostics', webDiags.length + ' vs ' + cliDiags.length);
    steps.check(!r.overlayActive, 'drop overlay hidden after the drop');
    steps.check(s.selected && cmpPaper(s.selected, oracle.all.papers[0]), 'first paper (date desc) selected after the first load', byId(s.selected));
    ctx.corpusLoaded = s.papers === lib.papers;
  });
}
