// torch.optim.Adamax, NAdam and RAdam: the Adam family's variants, with torch's arithmetic (m is
// updated as m·β₁ + (1 − β₁)·g, as torch writes these three).
import { paramGroup, quantity, type Optimizer, type OptimizerContext } from './optimizer';

/** The gradient as the update sees it: negated for maximize, then with weight decay added. */
function decayed(
  grad: Float64Array,
  x: Float64Array,
  i: number,
  maximize: boolean,
  weightDecay: number,
): number {
  const g = maximize ? -grad[i] : grad[i];
  return weightDecay !== 0 ? g + weightDecay * x[i] : g;
}

/** Adamax: u = max(β₂·u, |g| + eps); x −= (lr / (1 − β₁ᵗ))·m / u. */
export function createAdamax(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { eps, weightDecay } = settings;
  const beta2 = settings.betas[1];
  const group = paramGroup(settings);
  const expAvg = new Float64Array(dimension);
  const expInf = new Float64Array(dimension);
  let t = 0;
  return {
    name: 'adamax',
    group,
    step(x, grad): number {
      t++;
      const beta1 = group.beta1;
      const clr = group.lr / (1 - Math.pow(beta1, t));
      for (let i = 0; i < dimension; i++) {
        const g = decayed(grad, x, i, maximize, weightDecay);
        expAvg[i] = expAvg[i] * beta1 + (1 - beta1) * g;
        expInf[i] = Math.max(expInf[i] * beta2, Math.abs(g) + eps);
        x[i] -= (clr * expAvg[i]) / expInf[i];
      }
      return clr;
    },
    state() {
      return t === 0 ? [] : [quantity('exp_avg', 'm', expAvg), quantity('exp_inf', 'u', expInf)];
    },
  };
}

/**
 * NAdam (Dozat): μₜ = β₁(1 − ½·0.96^(t·ψ)); x −= lr(1 − μₜ)/(1 − Πμ)·g/d + lr·μₜ₊₁/(1 − Πμ·μₜ₊₁)·m/d
 * with d = √(v/(1 − β₂ᵗ)) + eps. Torch 1.13's single-tensor code multiplied μₜ into the second
 * product twice; this is the corrected rule of torch ≥ 2.0 (and of 1.13's foreach path).
 */
export function createNadam(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { eps, weightDecay, momentumDecay } = settings;
  const beta2 = settings.betas[1];
  const group = paramGroup(settings);
  const expAvg = new Float64Array(dimension);
  const expAvgSq = new Float64Array(dimension);
  let muProduct = 1;
  let t = 0;
  return {
    name: 'nadam',
    group,
    step(x, grad): number {
      t++;
      const { lr, beta1 } = group;
      const biasCorrection2 = 1 - Math.pow(beta2, t);
      const mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, t * momentumDecay));
      const muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
      muProduct *= mu;
      const gradStep = (-lr * (1.0 - mu)) / (1.0 - muProduct);
      const avgStep = (-lr * muNext) / (1.0 - muProduct * muNext);
      for (let i = 0; i < dimension; i++) {
        const g = decayed(grad, x, i, maximize, weightDecay);
        expAvg[i] = expAvg[i] * beta1 + (1 - beta1) * g;
        expAvgSq[i] = expAvgSq[i] * beta2 + (1 - beta2) * g * g;
        const denom = Math.sqrt(expAvgSq[i] / biasCorrection2) + eps;
        x[i] += (gradStep * g) / denom;
        x[i] += (avgStep * expAvg[i]) / denom;
      }
      return lr;
    },
    state() {
      return t === 0 ? [] : [quantity('exp_avg', 'm', expAvg), quantity('exp_avg_sq', 'v', expAvgSq)];
    },
  };
}

/**
 * RAdam: with ρ∞ = 2/(1 − β₂) − 1 and ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ), the bias-corrected m is scaled by
 * the rectification r and √(1 − β₂ᵗ)/(√v + eps) once ρₜ > 5; before that the step is plain momentum.
 */
export function createRadam(context: OptimizerContext): Optimizer {
  const { settings, dimension, maximize } = context;
  const { eps, weightDecay } = settings;
  const beta2 = settings.betas[1];
  const group = paramGroup(settings);
  const expAvg = new Float64Array(dimension);
  const expAvgSq = new Float64Array(dimension);
  let t = 0;
  return {
    name: 'radam',
    group,
    step(x, grad): number {
      t++;
      const { lr, beta1 } = group;
      const biasCorrection1 = 1 - Math.pow(beta1, t);
      const biasCorrection2 = 1 - Math.pow(beta2, t);
      const rhoInf = 2 / (1 - beta2) - 1;
      const rhoT = rhoInf - (2 * t * Math.pow(beta2, t)) / biasCorrection2;
      const rect =
        rhoT > 5.0
          ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
          : undefined;
      for (let i = 0; i < dimension; i++) {
        const g = decayed(grad, x, i, maximize, weightDecay);
        expAvg[i] = expAvg[i] * beta1 + (1 - beta1) * g;
        expAvgSq[i] = expAvgSq[i] * beta2 + (1 - beta2) * g * g;
        const corrected = expAvg[i] / biasCorrection1;
        if (rect === undefined) x[i] -= corrected * lr;
        else x[i] -= corrected * lr * (Math.sqrt(biasCorrection2) / (Math.sqrt(expAvgSq[i]) + eps)) * rect;
      }
      return lr;
    },
    state() {
      return t === 0 ? [] : [quantity('exp_avg', 'm', expAvg), quantity('exp_avg_sq', 'v', expAvgSq)];
    },
  };
}
