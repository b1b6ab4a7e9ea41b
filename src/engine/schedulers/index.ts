// createScheduler: torch's scheduler objects over the optimizer's param group, built (and so taking
// their initial step) as a torch script builds them.
import type { ParamGroup } from '../optimizers';
import type { LrScheduler, Scheduler } from './base';
import { ChainedScheduler, SequentialLR } from './composite';
import { CyclicLR, OneCycleLR } from './cyclic';
import {
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  ExponentialLR,
  LinearLR,
  MultiStepLR,
  PolynomialLR,
  StepLR,
} from './decay';
import { ReduceLROnPlateau } from './plateau';
import type { ResolvedScheduler } from './registry';

export type { Scheduler } from './base';
export {
  resolveScheduler,
  schedulerDescriptor,
  SCHEDULERS,
  type ResolvedOf,
  type ResolvedScheduler,
  type SchedulerDescriptor,
} from './registry';

/** One of the schedulers a composite may hold (resolveScheduler has refused the others there). */
function simple(s: ResolvedScheduler, group: ParamGroup, runIterations: number): LrScheduler {
  switch (s.name) {
    case 'StepLR':
      return new StepLR(group, s);
    case 'MultiStepLR':
      return new MultiStepLR(group, s);
    case 'ExponentialLR':
      return new ExponentialLR(group, s);
    case 'CosineAnnealingLR':
      return new CosineAnnealingLR(group, s);
    case 'CosineAnnealingWarmRestarts':
      return new CosineAnnealingWarmRestarts(group, s);
    case 'LinearLR':
      return new LinearLR(group, s);
    case 'ConstantLR':
      return new ConstantLR(group, s);
    case 'PolynomialLR':
      return new PolynomialLR(group, s);
    case 'OneCycleLR':
      return new OneCycleLR(group, s, runIterations);
    case 'CyclicLR':
      return new CyclicLR(group, s);
    default:
      throw new Error(`${s.name} is not a simple scheduler`);
  }
}

/**
 * The scheduler of a run over the optimizer's group; `runIterations` stands in for OneCycleLR's
 * total_steps when neither it nor epochs are given.
 */
export function createScheduler(s: ResolvedScheduler, group: ParamGroup, runIterations: number): Scheduler {
  switch (s.name) {
    case 'ReduceLROnPlateau':
      return new ReduceLROnPlateau(group, s);
    case 'SequentialLR':
      return new SequentialLR(
        group,
        s.schedulers.map((part) => simple(part, group, runIterations)),
        s.milestones,
      );
    case 'ChainedScheduler':
      return new ChainedScheduler(s.schedulers.map((part) => simple(part, group, runIterations)));
    default:
      return simple(s, group, runIterations);
  }
}
