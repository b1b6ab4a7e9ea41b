import { strict as assert } from 'node:assert';
import { analyze, quickRun } from '../../src/engine/analyze';
import { DEFAULT_LIMITS } from '../../src/engine/limits';
import { FormulaError, OPTIMIZER_NAMES, type AnalysisRequest, type RunOptions } from '../../src/engine/types';

const options = (over: Partial<RunOptions> = {}): RunOptions => ({
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: {},
  maximize: false,
  traceLimit: 100,
  ...over,
});
const request = (formula: string, over: Partial<AnalysisRequest> = {}): AnalysisRequest => ({
  formula,
  options: options(),
  ...over,
});

function formulaError(fn: () => unknown, code?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof FormulaError && (code === undefined || e.code === code));
}

describe('analyze', () => {
  it('runs the seed example and describes the formula', () => {
    const a = analyze(request('$f(x) = 2x^{2}$', { options: options({ stop: { maxIterations: 2 } }) }));
    assert.deepEqual(
      a.run.trace.map((p) => p.point[0]),
      [1, 0.6, 0.36],
    );
    assert.equal(a.formula.notation, 'latex');
    assert.deepEqual(a.formula.variables, ['x']);
    assert.equal(a.formula.gradient.length, 1);
    assert.match(a.formula.gradient[0]!, /4\s*\*?\s*x/);
    assert.equal(a.landscape.kind, 'none');
    for (const key of ['sweep', 'regimes', 'comparison', 'multistart', 'steps'] as const) {
      assert.equal(a[key], undefined, key);
    }
  });

  it('computes every optional part when asked', () => {
    const a = analyze(
      request('x^2 + 3y^2', {
        options: options({ start: [1, 1], optimizer: { name: 'gd', lr: 0.05 } }),
        sweep: { lrMin: 1e-3, lrMax: 1, count: 8 },
        compare: true,
        starts: [[2, 2], [-2], [0.5, -1]],
        steps: 3,
        landscape: true,
      }),
    );
    assert.equal(a.landscape.kind, 'grid');
    assert.equal(a.sweep?.points.length, 8);
    assert.ok(Math.abs(a.sweep!.criticalLearningRate! - 2 / 6) < 1e-6);
    assert.ok(
      a.regimes!.small.learningRate < a.regimes!.good.learningRate &&
        a.regimes!.good.learningRate < a.regimes!.large.learningRate,
    );
    assert.equal(a.regimes!.large.stopReason, 'diverged');
    assert.deepEqual(
      a.comparison?.map((r) => r.optimizer),
      OPTIMIZER_NAMES,
    );
    assert.equal(a.multistart?.runs.length, 3);
    assert.deepEqual(a.multistart?.runs[1]!.start, [-2, -2]);
    assert.equal(a.multistart?.minima.length, 1);
    assert.equal(a.steps?.length, 3);
    assert.deepEqual(a.steps![0]!.gradient, [2, 6]);
  });

  it("compares the user's run with the others at steps that do not just diverge", () => {
    // Rosenbrock at (-1.2, 1): λmax ≈ 1506, so the SGD default η = 0.1 (momentum 0.01) would blow up at once.
    const a = analyze(
      request('(1-x)^2 + 100(y-x^2)^2', {
        options: options({ start: [-1.2, 1], optimizer: { name: 'rmsprop', lr: 0.005 } }),
        compare: true,
      }),
    );
    const byName = new Map(a.comparison!.map((r) => [r.optimizer, r]));
    assert.equal(byName.get('rmsprop')!.learningRate, 0.005, "the user's own optimizer keeps the user's η");
    assert.equal(byName.get('adam')!.learningRate, 0.01, 'other adaptive optimizers keep their default');
    // Hessian at (-1.2, 1): [[1200x² − 400y + 2, −400x], [−400x, 200]] = [[1330, 480], [480, 200]].
    const lambdaMax = (1330 + 200 + Math.hypot(1330 - 200, 2 * 480)) / 2;
    for (const name of ['gd', 'momentum', 'nesterov'] as const) {
      const r = byName.get(name)!;
      assert.ok(
        Math.abs(r.learningRate - 1 / lambdaMax) < 1e-6,
        `${name}: η = ${r.learningRate}, 1/λmax = ${1 / lambdaMax}`,
      );
      assert.notEqual(r.stopReason, 'diverged', name);
      assert.ok(r.final.value < 24.2, `${name} went downhill: ${r.final.value}`);
    }
  });

  it('draws the comparison on contours that hold every compared path that stayed finite', () => {
    const rosenbrock = '(1-x)^2 + 100(y-x^2)^2';
    const start = {
      start: [-1.2, 1],
      optimizer: { name: 'gd' as const, lr: 0.001 },
      stop: { maxIterations: 200 },
    };
    const alone = analyze(request(rosenbrock, { options: options(start), landscape: true }));
    const compared = analyze(
      request(rosenbrock, { options: options(start), landscape: true, compare: true }),
    );
    assert.ok(alone.landscape.kind === 'grid' && compared.landscape.kind === 'grid');
    const { xRange, yRange } = compared.landscape;
    const outside = (compared.comparison ?? [])
      .filter((r) => r.stopReason !== 'diverged' && r.stopReason !== 'non-finite')
      .flatMap((r) =>
        r.trace.filter(
          (t) =>
            !(
              xRange[0] <= t.point[0] &&
              t.point[0] <= xRange[1] &&
              yRange[0] <= t.point[1] &&
              t.point[1] <= yRange[1]
            ),
        ),
      );
    assert.deepEqual(outside, [], 'no compared iterate falls off the contours');
    assert.ok(
      xRange[1] - xRange[0] > alone.landscape.xRange[1] - alone.landscape.xRange[0],
      "the window grew past the plain run's to hold the others",
    );
  });

  it('gives a curve for one variable and nothing to plot for three', () => {
    assert.equal(analyze(request('x^2', { landscape: true })).landscape.kind, 'curve');
    assert.equal(analyze(request('x^2 + y^2 + z^2', { landscape: true })).landscape.kind, 'none');
  });

  it('throws typed errors for bad formulas and options', () => {
    formulaError(() => analyze(request('x +* 2')), 'syntax');
    formulaError(() => analyze(request('')), 'empty');
    formulaError(() => analyze(request('x'.repeat(DEFAULT_LIMITS.maxFormulaLength + 1))), 'too-long');
    formulaError(() => analyze(request('x^2', { options: options({ start: [1, 2] }) })), 'bad-option');
    formulaError(
      () => analyze(request('x^2', { options: options({ optimizer: { name: 'gd', lr: -1 } }) })),
      'bad-option',
    );
    // Requests cross the worker boundary untyped: malformed starts are bad options, not internal errors.
    formulaError(() => analyze(request('x^2', { starts: [null] as unknown as number[][] })), 'bad-option');
    formulaError(() => analyze(request('x^2', { starts: 'abc' as unknown as number[][] })), 'bad-option');
  });

  it('clamps iterations to the limits it is given', () => {
    const a = analyze(
      request('x^2', {
        options: options({ optimizer: { name: 'gd', lr: 1e-6 }, stop: { maxIterations: 1e9 } }),
      }),
      { maxIterations: 500 },
    );
    assert.equal(a.run.iterations, 500);
    assert.equal(a.run.stopReason, 'max-iterations');
  });
});

describe('analyze time budget', () => {
  it('shares the budget among side runs so a big request ends within a few budgets', () => {
    // Momentum on a transcendental formula: 1e7 iterations take seconds, so only the budget can stop it.
    const crawl = options({
      start: [-1.2, 1],
      optimizer: { name: 'momentum', lr: 1e-9 },
      stop: { maxIterations: 1e7, gradientTolerance: 0, stepTolerance: 0, timeBudgetMs: 150 },
    });
    const heavy = '(1-x)^2 + 100(y-x^2)^2 + sin(x) * cos(y) * exp(-x^2 - y^2) * log(1 + x^2 + y^2)';
    const t0 = performance.now();
    const a = analyze(
      {
        formula: heavy,
        options: crawl,
        compare: true,
        starts: Array.from({ length: 40 }, (_, i) => [i / 10, 1]),
      },
      { maxIterations: 1e7 },
    );
    const elapsed = performance.now() - t0;
    assert.equal(a.run.stopReason, 'time-budget');
    assert.equal(a.multistart?.runs.length, 40);
    // Main run, comparison and multi-start each get about one budget (150 ms): far below 42 full budgets.
    assert.ok(elapsed < 4_000, `took ${elapsed} ms`);
  });
});

describe('quickRun (hovers)', () => {
  it('returns the run when the budget allows', () => {
    const r = quickRun('f(x) = 2x^2', options(), 1000);
    assert.ok(r);
    assert.equal(r.stopReason, 'gradient-tolerance');
    assert.ok(Math.abs(r.final.point[0]!) < 1e-6);
  });

  it('gives up with null when the budget is spent, within the budget plus slack', () => {
    // Warm the cache so the measured call is the run itself.
    quickRun('(1-x)^2 + 100(y-x^2)^2', options({ start: [-1.2, 1] }), 1000);
    const t0 = performance.now();
    const r = quickRun(
      '(1-x)^2 + 100(y-x^2)^2',
      options({
        start: [-1.2, 1],
        optimizer: { name: 'gd', lr: 1e-7 },
        stop: { maxIterations: 1e7, gradientTolerance: 0, stepTolerance: 0 },
      }),
      5,
      { maxIterations: 1e7 },
    );
    const elapsed = performance.now() - t0;
    assert.equal(r, null);
    assert.ok(elapsed < 100, `took ${elapsed} ms for a 5 ms budget`);
    assert.equal(quickRun('x^2', options(), 0), null);
  });

  it('throws the same typed error for bad text, also from the cache', () => {
    formulaError(() => quickRun('x +* 2', options(), 5), 'syntax');
    formulaError(() => quickRun('x +* 2', options(), 5), 'syntax');
    formulaError(() => quickRun('x'.repeat(DEFAULT_LIMITS.maxFormulaLength + 1), options(), 5), 'too-long');
  });
});
