// Mixed sources (issue 8): the l-yohai corpus, other producers' digests (../shared/wild) and
// Hugging Face JSON (../shared/hf-json, and the project's own fixture for 2024-06-06, a day the
// corpus has) dropped together on a fresh page, checked against digest-cli on the same files.
import fs from 'node:fs';
import path from 'node:path';

import { CLI, CORPUS, REPO, corpusFiles, corpusNames, corpusRoot, metrics, newPage, openViewer, ORIGIN, screenshot, step, steps } from './suite.mjs';
import { startDrop, state, uploadFiles, waitDrop, waitState } from './page.mjs';
import { listDigests, runCli, skip } from './util.mjs';

export default async function run() {
  await step('8b drop a mixed folder (l-yohai + other producers + Hugging Face JSON) and compare with digest-cli', async () => {
    // ../shared beside the corpus folder holds wild/ and hf-json/.
    const shared = fs.existsSync(path.join(CORPUS, 'l-yohai-daily_papers_ko')) ? path.dirname(CORPUS) : path.dirname(path.dirname(corpusRoot));
    const extra = [];
    for (const sub of ['wild', 'hf-json']) {
      const dir = path.join(shared, sub);
      if (!fs.existsSync(dir)) continue;
      for (const rel of listDigests(dir)) if (path.basename(rel) !== 'README.md' || rel.includes('/')) extra.push(path.join(dir, rel));
    }
    if (!extra.length) skip(`no wild/ or hf-json/ beside ${CORPUS}`);
    extra.push(path.join(REPO, 'tests/data/hf/2024-06-06.json'));
    // Names as the CLI sees them from the corpus root: the page and the oracle use the same strings.
    const extraFiles = extra.map((abs) => ({ name: path.relative(corpusRoot, abs), bytes: fs.readFileSync(abs) }));
    const names = [...corpusNames, ...extraFiles.map((f) => f.name)];
    const oracle = JSON.parse((await runCli(CLI, ['query', '', '--limit', '1', ...names], { cwd: corpusRoot })).toString('utf8'));
    const merged = JSON.parse((await runCli(CLI, ['query', 'title:Parrot', ...names], { cwd: corpusRoot })).toString('utf8'));

    const { context, page: p } = await newPage({ label: 'mixed' });
    try {
      const t = await openViewer(p, ORIGIN + '/');
      steps.check(!t.fatal, 'fresh page ready', t.fatal || undefined);
      await uploadFiles(p, [...corpusFiles, ...extraFiles]);
      await startDrop(p, names);
      const r = await waitDrop(p, 60000);
      steps.check(r.done, `the drop of ${names.length} files finished`, r.done ? `${Math.round(r.finishMs)} ms` : `${r.state.files} files after 60 s`);
      const s = r.state;
      const lib = oracle.library;
      metrics.mixed = { files: names.length, drop_to_loaded_ms: Math.round(r.finishMs), web: { files: s.files, papers: s.papers, listed: s.listed, days: s.days }, cli: lib };
      steps.note(`${names.length} files: ${s.files} loaded, ${s.papers} papers (${s.listed} listings), ${s.days} days`);
      steps.check(s.files === lib.files && s.papers === lib.papers && s.listed === lib.listed && s.days === lib.days,
        'files, papers, listings and days = digest-cli', { web: metrics.mixed.web, cli: lib });
      steps.check(s.papers > 5019 && s.papers < s.listed, 'more papers than the corpus alone, repeats merged');
      const diagKey = (d) => `${d.source}|${d.line}|${d.severity}|${d.message}`;
      const webDiags = s.diagnostics.map(diagKey).sort();
      const cliDiags = oracle.diagnostics.map(diagKey).sort();
      steps.check(JSON.stringify(webDiags) === JSON.stringify(cliDiags), 'diagnostics = digest-cli diagnostics', `${webDiags.length} vs ${cliDiags.length}`);
      const formats = new Set(s.file_list.map((f) => f.format).filter(Boolean));
      steps.note(`formats seen: ${[...formats].join(', ')}`);

      // One paper two sources list: the 2024-06-06 digest and the JSON fixture of that day.
      const want = merged.papers.find((x) => x.arxiv_id === '2406.02539');
      steps.check(!!want && want.sources.length === 2, 'digest-cli: 2406.02539 has two sources', want && want.sources);
      await p.evaluate(() => { window.location.hash = '#p=2406.02539'; });
      const sel = await waitState(p, (st) => st.selected && st.selected.arxiv_id === '2406.02539', null, { what: 'the merged paper selected' });
      // Listings come in file order, which is load order (the page reads files in parallel): compare as sets.
      steps.check(JSON.stringify([...sel.selected.sources].sort()) === JSON.stringify([...want.sources].sort()), 'the page lists the same two sources', sel.selected.sources);
      steps.check(sel.selected.votes === want.votes, 'votes = the highest of the two sources', `${sel.selected.votes} vs ${want.votes}`);
      steps.note(`screenshot ${await screenshot(p, 'mixed-sources-1x.png')}`);
    } finally {
      await context.close();
    }
  });
}
