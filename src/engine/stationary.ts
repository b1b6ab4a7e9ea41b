// What kind of point a run ended at, from the gradient norm and the Hessian's eigenvalues.
import { hessianEigenvalues } from './hessian';
import type { Problem, StationaryKind } from './types';

/** A gradient norm above this (or above the run's tolerance, if larger) means the point is not stationary. */
export const STATIONARY_GRADIENT = 1e-3;
/** An eigenvalue counts as zero below this absolute size (curvature flatter than 1e-4 reads as flat)... */
export const DEGENERATE_ABSOLUTE = 1e-4;
/** ... or below this fraction of the largest |eigenvalue| (well above finite-difference noise). */
export const DEGENERATE_RELATIVE = 1e-6;

/** Second-derivative test on eigenvalues: all > 0 minimum, all < 0 maximum, mixed signs saddle, any ~0 degenerate. */
export function classifyEigenvalues(eigenvalues: readonly number[]): Exclude<StationaryKind, 'not-stationary'> {
  const largest = eigenvalues.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const zero = Math.max(DEGENERATE_ABSOLUTE, DEGENERATE_RELATIVE * largest);
  const positive = eigenvalues.filter((v) => v > zero).length;
  const negative = eigenvalues.filter((v) => v < -zero).length;
  if (positive > 0 && negative > 0) return 'saddle';
  if (positive + negative < eigenvalues.length) return 'degenerate';
  return positive > 0 ? 'minimum' : 'maximum';
}

/** The kind of point x is; `gradientTolerance` is the run's, so a run stopped by it counts as stationary. */
export function classifyStationary(
  problem: Problem,
  x: ArrayLike<number>,
  gradientNorm: number,
  gradientTolerance = 0,
): StationaryKind {
  if (!(gradientNorm <= Math.max(STATIONARY_GRADIENT, gradientTolerance))) return 'not-stationary';
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return 'not-stationary';
  const eigenvalues = hessianEigenvalues(problem, x);
  if (!eigenvalues.every(Number.isFinite)) return 'not-stationary';
  return classifyEigenvalues(eigenvalues);
}
