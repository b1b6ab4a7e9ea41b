// The optimizer descriptors: what each optimizer is called (here and in torch), what it does in one
// line, and its hyper-parameters in torch's order with their defaults, ranges and kinds. The panel
// renders controls from them; the torch-syntax parser checks calls against them.
import type { HyperParameter } from '../hyper';
import { torchName } from '../ranges';
import { OPTIMIZER_RANGES, optimizerDefaults } from '../settings';
import type { OptimizerName, OptimizerSettings } from '../types';

/** Groups for a chooser. */
export type OptimizerFamily = 'sgd' | 'adaptive' | 'adam' | 'quasi-newton' | 'second-order';

export interface OptimizerDescriptor {
  readonly name: OptimizerName;
  /** The torch.optim class, or undefined for Newton (not in torch.optim). */
  readonly torch: string | undefined;
  /** The name shown to people. */
  readonly label: string;
  readonly family: OptimizerFamily;
  readonly description: string;
  /** Hyper-parameters in torch's signature order, lr first. */
  readonly params: readonly HyperParameter<keyof OptimizerSettings>[];
  /** How many leading params torch takes positionally (after `params`). */
  readonly positional: number;
  /** The constructor call takes `maximize` (torch's LBFGS does not; --maximize then minimises −f). */
  readonly maximizeOption: boolean;
  /** What CyclicLR and OneCycleLR cycle: torch's 'momentum' or 'betas' among the defaults. */
  readonly cycles: 'momentum' | 'betas' | undefined;
}

type Key = keyof OptimizerSettings;

/** One line per hyper-parameter; an optimizer may word its own (ASGD's alpha). */
const DESCRIPTIONS: Readonly<Partial<Record<Key, string>>> = {
  lr: 'Learning rate η.',
  momentum: 'Momentum factor μ.',
  dampening: 'Dampening of the momentum (the share of the new gradient left out).',
  nesterov: 'Nesterov momentum: step along g + μ·buf.',
  weightDecay: 'L2 penalty: adds weight_decay·x to the gradient.',
  betas: 'Decay rates (β₁, β₂) of the first and second moment averages.',
  eps: 'Added to the denominator for numerical stability.',
  amsgrad: 'Use the running maximum of the second moment (AMSGrad).',
  momentumDecay: 'Momentum decay ψ of the momentum schedule.',
  lrDecay: 'Learning-rate decay: η / (1 + (t − 1)·lr_decay).',
  initialAccumulatorValue: 'Starting value of the sum of squared gradients.',
  rho: 'Decay rate ρ of the running averages.',
  alpha: 'Smoothing constant α of the squared-gradient average.',
  centered: 'Divide by the estimated variance of the gradient instead of its second moment.',
  etas: 'Step-size factors (decrease, increase) when the gradient sign flips or stays.',
  stepSizes: 'Smallest and largest step size.',
  lambd: 'Decay term λ of the step.',
  t0: 'Step after which the iterates are averaged.',
  maxIter: 'Most inner iterations per step.',
  maxEval: 'Most function evaluations per step (None: max_iter · 5/4).',
  toleranceGrad: 'Stop a step once every |∂f/∂xᵢ| is at most this.',
  toleranceChange: 'Stop a step once f or the iterate changes by less than this.',
  historySize: 'Number of past (step, gradient change) pairs kept.',
  lineSearchFn: "None (fixed steps of lr) or 'strong_wolfe'.",
  lineSearch: 'Armijo backtracking: halve η until f decreases enough (not a torch option).',
  shift: 'Levenberg shift λ: solve (H + λI)·d = ∇f.',
};

const KINDS: Readonly<Partial<Record<Key, HyperParameter['kind']>>> = {
  nesterov: 'boolean',
  amsgrad: 'boolean',
  centered: 'boolean',
  lineSearch: 'boolean',
  betas: 'pair',
  etas: 'pair',
  stepSizes: 'pair',
  historySize: 'integer',
  maxIter: 'integer',
  maxEval: 'integer',
  lineSearchFn: 'choice',
};

const LOG_SCALE: ReadonlySet<Key> = new Set<Key>([
  'lr',
  'eps',
  'weightDecay',
  'toleranceGrad',
  'toleranceChange',
  'lambd',
  'shift',
]);

function param(name: OptimizerName, key: Key, description?: string): HyperParameter<Key> {
  const defaults = optimizerDefaults(name);
  const range = OPTIMIZER_RANGES[key as keyof typeof OPTIMIZER_RANGES];
  return {
    key,
    torch: key === 'lineSearch' ? 'line_search' : torchName(key),
    kind: KINDS[key] ?? 'number',
    default: defaults[key],
    ...(range ? { range } : {}),
    ...(key === 'maxEval' ? { nullable: true } : {}),
    ...(key === 'lineSearchFn' ? { nullable: true, choices: ['strong_wolfe'] } : {}),
    ...(LOG_SCALE.has(key) ? { log: true } : {}),
    ...(key === 'lr' && name === 'sgd' ? { required: true } : {}),
    description: description ?? DESCRIPTIONS[key] ?? key,
  };
}

interface Entry {
  readonly torch?: string;
  readonly label: string;
  readonly family: OptimizerFamily;
  readonly description: string;
  readonly keys: readonly Key[];
  readonly positional?: number;
  readonly maximizeOption?: boolean;
  readonly cycles?: 'momentum' | 'betas';
  readonly wording?: Readonly<Partial<Record<Key, string>>>;
}

const ENTRIES: Readonly<Record<OptimizerName, Entry>> = {
  gd: {
    label: 'Gradient descent',
    family: 'sgd',
    description: 'Plain gradient descent: x ← x − η∇f(x) (torch.optim.SGD without momentum).',
    keys: ['lr', 'lineSearch'],
    cycles: 'momentum',
  },
  momentum: {
    label: 'Momentum',
    family: 'sgd',
    description: 'Gradient descent with heavy-ball momentum (torch.optim.SGD, momentum 0.9).',
    keys: ['lr', 'momentum', 'dampening', 'weightDecay'],
    cycles: 'momentum',
  },
  nesterov: {
    label: 'Nesterov',
    family: 'sgd',
    description: 'Nesterov momentum (torch.optim.SGD, nesterov=True).',
    keys: ['lr', 'momentum', 'weightDecay'],
    cycles: 'momentum',
  },
  sgd: {
    torch: 'SGD',
    label: 'SGD',
    family: 'sgd',
    description: 'torch.optim.SGD with every option: momentum, dampening, Nesterov and weight decay.',
    keys: ['lr', 'momentum', 'dampening', 'weightDecay', 'nesterov'],
    positional: 5,
    cycles: 'momentum',
  },
  asgd: {
    torch: 'ASGD',
    label: 'ASGD',
    family: 'sgd',
    description: 'Averaged SGD: a decaying step, and a running average of the iterates after t0 steps.',
    keys: ['lr', 'lambd', 'alpha', 't0', 'weightDecay'],
    positional: 5,
    wording: { alpha: 'Power α of the step decay.' },
  },
  adagrad: {
    torch: 'Adagrad',
    label: 'AdaGrad',
    family: 'adaptive',
    description: 'AdaGrad: per-coordinate steps shrink with the accumulated squared gradients.',
    keys: ['lr', 'lrDecay', 'weightDecay', 'initialAccumulatorValue', 'eps'],
    positional: 5,
  },
  adadelta: {
    torch: 'Adadelta',
    label: 'Adadelta',
    family: 'adaptive',
    description: 'Adadelta: steps scaled by running averages of squared updates over squared gradients.',
    keys: ['lr', 'rho', 'eps', 'weightDecay'],
    positional: 4,
  },
  rmsprop: {
    torch: 'RMSprop',
    label: 'RMSProp',
    family: 'adaptive',
    description: 'RMSProp: per-coordinate steps scaled by a moving average of squared gradients.',
    keys: ['lr', 'alpha', 'eps', 'weightDecay', 'momentum', 'centered'],
    positional: 6,
    cycles: 'momentum',
  },
  rprop: {
    torch: 'Rprop',
    label: 'Rprop',
    family: 'adaptive',
    description: 'Rprop: each step size grows while its gradient keeps its sign and shrinks when it flips.',
    keys: ['lr', 'etas', 'stepSizes'],
    positional: 3,
  },
  adam: {
    torch: 'Adam',
    label: 'Adam',
    family: 'adam',
    description: 'Adam: momentum plus RMSProp scaling with bias correction.',
    keys: ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad'],
    positional: 5,
    cycles: 'betas',
  },
  adamw: {
    torch: 'AdamW',
    label: 'AdamW',
    family: 'adam',
    description: 'AdamW: Adam with the weight decay applied to the weights, not added to the gradient.',
    keys: ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad'],
    positional: 5,
    cycles: 'betas',
    wording: { weightDecay: 'Decoupled weight decay: x ← x·(1 − lr·weight_decay) before each step.' },
  },
  adamax: {
    torch: 'Adamax',
    label: 'Adamax',
    family: 'adam',
    description: 'Adamax: Adam with the infinity norm of the gradients in place of the second moment.',
    keys: ['lr', 'betas', 'eps', 'weightDecay'],
    positional: 4,
    cycles: 'betas',
  },
  nadam: {
    torch: 'NAdam',
    label: 'NAdam',
    family: 'adam',
    description: 'NAdam: Adam with Nesterov momentum and a warming momentum schedule.',
    keys: ['lr', 'betas', 'eps', 'weightDecay', 'momentumDecay'],
    positional: 5,
    cycles: 'betas',
  },
  radam: {
    torch: 'RAdam',
    label: 'RAdam',
    family: 'adam',
    description: 'RAdam: Adam whose adaptive step is switched on once the variance estimate is reliable.',
    keys: ['lr', 'betas', 'eps', 'weightDecay'],
    positional: 4,
    cycles: 'betas',
  },
  lbfgs: {
    torch: 'LBFGS',
    label: 'L-BFGS',
    family: 'quasi-newton',
    description: 'L-BFGS: quasi-Newton steps from recent gradients; one iteration is one step(closure).',
    keys: ['lr', 'maxIter', 'maxEval', 'toleranceGrad', 'toleranceChange', 'historySize', 'lineSearchFn'],
    positional: 7,
    maximizeOption: false,
  },
  newton: {
    label: 'Newton',
    family: 'second-order',
    description:
      "Newton's method: solve the Hessian system each step; stops where it is not positive definite.",
    keys: ['lr', 'shift'],
  },
};

/** Every optimizer the engine runs, in display order, grouped by family. */
export const OPTIMIZERS: readonly OptimizerDescriptor[] = (Object.keys(ENTRIES) as OptimizerName[]).map(
  (name) => {
    const entry = ENTRIES[name];
    return {
      name,
      torch: entry.torch,
      label: entry.label,
      family: entry.family,
      description: entry.description,
      params: entry.keys.map((key) => param(name, key, entry.wording?.[key])),
      positional: entry.positional ?? 0,
      maximizeOption: entry.maximizeOption ?? true,
      cycles: entry.cycles,
    };
  },
);

const BY_NAME = new Map(OPTIMIZERS.map((d) => [d.name, d] as const));

/** The descriptor of one optimizer. */
export function optimizerDescriptor(name: OptimizerName): OptimizerDescriptor {
  const descriptor = BY_NAME.get(name);
  if (descriptor === undefined) throw new Error(`No optimizer named ${String(name)}`);
  return descriptor;
}

export { ALL_OPTIMIZER_NAMES } from '../optimizerTypes';

/** Whether an optimizer reads a hyper-parameter (its descriptor lists it); for refusing options that do not apply. */
export function readsParameter(name: OptimizerName, key: keyof OptimizerSettings): boolean {
  return optimizerDescriptor(name).params.some((p) => p.key === key);
}

/** The settings some optimizer takes, by the engine's names. */
const SETTING_KEYS: ReadonlySet<string> = new Set([
  'name',
  ...OPTIMIZERS.flatMap((d) => d.params.map((p) => p.key)),
]);

/**
 * Optimizer settings from a record of plain values (a webview's controls): only the names some
 * optimizer takes, as given; resolveOptimizer checks their values and says what is wrong.
 */
export function knownSettings(values: Readonly<Record<string, unknown>>): Partial<OptimizerSettings> {
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => SETTING_KEYS.has(key)),
  ) as Partial<OptimizerSettings>;
}
