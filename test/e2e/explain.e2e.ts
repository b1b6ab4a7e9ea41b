// The learning-rate view's explanation in the real workbench: the curvature at the start with the
// Hessian's eigen-directions on the contours, momentum's (η, β) map whose Polyak button and cells set
// η and β in the controls, and a drag of the start on the contours that makes both again. Also takes
// the README's screenshots of both (dark and light, full width and the 520 px the panel opens with)
// into test-results/screenshots/, and into docs/screenshots/ with UPDATE_SCREENSHOTS=1. And the
// curvature following the learning-rate view's player along a Rosenbrock path.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { PROJECT_ROOT, TEST_RESULTS_DIR } from '../../scripts/vscode/paths';
import { chooseView, runFormula, setControl } from './support/panel-run';
import { newWorkbench } from './support/session';
import { THEMES, useTheme } from './support/themes';

const WAIT = 30_000;
const OUT_DIRS = [
  path.join(TEST_RESULTS_DIR, 'screenshots'),
  ...(process.env.UPDATE_SCREENSHOTS === '1' ? [path.join(PROJECT_ROOT, 'docs', 'screenshots')] : []),
];

async function shoot(locator: Locator, name: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const png = await locator.screenshot();
  for (const dir of OUT_DIRS) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), png);
  }
}

async function value(view: FrameLocator, testId: string): Promise<string> {
  return view.getByTestId(testId).inputValue();
}

/** The control's value once `accept` takes it (the controls are drawn again after a pick); the last one read after WAIT. */
async function valueOnce(
  view: FrameLocator,
  testId: string,
  accept: (v: string) => boolean,
): Promise<string> {
  const until = Date.now() + WAIT;
  let last = await value(view, testId);
  while (!accept(last) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await value(view, testId);
  }
  return last;
}

describe('Gradient Descent panel: learning-rate effects explained', () => {
  it('shows the eigen-directions at the start and the (η, β) map, whose Polyak button and cells set η and β; a drag of the start makes both again', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'formulas.txt', 'x^2 + 3*y^2');
    await chooseView(view, 'learning-rate');

    // x² + 3y²: λ = 2 along x and 6 along y, κ = 3.
    const curvature = view.getByTestId('plot-curvature');
    await curvature.waitFor({ timeout: WAIT });
    assert.equal(
      await curvature.locator('[data-testid="eigen-direction"]').count(),
      2,
      'one segment per eigen-direction',
    );
    const numbers = await view.getByTestId('curvature-numbers').innerText();
    assert.match(numbers, /condition number κ\s+3\b/);
    assert.match(numbers, /critical step 2\/λmax\s+0\.3333/);

    const map = view.locator('[data-testid="plot-phase"] svg[data-testid="phase-map"]');
    await map.waitFor({ timeout: WAIT });
    const cells = await map.locator('g[aria-label="rect"] rect').count();
    assert.ok(cells > 800, `the map is drawn cell by cell (${cells} cells)`);
    assert.match((await map.getAttribute('aria-label')) ?? '', /Fewest iterations: \d+ at η = /);
    // Plain gd at η = 0.3 for the pictures: ηλ_y = 1.8 (y oscillates), ηλ_x = 0.6.
    await setControl(view, 'lr-input', '0.3');
    await view
      .getByTestId('curvature-effects')
      .filter({ hasText: 'y oscillates' })
      .waitFor({ timeout: WAIT });
    // The panel alone in the window for the pictures, as the README's other screenshots are taken.
    await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
    await workbench.panelTab('Gradient Descent').first().click();
    await workbench.focusWorkbench();
    await workbench.runCommand('View: Close Editors in Other Groups');
    try {
      for (const theme of THEMES.slice(0, 2)) {
        await useTheme(workbench, theme);
        for (const [width, suffix] of [
          [1280, ''],
          [570, '-520'],
        ] as const) {
          await workbench.page.setViewportSize({ width, height: 820 });
          await map.waitFor({ timeout: WAIT });
          await workbench.page.waitForTimeout(500);
          await shoot(view.getByTestId('plot-curvature'), `panel-curvature-${theme.file}${suffix}`);
          await shoot(view.getByTestId('plot-phase'), `panel-phase-${theme.file}${suffix}`);
        }
      }
    } finally {
      await workbench.page.setViewportSize({ width: 1280, height: 820 });
      await useTheme(workbench, THEMES[0]).catch((err: Error) =>
        console.log(`      (theme not restored: ${err.message})`),
      );
    }

    // Polyak for λ = 2, 6: η = 4/(√6 + √2)² = 0.268, β = ((√3 − 1)/(√3 + 1))² = 0.0718.
    const polyak = view.getByTestId('phase-use-polyak');
    assert.match(await polyak.innerText(), /η = 0\.268, β = 0\.0718/);
    await polyak.click();
    assert.equal(await valueOnce(view, 'lr-input', (v) => v === '0.268'), '0.268');
    assert.equal(await value(view, 'optimizer-select'), 'momentum');

    // A click on the map's left edge picks a small η there.
    const box = await map.boundingBox();
    assert.ok(box);
    await map.click({ position: { x: 70, y: box.height / 2 } });
    const picked = Number(await valueOnce(view, 'lr-input', (v) => v !== '0.268'));
    assert.ok(picked > 0 && picked < 0.01, `a cell on the left sets a small η (${picked})`);

    // Dragging the start on the curvature's contours moves the start, and the map is made again from there.
    const caption = view.locator('[data-testid="plot-curvature"] > figcaption > span').first();
    const before = await caption.innerText();
    const mapBefore = await map.innerHTML();
    const contour = view.locator('[data-testid="plot-curvature"] svg.gd-plot').first();
    await contour.scrollIntoViewIfNeeded();
    const area = await contour.boundingBox();
    assert.ok(area);
    const { mouse } = workbench.page;
    await mouse.move(area.x + area.width * 0.5, area.y + area.height * 0.5);
    await mouse.down();
    for (let k = 1; k <= 5; k++) {
      await mouse.move(area.x + area.width * (0.5 - 0.04 * k), area.y + area.height * (0.5 - 0.03 * k));
    }
    await mouse.up();
    await caption.filter({ hasNotText: before }).waitFor({ timeout: WAIT });
    assert.notEqual(await caption.innerText(), before, 'the start moved with the drag');
    const until = Date.now() + WAIT;
    while ((await map.innerHTML().catch(() => mapBefore)) === mapBefore && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.notEqual(await map.innerHTML(), mapBefore, 'the map was made again from the new start');
  });

  it('the summary names the effect of a gd run that does not converge, in the formula’s variables', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'quick-tour.md', 'L(w, b) = (w - 3)^2 + 10b^2');
    // λ_b = 20, λ_w = 2: at η = 0.1, η·λ_b = 2 exactly, so b goes 1, −1, 1, … and the run never converges.
    if ((await value(view, 'lr-input')) !== '0.1') await setControl(view, 'lr-input', '0.1');
    const words = view.getByTestId('summary-effects');
    await words.waitFor({ timeout: WAIT });
    assert.equal(
      (await words.innerText()).trim(),
      'b alternates sign each step: η·λ_b = 2, exactly the critical step.',
    );
  });

  it('moves the curvature with the iteration slider: on Rosenbrock from (−1.2, 1) the point follows and κ grows into the valley', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'formulas.txt', '(1-x)^2 + 100(y-x^2)^2');
    await setControl(view, 'start-input', '-1.2, 1');
    await setControl(view, 'lr-input', '0.001');
    await chooseView(view, 'learning-rate');
    const figure = view.getByTestId('plot-curvature');
    const caption = view.getByTestId('curvature-caption');
    await caption.filter({ hasText: /^Curvature at the start \(−1\.2, 1\)$/ }).waitFor({ timeout: WAIT });
    const kappa = async (): Promise<number> => {
      const text = await view.getByTestId('curvature-numbers').innerText();
      const found = /condition number κ\s+([0-9.]+)\s/.exec(`${text}\n`);
      assert.ok(found, `κ is a plain number in: ${text}`);
      return Number(found[1]);
    };
    // The Hessian at (−1.2, 1) is [[1330, 480], [480, 200]]: κ ≈ 65.
    const atStart = await kappa();
    assert.ok(atStart > 50 && atStart < 80, `κ at the start ${atStart}`);
    // κ along the path breaks over the saddle stretch (below) instead of bridging it with a line.
    const kappaLine = view.locator('[data-testid="plot-kappa"] [data-testid="line"]').first();
    await kappaLine.waitFor({ timeout: WAIT });
    const pieces = ((await kappaLine.getAttribute('d')) ?? '').split('M').length - 1;
    assert.ok(pieces >= 2, `κ's line is drawn in ${pieces} pieces`);
    await view.getByText('Gaps: the model is not positive definite there, so κ is undefined.').waitFor();
    const slider = figure.getByTestId('iteration-slider');
    const last = Number(await slider.getAttribute('max'));
    assert.ok(last > 10, `the player keeps ${last + 1} iterates`);

    // Halfway along the path: another point with its own model. The path runs just above the valley's
    // floor there, where the Hessian's determinant 80000(x² − y) + 400 is negative: mostly a saddle.
    const numbersAtStart = await view.getByTestId('curvature-numbers').innerText();
    await slider.fill(String(Math.round(last / 2)));
    await caption.filter({ hasText: /^Curvature at iterate \d+ / }).waitFor({ timeout: WAIT });
    const middle = await caption.innerText();
    assert.doesNotMatch(middle, /\(−1\.2, 1\)/, 'the point moved');
    assert.notEqual(await view.getByTestId('curvature-numbers').innerText(), numbersAtStart);
    assert.equal(await figure.locator('[data-testid="eigen-direction"]').count(), 2);
    assert.equal(await figure.getByTestId('ball').count(), 1, 'the ball is on the iterate');
    await shoot(figure, 'panel-curvature-iterate');

    // At the last iterate the path has turned into the valley's floor (y < x² + 0.005, positive
    // definite): κ is larger than at the start (≈ 80–110 past (0, 0), ≈ 2500 near (1, 1)).
    await slider.fill(String(last));
    await caption.filter({ hasNotText: middle }).waitFor({ timeout: WAIT });
    const atEnd = await kappa();
    assert.ok(atEnd > atStart, `κ at the end ${atEnd} > κ at the start ${atStart}`);

    // Back to the start: the start's model again.
    await slider.fill('0');
    await caption.filter({ hasText: /^Curvature at the start \(−1\.2, 1\)$/ }).waitFor({ timeout: WAIT });
    assert.equal(await kappa(), atStart);

    // A schedule: the learning-rate view draws η against the iteration too (the runs view's chart).
    await view.getByLabel('Learning-rate schedule').selectOption('CosineAnnealingLR');
    const schedule = view.locator('.view-learning-rate [data-testid="plot-schedule"]');
    await schedule.locator('svg.gd-plot').waitFor({ timeout: WAIT });
    assert.match(await schedule.locator('figcaption').innerText(), /CosineAnnealingLR/);
  });
});
