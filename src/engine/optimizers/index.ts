// createOptimizer: one instance of torch.optim's update rule per run, with its state visible.
import { hessianAt } from '../hessian';
import { resolveOptimizer } from '../settings';
import type { OptimizerName, OptimizerSettings, Problem } from '../types';
import { createAdagrad, createAdadelta } from './adagrad';
import { createAdam } from './adam';
import { createAdamax, createNadam, createRadam } from './adamVariants';
import { createAsgd } from './asgd';
import { createLbfgs } from './lbfgs';
import { createNewton } from './newton';
import type { Objective, Optimizer, OptimizerContext } from './optimizer';
import { createRmsprop } from './rmsprop';
import { createRprop } from './rprop';
import { createSgd } from './sgd';

export type { Objective, Optimizer, OptimizerQuantity, ParamGroup } from './optimizer';
export { ARMIJO_C, ARMIJO_MAX_HALVINGS } from './lineSearch';
export {
  ALL_OPTIMIZER_NAMES,
  OPTIMIZERS,
  optimizerDescriptor,
  readsParameter,
  type OptimizerDescriptor,
} from './registry';

const FACTORIES: Readonly<Record<OptimizerName, (context: OptimizerContext) => Optimizer>> = {
  gd: createSgd,
  momentum: createSgd,
  nesterov: createSgd,
  sgd: createSgd,
  asgd: createAsgd,
  adagrad: createAdagrad,
  adadelta: createAdadelta,
  rmsprop: createRmsprop,
  rprop: createRprop,
  adam: createAdam,
  adamw: createAdam,
  adamax: createAdamax,
  nadam: createNadam,
  radam: createRadam,
  lbfgs: createLbfgs,
  newton: createNewton,
};

/** What the optimizers that evaluate f themselves call, from a compiled problem (the Hessian is the engine's). */
export function objectiveOf(problem: Problem): Objective {
  return {
    value: (x) => problem.value(x),
    valueAndGradient: (x, out) => problem.valueAndGradient(x, out),
    hessian: (x) => hessianAt(problem, x),
  };
}

/**
 * A fresh optimizer for `dimension` variables; partial settings are completed with the defaults.
 * LBFGS, Newton and gd's line search evaluate f themselves and need the problem.
 */
export function createOptimizer(
  settings: Partial<OptimizerSettings>,
  dimension: number,
  maximize = false,
  problem?: Problem,
): Optimizer {
  const full = resolveOptimizer(settings);
  const objective = problem === undefined ? undefined : objectiveOf(problem);
  return FACTORIES[full.name]({ settings: full, dimension, maximize, objective });
}

/** Plain fixed-step gd (SGD without momentum, weight decay or line search): what the fused loop runs. */
export function isPlainGd(settings: OptimizerSettings): boolean {
  const sgd = settings.name === 'gd' || settings.name === 'sgd';
  return sgd && !settings.lineSearch && settings.momentum === 0 && settings.weightDecay === 0;
}
