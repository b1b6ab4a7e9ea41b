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

/** True when at least two values are finite, all of those positive, spanning more than two decades: a log scale reads better. */
export function spansDecades(values: readonly number[]): boolean {
  const range = minMax(values);
  if (range === undefined || range[0] <= 0 || range[1] / range[0] <= 100) return false;
  let finite = 0;
  for (const v of values) if (Number.isFinite(v) && ++finite > 1) return true;
  return false;
}
