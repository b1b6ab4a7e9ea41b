// The closed buckets of a trace: aligned runs of 2^s iterations, each keeping its first and last iterate
// and the iterates where each tracked channel is smallest and largest. Doubling the width merges
// neighbours exactly (the extremes of a union are among the extremes of its parts); two buckets of one
// index (the open bucket after a doubling falls into the last closed one) merge at the next doubling.
import type { TracePoint } from './types';

/** Channel `channel` of a point over `dimension` variables: a coordinate, f, ‖∇f‖ or the learning rate. */
export function channelValue(p: TracePoint, channel: number, dimension: number): number {
  if (channel < dimension) return p.point[channel]!;
  if (channel === dimension) return p.value;
  return channel === dimension + 1 ? p.gradientNorm : (p.learningRate ?? NaN);
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

/** The closed buckets, widened whenever they hold more than twice `shapeLimit` points. */
export class TraceBuckets {
  /** Iterations per bucket (a power of two). */
  width = 1;
  private buckets: { index: number; points: TracePoint[] }[] = [];
  private kept = 0;

  /** `channels` as offsets (see TraceRecorder.channels) over `dimension` variables. */
  constructor(
    private readonly channels: readonly number[],
    private readonly dimension: number,
    private readonly shapeLimit: number,
  ) {}

  /** Adds the closed bucket `index` with its kept points (in iteration order). */
  add(index: number, points: TracePoint[]): void {
    this.buckets.push({ index, points });
    this.kept += points.length;
    if (this.kept > 2 * this.shapeLimit) this.compact();
  }

  /**
   * The head and the buckets' points within `limit`, in iteration order, each iteration once: the
   * buckets widen until they fit, and a single bucket that does not fit keeps its first and last,
   * then the extremes of f, ‖∇f‖ (, the learning rate) and the coordinates, within `shapeLimit`.
   */
  within(head: readonly TracePoint[], limit: number): TracePoint[] {
    // The head is iterations 0, 1, …: the shape's points past it follow it.
    const merged = (shape: readonly TracePoint[]): TracePoint[] => [
      ...head,
      ...shape.filter((p) => p.iteration >= head.length),
    ];
    let out = merged(this.buckets.flatMap((b) => b.points));
    while (out.length > limit && this.buckets.length > 1) {
      this.compact();
      out = merged(this.buckets.flatMap((b) => b.points));
    }
    if (out.length > limit) out = merged(this.prune(this.buckets[0]!.points, this.shapeLimit));
    return out;
  }

  /** Doubles the bucket width: neighbours merge, keeping the first, last and extreme iterates of each pair. */
  private compact(): void {
    this.width *= 2;
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
      const [lo, hi] = extremesOf(points, (p) => channelValue(p, c, this.dimension));
      keep.add(lo).add(hi);
    }
    return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
  }

  /** Fewer points than one bucket keeps: the first and the last, then the extremes of f, ‖∇f‖ and the coordinates. */
  private prune(points: TracePoint[], limit: number): TracePoint[] {
    const keep = new Set<number>([0, points.length - 1]);
    // f, ‖∇f‖ (, the rate) first, then every channel: those already seen are kept already.
    const order = [...this.channels.filter((c) => c >= this.dimension), ...this.channels];
    for (const c of order) {
      const [lo, hi] = extremesOf(points, (p) => channelValue(p, c, this.dimension));
      for (const i of [lo, hi]) if (keep.size < limit) keep.add(i);
    }
    return [...keep].sort((a, b) => a - b).map((i) => points[i]!);
  }
}
