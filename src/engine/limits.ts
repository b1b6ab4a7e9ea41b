// Hard caps on what one request may ask of the engine. Everything that reaches `analyze` (panel,
// hover, CLI, worker) is clamped here first, so a hostile or careless request cannot freeze a
// host or exhaust memory. The extension lowers or raises them from settings within the hard caps.
import { FormulaError, type AnalysisRequest, type RunOptions, type SweepSettings } from './types';

/** Limits applied to every request; the extension maps its settings onto these. */
export interface EngineLimits {
  /** Iterations per run (a hard cap on `stop.maxIterations`). */
  readonly maxIterations: number;
  /** Wall-time budget per run in milliseconds. */
  readonly timeBudgetMs: number;
  /** Longest formula text accepted, in characters. */
  readonly maxFormulaLength: number;
  /** Most variables for which a landscape is sampled (1 gives a curve, 2 a grid). */
  readonly maxPlotVariables: number;
  /** Most extra starting points of a multi-start request. */
  readonly maxStarts: number;
  /** Most learning rates in a sweep. */
  readonly maxSweepCount: number;
  /** Most worked steps written out. */
  readonly maxSteps: number;
  /** Most trace points kept per run when a request asks for 'all'. */
  readonly maxTracePoints: number;
}

/** Defaults: generous for a panel run, small enough that nothing runs away. */
export const DEFAULT_LIMITS: EngineLimits = {
  maxIterations: 100_000,
  timeBudgetMs: 5_000,
  maxFormulaLength: 2_000,
  maxPlotVariables: 2,
  maxStarts: 400,
  maxSweepCount: 200,
  maxSteps: 50,
  maxTracePoints: 100_000,
};

/** Ceilings that no setting can exceed. */
export const HARD_LIMITS: EngineLimits = {
  maxIterations: 10_000_000,
  timeBudgetMs: 120_000,
  maxFormulaLength: 10_000,
  maxPlotVariables: 2,
  maxStarts: 2_500,
  maxSweepCount: 1_000,
  maxSteps: 1_000,
  maxTracePoints: 1_000_000,
};

/** Learning rates in a sweep unless asked otherwise. */
export const DEFAULT_SWEEP_COUNT = 25;

/** Default trace length when a request gives none. */
export const DEFAULT_TRACE_LIMIT = 500;

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  return Math.floor(clampNumber(value, min, max, fallback));
}

/** Merges partial limits (e.g. from settings) onto the defaults, each kept within [1, hard cap]. */
export function resolveLimits(partial: Partial<EngineLimits> = {}): EngineLimits {
  const out: Record<string, number> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof EngineLimits)[]) {
    out[key] = clampInteger(partial[key], 1, HARD_LIMITS[key], DEFAULT_LIMITS[key]);
  }
  return out as unknown as EngineLimits;
}

/** Throws a FormulaError when the formula text is longer than the limit. */
export function checkFormulaLength(formula: string, limits: EngineLimits): void {
  if (formula.length > limits.maxFormulaLength) {
    throw new FormulaError(
      `The formula is ${formula.length} characters long; the limit is ${limits.maxFormulaLength}.`,
      'too-long',
    );
  }
}

function clampOptions(options: RunOptions, limits: EngineLimits): RunOptions {
  const stop = options.stop ?? {};
  const maxIterations =
    stop.maxIterations === undefined
      ? undefined
      : clampInteger(stop.maxIterations, 0, limits.maxIterations, limits.maxIterations);
  // A budget of 0 means "none" to the optimizer; the cap turns it into the limit.
  const requestedBudget = stop.timeBudgetMs ?? 0;
  const timeBudgetMs =
    requestedBudget > 0
      ? clampNumber(requestedBudget, 1, limits.timeBudgetMs, limits.timeBudgetMs)
      : limits.timeBudgetMs;
  const traceLimit =
    options.traceLimit === 'all'
      ? limits.maxTracePoints
      : clampInteger(options.traceLimit, 2, limits.maxTracePoints, DEFAULT_TRACE_LIMIT);
  return {
    ...options,
    start: Array.isArray(options.start) ? options.start : [],
    optimizer: options.optimizer ?? {},
    stop: { ...stop, ...(maxIterations === undefined ? {} : { maxIterations }), timeBudgetMs },
    maximize: options.maximize === true,
    traceLimit,
  };
}

function clampSweep(sweep: SweepSettings, limits: EngineLimits): SweepSettings {
  const lrMin = clampNumber(sweep.lrMin, 1e-12, 1e6, 1e-4);
  const lrMax = clampNumber(sweep.lrMax, lrMin, 1e6, Math.max(lrMin, 1));
  return { lrMin, lrMax, count: clampInteger(sweep.count, 2, limits.maxSweepCount, DEFAULT_SWEEP_COUNT) };
}

/**
 * Returns the request with every size within the limits: iterations, time budget, trace length,
 * sweep count, number of starts and steps. Throws a FormulaError for an over-long formula.
 */
export function clampRequest(
  untrusted: AnalysisRequest,
  limits: EngineLimits = DEFAULT_LIMITS,
): AnalysisRequest {
  const request: AnalysisRequest =
    untrusted !== null && typeof untrusted === 'object' ? untrusted : ({} as AnalysisRequest);
  const formula = typeof request.formula === 'string' ? request.formula : '';
  checkFormulaLength(formula, limits);
  if (request.starts !== undefined && !Array.isArray(request.starts)) {
    throw new FormulaError('The starts must be a list of points', 'bad-option');
  }
  const clamped: AnalysisRequest = {
    ...request,
    formula,
    options: clampOptions(request.options ?? ({} as RunOptions), limits),
    ...(request.sweep ? { sweep: clampSweep(request.sweep, limits) } : {}),
    ...(request.starts ? { starts: request.starts.slice(0, limits.maxStarts) } : {}),
    ...(request.steps !== undefined ? { steps: clampInteger(request.steps, 0, limits.maxSteps, 0) } : {}),
  };
  return clamped;
}

/** Most rows a data set may have (a loss over data compiles to a loop, so this bounds one evaluation's time). */
export const MAX_DATA_ROWS = 100_000;
/** Most columns a data set may have. */
export const MAX_DATA_COLUMNS = 64;
/** Longest data text read (a CSV file, a table in a note), in characters. */
export const MAX_DATA_TEXT = 10_000_000;
