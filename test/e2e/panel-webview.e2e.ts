// The panel in the real VS Code: a control change re-plots, a bad formula gives a clear message
// without breaking the panel, and the panel survives a window reload (serializer + getState).
import { strict as assert } from 'node:assert';
import type { FrameLocator } from 'playwright-core';
import { newWorkbench } from './support/session';

/** How many points the loss chart's line joins (from its `d` attribute; the test code has no DOM types). */
async function lossPoints(view: FrameLocator): Promise<number> {
  const d = await view
    .locator('[data-testid="plot-loss"] svg.gd-plot')
    .first()
    .locator('[data-testid="line"]')
    .first()
    .getAttribute('d');
  return (d ?? '').split(/[ML]/).filter((s) => s.trim() !== '').length;
}

describe('Gradient Descent panel webview', () => {
  it('re-plots on a control change, reports a bad formula inline, and survives a reload', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await workbench.selectText('f(x) = 2x^{2}');
    await workbench.runCommand('Run Gradient Descent');
    const view = workbench.webview();
    const iterations = view.getByTestId('summary-iterations');
    await iterations.waitFor({ timeout: 30_000 });
    // By hand (tolerance 1e-6 on |f′| = 4|x_k|): η = 0.1 gives x_k = 0.6^k, below at k = 30 since
    // 0.6^30 < 2.5e-7 < 0.6^29; η = 0.01 gives x_k = 0.96^k, below at k = 373 (ln 2.5e-7 / ln 0.96 ≈ 372.4).
    assert.equal(await iterations.innerText(), '30');
    assert.equal(await lossPoints(view), 31, 'the loss chart joins the iterates 0..30');

    await view.getByTestId('lr-input').fill('0.01');
    await view.getByTestId('summary-iterations').filter({ hasText: /^373$/ }).waitFor({ timeout: 20_000 });
    assert.equal(
      await lossPoints(view),
      374,
      "changing η re-plots the loss chart with the new run's iterates 0..373",
    );

    await view.getByTestId('formula-input').fill('2x^^2 +');
    const error = view.getByTestId('formula-error');
    await error.waitFor({ timeout: 20_000 });
    assert.ok((await error.innerText()).trim().length > 5, 'the error says what is wrong');
    assert.ok(
      (await view.locator('[data-testid="plot-main"] svg').count()) > 0,
      'the panel still shows the last plot',
    );
    await view.getByTestId('formula-input').fill('2x^2 - x^3');
    await error.waitFor({ state: 'detached', timeout: 20_000 });

    await view.getByTestId('summary').waitFor({ timeout: 20_000 });
    await workbench.page.screenshot({ path: 'test-results/panel-dark.png' });
    // "Developer: Reload Window", as a person reloads: the workbench saves its state (the panel's
    // webview state included) before it reloads the page.
    const reloaded = workbench.page.waitForEvent('load', { timeout: 60_000 });
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await workbench.waitUntilReady();
    const restored = workbench.webview();
    await restored.locator('[data-testid="plot-main"] svg').first().waitFor({ timeout: 40_000 });
    assert.equal(await restored.getByTestId('formula-input').inputValue(), '2x^2 - x^3');
  });
});
