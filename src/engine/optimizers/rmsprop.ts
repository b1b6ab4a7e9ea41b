// torch.optim.RMSprop.
import type { OptimizerSettings } from '../types';
import { lerp, type Optimizer, type OptimizerQuantity } from './optimizer';

/**
 * v = α·v + (1 − α)·g²; centered: ḡ = lerp(ḡ, g, 1 − α), avg = √(v − ḡ²) + eps, else avg = √v + eps;
 * with momentum μ > 0: buf = μ·buf + g/avg, x −= lr·buf; else x −= lr·g/avg.
 */
export function createRmsprop(settings: OptimizerSettings, dimension: number, maximize: boolean): Optimizer {
  const { lr, alpha, eps, centered, momentum } = settings;
  const squareAvg = new Float64Array(dimension);
  const gradAvg = new Float64Array(dimension);
  const buf = new Float64Array(dimension);
  let started = false;
  return {
    name: 'rmsprop',
    step(x, grad): number {
      for (let i = 0; i < dimension; i++) {
        const g = maximize ? -grad[i] : grad[i];
        squareAvg[i] = alpha * squareAvg[i] + (1 - alpha) * g * g;
        let avg: number;
        if (centered) {
          gradAvg[i] = lerp(gradAvg[i], g, 1 - alpha);
          avg = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
        } else {
          avg = Math.sqrt(squareAvg[i]) + eps;
        }
        if (momentum > 0) {
          buf[i] = momentum * buf[i] + g / avg;
          x[i] -= lr * buf[i];
        } else {
          x[i] -= (lr * g) / avg;
        }
      }
      started = true;
      return lr;
    },
    state(): OptimizerQuantity[] {
      if (!started) return [];
      const quantities: OptimizerQuantity[] = [
        { name: 'square_avg', symbol: 'v', value: Array.from(squareAvg) },
      ];
      if (centered) quantities.push({ name: 'grad_avg', symbol: 'ḡ', value: Array.from(gradAvg) });
      if (momentum > 0) quantities.push({ name: 'momentum_buffer', symbol: 'buf', value: Array.from(buf) });
      return quantities;
    },
  };
}
