// The few vector operations LBFGS and its line search need, in the order torch's kernels use
// (left to right), and Python's min and max, which keep the first argument on ties and on NaN.

/** Σ aᵢbᵢ, left to right. */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** max |aᵢ| (NaN when an entry is NaN, as torch's max). */
export function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    // Once m is NaN nothing is greater, so it stays NaN to the end.
    if (v > m || Number.isNaN(v)) m = v;
  }
  return m;
}

/** Σ |aᵢ|, left to right. */
export function sumAbs(a: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]);
  return sum;
}

/** y ← y + alpha·x in place (torch's add_ with alpha). */
export function axpy(y: Float64Array, alpha: number, x: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}

/** Python's min(a, b): a unless b < a. */
export function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

/** Python's max(a, b): a unless b > a. */
export function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}
