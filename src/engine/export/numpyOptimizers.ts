// The update rules in NumPy, one Python class per optimizer, written as the engine computes them
// (torch.optim's rules). Every class reads `group` (lr, momentum, beta1: what a scheduler changes)
// and the hyper-parameters, which the script defines above it under torch's names, and steps on the
// loss (f, or −f when maximizing): step(x, g, loss) returns the next x, or None when it cannot step.
import { HESSIAN_STEP } from '../hessian';
import { ARMIJO_C, ARMIJO_MAX_HALVINGS } from '../optimizers/lineSearch';
import type { OptimizerName } from '../types';
import { LBFGS } from './numpyLbfgs';
import { pythonNumber } from './python';

const SGD = `class SGD:
    """d = g + wd·x; buf = μ·buf + (1 − dampening)·d (buf = d at first); d = d + μ·buf (Nesterov) or buf; x −= lr·d."""

    def __init__(self):
        self.buf = None

    def step(self, x, g, loss):
        lr, momentum = group["lr"], group["momentum"]
        d = g + weight_decay * x if weight_decay != 0 else g
        if momentum != 0:
            self.buf = d.copy() if self.buf is None else momentum * self.buf + (1 - dampening) * d
            d = d + momentum * self.buf if nesterov else self.buf
        return x - lr * d`;

const ARMIJO = `class Armijo:
    """gd with Armijo backtracking: the first t in lr, lr/2, ... with loss(x − t·g) ≤ loss(x) − c·t·‖g‖²."""

    def step(self, x, g, loss):
        t = group["lr"]
        squared = sum(v * v for v in g)
        for k in range(${ARMIJO_MAX_HALVINGS + 1}):
            trial = x - t * g
            if objective(trial) <= loss - ${pythonNumber(ARMIJO_C)} * t * squared:
                break
            if k < ${ARMIJO_MAX_HALVINGS}:
                t *= 0.5
        return trial`;

const ADAM = `class Adam:
    """m = lerp(m, g, 1 − β₁); v = β₂·v + (1 − β₂)·g²; x −= lr/(1 − β₁ᵗ)·m/(√v/√(1 − β₂ᵗ) + eps).
    AdamW first decays x·(1 − lr·wd); Adam adds wd·x to g. amsgrad uses the running maximum of v."""

    def __init__(self):
        self.t, self.m, self.v, self.v_max = 0, np.zeros(n), np.zeros(n), np.zeros(n)

    def step(self, x, g, loss):
        self.t += 1
        lr, beta1, beta2 = group["lr"], group["beta1"], betas[1]
        step_size = lr / (1 - beta1**self.t)
        bias_correction2_sqrt = math.sqrt(1 - beta2**self.t)
        if decoupled:
            x = x * (1 - lr * weight_decay)
        elif weight_decay != 0:
            g = g + weight_decay * x
        self.m = lerp(self.m, g, 1 - beta1)
        self.v = beta2 * self.v + (1 - beta2) * g * g
        second = self.v
        if amsgrad:
            self.v_max = np.maximum(self.v_max, self.v)
            second = self.v_max
        return x - step_size * self.m / (np.sqrt(second) / bias_correction2_sqrt + eps)`;

const ADAMAX = `class Adamax:
    """u = max(β₂·u, |g| + eps); x −= lr/(1 − β₁ᵗ)·m/u."""

    def __init__(self):
        self.t, self.m, self.u = 0, np.zeros(n), np.zeros(n)

    def step(self, x, g, loss):
        self.t += 1
        beta1 = group["beta1"]
        clr = group["lr"] / (1 - beta1**self.t)
        g = g + weight_decay * x if weight_decay != 0 else g
        self.m = self.m * beta1 + (1 - beta1) * g
        self.u = np.maximum(self.u * betas[1], np.abs(g) + eps)
        return x - clr * self.m / self.u`;

const NADAM = `class NAdam:
    """μₜ = β₁(1 − ½·0.96^(t·ψ)); x −= lr(1 − μₜ)/(1 − Πμ)·g/d + lr·μₜ₊₁/(1 − Πμ·μₜ₊₁)·m/d, d = √(v/(1 − β₂ᵗ)) + eps."""

    def __init__(self):
        self.t, self.m, self.v, self.mu_product = 0, np.zeros(n), np.zeros(n), 1.0

    def step(self, x, g, loss):
        self.t += 1
        lr, beta1, beta2 = group["lr"], group["beta1"], betas[1]
        bias_correction2 = 1 - beta2**self.t
        mu = beta1 * (1.0 - 0.5 * 0.96 ** (self.t * momentum_decay))
        mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((self.t + 1) * momentum_decay))
        self.mu_product *= mu
        g = g + weight_decay * x if weight_decay != 0 else g
        self.m = self.m * beta1 + (1 - beta1) * g
        self.v = self.v * beta2 + (1 - beta2) * g * g
        denom = np.sqrt(self.v / bias_correction2) + eps
        x = x + (-lr * (1.0 - mu)) / (1.0 - self.mu_product) * g / denom
        return x + (-lr * mu_next) / (1.0 - self.mu_product * mu_next) * self.m / denom`;

const RADAM = `class RAdam:
    """Bias-corrected m, scaled by the rectification r and √(1 − β₂ᵗ)/(√v + eps) once ρₜ > 5."""

    def __init__(self):
        self.t, self.m, self.v = 0, np.zeros(n), np.zeros(n)

    def step(self, x, g, loss):
        self.t += 1
        lr, beta1, beta2 = group["lr"], group["beta1"], betas[1]
        bias_correction1, bias_correction2 = 1 - beta1**self.t, 1 - beta2**self.t
        g = g + weight_decay * x if weight_decay != 0 else g
        self.m = self.m * beta1 + (1 - beta1) * g
        self.v = self.v * beta2 + (1 - beta2) * g * g
        corrected = self.m / bias_correction1
        rho_inf = 2 / (1 - beta2) - 1
        rho_t = rho_inf - 2 * self.t * beta2**self.t / bias_correction2
        if rho_t <= 5.0:
            return x - corrected * lr
        rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
        return x - corrected * lr * (math.sqrt(bias_correction2) / (np.sqrt(self.v) + eps)) * rect`;

const ADAGRAD = `class Adagrad:
    """clr = lr/(1 + (t − 1)·lr_decay); sum += g²; x −= clr·g/(√sum + eps)."""

    def __init__(self):
        self.t, self.sum = 0, np.full(n, float(initial_accumulator_value))

    def step(self, x, g, loss):
        self.t += 1
        clr = group["lr"] / (1 + (self.t - 1) * lr_decay)
        g = g + weight_decay * x if weight_decay != 0 else g
        self.sum = self.sum + g * g
        return x - clr * g / (np.sqrt(self.sum) + eps)`;

const ADADELTA = `class Adadelta:
    """v = ρ·v + (1 − ρ)·g²; Δ = √(u + eps)/√(v + eps)·g; u = ρ·u + (1 − ρ)·Δ²; x −= lr·Δ."""

    def __init__(self):
        self.v, self.u = np.zeros(n), np.zeros(n)

    def step(self, x, g, loss):
        g = g + weight_decay * x if weight_decay != 0 else g
        self.v = self.v * rho + (1 - rho) * g * g
        delta = np.sqrt(self.u + eps) / np.sqrt(self.v + eps) * g
        self.u = self.u * rho + (1 - rho) * delta * delta
        return x - group["lr"] * delta`;

const RMSPROP = `class RMSprop:
    """v = α·v + (1 − α)·g²; avg = √(v − ḡ²) + eps (centered) or √v + eps; buf = μ·buf + g/avg, x −= lr·buf."""

    def __init__(self):
        self.v, self.g_avg, self.buf = np.zeros(n), np.zeros(n), np.zeros(n)

    def step(self, x, g, loss):
        lr, momentum = group["lr"], group["momentum"]
        g = g + weight_decay * x if weight_decay != 0 else g
        self.v = alpha * self.v + (1 - alpha) * g * g
        if centered:
            self.g_avg = lerp(self.g_avg, g, 1 - alpha)
            avg = np.sqrt(self.v - self.g_avg * self.g_avg) + eps
        else:
            avg = np.sqrt(self.v) + eps
        if momentum > 0:
            self.buf = momentum * self.buf + g / avg
            return x - lr * self.buf
        return x - lr * g / avg`;

const RPROP = `class Rprop:
    """Each step size grows by etas[1] while g keeps its sign, shrinks by etas[0] when it flips (then g counts as 0)."""

    def __init__(self):
        self.prev, self.size = np.zeros(n), None

    def step(self, x, g, loss):
        if self.size is None:
            self.size = np.full(n, float(group["lr"]))
        product = g * self.prev
        factor = np.where(product > 0, etas[1], np.where(product < 0, etas[0], np.where(np.isnan(product), np.nan, 1.0)))
        self.size = np.minimum(np.maximum(self.size * factor, step_sizes[0]), step_sizes[1])
        g = np.where(factor == etas[0], 0.0, g)
        self.prev = g
        return x - np.sign(g) * self.size`;

const ASGD = `class ASGD:
    """x ← x·(1 − λη) − η·g, then η = lr/(1 + λ·lr·t)^α and μ = 1/max(1, t − t0) (for the average ax)."""

    def __init__(self):
        self.t, self.eta, self.mu, self.ax = 0, 0.0, 1.0, np.zeros(n)

    def step(self, x, g, loss):
        if self.t == 0:
            self.eta = group["lr"]
        self.t += 1
        g = g + weight_decay * x if weight_decay != 0 else g
        x = x * (1 - lambd * self.eta) - self.eta * g
        self.ax = self.ax + (x - self.ax) * self.mu if self.mu != 1 else x.copy()
        self.eta = group["lr"] / math.pow(1 + lambd * group["lr"] * self.t, alpha)
        self.mu = 1 / max(1, self.t - t0)
        return x`;

const NEWTON = `def hessian(x):
    """The engine's Hessian of the loss: central differences of its gradient, symmetrised."""
    h = np.empty((n, n))
    for i in range(n):
        step = ${pythonNumber(HESSIAN_STEP)} * max(1.0, abs(x[i]))
        up, down = x.copy(), x.copy()
        up[i] += step
        down[i] -= step
        h[i] = (objective_gradient(up) - objective_gradient(down)) / (up[i] - down[i])
    return 0.5 * (h + h.T)


class Newton:
    """Solve (H + λI)·d = g by Cholesky; x −= lr·d. None when H + λI is not positive definite."""

    def step(self, x, g, loss):
        try:
            factor = np.linalg.cholesky(hessian(x) + shift * np.eye(n))
        except np.linalg.LinAlgError:
            return None
        return x - group["lr"] * np.linalg.solve(factor.T, np.linalg.solve(factor, g))`;

/** The Python class (and helpers) of each optimizer; the SGD presets share SGD's, AdamW Adam's. */
export const NUMPY_OPTIMIZERS: Readonly<
  Record<OptimizerName, { readonly source: string; readonly className: string }>
> = {
  gd: { source: SGD, className: 'SGD' },
  momentum: { source: SGD, className: 'SGD' },
  nesterov: { source: SGD, className: 'SGD' },
  sgd: { source: SGD, className: 'SGD' },
  asgd: { source: ASGD, className: 'ASGD' },
  adagrad: { source: ADAGRAD, className: 'Adagrad' },
  adadelta: { source: ADADELTA, className: 'Adadelta' },
  rmsprop: { source: RMSPROP, className: 'RMSprop' },
  rprop: { source: RPROP, className: 'Rprop' },
  adam: { source: ADAM, className: 'Adam' },
  adamw: { source: ADAM, className: 'Adam' },
  adamax: { source: ADAMAX, className: 'Adamax' },
  nadam: { source: NADAM, className: 'NAdam' },
  radam: { source: RADAM, className: 'RAdam' },
  lbfgs: { source: LBFGS, className: 'LBFGS' },
  newton: { source: NEWTON, className: 'Newton' },
};

/** gd's Armijo search, which replaces SGD when line_search is on. */
export const NUMPY_ARMIJO = { source: ARMIJO, className: 'Armijo' } as const;
