// Second-order information: the Hessian by central differences of the gradient, and the eigenvalues of a
// symmetric matrix by cyclic Jacobi rotations (exact enough and tiny for the few variables formulas have).
import { norm } from './loop';
import type { Problem } from './types';

/** Relative step of the Hessian's differences; the gradient is smooth, so a larger step than for f is best. */
export const HESSIAN_STEP = 1e-4;

/** The symmetrised Hessian at x, row-major n×n, from central differences of ∇f. */
export function hessianAt(problem: Problem, x: ArrayLike<number>): Float64Array {
  const n = problem.dimension;
  const point = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = point[i];
    const step = HESSIAN_STEP * Math.max(1, Math.abs(xi));
    const plus = xi + step;
    const minus = xi - step;
    point[i] = plus;
    problem.valueAndGradient(point, up);
    point[i] = minus;
    problem.valueAndGradient(point, down);
    point[i] = xi;
    for (let j = 0; j < n; j++) h[i * n + j] = (up[j] - down[j]) / (plus - minus);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * (h[i * n + j] + h[j * n + i]);
      h[i * n + j] = mean;
      h[j * n + i] = mean;
    }
  }
  return h;
}

/** Eigenvalues of a symmetric n×n row-major matrix, ascending (cyclic Jacobi). */
export function symmetricEigenvalues(matrix: ArrayLike<number>, n: number): number[] {
  const a = Float64Array.from(matrix);
  if (a.length !== n * n) throw new Error('Matrix size does not match n');
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const sq = a[i * n + j] * a[i * n + j];
        total += sq;
        if (i !== j) off += sq;
      }
    }
    if (!(off > 1e-30 * total)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, n, p, q, c, s);
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]).sort((u, v) => u - v);
}

/** A ← Jᵀ A J for the Jacobi rotation in the (p, q) plane. */
function rotate(a: Float64Array, n: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p];
    const akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k];
    const aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
}

/** Eigenvalues of the Hessian at x, ascending; G uses the largest for the critical step 2/λmax. */
export function hessianEigenvalues(problem: Problem, x: ArrayLike<number>): number[] {
  return symmetricEigenvalues(hessianAt(problem, x), problem.dimension);
}

/**
 * How many eigenvalues of a symmetric n×n row-major matrix lie below `sigma`: by Sylvester's law of
 * inertia, the negative pivots of A − σI's LDLᵀ (no pivoting; an exactly zero pivot is
 * nudged to +ε‖A‖). n³/3 operations instead of Jacobi's ~10 sweeps of 2n³, and fill-in only where it must.
 */
export function eigenvaluesBelow(matrix: ArrayLike<number>, n: number, sigma: number): number {
  const a = Float64Array.from(matrix);
  if (a.length !== n * n) throw new Error('Matrix size does not match n');
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(a[i]));
  for (let i = 0; i < n; i++) a[i * n + i] -= sigma;
  // A zero pivot is nudged by rounding size: the counts are then those of a matrix within ε‖A‖ of A.
  const nudge = Number.EPSILON * Math.max(scale, Math.abs(sigma), Number.MIN_VALUE);
  let below = 0;
  // Only the upper triangle is read and updated: row k holds the pivot row of step k.
  for (let k = 0; k < n; k++) {
    const pivot = a[k * n + k] === 0 ? nudge : a[k * n + k];
    if (pivot < 0) below++;
    for (let i = k + 1; i < n; i++) {
      const factor = a[k * n + i] / pivot;
      if (factor === 0) continue;
      for (let j = i; j < n; j++) a[i * n + j] -= factor * a[k * n + j];
    }
  }
  return below;
}

/** The largest |eigenvalue| of a symmetric n×n row-major matrix, by power iteration (a few per cent is enough for thresholds). */
export function largestEigenvalueMagnitude(matrix: ArrayLike<number>, n: number, iterations = 60): number {
  // Hessians of wide formulas are mostly zeros: multiply over the nonzero entries only.
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = matrix[i * n + j];
      if (value === 0) continue;
      rows.push(i);
      cols.push(j);
      values.push(value);
    }
  }
  // A start with unequal entries, so that it is not orthogonal to the dominant eigenvector by symmetry.
  let v = Float64Array.from({ length: n }, (_, i) => 1 + i / n);
  let magnitude = 0;
  const w = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    w.fill(0);
    for (let k = 0; k < values.length; k++) w[rows[k]] += values[k] * v[cols[k]];
    const length = norm(w);
    const vLength = norm(v);
    if (!Number.isFinite(length)) return Infinity;
    if (!(length > 0)) return 0;
    magnitude = length / vLength;
    v = w.map((u) => u / length);
  }
  return magnitude;
}
