// Momentum's (η, β) map: iterations to converge over a log grid of η and a linear grid of β, each a
// run from the person's start (phaseKernel.ts), with the best cell; the final f stands in where no
// cell converges. The default η range is the sweep's, around the critical step at the start.
import { startPoint, type RunControl } from './descent';
import { bindParameters } from './parameters';
import {
  PHASE_CONVERGED,
  PHASE_DIVERGED,
  phaseRunner,
  type PhaseLimits,
  type PhaseOptimizer,
} from './phaseKernel';
import { DIVERGENCE_FACTOR, DEFAULT_STOP } from './settings';
import { criticalOf, lambdaMaxAt, logSpace } from './sweep';
import { FormulaError, type Problem, type RunOptions } from './types';

/** Cells per axis unless asked otherwise, and the most a map may have. */
export const DEFAULT_PHASE_COUNT = 40;
export const MAX_PHASE_COUNT = 100;
/** Iterations per cell unless asked otherwise. */
export const DEFAULT_PHASE_ITERATIONS = 1000;
/** β's default range: none to heavy. */
export const DEFAULT_BETA_MIN = 0;
export const DEFAULT_BETA_MAX = 0.99;
/** η's range without a positive curvature at the start (and Adam's, whose step does not scale with it). */
export const FALLBACK_LR_MIN = 1e-4;
export const FALLBACK_LR_MAX = 1;

/** What a map covers; unset fields take the defaults above. */
export interface PhaseSettings {
  readonly optimizer: PhaseOptimizer;
  readonly lrMin: number;
  readonly lrMax: number;
  readonly betaMin: number;
  readonly betaMax: number;
  /** Cells per axis (η and β alike). */
  readonly count: number;
  readonly maxIterations: number;
}

/** The map: rows are β (betas[r]), columns η (learningRates[c]); fewer rows than asked when its time budget or its caller cut it. */
export interface PhaseMap {
  readonly optimizer: PhaseOptimizer;
  readonly learningRates: readonly number[];
  readonly betas: readonly number[];
  /** Iterations until ‖∇f‖ < tolerance; null where the run diverged or hit the iteration limit. */
  readonly iterations: readonly (readonly (number | null)[])[];
  /** f where each run stopped (±Infinity or NaN where it blew up). */
  readonly finalValues: readonly (readonly number[])[];
  /** true where the run diverged. */
  readonly diverged: readonly (readonly boolean[])[];
  /** The fewest iterations, or null when no cell converged. */
  readonly best: { readonly learningRate: number; readonly beta: number; readonly iterations: number } | null;
  /** The gradient tolerance a converged cell reached. */
  readonly gradientTolerance: number;
}

/** `count` evenly spaced values from lo to hi inclusive. */
export function linSpace(lo: number, hi: number, count: number): number[] {
  if (count <= 1) return [lo];
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? hi : lo + ((hi - lo) * i) / (count - 1)));
}

function bad(message: string): never {
  throw new FormulaError(message, 'bad-option');
}

/** The settings completed: η around the critical step at the start (1/1000 of it to twice it). */
export function phaseSettings(
  problem: Problem,
  options: RunOptions,
  partial: Partial<PhaseSettings>,
): PhaseSettings {
  const optimizer = partial.optimizer ?? 'momentum';
  const start = Array.from(startPoint(options.start, problem.dimension, options.fitStart));
  const critical = optimizer === 'adam' ? null : criticalOf(lambdaMaxAt(problem, start, options.maximize));
  const lrMin = partial.lrMin ?? (critical === null ? FALLBACK_LR_MIN : critical * 1e-3);
  const lrMax = partial.lrMax ?? (critical === null ? FALLBACK_LR_MAX : critical * 2);
  const betaMin = partial.betaMin ?? DEFAULT_BETA_MIN;
  const betaMax = partial.betaMax ?? DEFAULT_BETA_MAX;
  const count = Math.floor(partial.count ?? DEFAULT_PHASE_COUNT);
  const maxIterations = Math.floor(partial.maxIterations ?? DEFAULT_PHASE_ITERATIONS);
  if (!(lrMin > 0 && lrMax > lrMin && Number.isFinite(lrMax))) {
    bad('The learning rates must satisfy 0 < min < max.');
  }
  if (!(betaMin >= 0 && betaMax >= betaMin && betaMax < 1)) bad('The betas must satisfy 0 ≤ min ≤ max < 1.');
  if (!(count >= 2 && count <= MAX_PHASE_COUNT)) bad(`The map has 2 to ${MAX_PHASE_COUNT} cells per axis.`);
  if (!(maxIterations >= 1)) bad('The map needs at least one iteration per cell.');
  return { optimizer, lrMin, lrMax, betaMin, betaMax, count, maxIterations };
}

/**
 * The map on `problem` from options' start (its stop's gradient tolerance, its maximize and
 * parameters). `control` and the stop's time budget are asked between rows: an interrupted map has
 * only the rows done by then (at least one).
 */
export function phaseMap(
  problem: Problem,
  options: RunOptions,
  settings: PhaseSettings,
  control?: RunControl,
): PhaseMap {
  bindParameters(problem, options.parameters);
  const start = startPoint(options.start, problem.dimension, options.fitStart);
  const gradientTolerance = options.stop.gradientTolerance ?? DEFAULT_STOP.gradientTolerance;
  const f0 = problem.value(start);
  const limits: PhaseLimits = {
    maxIterations: settings.maxIterations,
    gradientTolerance,
    divergenceLimit: DIVERGENCE_FACTOR * Math.max(1, Math.abs(f0)),
    sign: options.maximize ? -1 : 1,
  };
  const run = phaseRunner(problem, settings.optimizer, limits);
  const learningRates = logSpace(settings.lrMin, settings.lrMax, settings.count);
  const betas = linSpace(settings.betaMin, settings.betaMax, settings.count);
  const out = new Float64Array(2);
  const iterations: (number | null)[][] = [];
  const finalValues: number[][] = [];
  const diverged: boolean[][] = [];
  let best: PhaseMap['best'] = null;
  // The map shares one run's time budget: rows past it are left out (the map is then cut short).
  const budget = options.stop.timeBudgetMs ?? 0;
  const startedAt = options.startedAt ?? performance.now();
  const outOfTime = (): boolean => budget > 0 && performance.now() - startedAt > budget;
  for (const beta of betas) {
    if (control?.interrupted() === true || (iterations.length > 0 && outOfTime())) break;
    const row: (number | null)[] = [];
    const values: number[] = [];
    const blown: boolean[] = [];
    for (const learningRate of learningRates) {
      const code = run(start, learningRate, beta, out);
      const count = out[0];
      row.push(code === PHASE_CONVERGED ? count : null);
      values.push(out[1]);
      blown.push(code === PHASE_DIVERGED);
      if (code === PHASE_CONVERGED && (best === null || count < best.iterations)) {
        best = { learningRate, beta, iterations: count };
      }
    }
    iterations.push(row);
    finalValues.push(values);
    diverged.push(blown);
  }
  return {
    optimizer: settings.optimizer,
    learningRates,
    betas: betas.slice(0, iterations.length),
    iterations,
    finalValues,
    diverged,
    best,
    gradientTolerance,
  };
}
