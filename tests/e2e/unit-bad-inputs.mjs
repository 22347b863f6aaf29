// Bad inputs (a PNG, an empty file, 30 MB of random bytes, broken UTF-8): rejected or parsed, reported.
import { BAD, PNG, RANDOM_SEED, RANDOM_SIZE, ctx, metrics, needOracle, oracle, page, step, steps } from './suite.mjs';
import { dropFiles, makeRandomInPage, state, uploadFiles } from './page.mjs';
import { skip } from './util.mjs';

export default async function run() {
  await step('8 bad inputs: a PNG, an empty file, 30 MB of random bytes, broken UTF-8', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    const base = await state(page);
    metrics.bad_inputs = {};
    let prev = base;
    for (const b of BAD) {
      if (b.random) await makeRandomInPage(page, b.name, RANDOM_SIZE, RANDOM_SEED);
      else await uploadFiles(page, [{ name: b.name, bytes: b.bytes }]);
      const r = await dropFiles(page, [b.name], { timeoutMs: 30000 });
      const s = r.state;
      const diags = s.diagnostics.filter((d) => d.source === b.name);
      const file = s.file_list.find((f) => f.name === b.name);
      metrics.bad_inputs[b.name] = { drop_to_loaded_ms: Math.round(r.finishMs), diagnostics: diags.map((d) => `${d.severity}: ${d.message}`), status: s.status };
      steps.note(`${b.name}: ${Math.round(r.finishMs)} ms; status "${s.status}"; ${diags.map((d) => `${d.severity}: ${d.message}`).join('; ')}`);
      steps.check(diags.length > 0, `${b.name}: a diagnostic names the file`);
      steps.check(s.status.includes(b.name), `${b.name}: the status bar names the file`, s.status);
      if (b.expect === 'rejected') {
        steps.check(!file && s.files === prev.files && s.papers === prev.papers && s.listed === prev.listed, `${b.name}: rejected, loaded data intact`, { files: s.files, papers: s.papers, listed: s.listed });
        steps.check(diags.some((d) => d.severity === 'error'), `${b.name}: an error diagnostic`);
      } else {
        steps.check(!!file && file.papers > 0, `${b.name}: still parsed`, file);
        steps.check(diags.some((d) => d.severity === 'warning'), `${b.name}: a warning diagnostic`);
        steps.check(s.files === prev.files + 1 && s.papers === prev.papers, `${b.name}: one more file, no new paper (its papers are repeats)`, { files: s.files, papers: s.papers, listed: s.listed });
      }
      prev = s;
    }
    const lib = oracle.withBad.library;
    steps.check(prev.files === lib.files && prev.papers === lib.papers && prev.listed === lib.listed && prev.days === lib.days,
      'final counts equal digest-cli on corpus + bad files', { web: { files: prev.files, papers: prev.papers, listed: prev.listed, days: prev.days }, cli: lib });
    await page.evaluate((names) => { for (const n of names) window.__e2e.store.delete(n); }, BAD.map((b) => b.name));
  });
}
