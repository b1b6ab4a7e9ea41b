// runDescent: one optimizer run on a compiled problem, with the stop tests, a bounded trace and the kind
// of stationary point reached. Plain gd on a compiled formula takes the fused generated loop.
import { kernelOf } from './compile';
import { fusedGdLoop } from './fusedGd';
import { allFinite, genericLoop, norm, type LoopLimits, type LoopState } from './loop';
import { createOptimizer, isPlainGd, type Optimizer } from './optimizers';
import { bindParameters } from './parameters';
import { createScheduler, resolveScheduler, type Scheduler } from './schedulers';
import { DIVERGENCE_FACTOR, resolveOptimizer, resolveStop } from './settings';
import { classifyStationary } from './stationary';
import { isDiverged } from './stopReasons';
import { TraceRecorder } from './trace';
import {
  FormulaError,
  type OptimizerSettings,
  type Problem,
  type RunOptions,
  type RunResult,
  type StopReason,
} from './types';

/**
 * Most variables for which plain gd takes the fused loop. Measured (sums of squares, same iteration
 * work): fused is ~3x faster at 2 to 5 variables, even at 10 to 20, and slower past that, where the
 * generated loop grows too large to optimise well and costs hundreds of ms to build at 1,000.
 */
export const FUSED_MAX_DIMENSION = 16;

/** The start as a full point: missing entries repeat the last given one (1 when none is given). */
export function startPoint(start: readonly number[], dimension: number, fit = false): Float64Array {
  // Requests arrive from the worker boundary untyped; a non-list must not become a raw TypeError.
  if (!Array.isArray(start)) throw new FormulaError('A start must be a list of numbers', 'bad-option');
  if (fit) start = start.slice(0, dimension);
  if (start.length > dimension) {
    throw new FormulaError(
      `The start has ${start.length} coordinates but the formula has ${dimension} variable${dimension === 1 ? '' : 's'}: give one number per variable.`,
      'bad-option',
    );
  }
  const x = new Float64Array(dimension);
  for (let i = 0; i < dimension; i++) {
    const v = i < start.length ? start[i] : start.length > 0 ? start[start.length - 1] : 1;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new FormulaError('Start coordinates must be finite numbers', 'bad-option');
    }
    x[i] = v;
  }
  return x;
}

/** What a caller may do to a run in flight: interrupt it (asked every CLOCK_INTERVAL iterations). */
export interface RunControl {
  readonly interrupted: () => boolean;
}

/** The optimizer of a run and its scheduler, built in torch's order (the scheduler's constructor takes its first step). */
export function createRun(
  problem: Problem,
  options: RunOptions,
  settings: OptimizerSettings = resolveOptimizer(options.optimizer),
): { optimizer: Optimizer; scheduler: Scheduler | undefined } {
  const optimizer = createOptimizer(settings, problem.dimension, options.maximize, problem);
  const iterations = resolveStop(options.stop).maxIterations;
  const scheduler =
    options.scheduler === undefined
      ? undefined
      : createScheduler(resolveScheduler(options.scheduler), optimizer.group, iterations);
  return { optimizer, scheduler };
}

/**
 * What every run sets up before its first step: when it was called and when its budget started (the
 * caller's parse and compile count), its settings and stop tests, the bound parameters, the start and
 * the optimizer with its schedule.
 */
export function prepareRun(problem: Problem, options: RunOptions) {
  const calledAt = performance.now();
  const startedAt = typeof options.startedAt === 'number' ? Math.min(options.startedAt, calledAt) : calledAt;
  const settings = resolveOptimizer(options.optimizer);
  const stop = resolveStop(options.stop);
  const parameters = bindParameters(problem, options.parameters);
  const x = startPoint(options.start, problem.dimension, options.fitStart);
  const { optimizer, scheduler } = createRun(problem, options, settings);
  return { calledAt, startedAt, settings, stop, parameters, x, optimizer, scheduler };
}

/** Runs the chosen optimizer from options.start until a stop test fires. */
export function runDescent(problem: Problem, options: RunOptions, control?: RunControl): RunResult {
  const { calledAt, startedAt, settings, stop, parameters, x, optimizer, scheduler } = prepareRun(
    problem,
    options,
  );
  const n = problem.dimension;
  const gradient = new Float64Array(n);
  const value = problem.valueAndGradient(x, gradient);
  const state: LoopState = { x, gradient, value, gradientNorm: norm(gradient), iterations: 0 };
  const varying = scheduler !== undefined || settings.lineSearch;
  const recorder = new TraceRecorder(n, options.traceLimit, varying);
  recorder.record(x, state.value, state.gradientNorm);
  const deadline = stop.timeBudgetMs > 0 ? startedAt + stop.timeBudgetMs : Infinity;

  let reason: StopReason;
  if (!(Number.isFinite(state.value) && allFinite(gradient))) reason = 'non-finite';
  else if (state.gradientNorm < stop.gradientTolerance) reason = 'gradient-tolerance';
  // Parsing and compiling may have used the whole budget already.
  else if (performance.now() > deadline) reason = 'time-budget';
  else {
    const limits: LoopLimits = {
      // OneCycleLR's schedule ends after total_steps (torch raises on the next step).
      maxIterations: Math.min(stop.maxIterations, scheduler?.maxSteps ?? Infinity),
      gradientTolerance: stop.gradientTolerance,
      stepTolerance: stop.stepTolerance,
      valueTolerance: stop.valueTolerance,
      divergenceLimit: DIVERGENCE_FACTOR * Math.max(1, Math.abs(state.value)),
      timeBudgetMs: stop.timeBudgetMs,
      startedAt,
      ...(control ? { interrupted: control.interrupted } : {}),
    };
    const kernel = kernelOf(problem);
    if (kernel !== undefined && n <= FUSED_MAX_DIMENSION && isPlainGd(settings) && !varying) {
      reason = fusedGdLoop(kernel, settings.lr, options.maximize, state, limits, recorder);
    } else {
      const schedule = { scheduler, stepRate: settings.lineSearch };
      reason = genericLoop(problem, optimizer, state, limits, recorder, schedule);
    }
  }

  const trace = recorder.finish();
  // The classification counts against the budget too; a run that blew up has nothing to classify.
  const kind = isDiverged(reason) ? 'not-stationary' : classifyStationary(problem, x, deadline);
  const budgetCut =
    reason === 'time-budget' ? 'iterations' : kind === undefined ? 'classification' : undefined;
  // Past the divergence limit |f| is huge, so its sign tells which way f ran off.
  const ranOff = reason === 'diverged' && (options.maximize ? state.value > 0 : state.value < 0);
  return {
    variables: problem.variables,
    optimizer: settings.name,
    learningRate: settings.lr,
    ...(options.scheduler ? { scheduler: options.scheduler.name } : {}),
    iterations: state.iterations,
    stopReason: reason,
    final: { point: Array.from(x), value: state.value, gradientNorm: state.gradientNorm },
    stationary: kind ?? 'not-stationary',
    trace,
    gradientMethod: problem.gradientMethod,
    elapsedMs: performance.now() - calledAt,
    ...(ranOff ? { unbounded: options.maximize ? ('above' as const) : ('below' as const) } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(budgetCut === undefined ? {} : { budgetCut }),
  };
}
