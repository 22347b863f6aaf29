// The e2e suite's stand-in for Hugging Face's GET /api/daily_papers?date=YYYY-MM-DD, answered by
// the site's own server (server.mjs `api`), so the page's base (?hf=ORIGIN) is same-origin and
// its CSP (connect-src 'self' https://huggingface.co) needs no test exception. The same rules as
// tests/fetch/hf_server.py (the CTest one): the raw API days archived in ../shared/hf-json (read in
// place, byte for byte), then our fixtures (tests/data/hf/YYYY-MM-DD.json), else "[]"; scripted
// steps per date: ok | 429 | 429:S (Retry-After S) | 500 | 503 | 403 | cut (half the body, 200) |
// slow:S (then ok) | reset (the connection is destroyed). The last step repeats.
import fs from 'node:fs';
import path from 'node:path';

const RAW_DIRS = [
  '2404589803-hf-daily-paper-newsletter-chinese/daily_papers',
  '2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download',
  'jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download',
];
export const API_PATH = '/api/daily_papers';

export function hfApi({ archive, fixtures }) {
  const days = new Map();   // date -> file
  for (const d of RAW_DIRS) {
    const full = path.join(archive, d);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full).sort()) {
      const m = /(\d{4}-\d{2}-\d{2})\.json$/.exec(name);
      if (m && !days.has(m[1])) days.set(m[1], path.join(full, name));
    }
  }
  if (fs.existsSync(fixtures)) {
    for (const name of fs.readdirSync(fixtures).sort()) {
      if (/^\d{4}-\d{2}-\d{2}\.json$/.test(name) && !days.has(name.slice(0, 10))) days.set(name.slice(0, 10), path.join(fixtures, name));
    }
  }
  const scripts = new Map();
  const counts = new Map();
  const log = [];           // {date, n, step, t}
  const bodyOf = (date) => (days.has(date) ? fs.readFileSync(days.get(date)) : Buffer.from('[]'));
  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  };

  function handler(req, res, url) {
    if (url.pathname !== API_PATH) return false;
    const date = url.searchParams.get('date') || '';
    const n = (counts.get(date) || 0) + 1;
    counts.set(date, n);
    const steps = scripts.get(date) || ['ok'];
    const step = steps[Math.min(n, steps.length) - 1];
    log.push({ date, n, step, t: Date.now() });
    const [kind, arg] = step.split(':');
    const answer = () => {
      if (kind === 'ok' || kind === 'slow') return send(res, 200, bodyOf(date));
      if (kind === '429') return send(res, 429, Buffer.from('{"error":"rate limited"}'), arg !== undefined ? { 'Retry-After': arg } : {});
      if (['500', '503', '403'].includes(kind)) return send(res, Number(kind), Buffer.from('{"error":"scripted failure"}'));
      if (kind === 'cut') { const b = bodyOf(date); return send(res, 200, b.subarray(0, Math.max(1, b.length >> 1))); }
      if (kind === 'reset') return req.socket.destroy();
      return send(res, 500, Buffer.from('{"error":"unknown scripted step"}'));
    };
    if (kind === 'slow') {
      const timer = setTimeout(answer, Number(arg || 2) * 1000);
      res.on('close', () => clearTimeout(timer));
    } else answer();
    return true;
  }
  return {
    handler,
    log,
    days,
    file: (date) => days.get(date) || null,
    body: bodyOf,
    script(date, steps) { scripts.set(date, steps); counts.delete(date); },
    clearScripts() { scripts.clear(); counts.clear(); },
  };
}
