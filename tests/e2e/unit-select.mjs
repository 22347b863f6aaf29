// Selecting papers (j/k, clicks), the URL hash, back/forward, and a reload that restores the view.
import { MAIN_URL, byId, cmpPaper, ctx, loadCorpus, metrics, needOracle, oracle, page, pressAndWait, step, steps, waitReady } from './suite.mjs';
import { frames, state, waitImeFocus, waitState } from './page.mjs';
import { skip } from './util.mjs';

// The papers table at 1280x800, 15 px text: the first row's centre is at y=72, rows are 21 px.
const rowY = (row) => 72 + 21 * row;
// A user's click: the pointer rests on the row for a few frames, then presses and releases.
async function userClick(page, x, y) {
  await page.mouse.move(x, y, { steps: 2 });
  await frames(page, 3);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
}

export default async function run() {
  await step('5 select papers (j/k, a click), URL hash, back/forward, reload', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    const all = oracle.all.papers;
    await page.keyboard.press('Escape');
    await waitState(page, (s) => s.query === '', null, { what: 'query cleared' });
    await page.keyboard.press('Escape');
    await waitImeFocus(page, false);
    let s = await state(page);
    steps.check(cmpPaper(s.selected, all[0]), 'selection kept through the searches: result[0]', byId(s.selected));
    for (let i = 1; i <= 3; i++) {
      s = await pressAndWait(page, 'j', (s, id) => s.selected && s.selected.arxiv_id === id, all[i].arxiv_id, `j #${i}`).catch((e) => { steps.check(false, `j #${i} selects result[${i}]`, e.message); return null; });
      if (s) steps.check(cmpPaper(s.selected, all[i]) && !!s.selected.title, `j #${i} selects result[${i}] (digest-cli order)`, `${s.selected.arxiv_id} ${s.selected.title.slice(0, 40)}`);
    }
    s = await pressAndWait(page, 'k', (s, id) => s.selected && s.selected.arxiv_id === id, all[2].arxiv_id, 'k');
    steps.check(cmpPaper(s.selected, all[2]), 'k goes back to result[2]');
    s = await pressAndWait(page, 'j', (s, id) => s.selected && s.selected.arxiv_id === id, all[3].arxiv_id, 'j');
    await frames(page, 2);
    const hash3 = await page.evaluate(() => location.hash);
    steps.check(hash3.includes('p=' + all[3].arxiv_id), 'URL hash has p=<arxiv id>', hash3);

    // First an instant click (pointer moved and pressed at once, like a touch tap), for the record.
    await page.mouse.click(560, rowY(4));
    await frames(page, 4);
    const tap = await state(page);
    metrics.instant_click_selects_row = !!(tap.selected && tap.selected.arxiv_id === all[4].arxiv_id);
    steps.note(`an instant click (move + press in one go, like a touch tap) on a row ${metrics.instant_click_selects_row ? 'selects it' : 'does NOT select it'}`);
    if (metrics.instant_click_selects_row) {
      await page.evaluate(() => history.back());
      await waitState(page, (s, id) => s.selected && s.selected.arxiv_id === id, all[3].arxiv_id, { what: 'back after the tap' });
    }
    await userClick(page, 560, rowY(5));
    s = await waitState(page, (s, id) => s.selected && s.selected.arxiv_id === id, all[5].arxiv_id, { what: 'click on row 5' }).catch((e) => { steps.check(false, 'a click on the 6th row selects result[5]', e.message); return null; });
    if (s) steps.check(true, 'a click on the 6th row selects result[5]', all[5].arxiv_id);
    await page.mouse.move(640, 790);
    await frames(page, 2);
    const hash5 = await page.evaluate(() => location.hash);
    steps.check(hash5.includes('p=' + all[5].arxiv_id), 'URL hash follows the click', hash5);

    // History: back twice, forward once.
    const histLen = await page.evaluate(() => history.length);
    await page.evaluate(() => history.back());
    s = await waitState(page, (s, id) => s.selected && s.selected.arxiv_id === id, all[3].arxiv_id, { what: 'back -> result[3]' }).catch((e) => { steps.check(false, 'back restores result[3]', e.message); return null; });
    if (s) steps.check(true, 'back restores result[3]');
    await page.goBack({ waitUntil: 'commit', timeout: 5000 }).catch(() => page.evaluate(() => history.back()));
    s = await waitState(page, (s, id) => s.selected && s.selected.arxiv_id === id, all[2].arxiv_id, { what: 'back -> result[2]' }).catch((e) => { steps.check(false, 'page.goBack restores result[2]', e.message); return null; });
    if (s) steps.check(true, 'page.goBack restores result[2]');
    await page.goForward({ waitUntil: 'commit', timeout: 5000 }).catch(() => page.evaluate(() => history.forward()));
    s = await waitState(page, (s, id) => s.selected && s.selected.arxiv_id === id, all[3].arxiv_id, { what: 'forward -> result[3]' }).catch((e) => { steps.check(false, 'page.goForward restores result[3]', e.message); return null; });
    if (s) steps.check(true, 'page.goForward restores result[3]');
    metrics.history_length = histLen;

    // Reload with the hash, drop the files again: the selection in the link comes back.
    const pick = all[7];
    const url = MAIN_URL + '#p=' + pick.arxiv_id;
    await page.goto(url, { waitUntil: 'commit' });
    await page.reload({ waitUntil: 'commit' });
    await waitReady(page);
    await frames(page, 3);
    const hashAfterReady = await page.evaluate(() => location.hash);
    steps.check(hashAfterReady.includes('p=' + pick.arxiv_id), 'the hash survives the page start (before any file is dropped)', hashAfterReady || '(empty)');
    const restored = await state(page);
    metrics.reload = { restored_files: restored.files, restored_papers: restored.papers };
    let r;
    if (restored.papers === oracle.all.library.papers) {
      steps.note(`the library came back by itself after the reload (${restored.files} files, stored in the browser)`);
      r = { state: restored };
    } else {
      steps.note(`after the reload: ${restored.files} files; dropping the corpus again`);
      r = await loadCorpus(page);
    }
    steps.check(r.state.papers === oracle.all.library.papers, 'corpus loaded again after the reload', r.state.papers);
    await frames(page, 3);
    s = await state(page);
    steps.check(s.selected && s.selected.arxiv_id === pick.arxiv_id, 'reload with #p=<id> + re-drop restores that selection', `${byId(s.selected)} vs ${pick.arxiv_id}`);
    if (!(s.selected && s.selected.arxiv_id === pick.arxiv_id)) {
      // Leave the page in a known state for the next steps.
      await page.keyboard.press('Escape');
    }
    ctx.corpusLoaded = r.state.papers === oracle.all.library.papers;
  });
}
