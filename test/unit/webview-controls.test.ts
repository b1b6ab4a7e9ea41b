// The panel's controls and views in the real webview bundle, wired to a real host session: switching
// the optimizer sends only settings that optimizer takes, an edit builds on the newest input even
// before the host has answered it, numbers can be scrubbed, and a run whose formula fails says so in
// every view instead of waiting for data that will not come.
import * as assert from 'node:assert/strict';
import { resolveOptimizer } from '../../src/engine/settings';
import type { OptimizerSettings } from '../../src/engine/types';
import { closeBrowser, idle, newRun, openWebview, setInputs } from './webview-harness';

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
      await w.add([newRun('x^4 - 3x^2 + x', { optimizer: from })]);
      await w.page.getByTestId('optimizer-select').selectOption(to);
      await idle(w);
      const sent = setInputs(w).at(-1)!.controls.optimizer as Partial<OptimizerSettings>;
      assert.equal(sent.name, to);
      assert.doesNotThrow(() => resolveOptimizer(sent), `the engine refuses ${JSON.stringify(sent)}`);
      assert.equal(w.session.results()[0]!.summary.status, 'ok', 'and the host ran it');
      await w.close();
    });
  }

  it('switching from Momentum to Nesterov keeps μ and η, the settings both take', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2', { optimizer: { name: 'momentum', lr: 0.05, momentum: 0.5 } })]);
    await w.page.getByTestId('optimizer-select').selectOption('nesterov');
    await idle(w);
    const sent = setInputs(w).at(-1)!.controls.optimizer;
    assert.equal(sent.momentum, 0.5, 'Nesterov shows and sends the momentum μ');
    assert.equal(sent.lr, 0.05);
    await w.close();
  });

  it('builds a click and a new η on the newest input, even before the host answered it', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2')]);
    // Typed, clicked and tuned at once: each edit carries the ones before it.
    await w.page.getByTestId('formula-input').fill('x^4 - 3x^2 + x');
    await w.page.locator('[data-testid="plot-main"] svg.gd-plot').click({ position: { x: 200, y: 100 } });
    await w.page.getByTestId('lr-input').fill('0.05');
    await idle(w);
    const last = setInputs(w).at(-1)!;
    assert.equal(last.formula, 'x^4 - 3x^2 + x');
    assert.equal(last.controls.optimizer.lr, 0.05);
    const host = w.session.state.runs[0]!;
    assert.equal(host.formula, 'x^4 - 3x^2 + x', 'the host holds the newest input');
    assert.deepEqual(host.options.start, last.controls.start);
    assert.notDeepEqual(last.controls.start, [1], 'the clicked start');
    await w.close();
  });

  it('scrubs η by dragging its label sideways: to the right larger, in steps of a fifth of a decade', async () => {
    const w = await openWebview('dark');
    await w.add([newRun('x^2')]);
    const label = w.page.locator('label[for]', { hasText: 'η value' });
    const box = await label.boundingBox();
    assert.ok(box);
    await w.page.mouse.move(box.x + 5, box.y + box.height / 2);
    await w.page.mouse.down();
    await w.page.mouse.move(box.x + 5 + 100, box.y + box.height / 2, { steps: 5 });
    await w.page.mouse.up();
    await idle(w);
    // 100 px = 5 steps of 20 px = one decade: 0.1 → 1.
    assert.equal(await w.page.getByTestId('lr-input').inputValue(), '1');
    assert.equal(setInputs(w).at(-1)!.controls.optimizer.lr, 1);
    await w.close();
  });

  for (const view of ['learning-rate', 'compare'] as const) {
    it(`a run whose formula fails shows that in the ${view} view, not a computation that never ends`, async () => {
      const w = await openWebview('dark');
      w.session.addRuns([newRun('x^2 + (')], view);
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
