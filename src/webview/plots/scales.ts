// Scale choices that decide whether a chart reads well. Pure functions (no DOM, no Plot), so that
// they are tested in Node.

/**
 * True when contours should follow log(1 + f − min): the range spans more than ten times the
 * median's height above the minimum. A quadratic bowl spans a few medians; Rosenbrock around its
 * valley tens of them, and on f itself its valley would vanish into one band.
 */
export function logContours(values: readonly number[]): boolean {
  const f = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (f.length < 2) return false;
  const min = f[0];
  const median = f[Math.floor(f.length / 2)];
  return f[f.length - 1] - min > 10 * Math.max(1e-12, median - min);
}
