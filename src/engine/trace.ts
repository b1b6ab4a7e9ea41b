// Bounded-memory trace recording that never aliases: a run that zig-zags keeps its zig-zag however
// long it is. The loops write every iterate into a raw chunk; each chunk is reduced into buckets of
// 2^s consecutive iterations that keep their first and last iterate and the iterates where f, ‖∇f‖ and
// each coordinate are smallest and largest. When the buckets hold too many points their width
// doubles and neighbours merge (the extremes of a union are among the extremes of its parts, so the
// merge is exact). The first iterates are also kept consecutively (the head), for tables. A run whose
// learning rate varies (a schedule, a line search) records it as one more channel of each row.
import type { TracePoint } from './types';

/** Coordinates whose extremes every bucket keeps; f, ‖∇f‖ (and a varying learning rate) are always tracked too. */
export const TRACE_EXTREME_COORDINATES = 16;
/** Most numbers (points × (variables + 3)) one trace may hold, whatever limit it was given. */
export const MAX_TRACE_NUMBERS = 4_000_000;
/** Numbers in the raw chunk the loops write into. */
const CHUNK_NUMBERS = 1 << 14;

/** Iterates kept consecutively at the start of a trace of `limit` points: a quarter of it. */
export function traceHead(limit: number): number {
  return Math.floor(limit / 4);
}

/** The most points a trace over `dimension` variables keeps when asked for `limit` ('all': every iterate). */
export function effectiveTraceLimit(limit: number | 'all', dimension: number): number {
  const memory = Math.max(2, Math.floor(MAX_TRACE_NUMBERS / (dimension + 3)));
  const asked = limit === 'all' ? Infinity : Number.isNaN(limit) ? 2 : Math.max(2, Math.floor(limit));
  return Math.min(asked, memory);
}

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
  /** Iterations per bucket (a power of two); a loop that reduces rows itself keeps a pass inside one bucket. */
  bucketWidth = 1;
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
  private readonly shapeLimit: number;
  private readonly head: TracePoint[] = [];
  private buckets: { index: number; points: TracePoint[] }[] = [];
  private kept = 0;
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
    this.shapeLimit = total - this.headLimit;
    this.width = dimension + (learningRates ? 3 : 2);
    this.rows = Math.max(1, Math.floor(CHUNK_NUMBERS / this.width));
    this.buffer = new Float64Array(this.rows * this.width);
    const coordinates = Math.min(dimension, TRACE_EXTREME_COORDINATES);
    const channels = [...Array.from({ length: coordinates }, (_, i) => i), dimension, dimension + 1];
    if (learningRates) channels.push(dimension + 2);
    this.channels = channels;
    this.extremes = new Float64Array(4 * this.channels.length);
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
    let out = this.merged(this.buckets.flatMap((b) => b.points));
    while (out.length > this.limit && this.buckets.length > 1) {
      this.compact();
      out = this.merged(this.buckets.flatMap((b) => b.points));
    }
    if (out.length > this.limit) out = this.merged(this.prune(this.buckets[0]!.points, this.shapeLimit));
    return out;
  }

  /** The head and the shape's points in iteration order, each iteration once (the head is iterations 0, 1, …). */
  private merged(shape: readonly TracePoint[]): TracePoint[] {
    return [...this.head, ...shape.filter((p) => p.iteration >= this.head.length)];
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
    this.buckets.push({ index: open.index, points });
    this.kept += points.length;
    if (this.kept > 2 * this.shapeLimit) this.compact();
  }

  /** Doubles the bucket width: neighbours merge, keeping the first, last and extreme iterates of each pair. */
  private compact(): void {
    this.bucketWidth *= 2;
    const merged: { index: number; points: TracePoint[] }[] = [];
    for (const bucket of this.buckets) {
      const index = Math.floor(bucket.index / 2);
      const previous = merged[merged.length - 1];
      if (previous && previous.index === index) previous.points = previous.points.concat(bucket.points);
      else merged.push({ index, points: bucket.points });
    }
    this.kept = 0;
    for (const bucket of merged) {
      bucket.points = this.select(bucket.points);
      this.kept += bucket.points.length;
    }
    this.buckets = merged;
  }

  /** The first, the last and each channel's extreme points of `points` (in iteration order). */
  private select(points: TracePoint[]): TracePoint[] {
    const keep = new Set<number>([0, points.length - 1]);
    for (const c of this.channels) {
      const [lo, hi] = extremesOf(points, (p) => this.channelOf(p, c));
      keep.add(lo).add(hi);
    }
    return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
  }

  /** Fewer points than one bucket keeps: the first and the last, then the extremes of f, ‖∇f‖ and the coordinates. */
  private prune(points: TracePoint[], limit: number): TracePoint[] {
    const keep = new Set<number>([0, points.length - 1]);
    const order = [
      ...this.channels.filter((c) => c >= this.dimension),
      ...this.channels.filter((c) => c < this.dimension),
    ];
    for (const c of order) {
      const [lo, hi] = extremesOf(points, (p) => this.channelOf(p, c));
      for (const i of [lo, hi]) if (keep.size < limit) keep.add(i);
    }
    return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
  }

  private channelOf(p: TracePoint, channel: number): number {
    if (channel < this.dimension) return p.point[channel]!;
    if (channel === this.dimension) return p.value;
    return channel === this.dimension + 1 ? p.gradientNorm : (p.learningRate ?? NaN);
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

/** Indices of the smallest and largest finite `value` (the first index when none is finite). */
function extremesOf<T>(items: readonly T[], value: (item: T) => number): [number, number] {
  let lo = 0;
  let hi = 0;
  let loValue = Infinity;
  let hiValue = -Infinity;
  items.forEach((item, i) => {
    const v = value(item);
    if (v < loValue) {
      loValue = v;
      lo = i;
    }
    if (v > hiValue) {
      hiValue = v;
      hi = i;
    }
  });
  return [lo, hi];
}
