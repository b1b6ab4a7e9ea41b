// Newton's method, the second-order reference: solve (H + λI)·d = ∇f by Cholesky and step
// x ← x − lr·d. lr < 1 damps the step; λ > 0 is a Levenberg shift toward gradient descent. A
// Hessian (plus shift) that is not positive definite (negative definite when maximizing) stops
// the run, since the step would not go downhill.
import { paramGroup, requireObjective, type Optimizer, type OptimizerContext } from './optimizer';
import type { StopReason } from '../types';

/** The lower Cholesky factor of a symmetric n×n row-major matrix, or undefined when it is not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j];
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k] * l[j * n + k];
    if (!(diagonal > 0)) return undefined;
    const root = Math.sqrt(diagonal);
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = sum / root;
    }
  }
  return l;
}

/** Solves L·Lᵀ·d = b for d. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
    y[i] = sum / l[i * n + i];
  }
  const d = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * d[k];
    d[i] = sum / l[i * n + i];
  }
  return d;
}

export function createNewton(context: OptimizerContext): Optimizer {
  const { settings, dimension: n, maximize } = context;
  const objective = requireObjective(context);
  const group = paramGroup(settings);
  let stopReason: StopReason | undefined;
  return {
    name: 'newton',
    group,
    get stopReason() {
      return stopReason;
    },
    step(x, grad): number {
      // Maximizing f is minimizing −f: its Hessian −H must be positive definite; the step is the same.
      const sign = maximize ? -1 : 1;
      const h = objective.hessian(x).map((v) => sign * v);
      for (let i = 0; i < n; i++) h[i * n + i] += settings.shift;
      const l = cholesky(h, n);
      if (l === undefined) {
        stopReason = 'not-positive-definite';
        return 0;
      }
      const d = choleskySolve(
        l,
        n,
        Array.from(grad, (g) => sign * g),
      );
      for (let i = 0; i < n; i++) x[i] -= group.lr * d[i];
      return group.lr;
    },
    state() {
      return [];
    },
  };
}
