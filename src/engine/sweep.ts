// Learning-rate sweep: one run per log-spaced η, with the critical step 2/λmax of the Hessian at
// the start (plain gradient descent on a quadratic diverges beyond it), and the choice of a
// too-small, a good and a too-large η for side-by-side paths.
import { runDescent, startPoint, type RunControl } from './descent';
import { extremeCurvatures } from './curvature';
import { DEFAULT_SWEEP_COUNT } from './limits';
import { bindParameters } from './parameters';
import { sideRun } from './settings';
import { isConverged, isDiverged } from './stopReasons';
import type { Problem, RunOptions, RunResult, SweepPoint, SweepResult, SweepSettings } from './types';

/** A too-small η is this many times below the good one. */
export const SMALL_FACTOR = 100;
/** A too-large η is this many times the critical one: past the edge, so the oscillation grows visibly. */
export const LARGE_FACTOR = 1.25;

/** `count` log-spaced values from lo to hi inclusive. */
export function logSpace(lo: number, hi: number, count: number): number[] {
  if (count <= 1) return [lo];
  const a = Math.log(lo);
  const b = Math.log(hi);
  return Array.from({ length: count }, (_, i) =>
    i === 0 ? lo : i === count - 1 ? hi : Math.exp(a + ((b - a) * i) / (count - 1)),
  );
}

/**
 * Largest curvature along which the run descends (of −f when maximizing) at x; NaN when not finite
 * or when `deadline` (a performance.now() time) passes first. Lanczos beyond a few dozen variables.
 */
export function lambdaMaxAt(
  problem: Problem,
  x: readonly number[],
  maximize: boolean,
  deadline = Infinity,
): number {
  const extremes = extremeCurvatures(problem, x, deadline);
  if (extremes === undefined) return NaN;
  const lambda = maximize ? -extremes.lowest : extremes.highest;
  return Number.isFinite(extremes.lowest) && Number.isFinite(extremes.highest) ? lambda : NaN;
}

/** 2/λmax, or null when λmax is not positive (or not finite). */
export function criticalOf(lambdaMax: number): number | null {
  return Number.isFinite(lambdaMax) && lambdaMax > 0 ? 2 / lambdaMax : null;
}

export { isConverged, isDiverged } from './stopReasons';

/**
 * A run converged when a tolerance test stopped it after it moved, at a point that is stationary
 * on f's own scale: a run whose tiny η stops it on the step test where it started has not.
 */
export function hasConverged(result: RunResult): boolean {
  return isConverged(result.stopReason) && result.iterations > 0 && result.stationary !== 'not-stationary';
}

/**
 * Completes a partial sweep range around the critical η at the start: from 1/1000 of it to twice
 * it, so the too-small, good and too-large regimes all appear; 1e-4 to 1 when there is none.
 */
export function defaultSweepSettings(
  problem: Problem,
  options: RunOptions,
  partial: Partial<SweepSettings> = {},
  lambdaMax = lambdaMaxAt(problem, startOf(problem, options), options.maximize),
): SweepSettings {
  const critical = criticalOf(lambdaMax);
  const autoMin = critical === null ? 1e-4 : critical * 1e-3;
  const autoMax = critical === null ? 1 : critical * 2;
  let lrMin = partial.lrMin ?? autoMin;
  let lrMax = partial.lrMax ?? autoMax;
  if (!(lrMax > lrMin)) {
    if (partial.lrMax === undefined) lrMax = lrMin * 1e3;
    else lrMin = lrMax * 1e-3;
  }
  return { lrMin, lrMax, count: partial.count ?? DEFAULT_SWEEP_COUNT };
}

/** The sweep's start: the run's, completed or cut to the formula's variables. */
function startOf(problem: Problem, options: RunOptions): number[] {
  return Array.from(startPoint(options.start, problem.dimension, options.fitStart));
}

/**
 * A sweep over `partial`'s range completed by defaultSweepSettings; λmax at the start is worked
 * out once for both. λmax counts against the time budget (from options.startedAt when given), and
 * the runs share what it leaves.
 */
export function sweepAround(
  problem: Problem,
  options: RunOptions,
  partial: Partial<SweepSettings>,
  control?: RunControl,
): { settings: SweepSettings; sweep: SweepResult } {
  bindParameters(problem, options.parameters);
  const { startedAt = performance.now(), ...rest } = options;
  const budget = rest.stop.timeBudgetMs ?? 0;
  const deadline = budget > 0 ? startedAt + budget : Infinity;
  const lambdaMax = lambdaMaxAt(problem, startOf(problem, options), options.maximize, deadline);
  const cut = Number.isNaN(lambdaMax) && performance.now() > deadline;
  const left = budget > 0 ? Math.max(1, deadline - performance.now()) : budget;
  const runs: RunOptions = { ...rest, stop: { ...rest.stop, timeBudgetMs: left } };
  const settings = defaultSweepSettings(problem, runs, partial, lambdaMax);
  const sweep = sweepLearningRates(problem, runs, settings, lambdaMax, control);
  return { settings, sweep: cut ? { ...sweep, lambdaMaxCut: true } : sweep };
}

/** Runs once per log-spaced η; the time budget is shared out among the runs. */
export function sweepLearningRates(
  problem: Problem,
  options: RunOptions,
  settings: SweepSettings,
  lambdaMax = lambdaMaxAt(problem, startOf(problem, options), options.maximize),
  control?: RunControl,
): SweepResult {
  const start = startOf(problem, options);
  const rates = logSpace(settings.lrMin, settings.lrMax, Math.max(2, Math.floor(settings.count)));
  const side = sideRun({ ...options, start }, rates.length, 2);
  const points: SweepPoint[] = rates.map((learningRate) => {
    const result = runDescent(
      problem,
      { ...side, optimizer: { ...options.optimizer, lr: learningRate } },
      control,
    );
    return {
      learningRate,
      finalValue: result.final.value,
      iterations: result.iterations,
      stopReason: result.stopReason,
      converged: hasConverged(result),
      diverged: isDiverged(result.stopReason),
    };
  });
  return { points, lambdaMax, criticalLearningRate: criticalOf(lambdaMax) };
}

/**
 * Picks the three learning rates to show side by side. Good: the fastest converging η of the
 * sweep (else the best final value among those that did not diverge, else half the critical η).
 * Large: just beyond the critical η (else the smallest diverging η above good, else 10× good).
 * Small: good / SMALL_FACTOR.
 */
export function pickRegimes(
  sweep: SweepResult,
  settings: SweepSettings,
  maximize = false,
): { small: number; good: number; large: number } {
  const critical = sweep.criticalLearningRate;
  const convergedPoints = sweep.points.filter((p) => p.converged);
  const stable = sweep.points.filter((p) => !p.diverged && Number.isFinite(p.finalValue));
  let good: number;
  if (convergedPoints.length > 0) {
    good = convergedPoints.reduce((best, p) => (p.iterations < best.iterations ? p : best)).learningRate;
  } else if (stable.length > 0) {
    const score = (p: SweepPoint): number => (maximize ? -p.finalValue : p.finalValue);
    good = stable.reduce((best, p) => (score(p) < score(best) ? p : best)).learningRate;
  } else {
    good = critical !== null ? critical / 2 : settings.lrMin;
  }
  const divergedAbove = sweep.points.find((p) => p.diverged && p.learningRate > good)?.learningRate;
  let large: number;
  if (critical !== null && critical * LARGE_FACTOR > good) large = critical * LARGE_FACTOR;
  else large = divergedAbove ?? good * 10;
  return { small: good / SMALL_FACTOR, good, large };
}
