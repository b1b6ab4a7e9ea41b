// torch.optim.Rprop: each coordinate moves by its own step size, grown or shrunk by the sign of g·g_prev.
import { quantity, paramGroup, type Optimizer, type OptimizerContext } from './optimizer';

/**
 * s = clamp(s·η₊ when g·g_prev > 0, s·η₋ when < 0, else s; step_sizes); where the sign flipped g is
 * taken as 0 (no move, and no flip next time); x −= sign(g)·s. The step sizes start at lr, which
 * torch reads only then.
 */
export function createRprop(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const [etaMinus, etaPlus] = settings.etas;
  const [stepMin, stepMax] = settings.stepSizes;
  const group = paramGroup(settings);
  const prev = new Float64Array(dimension);
  const stepSize = new Float64Array(dimension);
  let started = false;
  return {
    name: 'rprop',
    group,
    step(x, grad): number {
      if (!started) stepSize.fill(group.lr);
      for (let i = 0; i < dimension; i++) {
        let g = maximize ? -grad[i] : grad[i];
        const product = g * prev[i];
        // A NaN product stays NaN in torch's factor tensor (sign(NaN)), and so does the step size.
        const factor = product > 0 ? etaPlus : product < 0 ? etaMinus : Number.isNaN(product) ? NaN : 1;
        stepSize[i] = Math.min(Math.max(stepSize[i] * factor, stepMin), stepMax);
        if (factor === etaMinus) g = 0;
        x[i] -= Math.sign(g) * stepSize[i];
        prev[i] = g;
      }
      started = true;
      return group.lr;
    },
    state() {
      return started ? [quantity('prev', 'g_prev', prev), quantity('step_size', 's', stepSize)] : [];
    },
  };
}
