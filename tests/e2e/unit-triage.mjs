// The reader's marks (issue 10) in fresh pages (each its own browser profile, so IndexedDB starts
// empty): star two papers and write a Korean note through the IME, reload, all still there, and
// `digest-cli query is:starred --triage` on the stored file agrees; export with the button, start
// over in a new profile, import by dropping the file, all back (a newer-version file is refused);
// a quota error on the triage store gives one message and a working app; `is:new` after a second
// visit with one more day dropped equals what digest-cli says that day added.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, OUT, ORIGIN_SUB, corpusFiles, corpusRoot, metrics, newPage, openViewer, screenshot, step, steps, waitReady } from './suite.mjs';
import { dropFiles, frames, state, uploadFiles, waitImeFocus, waitState } from './page.mjs';
import { runCli, skip } from './util.mjs';

// A few consecutive days of the corpus (June 2024 if there), small enough to load in a moment.
function pickDays(n) {
  const june = corpusFiles.filter((f) => /2024\/06\/\d\d\.md$/.test(f.name));
  const pool = june.length >= n ? june : corpusFiles;
  return pool.slice(0, n);
}

async function openFresh(label, init) {
  const { context, page } = await newPage({ label });
  if (init) await context.addInitScript(init);
  const t = await openViewer(page, ORIGIN_SUB);
  if (t.fatal) throw new Error(`page stopped: ${t.fatal}`);
  const session = await context.newCDPSession(page);
  return { context, page, session };
}

async function drop(page, files) {
  await uploadFiles(page, files);
  return dropFiles(page, files.map((f) => f.name));
}

async function press(page, key, fn, arg, what) {
  await page.keyboard.press(key);
  return waitState(page, fn, arg, { what: `${what} after ${key}` });
}

// digest-cli over the same files (written to a temp folder, never into the repo).
async function cliWith(files, args, triageText) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-e2e-triage-'));
  try {
    const names = [];
    for (const f of files) {
      const p = path.join(tmp, 'digests', f.name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, f.bytes);
      names.push(path.join('digests', f.name));
    }
    const extra = [];
    if (triageText !== undefined) {
      fs.writeFileSync(path.join(tmp, 'triage.json'), triageText);
      extra.push('--triage', 'triage.json');
    }
    return JSON.parse((await runCli(CLI, [...args, ...extra, ...names], { cwd: tmp })).toString('utf8'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const NOTE = '다시 읽기 todo';
let exported = null;   // the exported triage file (step 12a) for the import step
let marked = null;     // what step 12a marked: {starred: [ids], read: [ids], note: {id, text}}

export default async function run() {
  await step('17a triage: star two papers, a Korean note through the IME, read one; reload keeps them all', async () => {
    const days = pickDays(3);
    if (days.length < 3) skip('fewer than 3 digests in the corpus');
    const { context, page, session } = await openFresh('triage');
    try {
      let s = (await drop(page, days)).state;
      steps.check(s.papers > 5 && s.selected, 'three days loaded, a paper selected', `${s.papers} papers`);
      steps.check(s.triage && s.triage.starred.length === 0 && s.triage.new === 0, 'a first visit: no marks, nothing new', JSON.stringify(s.triage && { starred: s.triage.starred, new: s.triage.new }));
      const first = s.selected.arxiv_id;
      s = await press(page, 's', (s, id) => s.triage.starred.includes(id), first, 'star the first');
      s = await press(page, 'j', (s, id) => s.selected && s.selected.arxiv_id !== id, first, 'next paper');
      const second = s.selected.arxiv_id;
      s = await press(page, 's', (s, id) => s.triage.starred.includes(id), second, 'star the second');
      s = await press(page, 'x', (s, id) => s.triage.read.includes(id), second, 'read the second');
      // The note: n opens the editor (text input, so the page's IME textarea takes focus).
      s = await press(page, 'n', (s) => s.triage.editing_note, null, 'note editor');
      await waitImeFocus(page, true);
      for (const partial of ['ㄷ', '다', '닷', '다시']) await session.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
      await session.send('Input.insertText', { text: '다시' });
      await page.keyboard.type(' ');
      for (const partial of ['ㅇ', '이', '읽', '읽기']) await session.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
      await session.send('Input.insertText', { text: '읽기' });
      await page.keyboard.type(' todo');
      s = await waitState(page, (s, a) => s.triage.notes[a.id] === a.note, { id: second, note: NOTE }, { what: 'the note typed' });
      steps.check(true, 'the Korean note is stored as typed', JSON.stringify(s.triage.notes[second]));
      await screenshot(page, 'triage-note-editing-1x.png');
      s = await press(page, 'Escape', (s) => !s.triage.editing_note, null, 'close the editor');
      steps.check(s.triage.notes[second] === NOTE, 'Esc closes the editor and keeps the note', JSON.stringify(s.triage.notes[second]));
      await waitImeFocus(page, false);
      await screenshot(page, 'triage-marks-1x.png');
      marked = { starred: [first, second].sort(), read: [second], note: { id: second, text: NOTE } };

      // Stored in IndexedDB as a triage file.
      const stored = await page.evaluate(() => window.digestViewer.storedTriage());
      const j = stored ? JSON.parse(stored) : null;
      steps.check(j && j.format === 'digest-viewer-triage' && j.papers[first] && j.papers[first].starred && j.papers[second].note === NOTE,
        'IndexedDB holds the triage file with both stars and the note', stored && stored.slice(0, 120));

      // The same file answers digest-cli: is:starred over the same days gives the two papers.
      const cli = await cliWith(days, ['query', 'is:starred'], stored);
      steps.check(JSON.stringify(cli.papers.map((p) => p.arxiv_id).sort()) === JSON.stringify(marked.starred), 'digest-cli query is:starred --triage (the stored file) = the two starred papers', cli.papers.map((p) => p.arxiv_id).join(' '));

      // Reload: the library comes back from IndexedDB, and the marks with it.
      await page.reload({ waitUntil: 'commit' });
      await waitReady(page);
      s = await waitState(page, (s, n) => s.files === n, days.length, { what: 'library restored' });
      steps.check(JSON.stringify([...s.triage.starred].sort()) === JSON.stringify(marked.starred), 'after a reload: both stars', s.triage.starred.join(' '));
      steps.check(s.triage.read.length === 1 && s.triage.read[0] === second, 'after a reload: read mark', s.triage.read.join(' '));
      steps.check(s.triage.notes[second] === NOTE, 'after a reload: the Korean note', JSON.stringify(s.triage.notes));
      await page.evaluate(() => { location.hash = 'q=is%3Astarred'; });
      s = await waitState(page, (s) => s.query === 'is:starred', null, { what: 'is:starred' });
      steps.check(s.visible === 2, 'the is:starred search lists the two papers', `${s.visible}`);
      await page.evaluate(() => { location.hash = 'q=note%3A%EC%9D%BD%EA%B8%B0'; });
      s = await waitState(page, (s) => s.query === 'note:읽기', null, { what: 'note:읽기' });
      steps.check(s.visible === 1, 'note:읽기 finds the noted paper', `${s.visible}`);
      await page.evaluate(() => { location.hash = ''; });
      await waitState(page, (s) => s.query === '', null, { what: 'query cleared' });

      // Export marks: the left pane's button (1280x800, 15 px text: below Saved searches with none
      // saved, and the four mark counts on two rows; see unit-export.mjs for the rows above).
      const s1 = await state(page);
      const dy = s1.listed !== s1.papers ? 20 : 0;
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 8000 }).catch(() => null), page.mouse.click(68, 421 + dy)]);
      await page.mouse.move(640, 790);
      if (!download) {
        const shot = await screenshot(page, 'triage-export-missed.png');
        steps.check(false, 'the Export marks button downloads the triage file', `no download; see ${shot}`);
      } else {
        const bytes = fs.readFileSync(await download.path());
        exported = { name: 'my-marks.json', bytes };
        fs.writeFileSync(path.join(OUT, 'triage-export.json'), bytes);
        const e = JSON.parse(bytes.toString('utf8'));
        steps.check(download.suggestedFilename().endsWith('.json') && e.format === 'digest-viewer-triage' && e.papers[second].note === NOTE,
          'Export marks downloads the triage file with the note', `${download.suggestedFilename()} ${bytes.length} bytes`);
      }
      metrics.triage = { days: days.map((d) => d.name), starred: marked.starred };
    } finally {
      await context.close();
    }
  });

  await step('17b triage: import into a fresh profile brings everything back; a newer file is refused', async () => {
    if (!exported || !marked) skip('nothing exported in 12a');
    const days = pickDays(3);
    const { context, page } = await openFresh('triage-import');
    try {
      let s = (await drop(page, days)).state;
      steps.check(s.triage.starred.length === 0 && Object.keys(s.triage.notes).length === 0, 'a fresh profile has no marks');
      const newer = { name: 'newer-marks.json', bytes: Buffer.from('{"format":"digest-viewer-triage","version":7,"papers":{}}') };
      s = (await drop(page, [newer])).state;
      steps.check(s.triage.starred.length === 0 && /newer Digest Viewer/.test(s.status), 'a newer-version triage file is refused with a message, nothing changes', s.status);
      s = (await drop(page, [exported])).state;
      steps.check(JSON.stringify([...s.triage.starred].sort()) === JSON.stringify(marked.starred), 'import: both stars back', s.triage.starred.join(' '));
      steps.check(s.triage.notes[marked.note.id] === marked.note.text && s.triage.read.includes(marked.read[0]), 'import: note and read mark back', s.status);
      steps.check(s.files === days.length, 'the triage file was imported, not listed as a digest', `${s.files} files`);
      const stored = await page.evaluate(() => window.digestViewer.storedTriage());
      steps.check(stored && JSON.parse(stored).papers[marked.note.id].note === marked.note.text, 'the imported marks are stored');
    } finally {
      await context.close();
    }
  });

  await step('17c triage: a quota error gives one message and the app keeps working in memory', async () => {
    const days = pickDays(2);
    if (days.length < 2) skip('fewer than 2 digests');
    // Every write to the triage store fails the way a full disk does.
    const init = () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...a) {
        if (this.name === 'triage') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, a);
      };
    };
    const { context, page } = await openFresh('triage-quota', init);
    try {
      // The page's first write (recording this visit) fails already.
      let s = await waitState(page, (s) => s.triage.storage_error !== '', null, { what: 'the storage error' });
      steps.check(s.status.includes('cannot be stored') && s.status.includes('Export'), 'the status line says the marks cannot be stored and offers export', s.status);
      steps.check(/quota/.test(s.triage.storage_error), 'the failure is named (quota exceeded)', s.triage.storage_error);
      s = (await drop(page, days)).state;
      const first = s.selected.arxiv_id;
      s = await press(page, 's', (s, id) => s.triage.starred.includes(id), first, 'star in memory');
      await frames(page, 4);
      s = await state(page);
      steps.check(s.status.startsWith('Starred') && !s.status.includes('cannot be stored'), 'said once: a later failed write does not repeat the message', s.status);
      s = await press(page, 'j', (s, id) => s.selected.arxiv_id !== id, first, 'next');
      s = await press(page, 's', (s) => s.triage.starred.length === 2, null, 'second star in memory');
      await page.evaluate(() => { location.hash = 'q=is%3Astarred'; });
      s = await waitState(page, (s) => s.query === 'is:starred', null, { what: 'is:starred' });
      steps.check(s.visible === 2, 'marks work in memory: is:starred lists both', `${s.visible}`);
      const shot = await screenshot(page, 'triage-quota-1x.png');
      steps.note(`the library pane says why the marks are not stored: see ${shot}`);
    } finally {
      await context.close();
    }
  });

  await step('17d triage: is:new after a second visit with one more day dropped', async () => {
    const days = pickDays(3);
    if (days.length < 3) skip('fewer than 3 digests');
    const { context, page } = await openFresh('triage-new');
    try {
      let s = (await drop(page, days.slice(0, 2))).state;
      steps.check(s.triage.new === 0, 'first visit: nothing is new', `${s.triage.new}`);
      await frames(page, 2);
      await page.reload({ waitUntil: 'commit' });
      await waitReady(page);
      s = await waitState(page, (s) => s.files === 2, null, { what: 'second visit restored' });
      steps.check(s.triage.new === 0, 'second visit, same days: nothing is new', `${s.triage.new}`);
      s = (await drop(page, [days[2]])).state;
      const two = await cliWith(days.slice(0, 2), ['query', '']);
      const three = await cliWith(days, ['query', '']);
      const expectNew = three.library.papers - two.library.papers;
      steps.check(s.triage.new === expectNew && expectNew > 0, 'the papers the third day added are new (digest-cli: papers of 3 days - of 2 days)', `${s.triage.new} vs ${expectNew}`);
      await page.evaluate(() => { location.hash = 'q=is%3Anew'; });
      s = await waitState(page, (s) => s.query === 'is:new', null, { what: 'is:new' });
      steps.check(s.visible === expectNew, 'is:new lists them', `${s.visible}`);
      await screenshot(page, 'triage-new-1x.png');
    } finally {
      await context.close();
    }
  });
}
