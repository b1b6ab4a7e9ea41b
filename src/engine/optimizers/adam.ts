// torch.optim.Adam and AdamW (with amsgrad and weight decay).
import {
  lerp,
  paramGroup,
  quantity,
  type Optimizer,
  type OptimizerContext,
  type OptimizerQuantity,
} from './optimizer';

/**
 * AdamW first decays x ← x·(1 − lr·wd); Adam adds wd·x to g instead. Then m = lerp(m, g, 1 − β1);
 * v = β2·v + (1 − β2)·g²; v_max = max(v_max, v) with amsgrad;
 * x −= (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + eps): eps is added after bias correction, outside the root.
 */
export function createAdam(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { eps, amsgrad, weightDecay } = settings;
  const decoupled = settings.name === 'adamw';
  const beta2 = settings.betas[1];
  const group = paramGroup(settings);
  const expAvg = new Float64Array(dimension);
  const expAvgSq = new Float64Array(dimension);
  const maxExpAvgSq = new Float64Array(dimension);
  let t = 0;
  let beta1 = group.beta1;
  return {
    name: settings.name,
    group,
    step(x, grad): number {
      t++;
      const lr = group.lr;
      beta1 = group.beta1;
      const biasCorrection1 = 1 - Math.pow(beta1, t);
      const biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      const stepSize = lr / biasCorrection1;
      for (let i = 0; i < dimension; i++) {
        let g = maximize ? -grad[i] : grad[i];
        if (decoupled) x[i] *= 1 - lr * weightDecay;
        else if (weightDecay !== 0) g = g + weightDecay * x[i];
        expAvg[i] = lerp(expAvg[i], g, 1 - beta1);
        expAvgSq[i] = beta2 * expAvgSq[i] + (1 - beta2) * g * g;
        let second = expAvgSq[i];
        if (amsgrad) {
          maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], expAvgSq[i]);
          second = maxExpAvgSq[i];
        }
        const denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
        x[i] -= (stepSize * expAvg[i]) / denom;
      }
      return stepSize;
    },
    state(): OptimizerQuantity[] {
      if (t === 0) return [];
      const biasCorrection1 = 1 - Math.pow(beta1, t);
      const biasCorrection2 = 1 - Math.pow(beta2, t);
      const quantities = [quantity('exp_avg', 'm', expAvg), quantity('exp_avg_sq', 'v', expAvgSq)];
      if (amsgrad) quantities.push(quantity('max_exp_avg_sq', 'v_max', maxExpAvgSq));
      quantities.push(
        quantity(
          'exp_avg_hat',
          'm̂',
          Array.from(expAvg, (m) => m / biasCorrection1),
        ),
        quantity(
          'exp_avg_sq_hat',
          'v̂',
          Array.from(amsgrad ? maxExpAvgSq : expAvgSq, (v) => v / biasCorrection2),
        ),
      );
      return quantities;
    },
  };
}
