// Typing in the search box: ASCII keys, then Korean through the IME (composition, commit).
import { QUERIES, ctx, metrics, needOracle, oracle, page, screenshot, session, step, steps } from './suite.mjs';
import { frames, state, waitImeFocus, waitState } from './page.mjs';
import { skip, summarize } from './util.mjs';

async function imeCompose(steps_, text) {
  // A Korean IME typing text: one composition update per jamo step, then the commit.
  for (const partial of steps_) {
    await session.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
  }
  await session.send('Input.insertText', { text });
}

export default async function run() {
  await step(`3 type an ASCII query ("/" then "${QUERIES.ascii}")`, async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    await page.keyboard.press('/');
    await waitImeFocus(page, true);
    const perKey = [];
    let typed = '';
    for (const ch of QUERIES.ascii) {
      const wallT0 = Date.now();
      const nKeys = await page.evaluate(() => window.__e2e.keydowns.length);
      await page.keyboard.press(ch);
      typed += ch;
      // In the page: from the keydown's timestamp to the first animation frame that sees the query.
      const inPage = await page.evaluate(({ q, nKeys }) => new Promise((resolve) => {
        const t0 = performance.now();
        const tick = () => {
          const s = window.digestViewer.state();
          if (s.query === q) {
            const kd = window.__e2e.keydowns[nKeys];
            resolve({ ms: performance.now() - (kd ? kd.t : t0), query_ms: s.last_query_ms, visible: s.visible });
          } else if (performance.now() - t0 > 5000) resolve({ timeout: true, query: s.query });
          else requestAnimationFrame(tick);
        };
        tick();
      }), { q: typed, nKeys });
      if (inPage.timeout) throw new Error(`after "${typed}" the query is "${inPage.query}"`);
      perKey.push({ key: ch, key_to_state_ms: Math.round(inPage.ms * 10) / 10, wall_ms: Date.now() - wallT0, last_query_ms: Math.round(inPage.query_ms * 1000) / 1000, visible: inPage.visible });
    }
    const s = await state(page);
    steps.check(s.query === QUERIES.ascii, 'query typed exactly once per key', JSON.stringify(s.query));
    steps.check(s.visible === oracle.ascii.count, `visible = digest-cli query "${QUERIES.ascii}" count`, `${s.visible} vs ${oracle.ascii.count}`);
    steps.check(s.query_errors.length === 0, 'no query errors');
    metrics.typing = {
      per_key: perKey,
      key_to_state_ms: summarize(perKey.map((k) => k.key_to_state_ms)),
      wall_ms: summarize(perKey.map((k) => k.wall_ms)),
      last_query_ms: summarize(perKey.map((k) => k.last_query_ms)),
    };
    steps.note(`per keystroke: key->state median ${metrics.typing.key_to_state_ms.median} ms (max ${metrics.typing.key_to_state_ms.max}), query time median ${metrics.typing.last_query_ms.median} ms (max ${metrics.typing.last_query_ms.max}), wall median ${metrics.typing.wall_ms.median} ms`);
    // Bounded by the frame time, which in this headless chromium (software WebGL) is 50-300 ms.
    steps.check(perKey.every((k) => k.key_to_state_ms < 3000), 'every keystroke reaches the state within 3 s', perKey.map((k) => k.key_to_state_ms).join(','));
    steps.check(s.location.includes('q=diffusion'), 'the query is in the URL hash', s.location);
  });

  await step('4 Korean through the IME (compose, then commit)', async () => {
    needOracle();
    if (!ctx.corpusLoaded) skip('corpus not loaded');
    // Esc clears the search box (the field stays active), a second Esc leaves it; then "/" again.
    await page.keyboard.press('Escape');
    await waitState(page, (s) => s.query === '', null, { what: 'query cleared by Esc' });
    await page.keyboard.press('Escape');
    await waitImeFocus(page, false);
    await page.keyboard.press('/');
    await waitImeFocus(page, true);

    const seq = ['ㅁ', '모', '몯', '모데', '모델'];
    for (const partial of seq) await session.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    await frames(page, 3);
    const during = await page.evaluate(() => {
      const c = document.getElementById('composition');
      return { query: window.digestViewer.state().query, shown: c.textContent, visible: getComputedStyle(c).display !== 'none' };
    });
    steps.check(during.query === '', 'nothing reaches the query while composing', JSON.stringify(during.query));
    steps.check(during.visible && during.shown === '모델', 'the composition is shown next to the caret', during);
    await screenshot(page, 'main-ime-composing-1x.png');
    await session.send('Input.insertText', { text: '모델' });
    let s = await waitState(page, (s) => s.query !== '', null, { what: 'committed text' });
    await frames(page, 4);
    s = await state(page);
    steps.check(s.query === QUERIES.korean, 'committed syllables arrive once', JSON.stringify(s.query));
    steps.check(s.visible === oracle.korean.count, `visible = digest-cli query "${QUERIES.korean}" count`, `${s.visible} vs ${oracle.korean.count}`);
    const composing = await page.evaluate(() => getComputedStyle(document.getElementById('composition')).display);
    steps.check(composing === 'none', 'composition overlay hidden after the commit', composing);
    steps.check(s.location.includes('q=%EB%AA%A8%EB%8D%B8'), 'the Korean query is percent-encoded in the hash', s.location);
    await screenshot(page, 'main-korean-query-1x.png');

    // Mixed: ASCII typed, then Hangul composed.
    await page.keyboard.press('Escape');
    await waitState(page, (s) => s.query === '', null, { what: 'query cleared by Esc' });
    await page.keyboard.type('author:Kim ');
    await waitState(page, (s) => s.query === 'author:Kim ', null, { what: 'typed "author:Kim "' });
    await imeCompose(['ㅁ', '모', '몯', '모데', '모델'], '모델');
    await waitState(page, (s, q) => s.query === q, QUERIES.mixed, { what: 'mixed query' });
    await frames(page, 4);
    s = await state(page);
    steps.check(s.query === QUERIES.mixed, 'mixed query exact', JSON.stringify(s.query));
    steps.check(s.visible === oracle.mixed.count, `visible = digest-cli query "${QUERIES.mixed}" count`, `${s.visible} vs ${oracle.mixed.count}`);
    metrics.queries = { [QUERIES.ascii]: oracle.ascii.count, [QUERIES.korean]: oracle.korean.count, [QUERIES.mixed]: oracle.mixed.count };

    // Backspace goes through GLFW: it deletes one syllable.
    await page.keyboard.press('Backspace');
    s = await waitState(page, (s) => s.query !== 'author:Kim 모델', null, { what: 'Backspace' });
    steps.check(s.query === 'author:Kim 모', 'Backspace deletes one syllable', JSON.stringify(s.query));
  });
}
