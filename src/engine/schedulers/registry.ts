// The scheduler descriptors (torch class, one line, arguments in torch's order with defaults, ranges
// and kinds) and resolveScheduler, which completes and checks a schedule against them.
import type { HyperKind, HyperParameter, HyperValue } from '../hyper';
import { checkValue, torchName, type Range } from '../ranges';
import { SCHEDULER_DEFAULTS } from '../settings';
import { FormulaError, type SchedulerName, type SchedulerSettings } from '../types';

type SchedulerKey = Exclude<keyof SchedulerSettings, 'name'>;
type KeysOf<N extends SchedulerName> = keyof (typeof SCHEDULER_DEFAULTS)[N] & SchedulerKey;

/** One scheduler's settings with every argument it takes filled in. */
export type ResolvedOf<N extends SchedulerName> = { readonly name: N } & {
  readonly [K in KeysOf<N>]-?: K extends 'schedulers'
    ? readonly ResolvedScheduler[]
    : Exclude<SchedulerSettings[K], undefined>;
};

/** Any scheduler's resolved settings, narrowed by `name`. */
export type ResolvedScheduler = { [N in SchedulerName]: ResolvedOf<N> }[SchedulerName];

export interface SchedulerDescriptor {
  /** torch's class name, which is also the engine's. */
  readonly name: SchedulerName;
  readonly description: string;
  /** Arguments in torch's signature order (after `optimizer`); every one may be given positionally. */
  readonly params: readonly HyperParameter<SchedulerKey>[];
  /** Stepped with the loss (ReduceLROnPlateau). */
  readonly fedLoss: boolean;
  /** Made of other schedulers (SequentialLR, ChainedScheduler). */
  readonly composite: boolean;
}

interface ArgSpec {
  readonly kind?: HyperKind;
  readonly range?: Range;
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly choices?: readonly string[];
  readonly log?: boolean;
  readonly description: string;
}

const positiveInteger: Range = { min: 1, integer: true };
const count: Range = { min: 0, integer: true };
const nonNegative: Range = { min: 0 };
const positive: Range = { above: 0 };

/** Each scheduler's arguments; their order and defaults are SCHEDULER_DEFAULTS'. */
const ARGS: {
  readonly [N in SchedulerName]: { readonly [K in KeysOf<N>]: ArgSpec } & { readonly _: string };
} = {
  StepLR: {
    _: 'Multiplies the rate by gamma every step_size steps.',
    stepSize: {
      kind: 'integer',
      range: positiveInteger,
      required: true,
      description: 'Steps between drops.',
    },
    gamma: { range: nonNegative, description: 'Factor of each drop.' },
  },
  MultiStepLR: {
    _: 'Multiplies the rate by gamma at each milestone.',
    milestones: {
      kind: 'integers',
      range: count,
      required: true,
      description: 'Steps where the rate drops.',
    },
    gamma: { range: nonNegative, description: 'Factor of each drop.' },
  },
  ExponentialLR: {
    _: 'Multiplies the rate by gamma every step.',
    gamma: { range: positive, required: true, description: 'Factor per step.' },
  },
  CosineAnnealingLR: {
    _: 'Anneals the rate along a cosine from its start to eta_min in T_max steps (and back up after).',
    tMax: { kind: 'integer', range: positiveInteger, required: true, description: 'Steps of a half period.' },
    etaMin: { range: nonNegative, log: true, description: 'Lowest rate.' },
  },
  CosineAnnealingWarmRestarts: {
    _: 'Cosine annealing that restarts from the initial rate, with periods growing by T_mult.',
    t0: {
      kind: 'integer',
      range: positiveInteger,
      required: true,
      description: 'Steps to the first restart.',
    },
    tMult: { kind: 'integer', range: positiveInteger, description: 'Factor by which each period grows.' },
    etaMin: { range: nonNegative, log: true, description: 'Lowest rate.' },
  },
  LinearLR: {
    _: 'Scales the rate linearly from start_factor to end_factor over total_iters steps (a warm-up).',
    startFactor: { range: { above: 0, max: 1 }, description: 'Factor at the first step.' },
    endFactor: { range: { min: 0, max: 1 }, description: 'Factor from total_iters on.' },
    totalIters: { kind: 'integer', range: positiveInteger, description: 'Steps of the ramp.' },
  },
  ConstantLR: {
    _: 'Scales the rate by factor for the first total_iters steps.',
    factor: { range: { above: 0, max: 1 }, description: 'Factor of the first steps.' },
    totalIters: { kind: 'integer', range: positiveInteger, description: 'Steps at the lower rate.' },
  },
  PolynomialLR: {
    _: 'Decays the rate to 0 over total_iters steps as (1 − t/total_iters)^power.',
    totalIters: { kind: 'integer', range: positiveInteger, description: 'Steps of the decay.' },
    power: { range: nonNegative, description: 'Power of the decay.' },
  },
  OneCycleLR: {
    _: 'One cycle: warm up to max_lr, then anneal far below the start, cycling momentum the other way.',
    maxLr: { range: positive, required: true, log: true, description: 'Peak rate.' },
    totalSteps: {
      kind: 'integer',
      range: positiveInteger,
      nullable: true,
      description: 'Steps of the cycle (None: epochs · steps_per_epoch, else the run).',
    },
    epochs: {
      kind: 'integer',
      range: positiveInteger,
      nullable: true,
      description: 'Epochs, with steps_per_epoch.',
    },
    stepsPerEpoch: {
      kind: 'integer',
      range: positiveInteger,
      nullable: true,
      description: 'Steps per epoch.',
    },
    pctStart: { range: { min: 0, max: 1 }, description: 'Share of the cycle spent warming up.' },
    annealStrategy: { kind: 'choice', choices: ['cos', 'linear'], description: 'Shape of the annealing.' },
    cycleMomentum: { kind: 'boolean', description: 'Cycle momentum (β₁ for the Adam family) inversely.' },
    baseMomentum: { range: nonNegative, description: 'Momentum at the peak rate.' },
    maxMomentum: { range: nonNegative, description: 'Momentum at the lowest rates.' },
    divFactor: { range: positive, description: 'The start is max_lr / div_factor.' },
    finalDivFactor: { range: positive, log: true, description: 'The end is the start / final_div_factor.' },
    threePhase: { kind: 'boolean', description: 'Anneal back to the start before the final decay.' },
  },
  CyclicLR: {
    _: 'Cycles the rate between base_lr and max_lr in triangles, cycling momentum the other way.',
    baseLr: { range: nonNegative, required: true, log: true, description: 'Lowest rate of a cycle.' },
    maxLr: { range: nonNegative, required: true, log: true, description: 'Highest rate of a cycle.' },
    stepSizeUp: { range: positive, description: 'Steps of the rising half.' },
    stepSizeDown: {
      range: positive,
      nullable: true,
      description: 'Steps of the falling half (None: step_size_up).',
    },
    mode: {
      kind: 'choice',
      choices: ['triangular', 'triangular2', 'exp_range'],
      description: 'How the amplitude shrinks.',
    },
    gamma: { range: positive, description: "exp_range's factor per step." },
    cycleMomentum: { kind: 'boolean', description: 'Cycle momentum (β₁ for the Adam family) inversely.' },
    baseMomentum: { range: nonNegative, description: 'Momentum at the highest rate.' },
    maxMomentum: { range: nonNegative, description: 'Momentum at the lowest rate.' },
  },
  ReduceLROnPlateau: {
    _: 'Cuts the rate by factor when the loss stops improving for patience steps (fed the loss).',
    mode: { kind: 'choice', choices: ['min', 'max'], description: 'Whether the loss should fall or rise.' },
    factor: { range: { min: 0, below: 1 }, description: 'Factor of each cut.' },
    patience: { kind: 'integer', range: count, description: 'Steps without improvement before a cut.' },
    threshold: { range: nonNegative, log: true, description: 'Least change that counts as improvement.' },
    thresholdMode: { kind: 'choice', choices: ['rel', 'abs'], description: 'Whether threshold is relative.' },
    cooldown: { kind: 'integer', range: count, description: 'Steps to wait after a cut.' },
    minLr: { range: nonNegative, log: true, description: 'Lowest rate.' },
    eps: { range: nonNegative, log: true, description: 'Cuts smaller than this are skipped.' },
  },
  SequentialLR: {
    _: 'Runs schedulers one after another, switching at the milestones.',
    schedulers: { kind: 'schedulers', required: true, description: 'The schedulers, in order.' },
    milestones: {
      kind: 'integers',
      range: positiveInteger,
      required: true,
      description: 'Steps where the next one takes over.',
    },
  },
  ChainedScheduler: {
    _: 'Steps every scheduler each time, so their factors multiply.',
    schedulers: { kind: 'schedulers', required: true, description: 'The schedulers, stepped in order.' },
  },
};

function describe(name: SchedulerName): SchedulerDescriptor {
  const defaults: Readonly<Record<string, HyperValue>> = SCHEDULER_DEFAULTS[name];
  const args: Readonly<Record<string, ArgSpec | string>> = ARGS[name];
  const params = Object.keys(defaults).map((key): HyperParameter<SchedulerKey> => {
    const spec = args[key] as ArgSpec;
    const { kind = 'number', description, ...rest } = spec;
    return {
      key: key as SchedulerKey,
      torch: torchName(key, true),
      kind,
      default: defaults[key]!,
      ...rest,
      description,
    };
  });
  const composite = name === 'SequentialLR' || name === 'ChainedScheduler';
  return { name, description: ARGS[name]._, params, fedLoss: name === 'ReduceLROnPlateau', composite };
}

/** Every scheduler, in display order. */
export const SCHEDULERS: readonly SchedulerDescriptor[] = (Object.keys(ARGS) as SchedulerName[]).map(
  describe,
);

const BY_NAME = new Map(SCHEDULERS.map((d) => [d.name, d] as const));

/** The descriptor of a scheduler, or undefined for an unknown name. */
export function schedulerDescriptor(name: string): SchedulerDescriptor | undefined {
  return BY_NAME.get(name as SchedulerName);
}

function bad(message: string): never {
  throw new FormulaError(message, 'bad-option');
}

/** Throws unless `value` has the parameter's kind and range. */
export function checkParam(param: HyperParameter, value: unknown, owner: string): void {
  const name = `${owner}'s ${param.torch}`;
  if (value === null) {
    if (!param.nullable) bad(`${name} cannot be None`);
    return;
  }
  switch (param.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') bad(`${name} must be True or False`);
      return;
    case 'choice':
      if (typeof value !== 'string' || !param.choices?.includes(value)) {
        bad(`${name} must be one of ${(param.choices ?? []).map((c) => `'${c}'`).join(', ')}`);
      }
      return;
    case 'schedulers':
      if (!Array.isArray(value) || value.length === 0) bad(`${name} must be a list of schedulers`);
      return;
    case 'pair':
      if (!Array.isArray(value) || value.length !== 2) bad(`${name} must be two numbers`);
      break;
    case 'integers':
      if (!Array.isArray(value)) bad(`${name} must be a list of integers`);
      break;
    default:
      if (typeof value !== 'number') bad(`${name} must be a number`);
  }
  const range = param.kind === 'integer' ? { integer: true, ...param.range } : (param.range ?? {});
  if (Array.isArray(value) && value.length === 0) return;
  checkValue(name, value, range);
}

/** A scheduler with its arguments completed from the defaults and checked; composites resolve their parts. */
export function resolveScheduler(settings: SchedulerSettings, nested = false): ResolvedScheduler {
  const descriptor = schedulerDescriptor(settings?.name);
  if (descriptor === undefined) {
    bad(
      `Unknown scheduler "${String(settings?.name)}"; use one of ${SCHEDULERS.map((d) => d.name).join(', ')}`,
    );
  }
  if (nested && (descriptor.composite || descriptor.fedLoss)) {
    bad(`${descriptor.name} cannot be part of SequentialLR or ChainedScheduler`);
  }
  const given = settings as unknown as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = { name: descriptor.name };
  for (const param of descriptor.params) {
    const value = given[param.key] === undefined ? param.default : given[param.key];
    checkParam(param, value, descriptor.name);
    out[param.key] =
      param.kind === 'schedulers'
        ? (value as SchedulerSettings[]).map((s) => resolveScheduler(s, true))
        : value;
  }
  if (descriptor.name === 'SequentialLR') checkSequence(out);
  return out as unknown as ResolvedScheduler;
}

function checkSequence(out: Readonly<Record<string, unknown>>): void {
  const schedulers = out.schedulers as readonly unknown[];
  const milestones = out.milestones as readonly number[];
  if (milestones.length !== schedulers.length - 1) {
    bad(
      `SequentialLR needs one milestone fewer than schedulers (got ${schedulers.length} and ${milestones.length})`,
    );
  }
  if (milestones.some((m, i) => i > 0 && m <= milestones[i - 1]!)) {
    bad('SequentialLR milestones must increase');
  }
}
