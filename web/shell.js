// Digest Viewer's page shell: everything the browser side does, and nothing the viewer decides.
// - checks WebAssembly and WebGL2, shows loading progress and fatal errors
// - window-level drag and drop of files and folders (read recursively), the Open files/folder pickers
// - hands file bytes and strings to wasm (web/pre.js: malloc + HEAPU8, never as string arguments)
// - Korean/CJK input: a hidden textarea takes focus while the UI edits text and forwards committed
//   text (IME composition is shown next to the caret), because GLFW on the web only sees keypress
// - links (new tab, http/https only), downloads, clipboard, URL hash and history
// - window.digestViewer: test hooks ({ready, state(), ...}); the UI never depends on them
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');
  const statusEl = $('status');
  const ime = $('ime');
  const compositionEl = $('composition');
  const overlay = $('drop-overlay');

  function fatal(msg) {
    const el = $('fatal');
    el.textContent = msg;
    el.hidden = false;
    statusEl.classList.add('done');
  }
  function setStatus(text) {
    statusEl.textContent = text;
  }

  // --- Capability checks --------------------------------------------------------------------------
  if (typeof WebAssembly !== 'object') {
    fatal('Digest Viewer needs WebAssembly, which this browser does not offer. Try a current Firefox, Chrome or Safari.');
    return;
  }
  if (!document.createElement('canvas').getContext('webgl2')) {
    fatal('Digest Viewer needs WebGL 2, which is not available here (it may be switched off, or the graphics driver is blocked). Try another browser or enable hardware acceleration.');
    return;
  }
  // A lost WebGL context (GPU reset, a long background tab) comes back by itself when the page
  // asks for it (preventDefault): the viewer keeps its library and view in wasm memory and only
  // remakes its GL objects on restore. Only if the browser never gives it back is it fatal.
  let glLostTimer = 0;
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    if (window.Module && Module._dv_gl_lost) Module._dv_gl_lost();
    statusEl.textContent = 'The graphics context was lost; waiting for the browser to restore it\u2026';
    statusEl.classList.remove('done');
    clearTimeout(glLostTimer);
    glLostTimer = setTimeout(() => fatal('The graphics context was lost and not restored (the GPU was reset or is unavailable). Reload the page to continue; the library is kept in this browser.'), 20000);
  });
  canvas.addEventListener('webglcontextrestored', () => {
    clearTimeout(glLostTimer);
    statusEl.classList.add('done');
    if (window.Module && Module._dv_gl_restored) Module._dv_gl_restored();
  });

  let readyResolve;
  const ready = new Promise((resolve) => { readyResolve = resolve; });
  const downloads = [];   // the last exports, for tests: {name, mime, size, text}

  // --- Remembering the library between visits (IndexedDB, in this browser only) -------------------
  // The files the viewer accepted are kept so a reload or a later visit shows the same library;
  // 'Clear all' and removing a file forget them (the viewer names them: filesRemoved).
  // Version 2 adds the 'triage' store: the reader's marks, one JSON text under the key 'triage'.
  const store = {
    db: null,
    openError: '',
    open() {
      if (this.db !== null) return Promise.resolve(this.db);
      return new Promise((resolve) => {
        let req;
        const failed = (why) => { this.db = false; this.openError = why; resolve(false); };
        try { req = indexedDB.open('digest-viewer', 2); } catch (e) { failed((e && e.name) || 'no IndexedDB'); return; }
        req.onupgradeneeded = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('files')) db.createObjectStore('files');
          if (!db.objectStoreNames.contains('triage')) db.createObjectStore('triage');
        };
        req.onsuccess = () => { this.db = req.result; resolve(this.db); };
        req.onerror = () => failed((req.error && req.error.name) || 'open failed');
        req.onblocked = () => failed('blocked by another tab');
      });
    },
    async tx(mode, fn, name = 'files') {
      const db = await this.open();
      if (!db) return null;
      return new Promise((resolve) => {
        const t = db.transaction(name, mode);
        const result = fn(t.objectStore(name));
        t.oncomplete = () => resolve(result && 'result' in result ? result.result : null);
        t.onerror = t.onabort = () => resolve(null);
      });
    },
    // The triage store reports why a write failed (quota, private mode), unlike the files store.
    async putTriage(key, text) {
      const db = await this.open();
      if (!db) throw new Error(this.openError || 'IndexedDB is not available');
      return new Promise((resolve, reject) => {
        let t;
        try {
          t = db.transaction('triage', 'readwrite');
          t.objectStore('triage').put(text, key);
        } catch (e) { reject(e); return; }
        t.oncomplete = () => resolve();
        t.onerror = t.onabort = () => reject(t.error || new Error('the write was aborted'));
      });
    },
    getTriage(key = 'triage') { return this.tx('readonly', (s) => s.get(key), 'triage'); },
    putAll(list) { return this.tx('readwrite', (s) => { for (const { name, bytes } of list) s.put(bytes, name); }); },
    // What the last visit left, the marks and the files, in one transaction. Started as the page
    // loads, so opening the database (a quarter of a second on a fresh profile) and reading it
    // run while the wasm downloads and compiles instead of after the first frame.
    async saved() {
      const db = await this.open();
      if (!db) return { triage: null, files: [] };
      return new Promise((resolve) => {
        let t;
        try { t = db.transaction(['files', 'triage'], 'readonly'); } catch (e) { resolve({ triage: null, files: [] }); return; }
        const triage = t.objectStore('triage').get('triage');
        const keys = t.objectStore('files').getAllKeys();
        const values = t.objectStore('files').getAll();
        t.oncomplete = () => resolve({ triage: triage.result, files: keys.result.map((k, i) => ({ name: k, bytes: values.result[i] })) });
        t.onerror = t.onabort = () => resolve({ triage: null, files: [] });
      });
    },
    deleteAll(names) { return this.tx('readwrite', (s) => { for (const k of names) s.delete(k); }); },
  };
  const savedAtStart = store.saved();
  let storeSync = Promise.resolve();
  function storeLater(fn) { storeSync = storeSync.then(fn).catch(() => {}); }

  // The reader's marks: written on every change, the latest text only (a burst of changes while
  // a write runs becomes one write). A failure is told to the viewer once; it keeps working in
  // memory and offers export.
  let triagePending = null, triageWriting = null, triageFailed = false;
  function storageMessage(e) {
    const name = (e && (e.name || e.message)) || String(e);
    if (/quota/i.test(name)) return 'the browser\'s storage for this site is full: quota exceeded';
    if (/blocked/i.test(name)) return 'storage is blocked by another tab of this site';
    return 'this browser does not allow storage here, private mode or blocked: ' + name;
  }
  function writeTriage(text) {
    triagePending = text;
    if (triageWriting) return triageWriting;
    triageWriting = (async () => {
      while (triagePending !== null) {
        const t = triagePending;
        triagePending = null;
        try { await store.putTriage('triage', t); } catch (e) {
          if (!triageFailed) { triageFailed = true; Module.dvTriageStorageFailed(storageMessage(e)); }
        }
      }
      triageWriting = null;
    })();
    return triageWriting;
  }

  // What dv_add_file returns (AddResult::Kind in src/core/library.h, in that order).
  const ADD_RESULT = ['added', 'replaced', 'unchanged', 'duplicate', 'rejected'];
  // Hands one file to wasm (bytes === null: could not be read); returns ADD_RESULT's word.
  function addFile(name, bytes) { return ADD_RESULT[Module.dvAddFile(name, bytes)] || 'rejected'; }
  const accepted = (result) => result === 'added' || result === 'replaced';

  // --- The viewer calls these (see src/platform/main_web.cpp) -----------------------------------
  window.DV = {
    openUrl(url) {
      if (!/^https?:\/\//i.test(url)) return;      // only web links, only on a click
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    saveFile(name, mime, bytes) {
      const blob = new Blob([bytes], { type: mime });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
      downloads.push({ name, mime, size: bytes.length });
      if (downloads.length > 10) downloads.shift();
    },
    setLocation(hash, push) {
      const url = hash ? '#' + hash : location.pathname + location.search;
      if (('#' + hash) === location.hash || (!hash && !location.hash)) return;
      if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    },
    openFiles() { $('file-input').click(); },
    openFolder() { $('folder-input').click(); },
    setClipboard(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    },
    prefersDark() { return !window.matchMedia || window.matchMedia('(prefers-color-scheme: dark)').matches; },
    textInput(active, x, y, h) { setTextInput(active, x, y, h); },
    filesRemoved(names) { storeLater(() => store.deleteAll(names)); },
    // Get from Hugging Face: see the section below.
    hfRequest(gen, index, url) { hfRequest(gen, index, url); },
    hfKeep(name, bytes) { storeLater(() => store.putAll([{ name, bytes }])); },
    hfTimer(gen, ms) { setTimeout(() => Module._dv_hf_pump(gen), ms); },
    hfAbort(gen) { for (const [key, ctl] of hf.inFlight) if (key.startsWith(gen + ':')) ctl.abort(); },
    hfSettings(enabled, noticeSeen) {
      try { localStorage.setItem(HF_SETTINGS, JSON.stringify({ enabled, notice_seen: noticeSeen })); } catch (e) { /* private mode */ }
    },
    hfConfig() { return hfConfig(); },
    triageChanged(text) { writeTriage(text); },
    cancelLoad() { cancelLoad = true; },
    // The papers table's columns and the row mode (the viewer's own JSON), kept on this machine.
    viewSettingsGet() { try { return localStorage.getItem(VIEW_SETTINGS) || ''; } catch (e) { return ''; } },
    viewSettingsSet(text) { try { localStorage.setItem(VIEW_SETTINGS, text); } catch (e) { /* private mode: for this visit only */ } },
    onReady() {
      statusEl.classList.add('done');
      savedAtStart.then(async (saved) => {
        await restoreTriage(saved.triage);
        restoreLibrary(saved.files);
      }).finally(() => {
        if (location.hash.length > 1) applyHash();
        readyResolve();
      });
    },
  };

  // --- Get from Hugging Face (issue 11) ------------------------------------------------------------
  // The viewer decides everything (which days, which URL, when to retry, what a failure means:
  // src/core/hf_fetch.h, run by main_web.cpp's HfQueue); this only performs one fetch() per call
  // and reports how it ended. Nothing is requested until the reader asks. ?hf=URL sets the API
  // base (the page's CSP allows 'self' and https://huggingface.co only), ?hf=off turns the
  // feature off for the visit, ?hftoday=YYYY-MM-DD fixes "today" (tests).
  const HF_SETTINGS = 'digest-viewer.hf';
  const VIEW_SETTINGS = 'digest-viewer.view';
  // dv::HfNet in src/core/hf_fetch.h, in that order.
  const HF_NET = { none: 0, offline: 1, refused: 2, blocked: 3, timeout: 4, truncated: 5, cancelled: 6, other: 7 };
  const HF_TIMEOUT_MS = 30000;   // HfFetchJob::timeout_s natively
  const hf = { inFlight: new Map(), requested: [] };
  function hfConfig() {
    const params = new URLSearchParams(location.search);
    let saved = {};
    try { saved = JSON.parse(localStorage.getItem(HF_SETTINGS) || '{}') || {}; } catch (e) { saved = {}; }
    const base = params.get('hf');
    return {
      enabled: base === 'off' ? false : saved.enabled !== false,
      notice_seen: !!saved.notice_seen,
      base: base && base !== 'off' ? base : '',
      today: params.get('hftoday') || '',
    };
  }
  function hfRequest(gen, index, url) {
    const key = gen + ':' + index;
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, HF_TIMEOUT_MS);
    hf.inFlight.set(key, ctl);
    hf.requested.push(url);
    (async () => {
      let net = HF_NET.none, detail = '', status = 0, retryAfter = '', body = null;
      try {
        const res = await fetch(url, { signal: ctl.signal, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
          redirect: 'error', headers: { Accept: 'application/json' } });
        status = res.status;
        retryAfter = res.headers.get('Retry-After') || '';
        try {
          body = new Uint8Array(await res.arrayBuffer());
        } catch (e) {
          net = timedOut ? HF_NET.timeout : ctl.signal.aborted ? HF_NET.cancelled : HF_NET.truncated;
          detail = String((e && e.message) || e);
        }
      } catch (e) {
        if (timedOut) net = HF_NET.timeout;
        else if (ctl.signal.aborted) net = HF_NET.cancelled;
        else if (navigator.onLine === false) net = HF_NET.offline;
        else {
          // fetch() says only "Failed to fetch": a refused connection, a CORS or CSP refusal look alike.
          net = HF_NET.blocked;
          detail = 'the browser could not reach it (connection refused, or not allowed by the page or the server)';
        }
      } finally {
        clearTimeout(timer);
        hf.inFlight.delete(key);
      }
      if (net === HF_NET.cancelled) return;  // the viewer already ended these days
      Module.dvHfAttempt(gen, index, net, detail, status, retryAfter, body);
    })();
  }

  // --- Module configuration (read by digest-viewer.js) ------------------------------------------
  window.Module = {
    canvas,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    setStatus: (t) => { if (t) setStatus(t.replace('Downloading data...', 'Loading fonts')); },
    onAbort: (what) => fatal('Digest Viewer stopped unexpectedly: ' + what + '. Reload the page.'),
  };

  // --- Handing files to wasm ------------------------------------------------------------------------
  let loading = Promise.resolve();
  let cancelLoad = false;   // set by the viewer (Esc, the Cancel button) through DV.cancelLoad
  const READ_AHEAD_BYTES = 64 << 20;  // files being read ahead of the one being parsed
  const READ_BATCH_FILES = 64, READ_BATCH_BYTES = 4 << 20;  // files read as one request
  const WORK_MS = 100;      // a large load hands over this long between two frames
  const SMALL_LOAD_MS = 1500;  // a small load still running after this draws frames again
  // A load this small finishes before a frame would help (the 330-file corpus: ~0.5 s): no yields.
  const isLarge = (files, bytes) => files > 1000 || bytes > (32 << 20);
  // Yields for one frame (rAF), or 50 ms where frames do not come (a background tab).
  // A visible page waits for the frame itself: that frame is when the viewer reads the keys
  // pressed meanwhile (Esc). On a busy machine the animation frame can come later than 50 ms, and
  // a load that went on without it never saw Esc (a 10,000-file drop ran to the end). A hidden
  // tab gets no animation frames, so there (and once the page is hidden while waiting) 50 ms stand
  // in for one.
  const nextFrame = () => new Promise((resolve) => {
    let t = null;
    const fallback = () => { if (t === null) t = setTimeout(done, 50); };
    const done = () => { clearTimeout(t); document.removeEventListener('visibilitychange', fallback); resolve(); };
    if (document.visibilityState !== 'visible') fallback();
    else document.addEventListener('visibilitychange', fallback);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
  function loadFiles(entries, persist = true) {
    // Serialize loads so two quick drops never interleave their rebuilds.
    loading = loading.then(() => ready).then(async () => {
      if (!entries.length) return;
      let paused = false, slowTimer = 0;
      try {
        setStatus('');
        cancelLoad = false;
        // Files are read ahead (up to READ_AHEAD_BYTES in flight) and handed to the viewer in order,
        // which parses each as it comes (dv_stage_file: the library on screen is untouched); a large
        // load draws a frame every WORK_MS so the progress bar moves and Esc can cancel.
        // _dv_finish_load commits everything with one rebuild. Files too large for the viewer are
        // never read; unreadable ones (permissions, vanished) arrive as null.
        const max = Module._dv_max_file_bytes();
        const sizeOf = (e) => (e.file.size <= max ? e.file.size : 0);
        const totalBytes = entries.reduce((n, e) => n + sizeOf(e), 0);
        let workMs = isLarge(entries.length, totalBytes) ? WORK_MS : Infinity;
        // A small load draws no frames until it is done: frames drawn meanwhile showed only a
        // progress bar for a moment, and in headless Chromium they took the main thread from the
        // file reads (the corpus: first bytes after 130 ms instead of 45, done 250 ms later).
        // One that turns out slow (a slow disk) goes on as a large one after SMALL_LOAD_MS: frames
        // again, the progress bar and Esc.
        if (workMs === Infinity) {
          Module.pauseMainLoop();
          paused = true;
          slowTimer = setTimeout(() => {
            if (!paused) return;
            Module.resumeMainLoop();
            Module._dv_wake();
            paused = false;
            workMs = WORK_MS;
          }, SMALL_LOAD_MS);
        }
        const reads = new Array(entries.length);
        let next = 0, ahead = 0;
        // Consecutive files are read together, as one Blob of up to READ_BATCH_FILES files or
        // READ_BATCH_BYTES: a read costs the page's main thread per request, and the corpus read
        // file by file took longer than in 64-file batches (110-190 ms vs 70-100 ms here). A batch
        // that fails (a file vanished or changed) is read again file by file, so only that file is
        // lost. Each file gets its own copy of its bytes: a view into the batch would make
        // IndexedDB store the whole batch under every name.
        const readOne = (e) => e.file.arrayBuffer().then((b) => new Uint8Array(b), () => null);
        const readAhead = () => {
          while (next < entries.length && (ahead < READ_AHEAD_BYTES || next === 0)) {
            if (entries[next].file.size > max) { reads[next++] = Promise.resolve('large'); continue; }
            const first = next;
            let bytes = 0;
            while (next < entries.length && next - first < READ_BATCH_FILES && entries[next].file.size <= max &&
                   (next === first || bytes + entries[next].file.size <= READ_BATCH_BYTES)) bytes += entries[next++].file.size;
            ahead += bytes;
            const batch = entries.slice(first, next);
            if (batch.length === 1) { reads[first] = readOne(batch[0]); continue; }
            const whole = new Blob(batch.map((e) => e.file)).arrayBuffer().then((b) => new Uint8Array(b), () => null);
            let off = 0;
            batch.forEach((e, k) => {
              const start = off, end = (off += e.file.size);
              reads[first + k] = whole.then((b) => (b && b.length === bytes ? b.slice(start, end) : readOne(e)));
            });
          }
        };
        let done = 0, doneBytes = 0, lastYield = performance.now();
        const keep = [];
        const progress = () => Module._dv_load_progress(done, entries.length, doneBytes, totalBytes);
        progress();
        while (done < entries.length && !cancelLoad) {
          readAhead();
          const { name, file } = entries[done];
          const bytes = await reads[done];
          reads[done] = null;
          ahead -= sizeOf(entries[done]);
          if (bytes === 'large') Module.dvRefuseLarge(name, file.size);
          else {
            if (accepted(ADD_RESULT[Module.dvStageFile(name, bytes)] || 'rejected')) keep.push({ name, bytes });
            if (bytes) doneBytes += bytes.length;
          }
          done++;
          if (performance.now() - lastYield > workMs && done < entries.length) {
            progress();
            await nextFrame();  // a frame: the progress bar, and input (Esc)
            lastYield = performance.now();
          }
        }
        progress();
        // Only what the viewer accepted is stored, in one transaction for the whole drop.
        if (persist && keep.length) storeLater(() => store.putAll(keep));
        Module._dv_finish_load();
      } finally {
        clearTimeout(slowTimer);
        if (paused) Module.resumeMainLoop();
      }
    });
    return loading;
  }

  // The marks first (the library's days are compared with the previous visit's). A stored text
  // the viewer cannot use is kept under 'triage.bad' before anything replaces it.
  async function restoreTriage(text) {
    const t = typeof text === 'string' ? text : '';
    // The viewer's clean start is written under 'triage'; the unusable text goes to another key.
    if (!Module.dvTriageLoad(t) && t) await store.putTriage('triage.bad', t).catch(() => {});
  }

  // Hands the viewer the files the last visit left in IndexedDB (store.saved, read as the page
  // loaded), before the URL hash is applied, so a link to a paper finds it.
  function restoreLibrary(saved) {
    if (!saved.length) return;
    // What the viewer no longer accepts (a stricter parser, a duplicate) is forgotten.
    const stale = saved.filter(({ name, bytes }) => { const r = addFile(name, new Uint8Array(bytes)); return r === 'rejected' || r === 'duplicate'; });
    if (stale.length) storeLater(() => store.deleteAll(stale.map((f) => f.name)));
    Module._dv_finish_load();
  }

  // Mirrors dv::is_digest_file_name (src/core/file_io.h): .md, .markdown or .json (Hugging Face
  // Daily Papers JSON), any case; hidden names (".x") are skipped as dv::walk_digest_files does.
  function isDigestName(name) { return !name.startsWith('.') && /.\.(md|markdown|json)$/i.test(name); }

  // Reads a dropped folder recursively (readEntries returns batches until it returns none).
  async function walkEntry(entry, path, out) {
    if (entry.isFile) {
      if (!isDigestName(entry.name)) return;
      const file = await new Promise((res, rej) => entry.file(res, rej)).catch(() => null);
      if (file) out.push({ name: path + entry.name, file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((res) => reader.readEntries(res, () => res([])));
        if (!batch.length) break;
        for (const child of batch) await walkEntry(child, path + entry.name + '/', out);
      }
    }
  }

  async function filesFromDataTransfer(dt) {
    const out = [];
    const items = dt.items ? Array.from(dt.items) : [];
    const entries = items.map((it) => (it.kind === 'file' && it.webkitGetAsEntry) ? it.webkitGetAsEntry() : null);
    if (entries.some((e) => e)) {
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        if (e && e.isDirectory) await walkEntry(e, '', out);
        else if (e && e.isFile) {
          const f = items[i].getAsFile();
          if (f) out.push({ name: f.name, file: f });  // a file dropped on its own is always read
        }
      }
    } else {
      for (const f of Array.from(dt.files || [])) out.push({ name: f.name, file: f });
    }
    out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return out;
  }

  // --- Drag and drop (window-level: a drop anywhere loads, never navigates away) --------------------
  let dragDepth = 0;
  window.addEventListener('dragenter', (e) => { e.preventDefault(); dragDepth++; overlay.classList.add('active'); });
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    overlay.classList.add('active');
  });
  window.addEventListener('dragleave', (e) => {
    e.preventDefault();
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) overlay.classList.remove('active');
  });
  window.addEventListener('drop', async (e) => {
    e.preventDefault();
    dragDepth = 0;
    overlay.classList.remove('active');
    if (!e.dataTransfer) return;
    const files = await filesFromDataTransfer(e.dataTransfer);
    await loadFiles(files);
  });

  $('file-input').addEventListener('change', (e) => {
    const files = Array.from(e.target.files || []).map((f) => ({ name: f.name, file: f }));
    e.target.value = '';
    loadFiles(files);
  });
  $('folder-input').addEventListener('change', (e) => {
    const files = Array.from(e.target.files || [])
      .filter((f) => isDigestName(f.name))
      .map((f) => ({ name: f.webkitRelativePath || f.name, file: f }));
    e.target.value = '';
    loadFiles(files);
  });

  // --- Text input and the IME -------------------------------------------------------------------------
  let textActive = false;
  let composing = false;
  function setTextInput(active, x, y, h) {
    textActive = active;
    if (active) {
      ime.style.left = x + 'px';
      ime.style.top = y + 'px';
      ime.style.height = Math.max(h, 12) + 'px';
      compositionEl.style.left = x + 'px';
      compositionEl.style.top = y + 'px';
      if (document.activeElement !== ime) ime.focus({ preventScroll: true });
    } else {
      hideComposition();
      if (document.activeElement === ime) { ime.blur(); canvas.focus({ preventScroll: true }); }
    }
  }
  function sendText(text) { if (text) Module.dvInputText(text); }
  function hideComposition() { compositionEl.style.display = 'none'; compositionEl.textContent = ''; }
  ime.addEventListener('compositionstart', () => { composing = true; Module._dv_set_composing(1); });
  ime.addEventListener('compositionupdate', (e) => {
    compositionEl.textContent = e.data || '';
    compositionEl.style.display = e.data ? 'block' : 'none';
  });
  ime.addEventListener('compositionend', (e) => {
    composing = false;
    Module._dv_set_composing(0);
    hideComposition();
    sendText(e.data || '');
    ime.value = '';
  });
  ime.addEventListener('input', (e) => {
    // Composed text arrives once, with compositionend; everything else (typed, pasted, dictated,
    // inserted by an emoji picker) arrives here.
    if (composing || e.isComposing || e.inputType === 'insertCompositionText') return;
    if (e.inputType && !e.inputType.startsWith('insert')) { ime.value = ''; return; }
    sendText(e.data != null && e.inputType !== 'insertFromPaste' ? e.data : ime.value);
    ime.value = '';
  });
  // Registered before GLFW's listeners (this script runs first): while the textarea has focus its
  // text comes through 'input' above, so GLFW must not also turn the keypress into a character.
  window.addEventListener('keypress', (e) => {
    if (document.activeElement === ime) e.stopImmediatePropagation();
  }, true);
  window.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    // Paste goes through the textarea (the system clipboard), not GLFW's internal clipboard.
    if (document.activeElement === ime && mod && (e.key === 'v' || e.key === 'V')) { e.stopImmediatePropagation(); return; }
    if (composing || e.isComposing || e.keyCode === 229) { e.stopImmediatePropagation(); return; }
    // Keep the browser from zooming the page or opening find-in-page over our own shortcuts.
    if (mod && (e.key === '=' || e.key === '+' || e.key === '-' || e.key === '0')) e.preventDefault();
    if (!textActive && !mod && (e.key === '/' || e.key === "'" || e.key === ' ' || e.key.startsWith('Arrow') || e.key === 'PageUp' || e.key === 'PageDown')) e.preventDefault();
    if (Module._dv_wake) Module._dv_wake();
  }, true);
  canvas.addEventListener('mousedown', () => {
    // A click outside a text field gives the keyboard back to the canvas.
    setTimeout(() => { if (!textActive && document.activeElement === ime) ime.blur(); }, 0);
  });

  // --- URL hash and history ---------------------------------------------------------------------------
  function applyHash() { Module.dvSetHash(location.hash.replace(/^#/, '')); }
  window.addEventListener('popstate', () => ready.then(applyHash));
  window.addEventListener('hashchange', () => ready.then(applyHash));
  // Column and row settings changed in the last half second are kept too.
  window.addEventListener('pagehide', () => { if (Module._dv_flush_view_settings) Module._dv_flush_view_settings(); });
  window.addEventListener('resize', () => { if (Module._dv_wake) Module._dv_wake(); });
  if (window.matchMedia) {
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { if (Module._dv_wake) Module._dv_wake(); });
  }

  // --- Test hooks ---------------------------------------------------------------------------------
  window.digestViewer = {
    ready,
    state() {
      const s = JSON.parse(Module.UTF8ToString(Module._dv_state_json()));
      s.gl_restores = Module._dv_gl_restores();  // WebGL contexts lost and restored so far
      return s;
    },
    // {frames, query, last_query_ms}: cheap enough to poll while timing a keystroke.
    frame() { return JSON.parse(Module.UTF8ToString(Module._dv_frame_json())); },
    loadFiles(list) { return loadFiles(list.map((f) => ({ name: f.name, file: f }))); },
    loadSample() { return ready.then(() => Module._dv_load_sample()); },
    downloads() { return downloads.slice(); },
    stored() { return storeSync.then(() => store.saved()).then((saved) => saved.files.map((f) => f.name)); },
    hfRequested() { return hf.requested.slice(); },   // every URL "Get from Hugging Face" fetched
    // The triage text IndexedDB holds now (after pending writes), or null.
    storedTriage(key = 'triage') { return Promise.resolve(triageWriting).then(() => store.getTriage(key)); },
  };

  // --- Start ----------------------------------------------------------------------------------------
  setStatus('Loading Digest Viewer…');
  const script = document.createElement('script');
  script.src = 'digest-viewer.js';
  script.async = true;
  script.onerror = () => fatal('Could not load digest-viewer.js. Is the site complete?');
  document.body.appendChild(script);
})();
