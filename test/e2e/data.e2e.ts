// Learning from data in the real workbench: a Markdown note with a table and the loss over its rows;
// Run Gradient Descent finds the table, and the panel draws the rows, the fitted line and the noisy
// loss of each mini-batch. Screenshots (dark and light, full width and 520 px) go to
// test-results/screenshots/, and to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT, TEST_RESULTS_DIR } from '../../scripts/vscode/paths';
import { runFormula } from './support/panel-run';
import { newWorkbench } from './support/session';
import { THEMES, useTheme } from './support/themes';

const WAIT = 30_000;
const LOSS = 'J(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';
const OUT_DIRS = [
  path.join(TEST_RESULTS_DIR, 'screenshots'),
  ...(process.env.UPDATE_SCREENSHOTS === '1' ? [path.join(PROJECT_ROOT, 'docs', 'screenshots')] : []),
];

describe('learning from data', () => {
  it('runs the loss over the note’s table and shows the data, the fit and the noisy loss per step', async () => {
    const workbench = await newWorkbench();
    await workbench.page.setViewportSize({ width: 1280, height: 900 });
    const view = await runFormula(workbench, 'fitting-a-line.md', LOSS);
    const data = view.getByTestId('plot-data');
    await data.locator('svg').first().waitFor({ timeout: WAIT });
    // The ten rows of the table, and the fitted line through them.
    assert.equal(await data.locator('svg circle').count(), 10, 'one dot per row');
    assert.ok((await data.locator('svg path').count()) >= 1, 'the fit is drawn');
    const caption = await data.locator('figcaption').innerText();
    assert.match(
      caption,
      /The data \(10 rows\) and the fit after [\d.]+ epochs \(batches of 4, in file order\)/,
    );
    // The loss of each batch of 4 is noisy: it rises at some steps although the descent goes on.
    const loss = view.getByTestId('plot-batch-loss');
    await loss.locator('svg path[data-testid="line"]').first().waitFor({ timeout: WAIT });
    const batchLine = (await loss.locator('svg path[data-testid="line"]').first().getAttribute('d')) ?? '';
    const ys = [...batchLine.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]));
    // SVG y grows downwards: a step up the screen is a batch whose loss is higher than the one before.
    const rises = ys.filter((y, i) => i > 0 && y < ys[i - 1]! - 0.5).length;
    assert.ok(rises >= 5, `the batch loss rises at ${rises} steps of ${ys.length}`);
    assert.match(await loss.innerText(), /loss of each batch of 4/);
    assert.match(await loss.innerText(), /loss on all 10 rows after each epoch/);
    // The player moves the fit: the line at the first iterate is another line than at the last.
    const line = async (): Promise<string> =>
      (await data.locator('svg g[aria-label="line"] path').first().getAttribute('d')) ?? '';
    const last = await line();
    await view.getByTestId('iteration-slider').first().fill('0');
    await data
      .locator('figcaption')
      .filter({ hasText: /after 0 epochs/ })
      .waitFor({ timeout: WAIT });
    assert.notEqual(await line(), last, 'the fit moves with the player');
    await view.getByTestId('iteration-slider').first().fill(String(1e6));

    // Batch sizes compared on the loss over all rows: 1, 8 and all 10 (32 is more than the rows).
    const compare = view.getByTestId('plot-batch-compare');
    await compare.locator('svg path[data-testid="line"]').nth(2).waitFor({ timeout: WAIT });
    assert.deepEqual(
      await compare.getByTestId('batch-compare-key').locator('[role="listitem"]').allInnerTexts(),
      ['batch 1', 'batch 8', 'all 10 rows'],
    );

    // The function field shows the formula alone; the data stays bound out of sight.
    assert.equal(await view.getByTestId('formula-input').inputValue(), LOSS);

    // The panel alone in the window for the screenshots, scrolled to the data view.
    await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
    await workbench.panelTab('Gradient Descent').first().click();
    await workbench.focusWorkbench();
    await workbench.runCommand('View: Close Editors in Other Groups');
    for (const theme of THEMES.filter((t) => t.file !== 'high-contrast')) {
      await useTheme(workbench, theme);
      for (const [width, suffix] of [
        [1280, ''],
        [570, '-520'],
      ] as const) {
        await workbench.page.setViewportSize({ width, height: 900 });
        await data.evaluate((el) => el.scrollIntoView());
        await workbench.page.waitForTimeout(800);
        const box = await workbench.page.locator('iframe.webview.ready').boundingBox();
        assert.ok(box, 'the panel is on screen');
        const png = await workbench.page.screenshot({ clip: box });
        for (const dir of OUT_DIRS) {
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(path.join(dir, `data-fit-${theme.file}${suffix}.png`), png);
        }
      }
    }
  });

  it('trains the two-feature logistic classifier and draws its decision boundary between the classes', async () => {
    const workbench = await newWorkbench();
    await workbench.page.setViewportSize({ width: 1280, height: 900 });
    const view = await runFormula(
      workbench,
      'logistic-classifier.md',
      'J(w_1, w_2, b) = -\\frac{1}{m}\\sum_{i=1}^{m} \\left[y_i \\log \\sigma(w_1 x_{i1} + w_2 x_{i2} + b) + (1 - y_i)\\log\\left(1 - \\sigma(w_1 x_{i1} + w_2 x_{i2} + b)\\right)\\right]',
    );
    const data = view.getByTestId('plot-data');
    await data.locator('svg').first().waitFor({ timeout: WAIT });
    assert.equal(await data.locator('svg circle').count(), 12, 'one dot per student');
    assert.deepEqual(await data.getByTestId('data-key').locator('[role="listitem"]').allInnerTexts(), [
      'y = 0',
      'y = 1 (rings)',
      'the decision boundary',
    ]);
    assert.ok(
      ((await data.locator('svg g[aria-label="line"] path').first().getAttribute('d')) ?? '').length > 10,
      'the boundary is drawn',
    );
    await data.evaluate((el) => el.scrollIntoView());
    const png = await data.screenshot();
    fs.mkdirSync(OUT_DIRS[0]!, { recursive: true });
    fs.writeFileSync(path.join(OUT_DIRS[0]!, 'data-boundary.png'), png);
  });
});
