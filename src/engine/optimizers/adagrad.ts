// torch.optim.Adagrad.
import type { OptimizerSettings } from '../types';
import type { Optimizer, OptimizerQuantity } from './optimizer';

/** clr = lr / (1 + (t − 1)·lr_decay); sum += g²; x −= clr · g / (√sum + eps). */
export function createAdagrad(settings: OptimizerSettings, dimension: number, maximize: boolean): Optimizer {
  const { lr, lrDecay, eps } = settings;
  const sum = new Float64Array(dimension).fill(settings.initialAccumulatorValue);
  let t = 0;
  return {
    name: 'adagrad',
    step(x, grad): number {
      t++;
      const clr = lr / (1 + (t - 1) * lrDecay);
      for (let i = 0; i < dimension; i++) {
        const g = maximize ? -grad[i] : grad[i];
        sum[i] += g * g;
        const std = Math.sqrt(sum[i]) + eps;
        x[i] -= (clr * g) / std;
      }
      return clr;
    },
    state(): OptimizerQuantity[] {
      return t === 0 ? [] : [{ name: 'sum', symbol: 'G', value: Array.from(sum) }];
    },
  };
}
