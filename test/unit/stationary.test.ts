import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EIGENVALUE_MAX_DIMENSION, extremeCurvatures } from '../../src/engine/curvature';
import { runDescent } from '../../src/engine/descent';
import {
  hessianAt,
  hessianEigenvalues,
  symmetricEigen,
  symmetricEigenvalues,
} from '../../src/engine/hessian';
import { lanczos } from '../../src/engine/lanczos';
import { classifyEigenvalues, classifyStationary, kindOfExtremes } from '../../src/engine/stationary';
import type { Problem, RunOptions } from '../../src/engine/types';
import { problemOf } from './problemOf';

/** det(A − λI) of a 3×3 row-major matrix. */
function characteristic(a: readonly number[], lambda: number): number {
  const m = [a[0] - lambda, a[1], a[2], a[3], a[4] - lambda, a[5], a[6], a[7], a[8] - lambda];
  return (
    m[0] * (m[4] * m[8] - m[5] * m[7]) -
    m[1] * (m[3] * m[8] - m[5] * m[6]) +
    m[2] * (m[3] * m[7] - m[4] * m[6])
  );
}

/** A symmetric n×n matrix from fast-check entries. */
function symmetric(n: number, entries: readonly number[]): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = entries[(i * (i + 1)) / 2 + j];
  }
  return m;
}

const run = (problem: Problem, options: Partial<RunOptions>) =>
  runDescent(problem, {
    start: [1],
    optimizer: { lr: 0.1 },
    stop: {},
    maximize: false,
    traceLimit: 10,
    ...options,
  });

describe('Hessian and eigenvalues', () => {
  it('differentiates the gradient: Rosenbrock at (1, 1) is [[802, −400], [−400, 200]]', () => {
    const h = hessianAt(problemOf('(1 - x)^2 + 100*(y - x^2)^2', ['x', 'y']), [1, 1]);
    [802, -400, -400, 200].forEach((v, i) =>
      assert.ok(Math.abs(h[i] - v) < 1e-5 * Math.abs(v), `${h[i]} vs ${v}`),
    );
    const [small, large] = hessianEigenvalues(problemOf('(1 - x)^2 + 100*(y - x^2)^2', ['x', 'y']), [1, 1]);
    // Eigenvalues of [[802, −400], [−400, 200]]: 501 ∓ √(301² + 400²).
    assert.ok(Math.abs(small - (501 - Math.hypot(301, 400))) < 1e-5);
    assert.ok(Math.abs(large - (501 + Math.hypot(301, 400))) < 1e-3);
  });

  it('finds eigenvalues and unit eigenvectors of symmetric matrices (Jacobi)', () => {
    assert.deepEqual(
      symmetricEigenvalues([2, 1, 1, 2], 2).map((v) => Math.round(v * 1e12) / 1e12),
      [1, 3],
    );
    const entry = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(entry, entry, entry, entry, entry, entry), ([a, b, c, d, e, f]) => {
        const m = [a, b, c, b, d, e, c, e, f];
        const { values, vectors } = symmetricEigen(m, 3);
        const frobenius = m.reduce((s, v) => s + v * v, 0);
        const scale = Math.max(1, Math.sqrt(frobenius));
        assert.ok(Math.abs(values.reduce((s, v) => s + v, 0) - (a + d + f)) < 1e-9 * scale);
        assert.ok(Math.abs(values.reduce((s, v) => s + v * v, 0) - frobenius) < 1e-9 * scale * scale);
        for (const lambda of values) assert.ok(Math.abs(characteristic(m, lambda)) < 1e-8 * scale ** 3);
        assert.deepEqual(
          values,
          [...values].sort((u, v) => u - v),
        );
        vectors.forEach((v, k) => {
          // A v = λ v, |v| = 1.
          for (let i = 0; i < 3; i++) {
            const row = m[i * 3] * v[0] + m[i * 3 + 1] * v[1] + m[i * 3 + 2] * v[2];
            assert.ok(Math.abs(row - values[k] * v[i]) < 1e-8 * scale);
          }
          assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-12);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('Lanczos finds the extreme eigenvalues of random symmetric matrices, and stops at a deadline', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 45, maxLength: 45 }),
        (n, entries) => {
          const m = symmetric(n, entries);
          const apply = (v: Float64Array, out: Float64Array): void => {
            for (let i = 0; i < n; i++) {
              out[i] = m.subarray(i * n, (i + 1) * n).reduce((s, a, j) => s + a * v[j], 0);
            }
          };
          const start = Float64Array.from({ length: n }, (_, i) => 1 + Math.sin(i + 1));
          const ritz = lanczos(apply, start, n, Infinity);
          const exact = symmetricEigenvalues(m, n);
          const scale = Math.max(1, ...exact.map(Math.abs));
          assert.ok(ritz !== undefined);
          // Ritz values lie within the spectrum; a full run reaches its ends (unless the start misses an eigenvector).
          assert.ok(ritz.values[0] >= exact[0] - 1e-9 * scale);
          assert.ok(ritz.values[ritz.values.length - 1] <= exact[n - 1] + 1e-9 * scale);
        },
      ),
      { numRuns: 300 },
    );
    const identity = (v: Float64Array, out: Float64Array): void => out.set(v);
    assert.equal(lanczos(identity, Float64Array.of(1, 2), 2, -Infinity), undefined);
    assert.deepEqual(lanczos(identity, Float64Array.of(3, 4), 2, Infinity)?.values, [1]);
    assert.deepEqual(
      lanczos(identity, Float64Array.of(3, 4), 2, Infinity)?.startComponents.map(Math.abs),
      [5],
    );
  });
});

describe('Stationary points, on the function’s own scale', () => {
  it('applies the second-derivative test to the extreme eigenvalues', () => {
    assert.equal(kindOfExtremes(1, 2, 0.1), 'minimum');
    assert.equal(kindOfExtremes(-2, -1, 0.1), 'maximum');
    assert.equal(kindOfExtremes(-1, 1, 0.1), 'saddle');
    assert.equal(kindOfExtremes(0.05, 1, 0.1), 'degenerate');
    assert.equal(kindOfExtremes(-1, -0.1, 0.1), 'degenerate');
    assert.equal(kindOfExtremes(0, 0, 0), 'degenerate');
    // An extreme of exactly ±zero is zero: no saddle without a curvature beyond it on both sides.
    assert.equal(kindOfExtremes(-1, 0.1, 0.1), 'degenerate');
    assert.equal(kindOfExtremes(-0.1, 1, 0.1), 'degenerate');
    assert.equal(classifyEigenvalues([-3, 0, 2]), 'saddle');
    assert.equal(classifyEigenvalues([1e-9, 2]), 'degenerate');
    // "Zero" is relative to the largest curvature, so a small function's curvature is not zero.
    assert.equal(classifyEigenvalues([2e-6, 3e-6]), 'minimum');
  });

  it('classifies minimum, maximum, saddle and degenerate points', () => {
    const cases: [string, string[], string][] = [
      ['x^2 + y^2', ['x', 'y'], 'minimum'],
      ['-(x^2 + y^2)', ['x', 'y'], 'maximum'],
      ['x^2 - y^2', ['x', 'y'], 'saddle'],
      ['x^4', ['x'], 'degenerate'],
      ['x^3', ['x'], 'degenerate'],
      ['x^4 + y^2', ['x', 'y'], 'degenerate'],
      ['(x + y)^2', ['x', 'y'], 'degenerate'],
      ['x^2 + 1000 y^2', ['x', 'y'], 'minimum'],
      ['1e-6 * (x^2 + y^2)', ['x', 'y'], 'minimum'],
      ['1e6 * (x^2 - y^2) + 5', ['x', 'y'], 'saddle'],
    ];
    for (const [text, variables, kind] of cases) {
      assert.equal(
        classifyStationary(
          problemOf(text, variables),
          variables.map(() => 0),
        ),
        kind,
        text,
      );
    }
  });

  it('judges stationarity by the Newton step, not by an absolute gradient size', () => {
    const tiny = problemOf('1e-6 * (x^2 + y^2)', ['x', 'y']);
    assert.equal(classifyStationary(tiny, [1e-4, -1e-4]), 'minimum', 'near its minimum');
    assert.equal(classifyStationary(tiny, [1, 1]), 'not-stationary', 'far from it, though ‖∇f‖ < 1e-5');
    const steep = problemOf('1e6 * (x - 3)^2', ['x']);
    assert.equal(classifyStationary(steep, [3 + 1e-5]), 'minimum', '‖∇f‖ = 20, yet the minimum is 1e-5 away');
    assert.equal(classifyStationary(problemOf('x^2', ['x']), [1]), 'not-stationary');
    // The Newton step from 0.001 is exactly STATIONARY_STEP long: still stationary; a hair further, not.
    assert.equal(classifyStationary(problemOf('x^2', ['x']), [0.001]), 'minimum');
    assert.equal(classifyStationary(problemOf('x^2', ['x']), [0.0010000001]), 'not-stationary');
    // The step is judged against the point's own size: 0.5 from a minimum at 1000 is near it.
    const far = problemOf('(x - 1000)^2', ['x']);
    assert.equal(classifyStationary(far, [1000.5]), 'minimum');
    assert.equal(classifyStationary(far, [1002]), 'not-stationary');
    assert.equal(
      classifyStationary(problemOf('exp(-x)', ['x']), [30]),
      'not-stationary',
      'no minimum to reach',
    );
    assert.equal(
      classifyStationary(problemOf('x', ['x']), [0]),
      'not-stationary',
      'a slope and no curvature',
    );
    assert.equal(classifyStationary(problemOf('x^2 + y', ['x', 'y']), [0, 0]), 'not-stationary');
    assert.equal(classifyStationary(problemOf('log(x)', ['x']), [-1]), 'not-stationary', 'f is not finite');
    assert.equal(classifyStationary(problemOf('sqrt(x)', ['x']), [-1]), 'not-stationary', '∇f is not finite');
    assert.equal(classifyStationary(problemOf('x^2', ['x']), [Number.NaN]), 'not-stationary');
    assert.equal(classifyStationary(problemOf('x^2 + y^2', ['x', 'y']), [0, Infinity]), 'not-stationary');
    // A slope of 1e-9 along a flat direction, next to a curvature of 2: flat for all purposes.
    assert.equal(classifyStationary(problemOf('x^2 + 1e-9 * y', ['x', 'y']), [0, 0]), 'degenerate');
    assert.equal(classifyStationary(problemOf('x^2 + 1e-2 * y', ['x', 'y']), [0, 0]), 'not-stationary');
  });

  it('reads a kink by the slopes on its two sides, not by a curvature of 1/step', () => {
    const kinks: [string, string[], number[], string][] = [
      ['abs(x)', ['x'], [0], 'minimum'],
      // The kink test scales with the point: far from 0 the differences' step is larger.
      ['abs(x - 1000)', ['x'], [1000], 'minimum'],
      ['-abs(x)', ['x'], [0], 'maximum'],
      ['abs(x) - abs(y)', ['x', 'y'], [0, 0], 'saddle'],
      ['abs(x) + y^2', ['x', 'y'], [0, 0], 'minimum'],
      ['abs(x)', ['x'], [1e-5], 'not-stationary'],
      ['abs(x) + 3x', ['x'], [0], 'not-stationary'],
      ['min(x, y)', ['x', 'y'], [-49, -49], 'not-stationary'],
      ['max(x, 0)', ['x'], [-1], 'degenerate'],
    ];
    for (const [text, variables, point, kind] of kinks) {
      assert.equal(classifyStationary(problemOf(text, variables), point), kind, `${text} at ${point}`);
    }
  });

  it('gives every scaling of a function the same label', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8, max: 8 }),
        fc.constantFrom('x^2 + 3*y^2', 'x^2 - y^2', '-(x^2 + x*y + y^2)', '(1 - x)^2 + 100*(y - x^2)^2'),
        fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
        (power, text, offset) => {
          const scale = 10 ** power;
          const at = text.startsWith('(1') ? [1 + offset, 1 + 2 * offset] : [offset, -offset];
          const base = classifyStationary(problemOf(text, ['x', 'y']), at);
          assert.equal(classifyStationary(problemOf(`${scale} * (${text})`, ['x', 'y']), at), base);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('labels where runs end by the function, not by the run’s tolerance', () => {
    const quartic = run(problemOf('x^4', ['x']), {
      stop: { maxIterations: 2_000_000, gradientTolerance: 1e-8 },
    });
    assert.equal(quartic.stopReason, 'gradient-tolerance');
    assert.equal(quartic.stationary, 'degenerate', 'the curvature vanishes towards 0');
    const saddle = run(problemOf('x^2 - y^2', ['x', 'y']), { start: [1, 0] });
    assert.equal(saddle.stationary, 'saddle');
    const loose = run(problemOf('x^2', ['x']), { stop: { gradientTolerance: 5 } });
    assert.equal(loose.stopReason, 'gradient-tolerance');
    assert.equal(loose.stationary, 'not-stationary', 'stopped at x = 1 by --tol 5: not the minimum');
    const fall = run(problemOf('exp(-x)', ['x']), { stop: { maxIterations: 1000 } });
    assert.equal(fall.stopReason, 'max-iterations');
    assert.equal(fall.stationary, 'not-stationary');
    const small = run(problemOf('1e-6 * (x^2 + y^2)', ['x', 'y']), {
      start: [1, 1],
      optimizer: { lr: 2e5 },
      stop: { gradientTolerance: 1e-12 },
    });
    assert.equal(small.stationary, 'minimum');
    const diverged = run(problemOf('x^2', ['x']), { optimizer: { lr: 3 } });
    assert.equal(diverged.stopReason, 'diverged');
    assert.equal(diverged.stationary, 'not-stationary');
  });

  it('says nothing when the deadline passes before the curvature is known, whole Hessian or Lanczos', () => {
    const names = Array.from({ length: EIGENVALUE_MAX_DIMENSION + 1 }, (_, i) => `x${i}`);
    // Σ (i + 1)·xᵢ²: as many distinct curvatures as variables, so each Lanczos run takes every step.
    const wide = problemOf(names.map((v, i) => `${i + 1} * ${v}^2`).join(' + '), names);
    const origin = names.map(() => 1e-9);
    const tick = performance.now;
    // A clock that advances by 1 ms per reading: the deadline passes after a given number of Lanczos steps.
    for (const readings of [2, 5, 40, 60]) {
      let now = 0;
      performance.now = () => now++;
      try {
        assert.equal(classifyStationary(wide, origin, readings), undefined, `${readings}`);
        now = 0;
        if (readings < EIGENVALUE_MAX_DIMENSION) {
          assert.equal(extremeCurvatures(wide, origin, readings), undefined);
        }
      } finally {
        performance.now = tick;
      }
    }
    assert.equal(classifyStationary(problemOf('x^2', ['x']), [0], -Infinity), undefined);
    assert.equal(extremeCurvatures(problemOf('x^2', ['x']), [0], -Infinity), undefined);
    const cut = run(problemOf('x^2', ['x']), {
      start: [0],
      startedAt: performance.now() - 1e6,
      stop: { timeBudgetMs: 10 },
    });
    assert.equal(cut.budgetCut, 'classification');
    assert.equal(cut.stationary, 'not-stationary');
  });

  it('classifies wide formulas by Lanczos: minimum, saddle, maximum, degenerate and not stationary', () => {
    const n = EIGENVALUE_MAX_DIMENSION * 3;
    const names = Array.from({ length: n }, (_, i) => `x${i}`);
    const chain = names
      .slice(1)
      .map((v, i) => `(${names[i]} - ${v})^2`)
      .join(' + ');
    const at = (text: string, point: number[]) =>
      classifyStationary(problemOf(text, names), Float64Array.from(point));
    const zero = new Array<number>(n).fill(0);
    assert.equal(at(`${chain} + x0^2`, zero), 'minimum');
    assert.equal(at(`${chain} + x0^2 - 3 * ${names[n - 1]}^2`, zero), 'saddle');
    assert.equal(at(chain, zero), 'degenerate');
    // A curvature of 1e-6 beside ones of 2 is below the relative zero (2e-6): degenerate, as in the whole Hessian.
    const flatFirst = names.map((v, i) => (i === 0 ? `0.5e-6 * ${v}^2` : `${v}^2`)).join(' + ');
    assert.equal(at(flatFirst, zero), 'degenerate');
    assert.equal(at(flatFirst.replace('0.5e-6', '0.5e-5'), zero), 'minimum');
    assert.equal(at(names.map((v) => `-${v}^2`).join(' + '), zero), 'maximum');
    assert.equal(
      at(
        `${chain} + x0^2`,
        zero.map((_, i) => (i === 5 ? 1 : 0)),
      ),
      'not-stationary',
    );
    const extremes = extremeCurvatures(
      problemOf(names.map((v, i) => `${i + 1} * ${v}^2`).join(' + '), names),
      zero,
      Infinity,
    );
    assert.ok(extremes !== undefined);
    // f = Σ (i+1) xᵢ²: curvatures 2, 4, …, 2n.
    assert.ok(Math.abs(extremes.lowest - 2) < 1e-6 && Math.abs(extremes.highest - 2 * n) < 1e-6 * n);
  });
});
