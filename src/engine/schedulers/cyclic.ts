// torch's cyclical schedules: CyclicLR (a triangle wave between base_lr and max_lr, momentum cycling
// the other way) and OneCycleLR (warm up to max_lr, anneal far below the start). Both set the rate
// outright rather than scaling the group's, and may cycle the optimizer's momentum or β₁.
import { FormulaError } from '../types';
import type { ParamGroup } from '../optimizers';
import { LrScheduler } from './base';
import type { ResolvedOf } from './registry';

/** Sets the cycled momentum: SGD's and RMSprop's momentum, or the Adam family's β₁. */
function setMomentum(group: ParamGroup, value: number): void {
  if (group.cycles === 'betas') group.beta1 = value;
  else group.momentum = value;
}

function requireMomentum(group: ParamGroup, scheduler: string): void {
  if (group.cycles === undefined) {
    throw new FormulaError(
      `${scheduler} cycles the momentum (cycle_momentum=True), which this optimizer has not; pass cycle_momentum=False`,
      'bad-option',
    );
  }
}

export class CyclicLR extends LrScheduler {
  private readonly totalSize: number;
  private readonly stepRatio: number;

  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'CyclicLR'>,
  ) {
    group.lr = s.baseLr;
    super(group);
    const up = s.stepSizeUp;
    const down = s.stepSizeDown ?? up;
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    if (s.cycleMomentum) {
      requireMomentum(group, 'CyclicLR');
      setMomentum(group, s.baseMomentum);
    }
    // torch's initial step still scales from initial_lr; base_lr replaces it only afterwards.
    this.initialStep();
    this.baseLr = s.baseLr;
  }

  private scale(cycle: number): number {
    switch (this.s.mode) {
      case 'triangular2':
        return 1 / Math.pow(2.0, cycle - 1);
      case 'exp_range':
        return Math.pow(this.s.gamma, this.lastEpoch);
      default:
        return 1.0;
    }
  }

  protected getLr(): number {
    const { maxLr, cycleMomentum, baseMomentum, maxMomentum } = this.s;
    const cycle = Math.floor(1 + this.lastEpoch / this.totalSize);
    const x = 1.0 + this.lastEpoch / this.totalSize - cycle;
    const scaleFactor = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const factor = this.scale(cycle);
    if (cycleMomentum) {
      setMomentum(this.group, maxMomentum - (maxMomentum - baseMomentum) * scaleFactor * factor);
    }
    return this.baseLr + (maxLr - this.baseLr) * scaleFactor * factor;
  }
}

/** OneCycleLR's steps: total_steps, else epochs · steps_per_epoch, else (the engine's choice) the run's iterations. */
export function oneCycleSteps(s: ResolvedOf<'OneCycleLR'>, runIterations: number): number {
  return (
    s.totalSteps ??
    (s.epochs !== null && s.stepsPerEpoch !== null ? s.epochs * s.stepsPerEpoch : runIterations)
  );
}

/** One phase of OneCycleLR: where it ends and which group values it anneals between. */
interface Phase {
  readonly end: number;
  readonly lr: readonly [number, number];
  readonly momentum: readonly [number, number];
}

export class OneCycleLR extends LrScheduler {
  override readonly maxSteps: number;
  private readonly phases: readonly Phase[];

  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'OneCycleLR'>,
    runIterations: number,
  ) {
    const initial = s.maxLr / s.divFactor;
    const min = initial / s.finalDivFactor;
    group.initialLr = initial;
    if (s.cycleMomentum) {
      requireMomentum(group, 'OneCycleLR');
      setMomentum(group, s.maxMomentum);
    }
    super(group);
    const total = oneCycleSteps(s, runIterations);
    this.maxSteps = total;
    const [high, low] = [s.maxMomentum, s.baseMomentum];
    const rise = s.pctStart * total - 1;
    this.phases = s.threePhase
      ? [
          { end: rise, lr: [initial, s.maxLr], momentum: [high, low] },
          { end: 2 * s.pctStart * total - 2, lr: [s.maxLr, initial], momentum: [low, high] },
          { end: total - 1, lr: [initial, min], momentum: [high, high] },
        ]
      : [
          { end: rise, lr: [initial, s.maxLr], momentum: [high, low] },
          { end: total - 1, lr: [s.maxLr, min], momentum: [low, high] },
        ];
    this.initialStep();
  }

  private anneal(start: number, end: number, pct: number): number {
    if (this.s.annealStrategy === 'linear') return (end - start) * pct + start;
    const cosOut = Math.cos(Math.PI * pct) + 1;
    return end + ((start - end) / 2.0) * cosOut;
  }

  protected getLr(): number {
    const step = this.lastEpoch;
    if (step > this.maxSteps) {
      throw new FormulaError(
        `OneCycleLR was stepped ${step + 1} times; its total_steps is ${this.maxSteps}`,
        'bad-option',
      );
    }
    let start = 0;
    for (let i = 0; i < this.phases.length; i++) {
      const phase = this.phases[i]!;
      if (step <= phase.end || i === this.phases.length - 1) {
        const pct = (step - start) / (phase.end - start);
        if (this.s.cycleMomentum) setMomentum(this.group, this.anneal(...phase.momentum, pct));
        return this.anneal(...phase.lr, pct);
      }
      start = phase.end;
    }
    return this.group.lr;
  }
}
