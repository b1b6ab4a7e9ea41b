// The webview bundle in headless Chromium under the panel's real HTML and CSP, wired to a real host
// session: it draws 1-, 2- and 3-variable runs, shows user text as text (never HTML), sends typed
// intents on control changes and clicks, draws an oscillation faithfully, redraws only the path when
// η changes, and paints what it saved at once after a reload.
import * as assert from 'node:assert/strict';
import { closeBrowser, idle, newRun, openWebview, type WebviewPage } from './webview-harness';

const XSS = '<img src=x onerror="window.__xss=1">';

const count = (w: WebviewPage, selector: string): Promise<number> => w.page.locator(selector).count();
const text = (w: WebviewPage, testId: string): Promise<string> => w.page.getByTestId(testId).innerText();
const setInputs = (w: WebviewPage) =>
  w.posted().filter((m) => m.type === 'setInput') as unknown as {
    runId: number;
    formula: string;
    controls: {
      start: number[];
      optimizer: { name?: string; lr?: number };
      stop: { maxIterations?: number; gradientTolerance?: number };
    };
  }[];

/** Console lines that mean the CSP blocked a script or eval (Plot's inline <style> is expected). */
const scriptViolations = (w: WebviewPage): string[] =>
  w.console.filter((l) => /Refused to (execute|evaluate|load the script)|unsafe-eval|pageerror/i.test(l));

/** The path's points as drawn: pairs from its `d` attribute. */
async function pathPoints(w: WebviewPage): Promise<[number, number][]> {
  const d =
    (await w.page
      .locator('[data-testid="plot-main"] [data-testid="overlay"] [data-testid="path"]')
      .last()
      .getAttribute('d')) ?? '';
  return d
    .split(/[ML]/)
    .filter((p) => p.trim() !== '')
    .map((p) => p.split(',').map(Number) as [number, number]);
}

describe('webview in a browser', function () {
  this.timeout(60_000);
  after(closeBrowser);

  it('draws a 1-variable run: curve with iterates, player, loss charts and summary, under the strict CSP', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('2x^2')]);
    assert.ok(
      (await count(w, '[data-testid="plot-main"] svg.gd-plot [aria-label="line"]')) >= 1,
      'the curve',
    );
    assert.equal(await count(w, '[data-testid="plot-main"] [data-testid="ball"]'), 1);
    assert.equal(await count(w, '[data-testid="plot-loss"] svg.gd-plot'), 2);
    // 2x² from 1 with η = 0.1: x_k = 0.6^k, and |f′| = 4·0.6^k first falls below the default 1e-6 at k = 30.
    assert.match(
      await text(w, 'stop-reason'),
      /^Converged in 30 iterations: the gradient became smaller than the tolerance\./,
    );
    const stepLines = await w.page
      .locator('[data-testid="step"] .math-tex')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-plain')));
    assert.ok(stepLines.includes('x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6'), stepLines.join('\n'));
    assert.ok((await count(w, '[data-testid="step"] .katex')) >= 3, 'the worked steps are typeset');
    // 31 iterates joined by the path, each marked (a short path).
    assert.equal((await pathPoints(w)).length, 31);
    await w.page.getByTestId('iteration-slider').fill('1');
    assert.match(await text(w, 'iteration-label'), /^iterate 1 of 30$/);
    assert.equal((await pathPoints(w)).length, 2, 'the player draws the path up to its frame');
    // f″ = 4, so λmax = 4 and the critical η 2/λmax = 0.5 is marked on the (log) η slider.
    await w.page
      .locator('[data-testid="lr-critical"] option')
      .waitFor({ state: 'attached', timeout: 10_000 });
    const tick = Number(await w.page.locator('[data-testid="lr-critical"] option').getAttribute('value'));
    assert.ok(Math.abs(tick - Math.log10(0.5)) < 1e-12, `tick at ${tick}`);
    assert.equal(
      await w.page.getByTestId('lr-slider').getAttribute('aria-description'),
      'critical η = 2/λmax = 0.5',
    );
    assert.deepEqual(scriptViolations(w), []);
    await w.close();
  });

  it('typesets the formula, its gradient and the update rule with KaTeX, in its own fonts, under the CSP', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('L(w, b) = (w - 3)^2 + 10b^2')]);
    const formula = w.page.getByTestId('summary-formula');
    assert.equal(await formula.getAttribute('data-plain'), 'L(w, b) = (w - 3) ^ 2 + 10 b ^ 2');
    // The MathML that screen readers read keeps the LaTeX it was made from; the person's L, not f.
    assert.equal(
      (await formula.locator('annotation[encoding="application/x-tex"]').textContent())?.replace(/\s+/g, ''),
      'L(w,b)={\\left(w-3\\right)}^{2}+10~{b}^{2}',
    );
    assert.ok((await formula.locator('.katex-html .msupsub').count()) >= 2, 'the squares as superscripts');
    const gradient = w.page.locator('.summary .math-tex').filter({ hasText: '∂' });
    await gradient.first().waitFor({ timeout: 10_000 });
    assert.deepEqual(await gradient.evaluateAll((els) => els.map((e) => e.getAttribute('data-plain'))), [
      '∂L/∂w = 2 * (w - 3)',
      '∂L/∂b = 20 * b',
    ]);
    assert.equal(await w.page.locator('.steps .hint .katex').count(), 1, 'the update rule typeset');
    // KaTeX's own fonts arrive (the build ships them beside its stylesheet) and nothing is refused.
    // (A string: this file is type-checked without the DOM's types.)
    const fonts = (await w.page.evaluate(`document.fonts.ready.then((set) =>
      [...set].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')))`)) as string[];
    assert.ok(fonts.includes('KaTeX_Main') && fonts.includes('KaTeX_Math'), fonts.join(', '));
    assert.deepEqual(
      w.console.filter((l) => /Refused/i.test(l) && !/style/i.test(l)),
      [],
    );
    assert.deepEqual(scriptViolations(w), []);
    await w.close();
  });

  it('shows a formula and an error message containing HTML as text, never as elements', async () => {
    const w = await openWebview('light');
    await w.add([newRun('x^2'), newRun(XSS)]);
    await w.page.getByTestId('run-item').nth(1).click();
    await w.page.getByTestId('formula-error').waitFor();
    assert.equal(await count(w, 'img'), 0);
    assert.equal(await w.page.evaluate('window.__xss'), undefined);
    assert.equal(await w.page.getByTestId('formula-input').inputValue(), XSS);
    assert.ok((await text(w, 'run-list')).includes('<img src=x'));
    await w.send({ type: 'notice', text: XSS });
    assert.equal(await text(w, 'notice'), XSS);
    assert.equal(await count(w, 'img'), 0);
    await w.close();
  });

  it('says beside a control what is wrong with its value, sends nothing and dims the last good plot', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('2x^2')]);
    const sent = setInputs(w).length;
    await w.page.getByTestId('start-input').fill('abc');
    await w.page.getByTestId('max-iterations-input').fill('0');
    assert.equal(await text(w, 'start-input-error'), '“abc” is not a list of numbers: write e.g. 1, -2.5.');
    assert.match(
      await text(w, 'max-iterations-input-error'),
      /^Max iterations must be a whole number from 1 to /,
    );
    assert.equal(await w.page.getByTestId('start-input').getAttribute('aria-invalid'), 'true');
    const describedBy = await w.page.getByTestId('start-input').getAttribute('aria-describedby');
    assert.equal(await w.page.locator(`#${describedBy}`).getAttribute('data-testid'), 'start-input-error');
    assert.equal(await count(w, '[data-testid="content"].stale'), 1, 'the last good plot is dimmed');
    await idle(w);
    assert.equal(setInputs(w).length, sent, 'nothing runs from a start of "abc" or 0 iterations');
    // Fixed, the messages go, the run goes out with what was typed, and the plot is current again.
    await w.page.getByTestId('start-input').fill('2');
    await w.page.getByTestId('max-iterations-input').fill('5');
    await idle(w);
    assert.equal(await count(w, '[data-testid$="-error"]'), 0);
    const last = setInputs(w).at(-1)!;
    assert.deepEqual([last.controls.start, last.controls.stop.maxIterations], [[2], 5]);
    await w.page.getByTestId('summary-iterations').filter({ hasText: /^5$/ }).waitFor({ timeout: 10_000 });
    assert.equal(await count(w, '[data-testid="content"].stale'), 0);
    await w.close();
  });

  it('sends a typed setInput when a control changes, and a new start when the contour is clicked', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2 + 3y^2', { start: [-1, 1] })]);
    assert.ok((await count(w, '[data-testid="plot-main"] svg g[aria-label="contour"] path')) > 3);
    await w.page.getByTestId('lr-input').fill('0.02');
    await w.page.getByTestId('optimizer-select').selectOption('adam');
    await idle(w);
    const last = setInputs(w).at(-1)!;
    assert.deepEqual([last.controls.optimizer.name, last.controls.optimizer.lr], ['adam', 0.02]);
    const before = setInputs(w).length;
    await w.page.locator('[data-testid="plot-main"] svg.gd-plot').click({ position: { x: 300, y: 150 } });
    await idle(w);
    const pick = setInputs(w).slice(before).at(-1);
    assert.ok(pick, 'a click sends a run from the clicked point');
    assert.equal(pick.controls.start.length, 2);
    assert.notDeepEqual(pick.controls.start, [-1, 1]);
    assert.deepEqual(
      [pick.controls.optimizer.name, pick.controls.optimizer.lr],
      ['adam', 0.02],
      "a click keeps the controls' edits",
    );
    await w.close();
  });

  it('sends one setInput per hyper-parameter edit, and none while a box is empty (being retyped)', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2', { optimizer: { name: 'adam', lr: 0.1 } })]);
    await w.page.getByTestId('hp-eps').fill('0.001');
    await idle(w);
    assert.equal(setInputs(w).length, 1);
    await w.page.getByTestId('hp-eps').press('Tab');
    await idle(w);
    assert.equal(setInputs(w).length, 1, 'leaving the box re-sends nothing');
    await w.page.getByTestId('hp-amsgrad').check();
    await idle(w);
    assert.equal(setInputs(w).length, 2, 'ticking a box sends one');
    await w.page.getByTestId('max-iterations-input').fill('');
    await w.page.getByTestId('tolerance-input').fill('');
    await idle(w);
    assert.equal(setInputs(w).length, 2);
    await w.page.getByTestId('tolerance-input').fill('0.001');
    await w.page.getByTestId('max-iterations-input').fill('50');
    await idle(w);
    const last = setInputs(w).at(-1)!;
    assert.deepEqual([last.controls.stop.maxIterations, last.controls.stop.gradientTolerance], [50, 0.001]);
    await w.close();
  });

  it('draws the zig-zag of (w − 3)² + 10b² at η = 0.1: b alternates between 1 and −1 on screen', async () => {
    // b_{k+1} = (1 − 0.1·20)·b_k = −b_k: the path jumps between two lines b = 1 and b = −1 every step.
    const w = await openWebview('dark');
    await w.add([
      newRun('L(w, b) = (w - 3)^2 + 10b^2', {
        start: [0, 1],
        stop: { maxIterations: 5000, gradientTolerance: 1e-6 },
      }),
    ]);
    const ys = (await pathPoints(w)).map(([, y]) => y);
    const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
    assert.ok(bottom - top > 100, 'the path spans the two lines');
    let flips = 0;
    for (let i = 1; i < ys.length; i++) if (Math.abs(ys[i]! - ys[i - 1]!) > 0.9 * (bottom - top)) flips++;
    assert.ok(flips > 50, `the path jumps between b = 1 and b = −1 at every step (${flips} jumps)`);
    await w.close();
  });

  it('redraws the path and the loss lines on each η change without re-plotting the contours', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2 + 3y^2', { start: [1, 1] })]);
    await w.page.evaluate(`document.querySelector('[data-testid="plot-main"] svg.gd-plot').__marked = true`);
    const before = await pathPoints(w);
    for (const lr of ['0.05', '0.08', '0.12']) {
      await w.page.getByTestId('lr-input').fill(lr);
      await idle(w);
    }
    const after = await pathPoints(w);
    assert.notDeepEqual(after, before, 'the path changed');
    assert.equal(
      await w.page.evaluate(
        `document.querySelector('[data-testid="plot-main"] svg.gd-plot').__marked === true`,
      ),
      true,
      'the same contour chart, not a new one',
    );
    assert.ok(
      ((await w.page.evaluate('window.__gdMetrics.redraws')) as number) >= 3,
      'each answered edit was drawn',
    );
    await w.close();
  });

  it('saves a plot as a figure: the function and the settings above it, its keys below', async () => {
    const w = await openWebview('light');
    await w.add([newRun('L(w, b) = (w - 3)^2 + 10b^2')]);
    await w.page.getByTestId('save-svg').click();
    const until = Date.now() + 5_000;
    while (!w.posted().some((m) => m.type === 'savePlot') && Date.now() < until) {
      await w.page.waitForTimeout(20);
    }
    const saved = w.posted().find((m) => m.type === 'savePlot') as { data?: string } | undefined;
    const svg = saved?.data ?? '';
    assert.match(svg, /^<svg [^>]*width="\d+" height="\d+"/);
    assert.match(svg, />L\(w, b\) = \(w - 3\)² \+ 10 b²</);
    assert.match(svg, />Gradient descent, η = 0\.1, from \(w, b\) = \(1, 1\), 1000 iterations</);
    // The keys the figure shows on screen, as SVG: the markers by name and the contour ramp.
    for (const label of ['start', 'last iterate']) assert.ok(svg.includes(`>${label}</text>`), label);
    assert.match(svg, /<linearGradient id="gd-export-ramp-\d+"><stop offset="0" stop-color="rgb/);
    assert.match(svg, />f = [^<]+ → /);
    // The chart itself, contours and path, under the heading.
    assert.match(svg, /<svg[^>]* y="\d+(\.\d+)?"[^>]*class="gd-plot|class="gd-plot[^"]*"[^>]* y="/);
    assert.ok(svg.includes('data-testid="path"'), 'the path');
    // Every figure has its own save buttons: the loss figure saves with its caption in the heading.
    const loss = w.page.getByTestId('plot-loss');
    await loss.getByTestId('save-figure-svg').click();
    const until2 = Date.now() + 5_000;
    while (w.posted().filter((m) => m.type === 'savePlot').length < 2 && Date.now() < until2) {
      await w.page.waitForTimeout(20);
    }
    const second =
      (w.posted().filter((m) => m.type === 'savePlot')[1] as { data?: string } | undefined)?.data ?? '';
    const caption = (await loss.locator('figcaption > span').first().innerText()).trim();
    assert.ok(
      caption.length > 0 && second.includes(`>${caption}</text>`),
      `the caption "${caption}" heads it`,
    );
    assert.match(second, />L\(w, b\) = /);
    assert.equal(
      await loss.getByTestId('save-figure-png').getAttribute('aria-label'),
      `Save ${caption} as PNG`,
    );
    await w.close();
  });

  it('says so in the notice when a plot cannot be turned into a PNG', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('2x^2')]);
    await w.page.evaluate(
      "HTMLCanvasElement.prototype.toDataURL = function () { throw new Error('tainted canvas'); }",
    );
    await w.page.getByTestId('save-png').click();
    await w.page.getByTestId('notice').filter({ hasText: /\S/ }).waitFor({ timeout: 5_000 });
    assert.match(await text(w, 'notice'), /Could not save the plot: tainted canvas/);
    assert.equal(w.posted().filter((m) => m.type === 'savePlot').length, 0);
    assert.deepEqual(
      w.console.filter((l) => /pageerror|Uncaught/.test(l)),
      [],
    );
    await w.close();
  });

  it('draws each coordinate against the iteration for 3 variables, and the learning-rate and compare views', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2 + 2y^2 + 3z^2', { start: [1, 1, 1] })]);
    assert.equal(await count(w, '[data-testid="plot-main"] svg [data-testid="line"]'), 3);
    assert.deepEqual(
      (await w.page.locator('[data-testid="plot-main"] [data-testid="line-label"]').allTextContents()).sort(),
      ['x', 'y', 'z'],
    );
    await w.add([newRun('x^2 + 3y^2', { start: [1, 1] })], 'learning-rate');
    await w.page.getByTestId('plot-sweep').waitFor();
    assert.match(await text(w, 'critical-lr'), /2\/λmax = 0\.3333/);
    await w.page.getByTestId('plot-regimes').waitFor();
    assert.equal(await count(w, '[data-testid^="regime-"] svg.gd-plot'), 3);
    assert.equal(
      await count(w, '[data-testid="plot-sweep"] [data-testid="current-lr"]'),
      2,
      'the current η is marked',
    );
    await w.page.getByTestId('tab-compare').click();
    await w.page.getByTestId('compare-legend').waitFor();
    assert.equal(await count(w, '[data-testid="compare-legend"] .legend-item'), 6);
    await w.close();
  });

  it('tells the compared optimizers apart by dash pattern as well as colour, in the paths and the legend', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2 + 3y^2', { start: [1, 1] })], 'compare');
    await w.page.getByTestId('compare-legend').waitFor();
    const paths = w.page.locator('[data-testid="plot-main"] [data-testid="overlay"] [data-testid="path"]');
    const styles = await paths.evaluateAll((els) =>
      els.map((p) => `${p.getAttribute('stroke')}|${p.getAttribute('stroke-dasharray') ?? ''}`),
    );
    assert.equal(styles.length, 6, 'one path per optimizer');
    assert.equal(
      new Set(styles.map((s) => s.split('|')[1])).size,
      6,
      `six dash patterns: ${styles.join(', ')}`,
    );
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
    await w.add([newRun('x^2'), newRun('2x^2')]);
    await w.send({ type: 'notice', text: 'Copied 31 rows as Markdown.' });
    assert.equal(await text(w, 'notice'), 'Copied 31 rows as Markdown.');
    await w.page.getByTestId('run-item').nth(0).click();
    await w.page
      .locator('[data-testid="summary-formula"][data-plain$="= x ^ 2"]')
      .waitFor({ timeout: 5_000 });
    assert.equal(await text(w, 'notice'), '');
    await w.close();
  });

  it('paints what it saved at once after a reload, and sends it with ready for a host that has none', async () => {
    const first = await openWebview('dark');
    await first.add([newRun('sin(x)', { start: [1] })]);
    await first.page.waitForTimeout(500);
    const saved = await first.savedState();
    await first.close();
    const w = await openWebview('dark', saved);
    // The saved scene is drawn before the host computes anything.
    assert.equal(await w.page.getByTestId('formula-input').inputValue(), 'sin(x)');
    assert.ok(
      (await count(w, '[data-testid="plot-main"] [data-testid="path"]')) >= 1,
      'the saved path is on screen',
    );
    const ready = w.posted()[0] as { type: string; saved?: { runs: { formula: string }[] } };
    assert.equal(ready.type, 'ready');
    assert.equal(ready.saved?.runs[0]?.formula, 'sin(x)');
    await w.page.getByTestId('summary').waitFor();
    await w.send({ type: 'bogus', payload: '<b>x</b>' });
    await w.send({ type: 'state', runs: 'nope' });
    assert.equal(await w.page.getByTestId('formula-input').inputValue(), 'sin(x)');
    await w.close();
  });
});
