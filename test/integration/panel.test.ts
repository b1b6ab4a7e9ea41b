// The panel in the real extension host: "Run Gradient Descent" opens one webview panel (reused for
// later runs) holding each run's result; several selections become several runs with their own
// results; a bad formula is kept as a run with a clear message while the other runs keep theirs.
// (commands.test.ts covers which formulas each entry point picks.)
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { PanelRunResult } from '../../src/extension/panel/session';
import {
  activeExtension,
  closeAll,
  eventually,
  openWithCursor,
  panelRuns,
  selectTexts,
} from './entrySupport';

/** Waits until every one of `formulas` is in the panel with a result or an error. */
async function settled(formulas: readonly string[]): Promise<PanelRunResult[]> {
  return eventually(
    async () => {
      const current = await panelRuns();
      const found = formulas.map((f) => current.find((r) => r.formula === f && (r.run || r.error)));
      return found.every((r) => r !== undefined) ? (found as PanelRunResult[]) : undefined;
    },
    `results for ${formulas.join(', ')}`,
  );
}

/** The open webview tabs of the Gradient Descent panel. */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('gradientDescent.panel'),
    );
}

describe('the panel in the extension host', () => {
  before(async () => {
    await activeExtension();
  });
  afterEach(closeAll);

  it('opens on a selection with the run result, and is reused by the next run', async () => {
    const editor = await openWithCursor('Minimize $f(x) = 2x^{2}$ by hand.', 'markdown');
    selectTexts(editor, ['f(x) = 2x^{2}']);
    await vscode.commands.executeCommand('gradientDescent.run');
    const [run] = await settled(['f(x) = 2x^{2}']);
    // The workbench reports the new tab to the host a moment after the panel is created.
    await eventually(() => (panelTabs().length > 0 ? true : undefined), 'the panel tab');
    assert.equal(panelTabs().length, 1, 'one panel tab');
    assert.equal(panelTabs()[0].label, 'Gradient Descent');
    const result = run.run;
    assert.ok(result, run.error);
    assert.deepEqual(result.variables, ['x']);
    assert.equal(result.learningRate, 0.1);
    assert.equal(result.trace[0].point[0], 1, 'from x₀ = 1');
    assert.ok(
      Math.abs(result.trace[1].point[0] - 0.6) < 1e-12 && Math.abs(result.trace[2].point[0] - 0.36) < 1e-12,
      'x₁ = 0.6, x₂ = 0.36',
    );
    assert.equal(result.stopReason, 'gradient-tolerance');
    assert.ok(Math.abs(result.final.point[0]) < 1e-5, `converges to 0: ${result.final.point[0]}`);

    await vscode.commands.executeCommand('gradientDescent.run', 'x^2 + 3*y^2');
    await settled(['x^2 + 3*y^2']);
    assert.equal(panelTabs().length, 1, 'the same panel, not a second one');
    assert.deepEqual(
      (await panelRuns()).map((r) => r.formula),
      ['f(x) = 2x^{2}', 'x^2 + 3*y^2'],
      'the run list grows',
    );
  });

  it('gives each of several selections its own run and result', async () => {
    const editor = await openWithCursor('a: $(x - 3)^2$ and b: $(u + 1)^2 + (v - 2)^2$', 'markdown');
    selectTexts(editor, ['(x - 3)^2', '(u + 1)^2 + (v - 2)^2']);
    await vscode.commands.executeCommand('gradientDescent.run');
    const [one, two] = await settled(['(x - 3)^2', '(u + 1)^2 + (v - 2)^2']);
    await eventually(() => (panelTabs().length > 0 ? true : undefined), 'the panel tab');
    assert.equal(panelTabs().length, 1, 'both runs in one panel');
    assert.deepEqual(one.run?.variables, ['x']);
    assert.ok(Math.abs((one.run?.final.point[0] ?? Number.NaN) - 3) < 1e-4, 'the first run finds x = 3');
    assert.deepEqual(two.run?.variables, ['u', 'v']);
    const [u, v] = two.run?.final.point ?? [];
    assert.ok(Math.abs(u + 1) < 1e-4 && Math.abs(v - 2) < 1e-4, `the second run finds (−1, 2): (${u}, ${v})`);
  });

  it('keeps a bad formula as a run with a clear message, beside a good run', async () => {
    const editor = await openWithCursor(
      'good: $x^2 + 1$, bad: $foo(x) + 1$, unclosed: $\\sin(x$',
      'markdown',
    );
    selectTexts(editor, ['x^2 + 1', 'foo(x) + 1', '\\sin(x']);
    await vscode.commands.executeCommand('gradientDescent.run');
    const [good, unknown, unclosed] = await settled(['x^2 + 1', 'foo(x) + 1', '\\sin(x']);
    assert.ok(good.run && !good.error, 'the good formula runs');
    assert.equal(unknown.run, undefined);
    assert.match(unknown.error ?? '', /foo\(\.\.\.\) is not a known function\. Known functions: sin, cos/);
    assert.equal(unclosed.run, undefined);
    assert.match(unclosed.error ?? '', /"\(" has no matching partner/);
    await eventually(() => (panelTabs().length > 0 ? true : undefined), 'the panel tab');
    assert.equal(panelTabs().length, 1, 'the panel stays open');
  });
});
