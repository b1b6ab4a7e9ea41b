// Several starting points at once: one run from each, endpoints grouped into the distinct minima
// (maxima when maximizing) they reached, with a distance tolerance relative to the spread of the starts.
import { runDescent, type RunControl } from './descent';
import { isConverged } from './sweep';
import type { MultiStartResult, MultiStartRun, Problem, RunOptions, RunResult } from './types';

/** Relative size of the clustering tolerance: a fraction of the starts' bounding-box diagonal. */
const RELATIVE_TOLERANCE = 1e-2;

/** True when a run ended by a tolerance test at a finite point. */
export function converged(result: RunResult): boolean {
  return (
    isConverged(result.stopReason) &&
    Number.isFinite(result.final.value) &&
    result.final.point.every(Number.isFinite)
  );
}

/**
 * True when a converged run ended at an optimum of the kind sought: a minimum (a maximum when
 * maximizing) or a flat point that may be one; a saddle is not a basin, although gd started on a
 * symmetry axis (the centre of a symmetric grid) converges to it.
 */
export function reachedOptimum(result: RunResult, maximize: boolean): boolean {
  const kind = result.stationary;
  return converged(result) && (kind === 'degenerate' || kind === (maximize ? 'maximum' : 'minimum'));
}

/** Diagonal of the bounding box of the points, at least 1. */
export function spread(points: readonly (readonly number[])[]): number {
  if (points.length === 0) return 1;
  const dim = Math.max(...points.map((p) => p.length));
  let sum = 0;
  for (let axis = 0; axis < dim; axis++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      const v = p[axis];
      if (v === undefined || !Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi > lo) sum += (hi - lo) ** 2;
  }
  return Math.max(1, Math.sqrt(sum));
}

function distance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/**
 * Groups converged endpoints into distinct optima: an endpoint within `tolerance` of a known
 * optimum joins it (which keeps the member with the best value), else it founds a new one. Optima
 * are ordered best first; runs that did not converge, or converged to a saddle, get basin -1.
 */
export function clusterRuns(
  starts: readonly (readonly number[])[],
  results: readonly RunResult[],
  tolerance: number,
  maximize: boolean,
): MultiStartResult {
  const better = (a: number, b: number): boolean => (maximize ? a > b : a < b);
  const clusters: { point: readonly number[]; value: number; count: number }[] = [];
  const membership = results.map((result) => {
    if (!reachedOptimum(result, maximize)) return -1;
    let nearest = -1;
    let nearestDistance = Infinity;
    clusters.forEach((c, i) => {
      const d = distance(c.point, result.final.point);
      if (d <= tolerance && d < nearestDistance) {
        nearest = i;
        nearestDistance = d;
      }
    });
    if (nearest < 0) {
      clusters.push({ point: result.final.point, value: result.final.value, count: 1 });
      return clusters.length - 1;
    }
    const c = clusters[nearest]!;
    c.count++;
    if (better(result.final.value, c.value)) {
      c.point = result.final.point;
      c.value = result.final.value;
    }
    return nearest;
  });
  const order = clusters
    .map((_, i) => i)
    .sort((a, b) =>
      better(clusters[a]!.value, clusters[b]!.value)
        ? -1
        : better(clusters[b]!.value, clusters[a]!.value)
          ? 1
          : a - b,
    );
  const rank = new Map(order.map((original, position) => [original, position]));
  const runs: MultiStartRun[] = results.map((result, i) => ({
    start: starts[i]!,
    result,
    basin: membership[i]! < 0 ? -1 : rank.get(membership[i]!)!,
  }));
  return { runs, minima: order.map((i) => ({ ...clusters[i]! })) };
}

/** Runs the optimizer from each start and labels every endpoint by the optimum it reached. */
export function runFromStarts(
  problem: Problem,
  options: RunOptions,
  starts: readonly (readonly number[])[],
  control?: RunControl,
): MultiStartResult {
  const results = starts.map((start) => runDescent(problem, { ...options, start }, control));
  const tolerance = RELATIVE_TOLERANCE * spread(starts);
  return clusterRuns(starts, results, tolerance, options.maximize);
}
