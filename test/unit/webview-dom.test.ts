// The webview bundle in headless Chromium under the panel's real HTML and CSP: it draws 1-, 2- and
// 3-variable runs, shows user text as text (never HTML), posts typed messages on control changes
// and clicks, and restores from saved state.
import * as assert from 'node:assert/strict';
import type { RunOptions } from '../../src/engine/types';
import { closeBrowser, okRun, openWebview, type WebviewPage } from './webview-harness';

const OPTIONS: RunOptions = {
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 200 },
  maximize: false,
  traceLimit: 500,
};
const XSS = '<img src=x onerror="window.__xss=1">';

const count = (w: WebviewPage, selector: string): Promise<number> => w.page.locator(selector).count();
const text = (w: WebviewPage, testId: string): Promise<string> => w.page.getByTestId(testId).innerText();

/** Console lines that mean the CSP blocked a script or eval (Plot's inline <style> is expected). */
const scriptViolations = (w: WebviewPage): string[] =>
  w.console.filter((l) => /Refused to (execute|evaluate|load the script)|unsafe-eval|pageerror/i.test(l));

describe('webview in a browser', function () {
  this.timeout(60_000);
  after(closeBrowser);

  it('draws a 1-variable run: curve with iterates, player, loss charts and summary, under the strict CSP', async () => {
    const w = await openWebview('dark');
    await w.send({ type: 'state', runs: [okRun(1, '2x^2', OPTIONS)], selected: 1, view: 'runs' });
    await w.page.getByTestId('summary').waitFor();
    assert.ok((await count(w, '[data-testid="plot-main"] svg')) >= 1);
    assert.ok((await count(w, '[data-testid="plot-main"] svg path')) >= 2);
    assert.equal(await count(w, '[data-testid="plot-loss"] svg.gd-plot'), 2);
    // 2x² from 1 with η = 0.1: x_k = 0.6^k, and |f′| = 4·0.6^k first falls below the default 1e-6 at k = 30.
    assert.match(
      await text(w, 'stop-reason'),
      /^Converged in 30 iterations: the gradient became smaller than the tolerance\./,
    );
    assert.match(await text(w, 'steps'), /x₁ = x₀ − η·f′\(x₀\) = 1 − 0\.1·4 = 0\.6/);
    const slider = w.page.getByTestId('iteration-slider');
    await slider.fill('1');
    assert.match(await text(w, 'iteration-label'), /iterate 1 of/);
    assert.deepEqual(scriptViolations(w), []);
    await w.close();
  });

  it('shows a formula and an error message containing HTML as text, never as elements', async () => {
    const w = await openWebview('light');
    const bad = {
      id: 2,
      formula: XSS,
      options: OPTIONS,
      starts: [],
      status: 'error',
      error: { message: `Unexpected "<" in ${XSS}`, column: 1 },
    };
    await w.send({ type: 'state', runs: [okRun(1, `x^2 + 0*1 `, OPTIONS), bad], selected: 2, view: 'runs' });
    await w.page.getByTestId('formula-error').waitFor();
    assert.equal(await count(w, 'img'), 0);
    assert.equal(await w.page.evaluate('window.__xss'), undefined);
    assert.equal(await w.page.getByTestId('formula-input').inputValue(), XSS);
    assert.ok((await text(w, 'formula-error')).includes(XSS));
    assert.ok((await text(w, 'run-list')).includes('<img src=x'));
    await w.send({ type: 'notice', text: XSS });
    assert.equal(await text(w, 'notice'), XSS);
    assert.equal(await count(w, 'img'), 0);
    await w.close();
  });

  it('posts a typed updateRun when a control changes, and a new start when the contour is clicked', async () => {
    const w = await openWebview('dark');
    const options = { ...OPTIONS, start: [-1, 1] };
    await w.send({ type: 'state', runs: [okRun(5, 'x^2 + 3y^2', options)], selected: 5, view: 'runs' });
    await w.page.getByTestId('summary').waitFor();
    assert.ok((await count(w, '[data-testid="plot-main"] svg g[aria-label="contour"] path')) > 3);
    await w.page.getByTestId('lr-input').fill('0.02');
    await w.page.getByTestId('optimizer-select').selectOption('adam');
    const posted = (await w.posted()).filter((m) => m.type === 'updateRun');
    const last = posted[posted.length - 1] as { runId: number; options: RunOptions };
    assert.equal(last.runId, 5);
    assert.equal(last.options.optimizer.name, 'adam');
    assert.equal(last.options.optimizer.lr, 0.02);
    const before = (await w.posted()).length;
    await w.page.locator('[data-testid="plot-main"] svg.gd-plot').click({ position: { x: 300, y: 150 } });
    const after = (await w.posted()).slice(before);
    const pick = after.find((m) => m.type === 'updateRun') as { options: RunOptions } | undefined;
    assert.ok(pick, 'a click posts a run from the clicked point');
    assert.equal(pick.options.start.length, 2);
    assert.notDeepEqual(pick.options.start, [-1, 1]);
    assert.equal(
      pick.options.optimizer.name,
      'adam',
      "a click before the host answers keeps the controls' edits",
    );
    assert.equal(pick.options.optimizer.lr, 0.02);
    await w.close();
  });

  it('posts one updateRun per hyper-parameter edit: leaving the box or ticking a box sends no duplicate', async () => {
    const w = await openWebview('dark');
    await w.send({
      type: 'state',
      runs: [okRun(6, 'x^2', { ...OPTIONS, optimizer: { name: 'adam', lr: 0.1 } })],
      selected: 6,
      view: 'runs',
    });
    await w.page.getByTestId('summary').waitFor();
    const updates = async (): Promise<number> =>
      (await w.posted()).filter((m) => m.type === 'updateRun').length;
    await w.page.getByTestId('hp-eps').fill('0.001');
    assert.equal(await updates(), 1);
    await w.page.getByTestId('hp-eps').press('Tab');
    assert.equal(await updates(), 1, 'leaving the box re-sends nothing');
    await w.page.getByTestId('hp-amsgrad').check();
    assert.equal(await updates(), 2, 'ticking a box sends one update');
    await w.close();
  });

  it('sends no run while the max-iterations or tolerance box is empty (being retyped)', async () => {
    const w = await openWebview('dark');
    await w.send({ type: 'state', runs: [okRun(2, 'x^2', OPTIONS)], selected: 2, view: 'runs' });
    await w.page.getByTestId('summary').waitFor();
    const updates = async (): Promise<Record<string, unknown>[]> =>
      (await w.posted()).filter((m) => m.type === 'updateRun');
    await w.page.getByTestId('max-iterations-input').fill('');
    await w.page.getByTestId('tolerance-input').fill('');
    assert.equal((await updates()).length, 0);
    await w.page.getByTestId('tolerance-input').fill('0.001');
    await w.page.getByTestId('max-iterations-input').fill('50');
    const last = (await updates()).at(-1) as { options: RunOptions } | undefined;
    assert.equal(last?.options.stop.maxIterations, 50);
    assert.equal(last?.options.stop.gradientTolerance, 0.001);
    await w.close();
  });

  it('says so in the notice when a plot cannot be turned into a PNG', async () => {
    const w = await openWebview('dark');
    await w.send({ type: 'state', runs: [okRun(1, '2x^2', OPTIONS)], selected: 1, view: 'runs' });
    await w.page.getByTestId('summary').waitFor();
    await w.page.evaluate(
      "HTMLCanvasElement.prototype.toDataURL = function () { throw new Error('tainted canvas'); }",
    );
    await w.page.getByTestId('save-png').click();
    await w.page.getByTestId('notice').filter({ hasText: /\S/ }).waitFor({ timeout: 5_000 });
    assert.match(await text(w, 'notice'), /Could not save the plot: tainted canvas/);
    assert.equal((await w.posted()).filter((m) => m.type === 'savePlot').length, 0);
    assert.deepEqual(
      w.console.filter((l) => /pageerror|Uncaught/.test(l)),
      [],
    );
    await w.close();
  });

  it('draws each coordinate against the iteration for 3 variables, and the learning-rate and compare views', async () => {
    const w = await openWebview('dark');
    const three = okRun(1, 'x^2 + 2y^2 + 3z^2', { ...OPTIONS, start: [1, 1, 1] });
    await w.send({ type: 'state', runs: [three], selected: 1, view: 'runs' });
    await w.page.getByTestId('summary').waitFor();
    assert.equal(await count(w, '[data-testid="plot-main"] svg g[aria-label="line"] path'), 3);
    const sweep = okRun(
      1,
      'x^2 + 3y^2',
      { ...OPTIONS, start: [1, 1] },
      { sweep: { lrMin: 1e-3, lrMax: 1, count: 12 }, compare: true },
    );
    await w.send({ type: 'state', runs: [sweep], selected: 1, view: 'learning-rate' });
    await w.page.getByTestId('plot-sweep').waitFor();
    assert.match(await text(w, 'critical-lr'), /2\/λmax = 0\.3333/);
    assert.equal(await count(w, '[data-testid^="regime-"] svg.gd-plot'), 3);
    await w.page.getByTestId('tab-compare').click();
    assert.equal(await count(w, '[data-testid="compare-legend"] .legend-item'), 6);
    assert.deepEqual(
      (await w.posted()).filter((m) => m.type === 'setView'),
      [{ type: 'setView', view: 'compare' }],
    );
    await w.close();
  });

  it('tells the compared optimizers apart by dash pattern as well as colour, in the paths and the legend', async () => {
    const w = await openWebview('dark');
    const compared = okRun(1, 'x^2 + 3y^2', { ...OPTIONS, start: [1, 1] }, { compare: true });
    await w.send({ type: 'state', runs: [compared], selected: 1, view: 'compare' });
    await w.page.getByTestId('compare-legend').waitFor();
    // Plot puts a line mark's constant stroke and dashes on the group inside its clipping group.
    const paths = w.page.locator('[data-testid="plot-main"] svg.gd-plot g[aria-label="line"] g[stroke]');
    const styles = await paths.evaluateAll((groups) =>
      groups.map((g) => `${g.getAttribute('stroke')}|${g.getAttribute('stroke-dasharray') ?? ''}`),
    );
    assert.equal(styles.length, 6, 'one path per optimizer');
    assert.equal(
      new Set(styles.map((s) => s.split('|')[1])).size,
      6,
      `six dash patterns: ${styles.join(', ')}`,
    );
    // The test build has no DOM types: a swatch is read through the one property used.
    type Styled = { readonly style: { getPropertyValue(name: string): string } };
    const masks = await w.page
      .locator('[data-testid="compare-legend"] .swatch')
      .evaluateAll((swatches) =>
        swatches.map(
          (s) =>
            (s as unknown as Styled).style.getPropertyValue('mask-image') ||
            (s as unknown as Styled).style.getPropertyValue('-webkit-mask-image'),
        ),
      );
    assert.equal(masks[0], '', 'the first optimizer is solid');
    assert.ok(
      masks.slice(1).every((m) => m.startsWith('repeating-linear-gradient')),
      `dashed swatches: ${masks.join(' ; ')}`,
    );
    await w.close();
  });

  it("clears the last action's notice when another run is selected", async () => {
    const w = await openWebview('dark');
    await w.send({
      type: 'state',
      runs: [okRun(1, 'x^2', OPTIONS), okRun(2, '2x^2', OPTIONS)],
      selected: 1,
      view: 'runs',
    });
    await w.page.getByTestId('summary').waitFor();
    await w.send({ type: 'notice', text: 'Copied 31 rows as Markdown.' });
    assert.equal(await text(w, 'notice'), 'Copied 31 rows as Markdown.');
    await w.page.getByTestId('run-item').nth(1).click();
    await w.page.getByTestId('summary-formula').filter({ hasText: '2 x ^ 2' }).waitFor({ timeout: 5_000 });
    assert.equal(await text(w, 'notice'), '');
    await w.close();
  });

  it('restores from saved state and asks the host for the state with ready', async () => {
    const saved = {
      runs: [{ id: 9, formula: 'sin(x)', options: OPTIONS, starts: [] }],
      selected: 9,
      view: 'runs',
    };
    const w = await openWebview('dark', saved);
    assert.equal(await w.page.getByTestId('formula-input').inputValue(), 'sin(x)');
    const ready = (await w.posted())[0] as { type: string; saved?: { runs: { formula: string }[] } };
    assert.equal(ready.type, 'ready');
    assert.equal(
      ready.saved?.runs[0].formula,
      'sin(x)',
      'ready carries the saved runs for a host that has none',
    );
    await w.send({ type: 'bogus', payload: '<b>x</b>' });
    await w.send({ type: 'state', runs: 'nope' });
    assert.equal(await w.page.getByTestId('formula-input').inputValue(), 'sin(x)');
    await w.close();
  });
});
