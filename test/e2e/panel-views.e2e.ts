// The panel's views as a person sees them in the real workbench: coordinates for 3 variables,
// filled contours with the path for 2, the optimizer comparison, the learning-rate view, the
// Markdown export reaching the clipboard, and the worked steps of f(x) = 2x^2.
import { strict as assert } from 'node:assert';
import type { FrameLocator, Locator } from 'playwright-core';
import { chooseView, runFormula, setControl } from './support/panel-run';
import { newWorkbench } from './support/session';

const WAIT = 30_000;

/** Minimal shape of the elements read inside the webview (the test code has no DOM types). */
interface ElementLike {
  getAttribute(name: string): string | null;
  closest(selector: string): ElementLike | null;
  readonly style: { readonly background: string };
}

/** How many points each path under `locator` joins (from its `d` attribute). */
async function pathPoints(locator: Locator): Promise<number[]> {
  return locator.evaluateAll((paths: ElementLike[]) =>
    paths.map((p) => (p.getAttribute('d') ?? '').split(/[ML]/).filter((s: string) => s.trim() !== '').length),
  );
}

/** "#rrggbb", "#rgb", "#rrggbbaa" or "rgb(r, g, b)" as "r,g,b", so colours written either way compare. */
function rgb(colour: string): string {
  const c = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(c)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).join(',');
  }
  const parts = /^rgba?\(([^)]*)\)$/
    .exec(c)?.[1]
    .split(/[\s,/]+/)
    .filter((p) => p !== '');
  return parts ? parts.slice(0, 3).join(',') : c;
}

/** The stroke or fill of each element under `locator` (its own or inherited from its group), or a swatch's background. */
async function colours(locator: Locator, read: 'stroke' | 'fill' | 'background'): Promise<string[]> {
  const raw = await locator.evaluateAll(
    (elements: ElementLike[], which) =>
      elements.map((el) =>
        which === 'background'
          ? el.style.background
          : (el.getAttribute(which) ?? el.closest(`[${which}]`)?.getAttribute(which) ?? ''),
      ),
    read,
  );
  return raw.map(rgb);
}

async function caption(view: FrameLocator, testId: string): Promise<string> {
  return (await view.locator(`[data-testid="${testId}"] > figcaption > span:first-child`).innerText()).trim();
}

describe('Gradient Descent panel: views', () => {
  it('3 variables: each coordinate against the iteration, and the value and gradient norm', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'quick-tour.md', 'f(x, y, z) = x^2 + 2y^2 + 3z^2');
    assert.equal(await caption(view, 'plot-main'), 'Coordinates against the iteration');
    const main = view.locator('[data-testid="plot-main"] svg.gd-plot');
    const lines = main.locator('[data-testid="line"]');
    assert.equal(await lines.count(), 3, 'one line per coordinate');
    assert.equal(new Set(await colours(lines, 'stroke')).size, 3, 'each coordinate has its own colour');
    for (const points of await pathPoints(lines)) {
      assert.ok(points > 3, `a coordinate's line joins its iterates (${points} points)`);
    }
    const labels = await main.locator('[data-testid="line-label"]').allTextContents();
    assert.deepEqual([...labels].sort(), ['x', 'y', 'z'], 'each line is labelled with its variable');
    assert.match(await main.innerHTML(), />iteration/, 'the x axis is the iteration');

    const loss = view.locator('[data-testid="plot-loss"] svg.gd-plot');
    assert.equal(await loss.count(), 2, 'value and gradient norm charts');
    for (let i = 0; i < 2; i++) {
      const points = await pathPoints(loss.nth(i).locator('[data-testid="line"]'));
      assert.ok(
        points.length === 1 && points[0] > 3,
        `loss chart ${i} draws its curve (${points.join(',')})`,
      );
    }
  });

  it('2 variables: filled contours with the path, its start and its end', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'formulas.txt', 'x^2 + 3*y^2');
    assert.equal(await caption(view, 'plot-main'), 'Contours of f and the path');
    const main = view.locator('[data-testid="plot-main"] svg.gd-plot');
    const bands = main.locator('g[aria-label="contour"] path');
    assert.ok((await bands.count()) >= 10, `contour bands drawn: ${await bands.count()}`);
    assert.ok(new Set(await colours(bands, 'fill')).size >= 5, 'the bands are filled with graded colours');
    const path = await pathPoints(main.locator('[data-testid="overlay"] [data-testid="path"]'));
    assert.ok(path.length === 1 && path[0] >= 3, `the descent path joins its iterates (${path.join(',')})`);
    const start = main.locator('[data-testid="overlay"] [data-testid="start"]');
    const end = main.locator('[data-testid="overlay"] [data-testid="end"]');
    assert.equal(await start.count(), 1, 'the start is marked with a dot');
    assert.equal(await end.count(), 1, 'the end is marked with a diamond');
    const startBox = await start.boundingBox();
    const endBox = await end.boundingBox();
    assert.ok(startBox && endBox, 'both marks are on screen');
    assert.ok(
      Math.hypot(startBox.x - endBox.x, startBox.y - endBox.y) > 20,
      'the end is away from the start',
    );
  });

  it('compare view: the six optimizers overlaid on one contour with a legend', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'formulas.txt', 'x^2 + 3*y^2');
    await chooseView(view, 'compare');
    const legend = view.getByTestId('compare-legend');
    await legend.waitFor({ timeout: WAIT });
    const items = (await legend.locator('.legend-item').allInnerTexts()).map((t) => t.trim());
    const names = ['Gradient descent', 'Momentum', 'Nesterov', 'AdaGrad', 'RMSProp', 'Adam'];
    assert.deepEqual(
      items.map((t) => t.split(' (')[0]),
      names,
      `legend: ${items.join(' | ')}`,
    );
    const main = view.locator('[data-testid="plot-main"] svg.gd-plot');
    assert.ok((await main.locator('g[aria-label="contour"] path').count()) >= 10, 'on the contours of f');
    const lines = main.locator('[data-testid="overlay"] [data-testid="path"]');
    assert.equal(await lines.count(), 6, 'one path per optimizer');
    const strokes = await colours(lines, 'stroke');
    assert.equal(new Set(strokes).size, 6, `each optimizer has its own colour: ${strokes.join(' ')}`);
    assert.deepEqual(
      await colours(legend.locator('.swatch'), 'background'),
      strokes,
      'the legend swatches match the paths',
    );
  });

  it('learning-rate view: the sweep with the critical η and too small, good and too large paths', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'formulas.txt', 'x^2 + 3*y^2');
    await chooseView(view, 'learning-rate');
    const sweep = view.locator('[data-testid="plot-sweep"] svg.gd-plot');
    await sweep.first().waitFor({ timeout: WAIT });
    // λmax of x^2 + 3y^2 is 6, so 2/λmax = 1/3.
    assert.match(
      await view.getByTestId('critical-lr').innerText(),
      /Critical learning rate 2\/λmax = 0\.3333 \(λmax = 6\)/,
    );
    assert.equal(await sweep.count(), 2, 'final value and iterations against η');
    for (let i = 0; i < 2; i++) {
      const chart = sweep.nth(i);
      assert.equal(
        await chart.locator('g[aria-label="rule"]').count(),
        1,
        'the critical η is drawn as a rule',
      );
      assert.ok(
        (await chart.locator('g[aria-label="text"] text').allTextContents()).includes('2/λmax'),
        'and labelled',
      );
      assert.match(await chart.innerHTML(), />learning rate η/, 'η is on the x axis');
    }
    const diverged = sweep.nth(0).locator('g[aria-label="dot"]').last().locator('path');
    assert.ok((await diverged.count()) > 0, 'runs past the critical η are marked as diverged');

    const rates: number[] = [];
    for (const regime of ['too-small', 'good', 'too-large']) {
      const cell = view.getByTestId(`regime-${regime}`);
      const heading = await cell.locator('h4').innerText();
      // "1.93×10⁻⁵" as the panel writes it: mantissa and superscript exponent.
      const [, mantissa = 'NaN', exponent = ''] = /: ([\d.]+)(?:×10([⁻¹²³⁴⁵⁶⁷⁸⁹⁰]+))?$/.exec(heading) ?? [];
      const power = [...exponent].map((c) => (c === '⁻' ? '-' : String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)))).join('');
      rates.push(Number(mantissa) * 10 ** Number(power || '0'));
      const points = await pathPoints(
        cell.locator('svg.gd-plot [data-testid="overlay"] [data-testid="path"]'),
      );
      assert.ok(points.length === 1 && points[0] >= 2, `${regime}: the path is drawn (${points.join(',')})`);
    }
    assert.ok(
      rates[0] < rates[1] && rates[1] < rates[2],
      `η grows from small to large: ${rates.join(' < ')}`,
    );
    assert.ok(rates[1] < 1 / 3 && rates[2] > 1 / 3, 'the good η is below 2/λmax and the large one above');
    assert.match(await view.getByTestId('regime-good').locator('p').innerText(), /^Converged/);
    assert.doesNotMatch(await view.getByTestId('regime-too-large').locator('p').innerText(), /^Converged/);
  });

  it('export: "Copy iterations (Markdown)" puts the table on the clipboard, ready to paste', async () => {
    const workbench = await newWorkbench();
    await workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const view = await runFormula(workbench, 'quick-tour.md', 'f(x) = 2x^{2}');
    await view.getByTestId('copy-markdown').click();
    await view
      .getByTestId('notice')
      .filter({ hasText: /Copied \d+ iterations as a Markdown table/ })
      .waitFor({ timeout: WAIT });
    await workbench.runCommand('File: New Untitled Text File');
    const editor = workbench.activeEditor();
    await editor.locator('.view-lines').waitFor({ timeout: WAIT });
    await workbench.page.keyboard.press('Control+V');
    try {
      await editor.locator('.view-line', { hasText: '0.36' }).first().waitFor({ timeout: 10_000 });
      const lines = (await editor.locator('.view-line').allInnerTexts()).map((l) =>
        l.replace(/\u00a0/g, ' ').trim(),
      );
      assert.ok(lines.includes('*f(x) = 2x^{2} · gd, η = 0.1 · from x₀ = 1*'), `the caption: ${lines[0]}`);
      assert.ok(lines.includes('| k | x | f | ‖∇f‖ |'), `pasted: ${lines.slice(0, 5).join(' / ')}`);
      assert.ok(lines.includes('| --- | --- | --- | --- |'));
      assert.ok(lines.includes('| 0 | 1 | 2 | 4 |'), 'x₀ = 1, f = 2, |f′| = 4');
      assert.ok(lines.includes('| 1 | 0.6 | 0.72 | 2.4 |'), 'x₁ = 0.6');
      assert.ok(lines.includes('| 2 | 0.36 | 0.2592 | 1.44 |'), 'x₂ = 0.36');
    } finally {
      await workbench.runCommand('Revert and Close Editor');
    }
  });

  it('worked steps: x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6 for f(x) = 2x^2 from x₀ = 1, η = 0.1', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'quick-tour.md', 'f(x) = 2x^{2}');
    if ((await view.getByTestId('start-input').inputValue()) !== '1') {
      await setControl(view, 'start-input', '1');
    }
    if ((await view.getByTestId('lr-input').inputValue()) !== '0.1') {
      await setControl(view, 'lr-input', '0.1');
    }
    const steps = view.locator('[data-testid="steps"] [data-testid="step"]');
    await steps.first().waitFor({ timeout: WAIT });
    // Each line is typeset (KaTeX); its plain text stays on it for copying.
    const lines = async (i: number): Promise<(string | null)[]> =>
      steps
        .nth(i)
        .locator('.math-tex')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-plain')));
    assert.deepEqual(await lines(0), ['f(x₀) = 2', 'f′(x₀) = 4', 'x₁ = x₀ − η·f′(x₀) = 1 − 0.1·4 = 0.6']);
    assert.equal((await lines(1)).at(-1), 'x₂ = x₁ − η·f′(x₁) = 0.6 − 0.1·2.4 = 0.36');
    assert.ok((await steps.first().locator('.katex').count()) >= 3, 'the lines are typeset');
  });
});
