// Which rows each step of a mini-batch run reads. File order takes rows 1–B, B+1–2B, …, the last
// batch of an epoch being what is left, then starts again at row 1 (torch's DataLoader with
// shuffle=False, drop_last=False). Shuffling draws a fresh permutation per epoch from a seeded
// generator, so that one seed always gives the same run and another seed another.
import { FormulaError } from '../types';

/** How a run walks through the data. */
export interface BatchSettings {
  /** Rows per step: 1 is SGD, the row count (or more) full-batch descent. */
  readonly batchSize: number;
  /** A fresh random order every epoch instead of file order. */
  readonly shuffle: boolean;
  /** The shuffle's seed (any integer; ignored in file order). */
  readonly seed: number;
}

/** Steps per epoch: ⌈rows / batch size⌉. */
export function batchesPerEpoch(rows: number, batchSize: number): number {
  return Math.ceil(rows / Math.min(batchSize, rows));
}

/** The settings, checked: a whole batch size ≥ 1 and a whole seed. */
export function checkBatchSettings(settings: BatchSettings): BatchSettings {
  const { batchSize, seed } = settings;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new FormulaError(
      `The batch size must be a whole number of at least 1 (got ${String(batchSize)}).`,
      'bad-option',
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new FormulaError(`The seed must be a whole number (got ${String(seed)}).`, 'bad-option');
  }
  return { batchSize, shuffle: settings.shuffle === true, seed };
}

/** A small, fast generator of uniform numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hands out the rows of each step in turn. */
export class BatchSampler {
  private readonly order: Uint32Array;
  private readonly random: (() => number) | undefined;
  private position = 0;
  /** Completed epochs: a step that takes the last rows of the order ends one. */
  epoch = 0;
  readonly batchSize: number;

  constructor(
    readonly rows: number,
    settings: BatchSettings,
  ) {
    this.batchSize = Math.min(settings.batchSize, rows);
    this.order = new Uint32Array(rows);
    for (let i = 0; i < rows; i++) this.order[i] = i;
    this.random = settings.shuffle ? seededRandom(settings.seed) : undefined;
    this.reshuffle();
  }

  /** The rows of the next step (a view into the epoch's order; valid until the next call). */
  next(): Uint32Array {
    const end = Math.min(this.position + this.batchSize, this.rows);
    const batch = this.order.subarray(this.position, end);
    this.position = end;
    return batch;
  }

  /** True when the step just handed out was the last of its epoch; starts the next epoch then. */
  endOfEpoch(): boolean {
    if (this.position < this.rows) return false;
    this.position = 0;
    this.epoch += 1;
    this.reshuffle();
    return true;
  }

  /** Fisher–Yates over the whole order, from the seeded generator. */
  private reshuffle(): void {
    if (this.random === undefined) return;
    for (let i = this.rows - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      const t = this.order[i];
      this.order[i] = this.order[j];
      this.order[j] = t;
    }
  }
}
