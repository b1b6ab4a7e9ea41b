// The use-case layer's jobs, computed directly: each job's value worked out by hand, the side runs'
// settings, the plot window, keys that depend on exactly a job's inputs, and typed errors.
import { strict as assert } from 'node:assert';
import { DEFAULT_LIMITS, resolveLimits } from '../../src/engine/limits';
import { FormulaError, OPTIMIZER_NAMES, type RunOptions, type TracePoint } from '../../src/engine/types';
import { createProblemCache } from '../../src/host/problemCache';
import { computeJob, jobKey, type JobContext } from '../../src/usecases/jobs';
import { runJob } from '../../src/usecases/jobOutcome';
import { resolveRunOptions, withLearningRate } from '../../src/usecases/runOptions';
import { comparisonOptions, regimeOptions } from '../../src/usecases/sideRuns';
import { coveredPart, frameWindow } from '../../src/usecases/window';

const limits = resolveLimits();
const ctx = (): JobContext => ({ problems: createProblemCache(limits), limits });
const raw = (over: Partial<RunOptions> = {}): RunOptions => ({
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: {},
  maximize: false,
  traceLimit: 100,
  ...over,
});
const resolved = (dimension: number, over: Partial<RunOptions> = {}): RunOptions =>
  resolveRunOptions(raw(over), dimension, limits);

function formulaError(fn: () => unknown, code?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof FormulaError && (code === undefined || e.code === code));
}

describe('jobs', () => {
  it('runs the seed example: f(x) = 2x² from 1 with η = 0.1 gives 0.6, then 0.36', () => {
    const c = ctx();
    const info = computeJob({ kind: 'formula', formula: '$f(x) = 2x^{2}$' }, c);
    assert.equal(info.notation, 'latex');
    assert.deepEqual(info.variables, ['x']);
    assert.equal(info.name, 'f');
    const run = computeJob(
      { kind: 'run', formula: '$f(x) = 2x^{2}$', options: resolved(1, { stop: { maxIterations: 2 } }) },
      c,
    );
    assert.deepEqual(
      run.trace.map((p) => p.point[0]),
      [1, 0.6, 0.36],
    );
    const gradient = computeJob({ kind: 'gradientText', formula: '$f(x) = 2x^{2}$' }, c);
    assert.equal(gradient.length, 1);
    assert.match(gradient[0]!, /4\s*\*?\s*x/);
  });

  it('samples the landscape over exactly the window it is given', () => {
    const land = computeJob(
      { kind: 'landscape', formula: 'x^2 + 3y^2', window: { x: [-1, 1], y: [0, 2] } },
      ctx(),
    );
    assert.ok(land.kind === 'grid');
    assert.deepEqual(
      [land.xRange, land.yRange],
      [
        [-1, 1],
        [0, 2],
      ],
    );
    // Row-major, y ascending: the first value is at (−1, 0), the last at (1, 2).
    assert.equal(land.values[0], 1);
    assert.equal(land.values[land.values.length - 1], 1 + 12);
    assert.equal(
      computeJob({ kind: 'landscape', formula: 'x^2', window: { x: [0, 1], y: [0, 1] } }, ctx()).kind,
      'none',
    );
  });

  it('finds the critical η 2/λmax = 1/3 for x² + 3y², and a sweep around it with its regimes', () => {
    const c = ctx();
    const curvature = computeJob(
      { kind: 'curvature', formula: 'x^2 + 3y^2', start: [1, 1], maximize: false },
      c,
    );
    assert.ok(Math.abs(curvature.lambdaMax - 6) < 1e-6);
    assert.ok(Math.abs(curvature.critical! - 1 / 3) < 1e-6);
    const options = resolved(2, { start: [1, 1] });
    const sweep = computeJob({ kind: 'sweep', formula: 'x^2 + 3y^2', options, sweep: { count: 8 } }, c);
    assert.equal(sweep.sweep.points.length, 8);
    // Around the critical step: from 1/1000 of it to twice it.
    assert.ok(
      Math.abs(sweep.settings.lrMin - 1 / 3000) < 1e-9 && Math.abs(sweep.settings.lrMax - 2 / 3) < 1e-9,
    );
    const { small, good, large } = sweep.regimes;
    assert.ok(small < good && good < 1 / 3 && large > 1 / 3, `${small} < ${good} < 1/3 < ${large}`);
    const [smallRun, goodRun, largeRun] = regimeOptions(options, sweep).map((o) =>
      computeJob({ kind: 'run', formula: 'x^2 + 3y^2', options: o }, c),
    );
    assert.equal(largeRun!.stopReason, 'diverged');
    assert.equal(goodRun!.stopReason, 'gradient-tolerance');
    assert.equal(smallRun!.learningRate, small);
  });

  it('runs basins from every start, labelled by the minimum each reached', () => {
    const basins = computeJob(
      {
        kind: 'basins',
        formula: 'x^2 + 3y^2',
        options: resolved(2, { start: [1, 1] }),
        starts: [
          [2, 2],
          [0.5, -1],
        ],
      },
      ctx(),
    );
    assert.equal(basins.runs.length, 2);
    assert.equal(basins.minima.length, 1);
    assert.ok(basins.runs.every((r) => r.basin === 0));
  });

  it('writes out worked steps: ∇f at (1, 1) of x² + 3y² is (2, 6)', () => {
    const steps = computeJob(
      { kind: 'steps', formula: 'x^2 + 3y^2', options: resolved(2, { start: [1, 1] }), count: 3 },
      ctx(),
    );
    assert.equal(steps.length, 3);
    assert.deepEqual(steps[0]!.gradient, [2, 6]);
    // (1, 1) − 0.1·(2, 6) = (0.8, 0.4), to rounding.
    steps[0]!.next.forEach((v, i) => assert.ok(Math.abs(v - [0.8, 0.4][i]!) < 1e-15));
  });

  it('keys a job by exactly its inputs, in any key order', () => {
    const a = jobKey({ kind: 'run', formula: 'x^2', options: resolved(1) });
    const b = jobKey({ kind: 'run', formula: 'x^2', options: { ...resolved(1) } });
    assert.equal(a, b);
    assert.notEqual(a, jobKey({ kind: 'run', formula: 'x^2', options: withLearningRate(resolved(1), 0.2) }));
    assert.notEqual(a, jobKey({ kind: 'run', formula: 'x^3', options: resolved(1) }));
    const window = { x: [0, 1] as const };
    assert.notEqual(
      jobKey({ kind: 'landscape', formula: 'x^2', window }),
      jobKey({ kind: 'formula', formula: 'x^2' }),
    );
  });

  it('keys a sweep without the run’s η, which it does not read', () => {
    const sweep = (lr: number) =>
      ({
        kind: 'sweep',
        formula: 'x^2 + 3y^2',
        options: withLearningRate(resolved(2), lr),
        sweep: { count: 6 },
      }) as const;
    assert.equal(jobKey(sweep(0.1)), jobKey(sweep(0.01)));
    assert.notEqual(jobKey(sweep(0.1)), jobKey({ ...sweep(0.1), sweep: { count: 7 } }));
    assert.notEqual(
      jobKey(sweep(0.1)),
      jobKey({ ...sweep(0.1), options: { ...sweep(0.1).options, start: [2, 2] } }),
    );
    // Computed, the two are the same sweep.
    assert.deepEqual(computeJob(sweep(0.1), ctx()), computeJob(sweep(0.01), ctx()));
  });

  it('throws typed errors for bad formulas and options, and runJob turns them into values', () => {
    formulaError(() => computeJob({ kind: 'formula', formula: 'x +* 2' }, ctx()), 'syntax');
    formulaError(() => computeJob({ kind: 'formula', formula: '' }, ctx()), 'empty');
    formulaError(
      () => computeJob({ kind: 'formula', formula: 'x'.repeat(DEFAULT_LIMITS.maxFormulaLength + 1) }, ctx()),
      'too-long',
    );
    formulaError(() => resolveRunOptions(raw({ start: [1, 2] }), 1, limits), 'bad-option');
    formulaError(
      () => resolveRunOptions(raw({ optimizer: { name: 'gd', lr: -1 } }), 1, limits),
      'bad-option',
    );
    const outcome = runJob({ kind: 'formula', formula: 'x +* 2' }, ctx());
    assert.ok(!outcome.ok && outcome.error.code === 'syntax' && outcome.error.column !== undefined);
    const junk = runJob({ kind: 'run', formula: 'x^2', options: null as unknown as RunOptions }, ctx());
    assert.ok(!junk.ok && junk.error.code === 'internal' && !junk.error.message.includes('\n    at '));
  });

  it('clamps iterations to the limits', () => {
    const tight = resolveLimits({ maxIterations: 500 });
    const options = resolveRunOptions(
      raw({ optimizer: { name: 'gd', lr: 1e-6 }, stop: { maxIterations: 1e9 } }),
      1,
      tight,
    );
    assert.equal(options.stop.maxIterations, 500);
    const run = computeJob(
      { kind: 'run', formula: 'x^2', options },
      { problems: createProblemCache(tight), limits: tight },
    );
    assert.deepEqual([run.iterations, run.stopReason], [500, 'max-iterations']);
  });
});

describe('side runs', () => {
  it("compares the person's own optimizer as set, the other SGD family at η ≤ 1/λmax, adaptive ones at their defaults", () => {
    const options = resolved(2, { start: [-1.2, 1], optimizer: { name: 'rmsprop', lr: 0.005 } });
    // Hessian of Rosenbrock at (-1.2, 1): [[1330, 480], [480, 200]].
    const lambdaMax = (1330 + 200 + Math.hypot(1330 - 200, 2 * 480)) / 2;
    const runs = comparisonOptions(options, { lambdaMax, critical: 2 / lambdaMax });
    assert.equal(runs.length, OPTIMIZER_NAMES.length);
    assert.equal(runs[OPTIMIZER_NAMES.indexOf('rmsprop')], 'own');
    const byName = new Map(OPTIMIZER_NAMES.map((name, i) => [name, runs[i]]));
    const lr = (name: (typeof OPTIMIZER_NAMES)[number]): number => {
      const o = byName.get(name);
      assert.ok(o && o !== 'own');
      return o.optimizer.lr!;
    };
    assert.equal(lr('adam'), 0.01);
    for (const name of ['gd', 'momentum', 'nesterov'] as const) {
      assert.ok(Math.abs(lr(name) - 1 / lambdaMax) < 1e-12, name);
    }
    // Six side runs share about one run's time budget.
    const adam = byName.get('adam');
    assert.ok(
      adam &&
        adam !== 'own' &&
        adam.stop.timeBudgetMs === options.stop.timeBudgetMs! / OPTIMIZER_NAMES.length,
    );
  });
});

describe('plot window', () => {
  const trace = (points: number[][], values?: number[]): TracePoint[] =>
    points.map((point, iteration) => ({
      iteration,
      point,
      value: values?.[iteration] ?? 0,
      gradientNorm: 0,
    }));

  it('covers the start and the path with a margin, and stays while the path still fits it well', () => {
    const first = frameWindow(
      undefined,
      [1, 1],
      [
        trace([
          [1, 1],
          [0, 0],
        ]),
      ],
      2,
      2,
    )!;
    assert.ok(first.x[0] < 0 && first.x[1] > 1 && first.y![0] < 0 && first.y![1] > 1);
    // Another η, a path inside the window: the window stays (the contours are not redrawn).
    assert.equal(
      frameWindow(
        first,
        [1, 1],
        [
          trace([
            [1, 1],
            [0.2, 0.3],
            [0, 0],
          ]),
        ],
        2,
        2,
      ),
      first,
    );
    // A path far outside: a new window.
    const moved = frameWindow(
      first,
      [1, 1],
      [
        trace([
          [1, 1],
          [5, 5],
        ]),
      ],
      2,
      2,
    )!;
    assert.ok(moved !== first && moved.x[1] > 5);
    // A path that shrinks to a tenth of the window: a new, tighter window.
    const tiny = frameWindow(
      moved,
      [1, 1],
      [
        trace([
          [1, 1],
          [1.05, 1.05],
        ]),
      ],
      2,
      2,
    )!;
    assert.ok(tiny.x[1] - tiny.x[0] < 1);
  });

  it('covers a diverging path only while f stays within 100 times its start', () => {
    // f = x²: 1, 4, 16, 64, 256 … the covered part stops before |f − f₀| > 100 (at 256).
    const path = trace([[1], [-2], [4], [-8], [16], [-32]], [1, 4, 16, 64, 256, 1024]);
    assert.deepEqual(
      coveredPart(path).map((p) => p.point[0]),
      [1, -2, 4, -8],
    );
    assert.equal(
      frameWindow(undefined, [1, 1, 1], [path], 3, 2),
      undefined,
      'three variables: nothing to sample',
    );
  });
});
