// createOptimizer: one instance of torch.optim's update rule per run, with its state visible.
import { resolveOptimizer } from '../settings';
import type { OptimizerSettings } from '../types';
import { createAdagrad } from './adagrad';
import { createAdam } from './adam';
import type { Optimizer } from './optimizer';
import { createRmsprop } from './rmsprop';
import { createSgd } from './sgd';

export type { Optimizer, OptimizerQuantity } from './optimizer';
export { ARMIJO_C, ARMIJO_MAX_HALVINGS } from './lineSearch';

/** A fresh optimizer for `dimension` variables; partial settings are completed with the defaults. */
export function createOptimizer(
  settings: Partial<OptimizerSettings>,
  dimension: number,
  maximize = false,
): Optimizer {
  const full = resolveOptimizer(settings);
  switch (full.name) {
    case 'gd':
    case 'momentum':
    case 'nesterov':
      return createSgd(full, dimension, maximize);
    case 'adagrad':
      return createAdagrad(full, dimension, maximize);
    case 'rmsprop':
      return createRmsprop(full, dimension, maximize);
    case 'adam':
      return createAdam(full, dimension, maximize);
  }
}
