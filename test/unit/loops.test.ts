// The iteration loops (the generic one and the fused generated one) against a reference: plain
// gradient descent on a separable quadratic Σ aᵢ(xᵢ − cᵢ)² + d, written out here in a few lines of
// arithmetic, with the stop tests as the contract states them (gradient absolute, step and value
// relative to max(1, ‖x‖) and max(1, |f|), divergence past 1e8·max(1, |f₀|)). Minima sit away
// from 0 and at f ≠ 0, so a test computed with the wrong sign or scale stops somewhere else.
import { strict as assert } from 'node:assert';
import { runDescent } from '../../src/engine/descent';
import type { Problem, RunOptions, RunResult, StopReason, StopSettings } from '../../src/engine/types';
import { problemOf } from './problemOf';

interface Quadratic {
  readonly a: readonly number[];
  readonly c: readonly number[];
  readonly d: number;
}

function quadraticProblem(q: Quadratic): Problem {
  const names = q.a.map((_, i) => `x${i}`);
  const text = `${q.a.map((a, i) => `${a} * (x${i} - ${q.c[i]})^2`).join(' + ')} + ${q.d}`;
  return problemOf(text, names);
}

/** The reference run: iterations and stop reason of gd with these stop tests. */
function reference(
  q: Quadratic,
  start: readonly number[],
  lr: number,
  stop: StopSettings,
): { iterations: number; reason: StopReason; x: number[] } {
  const f = (x: readonly number[]): number => x.reduce((s, v, i) => s + q.a[i] * (v - q.c[i]) ** 2, 0) + q.d;
  const grad = (x: readonly number[]): number[] => x.map((v, i) => 2 * q.a[i] * (v - q.c[i]));
  const length = (v: readonly number[]): number => Math.hypot(...v);
  let x = [...start];
  const limit = 1e8 * Math.max(1, Math.abs(f(x)));
  if (length(grad(x)) < stop.gradientTolerance) return { iterations: 0, reason: 'gradient-tolerance', x };
  for (let k = 1; k <= stop.maxIterations; k++) {
    const before = f(x);
    const next = x.map((v, i) => v - lr * grad(x)[i]);
    const step = length(next.map((v, i) => v - x[i]));
    x = next;
    const value = f(x);
    if (Math.abs(value) > limit) return { iterations: k, reason: 'diverged', x };
    if (length(grad(x)) < stop.gradientTolerance) return { iterations: k, reason: 'gradient-tolerance', x };
    if (step < stop.stepTolerance * Math.max(1, length(x))) {
      return { iterations: k, reason: 'step-tolerance', x };
    }
    if (Math.abs(value - before) < stop.valueTolerance * Math.max(1, Math.abs(value))) {
      return { iterations: k, reason: 'value-tolerance', x };
    }
  }
  return { iterations: stop.maxIterations, reason: 'max-iterations', x };
}

/** The same problem without its kernel: runDescent takes the generic loop. */
const generic = (problem: Problem): Problem => ({ ...problem });

function run(
  problem: Problem,
  start: number[],
  lr: number,
  stop: Partial<StopSettings>,
  extra: Partial<RunOptions> = {},
): RunResult {
  return runDescent(problem, {
    start,
    optimizer: { name: 'gd', lr },
    stop,
    maximize: false,
    traceLimit: 20,
    ...extra,
  });
}

const NONE: StopSettings = {
  maxIterations: 500,
  gradientTolerance: 0,
  stepTolerance: 0,
  valueTolerance: 0,
  timeBudgetMs: 0,
};

describe('loops: the stop tests against a reference run', () => {
  const cases: [string, Quadratic, number[], number, Partial<StopSettings>][] = [
    [
      'gradient, minimum at (3, −2), f = 5',
      { a: [1, 2], c: [3, -2], d: 5 },
      [0, 0],
      0.1,
      { gradientTolerance: 1e-6 },
    ],
    ['step, relative: minimum at 1000', { a: [1], c: [1000], d: 0 }, [990], 0.1, { stepTolerance: 1e-7 }],
    ['step at f = 5 near (3, −2)', { a: [1, 2], c: [3, -2], d: 5 }, [0, 0], 0.1, { stepTolerance: 1e-6 }],
    ['value, relative: f → 1e6', { a: [1], c: [3], d: 1e6 }, [0], 0.1, { valueTolerance: 1e-12 }],
    ['value at f = 5', { a: [1, 2], c: [3, -2], d: 5 }, [0, 0], 0.1, { valueTolerance: 1e-9 }],
    ['value at f = −40', { a: [0.5], c: [-7], d: -40 }, [2], 0.3, { valueTolerance: 1e-10 }],
    ['diverges past 1e8·|f₀|: from 1000, at iteration 51', { a: [1], c: [0], d: 0 }, [1000], 1.1, {}],
    ['diverges past 1e8 when |f₀| < 1', { a: [1], c: [0], d: 0 }, [0.5], 1.1, {}],
    ['runs out of iterations', { a: [1], c: [3], d: 2 }, [0], 0.001, { maxIterations: 300 }],
  ];
  for (const [label, q, start, lr, stop] of cases) {
    it(label, () => {
      const want = reference(q, start, lr, { ...NONE, ...stop });
      const problem = quadraticProblem(q);
      for (const p of [problem, generic(problem)]) {
        const got = run(p, start, lr, { ...NONE, ...stop });
        assert.deepEqual([got.stopReason, got.iterations], [want.reason, want.iterations], label);
        got.final.point.forEach((v, i) =>
          assert.ok(Math.abs(v - want.x[i]) <= 1e-9 * Math.max(1, Math.abs(want.x[i]))),
        );
      }
    });
  }

  it('stops on the divergence of the start in the right iteration (1000·(−1.2)^k passes 1e14 at k = 51)', () => {
    const got = run(quadraticProblem({ a: [1], c: [0], d: 0 }), [1000], 1.1, NONE);
    assert.deepEqual([got.stopReason, got.iterations], ['diverged', 51]);
  });

  it('takes a start whose gradient equals the tolerance as not yet converged', () => {
    // x² at 0.5: ‖∇f‖ = 1, the test is ‖∇f‖ < tolerance.
    const got = run(problemOf('x^2', ['x']), [0.5], 0.1, { ...NONE, gradientTolerance: 1 });
    assert.ok(got.iterations >= 1);
  });
});

describe('loops: what is not finite', () => {
  const cases: [string, string[], number[], number, number][] = [
    ['only f (log at −2)', ['x'], [1], 3, 1],
    ['only ∇f (√x lands on 0)', ['x'], [0.25], 0.25, 1],
    ['only x (atan(1e300 x) steps to −∞)', ['x'], [0], 1e10, 1],
  ];
  const texts = ['log(x)', 'sqrt(x)', 'atan(1e300 * x)'];
  cases.forEach(([label, variables, start, lr, iterations], k) => {
    it(`stops as non-finite when ${label}`, () => {
      const problem = problemOf(texts[k], variables);
      for (const p of [problem, generic(problem)]) {
        const got = run(p, start, lr, NONE);
        assert.deepEqual([got.stopReason, got.iterations], ['non-finite', iterations], label);
      }
    });
  });

  it('stops before any iteration when the start is not finite', () => {
    for (const [text, start] of [
      ['log(x)', -2],
      ['sqrt(x)', 0],
    ] as const) {
      const got = run(problemOf(text, ['x']), [start], 0.1, NONE);
      assert.deepEqual([got.stopReason, got.iterations], ['non-finite', 0], text);
    }
  });
});

describe('loops: the trace and the clock', () => {
  const rosenbrock = problemOf('(1 - x)^2 + 100 * (y - x^2)^2', ['x', 'y']);

  it('keeps the extremes of every coordinate, f and ‖∇f‖ in a trace of 12 points of 6,000 iterates', () => {
    const options = { stop: { ...NONE, maxIterations: 6000 } };
    for (const p of [rosenbrock, generic(rosenbrock)]) {
      const full = run(p, [-1.2, 1], 0.001, options.stop, { traceLimit: 'all' }).trace;
      const kept = run(p, [-1.2, 1], 0.001, options.stop, { traceLimit: 12 }).trace;
      assert.ok(kept.length <= 12);
      const channels = [
        (t: (typeof full)[0]) => t.point[0],
        (t: (typeof full)[0]) => t.point[1],
        (t: (typeof full)[0]) => t.value,
        (t: (typeof full)[0]) => t.gradientNorm,
      ];
      for (const channel of channels) {
        const values = full.map(channel);
        const keptValues = kept.map(channel);
        assert.ok(keptValues.includes(Math.min(...values)), 'the smallest is kept');
        assert.ok(keptValues.includes(Math.max(...values)), 'the largest is kept');
      }
      for (const t of kept) assert.deepEqual(t, full[t.iteration], 'every kept point is a real iterate');
      const iterations = kept.map((t) => t.iteration);
      assert.deepEqual(
        iterations,
        [...new Set(iterations)].sort((a, b) => a - b),
        'in order, none twice',
      );
    }
  });

  it("keeps an extreme reached mid-run: x's lowest at iteration 201 and y's highest at 134, in a trace of 12", () => {
    // √(1 + x²) + √(1 + y²) at η = 1.5: far out each coordinate moves ≈ 1.5 a step toward 0, then
    // overshoots it and settles with factor 1 − 1.5 = −0.5. So x (from 300) is lowest just after it
    // crosses 0 and y (from −200) highest, both long after the head (iterations 0–2) and far from the ends.
    const problem = problemOf('sqrt(1 + x^2) + sqrt(1 + y^2)', ['x', 'y']);
    let x = [300, -200];
    const path = [x];
    for (let k = 0; k < 600; k++) {
      x = x.map((v) => v - (1.5 * v) / Math.sqrt(1 + v * v));
      path.push(x);
    }
    const lowest = path.reduce((best, p, k) => (p[0]! < path[best]![0]! ? k : best), 0);
    const highest = path.reduce((best, p, k) => (p[1]! > path[best]![1]! ? k : best), 0);
    assert.deepEqual([lowest, highest], [201, 134], 'the reference run');
    for (const p of [problem, generic(problem)]) {
      const kept = run(p, [300, -200], 1.5, { ...NONE, maxIterations: 600 }, { traceLimit: 12 }).trace;
      assert.ok(kept.length <= 12);
      for (const [k, i] of [
        [lowest, 0],
        [highest, 1],
      ] as const) {
        const t = kept.find((q) => q.iteration === k);
        assert.ok(t !== undefined, `iteration ${k} is kept`);
        assert.ok(Math.abs(t.point[i]! - path[k]![i]!) < 1e-9);
      }
    }
  });

  it('records every iterate of a 1-variable run of 12,000, past the raw chunk of 5,461 iterates, twice', () => {
    // (x − 3)² from 1 at η = 1e-4: x_k = 3 − 2·0.9998^k, f_k = 4·0.9998^(2k), ‖∇f‖_k = 4·0.9998^k. A row
    // is x, f, ‖∇f‖: the chunk of 2^14 numbers holds 5,461 rows. A neighbour differs by 4e-4·0.9998^k > 3e-5.
    const problem = problemOf('(x - 3)^2', ['x']);
    for (const p of [problem, generic(problem)]) {
      const trace = run(p, [1], 1e-4, { ...NONE, maxIterations: 12_000 }, { traceLimit: 'all' }).trace;
      assert.equal(trace.length, 12_001);
      trace.forEach((t, k) => {
        const r = 0.9998 ** k;
        assert.equal(t.iteration, k);
        assert.ok(Math.abs(t.point[0]! - (3 - 2 * r)) < 1e-9, `x at ${k}`);
        assert.ok(Math.abs(t.value - 4 * r * r) < 1e-9, `f at ${k}`);
        assert.ok(Math.abs(t.gradientNorm - 4 * r) < 1e-9, `‖∇f‖ at ${k}`);
      });
    }
  });

  it('keeps exactly the start and the end in a trace of 2', () => {
    for (const p of [rosenbrock, generic(rosenbrock)]) {
      const got = run(p, [-1.2, 1], 0.001, { ...NONE, maxIterations: 777 }, { traceLimit: 2 });
      assert.deepEqual(
        got.trace.map((t) => t.iteration),
        [0, 777],
      );
      assert.deepEqual(got.trace[1]?.point, got.final.point);
    }
  });

  it('stops on the time budget, recording or not, and never without one', () => {
    const endless = { ...NONE, maxIterations: 1e12, timeBudgetMs: 1 };
    for (const p of [rosenbrock, generic(rosenbrock)]) {
      for (const traceLimit of [2, 50]) {
        const got = run(p, [-1.2, 1], 1e-9, endless, { traceLimit });
        assert.equal(got.stopReason, 'time-budget');
        assert.equal(got.iterations % 256, 0, 'the clock is read once per 256 iterations');
      }
      const unbudgeted = run(p, [-1.2, 1], 1e-9, { ...NONE, maxIterations: 3000, timeBudgetMs: 0 });
      assert.deepEqual([unbudgeted.stopReason, unbudgeted.iterations], ['max-iterations', 3000]);
      assert.ok(!('budgetCut' in unbudgeted));
      assert.equal(unbudgeted.stationary, 'not-stationary');
    }
  });

  it('runs plain gd on a compiled formula of up to 16 variables as one generated loop that calls nothing per iteration', () => {
    const count = (problem: Problem, name: 'gd' | 'momentum', iterations: number): number => {
      let calls = 0;
      const original = problem.valueAndGradient;
      problem.valueAndGradient = (x, out) => {
        calls += 1;
        return original(x, out);
      };
      runDescent(problem, {
        start: [0.5],
        optimizer: { name },
        stop: { ...NONE, maxIterations: iterations },
        maximize: false,
        traceLimit: 2,
      });
      problem.valueAndGradient = original;
      return calls;
    };
    const wide = (n: number) =>
      problemOf(
        Array.from({ length: n }, (_, i) => `(x${i} - 1)^2`).join(' + '),
        Array.from({ length: n }, (_, i) => `x${i}`),
      );
    // Beyond the start and the classification of the end (a few dozen gradients), nothing.
    assert.ok(count(wide(16), 'gd', 5000) < 5000 / 10);
    assert.ok(count(wide(17), 'gd', 5000) > 5000);
    assert.ok(count(wide(2), 'momentum', 5000) > 5000);
  });
});
