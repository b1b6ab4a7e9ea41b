// The batches of a run on data, steered in the panel: the batch size, the seeded shuffle and the
// epochs re-run the loss at once. Batches of 4 in file order give a noisy loss per step; all 10
// rows give full-batch descent, whose loss on a convex quadratic with η = 0.1 below 2/λmax ≈ 0.19
// (λmax ≈ 10.4 for this table, worked out by hand) falls at every step.
import { strict as assert } from 'node:assert';
import type { FrameLocator } from 'playwright-core';
import { runFormula } from './support/panel-run';
import { newWorkbench } from './support/session';

const WAIT = 30_000;
const LOSS = 'J(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';

/** The steps at which the drawn batch loss rises (SVG y grows downwards), and the points drawn. */
async function rises(view: FrameLocator): Promise<{ rises: number; points: number }> {
  const d =
    (await view
      .getByTestId('plot-batch-loss')
      .locator('svg path[data-testid="line"]')
      .first()
      .getAttribute('d')) ?? '';
  const ys = [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]));
  return { rises: ys.filter((y, i) => i > 0 && y < ys[i - 1]! - 0.5).length, points: ys.length };
}

describe('batches of a run on data in the panel', () => {
  it('changes the batch size, the shuffle and the epochs, and the loss curve follows', async () => {
    const workbench = await newWorkbench();
    await workbench.page.setViewportSize({ width: 1280, height: 900 });
    const view = await runFormula(workbench, 'fitting-a-line.md', LOSS);
    const loss = view.getByTestId('plot-batch-loss');
    const caption = view.getByTestId('plot-data').locator('figcaption');
    await loss.locator('svg path[data-testid="line"]').first().waitFor({ timeout: WAIT });

    // The fields are there for a loss over data, labelled, at the panel's default.
    const controls = view.getByTestId('batch-controls');
    assert.equal(await controls.getAttribute('aria-label'), 'Batches');
    assert.equal(await view.getByLabel('Batch size', { exact: true }).inputValue(), '4');
    assert.equal(await view.getByLabel('Shuffle', { exact: true }).isChecked(), false);
    assert.equal(await view.getByLabel('Seed', { exact: true }).isDisabled(), true);
    // The data view offers a file from the workspace instead of the note's table.
    assert.equal(await view.getByRole('button', { name: 'Use a CSV file…' }).count(), 1);
    const noisy = await rises(view);
    assert.ok(noisy.rises >= 5, `batches of 4: the loss rises at ${noisy.rises} of ${noisy.points} steps`);

    // All rows: full-batch descent, a loss that only falls.
    await view.getByLabel('Batch size', { exact: true }).fill('10');
    await loss.filter({ hasText: 'loss of each batch of 10' }).waitFor({ timeout: WAIT });
    await caption.filter({ hasText: 'batches of 10, in file order' }).waitFor({ timeout: WAIT });
    const smooth = await rises(view);
    assert.ok(smooth.points > 10, `the full-batch loss is drawn (${smooth.points} points)`);
    assert.equal(smooth.rises, 0, 'the full-batch loss falls at every step');

    // Epochs set the length: 5 epochs of one full batch are 5 iterations.
    await view.getByLabel('Epochs', { exact: true }).fill('5');
    await view
      .getByTestId('summary-iterations')
      .filter({ hasText: /^\D*5\D*$/ })
      .waitFor({ timeout: WAIT });

    // SGD, shuffled with a seed: the seed field opens, and the caption says so.
    await view.getByLabel('Epochs', { exact: true }).fill('');
    await view.getByLabel('Batch size', { exact: true }).fill('1');
    await view.getByLabel('Shuffle', { exact: true }).check();
    assert.equal(await view.getByLabel('Seed', { exact: true }).isDisabled(), false);
    await caption.filter({ hasText: 'batches of 1, shuffled' }).waitFor({ timeout: WAIT });
    const first = await rises(view);
    assert.ok(first.rises >= 5, `SGD: the loss rises at ${first.rises} steps`);
    const before = await loss.locator('svg path[data-testid="line"]').first().getAttribute('d');
    await view.getByLabel('Seed', { exact: true }).fill('7');
    await view
      .getByTestId('plot-batch-loss')
      .locator('svg path[data-testid="line"]')
      .first()
      .and(view.locator(`path:not([d="${before ?? ''}"])`))
      .waitFor({ timeout: WAIT });
  });

  it('shows no batch fields for a formula that is not over data', async () => {
    const workbench = await newWorkbench();
    const view = await runFormula(workbench, 'formulas.txt', 'x^2 + 3*y^2');
    await view.getByTestId('controls').waitFor({ timeout: WAIT });
    assert.equal(await view.getByTestId('batch-controls').count(), 0);
  });
});
