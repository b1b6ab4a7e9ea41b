// The Lanczos process with full reorthogonalisation: a few products with a symmetric operator give
// its extreme eigenvalues (the Ritz values of the tridiagonal T), and, started from a vector b,
// the components of b along T's eigenvectors (which is all a Newton step's length needs).
import { symmetricEigen } from './hessian';

/** Ritz values (ascending) and, for each, the component of the start vector along its Ritz vector. */
export interface RitzPairs {
  readonly values: readonly number[];
  readonly startComponents: readonly number[];
}

/** `apply(v, out)` writes A·v into out; A is n×n symmetric. */
export type Operator = (v: Float64Array, out: Float64Array) => void;

/** Relative size of the next Lanczos vector below which the Krylov space is invariant (the run is exact). */
const INVARIANT = 1e-10;

/**
 * At most `steps` Lanczos steps on A from `start`; undefined when `deadline` (a
 * performance.now() time) passes first. The start's components are scaled by its norm.
 */
export function lanczos(
  apply: Operator,
  start: Float64Array,
  steps: number,
  deadline: number,
): RitzPairs | undefined {
  const n = start.length;
  const startNorm = length(start);
  // From 0 the Krylov space is empty: no direction to report.
  if (startNorm === 0) return { values: [], startComponents: [] };
  const basis: Float64Array[] = [start.map((v) => v / startNorm)];
  const alpha: number[] = [];
  const beta: number[] = [];
  const w = new Float64Array(n);
  for (let j = 0; j < Math.min(steps, n); j++) {
    if (performance.now() > deadline) return undefined;
    const q = basis[j];
    apply(q, w);
    alpha.push(dot(q, w));
    // Twice against every earlier vector: one pass leaves rounding that grows into ghost eigenvalues.
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const c = dot(b, w);
        for (let i = 0; i < n; i++) w[i] -= c * b[i];
      }
    }
    const next = length(w);
    const scale = Math.max(Math.abs(alpha[j]), beta[j - 1] ?? 0, Number.MIN_VALUE);
    if (!Number.isFinite(next) || next <= INVARIANT * scale || j + 1 === Math.min(steps, n)) break;
    beta.push(next);
    basis.push(w.map((v) => v / next));
  }
  return ritzPairs(alpha, beta, startNorm);
}

/** Eigen-decomposition of the tridiagonal T with diagonal α and off-diagonal β. */
function ritzPairs(alpha: readonly number[], beta: readonly number[], startNorm: number): RitzPairs {
  const k = alpha.length;
  const t = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    t[i * k + i] = alpha[i];
    if (i + 1 < k) {
      t[i * k + i + 1] = beta[i];
      t[(i + 1) * k + i] = beta[i];
    }
  }
  const { values, vectors } = symmetricEigen(t, k);
  return { values, startComponents: vectors.map((u) => u[0] * startNorm) };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function length(v: Float64Array): number {
  return Math.sqrt(dot(v, v));
}
