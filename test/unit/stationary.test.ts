import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compileFormula } from '../../src/engine/compile';
import { runDescent } from '../../src/engine/descent';
import {
  eigenvaluesBelow,
  hessianAt,
  hessianEigenvalues,
  largestEigenvalueMagnitude,
  symmetricEigenvalues,
} from '../../src/engine/hessian';
import { parseExpression } from '../../src/engine/math';
import {
  classifyEigenvalues,
  classifyStationary,
  EIGENVALUE_MAX_DIMENSION,
} from '../../src/engine/stationary';
import type { Problem } from '../../src/engine/types';

function problemOf(text: string, variables: string[]): Problem {
  return compileFormula({
    source: text,
    expression: parseExpression(text),
    variables,
    notation: 'plain',
    parameters: [],
  });
}

/** det(A − λI) of a 3×3 row-major matrix. */
function characteristic(a: readonly number[], lambda: number): number {
  const m = [a[0] - lambda, a[1], a[2], a[3], a[4] - lambda, a[5], a[6], a[7], a[8] - lambda];
  return (
    m[0] * (m[4] * m[8] - m[5] * m[7]) -
    m[1] * (m[3] * m[8] - m[5] * m[6]) +
    m[2] * (m[3] * m[7] - m[4] * m[6])
  );
}

describe('Hessian and stationary points', () => {
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

  it('finds eigenvalues of symmetric matrices (Jacobi)', () => {
    assert.deepEqual(
      symmetricEigenvalues([2, 1, 1, 2], 2).map((v) => Math.round(v * 1e12) / 1e12),
      [1, 3],
    );
    const entry = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(entry, entry, entry, entry, entry, entry), ([a, b, c, d, e, f]) => {
        const m = [a, b, c, b, d, e, c, e, f];
        const eigenvalues = symmetricEigenvalues(m, 3);
        const frobenius = m.reduce((s, v) => s + v * v, 0);
        const scale = Math.max(1, Math.sqrt(frobenius));
        assert.ok(Math.abs(eigenvalues.reduce((s, v) => s + v, 0) - (a + d + f)) < 1e-9 * scale);
        assert.ok(Math.abs(eigenvalues.reduce((s, v) => s + v * v, 0) - frobenius) < 1e-9 * scale * scale);
        for (const lambda of eigenvalues) assert.ok(Math.abs(characteristic(m, lambda)) < 1e-8 * scale ** 3);
        assert.deepEqual(
          eigenvalues,
          [...eigenvalues].sort((u, v) => u - v),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('classifies minimum, maximum, saddle and degenerate points', () => {
    const cases: [string, string[], string][] = [
      ['x^2 + y^2', ['x', 'y'], 'minimum'],
      ['-(x^2 + y^2)', ['x', 'y'], 'maximum'],
      ['x^2 - y^2', ['x', 'y'], 'saddle'],
      ['x^4', ['x'], 'degenerate'],
      ['x^4 + y^2', ['x', 'y'], 'degenerate'],
      ['x^2 + 1000 y^2', ['x', 'y'], 'minimum'],
    ];
    for (const [text, variables, kind] of cases) {
      const p = problemOf(text, variables);
      assert.equal(
        classifyStationary(
          p,
          variables.map(() => 0),
          0,
        ),
        kind,
        text,
      );
    }
    assert.equal(classifyEigenvalues([-3, 0, 2]), 'saddle');
    assert.equal(classifyEigenvalues([1e-9, 2]), 'degenerate');
  });

  it('says not-stationary when the gradient is not small', () => {
    assert.equal(classifyStationary(problemOf('x^2', ['x']), [1], 2), 'not-stationary');
    assert.equal(classifyStationary(problemOf('x^2', ['x']), [1], 2, 5), 'minimum');
  });

  it('labels where runs end: x^4 by gd is degenerate, a saddle start stays a saddle', () => {
    const quartic = runDescent(problemOf('x^4', ['x']), {
      start: [1],
      optimizer: { lr: 0.1 },
      stop: { maxIterations: 2_000_000, gradientTolerance: 1e-8 },
      maximize: false,
      traceLimit: 10,
    });
    assert.equal(quartic.stopReason, 'gradient-tolerance');
    assert.equal(quartic.stationary, 'degenerate');
    const saddle = runDescent(problemOf('x^2 - y^2', ['x', 'y']), {
      start: [1, 0],
      optimizer: { lr: 0.1 },
      stop: {},
      maximize: false,
      traceLimit: 10,
    });
    assert.equal(saddle.stationary, 'saddle');
  });
  it('inertia counts and the power iteration agree with Jacobi eigenvalues on random symmetric matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 64, maxLength: 64 }),
        fc.double({ min: 1e-4, max: 3, noNaN: true }),
        fc.boolean(),
        (n, entries, shift, below) => {
          // The shifts classification uses: ±zero with zero ≥ DEGENERATE_ABSOLUTE.
          const sigma = below ? -shift : shift;
          const m = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = entries[i * 8 + j];
          }
          const eigenvalues = symmetricEigenvalues(m, n);
          const scale = Math.max(1, ...eigenvalues.map(Math.abs));
          // Eigenvalues within rounding distance of sigma may be counted on either side.
          if (eigenvalues.some((v) => Math.abs(v - sigma) < 1e-6 * scale)) return;
          assert.equal(eigenvaluesBelow(m, n, sigma), eigenvalues.filter((v) => v < sigma).length);
          const largest = Math.max(...eigenvalues.map(Math.abs));
          assert.ok(largestEigenvalueMagnitude(m, n) <= largest * (1 + 1e-9) + 1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('classifies wide formulas by inertia: minimum, saddle and degenerate past the Jacobi dimension', () => {
    const n = EIGENVALUE_MAX_DIMENSION * 3;
    const names = Array.from({ length: n }, (_, i) => `x${i}`);
    const chain = names
      .slice(1)
      .map((v, i) => `(${names[i]} - ${v})^2`)
      .join(' + ');
    const at = (text: string, point: number[]) =>
      classifyStationary(problemOf(text, names), Float64Array.from(point), 0);
    const zero = new Array<number>(n).fill(0);
    assert.equal(at(`${chain} + x0^2`, zero), 'minimum');
    assert.equal(at(`${chain} + x0^2 - 3 * ${names[n - 1]}^2`, zero), 'saddle');
    assert.equal(at(chain, zero), 'degenerate');
    assert.equal(at(names.map((v) => `-${v}^2`).join(' + '), zero), 'maximum');
  });
});
