// The panel's host side (src/extension/panel/session.ts) driven as the webview drives it: it owns the
// state, computes each job only when its inputs change (counted), sends each value once, lets the
// newest edit win, and restores what a webview saved.
import * as assert from 'node:assert/strict';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { PanelSession, type SessionConfig } from '../../src/extension/panel/session';
import { JobService } from '../../src/host/jobService';
import { createProblemCache } from '../../src/host/problemCache';
import type { Envelope } from '../../src/shared/channel';
import type { HostMessage, RunSummary } from '../../src/shared/protocol';
import { PANEL_RUNS } from '../../src/usecases/defaults';

const BASE: RunOptions = {
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 1000, gradientTolerance: 1e-6, timeBudgetMs: 5000 },
  maximize: false,
  traceLimit: 4000,
  fitStart: true,
};
const CONFIG: SessionConfig = { base: BASE, steps: 2, plotVariables: 2, sweep: { count: 10 } };

function harness(config: SessionConfig = CONFIG) {
  const limits = resolveLimits();
  const jobs = new JobService({ problems: createProblemCache(limits), limits });
  const posted: (HostMessage & Envelope)[] = [];
  const logs: string[] = [];
  const copied: string[] = [];
  const session = new PanelSession(
    jobs,
    {
      post: (m) => posted.push(m),
      copy: async (text) => void copied.push(text),
      save: async () => undefined,
      log: (m) => logs.push(m),
    },
    config,
  );
  const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Lets the session's work finish: inline jobs resolve in microtasks, the parts after the run a turn later. */
  const settle = async () => {
    for (let i = 0; i < 4; i++) await turn();
  };
  let nextId = 1000;
  /** Sends a request and resolves with its answer. */
  const request = async (message: Record<string, unknown>): Promise<HostMessage | undefined> => {
    const messageId = nextId++;
    session.receive({ ...message, messageId });
    for (let i = 0; i < 50; i++) {
      const reply = posted.find((m) => m.inReplyTo === messageId);
      if (reply) return reply;
      await settle();
    }
    return undefined;
  };
  const lastSummary = (id: number): RunSummary | undefined =>
    [...posted].reverse().flatMap((m) => (m.type === 'run' && m.run.id === id ? [m.run] : []))[0];
  const parts = () => posted.filter((m) => m.type === 'part').length;
  return { session, jobs, posted, logs, copied, turn, settle, request, lastSummary, parts };
}

const controls = (over: Record<string, unknown> = {}) => ({
  start: [1, 1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 1000, gradientTolerance: 1e-6 },
  maximize: false,
  ...over,
});

describe('panel session', () => {
  it('recomputes only the jobs an edit touches, and sends nothing the webview already has', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2 + 3y^2', options: { ...BASE, start: [1, 1] } }]);
    await h.settle();
    const id = h.session.state.selected;
    assert.deepEqual(
      { ...h.jobs.computed },
      // λmax at the start too: the η slider marks the critical η in every view.
      {
        formula: 1,
        gradientText: 1,
        run: 1,
        landscape: 1,
        curvature: 1,
        sweep: 0,
        basins: 0,
        steps: 1,
        explain: 1,
        phase: 0,
        dataRun: 0,
      },
    );
    const first = h.lastSummary(id);
    assert.equal(first?.status, 'ok');
    assert.ok(first?.parts?.run && first.parts.landscape && first.parts.steps && first.parts.formula);

    // A smaller η: the path stays inside the window, so only the run and its worked steps are new.
    const reply = await h.request({
      type: 'setInput',
      runId: id,
      formula: 'x^2 + 3y^2',
      controls: controls({ optimizer: { name: 'gd', lr: 0.05 } }),
      starts: [],
    });
    assert.equal(reply?.type, 'settled');
    await h.settle();
    assert.deepEqual(
      [h.jobs.computed.run, h.jobs.computed.landscape, h.jobs.computed.formula, h.jobs.computed.steps],
      [2, 1, 1, 2],
    );
    assert.equal(
      h.lastSummary(id)?.parts?.landscape,
      first.parts.landscape,
      'the same landscape, not sent again',
    );

    // The learning-rate view adds the sweep and its three regime runs and the (η, β) map (the
    // curvature at the start is every view's), and recomputes nothing else.
    const before = h.jobs.computed.run;
    const explained = h.jobs.computed.explain;
    h.session.receive({ type: 'setView', view: 'learning-rate' });
    await h.settle();
    await h.settle();
    assert.equal(h.jobs.computed.sweep, 1);
    assert.equal(h.jobs.computed.run, before + 3, 'three regime runs');
    assert.equal(h.lastSummary(id)?.parts?.regimes?.length, 3);
    assert.deepEqual([h.jobs.computed.explain, h.jobs.computed.phase], [explained, 1]);
    assert.equal(typeof h.lastSummary(id)?.parts?.phase, 'number', 'the map is among the parts');

    // Back to the runs view: everything is cached and already on the webview.
    const sent = h.parts();
    h.session.receive({ type: 'setView', view: 'runs' });
    await h.settle();
    assert.equal(h.jobs.computed.run, before + 3);
    assert.equal(h.parts(), sent, 'no part is sent twice');
  });

  it('reports the run before the parts still to compute, which a newer edit cancels (a drag)', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2 + 3y^2', options: { ...BASE, start: [1, 1] } }]);
    await h.settle();
    const id = h.session.state.selected;
    const steps = h.jobs.computed.steps;
    const edit = (lr: number) => ({
      type: 'setInput',
      runId: id,
      formula: 'x^2 + 3y^2',
      controls: controls({ optimizer: { name: 'gd', lr } }),
      starts: [],
    });
    // Five edits that arrive together, as a drag's do while the host is busy.
    for (const lr of [0.05, 0.04, 0.03, 0.02, 0.01]) h.session.receive({ ...edit(lr), messageId: lr * 100 });
    await h.turn();
    assert.equal(h.jobs.computed.run, 2, 'of edits that arrive together only the newest runs');
    assert.equal(h.jobs.computed.steps, steps, 'no worked steps computed before the runs went out');
    const reported = h.lastSummary(id);
    assert.equal(reported?.controls.optimizer.lr, 0.01);
    assert.ok(reported?.parts?.run, 'the newest run is on its way');
    const answers = h.posted.filter((m) => m.type === 'settled').length;
    assert.equal(answers, 5, 'every edit is answered');
    // The worked steps and the curvature at the start (for the summary's words) follow the run.
    assert.deepEqual(reported?.waiting, ['steps', 'explain']);
    await h.settle();
    assert.equal(h.jobs.computed.steps, steps + 1, 'the worked steps of the newest edit only');
    assert.deepEqual(h.lastSummary(id)?.waiting, []);
  });

  it('computes the other views’ jobs once the person is quiet, and an edit cancels that', async () => {
    // The quiet time on a clock of the test's own: it passes when the test says so, not with the machine's speed.
    const waiting: (() => void)[] = [];
    const waitQuiet = (_ms: number, signal: AbortSignal): Promise<void> =>
      new Promise((resolve) => {
        waiting.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    const quietTimePasses = (): void => waiting.splice(0).forEach((resolve) => resolve());
    const h = harness({ ...CONFIG, waitQuiet });
    h.session.addRuns([{ formula: 'x^2 + 3y^2', options: { ...BASE, start: [1, 1] } }]);
    await h.settle();
    const id = h.session.state.selected;
    assert.equal(h.jobs.computed.sweep, 0, 'not before the quiet time');
    // An edit within the quiet time starts it again from the new input.
    h.session.receive({
      type: 'setInput',
      runId: id,
      formula: 'x^2 + 3y^2',
      controls: controls({ start: [2, 1] }),
      starts: [],
      messageId: 1,
    });
    await h.settle();
    assert.equal(h.jobs.computed.sweep, 0);
    quietTimePasses();
    await h.settle();
    assert.equal(h.jobs.computed.sweep, 1, 'the sweep of the newest input only');
    // One λmax per start, each computed by the runs view (for the η slider's mark), none again.
    assert.equal(h.jobs.computed.curvature, 2);
    const runs = h.jobs.computed.run;
    const explainedBefore = h.jobs.computed.explain;
    const parts = h.parts();
    // Nothing was sent for views not shown, and switching finds everything computed.
    h.session.receive({ type: 'setView', view: 'learning-rate' });
    await h.settle();
    assert.equal(h.jobs.computed.run, runs, 'the regimes were computed in the background');
    assert.equal(h.jobs.computed.sweep, 1);
    assert.deepEqual(
      [h.jobs.computed.explain, h.jobs.computed.phase],
      [explainedBefore, 1],
      'and the map (the curvature is every view’s)',
    );
    assert.ok(h.parts() > parts, 'the sweep and regimes are sent when their view is shown');
    assert.equal(h.lastSummary(id)?.parts?.regimes?.length, 3);
  });

  it('answers the same edit twice from the cache, and the newest edit wins', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2', options: BASE }]);
    await h.settle();
    const id = h.session.state.selected;
    const edit = {
      type: 'setInput',
      runId: id,
      formula: 'x^2',
      controls: controls({ start: [2] }),
      starts: [],
    };
    await h.request(edit);
    const runs = h.jobs.computed.run;
    await h.request(edit);
    assert.equal(h.jobs.computed.run, runs, 'the same input is not computed again');
    // Two edits in a row: the state ends at the second, whatever order the answers come in.
    const a = h.request({ ...edit, controls: controls({ start: [3] }) });
    const b = h.request({ ...edit, controls: controls({ start: [4] }) });
    await Promise.all([a, b]);
    await h.settle();
    assert.deepEqual(h.session.state.find(id)?.options.start, [4]);
    assert.deepEqual(h.lastSummary(id)?.controls.start, [4]);
  });

  it('keeps a bad formula as a run with its message and column, beside a good one', async () => {
    const h = harness();
    h.session.addRuns([
      { formula: 'x^2 + 1', options: BASE },
      { formula: 'x +* 2', options: BASE },
    ]);
    await h.settle();
    const [good, bad] = h.session.results();
    assert.equal(good!.summary.status, 'ok');
    assert.equal(bad!.summary.status, 'error');
    assert.ok(
      bad!.summary.error && bad!.summary.error.message.length > 5 && bad!.summary.error.column !== undefined,
    );
    assert.equal(bad!.summary.parts?.run, undefined);
  });

  it('says why a start that does not fit the formula cannot run', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2', options: BASE }]);
    await h.settle();
    const id = h.session.state.selected;
    await h.request({
      type: 'setInput',
      runId: id,
      formula: 'x^2',
      controls: controls({ start: [1, 2, 3] }),
      starts: [],
    });
    assert.match(h.lastSummary(id)?.error?.message ?? '', /3 coordinates but the formula has 1 variable/);
  });

  it('selects and computes the next run when the selected one is removed, on any view', async () => {
    const h = harness();
    h.session.addRuns(
      [
        { formula: 'x^2', options: BASE },
        { formula: '2x^2', options: BASE },
      ],
      'learning-rate',
    );
    await h.settle();
    const [a, b] = h.session.state.runs;
    h.session.receive({ type: 'select', runId: a!.id });
    await h.settle();
    h.session.receive({ type: 'remove', runId: a!.id });
    await h.settle();
    await h.settle();
    assert.equal(h.session.state.selected, b!.id);
    assert.ok(h.lastSummary(b!.id)?.parts?.sweep, 'the run now shown has its sweep');
  });

  it('does not add the same run twice, and keeps at most PANEL_RUNS runs', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2', options: BASE }]);
    h.session.addRuns([{ formula: 'x^2', options: BASE }]);
    assert.equal(h.session.state.runs.length, 1);
    h.session.addRuns(
      Array.from({ length: PANEL_RUNS + 3 }, (_, i) => ({ formula: `x^2 + ${i}`, options: BASE })),
    );
    assert.equal(h.session.state.runs.length, PANEL_RUNS);
    assert.equal(h.session.state.runs[0]!.formula, 'x^2 + 3', 'the oldest were dropped');
    await h.settle();
  });

  it('answers ready with the state, and restores the runs a webview saved only when it has none', async () => {
    const h = harness();
    h.session.receive({
      type: 'ready',
      saved: {
        runs: [{ id: 7, formula: 'x^2', controls: controls({ start: [2] }), starts: [] }],
        selected: 7,
        view: 'compare',
      },
    });
    await h.settle();
    await h.settle();
    const state = h.posted.find((m) => m.type === 'state');
    assert.ok(state?.type === 'state' && state.runs.length === 1 && state.view === 'compare');
    assert.deepEqual(h.session.state.find(7)?.options.start, [2]);
    assert.ok(h.lastSummary(7)?.parts?.compare?.length, 'the compare view computed its optimizers');
    h.session.receive({
      type: 'ready',
      saved: {
        runs: [{ id: 8, formula: 'y^2', controls: controls(), starts: [] }],
        selected: 8,
        view: 'runs',
      },
    });
    assert.equal(h.session.state.find(8), undefined, 'a host with runs keeps its own');
  });

  it('sends a part again when a new webview (or one that dropped it) asks', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2', options: BASE }]);
    await h.settle();
    const runPart = h.lastSummary(h.session.state.selected)!.parts!.run!;
    const before = h.parts();
    h.session.receive({ type: 'need', ids: [runPart, 999_999] });
    await h.settle();
    assert.equal(h.parts(), before + 1);
    assert.equal((h.posted.at(-1) as { id?: number }).id, runPart);
  });

  it('copies the iterations of an ok run with a caption, and says why it cannot for a failed one', async () => {
    const h = harness();
    h.session.addRuns([
      { formula: 'f(x) = 2x^2', options: BASE },
      { formula: 'x +* 2', options: BASE },
    ]);
    await h.settle();
    const [good, bad] = h.session.state.runs;
    const reply = await h.request({ type: 'copyIterations', runId: good!.id, format: 'markdown' });
    assert.ok(reply?.type === 'done');
    // 2x² from 1 at η = 0.1: x_k = 0.6^k, the gradient first below 1e-6 at k = 30: rows k = 0..30.
    assert.equal(reply.notice, 'Copied 31 iterations as a Markdown table.');
    assert.match(
      h.copied[0]!,
      /^\*f\(x\) = 2x\^2 · gd, η = 0\.1 · from x₀ = 1\*\n\n\| k \| x \| f \| ‖∇f‖ \|/,
    );
    assert.match(h.copied[0]!, /\| 1 \| 0\.6 \| 0\.72 \| 2\.4 \|/);
    const refused = await h.request({ type: 'copyIterations', runId: bad!.id, format: 'csv' });
    assert.ok(
      refused?.type === 'done' && /^Nothing to copy yet: the formula has an error/.test(refused.notice),
    );
  });

  it('computes a new sweep once configured with another sweep range', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2', options: BASE }], 'learning-rate');
    await h.settle();
    await h.settle();
    assert.equal(h.jobs.computed.sweep, 1);
    h.session.configure({ ...CONFIG, sweep: { lrMin: 1e-3, lrMax: 0.5, count: 6 } });
    await h.settle();
    await h.settle();
    assert.equal(h.jobs.computed.sweep, 2);
  });
});
