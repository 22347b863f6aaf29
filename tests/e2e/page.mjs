// What the suite runs inside the page: an init script (instrumentation installed before the page's
// own scripts) and helpers that move file bytes in and drop them the way a user's drag does.

// Runs before shell.js on every navigation. Records: when window.digestViewer.ready resolves,
// keydown timestamps, WebGL draw calls and animation frames (to tell idle from busy), and every
// completed load (a wrapper on Module._dv_finish_load, installed once the module is ready).
export function initScript() {
  const e2e = (window.__e2e = { readyAt: null, keydowns: [], draws: 0, rafs: 0, finishes: [], store: new Map() });
  let dv;
  Object.defineProperty(window, 'digestViewer', {
    configurable: true,
    enumerable: true,
    get() { return dv; },
    set(v) {
      dv = v;
      if (v && v.ready) {
        v.ready.then(() => {
          e2e.readyAt = performance.now();
          // Emscripten's export stubs replace themselves on first call (Module._x = asm.x), so
          // the wrapper is an accessor that keeps wrapping whatever is assigned.
          const M = window.Module;
          if (M && !Object.getOwnPropertyDescriptor(M, '_dv_finish_load').get) {
            let current = M._dv_finish_load;
            const wrapped = function (...args) {
              const r = current.apply(this, args);
              e2e.finishes.push(performance.now());
              return r;
            };
            Object.defineProperty(M, '_dv_finish_load', {
              configurable: true,
              get() { return wrapped; },
              set(v) { current = v; },
            });
          }
        });
      }
    },
  });
  window.addEventListener('keydown', (e) => { e2e.keydowns.push({ key: e.key, t: e.timeStamp }); }, true);
  const proto = window.WebGL2RenderingContext && window.WebGL2RenderingContext.prototype;
  if (proto) {
    for (const fn of ['drawElements', 'drawArrays']) {
      const orig = proto[fn];
      proto[fn] = function (...args) { e2e.draws++; return orig.apply(this, args); };
    }
  }
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { e2e.rafs++; cb(t); });
}

// Sends files into the page's store (window.__e2e.store: name -> Uint8Array), in chunks of about
// 2 MB of base64 per evaluate call.
export async function uploadFiles(page, entries /* [{name, bytes: Buffer}] */) {
  const CHUNK = 2 * 1024 * 1024;
  let batch = [];
  let size = 0;
  const flush = async () => {
    if (!batch.length) return;
    await page.evaluate((files) => {
      for (const f of files) {
        const bin = atob(f.b64);
        const u = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
        window.__e2e.store.set(f.name, u);
      }
    }, batch);
    batch = [];
    size = 0;
  };
  for (const e of entries) {
    const b64 = e.bytes.toString('base64');
    batch.push({ name: e.name, b64 });
    size += b64.length;
    if (size >= CHUNK) await flush();
  }
  await flush();
}

// Creates deterministic pseudo-random bytes in the page's store (xorshift32), without shipping them.
export async function makeRandomInPage(page, name, size, seed) {
  await page.evaluate(({ name, size, seed }) => {
    const u = new Uint8Array(size);
    const w = new Uint32Array(u.buffer, 0, size >> 2);
    let x = seed >>> 0 || 1;
    for (let i = 0; i < w.length; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      w[i] = x;
    }
    window.__e2e.store.set(name, u);
  }, { name, size, seed });
}

// Drops stored files on the canvas as one drag: dragenter, dragover, drop with a DataTransfer of
// File objects. Returns at once; waitDrop() then waits for the load to finish.
export async function startDrop(page, names, { target = 'canvas' } = {}) {
  await page.evaluate(({ names, target }) => {
    const e2e = window.__e2e;
    const dt = new DataTransfer();
    for (const n of names) {
      const bytes = e2e.store.get(n);
      if (!bytes) throw new Error('not in the store: ' + n);
      dt.items.add(new File([bytes], n, { type: '' }));
    }
    const el = target === 'window' ? window : document.getElementById('canvas');
    e2e.drop = { before: e2e.finishes.length, t0: performance.now() };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: dt }));
    }
  }, { names, target });
}

// Resolves when the last drop's load finished (the page called _dv_finish_load) and two more
// animation frames ran (so the result was drawn): {done: true, finishMs, paintedMs, state}; or,
// after timeoutMs, {done: false, elapsedMs, state} (the load goes on).
export async function waitDrop(page, timeoutMs) {
  return page.evaluate(async (timeoutMs) => {
    const e2e = window.__e2e;
    const { before, t0 } = e2e.drop;
    const start = performance.now();
    const done = await new Promise((resolve) => {
      const tick = () => {
        if (e2e.finishes.length > before) resolve(true);
        else if (performance.now() - start > timeoutMs) resolve(false);
        else setTimeout(tick, 4);
      };
      tick();
    });
    if (!done) return { done: false, elapsedMs: performance.now() - t0, state: window.digestViewer.state() };
    const finishMs = e2e.finishes[before] - t0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const paintedMs = performance.now() - t0;
    const overlayActive = document.getElementById('drop-overlay').classList.contains('active');
    return { done: true, finishMs, paintedMs, overlayActive, state: window.digestViewer.state() };
  }, timeoutMs);
}

export async function dropFiles(page, names, { timeoutMs = 30000, target = 'canvas' } = {}) {
  await startDrop(page, names, { target });
  const r = await waitDrop(page, timeoutMs);
  if (!r.done) throw new Error(`no load finished ${timeoutMs} ms after the drop (${r.state.files} files so far)`);
  return r;
}

// Waits until the canvas backing store matches the viewport (after a resize).
export async function waitCanvasSize(page, timeoutMs = 10000) {
  await page.waitForFunction(() => {
    const c = document.getElementById('canvas');
    return c.width === Math.round(c.clientWidth * devicePixelRatio) && c.height === Math.round(c.clientHeight * devicePixelRatio);
  }, null, { polling: 'raf', timeout: timeoutMs });
}

export function state(page) {
  return page.evaluate(() => window.digestViewer.state());
}

// Waits (polling every animation frame) until fn(state, arg) is true; resolves to the state.
// fn must be self-contained (it is serialized into the page).
export async function waitState(page, fn, arg, { timeoutMs = 10000, what = 'state' } = {}) {
  // Composed in node (not eval'ed in the page: the page's CSP forbids eval).
  // eslint-disable-next-line no-new-func
  const pred = new Function('arg', `const s = window.digestViewer.state(); const f = (${fn.toString()}); return f(s, arg) ? s : false;`);
  try {
    const handle = await page.waitForFunction(pred, arg, { polling: 'raf', timeout: timeoutMs });
    return await handle.jsonValue();
  } catch (err) {
    const s = await state(page).catch(() => null);
    if (s) delete s.charts;
    throw new Error(`waiting for ${what}: ${err.message.split('\n')[0]}; state: ${JSON.stringify(s && { files: s.files, papers: s.papers, visible: s.visible, query: s.query, mode: s.mode, selected: s.selected && s.selected.arxiv_id, status: s.status })}`);
  }
}

export async function activeElementId(page) {
  return page.evaluate(() => (document.activeElement ? document.activeElement.id || document.activeElement.tagName : null));
}

export async function waitImeFocus(page, focused, timeoutMs = 5000) {
  await page.waitForFunction((want) => (document.activeElement && document.activeElement.id === 'ime') === want, focused, { polling: 'raf', timeout: timeoutMs });
}

// Waits n animation frames in the page.
export async function frames(page, n = 2) {
  await page.evaluate((n) => new Promise((r) => {
    let k = 0;
    const f = () => (++k >= n ? r() : requestAnimationFrame(f));
    requestAnimationFrame(f);
  }), n);
}
