// torch.optim.Adagrad and Adadelta: steps scaled by accumulated squared gradients.
import { paramGroup, quantity, type Optimizer, type OptimizerContext } from './optimizer';

/** clr = lr / (1 + (t − 1)·lr_decay); g += wd·x; sum += g²; x −= clr · g / (√sum + eps). */
export function createAdagrad(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { lrDecay, eps, weightDecay } = settings;
  const group = paramGroup(settings);
  const sum = new Float64Array(dimension).fill(settings.initialAccumulatorValue);
  let t = 0;
  return {
    name: 'adagrad',
    group,
    step(x, grad): number {
      t++;
      const clr = group.lr / (1 + (t - 1) * lrDecay);
      for (let i = 0; i < dimension; i++) {
        let g = maximize ? -grad[i] : grad[i];
        if (weightDecay !== 0) g = g + weightDecay * x[i];
        sum[i] += g * g;
        const std = Math.sqrt(sum[i]) + eps;
        x[i] -= (clr * g) / std;
      }
      return clr;
    },
    state() {
      return t === 0 ? [] : [quantity('sum', 'G', sum)];
    },
  };
}

/**
 * Adadelta: v = ρ·v + (1 − ρ)·g²; Δ = √(u + eps)/√(v + eps)·g; u = ρ·u + (1 − ρ)·Δ²; x −= lr·Δ.
 */
export function createAdadelta(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { rho, eps, weightDecay } = settings;
  const group = paramGroup(settings);
  const squareAvg = new Float64Array(dimension);
  const accDelta = new Float64Array(dimension);
  let started = false;
  return {
    name: 'adadelta',
    group,
    step(x, grad): number {
      const lr = group.lr;
      for (let i = 0; i < dimension; i++) {
        let g = maximize ? -grad[i] : grad[i];
        if (weightDecay !== 0) g = g + weightDecay * x[i];
        squareAvg[i] = squareAvg[i] * rho + (1 - rho) * g * g;
        const std = Math.sqrt(squareAvg[i] + eps);
        const delta = (Math.sqrt(accDelta[i] + eps) / std) * g;
        accDelta[i] = accDelta[i] * rho + (1 - rho) * delta * delta;
        x[i] -= lr * delta;
      }
      started = true;
      return lr;
    },
    state() {
      return started ? [quantity('square_avg', 'v', squareAvg), quantity('acc_delta', 'u', accDelta)] : [];
    },
  };
}
