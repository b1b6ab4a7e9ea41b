// The one place where optimizer and stopping defaults live, and where user-given values are checked.
import { refuseInapplicable } from './optionsApply';
import {
  FormulaError,
  OPTIMIZER_NAMES,
  type OptimizerName,
  type OptimizerSettings,
  type RunOptions,
  type StopSettings,
} from './types';

/** Default η per optimizer: torch's where it shows descent within ~1000 steps, larger where torch's is too slow to watch. */
export const DEFAULT_LEARNING_RATES: Readonly<Record<OptimizerName, number>> = {
  gd: 0.1, // the seeds' η
  momentum: 0.01, // with momentum 0.9 the effective step is 0.1, as for gd
  nesterov: 0.01, // same reasoning as momentum
  adagrad: 0.1, // torch's 0.01 barely moves in 1000 steps because of the growing accumulator
  rmsprop: 0.01, // torch's default
  adam: 0.01, // torch's 0.001 moves at most ~1 unit in 1000 steps
};

/** Defaults shared by every optimizer (torch.optim's, except momentum which depends on the optimizer). */
export const DEFAULT_OPTIMIZER: Omit<OptimizerSettings, 'name' | 'lr' | 'momentum' | 'eps'> = {
  dampening: 0, // torch SGD
  lrDecay: 0, // torch Adagrad
  initialAccumulatorValue: 0, // torch Adagrad
  alpha: 0.99, // torch RMSprop
  centered: false, // torch RMSprop
  betas: [0.9, 0.999], // torch Adam
  amsgrad: false, // torch Adam
  lineSearch: false, // plain fixed-step gd unless asked
};

/** Momentum default: 0.9 for the SGD momentum variants, torch's 0 for RMSprop (and unused elsewhere). */
export function defaultMomentum(name: OptimizerName): number {
  return name === 'momentum' || name === 'nesterov' ? 0.9 : 0;
}

/** eps default: torch's 1e-10 for Adagrad, 1e-8 for RMSprop and Adam (unused by SGD). */
export function defaultEps(name: OptimizerName): number {
  return name === 'adagrad' ? 1e-10 : 1e-8;
}

/** Stopping defaults. */
export const DEFAULT_STOP: StopSettings = {
  maxIterations: 1000, // enough to watch a well-chosen η converge on textbook functions
  gradientTolerance: 1e-6, // ‖∇f‖ small enough that the point is stationary to plotting precision
  stepTolerance: 1e-12, // relative: the iterate no longer moves in double precision terms
  valueTolerance: 0, // off: plateaus would stop runs that are still making progress
  timeBudgetMs: 10_000, // a run never holds the caller longer than this
};

/** Value of a parameter the note gives none for (`a` in `f(x) = a x^2`): 1 leaves its term as written. */
export const DEFAULT_PARAMETER_VALUE = 1;

/** Value blow-up that counts as divergence: |f| > DIVERGENCE_FACTOR × max(1, |f(x0)|). */
export const DIVERGENCE_FACTOR = 1e8;

function bad(message: string): never {
  throw new FormulaError(message, 'bad-option');
}

function check(name: string, value: number, ok: (v: number) => boolean, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    bad(`${name} must be ${what} (got ${String(value)})`);
  }
  return value;
}

const nonNegative = (v: number): boolean => v >= 0;
const unit = (v: number): boolean => v >= 0 && v < 1;

/** Complete optimizer settings from a partial, with torch's validity rules (a FormulaError 'bad-option' otherwise). */
export function resolveOptimizer(partial: Partial<OptimizerSettings>): OptimizerSettings {
  const name = partial.name ?? 'gd';
  if (!OPTIMIZER_NAMES.includes(name)) {
    bad(`Unknown optimizer "${String(name)}"; use one of ${OPTIMIZER_NAMES.join(', ')}`);
  }
  const settings: OptimizerSettings = {
    ...DEFAULT_OPTIMIZER,
    name,
    lr: DEFAULT_LEARNING_RATES[name],
    momentum: defaultMomentum(name),
    eps: defaultEps(name),
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
  check('lr', settings.lr, (v) => v > 0, 'a positive number');
  check('momentum', settings.momentum, nonNegative, 'a non-negative number');
  check('dampening', settings.dampening, (v) => v >= 0 && v <= 1, 'between 0 and 1');
  check('lr_decay', settings.lrDecay, nonNegative, 'non-negative');
  check('initial_accumulator_value', settings.initialAccumulatorValue, nonNegative, 'non-negative');
  check('alpha', settings.alpha, unit, 'in [0, 1)');
  check('eps', settings.eps, nonNegative, 'non-negative');
  if (!Array.isArray(settings.betas) || settings.betas.length !== 2) bad('betas must be two numbers');
  check('beta1', settings.betas[0], unit, 'in [0, 1)');
  check('beta2', settings.betas[1], unit, 'in [0, 1)');
  if (name === 'nesterov' && (settings.momentum <= 0 || settings.dampening !== 0)) {
    bad('Nesterov momentum requires a momentum > 0 and zero dampening');
  }
  if (settings.lineSearch && name !== 'gd') bad('The line search is for gd only');
  refuseInapplicable(partial);
  return settings;
}

/** Complete stop settings from a partial; tolerances of 0 turn their test off. */
export function resolveStop(partial: Partial<StopSettings>): StopSettings {
  const stop: StopSettings = {
    ...DEFAULT_STOP,
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
  check('maxIterations', stop.maxIterations, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  check('gradientTolerance', stop.gradientTolerance, nonNegative, 'non-negative');
  check('stepTolerance', stop.stepTolerance, nonNegative, 'non-negative');
  check('valueTolerance', stop.valueTolerance, nonNegative, 'non-negative');
  check('timeBudgetMs', stop.timeBudgetMs, nonNegative, 'non-negative');
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
