// torch.optim.lr_scheduler's classes and their arguments, as a run's learning-rate schedule.
/** torch.optim.lr_scheduler's classes that make sense for one run, by their class names. */
/** torch.optim.lr_scheduler's classes, in display order: a plain list so the protocol's guards need no scheduler code. */
export const SCHEDULER_NAMES = [
  'StepLR',
  'MultiStepLR',
  'ExponentialLR',
  'CosineAnnealingLR',
  'CosineAnnealingWarmRestarts',
  'LinearLR',
  'ConstantLR',
  'PolynomialLR',
  'OneCycleLR',
  'CyclicLR',
  'ReduceLROnPlateau',
  'SequentialLR',
  'ChainedScheduler',
] as const;

/** One scheduler's name. */
export type SchedulerName = (typeof SCHEDULER_NAMES)[number];

/**
 * A learning-rate schedule: torch's constructor arguments in camelCase, every one but `name`
 * optional (settings.ts completes them per scheduler). One flat record: each scheduler reads its own.
 */
export interface SchedulerSettings {
  readonly name: SchedulerName;
  /** StepLR `step_size`. */
  readonly stepSize?: number;
  /** StepLR, MultiStepLR, ExponentialLR `gamma` (the factor); CyclicLR's exp_range base. */
  readonly gamma?: number;
  /** MultiStepLR's steps where the rate drops; SequentialLR's steps where the next scheduler takes over. */
  readonly milestones?: readonly number[];
  /** ConstantLR's factor; ReduceLROnPlateau's reduction factor. */
  readonly factor?: number;
  /** LinearLR, ConstantLR, PolynomialLR `total_iters`. */
  readonly totalIters?: number;
  /** LinearLR `start_factor`. */
  readonly startFactor?: number;
  /** LinearLR `end_factor`. */
  readonly endFactor?: number;
  /** PolynomialLR `power`. */
  readonly power?: number;
  /** CosineAnnealingLR `T_max`. */
  readonly tMax?: number;
  /** CosineAnnealingLR and CosineAnnealingWarmRestarts `eta_min`. */
  readonly etaMin?: number;
  /** CosineAnnealingWarmRestarts `T_0`: steps to the first restart. */
  readonly t0?: number;
  /** CosineAnnealingWarmRestarts `T_mult`. */
  readonly tMult?: number;
  /** OneCycleLR and CyclicLR `max_lr`. */
  readonly maxLr?: number;
  /** OneCycleLR `total_steps` (null: epochs · steps_per_epoch). */
  readonly totalSteps?: number | null;
  /** OneCycleLR `epochs`. */
  readonly epochs?: number | null;
  /** OneCycleLR `steps_per_epoch`. */
  readonly stepsPerEpoch?: number | null;
  /** OneCycleLR `pct_start`. */
  readonly pctStart?: number;
  /** OneCycleLR `anneal_strategy`. */
  readonly annealStrategy?: 'cos' | 'linear';
  /** OneCycleLR and CyclicLR `cycle_momentum` (β₁ for the Adam family). */
  readonly cycleMomentum?: boolean;
  /** OneCycleLR and CyclicLR `base_momentum`. */
  readonly baseMomentum?: number;
  /** OneCycleLR and CyclicLR `max_momentum`. */
  readonly maxMomentum?: number;
  /** OneCycleLR `div_factor`. */
  readonly divFactor?: number;
  /** OneCycleLR `final_div_factor`. */
  readonly finalDivFactor?: number;
  /** OneCycleLR `three_phase`. */
  readonly threePhase?: boolean;
  /** CyclicLR `base_lr`. */
  readonly baseLr?: number;
  /** CyclicLR `step_size_up`. */
  readonly stepSizeUp?: number;
  /** CyclicLR `step_size_down` (null: step_size_up). */
  readonly stepSizeDown?: number | null;
  /** CyclicLR's policy, or ReduceLROnPlateau's direction. */
  readonly mode?: 'triangular' | 'triangular2' | 'exp_range' | 'min' | 'max';
  /** ReduceLROnPlateau `patience`. */
  readonly patience?: number;
  /** ReduceLROnPlateau `threshold`. */
  readonly threshold?: number;
  /** ReduceLROnPlateau `threshold_mode`. */
  readonly thresholdMode?: 'rel' | 'abs';
  /** ReduceLROnPlateau `cooldown`. */
  readonly cooldown?: number;
  /** ReduceLROnPlateau `min_lr`. */
  readonly minLr?: number;
  /** ReduceLROnPlateau `eps`: smaller reductions are skipped. */
  readonly eps?: number;
  /** SequentialLR's and ChainedScheduler's schedulers, in order. */
  readonly schedulers?: readonly SchedulerSettings[];
}
