// What the engine computes: a run, a sweep, several starts, worked steps, the landscape, an analysis.
import type { FormulaInfo, Parameter } from './formulaTypes';
import type { OptimizerName } from './optimizerTypes';
import type { SchedulerName } from './schedulerTypes';
import type { BudgetCut, StationaryKind, StopReason, TracePoint } from './traceTypes';

/** The outcome of one optimizer run. */
export interface RunResult {
  readonly variables: readonly string[];
  readonly optimizer: OptimizerName;
  /** The initial learning rate (a schedule's rates are in the trace). */
  readonly learningRate: number;
  /** The scheduler's name, when the run had one. */
  readonly scheduler?: SchedulerName;
  readonly iterations: number;
  readonly stopReason: StopReason;
  readonly final: {
    readonly point: readonly number[];
    readonly value: number;
    readonly gradientNorm: number;
  };
  readonly stationary: StationaryKind;
  readonly trace: readonly TracePoint[];
  /** 'numeric' when some partial derivative had no symbolic form and central differences were used. */
  readonly gradientMethod: 'symbolic' | 'numeric';
  readonly elapsedMs: number;
  /**
   * Set on a divergence in the direction the run was going: 'below' when f fell without bound while
   * minimizing, 'above' when it rose while maximizing. f has no optimum that way, and a smaller η
   * only slows the run-off.
   */
  readonly unbounded?: 'below' | 'above';
  /** The parameter values the run used (Formula.parameters order); absent when the formula has none. */
  readonly parameters?: readonly Parameter[];
  /** Set when the time budget ran out: the step it cut (a cut classification leaves `stationary` at 'not-stationary'). */
  readonly budgetCut?: BudgetCut;
}

/** One learning rate of a sweep. */
export interface SweepPoint {
  readonly learningRate: number;
  readonly finalValue: number;
  readonly iterations: number;
  readonly stopReason: StopReason;
  /** True when the run ended by a tolerance test (not max-iterations, budget or divergence). */
  readonly converged: boolean;
  readonly diverged: boolean;
}

/** Learning-rate sweep with the critical step size 2/λmax of the Hessian at the start. */
export interface SweepResult {
  readonly points: readonly SweepPoint[];
  /** Largest Hessian eigenvalue at the start. */
  readonly lambdaMax: number;
  /** 2/λmax, or null when λmax ≤ 0 (no finite critical η). */
  readonly criticalLearningRate: number | null;
  /** True when the time budget ran out before λmax was known (it is NaN then). */
  readonly lambdaMaxCut?: boolean;
}

/** A run from one of several starting points, labelled by the minimum it reached. */
export interface MultiStartRun {
  readonly start: readonly number[];
  readonly result: RunResult;
  /** Index into MultiStartResult.minima, or -1 when the run did not converge or ended at a saddle or the other kind of extremum. */
  readonly basin: number;
}

/** Several starting points at once; endpoints grouped into the distinct minima reached. */
export interface MultiStartResult {
  readonly runs: readonly MultiStartRun[];
  readonly minima: readonly {
    readonly point: readonly number[];
    readonly value: number;
    readonly count: number;
  }[];
}

/** One update written out with its intermediate quantities, for the worked-steps view. */
export interface WorkedStep {
  /** k: this step maps x_k to x_{k+1}. */
  readonly iteration: number;
  readonly point: readonly number[];
  readonly value: number;
  readonly gradient: readonly number[];
  /** Optimizer state after the update, e.g. buf (momentum), m̂ and v̂ (Adam), in torch's names. */
  readonly quantities: readonly {
    readonly name: string;
    readonly value: readonly number[];
    readonly symbol?: string;
  }[];
  /** The effective learning rate used (after decay or line search). */
  readonly learningRate: number;
  readonly next: readonly number[];
}

/** Samples of f for plotting; non-finite values are NaN. */
export type Landscape =
  | { readonly kind: 'curve'; readonly xs: Float64Array; readonly values: Float64Array }
  | {
      readonly kind: 'grid';
      readonly xRange: readonly [number, number];
      readonly yRange: readonly [number, number];
      readonly nx: number;
      readonly ny: number;
      /** Row-major, ny rows of nx values, y ascending. */
      readonly values: Float64Array;
    }
  | { readonly kind: 'none' };

/** Runs at a too-small, a good and a too-large learning rate, for side-by-side paths. */
export interface LearningRateRegimes {
  readonly small: RunResult;
  readonly good: RunResult;
  readonly large: RunResult;
}

/** Everything the engine computed for one request. */
export interface Analysis {
  readonly formula: FormulaInfo;
  readonly run: RunResult;
  readonly landscape: Landscape;
  readonly sweep?: SweepResult;
  readonly regimes?: LearningRateRegimes;
  readonly comparison?: readonly RunResult[];
  readonly multistart?: MultiStartResult;
  readonly steps?: readonly WorkedStep[];
}
