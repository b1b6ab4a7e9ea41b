// The optimizers the engine runs and their hyper-parameters, by torch.optim's names.
/**
 * Every optimizer's name, a plain list here so that the protocol's guards need no optimizer code.
 * Optimizers: torch.optim's classes by their lower-case names, the friendly names of SGD presets
 * (gd, momentum, nesterov) and Newton's method. Their descriptors (OPTIMIZERS in optimizers/registry)
 * say which hyper-parameters each one reads.
 */
export const ALL_OPTIMIZER_NAMES = [
  'gd',
  'momentum',
  'nesterov',
  'sgd',
  'asgd',
  'adagrad',
  'adadelta',
  'rmsprop',
  'rprop',
  'adam',
  'adamw',
  'adamax',
  'nadam',
  'radam',
  'lbfgs',
  'newton',
] as const;

/** One optimizer's name (the list above is in display order; the registry holds one descriptor for each). */
export type OptimizerName = (typeof ALL_OPTIMIZER_NAMES)[number];

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
