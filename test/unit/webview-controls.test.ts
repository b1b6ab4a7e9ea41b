// The panel's controls and views in the real webview bundle: switching the optimizer sends only
// settings that optimizer takes, a typed formula survives a late answer to the previous one, and a
// run whose formula fails says so in every view instead of waiting for data that will not come.
import * as assert from 'node:assert/strict';
import { resolveOptimizer } from '../../src/engine/settings';
import type { OptimizerSettings, RunOptions } from '../../src/engine/types';
import { closeBrowser, okRun, openWebview, type WebviewPage } from './webview-harness';

const BASE: RunOptions = {
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 200 },
  maximize: false,
  traceLimit: 500,
};

async function lastUpdate(
  w: WebviewPage,
): Promise<{ options: RunOptions; formula: string; revision: number }> {
  const updates = (await w.posted()).filter((m) => m.type === 'updateRun');
  assert.ok(updates.length > 0, 'the control change posted a run');
  return updates[updates.length - 1] as unknown as { options: RunOptions; formula: string; revision: number };
}

describe('webview controls and views', function () {
  this.timeout(60_000);
  after(closeBrowser);

  const switches: { from: Partial<OptimizerSettings>; to: string }[] = [
    { from: { name: 'gd', lr: 0.1, lineSearch: true }, to: 'momentum' },
    { from: { name: 'gd', lr: 0.1, lineSearch: true }, to: 'adam' },
    { from: { name: 'momentum', lr: 0.1, momentum: 0.9, dampening: 0.5 }, to: 'nesterov' },
  ];
  for (const { from, to } of switches) {
    it(`switching from ${JSON.stringify(from)} to ${to} sends settings the engine accepts`, async () => {
      const w = await openWebview('dark');
      await w.send({
        type: 'state',
        runs: [okRun(1, 'x^4 - 3x^2 + x', { ...BASE, optimizer: from })],
        selected: 1,
        view: 'runs',
      });
      await w.page.getByTestId('summary').waitFor();
      await w.page.getByTestId('optimizer-select').selectOption(to);
      const sent = (await lastUpdate(w)).options.optimizer;
      assert.equal(sent.name, to);
      assert.doesNotThrow(() => resolveOptimizer(sent), `the engine refuses ${JSON.stringify(sent)}`);
      await w.close();
    });
  }

  it('switching from Momentum to Nesterov keeps μ and η, the settings both take', async () => {
    const w = await openWebview('dark');
    await w.send({
      type: 'state',
      runs: [okRun(1, 'x^2', { ...BASE, optimizer: { name: 'momentum', lr: 0.05, momentum: 0.5 } })],
      selected: 1,
      view: 'runs',
    });
    await w.page.getByTestId('summary').waitFor();
    await w.page.getByTestId('optimizer-select').selectOption('nesterov');
    const sent = (await lastUpdate(w)).options.optimizer;
    assert.equal(sent.momentum, 0.5, 'Nesterov shows and sends the momentum μ');
    assert.equal(sent.lr, 0.05);
    await w.close();
  });

  it("keeps a typed formula when the host's answer to an older edit arrives after it, and a click re-sends the typed one", async () => {
    const w = await openWebview('dark');
    await w.send({ type: 'state', runs: [okRun(1, 'x^2', BASE)], selected: 1, view: 'runs' });
    await w.page.getByTestId('summary').waitFor();
    await w.page.getByTestId('formula-input').fill('x^4 - 3x^2 + x');
    assert.equal(await w.page.getByTestId('run-status').innerText(), 'Running…');
    // The host ran 'x^2' once more (say, for the sweep) and answered before it read the edit.
    await w.send({ type: 'runUpdate', run: okRun(1, 'x^2', BASE) });
    assert.equal(
      await w.page.getByTestId('run-status').innerText(),
      'Running…',
      'the typed formula is still running',
    );
    await w.page.locator('[data-testid="plot-main"] svg.gd-plot').click({ position: { x: 200, y: 100 } });
    const placed = await lastUpdate(w);
    assert.equal(placed.formula, 'x^4 - 3x^2 + x', 'placing the ball keeps the typed formula');
    assert.equal(placed.revision, 2, 'each edit counts one revision up');
    // The host answers the typed formula's edit (revision 1) while the placed ball (revision 2) is on its way.
    await w.send({ type: 'runUpdate', run: { ...okRun(1, 'x^4 - 3x^2 + x', BASE), revision: 1 } });
    assert.equal(
      await w.page.getByTestId('run-status').innerText(),
      'Running…',
      'the placed ball is still running',
    );
    // A change of η now builds on the newest input: the placed start, not the answered one's.
    await w.page.getByTestId('lr-input').fill('0.05');
    const tuned = await lastUpdate(w);
    assert.deepEqual(
      [tuned.revision, tuned.formula, tuned.options.start, tuned.options.optimizer.lr],
      [3, 'x^4 - 3x^2 + x', placed.options.start, 0.05],
    );
    await w.send({ type: 'runUpdate', run: { ...okRun(1, 'x^4 - 3x^2 + x', tuned.options), revision: 3 } });
    assert.equal(
      await w.page.getByTestId('run-status').innerText(),
      '',
      "the typed formula's answer ends the wait",
    );
    await w.close();
  });

  for (const view of ['learning-rate', 'compare'] as const) {
    it(`a run whose formula fails shows that in the ${view} view, not a computation that never ends`, async () => {
      const w = await openWebview('dark');
      const good = okRun(1, 'x^2', BASE);
      const failed = {
        ...good,
        formula: 'x^2 + (',
        status: 'error',
        error: { message: 'Cannot read the formula: Unexpected end of expression.', column: 7 },
      };
      await w.send({ type: 'state', runs: [failed], selected: 1, view });
      await w.page.getByTestId('formula-error').waitFor();
      assert.equal(
        await w.page.getByTestId(view === 'compare' ? 'compare-pending' : 'lr-pending').count(),
        0,
      );
      assert.match(await w.page.getByTestId('content-status').innerText(), /could not be run/);
      await w.close();
    });
  }
});
