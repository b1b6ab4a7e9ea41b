// Armijo backtracking for gd: halve the step until it gives sufficient decrease.

/** Sufficient-decrease constant c in φ(x − t d) ≤ φ(x) − c t ‖d‖² (Nocedal & Wright's usual 1e-4). */
export const ARMIJO_C = 1e-4;
/** Halvings tried before giving up and taking the smallest step. */
export const ARMIJO_MAX_HALVINGS = 50;

/**
 * Moves x to x − t·d for the first t in lr, lr/2, lr/4 ... that satisfies Armijo's condition on
 * φ = f (or −f when maximizing, with d the gradient of φ). Returns t.
 */
export function armijoStep(
  x: Float64Array,
  direction: Float64Array,
  value: number,
  objective: (x: Float64Array) => number,
  lr: number,
  maximize: boolean,
): number {
  const n = x.length;
  const trial = new Float64Array(n);
  let squared = 0;
  for (let i = 0; i < n; i++) squared += direction[i] * direction[i];
  const phi0 = maximize ? -value : value;
  let t = lr;
  for (let k = 0; k <= ARMIJO_MAX_HALVINGS; k++) {
    for (let i = 0; i < n; i++) trial[i] = x[i] - t * direction[i];
    const f = objective(trial);
    const phi = maximize ? -f : f;
    if (phi <= phi0 - ARMIJO_C * t * squared) break;
    if (k < ARMIJO_MAX_HALVINGS) t *= 0.5;
  }
  x.set(trial);
  return t;
}
