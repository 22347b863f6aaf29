// Helpers for the e2e suite: arguments, the digest corpus, the digest-cli oracle, step reporting,
// a few test inputs built in node (PNG, broken UTF-8).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// --site DIR --cli PATH --corpus DIR --out DIR --only 1,2,3 (flags also accept --flag=value).
export function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let v;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) { v = a.slice(eq + 1); a = a.slice(0, eq); }
    const key = a.replace(/^--/, '');
    if (!(key in defaults)) throw new Error(`unknown argument ${argv[i]} (known: ${Object.keys(defaults).map((k) => '--' + k).join(' ')})`);
    if (typeof defaults[key] === 'boolean') { out[key] = true; continue; }
    out[key] = v !== undefined ? v : argv[++i];
    if (out[key] === undefined) throw new Error(`missing value for ${a}`);
  }
  return out;
}

// Every *.md under root, as paths relative to root with '/' separators, sorted the way the page
// sorts dropped names (JS string order; the names are ASCII so this equals byte order).
export function listDigests(root) {
  const out = [];
  const walk = (dir, rel) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? rel + '/' + ent.name : ent.name;
      if (ent.isDirectory()) walk(path.join(dir, ent.name), r);
      else if (ent.isFile() && !ent.name.startsWith('.') && /.\.(md|markdown|json)$/i.test(ent.name)) out.push(r);  // dv::is_digest_file_name
    }
  };
  walk(root, '');
  out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}

// Runs digest-cli; resolves to stdout as a Buffer. Rejects with stderr on a non-zero exit.
export function runCli(cli, args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    execFile(cli, args, { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`digest-cli ${args.slice(0, 4).join(' ')} ...: ${err.message}\n${stderr.toString().slice(0, 2000)}`));
      else resolve(stdout);
    });
  });
}

// A real, valid PNG (8x8 RGB gradient): signature, IHDR, IDAT (zlib), IEND, with CRCs.
export function makePng() {
  const crcTable = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const w = 8, h = 8;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    raw[y * (1 + w * 3)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (1 + w * 3) + 1 + x * 3;
      raw[o] = x * 32; raw[o + 1] = y * 32; raw[o + 2] = 128;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A real digest with invalid UTF-8 (0xFF 0xFE) inserted after the first Hangul syllable of a few
// summary lines (and once in the middle of a multi-byte sequence).
export function breakUtf8(buf) {
  const text = buf.toString('utf8');
  const lines = text.split('\n');
  const parts = [];
  let inserted = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = inserted < 3 && /[\uac00-\ud7a3]/.exec(line);
    if (m) {
      const before = Buffer.from(line.slice(0, m.index + 1), 'utf8');
      const after = Buffer.from(line.slice(m.index + 1), 'utf8');
      parts.push(before, Buffer.from([0xff, 0xfe]), after);
      inserted++;
    } else if (inserted === 3 && /[\uac00-\ud7a3]/.test(line)) {
      // A truncated sequence: the first byte of a 3-byte syllable, then 0xFF 0xFE.
      const b = Buffer.from(line, 'utf8');
      const k = b.findIndex((x) => x >= 0xe0 && x < 0xf0);
      parts.push(b.subarray(0, k + 1), Buffer.from([0xff, 0xfe]), b.subarray(k + 1));
      inserted++;
    } else {
      parts.push(Buffer.from(line, 'utf8'));
    }
    if (i < lines.length - 1) parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms); }),
  ]);
}

export class SkipError extends Error {}
export function skip(msg) { throw new SkipError(msg); }

// Named steps: each prints PASS / FAIL / SKIP with its checks; the closing line counts them.
export class Steps {
  constructor() {
    this.results = [];
    this.current = null;
  }
  // Inside a step: a check that fails the step (but lets the step continue).
  check(ok, msg, detail) {
    const s = this.current;
    if (!s) throw new Error('check outside a step');
    const line = `    ${ok ? 'ok  ' : 'FAIL'} ${msg}` + (detail !== undefined ? `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}` : '');
    console.log(line);
    if (!ok) s.failures.push(msg);
    return ok;
  }
  note(msg) { console.log(`    .... ${msg}`); }
  async run(name, fn, { timeoutMs = 60000 } = {}) {
    const s = { name, failures: [], status: 'PASS', ms: 0 };
    this.current = s;
    console.log(`[step] ${name}`);
    const t0 = Date.now();
    try {
      await withTimeout(Promise.resolve().then(fn), timeoutMs, name);
    } catch (err) {
      if (err instanceof SkipError) {
        s.status = 'SKIP';
        s.skip = err.message;
      } else {
        s.failures.push(String(err && err.stack ? err.stack.split('\n').slice(0, 4).join(' | ') : err));
        console.log(`    FAIL exception: ${err && err.stack ? err.stack.split('\n').slice(0, 4).join('\n         ') : err}`);
      }
    }
    s.ms = Date.now() - t0;
    if (s.status !== 'SKIP' && s.failures.length) s.status = 'FAIL';
    this.current = null;
    this.results.push(s);
    const tail = s.status === 'SKIP' ? ` (SKIP: ${s.skip})` : s.status === 'FAIL' ? ` (${s.failures.length} failed check${s.failures.length > 1 ? 's' : ''})` : '';
    console.log(`${s.status}: ${name} [${s.ms} ms]${tail}`);
    return s.status;
  }
  get passed() { return this.results.filter((r) => r.status === 'PASS').length; }
  get failed() { return this.results.filter((r) => r.status === 'FAIL').length; }
  get skipped() { return this.results.filter((r) => r.status === 'SKIP').length; }
}

// Stable summary of a number list.
export function summarize(list) {
  if (!list.length) return null;
  const s = [...list].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  const r = (x) => Math.round(x * 100) / 100;
  return { n: s.length, min: r(s[0]), median: r(q(0.5)), p90: r(q(0.9)), max: r(s[s.length - 1]), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}
