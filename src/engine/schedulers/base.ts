// torch's _LRScheduler for one param group, as torch.optim.lr_scheduler models it: a constructor
// that sets `initial_lr` and takes an initial step, step() with its chainable get_lr(), and
// step(epoch) with the closed form (SequentialLR calls step(0) at its milestones).
import type { ParamGroup } from '../optimizers';

/** What the run loop calls after every optimizer step. */
export interface Scheduler {
  /** torch's scheduler.step(); `loss` is f at the start of the step (ReduceLROnPlateau's metric). */
  step(loss: number): void;
  /** The most optimizer steps the schedule allows (OneCycleLR's total_steps), else Infinity. */
  readonly maxSteps: number;
}

export abstract class LrScheduler implements Scheduler {
  lastEpoch = -1;
  stepCount = 0;
  baseLr: number;
  readonly maxSteps: number = Infinity;

  constructor(protected readonly group: ParamGroup) {
    group.initialLr ??= group.lr;
    this.baseLr = group.initialLr;
  }

  /** torch's _initial_step, which its constructor ends with (the subclass calls it once its fields are set). */
  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  step(_loss?: number, epoch?: number): void {
    this.stepCount++;
    if (epoch === undefined) {
      this.lastEpoch++;
      this.group.lr = this.getLr();
    } else {
      this.lastEpoch = epoch;
      this.group.lr = this.closedForm?.() ?? this.getLr();
    }
  }

  /** The chainable form: the next rate from the group's current one. */
  protected abstract getLr(): number;
  /** The rate at lastEpoch from the base rate, where torch has one. */
  protected closedForm?(): number;
}

/** Python's bisect_right on a sorted list: how many entries are ≤ value. */
export function bisectRight(sorted: readonly number[], value: number): number {
  let count = 0;
  while (count < sorted.length && sorted[count]! <= value) count++;
  return count;
}
