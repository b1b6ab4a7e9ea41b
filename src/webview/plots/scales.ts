// Scale choices that decide whether a chart reads well. Pure functions (no DOM, no Plot), so that
// they are tested in Node.
import { minMax } from '../../engine/extent';

/**
 * Ticks (and grid lines) of a log axis at the powers of ten inside the values' range when there are
 * at least three; otherwise undefined, keeping Plot's default. Plot's default over a few decades marks
 * every multiple, which draws a dense block of grid lines.
 */
export function decadeTicks(values: readonly number[]): number[] | undefined {
  const range = minMax(values.filter((v) => v > 0));
  if (!range) return undefined;
  const lo = Math.ceil(Math.log10(range[0]));
  const hi = Math.floor(Math.log10(range[1]));
  if (hi - lo < 2) return undefined;
  const ticks: number[] = [];
  // Parsed from "1e-5" rather than 10 ** -5, which is 0.000009999999999999999.
  for (let e = lo; e <= hi; e++) ticks.push(Number(`1e${e}`));
  return ticks;
}

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
