// What the page transfers (gzip) and how the wasm is served.
import { SUB, TARGET_TRANSFER_GZIP, metrics, page, server, step, steps } from './suite.mjs';

export default async function run() {
  await step('10 transfer size (gzip) of what the page loads <= 2 MB', async () => {
    const firstLoad = new Map();
    for (const r of server.served) if (r.status === 200 && r.url.startsWith(SUB) && !firstLoad.has(r.file)) firstLoad.set(r.file, r);
    const files = [...firstLoad.values()];
    const raw = files.reduce((a, r) => a + r.bytes, 0);
    const gz = files.reduce((a, r) => a + r.gzipBytes, 0);
    metrics.transfer = { files: Object.fromEntries(files.map((r) => [r.file, { bytes: r.bytes, gzip: r.gzipBytes }])), raw_bytes: raw, gzip_bytes: gz, limit_gzip_bytes: TARGET_TRANSFER_GZIP };
    steps.note(files.map((r) => `${r.file} ${(r.bytes / 1024).toFixed(0)} KiB (gzip ${(r.gzipBytes / 1024).toFixed(0)} KiB)`).join(', '));
    steps.note(`total ${(raw / 1048576).toFixed(2)} MiB raw, ${(gz / 1048576).toFixed(2)} MiB gzip`);
    for (const need of ['index.html', 'shell.js', 'style.css', 'digest-viewer.js', 'digest-viewer.wasm', 'digest-viewer.data']) steps.check(firstLoad.has(need), `loaded ${need}`);
    steps.check(gz <= TARGET_TRANSFER_GZIP, 'gzip total <= 2 MB', `${gz} bytes`);
    const types = await page.evaluate(async () => {
      const r = await fetch('digest-viewer.wasm', { method: 'HEAD' });
      return r.headers.get('content-type');
    });
    steps.check(types === 'application/wasm', 'wasm served as application/wasm', types);
  });
}
