// torch.optim.SGD: plain gd, heavy-ball momentum with dampening, Nesterov and weight decay; plus
// Armijo backtracking for gd (not a torch option).
import { armijoStep } from './lineSearch';
import { paramGroup, quantity, requireObjective, type Optimizer, type OptimizerContext } from './optimizer';

/**
 * SGD as torch writes it: d = g + wd·x; buf = μ·buf + (1 − dampening)·d (buf = d on its first step);
 * d = d + μ·buf (Nesterov) or buf; x −= lr·d. μ is read at every step (a cycling scheduler changes it).
 */
export function createSgd(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { dampening, weightDecay } = settings;
  const { nesterov } = settings;
  const group = paramGroup(settings);
  const buf = new Float64Array(dimension);
  const direction = new Float64Array(dimension);
  let buffered = false;
  return {
    name: settings.name,
    group,
    step(x, grad, value): number {
      const { lr, momentum } = group;
      if (settings.lineSearch) {
        for (let i = 0; i < dimension; i++) direction[i] = maximize ? -grad[i] : grad[i];
        return armijoStep(x, direction, value, requireObjective(context).value, lr, maximize);
      }
      for (let i = 0; i < dimension; i++) {
        let d = maximize ? -grad[i] : grad[i];
        if (weightDecay !== 0) d = d + weightDecay * x[i];
        if (momentum !== 0) {
          buf[i] = buffered ? momentum * buf[i] + (1 - dampening) * d : d;
          d = nesterov ? d + momentum * buf[i] : buf[i];
        }
        x[i] -= lr * d;
      }
      if (momentum !== 0) buffered = true;
      return lr;
    },
    state() {
      return buffered ? [quantity('momentum_buffer', 'buf', buf)] : [];
    },
  };
}
