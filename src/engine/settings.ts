// The one place where the defaults live (optimizers', schedulers' and the stop tests') with the
// ranges user-given values must lie in; resolveOptimizer and resolveScheduler check against them.
import { DEFAULT_LIMITS } from './limits';
import { checkValue, torchName, type Range } from './ranges';
import {
  FormulaError,
  type OptimizerName,
  type OptimizerSettings,
  type RunOptions,
  type SchedulerName,
  type SchedulerSettings,
  type StopSettings,
} from './types';

export type { Range } from './ranges';

/** torch's own default lr, used for a constructor call such as `Adam()`; undefined where torch requires one (SGD). */
export const TORCH_LEARNING_RATES: Readonly<Partial<Record<OptimizerName, number>>> = {
  adam: 0.001,
  adamw: 0.001,
  adamax: 0.002,
  nadam: 0.002,
  radam: 0.001,
  adagrad: 0.01,
  adadelta: 1, // Adadelta's steps carry their own units
  rmsprop: 0.01,
  rprop: 0.01, // the first step size
  asgd: 0.01,
  lbfgs: 1, // the quasi-Newton step
};

/** The η a run starts from: torch's where it shows descent within ~1000 steps, larger where torch's is too slow to watch. */
export const DEFAULT_LEARNING_RATES: Readonly<Record<OptimizerName, number>> = {
  ...(TORCH_LEARNING_RATES as Required<typeof TORCH_LEARNING_RATES>),
  gd: 0.1, // the seeds' η
  momentum: 0.01, // with momentum 0.9 the effective step is 0.1, as for gd
  nesterov: 0.01, // same reasoning as momentum
  sgd: 0.1, // as gd: torch's SGD has no default
  adagrad: 0.1, // torch's 0.01 barely moves in 1000 steps because of the growing accumulator
  adam: 0.01, // torch's 0.001 moves at most ~1 unit in 1000 steps
  adamw: 0.01, // as Adam
  adamax: 0.01, // as Adam
  nadam: 0.01, // as Adam
  radam: 0.01, // as Adam
  newton: 1, // the full Newton step
};

/** torch.optim's defaults, shared by every optimizer that reads the parameter. */
export const DEFAULT_OPTIMIZER: Omit<OptimizerSettings, 'name' | 'lr'> = {
  momentum: 0,
  dampening: 0,
  nesterov: false,
  weightDecay: 0,
  lrDecay: 0,
  initialAccumulatorValue: 0,
  alpha: 0.99, // RMSprop
  centered: false,
  betas: [0.9, 0.999],
  eps: 1e-8,
  amsgrad: false,
  momentumDecay: 0.004,
  rho: 0.9,
  etas: [0.5, 1.2],
  stepSizes: [1e-6, 50],
  lambd: 1e-4,
  t0: 1e6,
  historySize: 100,
  maxIter: 20,
  maxEval: null,
  toleranceGrad: 1e-7,
  toleranceChange: 1e-9,
  lineSearchFn: null,
  lineSearch: false, // plain fixed-step gd unless asked
  shift: 0, // plain Newton
};

/** Where an optimizer's default differs from the shared one (torch's per-class defaults, and the SGD presets'). */
const OPTIMIZER_OVERRIDES: Readonly<Partial<Record<OptimizerName, Partial<OptimizerSettings>>>> = {
  momentum: { momentum: 0.9 },
  nesterov: { momentum: 0.9 },
  adagrad: { eps: 1e-10 },
  adadelta: { eps: 1e-6 },
  asgd: { alpha: 0.75 },
  adamw: { weightDecay: 1e-2 },
};

/** What the SGD presets fix, whatever is asked: gd is SGD without momentum or decay, nesterov is Nesterov's. */
const PRESETS: Readonly<Partial<Record<OptimizerName, Partial<OptimizerSettings>>>> = {
  gd: { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
  momentum: { nesterov: false },
  nesterov: { nesterov: true },
};

/** The complete defaults of one optimizer. */
export function optimizerDefaults(name: OptimizerName): OptimizerSettings {
  return {
    ...DEFAULT_OPTIMIZER,
    name,
    lr: DEFAULT_LEARNING_RATES[name],
    ...OPTIMIZER_OVERRIDES[name],
    ...PRESETS[name],
  };
}

type NumericKeys<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends number | readonly number[] ? K : never;
}[keyof T];

/** Valid values of each numeric hyper-parameter (torch's checks, and a few of the engine's where torch has none). */
export const OPTIMIZER_RANGES: Readonly<Partial<Record<NumericKeys<OptimizerSettings>, Range>>> = {
  lr: { above: 0 },
  momentum: { min: 0 },
  dampening: { min: 0, max: 1 },
  weightDecay: { min: 0 },
  lrDecay: { min: 0 },
  initialAccumulatorValue: { min: 0 },
  alpha: { min: 0 },
  betas: { min: 0, below: 1 },
  eps: { min: 0 },
  momentumDecay: { min: 0 },
  rho: { min: 0, max: 1 },
  etas: { above: 0 }, // and etas[0] < 1 < etas[1], checked below
  stepSizes: { min: 0 },
  lambd: { min: 0 },
  t0: { min: 0 },
  historySize: { min: 1, integer: true },
  maxIter: { min: 1, integer: true },
  maxEval: { min: 1, integer: true },
  toleranceGrad: { min: 0 },
  toleranceChange: { min: 0 },
  shift: { min: 0 },
};

/** Stopping defaults. */
export const DEFAULT_STOP: StopSettings = {
  maxIterations: 1000, // enough to watch a well-chosen η converge on textbook functions
  gradientTolerance: 1e-6, // ‖∇f‖ small enough that the point is stationary to plotting precision
  stepTolerance: 1e-12, // relative: the iterate no longer moves in double precision terms
  valueTolerance: 0, // off: plateaus would stop runs that are still making progress
  timeBudgetMs: DEFAULT_LIMITS.timeBudgetMs, // a run never holds the caller longer than this
};

/** Value of a parameter the note gives none for (`a` in `f(x) = a x^2`): 1 leaves its term as written. */
export const DEFAULT_PARAMETER_VALUE = 1;

/** Value blow-up that counts as divergence: |f| > DIVERGENCE_FACTOR × max(1, |f(x0)|). */
export const DIVERGENCE_FACTOR = 1e8;

function bad(message: string): never {
  throw new FormulaError(message, 'bad-option');
}

const defined = <T extends object>(partial: T): Partial<T> =>
  Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<T>;

const PAIRS = ['betas', 'etas', 'stepSizes'] as const;
const FLAGS = ['nesterov', 'centered', 'amsgrad', 'lineSearch'] as const;

/** Complete optimizer settings from a partial, with torch's validity rules (a FormulaError 'bad-option' otherwise). */
export function resolveOptimizer(partial: Partial<OptimizerSettings>): OptimizerSettings {
  const name = partial.name ?? 'gd';
  if (!Object.prototype.hasOwnProperty.call(DEFAULT_LEARNING_RATES, name)) {
    bad(`Unknown optimizer "${String(name)}"; use one of ${Object.keys(DEFAULT_LEARNING_RATES).join(', ')}`);
  }
  const settings: OptimizerSettings = { ...optimizerDefaults(name), ...defined(partial), ...PRESETS[name] };
  const values = settings as unknown as Readonly<Record<string, unknown>>;
  for (const [key, range] of Object.entries(OPTIMIZER_RANGES)) checkValue(torchName(key), values[key], range);
  for (const key of PAIRS) {
    if (!Array.isArray(settings[key]) || settings[key].length !== 2) {
      bad(`${torchName(key)} must be two numbers`);
    }
  }
  for (const key of FLAGS) {
    if (typeof settings[key] !== 'boolean') bad(`${torchName(key)} must be True or False`);
  }
  if (!(settings.etas[0] < 1 && settings.etas[1] > 1)) bad('etas must satisfy 0 < etas[0] < 1 < etas[1]');
  if (settings.stepSizes[0] > settings.stepSizes[1]) bad('step_sizes must be (minimum, maximum)');
  if (settings.nesterov && (settings.momentum <= 0 || settings.dampening !== 0)) {
    bad('Nesterov momentum requires a momentum > 0 and zero dampening');
  }
  if (settings.lineSearchFn !== null && settings.lineSearchFn !== 'strong_wolfe') {
    bad(`line_search_fn must be None or 'strong_wolfe' (got ${String(settings.lineSearchFn)})`);
  }
  if (settings.lineSearch && name !== 'gd') bad('The line search is for gd only');
  return settings;
}

/** Complete stop settings from a partial; tolerances of 0 turn their test off. */
export function resolveStop(partial: Partial<StopSettings>): StopSettings {
  const stop: StopSettings = { ...DEFAULT_STOP, ...defined(partial) };
  checkValue('maxIterations', stop.maxIterations, { min: 0, integer: true });
  for (const key of ['gradientTolerance', 'stepTolerance', 'valueTolerance', 'timeBudgetMs'] as const) {
    checkValue(key, stop[key], { min: 0 });
  }
  return stop;
}

/** Trace points kept per run of a comparison, regime or multi-start (enough to draw a path). */
export const SIDE_RUN_TRACE_LIMIT = 200;

/** Options for one of `share` side runs: a shorter trace and 1/share of the time budget, so that every part together stays within a few budgets. */
export function sideRun(options: RunOptions, share: number, traceLimit = SIDE_RUN_TRACE_LIMIT): RunOptions {
  const limit = options.traceLimit === 'all' ? traceLimit : Math.min(options.traceLimit, traceLimit);
  const budget = options.stop.timeBudgetMs;
  const stop =
    budget !== undefined && budget > 0
      ? { ...options.stop, timeBudgetMs: Math.max(1, budget / share) }
      : options.stop;
  return { ...options, stop, traceLimit: limit };
}

/**
 * Each scheduler's arguments in torch's order with torch's defaults. Where torch requires an argument
 * (StepLR's step_size ...) the value is where a control starts; the torch-syntax parser still
 * requires it. OneCycleLR's total_steps, epochs and steps_per_epoch all None: the run's iterations.
 */
export const SCHEDULER_DEFAULTS = {
  StepLR: { stepSize: 100, gamma: 0.1 },
  MultiStepLR: { milestones: [300, 600], gamma: 0.1 },
  ExponentialLR: { gamma: 0.99 },
  CosineAnnealingLR: { tMax: DEFAULT_STOP.maxIterations, etaMin: 0 },
  CosineAnnealingWarmRestarts: { t0: 100, tMult: 1, etaMin: 0 },
  LinearLR: { startFactor: 1 / 3, endFactor: 1, totalIters: 5 },
  ConstantLR: { factor: 1 / 3, totalIters: 5 },
  PolynomialLR: { totalIters: 5, power: 1 },
  OneCycleLR: {
    maxLr: 0.1,
    totalSteps: null,
    epochs: null,
    stepsPerEpoch: null,
    pctStart: 0.3,
    annealStrategy: 'cos',
    cycleMomentum: true,
    baseMomentum: 0.85,
    maxMomentum: 0.95,
    divFactor: 25,
    finalDivFactor: 1e4,
    threePhase: false,
  },
  CyclicLR: {
    baseLr: 0.001,
    maxLr: 0.1,
    stepSizeUp: 2000,
    stepSizeDown: null,
    mode: 'triangular',
    gamma: 1,
    cycleMomentum: true,
    baseMomentum: 0.8,
    maxMomentum: 0.9,
  },
  ReduceLROnPlateau: {
    mode: 'min',
    factor: 0.1,
    patience: 10,
    threshold: 1e-4,
    thresholdMode: 'rel',
    cooldown: 0,
    minLr: 0,
    eps: 1e-8,
  },
  SequentialLR: { schedulers: [], milestones: [] },
  ChainedScheduler: { schedulers: [] },
} as const satisfies { readonly [N in SchedulerName]: Omit<SchedulerSettings, 'name'> };
