// Issue 10 §3, the panel's part: a run's parameter values cross the protocol as `controls.parameters`
// (guarded: names as the engine spells them, finite numbers), the host applies them through the one
// edit path (PanelState's withControls, the use-case layer's options), and a value the edited
// formula no longer has is dropped rather than refused.
import * as assert from 'node:assert/strict';
import { resolveLimits } from '../../src/engine/limits';
import { withControls } from '../../src/extension/panel/state';
import { PanelSession, type PanelRunResult } from '../../src/extension/panel/session';
import { JobService } from '../../src/host/jobService';
import { createProblemCache } from '../../src/host/problemCache';
import { LIMITS, runControls, webviewMessage } from '../../src/shared/protocol';

const BASE = {
  start: [0],
  optimizer: { name: 'gd' as const, lr: 0.1 },
  stop: { maxIterations: 500 },
  maximize: false,
  traceLimit: 50,
};

function session(): PanelSession {
  const limits = resolveLimits();
  const jobs = new JobService({ problems: createProblemCache(limits), limits });
  return new PanelSession(
    jobs,
    { post: () => undefined, copy: async () => undefined, save: async () => undefined, log: () => undefined },
    { base: BASE, steps: 2, plotVariables: 2, sweep: { count: 4 } },
  );
}

/** The selected run's result once it is no longer pending (polled, never timed). */
async function settled(s: PanelSession): Promise<PanelRunResult> {
  for (;;) {
    const result = s.results().find((r) => r.summary.id === s.state.selected);
    if (result && result.summary.status !== 'pending' && (result.run || result.error)) return result;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const controls = (parameters: unknown): unknown => ({
  start: [0],
  optimizer: { name: 'gd', lr: 0.1 },
  parameters,
});

describe('panel parameters: the protocol guard', () => {
  it('passes names and finite numbers, and leaves them out when absent', () => {
    const parsed = runControls.parse(controls({ a: 2, lambda_1: -0.5, b: 0 }));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.parameters, { a: 2, lambda_1: -0.5, b: 0 });
    const none = runControls.parse({ start: [0] });
    assert.ok(none.ok);
    assert.equal(none.value.parameters, undefined);
    const clamped = runControls.parse(controls({ a: 1e300 }));
    assert.ok(clamped.ok && clamped.value.parameters?.a === LIMITS.coordinate);
  });

  it('refuses a value that is not a finite number, a name the engine cannot have, or too many', () => {
    for (const bad of [
      { a: Number.NaN },
      { a: Infinity },
      { a: '2' },
      { a: null },
      { a: [1] },
      { '1a': 1 },
      { 'a b': 1 },
      { __proto__x: 1, 'x;': 2 },
      { ['a'.repeat(LIMITS.parameterName + 1)]: 1 },
      Object.fromEntries(Array.from({ length: LIMITS.parameters + 1 }, (_, i) => [`p${i}`, i])),
      [1, 2],
      'a=2',
      null,
    ]) {
      assert.equal(runControls.parse(controls(bad)).ok, false, JSON.stringify(bad));
      const message = { type: 'setInput', runId: 1, formula: 'f(x) = a x^2', controls: controls(bad) };
      assert.equal(webviewMessage.parse(message).ok, false, JSON.stringify(bad));
    }
    assert.equal(
      runControls.parse(controls({ ['a'.repeat(LIMITS.parameterName)]: 1 })).ok,
      true,
      'a name of the longest length passes',
    );
  });

  it('become the run options’ parameters, and none when the controls have none', () => {
    const base = { ...BASE, parameters: { a: 5 } };
    const parsed = runControls.parse(controls({ a: 3 }));
    assert.ok(parsed.ok);
    assert.deepEqual(withControls(base, parsed.value).parameters, { a: 3 });
    const empty = runControls.parse(controls({}));
    assert.ok(empty.ok);
    assert.equal('parameters' in withControls(base, empty.value), false);
  });
});

describe('panel parameters: the host session', function () {
  this.timeout(30_000);
  const formula = 'f(x) = a (x - b)^2';

  it('re-runs with the values the webview sends, and the result says them', async () => {
    const s = session();
    s.addRuns([{ formula, options: BASE }]);
    const first = await settled(s);
    // a = b = 1: the minimum is at x = 1.
    assert.ok(Math.abs(first.run!.final.point[0]! - 1) < 1e-5);
    s.receive({
      type: 'setInput',
      runId: s.state.selected,
      formula,
      controls: { start: [0], optimizer: { name: 'gd', lr: 0.1 }, parameters: { a: 2, b: -3 } },
      starts: [],
    });
    const moved = await settled(s);
    assert.deepEqual(moved.run!.parameters, [
      { name: 'a', value: 2 },
      { name: 'b', value: -3 },
    ]);
    assert.ok(Math.abs(moved.run!.final.point[0]! + 3) < 1e-5, String(moved.run!.final.point[0]));
    // a = 2: f'' = 4, so the first step from 0 is 0.1 · 2a(b − 0) = −1.2.
    assert.ok(Math.abs(moved.run!.trace[1]!.point[0]! + 1.2) < 1e-12);
    s.dispose();
  });

  it('drops the value of a parameter the edited formula no longer has instead of refusing the run', async () => {
    const s = session();
    s.addRuns([{ formula, options: BASE }]);
    await settled(s);
    s.receive({
      type: 'setInput',
      runId: s.state.selected,
      formula: 'f(x) = a (x - 4)^2',
      controls: { start: [0], optimizer: { name: 'gd', lr: 0.1 }, parameters: { a: 0.5, b: 7 } },
      starts: [],
    });
    const edited = await settled(s);
    assert.equal(edited.error, undefined);
    assert.deepEqual(edited.run!.parameters, [{ name: 'a', value: 0.5 }]);
    assert.ok(Math.abs(edited.run!.final.point[0]! - 4) < 1e-4);
    s.dispose();
  });
});
