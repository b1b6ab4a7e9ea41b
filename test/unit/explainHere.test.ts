// The curvature at the iterate the learning-rate view's player is on: the webview's request and its
// guard, the job it makes (keyed by the iterate's point), and the session's light path beside the
// scene (the start's model stays; a newer position or a new input replaces the older one). On
// Rosenbrock from (−1.2, 1) κ grows as the path turns into the valley (worked by hand: the Hessian
// at (−1.2, 1) is [[1330, 480], [480, 200]], κ ≈ 65; near (0.5, 0.25) it is [[202, −200], [−200, 200]],
// κ ≈ 400).
import * as assert from 'node:assert/strict';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions, RunResult } from '../../src/engine/types';
import { explainAtRequest, explainRequest } from '../../src/extension/panel/explainParts';
import { PanelSession } from '../../src/extension/panel/session';
import { PanelState } from '../../src/extension/panel/state';
import { JobService } from '../../src/host/jobService';
import { createProblemCache } from '../../src/host/problemCache';
import type { Envelope } from '../../src/shared/channel';
import { LIMITS, webviewMessage, type HostMessage, type RunSummary } from '../../src/shared/protocol';
import type { ExplainWire } from '../../src/shared/explainWire';
import { jobKey } from '../../src/usecases/jobs';

const ROSENBROCK = '(1-x)^2 + 100(y-x^2)^2';
const BASE: RunOptions = {
  start: [-1.2, 1],
  optimizer: { name: 'gd', lr: 0.001 },
  stop: { maxIterations: 3000, gradientTolerance: 1e-6, timeBudgetMs: 5000 },
  maximize: false,
  traceLimit: 4000,
  fitStart: true,
};

describe('explainAt guard', () => {
  const parse = (m: Record<string, unknown>) => webviewMessage.parse({ type: 'explainAt', ...m });
  it('takes a run id and an iteration from 0 to the iteration limit', () => {
    for (const iteration of [0, 1, 250, LIMITS.maxIterations]) {
      const parsed = parse({ runId: 3, iteration });
      assert.deepEqual(parsed.ok && parsed.value, { type: 'explainAt', runId: 3, iteration });
    }
  });
  it('rounds and clamps an iteration into that range (a slider is an integer)', () => {
    for (const [sent, read] of [
      [-1, 0],
      [1.5, 2],
      [LIMITS.maxIterations + 1, LIMITS.maxIterations],
    ] as const) {
      const parsed = parse({ runId: 3, iteration: sent });
      assert.equal(parsed.ok && parsed.value.type === 'explainAt' && parsed.value.iteration, read);
    }
  });
  it('refuses a non-finite, textual or missing iteration, and a missing or negative run id', () => {
    for (const m of [
      { runId: 3, iteration: Number.NaN },
      { runId: 3, iteration: Number.POSITIVE_INFINITY },
      { runId: 3, iteration: '4' },
      { runId: 3 },
      { iteration: 4 },
      { runId: -1, iteration: 4 },
    ]) {
      assert.equal(parse(m).ok, false, JSON.stringify(m));
    }
  });
});

describe('explainAt state', () => {
  it('keeps the iterate per run, forgets it at the start and on a new input', () => {
    const state = new PanelState();
    const [record] = state.add([{ formula: ROSENBROCK, options: BASE }]);
    const id = record!.id;
    assert.equal(state.setExplainAt(id, 40), true);
    assert.equal(state.find(id)?.explainAt, 40);
    assert.equal(state.setExplainAt(id, 0), true);
    assert.equal(state.find(id)?.explainAt, undefined);
    state.setExplainAt(id, 7);
    state.setInput(
      id,
      ROSENBROCK,
      { start: [-1, 1], optimizer: { name: 'gd', lr: 0.001 }, stop: {}, maximize: false },
      [],
    );
    assert.equal(state.find(id)?.explainAt, undefined);
    assert.equal(state.setExplainAt(id + 99, 3), false, 'an unknown run');
  });
});

/** A run whose kept iterates are these points, numbered 0, 5, 10, … */
function fakeRun(points: number[][]): RunResult {
  return { trace: points.map((point, k) => ({ iteration: 5 * k, point })) } as unknown as RunResult;
}

describe('explainAt job', () => {
  const run = fakeRun([
    [-1.2, 1],
    [-1, 0.9],
    [-0.5, 0.3],
  ]);
  it("is the start's job at the iterate's point, with the same path", () => {
    const start = explainRequest(ROSENBROCK, BASE, run);
    const here = explainAtRequest(ROSENBROCK, BASE, run, 10);
    assert.deepEqual(here, { ...start, point: [-0.5, 0.3] });
  });
  it('is keyed by the point: two iterates differ, the same iterate twice is one job', () => {
    const a = explainAtRequest(ROSENBROCK, BASE, run, 5)!;
    const b = explainAtRequest(ROSENBROCK, BASE, run, 10)!;
    assert.notEqual(jobKey(a), jobKey(b));
    assert.notEqual(jobKey(a), jobKey(explainRequest(ROSENBROCK, BASE, run)));
    assert.equal(jobKey(a), jobKey(explainAtRequest(ROSENBROCK, BASE, run, 5)!));
  });
  it('is none at the start and at an iterate the trace does not keep', () => {
    assert.equal(explainAtRequest(ROSENBROCK, BASE, run, 0), undefined);
    assert.equal(explainAtRequest(ROSENBROCK, BASE, run, 7), undefined);
    assert.equal(explainAtRequest(ROSENBROCK, BASE, run, 15), undefined);
  });
});

function harness() {
  const limits = resolveLimits();
  const jobs = new JobService({ problems: createProblemCache(limits), limits });
  const posted: (HostMessage & Envelope)[] = [];
  const session = new PanelSession(
    jobs,
    {
      post: (m) => posted.push(m),
      copy: async () => undefined,
      save: async () => undefined,
      log: () => undefined,
    },
    {
      base: BASE,
      steps: 2,
      plotVariables: 2,
      sweep: { count: 6 },
      waitQuiet: () => new Promise(() => undefined),
    },
  );
  const settle = async () => {
    for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const lastSummary = (): RunSummary | undefined =>
    [...posted].reverse().flatMap((m) => (m.type === 'run' ? [m.run] : []))[0];
  const part = (id: number | undefined): ExplainWire | undefined => {
    const m = posted.find((p) => p.type === 'part' && p.id === id);
    return m?.type === 'part' && m.part.kind === 'explain' ? m.part.value : undefined;
  };
  return { session, jobs, posted, settle, lastSummary, part };
}

describe('explainAt in the panel session', () => {
  it("explains the player's iterate beside the start's model, and forgets it at the start", async () => {
    const h = harness();
    h.session.addRuns([{ formula: ROSENBROCK, options: BASE }], 'learning-rate');
    await h.settle();
    const id = h.session.state.selected;
    const first = h.lastSummary();
    const start = h.part(first?.parts?.explain);
    assert.deepEqual(Array.from(start?.point ?? []), [-1.2, 1]);
    assert.equal(first?.parts?.explainHere, undefined, 'at the start there is only the start');
    const trace = h.session.results()[0]!.run!.trace;
    const late = trace[Math.floor(trace.length / 2)]!;
    const computed = h.jobs.computed.explain;

    h.session.receive({ type: 'explainAt', runId: id, iteration: late.iteration });
    await h.settle();
    const moved = h.lastSummary();
    assert.equal(moved?.parts?.explain, first?.parts?.explain, "the start's model stays");
    const here = h.part(moved?.parts?.explainHere);
    assert.deepEqual(Array.from(here?.point ?? []), late.point);
    assert.ok(start?.conditionNumber !== undefined && here?.conditionNumber !== undefined);
    assert.ok(
      here.conditionNumber > start.conditionNumber,
      `κ ${here.conditionNumber} in the valley > ${start.conditionNumber} at the start`,
    );
    assert.equal(h.jobs.computed.explain, computed + 1, 'one new job');

    // Back to the same iterate after another: both cached, nothing computed again.
    const other = trace[1]!;
    h.session.receive({ type: 'explainAt', runId: id, iteration: other.iteration });
    await h.settle();
    h.session.receive({ type: 'explainAt', runId: id, iteration: late.iteration });
    await h.settle();
    assert.equal(h.jobs.computed.explain, computed + 2);
    assert.equal(h.lastSummary()?.parts?.explainHere, moved?.parts?.explainHere);

    h.session.receive({ type: 'explainAt', runId: id, iteration: 0 });
    await h.settle();
    assert.equal(h.lastSummary()?.parts?.explainHere, undefined);
    assert.equal(h.lastSummary()?.parts?.explain, first?.parts?.explain);
    h.session.dispose();
  });

  it('lets the newest position win when positions arrive faster than their jobs', async () => {
    const h = harness();
    h.session.addRuns([{ formula: ROSENBROCK, options: BASE }], 'learning-rate');
    await h.settle();
    const id = h.session.state.selected;
    const trace = h.session.results()[0]!.run!.trace;
    const [a, b] = [trace[3]!, trace[9]!];
    h.session.receive({ type: 'explainAt', runId: id, iteration: a.iteration });
    h.session.receive({ type: 'explainAt', runId: id, iteration: b.iteration });
    await h.settle();
    const shown = h.posted.filter((m) => m.type === 'run').map((m) => (m.type === 'run' ? m.run : undefined));
    const last = shown[shown.length - 1];
    assert.deepEqual(Array.from(h.part(last?.parts?.explainHere)?.point ?? []), b.point);
    h.session.dispose();
  });

  it('explains nothing outside the learning-rate view, and drops the iterate on a new input', async () => {
    const h = harness();
    h.session.addRuns([{ formula: ROSENBROCK, options: BASE }], 'runs');
    await h.settle();
    const id = h.session.state.selected;
    const trace = h.session.results()[0]!.run!.trace;
    const computed = h.jobs.computed.explain;
    h.session.receive({ type: 'explainAt', runId: id, iteration: trace[5]!.iteration });
    await h.settle();
    assert.equal(h.jobs.computed.explain, computed);
    assert.equal(h.lastSummary()?.parts?.explainHere, undefined);
    h.session.receive({ type: 'setView', view: 'learning-rate' });
    h.session.receive({ type: 'explainAt', runId: id, iteration: trace[5]!.iteration });
    await h.settle();
    assert.equal(typeof h.lastSummary()?.parts?.explainHere, 'number');
    h.session.receive({
      type: 'setInput',
      runId: id,
      formula: ROSENBROCK,
      controls: { start: [-1, 1], optimizer: { name: 'gd', lr: 0.001 }, stop: {}, maximize: false },
      starts: [],
    });
    await h.settle();
    await h.settle();
    assert.equal(h.lastSummary()?.parts?.explainHere, undefined);
    assert.equal(h.session.state.find(id)?.explainAt, undefined);
    h.session.dispose();
  });
});
