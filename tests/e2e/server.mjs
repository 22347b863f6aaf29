// A small static file server for the e2e suite: node's http module only, bound to 127.0.0.1 on a
// free port. Serves one site directory at "/" and again under a sub-path (default /sub/dir/), so
// the suite can prove the page works from any sub-path. Records what it served (path, raw bytes and
// gzip-compressed bytes) for the transfer-size check.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

// Starts the server; resolves to {port, origin, served, gzipSize(file), close()}.
// `mounts` are URL prefixes ending in '/', each mapped onto siteDir.
// `api` (optional): called first with (req, res, url); returns true if it answered (the Hugging
// Face stand-in, hf_api.mjs, so the API base is this same origin).
export function startServer(siteDir, { mounts = ['/', '/sub/dir/'], api = null } = {}) {
  const root = path.resolve(siteDir);
  const served = [];                 // {url, file, status, bytes, gzipBytes}
  const gzipCache = new Map();
  const gzipSize = (file) => {
    if (!gzipCache.has(file)) gzipCache.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length);
    return gzipCache.get(file);
  };
  const sorted = [...mounts].sort((a, b) => b.length - a.length);  // longest prefix first

  const server = http.createServer((req, res) => {
    let status = 404;
    let file = null;
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (api && api(req, res, url)) return;
      const p = decodeURIComponent(url.pathname);
      const mount = sorted.find((m) => p.startsWith(m));
      if (mount && (req.method === 'GET' || req.method === 'HEAD')) {
        let rel = p.slice(mount.length);
        if (rel === '' || rel.endsWith('/')) rel += 'index.html';
        const abs = path.resolve(root, rel);
        if (abs.startsWith(root + path.sep) && fs.existsSync(abs) && fs.statSync(abs).isFile()) file = abs;
      }
      if (file) {
        const body = fs.readFileSync(file);
        status = 200;
        res.writeHead(200, {
          'Content-Type': mimeType(file),
          'Content-Length': body.length,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        served.push({ url: req.url, file: path.relative(root, file), status, bytes: body.length, gzipBytes: gzipSize(file) });
        return;
      }
    } catch (err) {
      status = 400;
    }
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(status === 404 ? 'not found\n' : 'bad request\n');
    served.push({ url: req.url, file: null, status, bytes: 0, gzipBytes: 0 });
  });

  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        served,
        gzipSize,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}
