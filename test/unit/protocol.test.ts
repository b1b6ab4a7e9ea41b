// Issue 5: messages from the webview are untrusted. Hundreds of malformed, oversized and
// out-of-range messages go through the host-side guard and controller: each is rejected (and
// logged) or clamped, nothing throws, and nothing runs that the message did not validly ask for.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/engine/analyze';
import type { Analysis, AnalysisRequest } from '../../src/engine/types';
import { PanelController, type ControllerEffects } from '../../src/extension/panel/controller';
import { RunScheduler } from '../../src/extension/panel/scheduler';
import {
  parseHostMessage,
  parsePersistedState,
  parseWebviewMessage,
  sanitizeRunOptions,
} from '../../src/shared/messageGuards';
import { LIMITS, type HostMessage } from '../../src/shared/protocol';
import { normalizeSettings } from '../../src/extension/settingsModel';

const OPTIONS = {
  start: [1],
  optimizer: { name: 'gd' as const, lr: 0.1 },
  stop: { maxIterations: 100 },
  maximize: false,
  traceLimit: 500,
};

function harness() {
  const requests: AnalysisRequest[] = [];
  const posted: HostMessage[] = [];
  const logs: string[] = [];
  const copied: string[] = [];
  const saved: string[] = [];
  const analyzer = async (request: AnalysisRequest): Promise<Analysis> => {
    requests.push(request);
    throw Object.assign(new Error('test analyzer'), { name: 'FormulaError' });
  };
  const effects: ControllerEffects = {
    post: (m) => posted.push(m),
    copy: async (text) => void copied.push(text),
    save: async (format) => (saved.push(format), undefined),
    log: (m) => logs.push(m),
  };
  const scheduler = new RunScheduler(analyzer, { outcome: () => undefined }, 0);
  const controller = new PanelController(effects, scheduler);
  return { controller, scheduler, requests, posted, logs, copied, saved };
}

const junk = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 50 }),
  fc.double(),
  fc.constantFrom(
    null,
    undefined,
    NaN,
    Infinity,
    -Infinity,
    -1,
    1e308,
    '',
    'x'.repeat(LIMITS.formulaLength + 10),
  ),
);

/** Messages that look like the real ones, with every field possibly wrong. */
const nearMiss = fc.record(
  {
    type: fc.constantFrom(
      'ready',
      'updateRun',
      'selectRun',
      'removeRun',
      'setView',
      'copyIterations',
      'savePlot',
      'eval',
      '__proto__',
      'constructor',
      'state',
    ),
    runId: fc.oneof(fc.constantFrom(1, 2, 999, -1, 1.5, 2 ** 60), junk),
    formula: fc.oneof(fc.string({ maxLength: 30 }), junk),
    options: fc.oneof(
      fc.record({
        start: fc.oneof(fc.array(fc.oneof(fc.double(), junk), { maxLength: 5 }), junk),
        optimizer: fc.oneof(
          fc.record({
            name: fc.oneof(fc.constantFrom('gd', 'adam', 'evil'), junk),
            lr: fc.oneof(fc.double(), junk),
            momentum: junk,
            betas: junk,
          }),
          junk,
        ),
        stop: fc.oneof(
          fc.record({ maxIterations: fc.oneof(fc.double(), junk), gradientTolerance: junk }),
          junk,
        ),
        maximize: junk,
        traceLimit: junk,
      }),
      junk,
    ),
    starts: fc.oneof(fc.array(fc.array(fc.double(), { maxLength: 3 }), { maxLength: 5 }), junk),
    view: fc.oneof(fc.constantFrom('runs', 'learning-rate', 'compare', 'admin'), junk),
    format: fc.oneof(fc.constantFrom('markdown', 'csv', 'svg', 'png', 'exe'), junk),
    data: fc.oneof(
      fc.constantFrom('<svg></svg>', 'data:image/png;base64,AAAA', '<script>', 'data:text/html;base64,AAAA'),
      junk,
    ),
    name: fc.oneof(fc.constantFrom('../../etc/passwd', 'plot'), junk),
  },
  { requiredKeys: ['type'] },
);

describe('webview message guard', () => {
  it('rejects or clamps hundreds of malformed messages without throwing or running anything unasked', async () => {
    const h = harness();
    h.controller.addRuns([
      { formula: 'x^2', options: OPTIONS },
      { formula: 'x^2 + y^2', options: { ...OPTIONS, start: [1, 2] } },
    ]);
    const baseline = h.requests.length;
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(junk, nearMiss), (message) => {
        const parsed = parseWebviewMessage(message);
        const before = h.requests.length;
        h.controller.handle(message);
        if (parsed === undefined) {
          assert.equal(h.requests.length, before, 'a rejected message ran the engine');
          return;
        }
        accepted++;
        if (parsed.type === 'updateRun') {
          assert.ok(parsed.formula.length <= LIMITS.formulaLength);
          assert.ok(parsed.options.start.length <= LIMITS.variables);
          assert.ok(
            parsed.options.start.every((v) => Number.isFinite(v) && Math.abs(v) <= LIMITS.coordinate),
          );
          const lr = parsed.options.optimizer.lr;
          assert.ok(lr === undefined || (lr >= LIMITS.learningRate.min && lr <= LIMITS.learningRate.max));
          const it = parsed.options.stop.maxIterations;
          assert.ok(it === undefined || (Number.isInteger(it) && it >= 1 && it <= LIMITS.maxIterations));
          assert.ok(parsed.starts.length <= LIMITS.starts);
        }
        if (parsed.type === 'savePlot') {
          assert.match(parsed.name, /^[\w.-]+$/);
          assert.ok(
            parsed.format === 'svg'
              ? parsed.data.trimStart().startsWith('<svg')
              : parsed.data.startsWith('data:image/png;base64,'),
          );
        }
      }),
      { numRuns: 600, seed: 42 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(accepted > 10, `some near-miss messages are valid (${accepted})`);
    assert.ok(h.logs.length > 100, 'rejections are logged');
    assert.ok(h.requests.length >= baseline);
    for (const request of h.requests) assert.ok(request.formula.length <= LIMITS.formulaLength);
    assert.equal(h.saved.filter((f) => f !== 'svg' && f !== 'png').length, 0);
  });

  it('rejects unknown types and prototype tricks, and logs them', () => {
    const logs: string[] = [];
    for (const m of [
      { type: 'runCode', code: 'x' },
      { type: '__proto__' },
      { type: 'toString' },
      JSON.parse('{"__proto__": {"type": "ready"}}'),
      [{ type: 'ready' }],
    ]) {
      assert.equal(
        parseWebviewMessage(m, (r) => logs.push(r)),
        undefined,
      );
    }
    assert.equal(logs.length, 5);
  });

  it('clamps numbers and caps sizes', () => {
    const options = sanitizeRunOptions({
      start: Array.from({ length: 5000 }, (_, i) => (i === 0 ? 1e300 : i === 1 ? NaN : i)),
      optimizer: { name: 'adam', lr: 1e9, betas: [2, -1], eps: 0, momentum: 5, extra: 'x' },
      stop: { maxIterations: 1e12, gradientTolerance: -3, timeBudgetMs: 1e9 },
      maximize: 'yes',
      traceLimit: -5,
    });
    assert.equal(options.start.length, LIMITS.variables);
    assert.equal(options.start[0], LIMITS.coordinate);
    assert.equal(options.start[1], 0);
    assert.equal(options.optimizer.lr, LIMITS.learningRate.max);
    assert.deepEqual(options.optimizer.betas, [0.999999, 0]);
    assert.ok((options.optimizer.eps ?? 0) > 0);
    assert.equal(options.optimizer.momentum, 0.9999);
    assert.ok(!('extra' in options.optimizer));
    assert.equal(options.stop.maxIterations, LIMITS.maxIterations);
    assert.equal(options.stop.gradientTolerance, 0);
    assert.equal(options.maximize, false);
    assert.equal(options.traceLimit, 2);
  });

  it('keeps the iteration cap and time budget the settings allow when a control re-sends the run', () => {
    const raised: Record<string, unknown> = {
      'limits.maxIterations': 1_000_000,
      maxIterations: 500_000,
      'limits.timeBudgetMs': 120_000,
    };
    const run = normalizeSettings((key) => raised[key]).run;
    assert.equal(run.stop.maxIterations, 500_000);
    const update = parseWebviewMessage({
      type: 'updateRun',
      runId: 1,
      formula: 'x^2',
      options: { ...run, optimizer: { ...run.optimizer, lr: 0.05 } },
      starts: [],
    });
    assert.ok(update?.type === 'updateRun');
    assert.equal(update.options.stop.maxIterations, 500_000, 'a change of η leaves the iteration cap alone');
    assert.equal(update.options.stop.timeBudgetMs, 120_000);
  });

  it('accepts the well-formed messages the webview sends', () => {
    const update = parseWebviewMessage({
      type: 'updateRun',
      runId: 3,
      formula: 'x^2',
      options: OPTIONS,
      starts: [[1, 2]],
      revision: 4,
    });
    assert.deepEqual(update, {
      type: 'updateRun',
      runId: 3,
      formula: 'x^2',
      options: OPTIONS,
      starts: [[1, 2]],
      revision: 4,
    });
    for (const junk of [undefined, -1, 1.5, '4', Infinity]) {
      const parsed = parseWebviewMessage({
        type: 'updateRun',
        runId: 3,
        formula: 'x^2',
        options: OPTIONS,
        starts: [],
        revision: junk,
      });
      assert.equal(
        parsed?.type === 'updateRun' ? parsed.revision : 'rejected',
        0,
        `revision ${String(junk)} counts as 0`,
      );
    }
    assert.deepEqual(parseWebviewMessage({ type: 'setView', view: 'compare' }), {
      type: 'setView',
      view: 'compare',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'copyIterations', runId: 1, format: 'csv' }), {
      type: 'copyIterations',
      runId: 1,
      format: 'csv',
    });
    assert.equal(
      parseWebviewMessage({
        type: 'savePlot',
        format: 'png',
        data: 'data:image/png;base64,iVBOR',
        name: 'a/b c',
      })?.type,
      'savePlot',
    );
  });

  it('restores persisted state from junk without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => void parsePersistedState(raw)),
      { numRuns: 300, seed: 7 },
    );
    const state = parsePersistedState({
      runs: [{ id: 4, formula: 'x^2', options: OPTIONS, starts: [] }, { id: 'x' }],
      selected: 4,
      view: 'nope',
    });
    assert.equal(state?.runs.length, 1);
    assert.equal(state?.view, 'runs');
  });
});

describe('panel controller', () => {
  it('answers ready with the state, restoring the runs the webview saved when it has none', () => {
    const h = harness();
    h.controller.handle({
      type: 'ready',
      saved: {
        runs: [{ id: 7, formula: 'x^2', options: OPTIONS, starts: [] }],
        selected: 7,
        view: 'compare',
      },
    });
    const state = h.posted.find((m) => m.type === 'state');
    assert.ok(state && state.type === 'state' && state.runs.length === 1 && state.view === 'compare');
    assert.equal(h.requests.length, 1);
    assert.equal(h.requests[0].compare, true);
    h.controller.handle({
      type: 'ready',
      saved: { runs: [{ id: 8, formula: 'y^2', options: OPTIONS, starts: [] }], selected: 8, view: 'runs' },
    });
    assert.equal(h.requests.length, 1, 'a host with runs keeps its own');
    h.scheduler.dispose();
  });

  it("echoes the revision of the webview's latest edit in the run's pending and finished updates", () => {
    const h = harness();
    h.controller.addRuns([{ formula: 'x^2', options: OPTIONS }]);
    const state = h.posted.find((m) => m.type === 'state');
    assert.ok(state?.type === 'state');
    const id = state.runs[0].id;
    h.controller.handle({
      type: 'updateRun',
      runId: id,
      formula: 'x^4',
      options: OPTIONS,
      starts: [],
      revision: 5,
    });
    h.controller.receive(id, { ok: false, error: { message: 'test' } });
    const update = h.posted.at(-1);
    assert.ok(update?.type === 'runUpdate');
    assert.deepEqual([update.run.formula, update.run.revision, update.run.status], ['x^4', 5, 'error']);
    h.scheduler.dispose();
  });
});

describe('host message guard (webview side)', () => {
  it('never throws on junk and rejects it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            type: fc.constantFrom('state', 'runUpdate', 'notice'),
            runs: fc.anything(),
            run: fc.anything(),
            text: fc.anything(),
          }),
        ),
        (raw) => {
          const parsed = parseHostMessage(raw);
          if (parsed?.type === 'notice') assert.ok(parsed.text.length <= LIMITS.noticeLength);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it('turns the nulls JSON made of NaN back into NaN and keeps the run', () => {
    const run = {
      variables: ['x'],
      optimizer: 'gd',
      learningRate: 0.1,
      iterations: 3,
      stopReason: 'diverged',
      stationary: 'not-stationary',
      final: { point: [null], value: null, gradientNorm: null },
      gradientMethod: 'symbolic',
      elapsedMs: 1,
      trace: [{ iteration: 0, point: [1], value: 2, gradientNorm: 4 }],
    };
    const analysis = {
      formula: { source: 'x', notation: 'plain', variables: ['x'], text: 'x', gradient: ['1'] },
      run,
      landscape: { kind: 'curve', xs: [0, 1], values: [null, 1] },
    };
    const message = parseHostMessage(
      JSON.parse(
        JSON.stringify({
          type: 'runUpdate',
          run: { id: 1, formula: 'x', options: OPTIONS, starts: [], status: 'ok', analysis },
        }),
      ),
    );
    assert.equal(message?.type, 'runUpdate');
    const parsed = message?.type === 'runUpdate' ? message.run.analysis : undefined;
    assert.ok(parsed && Number.isNaN(parsed.run.final.value));
    assert.ok(parsed.landscape.kind === 'curve' && Number.isNaN(parsed.landscape.values[0]));
  });

  it("keeps a run's unbounded direction only as below or above on a diverged run", () => {
    const runWith = (stopReason: string, unbounded: unknown) => ({
      variables: ['x'],
      optimizer: 'gd',
      learningRate: 0.1,
      iterations: 3,
      stopReason,
      stationary: 'not-stationary',
      final: { point: [1], value: -1e12, gradientNorm: 1 },
      gradientMethod: 'symbolic',
      elapsedMs: 1,
      trace: [],
      unbounded,
    });
    const parsedRun = (stopReason: string, unbounded: unknown) => {
      const analysis = {
        formula: { source: 'x', notation: 'plain', variables: ['x'], text: 'x', gradient: ['1'] },
        run: runWith(stopReason, unbounded),
        landscape: { kind: 'none' },
      };
      const message = parseHostMessage({
        type: 'runUpdate',
        run: { id: 1, formula: 'x', options: OPTIONS, starts: [], status: 'ok', analysis },
      });
      return message?.type === 'runUpdate' ? message.run.analysis?.run : undefined;
    };
    assert.equal(parsedRun('diverged', 'below')?.unbounded, 'below');
    assert.equal(parsedRun('diverged', 'above')?.unbounded, 'above');
    for (const [reason, flag] of [
      ['diverged', 'yes'],
      ['diverged', true],
      ['diverged', 1],
      ['max-iterations', 'below'],
    ] as const) {
      const run = parsedRun(reason, flag);
      assert.ok(run, `the run survives unbounded = ${JSON.stringify(flag)}`);
      assert.equal(run.unbounded, undefined);
    }
  });

  it("keeps a formula's undeclared variables when they are names, and drops junk in their place", () => {
    const run = {
      variables: ['x', 'a'],
      optimizer: 'gd',
      learningRate: 0.1,
      iterations: 1,
      stopReason: 'max-iterations',
      stationary: 'not-stationary',
      final: { point: [1, 1], value: 1, gradientNorm: 1 },
      gradientMethod: 'symbolic',
      elapsedMs: 1,
      trace: [],
    };
    const formulaWith = (undeclared: unknown) => ({
      source: 'f(x) = a x^2',
      notation: 'plain',
      variables: ['x', 'a'],
      text: 'a x^2',
      gradient: ['2 a x', 'x^2'],
      undeclared,
    });
    const parsedFormula = (undeclared: unknown) => {
      const analysis = { formula: formulaWith(undeclared), run, landscape: { kind: 'none' } };
      const message = parseHostMessage({
        type: 'runUpdate',
        run: { id: 1, formula: 'x', options: OPTIONS, starts: [], status: 'ok', analysis },
      });
      return message?.type === 'runUpdate' ? message.run.analysis?.formula : undefined;
    };
    assert.deepEqual(parsedFormula(['a'])?.undeclared, ['a']);
    for (const junk of [[{}], 'a', [1], {}]) {
      const formula = parsedFormula(junk);
      assert.ok(formula, `the analysis survives undeclared = ${JSON.stringify(junk)}`);
      assert.equal(formula.undeclared, undefined);
    }
  });
});

describe('panel controller run limit', () => {
  it('selects and runs only the runs kept when more than LIMITS.runs are added at once', () => {
    const h = harness();
    const runs = Array.from({ length: LIMITS.runs + 5 }, (_, i) => ({
      formula: `x^2 + ${i}`,
      options: OPTIONS,
    }));
    h.controller.addRuns(runs);
    const state = h.posted.find((m) => m.type === 'state');
    assert.ok(state && state.type === 'state');
    assert.equal(state.runs.length, LIMITS.runs);
    assert.ok(
      state.runs.some((r) => r.id === state.selected),
      'the selected run is in the list',
    );
    assert.equal(h.requests.length, LIMITS.runs, 'dropped runs are not run');
    assert.deepEqual(
      h.requests.map((r) => r.formula),
      state.runs.map((r) => r.formula),
    );
    h.scheduler.dispose();
  });

  it('keeps one run per id when a restored state repeats an id', () => {
    const h = harness();
    const run = (formula: string) => ({ id: 3, formula, options: OPTIONS, starts: [] });
    h.controller.handle({
      type: 'ready',
      saved: { runs: [run('x^2'), run('y^2')], selected: 3, view: 'runs' },
    });
    const state = h.posted.find((m) => m.type === 'state');
    assert.ok(state && state.type === 'state');
    assert.deepEqual(
      state.runs.map((r) => r.id),
      [3],
    );
    assert.equal(h.requests.length, 1);
    h.scheduler.dispose();
  });
});

describe('panel controller view data', () => {
  it('asks for the sweep once a run that was in flight when the view changed comes back without it', async () => {
    const requests: AnalysisRequest[] = [];
    const pending: (() => void)[] = [];
    const analyzer = (request: AnalysisRequest): Promise<Analysis> =>
      new Promise((resolve) => {
        requests.push(request);
        pending.push(() => resolve(analyze(request)));
      });
    const effects: ControllerEffects = {
      post: () => undefined,
      copy: async () => undefined,
      save: async () => undefined,
      log: () => undefined,
    };
    const scheduler = new RunScheduler(
      analyzer,
      { outcome: (key, outcome) => controller.receive(key, outcome) },
      0,
    );
    const controller = new PanelController(effects, scheduler, {
      sweep: { lrMin: 1e-3, lrMax: 1, count: 4 },
      steps: 1,
    });
    controller.addRuns([{ formula: 'x^2', options: OPTIONS }]);
    controller.handle({ type: 'setView', view: 'learning-rate' });
    assert.equal(requests.length, 1, 'the run in flight is not asked for twice');
    assert.equal(requests[0].sweep, undefined);
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(requests.length, 2, 'the run is asked for again with the sweep');
    assert.ok(requests[1].sweep);
    pending.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(requests.length, 2, 'an answer with the sweep asks for nothing more');
    assert.ok(controller.results()[0].analysis?.sweep);
    scheduler.dispose();
  });
});

describe('panel controller removing runs', () => {
  it('asks for the sweep of the run selected in place of a removed one on the learning-rate view', async () => {
    const requests: AnalysisRequest[] = [];
    const analyzer = async (request: AnalysisRequest): Promise<Analysis> => (
      requests.push(request),
      analyze(request)
    );
    const effects: ControllerEffects = {
      post: () => undefined,
      copy: async () => undefined,
      save: async () => undefined,
      log: () => undefined,
    };
    const scheduler = new RunScheduler(
      analyzer,
      { outcome: (key, outcome) => controller.receive(key, outcome) },
      0,
    );
    const controller = new PanelController(effects, scheduler, {
      sweep: { lrMin: 1e-3, lrMax: 1, count: 4 },
      steps: 1,
    });
    controller.addRuns([
      { formula: 'x^2', options: OPTIONS },
      { formula: 'x^4', options: OPTIONS },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.handle({ type: 'setView', view: 'learning-rate' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(controller.results()[1].analysis?.sweep, undefined, 'the unselected run has no sweep yet');
    controller.handle({ type: 'removeRun', runId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(requests.at(-1)?.formula, 'x^4');
    assert.ok(controller.results()[0].analysis?.sweep, 'the run now shown has its sweep');
    scheduler.dispose();
  });
});

describe('panel controller settings', () => {
  it('asks for the new sweep range once it is configured with changed settings', () => {
    const requests: AnalysisRequest[] = [];
    const analyzer = (request: AnalysisRequest): Promise<Analysis> => {
      requests.push(request);
      return new Promise(() => undefined);
    };
    const effects: ControllerEffects = {
      post: () => undefined,
      copy: async () => undefined,
      save: async () => undefined,
      log: () => undefined,
    };
    const scheduler = new RunScheduler(analyzer, { outcome: () => undefined }, 0);
    const controller = new PanelController(effects, scheduler, {
      sweep: { lrMin: 1e-3, lrMax: 1, count: 4 },
      steps: 1,
    });
    controller.addRuns([{ formula: 'x^2', options: OPTIONS }], 'learning-rate');
    controller.configure({ sweep: { lrMin: 1e-5, lrMax: 0.5, count: 9 }, steps: 2 });
    controller.addRuns([{ formula: 'x^4', options: OPTIONS }]);
    assert.deepEqual(requests[0].sweep, { lrMin: 1e-3, lrMax: 1, count: 4 });
    assert.deepEqual(requests.at(-1)?.sweep, { lrMin: 1e-5, lrMax: 0.5, count: 9 });
    assert.equal(requests.at(-1)?.steps, 2);
    scheduler.dispose();
  });
});

describe('panel controller copy', () => {
  it('copies the iterations of an ok run only, never the stale result kept beside an error', async () => {
    const copied: string[] = [];
    const posted: HostMessage[] = [];
    const effects: ControllerEffects = {
      post: (m) => posted.push(m),
      copy: async (t) => void copied.push(t),
      save: async () => undefined,
      log: () => undefined,
    };
    const analyzer = async (request: AnalysisRequest): Promise<Analysis> => analyze(request);
    const scheduler = new RunScheduler(
      analyzer,
      { outcome: (key, outcome) => controller.receive(key, outcome) },
      0,
    );
    const controller = new PanelController(effects, scheduler);
    controller.addRuns([{ formula: 'x^2', options: OPTIONS }]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.handle({ type: 'copyIterations', runId: 1, format: 'csv' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(copied.length, 1);
    assert.match(copied[0], /^k,x,f,grad_norm\n0,1,1,2\n/);
    controller.handle({ type: 'updateRun', runId: 1, formula: 'x^', options: OPTIONS, starts: [] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(controller.results()[0].error !== undefined, true);
    controller.handle({ type: 'copyIterations', runId: 1, format: 'csv' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(copied.length, 1, "the previous formula's iterations are not copied");
    const last = posted.filter((m) => m.type === 'notice').at(-1);
    assert.ok(last?.type === 'notice' && /Nothing to copy/.test(last.text));
    scheduler.dispose();
  });
});
