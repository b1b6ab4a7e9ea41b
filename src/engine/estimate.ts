// A cheap upper-bound estimate of how long an analysis may take, used to decide whether a request
// may run inline on the caller's thread or must go to the worker. It errs on the slow side: the
// count of iterations is the cap (runs that stop early only make it cheaper), and each run's time
// is also bounded by its wall-time budget.
import { DEFAULT_LIMITS, type EngineLimits } from './limits';
import { cacheState } from './problemCache';
import { OPTIMIZER_NAMES, type AnalysisRequest } from './types';

/** Iterations assumed when a request gives no cap (the optimizer's default is not larger). */
export const ASSUMED_DEFAULT_ITERATIONS = 10_000;
/** Cost of getting a formula ready, in ms, by what the cache already holds: simplifying the gradient text dominates (~35 ms for two variables). */
const SETUP_MS = { none: 80, compiled: 60, described: 0.5, failed: 0.5 } as const;
/** Per-iteration cost model: nanoseconds for the loop plus per character of formula text. */
const LOOP_NS = 40;
const PER_CHAR_NS = 4;
/** Function evaluations for a landscape (a 60×60 grid). */
const LANDSCAPE_EVALUATIONS = 3_600;

/** Upper-bound estimate, in milliseconds, of the work `analyze(request)` does. */
export function estimateWorkMs(request: AnalysisRequest, limits: EngineLimits = DEFAULT_LIMITS): number {
  const formulaLength = typeof request.formula === 'string' ? request.formula.length : 0;
  const requested = request.options?.stop?.maxIterations;
  const iterations = Math.min(
    typeof requested === 'number' && requested >= 0 ? requested : ASSUMED_DEFAULT_ITERATIONS,
    limits.maxIterations,
  );
  const budget = request.options?.stop?.timeBudgetMs;
  const perRunBudget =
    typeof budget === 'number' && budget > 0 ? Math.min(budget, limits.timeBudgetMs) : limits.timeBudgetMs;
  const sweepRuns = request.sweep ? Math.min(Math.max(request.sweep.count, 0), limits.maxSweepCount) + 3 : 0;
  const runs =
    1 +
    (request.compare ? OPTIMIZER_NAMES.length : 0) +
    sweepRuns +
    Math.min(request.starts?.length ?? 0, limits.maxStarts);
  const perIterationMs = (LOOP_NS + PER_CHAR_NS * formulaLength) * 1e-6;
  const runMs = Math.min(iterations * perIterationMs, perRunBudget);
  const landscapeMs = request.landscape ? LANDSCAPE_EVALUATIONS * perIterationMs : 0;
  const setupMs = SETUP_MS[formulaLength > 0 ? cacheState(request.formula, limits) : 'failed'];
  return setupMs + runs * runMs + landscapeMs;
}
