// What a hover computes: a budgeted quick run of the formula (parse and compile cached) and, when it
// diverged past the critical step, that step 2/λmax; then the preview's Markdown. It runs on the
// host's thread in slices of a few milliseconds, so it gives up rather than block.
import { formulaPart } from '../engine/data/bound';
import { runDescent } from '../engine/descent';
import { bindParameters } from '../engine/parameters';
import { checkFormulaLength, clampRequest, type EngineLimits } from '../engine/limits';
import { quadraticModelAt } from '../engine/quadraticModel';
import { criticalOf, isConverged, isDiverged, lambdaMaxAt } from '../engine/sweep';
import type { RunOptions, RunResult } from '../engine/types';
import { HOVER_BUDGET_MS, HOVER_SLICES } from './defaults';
import { previewMarkdown } from './hoverText';
import { withNotedValues, type NotedValues } from './notedValues';
import type { ProblemSource } from './problems';
import { resolveRunOptions } from './runOptions';
import { curvatureEffects } from './wording';

/** A hover parses no uncached formula longer than this (950 characters of nested LaTeX fractions take ~60 ms). */
export const HOVER_MAX_UNCACHED_LENGTH = 500;
/** A hover compiles no formula whose symbolic partials walk more tree nodes than this (~10 ms; see compile). */
export const HOVER_MAX_COMPILE_WORK = 5_000;
/** Past this many variables the Hessian for the critical η costs more than a hover may spend. */
const MAX_CRITICAL_DIMENSION = 12;

/** Why a hover shows nothing: the text is no runnable formula, or the run did not fit the budget. */
export type NoPreview = 'not-a-formula' | 'over-budget';

/**
 * A run within `budgetMs` of wall time, parse and compile included. Null when the budget is not
 * enough (a later call may succeed from the cache) or the formula is too large for a hover; throws a
 * FormulaError for bad text or options.
 */
export function quickRun(
  problems: ProblemSource,
  formula: string,
  options: RunOptions,
  budgetMs: number,
  limits: EngineLimits,
  noted?: NotedValues,
): { result: RunResult; lambdaMax: () => number; effects: () => string[] } | null {
  const startedAt = performance.now();
  // Compiling cannot be interrupted, so a formula that would take long is not started at all.
  // A loss bound to its data (bound.ts) is measured by its formula; the data has its own limits.
  const written = formulaPart(formula);
  if (problems.peek(formula) === undefined) {
    checkFormulaLength(written, limits);
    if (written.length > HOVER_MAX_UNCACHED_LENGTH) return null;
  }
  const compiled = problems.compiledWithin(formula, HOVER_MAX_COMPILE_WORK);
  if (!compiled) return null;
  const remaining = budgetMs - (performance.now() - startedAt);
  if (!(remaining > 0)) return null;
  const own = withNotedValues(options, compiled.formula.parameters, noted);
  const budgeted = clampRequest(
    { formula: written, options: { ...own, stop: { ...own.stop, timeBudgetMs: remaining } } },
    limits,
  ).options;
  const resolved = resolveRunOptions(budgeted, compiled.problem.dimension, limits);
  const { problem } = compiled;
  const result = runDescent(problem, resolved);
  // A run its budget cut, in the iterations or in the classification, says too little for a hover.
  if (result.budgetCut !== undefined) return null;
  const lambdaMax = (): number => {
    // Another job may have bound other values into the shared problem since.
    bindParameters(problem, resolved.parameters);
    return lambdaMaxAt(problem, resolved.start, resolved.maximize);
  };
  const effects = (): string[] => {
    // |1 − ηλ| is plain gd's factor: other optimizers, schedules and line searches move differently.
    const plain =
      result.optimizer === 'gd' && resolved.scheduler === undefined && resolved.optimizer.lineSearch !== true;
    if (!plain || problem.dimension > MAX_CRITICAL_DIMENSION) return [];
    bindParameters(problem, resolved.parameters);
    const start = result.trace[0]?.point ?? resolved.start;
    return curvatureEffects(
      problem.variables,
      quadraticModelAt(problem, start, result.learningRate, resolved.maximize).directions,
    );
  };
  return { result, lambdaMax, effects };
}

/**
 * True for a lone symbol such as `$\alpha$`, `$x_0$` or `$\mathbf{w}_t$`: prose names a quantity
 * there, it does not ask for a descent (and the preview of a linear function says nothing).
 */
export function isBareSymbol(formula: string): boolean {
  const core = formula
    .replace(/\\(mathbf|boldsymbol|vec|mathrm|mathit|bm|hat|bar|tilde)\s*\{([^{}]*)\}/g, '$2')
    .replace(/_(\{[^{}]*\}|\w)/g, '')
    .replace(/\s+/g, '');
  return /^\\?[A-Za-z]+$/.test(core);
}

/** The hover Markdown for `formula`, or why there is none. Never throws. */
export function hoverPreview(
  problems: ProblemSource,
  formula: string,
  options: RunOptions,
  limits: EngineLimits,
  budgetMs: number,
  noted?: NotedValues,
): string | NoPreview {
  if (isBareSymbol(formulaPart(formula))) return 'not-a-formula';
  let run: ReturnType<typeof quickRun>;
  try {
    run = quickRun(problems, formula, options, budgetMs, limits, noted);
  } catch {
    return 'not-a-formula';
  }
  if (run === null) return 'over-budget';
  const { result } = run;
  // The critical η explains an overshoot only; an unbounded run is told without it.
  let critical: number | null = null;
  if (
    isDiverged(result.stopReason) &&
    !result.unbounded &&
    result.variables.length <= MAX_CRITICAL_DIMENSION
  ) {
    const c = criticalOf(run.lambdaMax());
    critical = c !== null && result.learningRate >= c ? c : null;
  }
  // What η does along each direction explains a run that did not converge; a converged one needs no excuse.
  let effects: string[] = [];
  if (!isConverged(result.stopReason) && !result.unbounded) {
    try {
      effects = run.effects();
    } catch {
      effects = [];
    }
  }
  return previewMarkdown(formula, result, critical, effects);
}

/**
 * The preview computed in at most `slices` slices of `budgetMs`, yielding to the event loop between
 * them and stopping when `cancelled()` says so. `final` is false when it gave up (a later hover may fit).
 */
export async function previewInSlices(
  problems: ProblemSource,
  formula: string,
  options: RunOptions,
  limits: EngineLimits,
  cancelled: () => boolean,
  budgetMs = HOVER_BUDGET_MS,
  slices = HOVER_SLICES,
  noted?: NotedValues,
): Promise<{ readonly markdown: string | null; readonly final: boolean }> {
  for (let slice = 0; slice < slices; slice++) {
    if (slice > 0) await new Promise((resolve) => setImmediate(resolve));
    if (cancelled()) return { markdown: null, final: false };
    const computed = hoverPreview(problems, formula, options, limits, budgetMs, noted);
    if (computed === 'over-budget') continue;
    return { markdown: computed === 'not-a-formula' ? null : computed, final: true };
  }
  return { markdown: null, final: false };
}
