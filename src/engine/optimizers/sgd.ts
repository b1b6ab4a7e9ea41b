// torch.optim.SGD: plain gd, heavy-ball momentum with dampening, and Nesterov; plus Armijo backtracking for gd.
import type { OptimizerSettings } from '../types';
import { armijoStep } from './lineSearch';
import type { Optimizer, OptimizerQuantity } from './optimizer';

/** SGD as torch writes it: buf = μ·buf + (1 − dampening)·g (buf = g on the first step); d = g + μ·buf (Nesterov) or buf. */
export function createSgd(settings: OptimizerSettings, dimension: number, maximize: boolean): Optimizer {
  const { lr, dampening } = settings;
  const momentum = settings.name === 'gd' ? 0 : settings.momentum;
  const nesterov = settings.name === 'nesterov';
  const buf = new Float64Array(dimension);
  const direction = new Float64Array(dimension);
  let started = false;
  return {
    name: settings.name,
    step(x, grad, value, objective): number {
      if (settings.lineSearch) {
        for (let i = 0; i < dimension; i++) direction[i] = maximize ? -grad[i] : grad[i];
        return armijoStep(x, direction, value, objective, lr, maximize);
      }
      for (let i = 0; i < dimension; i++) {
        const g = maximize ? -grad[i] : grad[i];
        let d = g;
        if (momentum !== 0) {
          buf[i] = started ? momentum * buf[i] + (1 - dampening) * g : g;
          d = nesterov ? g + momentum * buf[i] : buf[i];
        }
        x[i] -= lr * d;
      }
      started = true;
      return lr;
    },
    state(): OptimizerQuantity[] {
      return momentum !== 0 && started
        ? [{ name: 'momentum_buffer', symbol: 'buf', value: Array.from(buf) }]
        : [];
    },
  };
}
