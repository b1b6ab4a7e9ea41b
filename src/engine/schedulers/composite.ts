// torch's SequentialLR (one scheduler after another, switching at milestones) and ChainedScheduler
// (every scheduler steps each time, their factors multiplying). The schedulers are built first, in
// order, each taking its initial step, as in a torch script.
import type { ParamGroup } from '../optimizers';
import { bisectRight, LrScheduler, type Scheduler } from './base';

export class SequentialLR implements Scheduler {
  readonly maxSteps = Infinity;
  private lastEpoch = 0;

  constructor(
    group: ParamGroup,
    private readonly schedulers: readonly LrScheduler[],
    private readonly milestones: readonly number[],
  ) {
    group.lr = group.initialLr ?? group.lr;
    for (const scheduler of schedulers) scheduler.lastEpoch -= 1;
    schedulers[0]!.initialStep();
  }

  step(): void {
    this.lastEpoch++;
    const index = bisectRight(this.milestones, this.lastEpoch);
    const scheduler = this.schedulers[index]!;
    if (index > 0 && this.milestones[index - 1] === this.lastEpoch) scheduler.step(undefined, 0);
    else scheduler.step();
  }
}

export class ChainedScheduler implements Scheduler {
  readonly maxSteps = Infinity;

  constructor(private readonly schedulers: readonly LrScheduler[]) {}

  step(): void {
    for (const scheduler of this.schedulers) scheduler.step();
  }
}
