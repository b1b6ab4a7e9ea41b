// Newton's method on functions whose steps are worked by hand: one step to a quadratic's minimum, a
// damped half step, the Levenberg shift, and the stop where the Hessian is not positive definite.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { runDescent } from '../../src/engine/descent';
import { cholesky, choleskySolve } from '../../src/engine/optimizers/newton';
import { parseExpression } from '../../src/engine/math';
import type { OptimizerSettings, RunResult } from '../../src/engine/types';

function newton(
  text: string,
  variables: string[],
  start: number[],
  settings: Partial<OptimizerSettings> = {},
  maxIterations = 50,
  maximize = false,
): RunResult {
  const problem = compileFormula({
    source: text,
    expression: parseExpression(text),
    variables,
    notation: 'plain',
    parameters: [],
  });
  return runDescent(problem, {
    start,
    optimizer: { name: 'newton', ...settings },
    stop: { maxIterations },
    maximize,
    traceLimit: 'all',
  });
}

function near(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) <= tolerance, `${actual} vs ${expected}`));
}

describe("Newton's method", () => {
  it("jumps to a quadratic's minimum in one step: (x − 1)² + 2(y + 2)² from (5, 5)", () => {
    const r = newton('(x - 1)^2 + 2*(y + 2)^2', ['x', 'y'], [5, 5]);
    near(r.trace[1]!.point, [1, -2], 1e-9);
    assert.equal(r.stopReason, 'gradient-tolerance');
    assert.equal(r.stationary, 'minimum');
  });

  it('takes lr of the step: lr = 0.5 goes halfway, to (3, 1.5)', () => {
    const r = newton('(x - 1)^2 + 2*(y + 2)^2', ['x', 'y'], [5, 5], { lr: 0.5 }, 1);
    near(r.final.point, [3, 1.5], 1e-9);
  });

  it('solves (H + λI)·d = ∇f with the shift: on x² with λ = 2, d = 2x/4, so x halves', () => {
    const r = newton('x^2', ['x'], [1], { shift: 2 }, 3);
    near(
      r.trace.map((t) => t.point[0]!),
      [1, 0.5, 0.25, 0.125],
      1e-9,
    );
  });

  it('stops at once on a saddle: x² − y² has an indefinite Hessian', () => {
    const r = newton('x^2 - y^2', ['x', 'y'], [1, 1]);
    assert.deepEqual([r.stopReason, r.iterations, r.final.point], ['not-positive-definite', 0, [1, 1]]);
  });

  it('stops where a step lands on negative curvature: −cos x from 1.2 steps x − tan x twice, then cos x < 0', () => {
    const r = newton('-cos(x)', ['x'], [1.2]);
    const x1 = 1.2 - Math.tan(1.2);
    const x2 = x1 - Math.tan(x1);
    assert.ok(Math.cos(x2) < 0, 'the worked example leaves the convex region');
    assert.equal(r.stopReason, 'not-positive-definite');
    assert.equal(r.iterations, 2);
    near(r.final.point, [x2], 1e-6);
    // A shift of 1 keeps cos x + 1 > 0 there, so the run goes on.
    assert.notEqual(newton('-cos(x)', ['x'], [1.2], { shift: 1 }).stopReason, 'not-positive-definite');
  });

  it('maximizes with the negated Hessian: one step to the top of a concave cap; a convex bowl stops', () => {
    const cap = newton('-(x - 1)^2 - 2*(y + 0.5)^2 + 3', ['x', 'y'], [0, 0], {}, 50, true);
    near(cap.trace[1]!.point, [1, -0.5], 1e-9);
    assert.equal(cap.stationary, 'maximum');
    assert.equal(newton('x^2', ['x'], [1], {}, 50, true).stopReason, 'not-positive-definite');
  });
});

describe("Newton's method on coupled variables (the Cholesky solve)", () => {
  // (x − 1)² + (y + 2)² + (z − 3)² + xy + yz + xz: H = [[2, 1, 1], [1, 2, 1], [1, 1, 2]] (eigenvalues
  // 4, 1, 1); ∇f = 0 at 2x + y + z = 2, x + 2y + z = −4, x + y + 2z = 6, so x + y + z = 1 and the
  // minimum is (1, −5, 5).
  const coupled = '(x - 1)^2 + (y + 2)^2 + (z - 3)^2 + x*y + y*z + x*z';

  it('jumps to the minimum (1, −5, 5) in one step from any start', () => {
    for (const start of [
      [0, 0, 0],
      [10, -3, 7],
    ]) {
      const run = newton(coupled, ['x', 'y', 'z'], start, {}, 1);
      near(run.trace[1]!.point, [1, -5, 5], 1e-9);
    }
  });

  it('solves (H + λI)·d = ∇f with the shift: the step checks against the system', () => {
    // From 0, ∇f = (−2, 4, −6); with λ = 1 the step d = x0 − x1 must satisfy (H + I)·d = ∇f.
    const run = newton(coupled, ['x', 'y', 'z'], [0, 0, 0], { shift: 1 }, 1);
    const d = run.trace[1]!.point.map((v) => -v);
    const H = [
      [3, 1, 1],
      [1, 3, 1],
      [1, 1, 3],
    ];
    const g = [-2, 4, -6];
    H.forEach((row, i) => {
      const lhs = row.reduce((sum, h, j) => sum + h * d[j]!, 0);
      assert.ok(Math.abs(lhs - g[i]!) < 1e-9, `row ${i}: ${lhs} vs ${g[i]}`);
    });
  });

  it('four coupled variables: a tridiagonal quadratic in one step', () => {
    // Σ (xᵢ − i)² + Σ xᵢ·xᵢ₊₁ has H = 2I with 1 beside the diagonal (positive definite); the step
    // lands where ∇f, written out by hand below, is 0.
    const text = '(a - 1)^2 + (b - 2)^2 + (c - 3)^2 + (d - 4)^2 + a*b + b*c + c*d';
    const run = newton(text, ['a', 'b', 'c', 'd'], [0, 0, 0, 0], {}, 1);
    const [a, b, c, d] = run.trace[1]!.point as [number, number, number, number];
    const gradient = [2 * (a - 1) + b, 2 * (b - 2) + a + c, 2 * (c - 3) + b + d, 2 * (d - 4) + c];
    for (const g of gradient) assert.ok(Math.abs(g) < 1e-9, `∇f = ${gradient}`);
  });

  it('stops at a Hessian that is only semidefinite: x² + y has no curvature along y', () => {
    const run = newton('x^2 + y', ['x', 'y'], [1, 0]);
    assert.equal(run.stopReason, 'not-positive-definite');
    assert.equal(run.iterations, 0);
  });

  it('maximizes a coupled concave quadratic in one step: the negated Hessian solves for the top', () => {
    const run = newton(`-(${coupled})`, ['x', 'y', 'z'], [0, 0, 0], {}, 1, true);
    near(run.trace[1]!.point, [1, -5, 5], 1e-9);
  });

  it('four densely coupled variables: Σ (xᵢ − i)² + (Σ xᵢ)² in one step to (−1, 0, 1, 2)', () => {
    // ∇f = 2(xᵢ − i) + 2s with s = Σ xᵢ: at 0, xᵢ = i − s, so s = 10 − 4s, s = 2. H = 2I + 2·11ᵀ is
    // full, so every entry of the factor below the diagonal enters the solve.
    const text = '(a - 1)^2 + (b - 2)^2 + (c - 3)^2 + (d - 4)^2 + (a + b + c + d)^2';
    const run = newton(text, ['a', 'b', 'c', 'd'], [5, -3, 2, 7], {}, 1);
    near(run.trace[1]!.point, [-1, 0, 1, 2], 1e-9);
  });
});

describe('Cholesky factor and solve', () => {
  // L = [[2,0,0,0],[1,2,0,0],[1,1,2,0],[1,1,1,2]], A = L·Lᵀ worked out by hand: integers throughout,
  // so the factor comes back exactly.
  const L = [2, 0, 0, 0, 1, 2, 0, 0, 1, 1, 2, 0, 1, 1, 1, 2];
  const A = [4, 2, 2, 2, 2, 5, 3, 3, 2, 3, 6, 4, 2, 3, 4, 7];

  it('factors a dense symmetric positive definite matrix into its lower factor', () => {
    assert.deepEqual(Array.from(cholesky(Float64Array.from(A), 4)!), L);
  });

  it('solves L·Lᵀ·d = b: A·(1, −1, 2, 0) = (6, 3, 11, 7)', () => {
    assert.deepEqual(Array.from(choleskySolve(Float64Array.from(L), 4, [6, 3, 11, 7])), [1, -1, 2, 0]);
  });

  it('has no factor for a matrix that is not positive definite: undefined, also for a zero pivot', () => {
    assert.equal(cholesky(Float64Array.of(1, 2, 2, 1), 2), undefined);
    assert.equal(cholesky(Float64Array.of(1, 1, 1, 1), 2), undefined);
  });
});
