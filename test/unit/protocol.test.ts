// Messages from the webview are untrusted. Hundreds of malformed, oversized and out-of-range messages
// go through the schemas and the host session: each is rejected (and logged) or clamped, nothing
// throws, and nothing is computed that the message did not validly ask for. The webview checks the
// host's messages the same way.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveLimits } from '../../src/engine/limits';
import { PanelSession } from '../../src/extension/panel/session';
import { JobService } from '../../src/host/jobService';
import { createProblemCache } from '../../src/host/problemCache';
import { hostMessage, LIMITS, persistedState, runControls, webviewMessage } from '../../src/shared/protocol';
import { runWire } from '../../src/shared/wire';

const BASE = {
  start: [1],
  optimizer: { name: 'gd' as const, lr: 0.1 },
  stop: { maxIterations: 100 },
  maximize: false,
  traceLimit: 500,
};

function harness() {
  const limits = resolveLimits();
  const jobs = new JobService({ problems: createProblemCache(limits), limits });
  const logs: string[] = [];
  const saved: string[] = [];
  const session = new PanelSession(
    jobs,
    {
      post: () => undefined,
      copy: async () => undefined,
      save: async (f) => void saved.push(f),
      log: (m) => logs.push(m),
    },
    { base: BASE, steps: 2, plotVariables: 2, sweep: { count: 4 } },
  );
  const computed = () => Object.values(jobs.computed).reduce((a, b) => a + b, 0);
  return { session, logs, saved, computed };
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
      'setInput',
      'select',
      'remove',
      'setView',
      'need',
      'copyIterations',
      'savePlot',
      'eval',
      '__proto__',
      'constructor',
      'state',
    ),
    runId: fc.oneof(fc.constantFrom(1, 2, 999, -1, 1.5, 2 ** 60), junk),
    formula: fc.oneof(fc.string({ maxLength: 30 }), junk),
    controls: fc.oneof(
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
      }),
      junk,
    ),
    starts: fc.oneof(fc.array(fc.array(fc.double(), { maxLength: 3 }), { maxLength: 5 }), junk),
    ids: fc.oneof(fc.array(fc.integer(), { maxLength: 5 }), junk),
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

describe('webview message schema', () => {
  it('rejects or clamps hundreds of malformed messages without throwing or computing anything unasked', async () => {
    const h = harness();
    h.session.addRuns([
      { formula: 'x^2', options: BASE },
      { formula: 'x^2 + y^2', options: { ...BASE, start: [1, 2] } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(junk, nearMiss), (message) => {
        const parsed = webviewMessage.parse(message);
        const before = h.computed();
        h.session.receive(message);
        if (!parsed.ok) {
          assert.equal(h.computed(), before, 'a rejected message computed something');
          return;
        }
        accepted++;
        const m = parsed.value;
        if (m.type === 'setInput') {
          assert.ok(m.formula.length <= LIMITS.formulaLength);
          assert.ok(m.controls.start.length <= LIMITS.variables);
          assert.ok(m.controls.start.every((v) => Number.isFinite(v) && Math.abs(v) <= LIMITS.coordinate));
          const lr = m.controls.optimizer.lr;
          assert.ok(
            typeof lr !== 'number' || (lr >= LIMITS.learningRate.min && lr <= LIMITS.learningRate.max),
          );
          assert.ok(
            Object.values(m.controls.optimizer).every((v) => typeof v !== 'number' || Number.isFinite(v)),
          );
          const it = m.controls.stop.maxIterations;
          assert.ok(it === undefined || (Number.isInteger(it) && it >= 1 && it <= LIMITS.maxIterations));
          assert.ok(m.starts.length <= LIMITS.starts);
        }
        if (m.type === 'savePlot') {
          assert.match(m.name, /^[\w.-]+$/);
          assert.ok(
            m.format === 'svg'
              ? m.data.trimStart().startsWith('<svg')
              : m.data.startsWith('data:image/png;base64,'),
          );
        }
      }),
      { numRuns: 600, seed: 42 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(accepted > 10, `some near-miss messages are valid (${accepted})`);
    assert.ok(
      h.logs.filter((l) => l.startsWith('Ignored webview message')).length > 100,
      'rejections are logged',
    );
    assert.equal(h.saved.filter((f) => f !== 'svg' && f !== 'png').length, 0);
  });

  it('rejects unknown types and prototype tricks, and says which', () => {
    for (const m of [
      { type: 'runCode', code: 'x' },
      { type: '__proto__' },
      { type: 'toString' },
      JSON.parse('{"__proto__": {"type": "ready"}}'),
      [{ type: 'ready' }],
    ]) {
      const parsed = webviewMessage.parse(m);
      assert.ok(!parsed.ok && parsed.error.length > 0, JSON.stringify(m));
    }
  });

  it('clamps numbers, caps sizes and keeps only plain hyper-parameter values', () => {
    const parsed = runControls.parse({
      start: Array.from({ length: 5000 }, (_, i) => (i === 0 ? 1e300 : i)),
      optimizer: {
        name: 'adam',
        lr: 1e9,
        betas: [2, -1],
        eps: NaN,
        momentum: { $gt: 1 },
        'bad key': 1,
        x: 'y'.repeat(50),
      },
      stop: { maxIterations: 1e12, gradientTolerance: -3, timeBudgetMs: 1e9 },
      maximize: 'yes',
    });
    assert.ok(parsed.ok);
    const c = parsed.value;
    assert.equal(c.start.length, LIMITS.variables);
    assert.equal(c.start[0], LIMITS.coordinate);
    assert.equal(c.optimizer.lr, LIMITS.learningRate.max);
    // Plain values pass as sent; their ranges are the engine's to check (it names what is wrong).
    assert.deepEqual(c.optimizer.betas, [2, -1]);
    assert.ok(
      !('eps' in c.optimizer) &&
        !('momentum' in c.optimizer) &&
        !('bad key' in c.optimizer) &&
        !('x' in c.optimizer),
    );
    assert.equal(c.stop.maxIterations, LIMITS.maxIterations);
    assert.equal(c.stop.gradientTolerance, 0);
    assert.ok(!('timeBudgetMs' in c.stop), 'the webview does not set the time budget: the settings do');
    assert.equal(c.maximize, false);
    assert.equal(runControls.parse({ start: [NaN] }).ok, false, 'a start must be finite');
  });

  it('refuses settings out of their range with a message that names them, keeping the run', async () => {
    const h = harness();
    h.session.addRuns([{ formula: 'x^2', options: BASE }]);
    const id = h.session.state.selected;
    h.session.receive({
      type: 'setInput',
      runId: id,
      formula: 'x^2',
      controls: { start: [1], optimizer: { name: 'adam', betas: [2, 0.9], unknown: 3 } },
      starts: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [result] = h.session.results();
    assert.equal(result!.summary.status, 'error');
    assert.match(result!.error ?? '', /beta/);
    assert.ok(
      !('unknown' in h.session.state.find(id)!.options.optimizer),
      'names the engine does not know are dropped',
    );
  });

  it('accepts the well-formed messages the webview sends, and sanitises a plot name', () => {
    const set = webviewMessage.parse({
      type: 'setInput',
      runId: 3,
      formula: 'x^2',
      controls: { start: [1], optimizer: { name: 'gd', lr: 0.1 }, stop: {}, maximize: false },
      starts: [[1, 2]],
    });
    assert.ok(set.ok && set.value.type === 'setInput');
    assert.deepEqual(set.value.starts, [[1, 2]]);
    assert.deepEqual(webviewMessage.parse({ type: 'setView', view: 'compare' }), {
      ok: true,
      value: { type: 'setView', view: 'compare' },
    });
    const plot = webviewMessage.parse({
      type: 'savePlot',
      format: 'png',
      data: 'data:image/png;base64,iVBOR',
      name: 'a/b c',
    });
    assert.ok(plot.ok && plot.value.type === 'savePlot' && plot.value.name === 'a-b-c');
    assert.equal(
      webviewMessage.parse({ type: 'savePlot', format: 'svg', data: '<script>', name: 'p' }).ok,
      false,
    );
  });

  it('restores persisted state from junk without throwing, keeping the runs that are whole', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => void persistedState.parse(raw)),
      { numRuns: 300, seed: 7 },
    );
    const state = persistedState.parse({
      runs: [{ id: 4, formula: 'x^2', controls: { start: [1] }, starts: [] }],
      selected: 4,
      view: 'nope',
    });
    assert.ok(state.ok);
    assert.equal(state.value.runs.length, 1);
    assert.equal(state.value.view, 'runs');
    assert.equal(persistedState.parse({ runs: [{ id: 'x' }] }).ok, false);
  });
});

describe('host message schema (webview side)', () => {
  const run = (over: Record<string, unknown> = {}) => ({
    variables: ['x'],
    optimizer: 'gd',
    learningRate: 0.1,
    iterations: 2,
    stopReason: 'diverged',
    stationary: 'not-stationary',
    final: { point: [null], value: null, gradientNorm: null },
    gradientMethod: 'symbolic',
    trace: {
      dimension: 1,
      iterations: [0, 1, 2],
      points: [1, -2, null],
      values: [2, 8, null],
      gradientNorms: [4, 8, null],
    },
    ...over,
  });

  it('never throws on junk and caps what it keeps', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            type: fc.constantFrom('state', 'run', 'part', 'notice'),
            runs: fc.anything(),
            run: fc.anything(),
            text: fc.anything(),
            id: fc.anything(),
            part: fc.anything(),
          }),
        ),
        (raw) => {
          const parsed = hostMessage.parse(raw);
          if (parsed.ok && parsed.value.type === 'notice') {
            assert.ok(parsed.value.text.length <= LIMITS.noticeLength);
          }
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it('reads the nulls JSON made of NaN as NaN, and keeps typed arrays as they came', () => {
    const parsed = runWire.parse(run());
    assert.ok(parsed.ok);
    assert.ok(Number.isNaN(parsed.value.final.value) && Number.isNaN(parsed.value.final.point[0]!));
    assert.ok(
      parsed.value.trace.points instanceof Float64Array && Number.isNaN(parsed.value.trace.points[2]!),
    );
    const typed = runWire.parse(
      run({
        trace: {
          dimension: 1,
          iterations: Float64Array.of(0),
          points: Float64Array.of(NaN),
          values: Float64Array.of(Infinity),
          gradientNorms: Float64Array.of(1),
        },
      }),
    );
    assert.ok(typed.ok && typed.value.trace.values[0] === Infinity);
  });

  it('refuses a trace whose columns do not line up, and keeps unbounded only as below or above', () => {
    assert.equal(
      runWire.parse(
        run({ trace: { dimension: 2, iterations: [0], points: [1], values: [1], gradientNorms: [1] } }),
      ).ok,
      false,
    );
    const below = runWire.parse(run({ unbounded: 'below' }));
    assert.ok(below.ok && below.value.unbounded === 'below');
    const junkDirection = runWire.parse(run({ unbounded: 'sideways' }));
    assert.equal(junkDirection.ok, false);
  });
});
