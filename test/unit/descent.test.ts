import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { runDescent, startPoint } from '../../src/engine/descent';
import { parseFormula } from '../../src/engine/parse';
import {
  FormulaError,
  type OptimizerSettings,
  type Problem,
  type RunOptions,
  type RunResult,
  type StopSettings,
} from '../../src/engine/types';
import { problemOf } from './problemOf';

/** The same problem without its kernel, so runDescent takes the generic loop. */
function withoutKernel(problem: Problem): Problem {
  return { ...problem };
}

function run(
  problem: Problem,
  start: number[],
  optimizer: Partial<OptimizerSettings>,
  stop: Partial<StopSettings> = {},
  extra: Partial<RunOptions> = {},
): RunResult {
  return runDescent(problem, { start, optimizer, stop, maximize: false, traceLimit: 100, ...extra });
}

function assertNear(point: readonly number[], expected: readonly number[], tolerance: number): void {
  point.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= tolerance, `${point} vs ${expected}`));
}

const ROSENBROCK = '(1 - x)^2 + 100*(y - x^2)^2';
const HIMMELBLAU_MINIMA = [
  [3, 2],
  [-2.805118, 3.131312],
  [-3.77931, -3.283186],
  [3.584428, -1.848126],
];

describe('runDescent', () => {
  it('reproduces the seed: f(x) = 2x², x0 = 1, η = 0.1 gives 0.6 then 0.36', () => {
    const p = problemOf('2 * x^2', ['x']);
    for (const problem of [p, withoutKernel(p)]) {
      const r = run(problem, [1], { name: 'gd', lr: 0.1 }, { maxIterations: 2 }, { traceLimit: 'all' });
      assert.deepEqual(
        r.trace.map((t) => t.iteration),
        [0, 1, 2],
      );
      assert.ok(Math.abs(r.trace[1].point[0] - 0.6) < 1e-12);
      assert.ok(Math.abs(r.trace[2].point[0] - 0.36) < 1e-12);
      assert.equal(r.stopReason, 'max-iterations');
      assert.equal(r.iterations, 2);
    }
  });

  it('runs formulas as people select them, through parseFormula', () => {
    const seed = runDescent(compileFormula(parseFormula('$f(x) = 2x^{2}$')), {
      start: [1],
      optimizer: { name: 'gd', lr: 0.1 },
      stop: { maxIterations: 2 },
      maximize: false,
      traceLimit: 'all',
    });
    assert.deepEqual(
      seed.trace.map((t) => Math.round(t.point[0] * 1e12) / 1e12),
      [1, 0.6, 0.36],
    );
    const python = run(
      compileFormula(parseFormula('(x - 2)**2 + np.sin(y)')),
      [0, 0],
      { lr: 0.1 },
      { maxIterations: 10_000 },
    );
    assertNear(python.final.point, [2, -Math.PI / 2], 1e-5);
  });

  it('reaches the known minima of textbook functions', () => {
    const tight = { maxIterations: 200_000, gradientTolerance: 1e-8 };
    const cases: [string, string[], number[], Partial<OptimizerSettings>, number[][]][] = [
      [ROSENBROCK, ['x', 'y'], [-1.2, 1], { name: 'gd', lr: 0.001 }, [[1, 1]]],
      [ROSENBROCK, ['x', 'y'], [-1.2, 1], { name: 'adam', lr: 0.01 }, [[1, 1]]],
      [ROSENBROCK, ['x', 'y'], [-1.2, 1], { name: 'nesterov', lr: 0.0005 }, [[1, 1]]],
      ['(x^2 + y - 11)^2 + (x + y^2 - 7)^2', ['x', 'y'], [0, 0], { name: 'gd', lr: 0.01 }, HIMMELBLAU_MINIMA],
      [
        '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
        ['x', 'y'],
        [-1, -1],
        { name: 'momentum', lr: 0.001 },
        HIMMELBLAU_MINIMA,
      ],
      ['(x + 2y - 7)^2 + (2x + y - 5)^2', ['x', 'y'], [0, 0], { name: 'rmsprop', lr: 0.01 }, [[1, 3]]],
      [
        '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
        ['x', 'y'],
        [1, 1],
        { name: 'adam', lr: 0.01 },
        [[3, 0.5]],
      ],
      ['x^2 + y^2 + z^2', ['x', 'y', 'z'], [1, -2, 3], { name: 'adagrad', lr: 0.5 }, [[0, 0, 0]]],
      [
        'x^2 + y^2 + z^2',
        ['x', 'y', 'z'],
        [1, -2, 3],
        { name: 'gd', lr: 0.7, lineSearch: true },
        [[0, 0, 0]],
      ],
    ];
    for (const [text, variables, start, optimizer, minima] of cases) {
      const r = run(problemOf(text, variables), start, optimizer, tight);
      assert.equal(r.stopReason, 'gradient-tolerance', `${optimizer.name} on ${text}: ${r.stopReason}`);
      assert.ok(
        minima.some((m) => m.every((v, i) => Math.abs(r.final.point[i] - v) < 1e-4)),
        `${optimizer.name} on ${text} ended at ${r.final.point}`,
      );
      assert.equal(r.stationary, 'minimum');
    }
  });

  it('reports each stop reason, in the fused and the generic loop alike', () => {
    const bowl = problemOf('2 * x^2 + y^2', ['x', 'y']);
    const cases: [Partial<OptimizerSettings>, Partial<StopSettings>, string, Problem?, number[]?][] = [
      [{ lr: 0.1 }, {}, 'gradient-tolerance'],
      [{ lr: 0.1 }, { gradientTolerance: 0, stepTolerance: 0.01 }, 'step-tolerance'],
      [{ lr: 0.1 }, { gradientTolerance: 0, valueTolerance: 1e-3 }, 'value-tolerance'],
      [{ lr: 0.01 }, { maxIterations: 10 }, 'max-iterations'],
      [
        { lr: 1e-9 },
        { maxIterations: 1e12, gradientTolerance: 0, stepTolerance: 0, timeBudgetMs: 1 },
        'time-budget',
      ],
      [{ lr: 0.6 }, {}, 'diverged'],
      [{ lr: 0.6 }, {}, 'non-finite', problemOf('sqrt(x) + y^2', ['x', 'y']), [1, 1]],
      [{ lr: 0.1 }, {}, 'non-finite', problemOf('log(x) + y', ['x', 'y']), [-1, 1]],
    ];
    for (const [optimizer, stop, reason, problem, start] of cases) {
      for (const p of [problem ?? bowl, withoutKernel(problem ?? bowl)]) {
        for (const name of ['gd', 'momentum'] as const) {
          if (reason === 'diverged' && name === 'momentum') continue; // heavy ball is stable at this η
          const heavy = name === 'momentum' ? { momentum: 0.5 } : {};
          const r = run(p, start ?? [1, 1], { ...optimizer, name, ...heavy }, stop);
          assert.equal(r.stopReason, reason, `${name} ${JSON.stringify(stop)} ${r.iterations}`);
        }
      }
    }
  });

  it('stops at once when the start is already stationary or not finite', () => {
    const r = run(problemOf('x^2', ['x']), [0], { lr: 0.1 });
    assert.deepEqual([r.iterations, r.stopReason, r.trace.length], [0, 'gradient-tolerance', 1]);
    assert.equal(run(problemOf('log(x)', ['x']), [-2], { lr: 0.1 }).stopReason, 'non-finite');
  });

  it('takes abs′ as sign, as torch does: a descent that lands on the kink of |x| has reached its minimum', () => {
    // 1 − 4·0.25 is exactly 0, where mathjs's abs(x)/x would be 0/0.
    for (const p of [problemOf('abs(x)', ['x']), withoutKernel(problemOf('abs(x)', ['x']))]) {
      const r = run(p, [1], { lr: 0.25 });
      assert.deepEqual(
        [r.iterations, r.stopReason, r.final.point, r.final.gradientNorm, r.stationary],
        [4, 'gradient-tolerance', [0], 0, 'minimum'],
      );
    }
    const valley = problemOf('abs(x - 1) + 2*abs(y)', ['x', 'y']);
    const gradient = new Float64Array(2);
    valley.valueAndGradient(Float64Array.of(1, 0), gradient);
    assert.deepEqual(Array.from(gradient), [0, 0]);
    valley.valueAndGradient(Float64Array.of(0, -3), gradient);
    assert.deepEqual(Array.from(gradient), [-1, -2]);
  });

  it('tells a divergence the way descent goes (no minimum that way) from one a large step causes', () => {
    const saddle = problemOf('x^2 - y^2', ['x', 'y']);
    const bowl = problemOf('x^2', ['x']);
    for (const p of [saddle, withoutKernel(saddle)]) {
      const r = run(p, [1, 1], { name: 'gd', lr: 0.1 }, { maxIterations: 5000 });
      assert.equal(r.stopReason, 'diverged');
      assert.ok(r.final.value < 0);
      assert.equal(r.unbounded, 'below', 'f fell without bound while minimizing');
    }
    const overshoot = run(bowl, [1], { name: 'gd', lr: 1.5 }, { maxIterations: 5000 });
    assert.equal(overshoot.stopReason, 'diverged');
    assert.equal(overshoot.unbounded, undefined, 'η above 2/λmax: f grew while minimizing');
    const climb = run(bowl, [1], { name: 'adam', lr: 0.5 }, { maxIterations: 100_000 }, { maximize: true });
    assert.equal(climb.stopReason, 'diverged');
    assert.equal(climb.unbounded, 'above', 'f rose without bound while maximizing');
    assert.equal(
      run(bowl, [1], { name: 'gd', lr: 0.1 }).unbounded,
      undefined,
      'a converged run is not unbounded',
    );
  });

  it('fused and generic loops give identical results', () => {
    const p = problemOf(ROSENBROCK, ['x', 'y']);
    const settings: [Partial<OptimizerSettings>, Partial<StopSettings>, boolean][] = [
      [{ lr: 0.001 }, { maxIterations: 5000, gradientTolerance: 0 }, false],
      [{ lr: 0.001 }, { maxIterations: 100_000 }, false],
      [{ lr: 0.01 }, {}, false],
      [{ lr: 0.001 }, { gradientTolerance: 0, stepTolerance: 1e-5 }, false],
      [{ lr: 0.001 }, { valueTolerance: 1e-9, timeBudgetMs: 0 }, false],
      [{ lr: 0.001 }, { maxIterations: 3000 }, true],
    ];
    for (const [optimizer, stop, maximize] of settings) {
      const fused = runDescent(p, { start: [-1.2, 1], optimizer, stop, maximize, traceLimit: 37 });
      const generic = runDescent(withoutKernel(p), {
        start: [-1.2, 1],
        optimizer,
        stop,
        maximize,
        traceLimit: 37,
      });
      assert.deepEqual({ ...fused, elapsedMs: 0 }, { ...generic, elapsedMs: 0 });
    }
  });

  it('maximizes (gradient ascent) with every optimizer', () => {
    const p = problemOf('-(x - 1)^2 - 2*(y + 0.5)^2 + 3', ['x', 'y']);
    for (const name of ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const) {
      const r = runDescent(p, {
        start: [0, 0],
        optimizer: { name, lr: 0.05 },
        stop: { maxIterations: 20_000 },
        maximize: true,
        traceLimit: 10,
      });
      assertNear(r.final.point, [1, -0.5], 1e-4);
      assert.ok(Math.abs(r.final.value - 3) < 1e-8, name);
      assert.equal(r.stationary, 'maximum', name);
    }
  });

  it('keeps at most the limit of real iterates, the first and the last among them', () => {
    const p = problemOf('2 * x^2', ['x']);
    const full = run(
      p,
      [1],
      { lr: 0.001 },
      { maxIterations: 1000, gradientTolerance: 0 },
      { traceLimit: 'all' },
    );
    assert.equal(full.trace.length, 1001);
    for (const limit of [2, 10, 64]) {
      const r = run(
        p,
        [1],
        { lr: 0.001 },
        { maxIterations: 1000, gradientTolerance: 0 },
        { traceLimit: limit },
      );
      assert.ok(r.trace.length <= limit && r.trace.length >= 2, `${r.trace.length} points for ${limit}`);
      assert.equal(r.trace[0].iteration, 0);
      assert.equal(r.trace[r.trace.length - 1].iteration, 1000);
      assert.deepEqual(r.trace[r.trace.length - 1].point, r.final.point);
      for (const t of r.trace) assert.deepEqual(t, full.trace[t.iteration]);
    }
  });

  it('reports the result fields', () => {
    const r = run(problemOf('(w - 3)^2 + b^2', ['w', 'b']), [0, 1], { name: 'adam' }, { maxIterations: 5 });
    assert.deepEqual(r.variables, ['w', 'b']);
    assert.equal(r.optimizer, 'adam');
    assert.equal(r.learningRate, 0.01);
    assert.equal(r.gradientMethod, 'symbolic');
    assert.equal(r.stationary, 'not-stationary');
    assert.ok(r.elapsedMs >= 0);
    assert.equal(
      run(problemOf('huberSlope(y, 1) + x^2', ['x', 'y']), [1, 0.5], {}, { maxIterations: 3 }).gradientMethod,
      'numeric',
    );
  });

  it('completes a short start and rejects a bad one', () => {
    assert.deepEqual(Array.from(startPoint([2], 3)), [2, 2, 2]);
    assert.deepEqual(Array.from(startPoint([], 2)), [1, 1]);
    assert.throws(() => startPoint([1, 2, 3], 2), FormulaError);
    assert.throws(() => startPoint([Number.NaN], 1), FormulaError);
  });

  it('cuts a default start to the formula when asked to fit it', () => {
    assert.deepEqual(Array.from(startPoint([2, -1, 5], 2, true)), [2, -1]);
    const r = run(
      problemOf('2 * x^2', ['x']),
      [1, 7],
      { name: 'gd', lr: 0.1 },
      { maxIterations: 1 },
      { fitStart: true },
    );
    assert.deepEqual(r.trace[0]?.point, [1]);
  });
});
