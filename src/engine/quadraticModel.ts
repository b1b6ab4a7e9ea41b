// The local quadratic model of f at a point, as learning-rate effects need it: the Hessian's
// eigen-pairs, the condition number, the critical step 2/λmax, the best fixed gd step
// 2/(λmin + λmax) with its contraction (κ−1)/(κ+1), Polyak's heavy-ball optimum, and for a given η
// how gd moves along each eigendirection (the factor |1 − ηλ| per step).
import { DEGENERATE_RELATIVE } from './curvature';
import { hessianAt, symmetricEigen } from './hessian';
import { kindOfExtremes } from './stationary';
import { FormulaError, type Problem } from './types';

/** The whole Hessian is decomposed up to this many variables (Jacobi is O(n³) per sweep). */
export const MODEL_MAX_DIMENSION = 64;
/** A converging direction whose factor is at least this crawls (≥ 131 steps to shrink a millionfold). */
export const CRAWL_FACTOR = 0.9;
/** ηλ within this relative distance of 1 or 2 counts as exactly 1 or 2 (a rate typed as 2/λ). */
export const EXACT_RELATIVE = 1e-6;

/** What the curvature at a point is, by the signs of its eigenvalues. */
export type CurvatureShape = 'positive-definite' | 'saddle' | 'maximum' | 'degenerate';

/**
 * How gd moves along an eigendirection for a given η: crawls (0 < 1 − ηλ, factor near 1),
 * converges, oscillates (1 < ηλ ≤ 2: the sign alternates), diverges (ηλ > 2, or λ < 0: it grows
 * away), flat (λ = 0: the gradient does not move it).
 */
export type Behaviour = 'crawls' | 'converges' | 'oscillates' | 'diverges' | 'flat';

/** One eigendirection for a given η. */
export interface DirectionEffect {
  readonly eigenvalue: number;
  /** Unit eigenvector, its largest component positive. */
  readonly vector: readonly number[];
  /** |1 − ηλ|: how much the component along the direction is multiplied by per step. */
  readonly factor: number;
  /** η·λ (of the curvature the run descends: of −f when maximizing). */
  readonly stepCurvature: number;
  readonly behaviour: Behaviour;
}

/** The local quadratic model at a point. */
export interface QuadraticModel {
  readonly point: readonly number[];
  /** Of f's Hessian, ascending. */
  readonly eigenvalues: readonly number[];
  /** eigenvectors[k] belongs to eigenvalues[k]. */
  readonly eigenvectors: readonly (readonly number[])[];
  /** Of the curvature the run descends (f's, or −f's when maximizing). */
  readonly shape: CurvatureShape;
  /** λmax/λmin, or null unless positive definite. */
  readonly conditionNumber: number | null;
  /** 2/λmax, or null when no curvature is positive. */
  readonly criticalLearningRate: number | null;
  /** 2/(λmin + λmax), or null unless positive definite. */
  readonly optimalLearningRate: number | null;
  /** (κ−1)/(κ+1): the error's factor per step at the optimal learning rate; null unless positive definite. */
  readonly optimalContraction: number | null;
  /** Polyak's heavy-ball optimum, η = 4/(√λmax + √λmin)², β = ((√κ − 1)/(√κ + 1))²; null unless positive definite. */
  readonly momentum: { readonly learningRate: number; readonly beta: number } | null;
  /** The directions at the learning rate asked for (none when none was). */
  readonly directions: readonly DirectionEffect[];
}

/** The eigenvector with its largest |component| made positive, so the same direction prints the same. */
function oriented(vector: Float64Array): number[] {
  let largest = 0;
  for (let i = 1; i < vector.length; i++) if (Math.abs(vector[i]) > Math.abs(vector[largest])) largest = i;
  const sign = vector[largest] < 0 ? -1 : 1;
  return Array.from(vector, (v) => (v === 0 ? 0 : sign * v));
}

/** How gd moves along a direction of curvature `lambda` (already signed for the run) at η. */
export function behaviourOf(lr: number, lambda: number, zero: number): Behaviour {
  if (Math.abs(lambda) <= zero) return 'flat';
  const product = lr * lambda;
  if (product < 0) return 'diverges';
  if (product > 2 * (1 + EXACT_RELATIVE)) return 'diverges';
  if (product > 1 * (1 + EXACT_RELATIVE)) return 'oscillates';
  return 1 - product >= CRAWL_FACTOR ? 'crawls' : 'converges';
}

/** The effects at η of the eigen-pairs, whose curvature the run descends is `sign`·λ. */
export function directionEffects(
  lr: number,
  eigenvalues: readonly number[],
  eigenvectors: readonly (readonly number[])[],
  sign: 1 | -1,
): DirectionEffect[] {
  const zero = DEGENERATE_RELATIVE * Math.max(0, ...eigenvalues.map(Math.abs));
  return eigenvalues.map((eigenvalue, k) => {
    const lambda = sign * eigenvalue;
    return {
      eigenvalue,
      vector: eigenvectors[k],
      factor: Math.abs(1 - lr * lambda),
      stepCurvature: lr * lambda,
      behaviour: behaviourOf(lr, lambda, zero),
    };
  });
}

/** κ and the steps it decides, from the descended curvature's extremes; nulls unless positive definite. */
function stepsOf(
  lowest: number,
  highest: number,
  positive: boolean,
): Omit<QuadraticModel, 'point' | 'eigenvalues' | 'eigenvectors' | 'shape' | 'directions'> {
  const criticalLearningRate = Number.isFinite(highest) && highest > 0 ? 2 / highest : null;
  if (!positive) {
    return {
      conditionNumber: null,
      criticalLearningRate,
      optimalLearningRate: null,
      optimalContraction: null,
      momentum: null,
    };
  }
  const kappa = highest / lowest;
  const root = Math.sqrt(kappa);
  return {
    conditionNumber: kappa,
    criticalLearningRate,
    optimalLearningRate: 2 / (lowest + highest),
    optimalContraction: (kappa - 1) / (kappa + 1),
    momentum: {
      learningRate: 4 / (Math.sqrt(highest) + Math.sqrt(lowest)) ** 2,
      beta: ((root - 1) / (root + 1)) ** 2,
    },
  };
}

/**
 * The quadratic model of f at x; with `lr`, each eigendirection's effect at that η. When
 * maximizing, the run descends −f: the shape, κ and steps are −f's (the eigenvalues stay f's).
 */
export function quadraticModelAt(
  problem: Problem,
  x: readonly number[],
  lr?: number,
  maximize = false,
): QuadraticModel {
  const n = problem.dimension;
  if (n > MODEL_MAX_DIMENSION) {
    throw new FormulaError(
      `The curvature is worked out for up to ${MODEL_MAX_DIMENSION} variables; this formula has ${n}.`,
      'bad-option',
    );
  }
  const { values, vectors } = symmetricEigen(hessianAt(problem, x), n);
  if (!values.every(Number.isFinite)) {
    throw new FormulaError('The curvature is not finite at this point.', 'bad-option');
  }
  const eigenvectors = vectors.map(oriented);
  const sign = maximize ? -1 : 1;
  const descended = values.map((v) => sign * v);
  const lowest = Math.min(...descended);
  const highest = Math.max(...descended);
  const zero = DEGENERATE_RELATIVE * Math.max(0, ...descended.map(Math.abs));
  const kind = kindOfExtremes(lowest, highest, zero);
  const shape: CurvatureShape = kind === 'minimum' ? 'positive-definite' : kind;
  return {
    point: [...x],
    eigenvalues: values,
    eigenvectors,
    shape,
    ...stepsOf(lowest, highest, shape === 'positive-definite'),
    directions: lr === undefined ? [] : directionEffects(lr, values, eigenvectors, sign),
  };
}

/** κ at each of the points (null where the curvature is not positive definite or not finite). */
export function conditionAlong(
  problem: Problem,
  points: readonly (readonly number[])[],
  maximize = false,
): (number | null)[] {
  return points.map((p) => {
    try {
      return quadraticModelAt(problem, p, undefined, maximize).conditionNumber;
    } catch (error) {
      if (error instanceof FormulaError) return null;
      throw error;
    }
  });
}
