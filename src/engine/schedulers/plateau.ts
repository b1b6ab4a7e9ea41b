// torch's ReduceLROnPlateau: fed the loss after each step, it cuts the rate by `factor` once the loss
// has not improved (by more than `threshold`) for `patience` steps, then waits `cooldown` steps.
import type { ParamGroup } from '../optimizers';
import { pyMax } from '../optimizers/vector';
import type { Scheduler } from './base';
import type { ResolvedOf } from './registry';

export class ReduceLROnPlateau implements Scheduler {
  readonly maxSteps = Infinity;
  private best: number;
  private badSteps = 0;
  private cooldownCounter = 0;

  constructor(
    private readonly group: ParamGroup,
    private readonly s: ResolvedOf<'ReduceLROnPlateau'>,
  ) {
    this.best = s.mode === 'min' ? Infinity : -Infinity;
  }

  private isBetter(a: number): boolean {
    const { mode, threshold, thresholdMode } = this.s;
    if (mode === 'min' && thresholdMode === 'rel') return a < this.best * (1.0 - threshold);
    if (mode === 'min') return a < this.best - threshold;
    if (thresholdMode === 'rel') return a > this.best * (threshold + 1.0);
    return a > this.best + threshold;
  }

  step(loss: number): void {
    if (this.isBetter(loss)) {
      this.best = loss;
      this.badSteps = 0;
    } else {
      this.badSteps++;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.badSteps = 0;
    }
    if (this.badSteps > this.s.patience) {
      const old = this.group.lr;
      const reduced = pyMax(old * this.s.factor, this.s.minLr);
      if (old - reduced > this.s.eps) this.group.lr = reduced;
      this.cooldownCounter = this.s.cooldown;
      this.badSteps = 0;
    }
  }
}
