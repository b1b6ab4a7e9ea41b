// What a run, a sweep or an analysis is asked with besides the formula.
import type { OptimizerSettings } from './optimizerTypes';
import type { SchedulerSettings } from './schedulerTypes';

/** When to stop. A tolerance of 0 turns that test off. */
export interface StopSettings {
  readonly maxIterations: number;
  /** Stop when the gradient norm falls below this. */
  readonly gradientTolerance: number;
  /** Stop when the step norm ‖x_{k+1} − x_k‖ falls below this times max(1, ‖x_{k+1}‖). */
  readonly stepTolerance: number;
  /** Stop when |f(x_{k+1}) − f(x_k)| falls below this times max(1, |f(x_{k+1})|). */
  readonly valueTolerance: number;
  /** Wall-time budget in milliseconds (0 = none). */
  readonly timeBudgetMs: number;
}

/** Everything one run needs besides the formula. */
export interface RunOptions {
  readonly start: readonly number[];
  readonly optimizer: Partial<OptimizerSettings>;
  /** A learning-rate schedule, stepped after every optimizer step as torch's loop does; none by default. */
  readonly scheduler?: SchedulerSettings;
  readonly stop: Partial<StopSettings>;
  /** Gradient ascent instead of descent. */
  readonly maximize: boolean;
  /** Max trace points kept (first and last always kept); 'all' keeps every iteration. */
  readonly traceLimit: number | 'all';
  /** A default start (from settings): cut to the formula's variables instead of refused when longer. */
  readonly fitStart?: boolean;
  /** Values of the formula's parameters by name, overriding their defaults for this run (no recompiling). */
  readonly parameters?: Readonly<Record<string, number>>;
  /**
   * performance.now() when the run's time budget started, if before the run itself: then parsing
   * and compiling the formula count against the budget too. Default: when runDescent is called.
   */
  readonly startedAt?: number;
}

/** The learning-rate range of a sweep (log-spaced). */
export interface SweepSettings {
  readonly lrMin: number;
  readonly lrMax: number;
  readonly count: number;
}

/** What the panel, a hover or the CLI asks the engine for; optional parts are computed only when asked. */
export interface AnalysisRequest {
  /** Formula text in any supported notation. */
  readonly formula: string;
  /** Missing start entries repeat the last given one (1 when none is given). */
  readonly options: RunOptions;
  /** Learning-rate sweep and the too-small / good / too-large comparison. */
  readonly sweep?: SweepSettings;
  /** Run every optimizer from the same start. */
  readonly compare?: boolean;
  /** Extra starting points (basins view). */
  readonly starts?: readonly (readonly number[])[];
  /** How many worked steps to write out (0 = none). */
  readonly steps?: number;
  /** Sample f for plotting (a curve for 1 variable, a grid for 2). */
  readonly landscape?: boolean;
}
