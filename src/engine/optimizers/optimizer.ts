// The shape every optimizer shares, so that runDescent and the worked-steps view drive one implementation.
import type { OptimizerName } from '../types';

/** One piece of optimizer state, under torch's state name, with the symbol used in formulas. */
export interface OptimizerQuantity {
  /** torch.optim's state name, e.g. `momentum_buffer`, `exp_avg`; derived values such as `exp_avg_hat` are marked by the suffix. */
  readonly name: string;
  /** The textbook symbol: buf, G, v, m, m̂, v̂ ... */
  readonly symbol: string;
  readonly value: readonly number[];
}

/** An optimizer with its state; create one per run with createOptimizer. */
export interface Optimizer {
  readonly name: OptimizerName;
  /**
   * Updates `x` in place, given `grad` = ∇f(x) and `value` = f(x); `objective` is only called by the
   * line search. Returns the learning rate actually used (after decay or backtracking).
   */
  step(x: Float64Array, grad: Float64Array, value: number, objective: (x: Float64Array) => number): number;
  /** The state after the last step (empty before the first for stateful optimizers). */
  state(): OptimizerQuantity[];
}

/** torch's lerp: self + w (end − self), computed from the nearer end as ATen does. */
export function lerp(self: number, end: number, weight: number): number {
  return Math.abs(weight) < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight);
}
