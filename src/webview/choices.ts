// What the panel offers to choose: the optimizers in three groups and the schedulers in four, and
// how a choice is seeded: the settings a newly chosen optimizer keeps from the previous one, and the
// arguments a newly chosen schedule starts from. Pure functions (no DOM), tested in Node.
import type { HyperParameter, HyperValue } from '../engine/hyper';
import { OPTIMIZERS, optimizerDescriptor, type OptimizerFamily } from '../engine/optimizers/registry';
import { checkParam, SCHEDULERS, schedulerDescriptor } from '../engine/schedulers/registry';
import { optimizerDefaults } from '../engine/settings';
import type { OptimizerName, OptimizerSettings, SchedulerName } from '../engine/types';

/** A labelled group of a chooser. */
export interface ChoiceGroup<N extends string> {
  readonly label: string;
  readonly names: readonly N[];
}

const OPTIMIZER_GROUP_OF: Readonly<Record<OptimizerFamily, string>> = {
  sgd: 'Gradient descent and momentum',
  adaptive: 'Adaptive',
  adam: 'Adaptive',
  'quasi-newton': 'Second order',
  'second-order': 'Second order',
};

function grouped<N extends string>(items: readonly { name: N; group: string }[]): ChoiceGroup<N>[] {
  const groups: { label: string; names: N[] }[] = [];
  for (const { name, group } of items) {
    let into = groups.find((g) => g.label === group);
    if (!into) groups.push((into = { label: group, names: [] }));
    into.names.push(name);
  }
  return groups;
}

/** The optimizers in groups: the SGD family, the adaptive ones (the Adam family among them), second order. */
export const OPTIMIZER_GROUPS: readonly ChoiceGroup<OptimizerName>[] = grouped(
  OPTIMIZERS.map((d) => ({ name: d.name, group: OPTIMIZER_GROUP_OF[d.family] })),
);

const SCHEDULER_GROUP_OF: Readonly<Partial<Record<SchedulerName, string>>> = {
  StepLR: 'Decay',
  MultiStepLR: 'Decay',
  ExponentialLR: 'Decay',
  PolynomialLR: 'Decay',
  CosineAnnealingLR: 'Decay',
  CosineAnnealingWarmRestarts: 'Decay',
  LinearLR: 'Warm-up',
  ConstantLR: 'Warm-up',
  OneCycleLR: 'Cycles',
  CyclicLR: 'Cycles',
  ReduceLROnPlateau: 'On the loss',
};

/**
 * The schedulers the panel offers, in groups. SequentialLR and ChainedScheduler, which are made of
 * other schedulers, are the CLI's (`--scheduler "SequentialLR(...)"`).
 */
export const SCHEDULER_GROUPS: readonly ChoiceGroup<SchedulerName>[] = grouped(
  SCHEDULERS.flatMap((d) => {
    const group = SCHEDULER_GROUP_OF[d.name];
    return group === undefined ? [] : [{ name: d.name, group }];
  }),
);

/** The hyper-parameters a control shows for an optimizer: all but η, which has its own slider. */
export function optimizerFields(name: OptimizerName): readonly HyperParameter<keyof OptimizerSettings>[] {
  return optimizerDescriptor(name).params.filter((p) => p.key !== 'lr');
}

/** Whether a value passes a parameter's kind and range check. */
export function validFor(param: HyperParameter, value: unknown): boolean {
  try {
    checkParam(param, value, 'value');
    return true;
  } catch {
    return false;
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The hyper-parameters of `to` when the person switches from the optimizer of `from`: a value the
 * person changed from `from`'s default, and that `to` takes under the same name and accepts, is
 * kept (Momentum's μ = 0.5 stays for Nesterov); every other one is `to`'s default (RMSprop's α of
 * 0.99 does not become ASGD's α, whose default is 0.75).
 */
export function carryOver(
  from: Partial<OptimizerSettings>,
  to: OptimizerName,
): Readonly<Record<string, HyperValue>> {
  const before = optimizerDefaults(from.name ?? 'gd') as unknown as Readonly<Record<string, unknown>>;
  const given = from as Readonly<Record<string, unknown>>;
  const out: Record<string, HyperValue> = {};
  for (const param of optimizerFields(to)) {
    const value = given[param.key];
    const changed = value !== undefined && !same(value, before[param.key]);
    out[param.key] = changed && validFor(param, value) ? (value as HyperValue) : param.default;
  }
  return out;
}

/**
 * The step counts a schedule's controls start from, as shares of the run's max iterations: torch's
 * defaults count epochs (PolynomialLR's total_iters=5 would stop a 1000-step run after 5 steps), and
 * its required arguments have none.
 */
const RUN_SHARES: Readonly<
  Partial<Record<SchedulerName, Readonly<Record<string, number | readonly number[]>>>>
> = {
  StepLR: { stepSize: 0.1 },
  MultiStepLR: { milestones: [0.3, 0.6] },
  CosineAnnealingLR: { tMax: 1 },
  CosineAnnealingWarmRestarts: { t0: 0.1 },
  LinearLR: { totalIters: 0.1 },
  ConstantLR: { totalIters: 0.1 },
  PolynomialLR: { totalIters: 1 },
  CyclicLR: { stepSizeUp: 0.1 },
};

/**
 * The arguments a newly chosen schedule starts from: torch's defaults, with its step counts in
 * proportion to the run (RUN_SHARES), and no momentum cycling for an optimizer that has no momentum
 * (torch refuses cycle_momentum=True there).
 */
export function seedScheduler(
  name: SchedulerName,
  maxIterations: number,
  optimizer: OptimizerName,
): Readonly<Record<string, HyperValue>> {
  const descriptor = schedulerDescriptor(name);
  if (!descriptor) return {};
  const steps = (share: number): number => Math.max(1, Math.round(share * maxIterations));
  const shares = RUN_SHARES[name] ?? {};
  const out: Record<string, HyperValue> = {};
  for (const param of descriptor.params) {
    const share = shares[param.key];
    out[param.key] =
      share === undefined ? param.default : typeof share === 'number' ? steps(share) : share.map(steps);
  }
  if ('cycleMomentum' in out && optimizerDescriptor(optimizer).cycles === undefined) {
    out.cycleMomentum = false;
  }
  return out;
}
