// The decaying schedules of torch.optim.lr_scheduler, each with torch's chainable get_lr() and its
// closed form: StepLR, MultiStepLR, ExponentialLR, ConstantLR, LinearLR, PolynomialLR,
// CosineAnnealingLR and CosineAnnealingWarmRestarts.
import type { ParamGroup } from '../optimizers';
import { bisectRight, LrScheduler } from './base';
import type { ResolvedOf } from './registry';

export class StepLR extends LrScheduler {
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'StepLR'>,
  ) {
    super(group);
    this.initialStep();
  }
  protected getLr(): number {
    const e = this.lastEpoch;
    return e === 0 || e % this.s.stepSize !== 0 ? this.group.lr : this.group.lr * this.s.gamma;
  }
  protected override closedForm(): number {
    return this.baseLr * Math.pow(this.s.gamma, Math.floor(this.lastEpoch / this.s.stepSize));
  }
}

export class MultiStepLR extends LrScheduler {
  private readonly sorted: readonly number[];
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'MultiStepLR'>,
  ) {
    super(group);
    this.sorted = [...s.milestones].sort((a, b) => a - b);
    this.initialStep();
  }
  protected getLr(): number {
    // A milestone listed twice drops the rate twice (torch counts them).
    const count = this.sorted.filter((m) => m === this.lastEpoch).length;
    return count === 0 ? this.group.lr : this.group.lr * Math.pow(this.s.gamma, count);
  }
  protected override closedForm(): number {
    return this.baseLr * Math.pow(this.s.gamma, bisectRight(this.sorted, this.lastEpoch));
  }
}

export class ExponentialLR extends LrScheduler {
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'ExponentialLR'>,
  ) {
    super(group);
    this.initialStep();
  }
  protected getLr(): number {
    return this.lastEpoch === 0 ? this.group.lr : this.group.lr * this.s.gamma;
  }
  protected override closedForm(): number {
    return this.baseLr * Math.pow(this.s.gamma, this.lastEpoch);
  }
}

export class ConstantLR extends LrScheduler {
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'ConstantLR'>,
  ) {
    super(group);
    this.initialStep();
  }
  protected getLr(): number {
    const { factor, totalIters } = this.s;
    if (this.lastEpoch === 0) return this.group.lr * factor;
    if (this.lastEpoch !== totalIters) return this.group.lr;
    return this.group.lr * (1.0 / factor);
  }
  protected override closedForm(): number {
    const { factor, totalIters } = this.s;
    return this.baseLr * (factor + (this.lastEpoch >= totalIters ? 1 : 0) * (1 - factor));
  }
}

export class LinearLR extends LrScheduler {
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'LinearLR'>,
  ) {
    super(group);
    this.initialStep();
  }
  protected getLr(): number {
    const { startFactor: a, endFactor: b, totalIters: n } = this.s;
    const e = this.lastEpoch;
    if (e === 0) return this.group.lr * a;
    if (e > n) return this.group.lr;
    return this.group.lr * (1.0 + (b - a) / (n * a + (e - 1) * (b - a)));
  }
  protected override closedForm(): number {
    const { startFactor: a, endFactor: b, totalIters: n } = this.s;
    return this.baseLr * (a + ((b - a) * Math.min(n, this.lastEpoch)) / n);
  }
}

export class PolynomialLR extends LrScheduler {
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'PolynomialLR'>,
  ) {
    super(group);
    this.initialStep();
  }
  protected getLr(): number {
    const { totalIters: n, power } = this.s;
    const e = this.lastEpoch;
    if (e === 0 || e > n) return this.group.lr;
    return this.group.lr * Math.pow((1.0 - e / n) / (1.0 - (e - 1) / n), power);
  }
  protected override closedForm(): number {
    const { totalIters: n, power } = this.s;
    return this.baseLr * Math.pow(1.0 - Math.min(n, this.lastEpoch) / n, power);
  }
}

export class CosineAnnealingLR extends LrScheduler {
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'CosineAnnealingLR'>,
  ) {
    super(group);
    this.initialStep();
  }
  /** torch's recursive form; at the trough after T_max steps it adds the first step back instead (no 0/0). */
  protected getLr(): number {
    const { tMax, etaMin } = this.s;
    const e = this.lastEpoch;
    const lr = this.group.lr;
    if (e === 0) return lr;
    if (pyMod(e - 1 - tMax, 2 * tMax) === 0) {
      return lr + ((this.baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
    }
    return (
      ((1 + Math.cos((Math.PI * e) / tMax)) / (1 + Math.cos((Math.PI * (e - 1)) / tMax))) * (lr - etaMin) +
      etaMin
    );
  }
  protected override closedForm(): number {
    const { tMax, etaMin } = this.s;
    return etaMin + ((this.baseLr - etaMin) * (1 + Math.cos((Math.PI * this.lastEpoch) / tMax))) / 2;
  }
}

/** Python's a % b: the result takes the sign of b. */
function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

export class CosineAnnealingWarmRestarts extends LrScheduler {
  private tI: number;
  private tCur: number;
  constructor(
    group: ParamGroup,
    private readonly s: ResolvedOf<'CosineAnnealingWarmRestarts'>,
  ) {
    super(group);
    this.tI = s.t0;
    this.tCur = this.lastEpoch;
    this.initialStep();
  }
  override step(_loss?: number, epoch?: number): void {
    const { t0, tMult } = this.s;
    let e = epoch;
    if (e === undefined && this.lastEpoch < 0) e = 0;
    if (e === undefined) {
      e = this.lastEpoch + 1;
      this.tCur += 1;
      if (this.tCur >= this.tI) {
        this.tCur -= this.tI;
        this.tI *= tMult;
      }
    } else if (e >= t0) {
      if (tMult === 1) {
        this.tCur = e % t0;
      } else {
        const n = Math.floor(Math.log((e / t0) * (tMult - 1) + 1) / Math.log(tMult));
        this.tCur = e - (t0 * (Math.pow(tMult, n) - 1)) / (tMult - 1);
        this.tI = t0 * Math.pow(tMult, n);
      }
    } else {
      this.tI = t0;
      this.tCur = e;
    }
    this.lastEpoch = Math.floor(e);
    this.group.lr = this.getLr();
  }
  protected getLr(): number {
    const { etaMin } = this.s;
    return etaMin + ((this.baseLr - etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2;
  }
}
