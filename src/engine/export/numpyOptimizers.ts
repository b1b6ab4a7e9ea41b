// The update rules in NumPy, one Python class per optimizer, written as the engine computes them
// (torch.optim's rules). Every class reads `group` (lr, momentum, beta1: what a scheduler changes)
// and the hyper-parameters, which the script defines above it under torch's names, and steps on the
// loss (f, or −f when maximizing): step(x, g, loss) returns the next x, or None when it cannot step.
import { HESSIAN_STEP } from '../hessian';
import { CURVATURE_MIN } from '../optimizers/lbfgs';
import { ARMIJO_C, ARMIJO_MAX_HALVINGS } from '../optimizers/lineSearch';
import { C1, C2, MAX_LS } from '../optimizers/strongWolfe';
import type { OptimizerName } from '../types';
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

const LBFGS = `def cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds=None):
    lo, hi = bounds if bounds is not None else ((x1, x2) if x1 <= x2 else (x2, x1))
    d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
    d2_square = d1 * d1 - g1 * g2
    if d2_square >= 0:
        d2 = math.sqrt(d2_square)
        if x1 <= x2:
            min_pos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        else:
            min_pos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return min(max(min_pos, lo), hi)
    return (lo + hi) / 2.0


def strong_wolfe(x, t, d, f, g, gtd):
    """torch's _strong_wolfe: bracket a step satisfying the strong Wolfe conditions, then zoom."""
    def trial(step):
        value, gradient = objective(x + step * d), objective_gradient(x + step * d)
        return [step, value, gradient, float(np.dot(gradient, d))]

    d_norm = np.max(np.abs(d))
    current, evaluations, previous = trial(t), 1, [0, f, g.copy(), gtd]
    bracket, done, ls_iter = None, False, 0
    while ls_iter < ${MAX_LS}:
        if current[1] > f + ${pythonNumber(C1)} * current[0] * gtd or (ls_iter > 1 and current[1] >= previous[1]):
            bracket = [previous, current]
            break
        if abs(current[3]) <= -${pythonNumber(C2)} * gtd:
            bracket, done = [current], True
            break
        if current[3] >= 0:
            bracket = [previous, current]
            break
        bounds = (current[0] + 0.01 * (current[0] - previous[0]), current[0] * 10)
        step = cubic_interpolate(previous[0], previous[1], previous[3], current[0], current[1], current[3], bounds)
        previous, current = current, trial(step)
        evaluations += 1
        ls_iter += 1
    if ls_iter == ${MAX_LS}:
        bracket = [[0, f, g.copy(), float("nan")], current]
    low, high = (0, 1) if bracket[0][1] <= bracket[-1][1] else (1, 0)
    insufficient = False
    while not done and ls_iter < ${MAX_LS}:
        a, b = bracket
        if abs(b[0] - a[0]) * d_norm < tolerance_change:
            break
        t = cubic_interpolate(a[0], a[1], a[3], b[0], b[1], b[3])
        top, bottom = max(a[0], b[0]), min(a[0], b[0])
        eps = 0.1 * (top - bottom)
        if min(top - t, t - bottom) < eps:
            if insufficient or t >= top or t <= bottom:
                t = top - eps if abs(t - top) < abs(t - bottom) else bottom + eps
                insufficient = False
            else:
                insufficient = True
        else:
            insufficient = False
        current = trial(t)
        evaluations += 1
        ls_iter += 1
        if current[1] > f + ${pythonNumber(C1)} * current[0] * gtd or current[1] >= bracket[low][1]:
            bracket[high] = current
            low, high = (0, 1) if bracket[0][1] <= bracket[1][1] else (1, 0)
        else:
            if abs(current[3]) <= -${pythonNumber(C2)} * gtd:
                done = True
            elif current[3] * (bracket[high][0] - bracket[low][0]) >= 0:
                bracket[high] = bracket[low]
            bracket[low] = current
    best = bracket[low]
    return best[1], best[2], best[0], evaluations


class LBFGS:
    """torch's LBFGS: one step runs up to max_iter quasi-Newton iterations (two-loop recursion)."""

    def __init__(self):
        self.dirs, self.stps, self.ro, self.h_diag = [], [], [], 1.0
        self.d, self.t, self.prev_grad, self.iterations = None, 0.0, None, 0

    def direction(self, g):
        y, s = g - self.prev_grad, self.d * self.t
        ys = float(np.dot(y, s))
        if ys > ${pythonNumber(CURVATURE_MIN)}:
            if len(self.dirs) == history_size:
                self.dirs.pop(0), self.stps.pop(0), self.ro.pop(0)
            self.dirs.append(y), self.stps.append(s), self.ro.append(1.0 / ys)
            self.h_diag = ys / float(np.dot(y, y))
        al, q = [0.0] * len(self.dirs), -g
        for i in reversed(range(len(self.dirs))):
            al[i] = float(np.dot(self.stps[i], q)) * self.ro[i]
            q = q + -al[i] * self.dirs[i]
        r = q * self.h_diag
        for i in range(len(self.dirs)):
            be = float(np.dot(self.dirs[i], r)) * self.ro[i]
            r = r + (al[i] - be) * self.stps[i]
        return r

    def step(self, x, g, loss):
        lr = group["lr"]
        if np.max(np.abs(g)) <= tolerance_grad:
            return x
        evaluations = 1
        for inner in range(1, max_iter + 1):
            self.iterations += 1
            self.d = -g if self.iterations == 1 else self.direction(g)
            self.prev_grad, previous_loss = g.copy(), loss
            self.t = min(1.0, 1.0 / np.sum(np.abs(g))) * lr if self.iterations == 1 else lr
            gtd = float(np.dot(g, self.d))
            if gtd > -tolerance_change:
                break
            converged = False
            if line_search_fn == "strong_wolfe":
                loss, g, self.t, spent = strong_wolfe(x, self.t, self.d, loss, g, gtd)
                x = x + self.t * self.d
                converged, evaluations = np.max(np.abs(g)) <= tolerance_grad, evaluations + spent
            else:
                x = x + self.t * self.d
                if inner != max_iter:
                    loss, g = objective(x), objective_gradient(x)
                    converged, evaluations = np.max(np.abs(g)) <= tolerance_grad, evaluations + 1
            if inner == max_iter or evaluations >= max_eval or converged:
                break
            if np.max(np.abs(self.d * self.t)) <= tolerance_change or abs(loss - previous_loss) < tolerance_change:
                break
        return x`;

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
