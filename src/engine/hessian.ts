// Second-order information: the Hessian by central differences of the gradient (as a matrix, or
// applied to one vector), and the eigen-decomposition of a symmetric matrix by cyclic Jacobi
// rotations (exact enough and tiny for the few variables formulas have).
import type { Problem } from './types';

/** Relative step of the Hessian's differences; the gradient is smooth, so a larger step than for f is best. */
export const HESSIAN_STEP = 1e-4;

/** The symmetrised Hessian at x, row-major n×n, from central differences of ∇f with `step` × max(1, |xᵢ|). */
export function hessianAt(problem: Problem, x: ArrayLike<number>, step = HESSIAN_STEP): Float64Array {
  const n = problem.dimension;
  const point = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = point[i];
    const delta = step * Math.max(1, Math.abs(xi));
    const plus = xi + delta;
    const minus = xi - delta;
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

/** H·v at x by central differences of ∇f along v (two gradients); `out` receives it. */
export function hessianTimes(
  problem: Problem,
  x: Float64Array,
  v: Float64Array,
  out: Float64Array,
  scratch: { point: Float64Array; down: Float64Array },
): void {
  let size = 1;
  for (let i = 0; i < x.length; i++) size = Math.max(size, Math.abs(x[i]));
  const delta = HESSIAN_STEP * size;
  const { point, down } = scratch;
  for (let i = 0; i < x.length; i++) point[i] = x[i] + delta * v[i];
  problem.valueAndGradient(point, out);
  for (let i = 0; i < x.length; i++) point[i] = x[i] - delta * v[i];
  problem.valueAndGradient(point, down);
  for (let i = 0; i < x.length; i++) out[i] = (out[i] - down[i]) / (2 * delta);
}

/** Eigenvalues (ascending) and unit eigenvectors (vectors[k] belongs to values[k]) of a symmetric matrix. */
export interface Eigen {
  readonly values: readonly number[];
  readonly vectors: readonly Float64Array[];
}

/** Eigen-decomposition of a symmetric n×n row-major matrix by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): Eigen {
  const a = Float64Array.from(matrix);
  if (a.length !== n * n) throw new Error('Matrix size does not match n');
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100 && offDiagonalShare(a, n) > 1e-30; sweep++) {
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        rotate(a, v, n, p, q, c, t * c);
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j]);
  return {
    values: order.map((i) => a[i * n + i]),
    vectors: order.map((k) => Float64Array.from({ length: n }, (_, i) => v[i * n + k])),
  };
}

/** Σ off-diagonal² / Σ all², the quantity Jacobi drives to 0 (0 for a zero matrix). */
function offDiagonalShare(a: Float64Array, n: number): number {
  let off = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const sq = a[i * n + j] * a[i * n + j];
      total += sq;
      if (i !== j) off += sq;
    }
  }
  return total > 0 ? off / total : 0;
}

/** A ← Jᵀ A J and V ← V J for the Jacobi rotation in the (p, q) plane. */
function rotate(
  a: Float64Array,
  v: Float64Array,
  n: number,
  p: number,
  q: number,
  c: number,
  s: number,
): void {
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p];
    const akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
    const vkp = v[k * n + p];
    const vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k];
    const aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
}

/** Eigenvalues of a symmetric n×n row-major matrix, ascending. */
export function symmetricEigenvalues(matrix: ArrayLike<number>, n: number): number[] {
  return [...symmetricEigen(matrix, n).values];
}

/** Eigenvalues of the Hessian at x, ascending. */
export function hessianEigenvalues(problem: Problem, x: ArrayLike<number>): number[] {
  return symmetricEigenvalues(hessianAt(problem, x), problem.dimension);
}
