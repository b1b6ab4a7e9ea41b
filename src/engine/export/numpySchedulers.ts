// The learning-rate schedules in Python, one class per torch scheduler, as the engine runs them:
// torch's model for one param group (`group`), where each constructor takes its initial step,
// step() uses the chainable form and step(epoch=0) the closed form (SequentialLR's milestones).
import type { SchedulerName } from '../types';

const BASE = `class LRScheduler:
    """torch's _LRScheduler for one param group."""

    def __init__(self):
        if group["initial_lr"] is None:
            group["initial_lr"] = group["lr"]
        self.base_lr, self.last_epoch = group["initial_lr"], -1

    def step(self, loss=None, epoch=None):
        if epoch is None:
            self.last_epoch += 1
            group["lr"] = self.get_lr()
        else:
            self.last_epoch = epoch
            group["lr"] = self.closed_form() if hasattr(self, "closed_form") else self.get_lr()`;

const CLASSES: Readonly<Record<SchedulerName, string>> = {
  StepLR: `class StepLR(LRScheduler):
    def __init__(self, step_size, gamma):
        super().__init__()
        self.step_size, self.gamma = step_size, gamma
        self.step()

    def get_lr(self):
        e = self.last_epoch
        return group["lr"] if e == 0 or e % self.step_size != 0 else group["lr"] * self.gamma

    def closed_form(self):
        return self.base_lr * self.gamma ** (self.last_epoch // self.step_size)`,
  MultiStepLR: `class MultiStepLR(LRScheduler):
    def __init__(self, milestones, gamma):
        super().__init__()
        self.milestones, self.gamma = sorted(milestones), gamma
        self.step()

    def get_lr(self):
        count = self.milestones.count(self.last_epoch)
        return group["lr"] if count == 0 else group["lr"] * self.gamma**count

    def closed_form(self):
        return self.base_lr * self.gamma ** bisect.bisect_right(self.milestones, self.last_epoch)`,
  ExponentialLR: `class ExponentialLR(LRScheduler):
    def __init__(self, gamma):
        super().__init__()
        self.gamma = gamma
        self.step()

    def get_lr(self):
        return group["lr"] if self.last_epoch == 0 else group["lr"] * self.gamma

    def closed_form(self):
        return self.base_lr * self.gamma**self.last_epoch`,
  ConstantLR: `class ConstantLR(LRScheduler):
    def __init__(self, factor, total_iters):
        super().__init__()
        self.factor, self.total_iters = factor, total_iters
        self.step()

    def get_lr(self):
        if self.last_epoch == 0:
            return group["lr"] * self.factor
        return group["lr"] * (1.0 / self.factor) if self.last_epoch == self.total_iters else group["lr"]

    def closed_form(self):
        return self.base_lr * (self.factor + (self.last_epoch >= self.total_iters) * (1 - self.factor))`,
  LinearLR: `class LinearLR(LRScheduler):
    def __init__(self, start_factor, end_factor, total_iters):
        super().__init__()
        self.a, self.b, self.n = start_factor, end_factor, total_iters
        self.step()

    def get_lr(self):
        a, b, n, e = self.a, self.b, self.n, self.last_epoch
        if e == 0:
            return group["lr"] * a
        if e > n:
            return group["lr"]
        return group["lr"] * (1.0 + (b - a) / (n * a + (e - 1) * (b - a)))

    def closed_form(self):
        return self.base_lr * (self.a + (self.b - self.a) * min(self.n, self.last_epoch) / self.n)`,
  PolynomialLR: `class PolynomialLR(LRScheduler):
    def __init__(self, total_iters, power):
        super().__init__()
        self.n, self.power = total_iters, power
        self.step()

    def get_lr(self):
        n, e = self.n, self.last_epoch
        if e == 0 or e > n:
            return group["lr"]
        return group["lr"] * ((1.0 - e / n) / (1.0 - (e - 1) / n)) ** self.power

    def closed_form(self):
        return self.base_lr * (1.0 - min(self.n, self.last_epoch) / self.n) ** self.power`,
  CosineAnnealingLR: `class CosineAnnealingLR(LRScheduler):
    def __init__(self, T_max, eta_min):
        super().__init__()
        self.T_max, self.eta_min = T_max, eta_min
        self.step()

    def get_lr(self):
        e, T, eta, lr = self.last_epoch, self.T_max, self.eta_min, group["lr"]
        if e == 0:
            return lr
        if (e - 1 - T) % (2 * T) == 0:
            return lr + (self.base_lr - eta) * (1 - math.cos(math.pi / T)) / 2
        return (1 + math.cos(math.pi * e / T)) / (1 + math.cos(math.pi * (e - 1) / T)) * (lr - eta) + eta

    def closed_form(self):
        return self.eta_min + (self.base_lr - self.eta_min) * (1 + math.cos(math.pi * self.last_epoch / self.T_max)) / 2`,
  CosineAnnealingWarmRestarts: `class CosineAnnealingWarmRestarts(LRScheduler):
    def __init__(self, T_0, T_mult, eta_min):
        super().__init__()
        self.T_0, self.T_mult, self.eta_min, self.T_i, self.T_cur = T_0, T_mult, eta_min, T_0, -1
        self.step()

    def step(self, loss=None, epoch=None):
        if epoch is None and self.last_epoch < 0:
            epoch = 0
        if epoch is None:
            epoch, self.T_cur = self.last_epoch + 1, self.T_cur + 1
            if self.T_cur >= self.T_i:
                self.T_cur, self.T_i = self.T_cur - self.T_i, self.T_i * self.T_mult
        elif epoch >= self.T_0:
            if self.T_mult == 1:
                self.T_cur = epoch % self.T_0
            else:
                k = int(math.log(epoch / self.T_0 * (self.T_mult - 1) + 1, self.T_mult))
                self.T_cur = epoch - self.T_0 * (self.T_mult**k - 1) / (self.T_mult - 1)
                self.T_i = self.T_0 * self.T_mult**k
        else:
            self.T_i, self.T_cur = self.T_0, epoch
        self.last_epoch = math.floor(epoch)
        group["lr"] = self.eta_min + (self.base_lr - self.eta_min) * (1 + math.cos(math.pi * self.T_cur / self.T_i)) / 2`,
  OneCycleLR: `class OneCycleLR(LRScheduler):
    def __init__(self, max_lr, total_steps, pct_start, anneal_strategy, cycle_momentum, base_momentum,
                 max_momentum, div_factor, final_div_factor, three_phase):
        initial = max_lr / div_factor
        low = initial / final_div_factor
        group["initial_lr"] = initial
        self.cycle_momentum, self.linear = cycle_momentum, anneal_strategy == "linear"
        if cycle_momentum:
            set_momentum(max_momentum)
        super().__init__()
        high, base, rise = max_momentum, base_momentum, pct_start * total_steps - 1
        if three_phase:
            self.phases = [(rise, initial, max_lr, high, base),
                           (2 * pct_start * total_steps - 2, max_lr, initial, base, high),
                           (total_steps - 1, initial, low, high, high)]
        else:
            self.phases = [(rise, initial, max_lr, high, base), (total_steps - 1, max_lr, low, base, high)]
        self.step()

    def anneal(self, start, end, pct):
        return (end - start) * pct + start if self.linear else end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)

    def get_lr(self):
        start = 0
        for i, (end, lr_from, lr_to, m_from, m_to) in enumerate(self.phases):
            if self.last_epoch <= end or i == len(self.phases) - 1:
                pct = (self.last_epoch - start) / (end - start)
                if self.cycle_momentum:
                    set_momentum(self.anneal(m_from, m_to, pct))
                return self.anneal(lr_from, lr_to, pct)
            start = end`,
  CyclicLR: `class CyclicLR(LRScheduler):
    def __init__(self, base_lr, max_lr, step_size_up, step_size_down, mode, gamma, cycle_momentum,
                 base_momentum, max_momentum):
        group["lr"] = base_lr
        super().__init__()
        down = step_size_down if step_size_down is not None else step_size_up
        self.total, self.ratio = step_size_up + down, step_size_up / (step_size_up + down)
        self.max_lr, self.mode, self.gamma = max_lr, mode, gamma
        self.cycle_momentum, self.base_momentum, self.max_momentum = cycle_momentum, base_momentum, max_momentum
        if cycle_momentum:
            set_momentum(base_momentum)
        self.step()  # still scaled from initial_lr, as in torch
        self.base_lr = base_lr

    def get_lr(self):
        cycle = math.floor(1 + self.last_epoch / self.total)
        x = 1.0 + self.last_epoch / self.total - cycle
        scale = x / self.ratio if x <= self.ratio else (x - 1) / (self.ratio - 1)
        if self.mode == "triangular2":
            amplitude = 1 / 2.0 ** (cycle - 1)
        elif self.mode == "exp_range":
            amplitude = self.gamma**self.last_epoch
        else:
            amplitude = 1.0
        if self.cycle_momentum:
            set_momentum(self.max_momentum - (self.max_momentum - self.base_momentum) * scale * amplitude)
        return self.base_lr + (self.max_lr - self.base_lr) * scale * amplitude`,
  ReduceLROnPlateau: `class ReduceLROnPlateau:
    """Fed the loss: cut the rate by factor after patience steps without improvement, then cool down."""

    def __init__(self, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps):
        self.mode, self.factor, self.patience, self.threshold = mode, factor, patience, threshold
        self.threshold_mode, self.cooldown, self.min_lr, self.eps = threshold_mode, cooldown, min_lr, eps
        self.best, self.bad, self.cooling = math.inf if mode == "min" else -math.inf, 0, 0

    def better(self, a):
        if self.mode == "min":
            return a < self.best * (1.0 - self.threshold) if self.threshold_mode == "rel" else a < self.best - self.threshold
        return a > self.best * (self.threshold + 1.0) if self.threshold_mode == "rel" else a > self.best + self.threshold

    def step(self, loss=None):
        if self.better(loss):
            self.best, self.bad = loss, 0
        else:
            self.bad += 1
        if self.cooling > 0:
            self.cooling, self.bad = self.cooling - 1, 0
        if self.bad > self.patience:
            reduced = max(group["lr"] * self.factor, self.min_lr)
            if group["lr"] - reduced > self.eps:
                group["lr"] = reduced
            self.cooling, self.bad = self.cooldown, 0`,
  SequentialLR: `class SequentialLR:
    def __init__(self, schedulers, milestones):
        self.schedulers, self.milestones, self.last_epoch = schedulers, milestones, 0
        group["lr"] = group["initial_lr"]
        for scheduler in schedulers:
            scheduler.last_epoch -= 1
        schedulers[0].step()

    def step(self, loss=None):
        self.last_epoch += 1
        index = bisect.bisect_right(self.milestones, self.last_epoch)
        if index > 0 and self.milestones[index - 1] == self.last_epoch:
            self.schedulers[index].step(epoch=0)
        else:
            self.schedulers[index].step()`,
  ChainedScheduler: `class ChainedScheduler:
    def __init__(self, schedulers):
        self.schedulers = schedulers

    def step(self, loss=None):
        for scheduler in self.schedulers:
            scheduler.step()`,
};

/** Sets the cycled momentum: SGD's and RMSprop's momentum, or the Adam family's β₁. */
const SET_MOMENTUM = (cycles: 'momentum' | 'betas' | undefined): string => `def set_momentum(value):
    group["${cycles === 'betas' ? 'beta1' : 'momentum'}"] = value`;

/** The Python of the schedulers a run uses (and what they need), in an order Python can define. */
export function schedulerSource(
  names: ReadonlySet<SchedulerName>,
  cycles: 'momentum' | 'betas' | undefined,
): string[] {
  const parts: string[] = [];
  const simple = [...names].filter(
    (n) => n !== 'ReduceLROnPlateau' && n !== 'SequentialLR' && n !== 'ChainedScheduler',
  );
  if (names.has('OneCycleLR') || names.has('CyclicLR')) parts.push(SET_MOMENTUM(cycles));
  if (simple.length > 0) parts.push(BASE);
  for (const name of names) parts.push(CLASSES[name]);
  return parts;
}
