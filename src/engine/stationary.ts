// What kind of point a run ended at, judged on f's own scale: a point is stationary when a Newton
// step from it is short next to the point itself (the gradient measured against the curvature, so
// 1e-6·x² is judged as x² is), and its kind is the second-derivative test with "zero" relative to
// the largest curvature and to the differences' own error.
import { settled, spectrumAt, type Spectrum } from './curvature';
import { DEGENERATE_RELATIVE } from './curvature';
import type { Problem, StationaryKind } from './types';

/** A point is stationary when a Newton step from it is shorter than this times max(1, ‖x‖∞). */
export const STATIONARY_STEP = 1e-3;

type Kind = Exclude<StationaryKind, 'not-stationary'>;

/** The second-derivative test from the extreme eigenvalues (which decide it): |λ| ≤ zero counts as 0. */
export function kindOfExtremes(lowest: number, highest: number, zero: number): Kind {
  if (highest > zero && lowest < -zero) return 'saddle';
  if (lowest > zero) return 'minimum';
  if (highest < -zero) return 'maximum';
  return 'degenerate';
}

/** The second-derivative test on eigenvalues, zero being DEGENERATE_RELATIVE of the largest |eigenvalue|. */
export function classifyEigenvalues(eigenvalues: readonly number[]): Kind {
  const largest = Math.max(0, ...eigenvalues.map(Math.abs));
  return kindOfExtremes(Math.min(...eigenvalues), Math.max(...eigenvalues), DEGENERATE_RELATIVE * largest);
}

/**
 * The length of the Newton step s with H s = ∇f within the curved directions, or undefined when ∇f
 * climbs along a flat one, or across a kink (then no stationary point is near).
 */
function newtonStep(spectrum: Spectrum, flatLimit: number): number | undefined {
  let squared = 0;
  for (const d of spectrum.directions) {
    // At a kink the point is stationary when 0 lies between the slopes on its two sides.
    if (d.kink !== undefined) {
      if (!(Math.abs(d.gradient) < d.kink / 2)) return undefined;
    } else if (Math.abs(d.curvature) > spectrum.zero) {
      squared += (d.gradient / d.curvature) ** 2;
    } else if (Math.abs(d.gradient) > flatLimit) {
      return undefined;
    }
  }
  return Math.sqrt(squared);
}

/**
 * The kind of point x is; undefined when `deadline` (a performance.now() time) passes before the
 * curvature is known. A point where x or ∇f is not finite is not stationary.
 */
export function classifyStationary(
  problem: Problem,
  x: ArrayLike<number>,
  deadline = Infinity,
): StationaryKind | undefined {
  const point = Float64Array.from(x);
  const gradient = new Float64Array(problem.dimension);
  problem.valueAndGradient(point, gradient);
  if (!point.every(Number.isFinite) || !gradient.every(Number.isFinite)) return 'not-stationary';
  const spectrum = spectrumAt(problem, point, gradient, deadline);
  if (spectrum === undefined) return undefined;
  let size = 1;
  for (const v of point) size = Math.max(size, Math.abs(v));
  const reach = STATIONARY_STEP * size;
  const step = newtonStep(spectrum, reach * spectrum.scale);
  if (step === undefined || !(step <= reach)) return 'not-stationary';
  const final = settled(problem, point, spectrum);
  return kindOfExtremes(final.lowest, final.highest, final.zero);
}
