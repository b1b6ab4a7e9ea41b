// torch.optim.Adam (with amsgrad).
import type { OptimizerSettings } from '../types';
import { lerp, type Optimizer, type OptimizerQuantity } from './optimizer';

/**
 * m = lerp(m, g, 1 − β1); v = β2·v + (1 − β2)·g²; v_max = max(v_max, v) with amsgrad;
 * x −= (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + eps): eps is added after bias correction, outside the root.
 */
export function createAdam(settings: OptimizerSettings, dimension: number, maximize: boolean): Optimizer {
  const { lr, eps, amsgrad } = settings;
  const [beta1, beta2] = settings.betas;
  const expAvg = new Float64Array(dimension);
  const expAvgSq = new Float64Array(dimension);
  const maxExpAvgSq = new Float64Array(dimension);
  let t = 0;
  return {
    name: 'adam',
    step(x, grad): number {
      t++;
      const biasCorrection1 = 1 - Math.pow(beta1, t);
      const biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      const stepSize = lr / biasCorrection1;
      for (let i = 0; i < dimension; i++) {
        const g = maximize ? -grad[i] : grad[i];
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
      const quantities: OptimizerQuantity[] = [
        { name: 'exp_avg', symbol: 'm', value: Array.from(expAvg) },
        { name: 'exp_avg_sq', symbol: 'v', value: Array.from(expAvgSq) },
      ];
      if (amsgrad) {
        quantities.push({ name: 'max_exp_avg_sq', symbol: 'v_max', value: Array.from(maxExpAvgSq) });
      }
      quantities.push(
        { name: 'exp_avg_hat', symbol: 'm̂', value: Array.from(expAvg, (m) => m / biasCorrection1) },
        {
          name: 'exp_avg_sq_hat',
          symbol: 'v̂',
          value: Array.from(amsgrad ? maxExpAvgSq : expAvgSq, (v) => v / biasCorrection2),
        },
      );
      return quantities;
    },
  };
}
