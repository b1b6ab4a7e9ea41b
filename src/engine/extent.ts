// The range of a list of numbers, shared by the panel's plots and the hover's sparkline.

/** [min, max] of the finite values, or undefined when there are none (a loop: traces are too long to spread into Math.min). */
export function minMax(values: readonly number[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}
