// The panel in the real VS Code: a control change re-plots, a bad formula gives a clear message
// without breaking the panel, and the panel survives a window reload (serializer + getState).
import { strict as assert } from 'node:assert';
import { newWorkbench } from './support/session';

describe('Gradient Descent panel webview', () => {
  it('re-plots on a control change, reports a bad formula inline, and survives a reload', async () => {
    const workbench = await newWorkbench();
    await workbench.openFile('quick-tour.md');
    await workbench.selectText('f(x) = 2x^{2}');
    await workbench.runCommand('Run Gradient Descent');
    const view = workbench.webview();
    const iterations = view.getByTestId('summary-iterations');
    await iterations.waitFor({ timeout: 30_000 });
    const before = await iterations.innerText();

    await view.getByTestId('lr-input').fill('0.01');
    await assert.doesNotReject(
      view.getByTestId('summary-iterations').filter({ hasNotText: new RegExp(`^${before}$`) }).waitFor({ timeout: 20_000 }),
      'changing η re-runs and re-plots',
    );

    await view.getByTestId('formula-input').fill('2x^^2 +');
    const error = view.getByTestId('formula-error');
    await error.waitFor({ timeout: 20_000 });
    assert.ok((await error.innerText()).trim().length > 5, 'the error says what is wrong');
    assert.ok((await view.locator('[data-testid="plot-main"] svg').count()) > 0, 'the panel still shows the last plot');
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
