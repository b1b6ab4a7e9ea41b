// The engine's facade: formula text in, everything the panel, a hover or the CLI shows out.
// parse -> compile -> run, plus (only when asked) the learning-rate sweep and its regimes, the six
// optimizers side by side, several starts, worked steps and the landscape. Requests are clamped
// to the limits first; bad input throws a FormulaError, nothing else is expected to throw.
import { runDescent, startPoint } from './descent';
import { sampleLandscape } from './landscape';
import { checkFormulaLength, clampRequest, resolveLimits, type EngineLimits } from './limits';
import { runFromStarts } from './multistart';
import { bindParameters } from './parameters';
import { cacheState, compiledFormula, compiledWithin, type CachedProblem } from './problemCache';
import { resolveOptimizer, resolveStop, sideRun } from './settings';
import { explainSteps } from './steps';
import { isDiverged, lambdaMaxAt, pickRegimes, sweepLearningRates } from './sweep';
import {
  OPTIMIZER_NAMES,
  type Analysis,
  type AnalysisRequest,
  type FormulaInfo,
  type LearningRateRegimes,
  type OptimizerName,
  type OptimizerSettings,
  type Problem,
  type RunOptions,
  type RunResult,
} from './types';

/** Trace points kept per multi-start run (there may be hundreds of them). */
export const MULTISTART_TRACE_LIMIT = 50;
/** Formulas longer than this get no simplified gradient text (simplification costs grow fast). */
export const MAX_GRADIENT_TEXT_LENGTH = 400;

/** A parsed and compiled formula (the cache's entry) with complete, clamped run options. */
export interface Prepared {
  readonly compiled: CachedProblem;
  /** Options with the start completed, optimizer and stop settings resolved, all within the limits. */
  readonly options: RunOptions;
  readonly limits: EngineLimits;
}

/** Parses, compiles and completes the options; throws FormulaError for bad text or options. */
export function prepare(text: string, options: RunOptions, limits?: Partial<EngineLimits>): Prepared {
  const resolved = resolveLimits(limits);
  return prepareClamped(clampRequest({ formula: text, options }, resolved), resolved);
}

/** `prepare` for a request already clamped to `resolved`. */
function prepareClamped(clamped: AnalysisRequest, resolved: EngineLimits): Prepared {
  const compiled = compiledFormula(clamped.formula, resolved);
  const { problem } = compiled;
  // Every part of the analysis (λmax, the landscape, the steps) reads the parameters from the problem's slots.
  bindParameters(problem, clamped.options.parameters);
  const stop = resolveStop(clamped.options.stop);
  return {
    compiled,
    options: {
      ...clamped.options,
      start: Array.from(startPoint(clamped.options.start, problem.dimension, clamped.options.fitStart)),
      optimizer: resolveOptimizer(clamped.options.optimizer),
      stop: { ...stop, maxIterations: Math.min(stop.maxIterations, resolved.maxIterations) },
    },
    limits: resolved,
  };
}

function describe(compiled: CachedProblem, values: RunOptions['parameters']): FormulaInfo {
  const { formula, problem } = compiled;
  if (compiled.gradientText === undefined) {
    compiled.gradientText = formula.source.length > MAX_GRADIENT_TEXT_LENGTH ? [] : problem.gradientText();
  }
  return {
    source: formula.source,
    notation: formula.notation,
    variables: formula.variables,
    text: formula.expression.toString(),
    gradient: compiled.gradientText,
    parameters: formula.parameters.map(({ name, value }) => ({ name, value: values?.[name] ?? value })),
  };
}

/**
 * One optimizer setting per optimizer for the comparison: the user's own optimizer exactly as set; the
 * other adaptive ones at their defaults (their η is a step per coordinate, roughly scale-free); the
 * other SGD-family ones at their default η capped by 1/λmax at the start, the classic stable step,
 * because the SGD default for a steep function only shows a divergence.
 */
function comparisonSettings(problem: Problem, options: RunOptions): Partial<OptimizerSettings>[] {
  const own = options.optimizer.name ?? 'gd';
  const lambdaMax = lambdaMaxAt(problem, options.start, options.maximize);
  const stable = Number.isFinite(lambdaMax) && lambdaMax > 0 ? 1 / lambdaMax : Infinity;
  return OPTIMIZER_NAMES.map((name) => {
    if (name === own) return options.optimizer;
    const defaults = resolveOptimizer({ name });
    return SGD_FAMILY.has(name) ? { ...defaults, lr: Math.min(defaults.lr, stable) } : defaults;
  });
}

const SGD_FAMILY: ReadonlySet<OptimizerName> = new Set(['gd', 'momentum', 'nesterov']);

function regimesOf(
  problem: Problem,
  options: RunOptions,
  rates: { small: number; good: number; large: number },
): LearningRateRegimes {
  const at = (lr: number) =>
    runDescent(problem, { ...sideRun(options, 3), optimizer: { ...options.optimizer, lr } });
  return { small: at(rates.small), good: at(rates.good), large: at(rates.large) };
}

/** Computes what the request asks for; throws FormulaError for bad formula text or options. */
export function analyze(request: AnalysisRequest, limits?: Partial<EngineLimits>): Analysis {
  const startedAt = performance.now();
  const resolved = resolveLimits(limits);
  const clamped = clampRequest(request, resolved);
  const { compiled, options } = prepareClamped(clamped, resolved);
  const { problem } = compiled;
  // The main run's budget covers parsing and compiling as well.
  const run = runDescent(problem, { ...options, startedAt });
  const comparison = clamped.compare
    ? comparisonSettings(problem, options).map((optimizer) =>
        runDescent(problem, { ...sideRun(options, OPTIMIZER_NAMES.length), optimizer }),
      )
    : undefined;
  // The comparison is drawn on the same contours, so they cover every path that stayed finite
  // (a diverged one would stretch the window until the valley vanishes).
  const shown = [run, ...(comparison ?? []).filter((r) => !isDiverged(r.stopReason))];
  const landscape = clamped.landscape
    ? sampleLandscape(
        problem,
        options.start,
        shown.flatMap((r) => r.trace),
        resolved.maxPlotVariables,
      )
    : { kind: 'none' as const };
  const analysis: { -readonly [K in keyof Analysis]: Analysis[K] } = {
    formula: describe(compiled, options.parameters),
    run,
    landscape,
  };
  if (comparison) analysis.comparison = comparison;
  if (clamped.sweep) {
    const sweep = sweepLearningRates(problem, options, clamped.sweep);
    analysis.sweep = sweep;
    analysis.regimes = regimesOf(problem, options, pickRegimes(sweep, clamped.sweep, options.maximize));
  }
  if (clamped.starts && clamped.starts.length > 0) {
    const starts = clamped.starts.map((s) => Array.from(startPoint(s, problem.dimension)));
    analysis.multistart = runFromStarts(
      problem,
      sideRun(options, starts.length, MULTISTART_TRACE_LIMIT),
      starts,
    );
  }
  if (clamped.steps !== undefined && clamped.steps > 0) {
    analysis.steps = explainSteps(problem, options, clamped.steps);
  }
  return analysis;
}

/**
 * A run for hovers within `budgetMs` of wall time, parse and compile included (both cached per
 * formula text). Returns null when the budget is not enough (a later call may succeed from the
 * cache) or when the formula is too large to compile within a hover's budget (longer than
 * HOVER_MAX_UNCACHED_LENGTH or above HOVER_MAX_COMPILE_WORK); throws FormulaError for bad text or options.
 */
export function quickRun(
  formula: string,
  options: RunOptions,
  budgetMs: number,
  limits?: Partial<EngineLimits>,
): RunResult | null {
  const startedAt = performance.now();
  const resolved = resolveLimits(limits);
  // Compiling cannot be interrupted, so a formula that would take long is not started at all.
  if (cacheState(formula, resolved) === 'none') {
    checkFormulaLength(formula, resolved);
    if (formula.length > HOVER_MAX_UNCACHED_LENGTH) return null;
  }
  const compiled = compiledWithin(formula, resolved, HOVER_MAX_COMPILE_WORK);
  if (!compiled) return null;
  const { problem } = compiled;
  const remaining = budgetMs - (performance.now() - startedAt);
  if (!(remaining > 0)) return null;
  const clamped = clampRequest(
    { formula, options: { ...options, stop: { ...options.stop, timeBudgetMs: remaining } } },
    resolved,
  );
  const result = runDescent(problem, clamped.options);
  // A run its budget cut, in the iterations or in the classification, says too little for a hover.
  return result.budgetCut === undefined ? result : null;
}

/** A hover parses no uncached formula longer than this (950 characters of nested LaTeX fractions take ~60 ms to parse). */
export const HOVER_MAX_UNCACHED_LENGTH = 500;
/** A hover compiles no formula whose symbolic partials walk more tree nodes than this (~10 ms; see compile). */
export const HOVER_MAX_COMPILE_WORK = 5_000;

/** Loads the lazily initialised parts (the LaTeX parser takes ~200 ms the first time); call it off the hot path. */
export function warmUpEngine(): void {
  try {
    quickRun(
      '$f(x) = \\frac{1}{2}x^{2}$',
      { start: [1], optimizer: {}, stop: { maxIterations: 1 }, maximize: false, traceLimit: 2 },
      1_000,
    );
  } catch {
    // Warming up is best effort; real requests report their own errors.
  }
}
