// torch.optim.RMSprop.
import {
  lerp,
  paramGroup,
  quantity,
  type Optimizer,
  type OptimizerContext,
  type OptimizerQuantity,
} from './optimizer';

/**
 * g += wd·x; v = α·v + (1 − α)·g²; centered: ḡ = lerp(ḡ, g, 1 − α), avg = √(v − ḡ²) + eps, else
 * avg = √v + eps; with momentum μ > 0: buf = μ·buf + g/avg, x −= lr·buf; else x −= lr·g/avg. μ is
 * read at every step (a cycling scheduler changes it); torch makes the buffer on the first step.
 */
export function createRmsprop(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { alpha, eps, centered, weightDecay } = settings;
  const group = paramGroup(settings);
  const squareAvg = new Float64Array(dimension);
  const gradAvg = new Float64Array(dimension);
  const buf = new Float64Array(dimension);
  let started = false;
  let buffered = false;
  return {
    name: 'rmsprop',
    group,
    step(x, grad): number {
      const { lr, momentum } = group;
      if (!started) buffered = momentum > 0;
      for (let i = 0; i < dimension; i++) {
        let g = maximize ? -grad[i] : grad[i];
        if (weightDecay !== 0) g = g + weightDecay * x[i];
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
      const quantities = [quantity('square_avg', 'v', squareAvg)];
      if (centered) quantities.push(quantity('grad_avg', 'ḡ', gradAvg));
      if (buffered) quantities.push(quantity('momentum_buffer', 'buf', buf));
      return quantities;
    },
  };
}
