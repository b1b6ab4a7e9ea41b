// What kind of point a run ended at, from the gradient norm and the Hessian's eigenvalues.
import { eigenvaluesBelow, hessianAt, hessianEigenvalues, largestEigenvalueMagnitude } from './hessian';
import type { Problem, StationaryKind } from './types';

/** A gradient norm above this (or above the run's tolerance, if larger) means the point is not stationary. */
export const STATIONARY_GRADIENT = 1e-3;
/** An eigenvalue counts as zero below this absolute size (curvature flatter than 1e-4 reads as flat)... */
export const DEGENERATE_ABSOLUTE = 1e-4;
/** ... or below this fraction of the largest |eigenvalue| (well above finite-difference noise). */
export const DEGENERATE_RELATIVE = 1e-6;

/** Above this many variables the kind comes from inertia counts, not from all eigenvalues (Jacobi is O(n³) per sweep). */
export const EIGENVALUE_MAX_DIMENSION = 48;

/** Second-derivative test on eigenvalues: all > 0 minimum, all < 0 maximum, mixed signs saddle, any ~0 degenerate. */
export function classifyEigenvalues(
  eigenvalues: readonly number[],
): Exclude<StationaryKind, 'not-stationary'> {
  const largest = eigenvalues.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const zero = Math.max(DEGENERATE_ABSOLUTE, DEGENERATE_RELATIVE * largest);
  return kindOfInertia(
    eigenvalues.filter((v) => v > zero).length,
    eigenvalues.filter((v) => v < -zero).length,
    eigenvalues.length,
  );
}

function kindOfInertia(
  positive: number,
  negative: number,
  n: number,
): Exclude<StationaryKind, 'not-stationary'> {
  if (positive > 0 && negative > 0) return 'saddle';
  if (positive + negative < n) return 'degenerate';
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
  if (problem.dimension > EIGENVALUE_MAX_DIMENSION) return classifyByInertia(problem, x);
  const eigenvalues = hessianEigenvalues(problem, x);
  if (!eigenvalues.every(Number.isFinite)) return 'not-stationary';
  return classifyEigenvalues(eigenvalues);
}

/** The same test as classifyEigenvalues, from counts of eigenvalues beyond ±zero (Sylvester's law of inertia). */
function classifyByInertia(problem: Problem, x: ArrayLike<number>): StationaryKind {
  const n = problem.dimension;
  const hessian = hessianAt(problem, x);
  if (!hessian.every(Number.isFinite)) return 'not-stationary';
  const zero = Math.max(DEGENERATE_ABSOLUTE, DEGENERATE_RELATIVE * largestEigenvalueMagnitude(hessian, n));
  const negative = eigenvaluesBelow(hessian, n, -zero);
  return kindOfInertia(n - eigenvaluesBelow(hessian, n, zero), negative, n);
}
