// Shared engine types: the contract between formula parsing, the compiler, the optimizers and
// every consumer (CLI, extension host, worker, tests).
import type { MathNode } from './math';

/** Where a formula came from, as detected by the parser. */
export type Notation = 'plain' | 'latex' | 'python' | 'javascript';

/** A formula reduced to an allow-listed mathjs tree and its ordered free variables. */
export interface Formula {
  /** The text as the user gave it. */
  readonly source: string;
  /** The allow-listed expression (right side of a definition). */
  readonly expression: MathNode;
  /** Free variables in order: left-side order when given, else natural order. */
  readonly variables: readonly string[];
  /** The notation the text was read as. */
  readonly notation: Notation;
  /** The function name of a definition such as `f(x) = ...`, if any. */
  readonly name?: string;
  /**
   * Free names a definition's left side does not list (`a` in `f(x) = a x^2`), in order of first
   * use, with their default values: constants of the run, never descended on. Empty without a left side.
   */
  readonly parameters: readonly Parameter[];
  /** Set when the formula sums over the rows of a data set (`\sum_{i=1}^{m}`): it compiles only with a table. */
  readonly data?: DataSpec;
}

/** What a loss over data needs of its data set. */
export interface DataSpec {
  /** The name of the row count in the bounds (m, n, N): the rows of the batch at every evaluation. */
  readonly count: string;
  /** The columns the sums refer to, as written: `x` for x_i, `x` with feature 2 for x_{i,2}. */
  readonly columns: readonly { readonly base: string; readonly feature?: number }[];
}

/** A formula's parameter and its value. */
export interface Parameter {
  readonly name: string;
  readonly value: number;
}

/** Error kinds a person can be told about; never a stack trace. */
export type FormulaErrorCode =
  'empty' | 'syntax' | 'not-allowed' | 'no-variable' | 'too-long' | 'too-many-variables' | 'bad-option';

/** A typed, user-facing error from any stage of the engine. */
export class FormulaError extends Error {
  constructor(
    message: string,
    readonly code: FormulaErrorCode,
    /** 1-based column in the source text where the problem is, when known. */
    readonly column?: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

/**
 * Optimizers: torch.optim's classes by their lower-case names, the friendly names of SGD presets
 * (gd, momentum, nesterov) and Newton's method. Their descriptors (OPTIMIZERS in optimizers/registry)
 * say which hyper-parameters each one reads.
 */
export type OptimizerName =
  | 'gd'
  | 'momentum'
  | 'nesterov'
  | 'sgd'
  | 'adam'
  | 'adamw'
  | 'adamax'
  | 'nadam'
  | 'radam'
  | 'adagrad'
  | 'adadelta'
  | 'rmsprop'
  | 'rprop'
  | 'asgd'
  | 'lbfgs'
  | 'newton';

/**
 * The names the settings, the panel's choices and its comparison offer today: the six friendly ones.
 * Every name the engine runs is in OPTIMIZERS (optimizers/registry).
 */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = [
  'gd',
  'momentum',
  'nesterov',
  'adagrad',
  'rmsprop',
  'adam',
];

/** LBFGS's line search: torch's None (fixed steps of lr) or 'strong_wolfe'. */
export type LineSearchFn = 'strong_wolfe' | null;

/**
 * Hyper-parameters, named as in torch.optim (camelCase here, torch's snake_case in the descriptors)
 * and defaulted per optimizer (settings.ts). One flat record for every optimizer: each reads its own.
 */
export interface OptimizerSettings {
  readonly name: OptimizerName;
  /** Learning rate η (torch `lr`; Newton's step size, LBFGS's step). */
  readonly lr: number;
  /** SGD and RMSprop `momentum` (0.9 for the momentum and nesterov presets). */
  readonly momentum: number;
  /** SGD `dampening`. */
  readonly dampening: number;
  /** SGD `nesterov` (always on for the nesterov preset). */
  readonly nesterov: boolean;
  /** `weight_decay`: an L2 term added to the gradient; AdamW decays the weights directly. */
  readonly weightDecay: number;
  /** Adagrad `lr_decay`. */
  readonly lrDecay: number;
  /** Adagrad `initial_accumulator_value`. */
  readonly initialAccumulatorValue: number;
  /** RMSprop's smoothing constant `alpha` (0.99); ASGD's power `alpha` (0.75). */
  readonly alpha: number;
  /** RMSprop `centered`. */
  readonly centered: boolean;
  /** Adam-family `betas`. */
  readonly betas: readonly [number, number];
  /** `eps` (1e-8; Adagrad 1e-10, Adadelta 1e-6). */
  readonly eps: number;
  /** Adam and AdamW `amsgrad`. */
  readonly amsgrad: boolean;
  /** NAdam `momentum_decay`. */
  readonly momentumDecay: number;
  /** Adadelta `rho`. */
  readonly rho: number;
  /** Rprop `etas` (decrease, increase). */
  readonly etas: readonly [number, number];
  /** Rprop `step_sizes` (minimum, maximum). */
  readonly stepSizes: readonly [number, number];
  /** ASGD `lambd` (decay term). */
  readonly lambd: number;
  /** ASGD `t0`: the step after which averaging starts. */
  readonly t0: number;
  /** LBFGS `history_size`. */
  readonly historySize: number;
  /** LBFGS `max_iter`: inner iterations per step. */
  readonly maxIter: number;
  /** LBFGS `max_eval`; null is torch's None, max_iter · 5/4. */
  readonly maxEval: number | null;
  /** LBFGS `tolerance_grad`. */
  readonly toleranceGrad: number;
  /** LBFGS `tolerance_change`. */
  readonly toleranceChange: number;
  /** LBFGS `line_search_fn`. */
  readonly lineSearchFn: LineSearchFn;
  /** Armijo backtracking line search, for `gd` only (not a torch option). */
  readonly lineSearch: boolean;
  /** Newton's Levenberg shift λ: steps solve (H + λI) d = ∇f. */
  readonly shift: number;
}

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

/** torch.optim.lr_scheduler's classes that make sense for one run, by their class names. */
export type SchedulerName =
  | 'StepLR'
  | 'MultiStepLR'
  | 'ExponentialLR'
  | 'CosineAnnealingLR'
  | 'CosineAnnealingWarmRestarts'
  | 'LinearLR'
  | 'ConstantLR'
  | 'PolynomialLR'
  | 'OneCycleLR'
  | 'CyclicLR'
  | 'ReduceLROnPlateau'
  | 'SequentialLR'
  | 'ChainedScheduler';

/**
 * A learning-rate schedule: torch's constructor arguments in camelCase, every one but `name`
 * optional (settings.ts completes them per scheduler). One flat record: each scheduler reads its own.
 */
export interface SchedulerSettings {
  readonly name: SchedulerName;
  /** StepLR `step_size`. */
  readonly stepSize?: number;
  /** StepLR, MultiStepLR, ExponentialLR `gamma` (the factor); CyclicLR's exp_range base. */
  readonly gamma?: number;
  /** MultiStepLR's steps where the rate drops; SequentialLR's steps where the next scheduler takes over. */
  readonly milestones?: readonly number[];
  /** ConstantLR's factor; ReduceLROnPlateau's reduction factor. */
  readonly factor?: number;
  /** LinearLR, ConstantLR, PolynomialLR `total_iters`. */
  readonly totalIters?: number;
  /** LinearLR `start_factor`. */
  readonly startFactor?: number;
  /** LinearLR `end_factor`. */
  readonly endFactor?: number;
  /** PolynomialLR `power`. */
  readonly power?: number;
  /** CosineAnnealingLR `T_max`. */
  readonly tMax?: number;
  /** CosineAnnealingLR and CosineAnnealingWarmRestarts `eta_min`. */
  readonly etaMin?: number;
  /** CosineAnnealingWarmRestarts `T_0`: steps to the first restart. */
  readonly t0?: number;
  /** CosineAnnealingWarmRestarts `T_mult`. */
  readonly tMult?: number;
  /** OneCycleLR and CyclicLR `max_lr`. */
  readonly maxLr?: number;
  /** OneCycleLR `total_steps` (null: epochs · steps_per_epoch). */
  readonly totalSteps?: number | null;
  /** OneCycleLR `epochs`. */
  readonly epochs?: number | null;
  /** OneCycleLR `steps_per_epoch`. */
  readonly stepsPerEpoch?: number | null;
  /** OneCycleLR `pct_start`. */
  readonly pctStart?: number;
  /** OneCycleLR `anneal_strategy`. */
  readonly annealStrategy?: 'cos' | 'linear';
  /** OneCycleLR and CyclicLR `cycle_momentum` (β₁ for the Adam family). */
  readonly cycleMomentum?: boolean;
  /** OneCycleLR and CyclicLR `base_momentum`. */
  readonly baseMomentum?: number;
  /** OneCycleLR and CyclicLR `max_momentum`. */
  readonly maxMomentum?: number;
  /** OneCycleLR `div_factor`. */
  readonly divFactor?: number;
  /** OneCycleLR `final_div_factor`. */
  readonly finalDivFactor?: number;
  /** OneCycleLR `three_phase`. */
  readonly threePhase?: boolean;
  /** CyclicLR `base_lr`. */
  readonly baseLr?: number;
  /** CyclicLR `step_size_up`. */
  readonly stepSizeUp?: number;
  /** CyclicLR `step_size_down` (null: step_size_up). */
  readonly stepSizeDown?: number | null;
  /** CyclicLR's policy, or ReduceLROnPlateau's direction. */
  readonly mode?: 'triangular' | 'triangular2' | 'exp_range' | 'min' | 'max';
  /** ReduceLROnPlateau `patience`. */
  readonly patience?: number;
  /** ReduceLROnPlateau `threshold`. */
  readonly threshold?: number;
  /** ReduceLROnPlateau `threshold_mode`. */
  readonly thresholdMode?: 'rel' | 'abs';
  /** ReduceLROnPlateau `cooldown`. */
  readonly cooldown?: number;
  /** ReduceLROnPlateau `min_lr`. */
  readonly minLr?: number;
  /** ReduceLROnPlateau `eps`: smaller reductions are skipped. */
  readonly eps?: number;
  /** SequentialLR's and ChainedScheduler's schedulers, in order. */
  readonly schedulers?: readonly SchedulerSettings[];
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

/** The step of a run that its time budget cut: its iterations (stop reason 'time-budget') or the classification of its end. */
export type BudgetCut = 'iterations' | 'classification';

/** Why a run ended. */
export type StopReason =
  | 'gradient-tolerance'
  | 'step-tolerance'
  | 'value-tolerance'
  | 'max-iterations'
  | 'time-budget'
  | 'diverged'
  | 'non-finite'
  /** Newton's method met a Hessian (plus its shift) that is not positive definite (negative when maximizing). */
  | 'not-positive-definite';

/** Kind of point reached, from the Hessian's eigenvalues ('not-stationary' when the gradient is not small). */
export type StationaryKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'not-stationary';

/** One recorded iterate; iteration 0 is the start. */
export interface TracePoint {
  readonly iteration: number;
  readonly point: readonly number[];
  readonly value: number;
  readonly gradientNorm: number;
  /**
   * The learning rate of the step that led here (torch's param_groups[0]['lr'] at that step): kept
   * when a scheduler or line search makes it vary, absent at the start and on constant-rate runs.
   */
  readonly learningRate?: number;
}

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

/** A compiled objective: fast closures over Float64Array slots, one per variable. */
export interface Problem {
  readonly variables: readonly string[];
  readonly dimension: number;
  /** f(x). */
  value(x: Float64Array): number;
  /** Writes ∇f(x) into `out` and returns f(x). */
  valueAndGradient(x: Float64Array, out: Float64Array): number;
  /** 'numeric' when some partial fell back to central differences. */
  readonly gradientMethod: 'symbolic' | 'numeric';
  /** Simplified partial derivatives as text, for people; computed lazily and cached. */
  gradientText(): readonly string[];
  /** The parameters generated code reads, in Formula.parameters order; absent when there are none. */
  readonly parameters?: ParameterSlots;
}

/** Parameter values a compiled problem reads on every evaluation: writing a slot changes f without recompiling. */
export interface ParameterSlots {
  readonly names: readonly string[];
  /** The formula's values, restored by every run that does not override them. */
  readonly defaults: readonly number[];
  readonly values: Float64Array;
}

/** The learning-rate range of a sweep (log-spaced). */
export interface SweepSettings {
  readonly lrMin: number;
  readonly lrMax: number;
  readonly count: number;
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

/** A formula's description for people. */
export interface FormulaInfo {
  readonly source: string;
  readonly notation: Notation;
  readonly variables: readonly string[];
  /** The expression in plain math syntax. */
  readonly text: string;
  /** The expression as LaTeX, for typesetting. */
  readonly tex: string;
  /** The variables' names as LaTeX, in the order of `variables`. */
  readonly variablesTex: readonly string[];
  /** The variables' names as plain text a person writes (θ₀ for theta_0), in that order. */
  readonly variablesText: readonly string[];
  /** The function's name when the text defines one (`L` in `L(w, b) = …`). */
  readonly name?: string;
  /** That name as LaTeX. */
  readonly nameTex?: string;
  /** The formula's parameters with their default values (see Formula.parameters); a run's own are in RunResult.parameters. */
  readonly parameters: readonly Parameter[];
}

/** One partial derivative, simplified, as plain math text and as LaTeX. */
export interface PartialText {
  readonly text: string;
  readonly tex: string;
}

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
