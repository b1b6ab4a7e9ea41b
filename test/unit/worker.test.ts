import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { estimateWorkMs } from '../../src/engine/estimate';
import { analyzeSafely } from '../../src/engine/outcome';
import { AnalysisClient } from '../../src/engine/workerClient';
import type { AnalysisRequest, RunOptions } from '../../src/engine/types';

const options = (over: Partial<RunOptions> = {}): RunOptions => ({
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: {},
  maximize: false,
  traceLimit: 100,
  ...over,
});
/** A run that would take far longer than any test: plain gd crawling down Rosenbrock for 10⁷ steps. */
const endless: AnalysisRequest = {
  formula: '(1-x)^2 + 100(y-x^2)^2',
  options: options({
    start: [-1.2, 1],
    optimizer: { name: 'gd', lr: 1e-9 },
    stop: { maxIterations: 10_000_000, gradientTolerance: 0, stepTolerance: 0, timeBudgetMs: 120_000 },
  }),
  compare: true,
  sweep: { lrMin: 1e-9, lrMax: 1e-8, count: 50 },
};
const limits = { maxIterations: 10_000_000, timeBudgetMs: 120_000 };

describe('analysis worker and client', function () {
  this.timeout(60_000);
  let dir = '';
  let script = '';
  let crashing = '';
  const clients: AnalysisClient[] = [];
  const client = (extra: Partial<ConstructorParameters<typeof AnalysisClient>[0]> = {}): AnalysisClient => {
    const c = new AnalysisClient({ workerScript: script, inlineBelowMs: 0, limits, ...extra });
    clients.push(c);
    return c;
  };

  let shared: AnalysisClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gdlab-worker-'));
    script = join(dir, 'worker.js');
    await build({
      entryPoints: ['src/engine/worker.ts'],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
    });
    crashing = join(dir, 'crash.js');
    writeFileSync(
      crashing,
      "require('node:worker_threads').parentPort.on('message', () => { throw new Error('worker bug'); });\n",
    );
    shared = client();
  });

  after(() => {
    for (const c of clients) c.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs an analysis in the worker and returns it as a value', async () => {
    const c = shared;
    c.warmUp();
    assert.equal(c.runsInline({ formula: 'x^2', options: options() }), false);
    const outcome = await c.run({
      formula: 'f(x) = 2x^2',
      options: options({ stop: { maxIterations: 2 } }),
      landscape: true,
    });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(
      outcome.analysis.run.trace.map((p) => p.point[0]),
      [1, 0.6, 0.36],
    );
    assert.equal(outcome.analysis.landscape.kind, 'curve');
    const again = await c.run({ formula: '(x-2)^2', options: options() });
    assert.ok(
      again.ok && Math.abs(again.analysis.run.final.point[0]! - 2) < 1e-6,
      'the warm worker serves a second request',
    );
  });

  it('returns bad input as an error value with code and column', async () => {
    const outcome = await shared.run({ formula: 'x +* 2', options: options() });
    assert.deepEqual(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.equal(outcome.error.code, 'syntax');
    assert.equal(outcome.error.column, 4);
    assert.doesNotMatch(outcome.error.message, /\n\s+at /);
  });

  it('cancels a long run through its AbortSignal, and serves the next run', async () => {
    const c = shared;
    const controller = new AbortController();
    const pending = c.run(endless, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const outcome = await pending;
    assert.ok(!outcome.ok && outcome.error.code === 'cancelled', JSON.stringify(outcome));
    const next = await c.run({ formula: 'x^2', options: options() });
    assert.ok(next.ok);
    const already = new AbortController();
    already.abort();
    const refused = await c.run({ formula: 'x^2', options: options() }, { signal: already.signal });
    assert.ok(!refused.ok && refused.error.code === 'cancelled');
  });

  it('stops a run at its timeout', async () => {
    const outcome = await client().run(endless, { timeoutMs: 300 });
    assert.ok(!outcome.ok && outcome.error.code === 'timeout', JSON.stringify(outcome));
  });

  it('cancels the run in flight when another starts', async () => {
    const c = shared;
    const first = c.run(endless);
    const second = c.run({ formula: 'x^2 + y^2', options: options({ start: [1, 1] }) });
    const [a, b] = await Promise.all([first, second]);
    assert.ok(!a.ok && a.error.code === 'cancelled');
    assert.ok(b.ok);
  });

  it('turns a crashing worker into an internal error value', async () => {
    const outcome = await client({ workerScript: crashing }).run({ formula: 'x^2', options: options() });
    assert.ok(!outcome.ok && outcome.error.code === 'internal', JSON.stringify(outcome));
    const missing = await client({ workerScript: join(dir, 'missing.js') }).run({
      formula: 'x^2',
      options: options(),
    });
    assert.ok(!missing.ok && missing.error.code === 'internal');
  });

  it('runs small requests inline by the estimate, without the worker', async () => {
    const c = new AnalysisClient({ workerScript: join(dir, 'missing.js') });
    clients.push(c);
    const small: AnalysisRequest = { formula: 'x^2 + 1', options: options({ stop: { maxIterations: 100 } }) };
    assert.equal(c.runsInline(small), false, 'a formula never seen needs parsing and simplifying first');
    analyzeSafely(small);
    assert.equal(c.runsInline(small), true, 'once compiled and described it is cheap');
    const outcome = await c.run(small);
    assert.ok(outcome.ok, 'ran inline: the worker script does not exist');
    assert.equal(c.runsInline(endless), false);
  });

  it('applies new limits to the runs that start after setLimits', async () => {
    const c = client();
    const slow: AnalysisRequest = {
      formula: 'x^2',
      options: options({ optimizer: { name: 'gd', lr: 1e-6 }, stop: { maxIterations: 1000 } }),
    };
    const before = await c.run(slow);
    assert.ok(before.ok);
    assert.equal(before.analysis.run.iterations, 1000);
    c.setLimits({ maxIterations: 7 });
    const after = await c.run(slow);
    assert.ok(after.ok);
    assert.equal(after.analysis.run.iterations, 7, 'the lowered cap reaches the worker');
  });

  it('answers junk requests with typed error values', () => {
    const none = analyzeSafely(null as unknown as AnalysisRequest);
    assert.ok(!none.ok && none.error.code === 'empty', JSON.stringify(none));
    const badStart = analyzeSafely({
      formula: 'x^2',
      options: options({ start: ['a' as unknown as number] }),
    });
    assert.ok(!badStart.ok && badStart.error.code === 'bad-option', JSON.stringify(badStart));
    const notAllowed = analyzeSafely({ formula: 'x.constructor', options: options() });
    assert.ok(!notAllowed.ok && notAllowed.error.code !== 'internal', JSON.stringify(notAllowed));
  });

  it('estimates more work for bigger requests', () => {
    const base: AnalysisRequest = { formula: 'x^2', options: options({ stop: { maxIterations: 1000 } }) };
    const bigger = [
      { ...base, options: options({ stop: { maxIterations: 100_000 } }) },
      { ...base, compare: true },
      { ...base, sweep: { lrMin: 0.01, lrMax: 1, count: 30 } },
      { ...base, starts: [[1], [2], [3]] },
      { ...base, formula: 'x^2 + sin(x)*cos(x) + exp(-x^2) + log(1 + x^2)' },
    ];
    for (const b of bigger) assert.ok(estimateWorkMs(b) > estimateWorkMs(base), JSON.stringify(b));
  });

  it('closes cleanly: a disposed client answers cancelled', async () => {
    const c = client();
    c.dispose();
    const outcome = await c.run({ formula: 'x^2', options: options() });
    assert.ok(!outcome.ok && outcome.error.code === 'cancelled');
  });
});
