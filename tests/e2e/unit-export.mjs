// Exporting the result with the JSON, CSV and Markdown buttons, compared byte for byte with digest-cli.
import fs from 'node:fs';
import path from 'node:path';
import { CLI, EXPORT_QUERY, OUT, ctx, metrics, needOracle, oracle, page, screenshot, step, steps } from './suite.mjs';
import { state, waitImeFocus, waitState } from './page.mjs';
import { skip } from './util.mjs';

export default async function run() {
  await step('6 export the result (JSON, CSV, Markdown buttons) and compare with digest-cli export', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    let s = await state(page);
    if (s.query !== '') { await page.keyboard.press('Escape'); await waitState(page, (s) => s.query === '', null); }
    await page.keyboard.press('/');
    await waitImeFocus(page, true);
    await page.keyboard.type(EXPORT_QUERY);
    await waitState(page, (s, q) => s.query === q, EXPORT_QUERY, { what: 'export query typed' });
    await page.keyboard.press('Enter');   // leaves the search box, keeps the text
    await waitImeFocus(page, false);
    s = await state(page);
    steps.check(s.query === EXPORT_QUERY && s.visible === oracle.ascii.count, 'Enter leaves the box and keeps the query', `${s.query} ${s.visible}`);
    // Left pane at 1280x800, 15 px text: Library / N papers / files, days / diagnostics / Open files /
    // Sort / combo / Export result / [JSON] [CSV] [Markdown]. One more line when repeats were merged.
    const dy = s.listed !== s.papers ? 20 : 0;
    const buttons = { json: { x: 43, y: 253 + dy, mime: 'application/json' }, csv: { x: 96, y: 253 + dy, mime: 'text/csv' }, md: { x: 163, y: 253 + dy, mime: 'text/markdown' } };
    const exports = {};
    for (const [fmt, b] of Object.entries(buttons)) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 8000 }).catch(() => null),
        page.mouse.click(b.x, b.y),
      ]);
      await page.mouse.move(640, 790);
      if (!download) {
        const shot = await screenshot(page, `export-missed-${fmt}.png`);
        steps.check(false, `clicking the ${fmt} export button at (${b.x},${b.y}) downloads a file`, `no download; see ${shot} (button moved?)`);
        continue;
      }
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(path.join(OUT, `export-web.${fmt}`), bytes);
      fs.writeFileSync(path.join(OUT, `export-cli.${fmt}`), oracle['export_' + fmt]);
      exports[fmt] = { name: download.suggestedFilename(), bytes };
      steps.check(true, `${fmt} export downloaded`, `${download.suggestedFilename()}, ${bytes.length} bytes`);
    }
    const dl = await page.evaluate(() => window.digestViewer.downloads());
    steps.check(dl.length >= Object.keys(exports).length, 'digestViewer.downloads() lists the exports', dl.map((d) => `${d.name}:${d.mime}:${d.size}`).join(' '));
    metrics.export = { query: EXPORT_QUERY };
    if (exports.json) {
      const web = JSON.parse(exports.json.bytes.toString('utf8'));
      const cli = JSON.parse(oracle.export_json.toString('utf8'));
      const samePapers = JSON.stringify(web.papers) === JSON.stringify(cli.papers);
      steps.check(samePapers, 'JSON export: papers equal digest-cli export --format json --query', `${web.papers.length} vs ${cli.papers.length}`);
      const sameBytes = exports.json.bytes.equals(oracle.export_json);
      metrics.export.json = { bytes: exports.json.bytes.length, cli_bytes: oracle.export_json.length, papers: web.papers.length, byte_equal: sameBytes, diagnostics_web: web.diagnostics.length, diagnostics_cli: cli.diagnostics.length };
      if (sameBytes) steps.check(true, 'JSON export byte-identical to digest-cli');
      else steps.note(`JSON export not byte-identical (${exports.json.bytes.length} vs ${oracle.export_json.length} bytes; diagnostics ${web.diagnostics.length} in the page vs ${cli.diagnostics.length} from the CLI)`);
      steps.check(exports.json.name.endsWith('.json'), 'JSON file name', exports.json.name);
    }
    for (const fmt of ['csv', 'md']) {
      if (!exports[fmt]) continue;
      const same = exports[fmt].bytes.equals(oracle['export_' + fmt]);
      metrics.export[fmt] = { bytes: exports[fmt].bytes.length, cli_bytes: oracle['export_' + fmt].length, byte_equal: same };
      steps.check(same, `${fmt.toUpperCase()} export byte-identical to digest-cli export --format ${fmt}`, `${exports[fmt].bytes.length} vs ${oracle['export_' + fmt].length} bytes`);
    }
    // Back to an empty query for the next steps.
    await page.keyboard.press('Escape');
    await waitState(page, (s) => s.query === '', null, { what: 'query cleared' });
  });
}
