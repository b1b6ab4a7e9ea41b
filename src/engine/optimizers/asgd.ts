// torch.optim.ASGD: SGD with a decaying step and, after t0 steps, a running average of the iterates.
import { paramGroup, quantity, type Optimizer, type OptimizerContext } from './optimizer';

/**
 * g += wd·x; x ← x·(1 − λη) − η·g; ax ← ax + μ(x − ax) (ax = x while μ = 1); then
 * η = lr / (1 + λ·lr·t)^α and μ = 1 / max(1, t − t0). η starts at the lr of the first step.
 */
export function createAsgd(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { lambd, alpha, t0, weightDecay } = settings;
  const group = paramGroup(settings);
  const ax = new Float64Array(dimension);
  let eta = 0;
  let mu = 1;
  let t = 0;
  return {
    name: 'asgd',
    group,
    step(x, grad): number {
      if (t === 0) eta = group.lr;
      t++;
      const used = eta;
      for (let i = 0; i < dimension; i++) {
        let g = maximize ? -grad[i] : grad[i];
        if (weightDecay !== 0) g = g + weightDecay * x[i];
        x[i] *= 1 - lambd * used;
        x[i] -= used * g;
        ax[i] = mu !== 1 ? ax[i] + (x[i] - ax[i]) * mu : x[i];
      }
      eta = group.lr / Math.pow(1 + lambd * group.lr * t, alpha);
      mu = 1 / Math.max(1, t - t0);
      return used;
    },
    state() {
      return t === 0 ? [] : [quantity('ax', 'x̄', ax)];
    },
  };
}
