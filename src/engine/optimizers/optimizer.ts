// The shape every optimizer shares, so that runDescent, the schedulers and the worked-steps view
// drive one implementation.
import type { OptimizerName, OptimizerSettings, StopReason } from '../types';
import { optimizerDescriptor } from './registry';

/** One piece of optimizer state, under torch's state name, with the symbol used in formulas. */
export interface OptimizerQuantity {
  /** torch.optim's state name, e.g. `momentum_buffer`, `exp_avg`; derived values such as `exp_avg_hat` are marked by the suffix. */
  readonly name: string;
  /** The textbook symbol: buf, G, v, m, m̂, v̂ ... */
  readonly symbol: string;
  readonly value: readonly number[];
}

/**
 * torch's param_groups[0]: the values a scheduler writes between steps and the optimizer reads at
 * every step.
 */
export interface ParamGroup {
  lr: number;
  /** torch's `initial_lr`: set by the first scheduler, read by the later ones. */
  initialLr: number | undefined;
  /** SGD's and RMSprop's momentum, which CyclicLR and OneCycleLR may cycle. */
  momentum: number;
  /** The Adam family's β₁, which OneCycleLR (and CyclicLR) cycle in its place. */
  beta1: number;
  /** What a cycling scheduler changes: torch's 'momentum' or 'betas' among the optimizer's defaults. */
  readonly cycles: 'momentum' | 'betas' | undefined;
}

/** What optimizers that evaluate f themselves call: LBFGS, the line searches and Newton's method. */
export interface Objective {
  value(x: Float64Array): number;
  /** Writes ∇f(x) into `out` and returns f(x). */
  valueAndGradient(x: Float64Array, out: Float64Array): number;
  /** The Hessian at x, row-major n×n. */
  hessian(x: Float64Array): Float64Array;
}

/** An optimizer with its state; create one per run with createOptimizer. */
export interface Optimizer {
  readonly name: OptimizerName;
  readonly group: ParamGroup;
  /**
   * Updates `x` in place, given `grad` = ∇f(x) and `value` = f(x) (torch's closure() at x, which
   * LBFGS would otherwise evaluate again). Returns the learning rate actually used (after decay,
   * bias correction or line search).
   */
  step(x: Float64Array, grad: Float64Array, value: number): number;
  /** The state after the last step (empty before the first for stateful optimizers). */
  state(): OptimizerQuantity[];
  /** Set when the optimizer could not take its step (Newton at a Hessian that is not positive definite). */
  readonly stopReason?: StopReason;
}

/** What every optimizer factory receives. */
export interface OptimizerContext {
  readonly settings: OptimizerSettings;
  readonly dimension: number;
  /** torch's maximize: the gradient is negated before the update. */
  readonly maximize: boolean;
  /** Only LBFGS, Newton and the Armijo line search call it. */
  readonly objective: Objective | undefined;
}

/** The param group of an optimizer created from `settings`. */
export function paramGroup(settings: OptimizerSettings): ParamGroup {
  const { cycles } = optimizerDescriptor(settings.name);
  return {
    lr: settings.lr,
    initialLr: undefined,
    momentum: settings.momentum,
    beta1: settings.betas[0],
    cycles,
  };
}

/** The objective, or an error for an optimizer created without one. */
export function requireObjective(context: OptimizerContext): Objective {
  if (context.objective === undefined) throw new Error(`${context.settings.name} needs the objective`);
  return context.objective;
}

/** torch's lerp: self + w (end − self), computed from the nearer end as ATen does. */
export function lerp(self: number, end: number, weight: number): number {
  return Math.abs(weight) < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight);
}

/** A Float64Array as a state quantity. */
export function quantity(name: string, symbol: string, value: ArrayLike<number>): OptimizerQuantity {
  return { name, symbol, value: Array.from(value) };
}
