// LBFGS's line search 'strong_wolfe' as torch.optim.lbfgs writes it: bracket a step that satisfies the
// strong Wolfe conditions, then zoom in with safeguarded cubic interpolation. Every comparison and
// every min/max is Python's, in torch's order, so that the same steps are tried.
import { dot, maxAbs, pyMax, pyMin } from './vector';

/** f and ∇f at x + t·d (x itself is left unchanged). */
export type DirectionalEvaluate = (t: number, out: Float64Array) => number;

/** Sufficient decrease c1, curvature c2, and the most evaluations (torch's defaults, not options). */
export const C1 = 1e-4;
export const C2 = 0.9;
export const MAX_LS = 25;

/** Minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to the bounds. */
export function cubicInterpolate(
  x1: number,
  f1: number,
  g1: number,
  x2: number,
  f2: number,
  g2: number,
  bounds?: readonly [number, number],
): number {
  const [lo, hi] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos =
      x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return pyMin(pyMax(minPos, lo), hi);
  }
  return (lo + hi) / 2.0;
}

/** One trial of the search: step, value, gradient and directional derivative. */
interface Trial {
  t: number;
  f: number;
  g: Float64Array;
  gtd: number;
}

/** The search's outcome: the accepted step with its value and gradient, and the evaluations spent. */
export interface LineSearchResult {
  readonly f: number;
  readonly g: Float64Array;
  readonly t: number;
  readonly evaluations: number;
}

/** torch's _strong_wolfe from x along d, starting at step t; f, g and gtd are those at x. */
export function strongWolfe(
  evaluate: DirectionalEvaluate,
  d: Float64Array,
  t: number,
  f: number,
  g: Float64Array,
  gtd: number,
  toleranceChange: number,
): LineSearchResult {
  const dNorm = maxAbs(d);
  const trial = (step: number): Trial => {
    const out = new Float64Array(d.length);
    const value = evaluate(step, out);
    return { t: step, f: value, g: out, gtd: dot(out, d) };
  };
  let current = trial(t);
  let evaluations = 1;
  let previous: Trial = { t: 0, f, g: Float64Array.from(g), gtd };
  let bracket: Trial[] | undefined;
  let done = false;
  let lsIter = 0;
  while (lsIter < MAX_LS) {
    if (current.f > f + C1 * current.t * gtd || (lsIter > 1 && current.f >= previous.f)) {
      bracket = [previous, current];
      break;
    }
    if (Math.abs(current.gtd) <= -C2 * gtd) {
      bracket = [current];
      done = true;
      break;
    }
    if (current.gtd >= 0) {
      bracket = [previous, current];
      break;
    }
    const minStep = current.t + 0.01 * (current.t - previous.t);
    const maxStep = current.t * 10;
    const next = cubicInterpolate(previous.t, previous.f, previous.gtd, current.t, current.f, current.gtd, [
      minStep,
      maxStep,
    ]);
    previous = current;
    current = trial(next);
    evaluations++;
    lsIter++;
  }
  // Out of evaluations while still going down. torch brackets [0, t] and keeps the lower end, which is
  // t: every trial that did not stop the loop lies below the Armijo line, so below f (t > 0, gtd < 0).
  if (bracket === undefined) return { f: current.f, g: current.g, t: current.t, evaluations };
  const zoomed = zoom(trial, bracket, done, lsIter, f, gtd, dNorm, toleranceChange);
  return { ...zoomed, evaluations: evaluations + zoomed.evaluations };
}

/** The zoom phase: shrink the bracket until a point satisfies the strong Wolfe conditions. */
function zoom(
  trial: (t: number) => Trial,
  bracket: Trial[],
  done: boolean,
  lsIter: number,
  f: number,
  gtd: number,
  dNorm: number,
  toleranceChange: number,
): LineSearchResult {
  let evaluations = 0;
  let insufficientProgress = false;
  const last = (): Trial => bracket[bracket.length - 1]!;
  let [low, high] = bracket[0]!.f <= last().f ? [0, 1] : [1, 0];
  while (!done && lsIter < MAX_LS) {
    const [a, b] = bracket as [Trial, Trial];
    if (Math.abs(b.t - a.t) * dNorm < toleranceChange) break;
    let t = cubicInterpolate(a.t, a.f, a.gtd, b.t, b.f, b.gtd);
    const top = pyMax(a.t, b.t);
    const bottom = pyMin(a.t, b.t);
    const eps = 0.1 * (top - bottom);
    if (pyMin(top - t, t - bottom) < eps) {
      if (insufficientProgress || t >= top || t <= bottom) {
        t = Math.abs(t - top) < Math.abs(t - bottom) ? top - eps : bottom + eps;
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }
    const current = trial(t);
    evaluations++;
    lsIter++;
    if (current.f > f + C1 * current.t * gtd || current.f >= bracket[low]!.f) {
      bracket[high] = current;
      [low, high] = bracket[0]!.f <= bracket[1]!.f ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(current.gtd) <= -C2 * gtd) done = true;
      else if (current.gtd * (bracket[high]!.t - bracket[low]!.t) >= 0) bracket[high] = bracket[low]!;
      bracket[low] = current;
    }
  }
  const best = bracket[low]!;
  return { f: best.f, g: best.g, t: best.t, evaluations };
}
