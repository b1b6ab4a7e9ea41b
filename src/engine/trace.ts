// Bounded-memory trace recording that never aliases: a run that zig-zags keeps its zig-zag however
// long it is. The loops write every iterate into a raw chunk; each chunk is reduced into buckets of
// 2^s consecutive iterations that keep their first and last iterate and the iterates where f, ‖∇f‖ and
// each coordinate are smallest and largest (traceBuckets.ts keeps the closed ones and widens them).
// The first iterates are also kept consecutively (the head), for tables. A run whose learning rate
// varies (a schedule, a line search) records it as one more channel of each row.
import { TraceBuckets } from './traceBuckets';
import { effectiveTraceLimit, traceHead, TRACE_EXTREME_COORDINATES } from './traceLimit';
import type { TracePoint } from './types';

/** Numbers in the raw chunk the loops write into. */
const CHUNK_NUMBERS = 1 << 14;

/** A reference to a candidate iterate: j >= 0 is row j of the raw chunk, j < 0 is saved point -(j+1). */
type Ref = number;

interface OpenBucket {
  index: number;
  first: Ref;
  last: Ref;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly loValue: Float64Array;
  readonly hiValue: Float64Array;
  saved: TracePoint[];
}

/** An open bucket of `channels` channels with every reference on `ref` (values set by the caller). */
function openBucket(index: number, channels: number, ref: Ref): OpenBucket {
  const refs = (): Float64Array => new Float64Array(channels).fill(ref);
  return {
    index,
    first: ref,
    last: ref,
    lo: refs(),
    hi: refs(),
    loValue: new Float64Array(channels),
    hiValue: new Float64Array(channels),
    saved: [],
  };
}

/** Records the iterates of one run; the loops fill `buffer` row by row (see `filled`, `rows`). */
export class TraceRecorder {
  /** Numbers per raw row: the point, then f, then ‖∇f‖, then the learning rate when it is recorded. */
  readonly width: number;
  /** The raw chunk: `rows` rows of `width` numbers. */
  readonly buffer: Float64Array;
  /** Rows the chunk holds. */
  readonly rows: number;
  /** Rows written since the last flush. */
  filled = 0;
  /** Channels whose extremes the buckets keep, as offsets into a row: the coordinates (up to 16), f, ‖∇f‖ (, lr). */
  readonly channels: readonly number[];
  /** Scratch for `segment`: four numbers per channel. */
  readonly extremes: Float64Array;
  /** Only the first and the last iterate are kept (a limit of 2): the loops skip recording in between. */
  readonly endpointsOnly: boolean;
  private reduced = 0;
  private chunkStart = 0;
  private readonly limit: number;
  private readonly headLimit: number;
  private readonly head: TracePoint[] = [];
  private readonly buckets: TraceBuckets;
  private open: OpenBucket | undefined;

  /**
   * `limit` is the most points returned ('all': every iterate, within MAX_TRACE_NUMBERS);
   * `learningRates` adds each step's learning rate to the rows (TracePoint.learningRate).
   */
  constructor(
    private readonly dimension: number,
    limit: number | 'all',
    readonly learningRates = false,
  ) {
    const total = effectiveTraceLimit(limit, dimension + (learningRates ? 1 : 0));
    this.limit = total;
    this.endpointsOnly = total <= 2;
    this.headLimit = traceHead(total);
    this.width = dimension + (learningRates ? 3 : 2);
    this.rows = Math.max(1, Math.floor(CHUNK_NUMBERS / this.width));
    this.buffer = new Float64Array(this.rows * this.width);
    const coordinates = Math.min(dimension, TRACE_EXTREME_COORDINATES);
    const channels = [...Array.from({ length: coordinates }, (_, i) => i), dimension, dimension + 1];
    if (learningRates) channels.push(dimension + 2);
    this.channels = channels;
    this.extremes = new Float64Array(4 * this.channels.length);
    this.buckets = new TraceBuckets(channels, dimension, total - this.headLimit);
  }

  /** Iterations per bucket (a power of two); a loop that reduces rows itself keeps a pass inside one bucket. */
  get bucketWidth(): number {
    return this.buckets.width;
  }

  /** Records the iterate of `iteration`, the last of the run, when the loop skipped the ones before it (endpointsOnly). */
  recordLast(iteration: number, x: ArrayLike<number>, value: number, gradientNorm: number, lr = NaN): void {
    if (iteration <= this.chunkStart + this.filled - 1) return;
    this.flush();
    this.chunkStart = iteration;
    this.record(x, value, gradientNorm, lr);
  }

  /** Records the next iterate (iterations arrive in order 0, 1, 2, …); `lr` is its step's learning rate (NaN: none). */
  record(x: ArrayLike<number>, value: number, gradientNorm: number, lr = NaN): void {
    const o = this.filled * this.width;
    this.buffer.set(x, o);
    this.buffer[o + this.dimension] = value;
    this.buffer[o + this.dimension + 1] = gradientNorm;
    if (this.learningRates) this.buffer[o + this.dimension + 2] = lr;
    if (++this.filled === this.rows) this.flush();
  }

  /**
   * Rows from..end−1 of the chunk, all in one bucket, whose per-channel extremes the fused loop found
   * itself: `extremes` holds [lowest value, its row, highest value, its row] per channel.
   */
  segment(from: number, end: number): void {
    if (end <= from) return;
    this.reduceTo(from);
    this.pushHead(from, end);
    const open = this.openAt(from);
    open.last = end - 1;
    const ext = this.extremes;
    for (let k = 0; k < this.channels.length; k++) {
      const lo = ext[4 * k]!;
      const hi = ext[4 * k + 2]!;
      if (lo < open.loValue[k]!) {
        open.loValue[k] = lo;
        open.lo[k] = ext[4 * k + 1]!;
      }
      if (hi > open.hiValue[k]!) {
        open.hiValue[k] = hi;
        open.hi[k] = ext[4 * k + 3]!;
      }
    }
    this.reduced = end;
  }

  /** Reduces the rows not yet reduced into buckets and empties the chunk; the loops call it when it is full. */
  flush(): void {
    this.reduceTo(this.filled);
    const open = this.open;
    if (open) this.saveRefs(open);
    this.chunkStart += this.filled;
    this.filled = 0;
    this.reduced = 0;
  }

  /** Scans rows reduced..end−1 bucket by bucket (the rows the generic loop wrote with `record`). */
  private reduceTo(end: number): void {
    this.pushHead(this.reduced, end);
    let j = this.reduced;
    while (j < end) {
      const open = this.openAt(j);
      const stop = Math.min(end, (open.index + 1) * this.bucketWidth - this.chunkStart);
      this.scan(open, j, stop);
      j = stop;
    }
    this.reduced = end;
  }

  private pushHead(from: number, end: number): void {
    const headEnd = Math.min(end, this.headLimit - this.chunkStart);
    for (let r = from; r < headEnd; r++) this.head.push(this.row(r, this.chunkStart + r));
  }

  /** The open bucket that row j falls into, closing the previous one (which may widen the buckets). */
  private openAt(j: number): OpenBucket {
    const iteration = this.chunkStart + j;
    const open = this.open;
    if (open !== undefined && open.index === Math.floor(iteration / this.bucketWidth)) return open;
    this.close();
    const index = Math.floor(iteration / this.bucketWidth);
    const next = this.start(index, j);
    this.open = next;
    return next;
  }

  /** The kept trace, in iteration order: the head, and every bucket's first, last and extreme iterates. */
  finish(): TracePoint[] {
    this.flush();
    this.close();
    return this.buckets.within(this.head, this.limit);
  }

  private start(index: number, j: number): OpenBucket {
    const open = openBucket(index, this.channels.length, j);
    this.channels.forEach((c, k) => {
      // A NaN (the start's learning rate) must not block the comparisons that follow.
      const v = this.buffer[j * this.width + c]!;
      open.loValue[k] = Number.isNaN(v) ? Infinity : v;
      open.hiValue[k] = Number.isNaN(v) ? -Infinity : v;
    });
    return open;
  }

  /** Rows j..end−1 of the chunk into the open bucket: a tight loop per channel (this is the hot path). */
  private scan(open: OpenBucket, from: number, end: number): void {
    open.last = end - 1;
    const buffer = this.buffer;
    const width = this.width;
    for (let k = 0; k < this.channels.length; k++) {
      let lo = open.loValue[k]!;
      let hi = open.hiValue[k]!;
      let loRef = open.lo[k]!;
      let hiRef = open.hi[k]!;
      for (let r = from, o = from * width + this.channels[k]!; r < end; r++, o += width) {
        const v = buffer[o]!;
        if (v < lo) {
          lo = v;
          loRef = r;
        } else if (v > hi) {
          hi = v;
          hiRef = r;
        }
      }
      open.loValue[k] = lo;
      open.hiValue[k] = hi;
      open.lo[k] = loRef;
      open.hi[k] = hiRef;
    }
  }

  /** Copies the candidates that still point into the chunk, before the chunk is overwritten. */
  private saveRefs(open: OpenBucket): void {
    const moved = new Map<number, Ref>();
    const save = (ref: Ref): Ref => {
      if (ref < 0) return ref;
      let to = moved.get(ref);
      if (to === undefined) {
        open.saved.push(this.row(ref, this.chunkStart + ref));
        to = -open.saved.length;
        moved.set(ref, to);
      }
      return to;
    };
    open.first = save(open.first);
    open.last = save(open.last);
    for (let k = 0; k < this.channels.length; k++) {
      open.lo[k] = save(open.lo[k]!);
      open.hi[k] = save(open.hi[k]!);
    }
  }

  private close(): void {
    const open = this.open;
    if (open === undefined) return;
    this.open = undefined;
    const refs = new Set<Ref>([open.first, open.last, ...open.lo, ...open.hi]);
    const points = [...refs]
      .map((ref) => (ref < 0 ? open.saved[-ref - 1]! : this.row(ref, this.chunkStart + ref)))
      .sort((a, b) => a.iteration - b.iteration);
    this.buckets.add(open.index, points);
  }

  private row(j: number, iteration: number): TracePoint {
    const o = j * this.width;
    const n = this.dimension;
    const lr = this.learningRates ? this.buffer[o + n + 2]! : NaN;
    return {
      iteration,
      point: Array.from(this.buffer.subarray(o, o + n)),
      value: this.buffer[o + n]!,
      gradientNorm: this.buffer[o + n + 1]!,
      ...(Number.isNaN(lr) ? {} : { learningRate: lr }),
    };
  }
}
