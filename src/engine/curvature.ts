// The curvature of f at a point, as the kind of point and the Newton step need it: curvatures along
// the directions that matter, the gradient's component along each, and how small a curvature must
// be to count as none. Up to EIGENVALUE_MAX_DIMENSION variables from the whole Hessian; beyond,
// from Lanczos runs on Hessian-vector products, so the cost is a few dozen gradients, not n².
import { hessianAt, hessianTimes, HESSIAN_STEP, symmetricEigen, symmetricEigenvalues } from './hessian';
import { lanczos, type Operator } from './lanczos';
import type { Problem } from './types';

/** Above this many variables the curvature comes from Lanczos runs, not from the whole Hessian. */
export const EIGENVALUE_MAX_DIMENSION = 48;
/** Lanczos steps per run: the extreme eigenvalues of a Hessian settle within a few dozen. */
export const LANCZOS_STEPS = 64;
/** An eigenvalue counts as zero below this fraction of the largest |eigenvalue| (well above rounding). */
export const DEGENERATE_RELATIVE = 1e-6;

/** One direction: the curvature of f along it and the component of ∇f along it. */
export interface Direction {
  readonly curvature: number;
  readonly gradient: number;
  /** Unit vector of the direction (whole-Hessian spectra only). */
  readonly vector?: Float64Array;
  /** Set when ∇f jumps along the direction (a kink, as |x| has at 0): the size of the jump. */
  readonly kink?: number;
}

/** The curvature of f at a point. */
export interface Spectrum {
  readonly lowest: number;
  readonly highest: number;
  /** Whether the directions are the whole Hessian's eigenvectors (with vectors), not Lanczos's Ritz directions. */
  readonly whole: boolean;
  /** The largest |curvature| of f itself (kinks excluded): the scale a slope is judged against. */
  readonly scale: number;
  /** Curvatures below this size count as zero. */
  readonly zero: number;
  readonly directions: readonly Direction[];
}

/** The spectrum at x, whose gradient is `gradient`; undefined when `deadline` passes first. */
export function spectrumAt(
  problem: Problem,
  x: Float64Array,
  gradient: Float64Array,
  deadline: number,
): Spectrum | undefined {
  // Stryker disable next-line EqualityOperator: both ways give the same spectrum; the bound only picks the cheaper one.
  if (problem.dimension > EIGENVALUE_MAX_DIMENSION) return lanczosSpectrum(problem, x, gradient, deadline);
  return performance.now() > deadline ? undefined : wholeSpectrum(problem, x, gradient);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** vᵀ M v for a row-major n×n matrix M. */
function quadraticForm(m: Float64Array, v: Float64Array): number {
  const n = v.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i] * dot(m.subarray(i * n, (i + 1) * n), v);
  return sum;
}

/** How far (as a share of itself) a curvature may move when the differences' step doubles. */
const RELIABLE_CHANGE = 0.25;

/**
 * From the whole Hessian, its differences taken with two steps. A curvature both agree on is f's.
 * One that halves as the step doubles is the jump of ∇f across a kink divided by the step (|x| at
 * 0); it keeps its sign, and the jump is recorded. Any other disagreement is truncation error (x⁴
 * at 0, where the differences see 4·step² of curvature that f does not have): 0.
 */
function wholeSpectrum(problem: Problem, x: Float64Array, gradient: Float64Array): Spectrum {
  const n = problem.dimension;
  const h = hessianAt(problem, x);
  const coarse = hessianAt(problem, x, 2 * HESSIAN_STEP);
  let size = 1;
  for (const v of x) size = Math.max(size, Math.abs(v));
  const { values, vectors } = symmetricEigen(h, n);
  const directions = values.map((value, k): Direction => {
    const vector = vectors[k];
    const base = { gradient: dot(vector, gradient), vector };
    const wider = quadraticForm(coarse, vector);
    const tolerance = RELIABLE_CHANGE * Math.abs(value);
    if (Math.abs(wider - value) <= tolerance) return { ...base, curvature: value };
    if (Math.abs(wider - value / 2) <= tolerance) {
      return { ...base, curvature: value, kink: Math.abs(value) * 2 * HESSIAN_STEP * size };
    }
    return { ...base, curvature: 0 };
  });
  return withExtremes(directions);
}

/** A spectrum of whole-Hessian directions: its extremes, scale and zero from their curvatures. */
function withExtremes(directions: readonly Direction[]): Spectrum {
  const curvatures = directions.map((d) => d.curvature);
  const scale = Math.max(
    0,
    ...directions.filter((d) => d.kink === undefined).map((d) => Math.abs(d.curvature)),
  );
  return {
    whole: true,
    lowest: Math.min(...curvatures),
    highest: Math.max(...curvatures),
    scale,
    zero: DEGENERATE_RELATIVE * scale,
    directions,
  };
}

/** The Hessian at x as an operator: two gradients per product. */
function hessianOperator(problem: Problem, x: Float64Array): Operator {
  const n = problem.dimension;
  const scratch = { point: new Float64Array(n), down: new Float64Array(n) };
  return (v, out) => hessianTimes(problem, x, v, out, scratch);
}

/** Whether f and ∇f are finite at x. */
function finiteAt(problem: Problem, x: ArrayLike<number>): boolean {
  const gradient = new Float64Array(problem.dimension);
  return (
    Number.isFinite(problem.valueAndGradient(Float64Array.from(x), gradient)) &&
    gradient.every(Number.isFinite)
  );
}

/** The extremes where there is no curvature to speak of. */
const NOT_FINITE = Object.freeze({ lowest: NaN, highest: NaN });

/**
 * The smallest and largest eigenvalue of the Hessian at x: exact up to EIGENVALUE_MAX_DIMENSION
 * variables, by a Lanczos run beyond; undefined when `deadline` passes first. NaN where f or ∇f is
 * not finite at x (1/x at 0, whose differences straddle the pole and see no curvature).
 */
export function extremeCurvatures(
  problem: Problem,
  x: ArrayLike<number>,
  deadline: number,
): { lowest: number; highest: number } | undefined {
  const n = problem.dimension;
  if (!finiteAt(problem, x)) return NOT_FINITE;
  // Stryker disable next-line EqualityOperator: both ways give the same extremes; the bound only picks the cheaper one.
  if (n > EIGENVALUE_MAX_DIMENSION) {
    // Unequal, unpatterned entries, so that no eigenvector is orthogonal to the start by symmetry.
    // Stryker disable next-line ArithmeticOperator: any such start serves.
    const generic = Float64Array.from({ length: n }, (_, i) => 1.5 + Math.sin(1 + i * 2.399963));
    const ritz = lanczos(hessianOperator(problem, Float64Array.from(x)), generic, LANCZOS_STEPS, deadline);
    return ritz && { lowest: ritz.values[0], highest: ritz.values[ritz.values.length - 1] };
  }
  if (performance.now() > deadline) return undefined;
  const values = symmetricEigenvalues(hessianAt(problem, x), n);
  return { lowest: values[0], highest: values[n - 1] };
}

/** From two Lanczos runs: one from a fixed generic vector for the extremes, one from ∇f for the Newton step. */
function lanczosSpectrum(
  problem: Problem,
  x: Float64Array,
  gradient: Float64Array,
  deadline: number,
): Spectrum | undefined {
  const extremes = extremeCurvatures(problem, x, deadline);
  if (extremes === undefined) return undefined;
  const { lowest, highest } = extremes;
  const scale = Math.max(Math.abs(lowest), Math.abs(highest));
  const zero = DEGENERATE_RELATIVE * scale;
  const alongGradient = lanczos(hessianOperator(problem, x), gradient, LANCZOS_STEPS, deadline);
  if (alongGradient === undefined) return undefined;
  const directions = alongGradient.values.map((curvature, k) => ({
    curvature,
    gradient: alongGradient.startComponents[k],
  }));
  return { whole: false, lowest, highest, scale, zero, directions };
}

/**
 * The spectrum with the curvatures that vanish towards the stationary point set to 0: one that
 * changes by more than half along its own Newton step (as x⁴'s does near 0) is not the stationary
 * point's. Whole-Hessian spectra only; Lanczos spectra are returned as they are.
 */
export function settled(problem: Problem, x: Float64Array, spectrum: Spectrum): Spectrum {
  if (!spectrum.whole) return spectrum;
  const n = problem.dimension;
  const scratch = { point: new Float64Array(n), down: new Float64Array(n) };
  const target = new Float64Array(n);
  const along = new Float64Array(n);
  const kept = spectrum.directions.map((d) => {
    const v = d.vector as Float64Array;
    // A kink's "curvature" is the jump of ∇f, and a flat direction has nothing to vanish.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: re-measuring them changes nothing.
    if (d.kink !== undefined || Math.abs(d.curvature) <= spectrum.zero) return d;
    const step = d.gradient / d.curvature;
    for (let i = 0; i < n; i++) target[i] = x[i] - step * v[i];
    hessianTimes(problem, target, v, along, scratch);
    return Math.abs(dot(v, along) - d.curvature) > 0.5 * Math.abs(d.curvature) ? { ...d, curvature: 0 } : d;
  });
  return withExtremes(kept);
}
