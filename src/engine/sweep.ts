// Learning-rate sweep: one run per log-spaced η, with the critical step 2/λmax of the Hessian at
// the start (plain gradient descent on a quadratic diverges beyond it), and the choice of a
// too-small, a good and a too-large η for side-by-side paths.
import { runDescent, startPoint } from './descent';
import { hessianEigenvalues } from './hessian';
import { DEFAULT_SWEEP_COUNT } from './limits';
import { bindParameters } from './parameters';
import { sideRun } from './settings';
import type { Problem, RunOptions, StopReason, SweepPoint, SweepResult, SweepSettings } from './types';

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

/** Largest curvature along which the run descends (of −f when maximizing) at x; NaN when not finite. */
export function lambdaMaxAt(problem: Problem, x: readonly number[], maximize: boolean): number {
  const eigenvalues = hessianEigenvalues(problem, x);
  if (eigenvalues.length === 0 || !eigenvalues.every(Number.isFinite)) return NaN;
  return maximize ? -Math.min(...eigenvalues) : Math.max(...eigenvalues);
}

/** 2/λmax, or null when λmax is not positive (or not finite). */
export function criticalOf(lambdaMax: number): number | null {
  return Number.isFinite(lambdaMax) && lambdaMax > 0 ? 2 / lambdaMax : null;
}

/** True for the stop reasons of a run that converged. */
export function isConverged(reason: StopReason): boolean {
  return reason === 'gradient-tolerance' || reason === 'step-tolerance' || reason === 'value-tolerance';
}

/** True for the stop reasons of a run that blew up. */
export function isDiverged(reason: StopReason): boolean {
  return reason === 'diverged' || reason === 'non-finite';
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
 * A sweep over `partial`'s range completed by defaultSweepSettings; λmax at the start (a Hessian and
 * its eigenvalues) is worked out once for both.
 */
export function sweepAround(
  problem: Problem,
  options: RunOptions,
  partial: Partial<SweepSettings>,
): { settings: SweepSettings; sweep: SweepResult } {
  bindParameters(problem, options.parameters);
  const lambdaMax = lambdaMaxAt(problem, startOf(problem, options), options.maximize);
  const settings = defaultSweepSettings(problem, options, partial, lambdaMax);
  return { settings, sweep: sweepLearningRates(problem, options, settings, lambdaMax) };
}

/** Runs once per log-spaced η; the time budget is shared out among the runs. */
export function sweepLearningRates(
  problem: Problem,
  options: RunOptions,
  settings: SweepSettings,
  lambdaMax = lambdaMaxAt(problem, startOf(problem, options), options.maximize),
): SweepResult {
  const start = startOf(problem, options);
  const rates = logSpace(settings.lrMin, settings.lrMax, Math.max(2, Math.floor(settings.count)));
  const side = sideRun({ ...options, start }, rates.length, 2);
  const points: SweepPoint[] = rates.map((learningRate) => {
    const result = runDescent(problem, { ...side, optimizer: { ...options.optimizer, lr: learningRate } });
    return {
      learningRate,
      finalValue: result.final.value,
      iterations: result.iterations,
      stopReason: result.stopReason,
      converged: isConverged(result.stopReason),
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
