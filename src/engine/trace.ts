// Bounded-memory trace recording: keep every s-th iterate, doubling s whenever the buffer fills, then
// spread the kept points evenly down to the limit at the end. First and last iterates are always kept.
import type { TracePoint } from './types';

/** Records iterates of one run; `next` is the next iteration that wants recording. */
export class TraceRecorder {
  private points: TracePoint[] = [];
  private stride = 1;
  private readonly limit: number;
  private readonly capacity: number;
  /** The next iteration to pass to `add`; the loops compare against it instead of calling every time. */
  next = 0;

  /** `limit` is the most points returned ('all' keeps every iteration); at least 2 so first and last fit. */
  constructor(limit: number | 'all') {
    // NaN would disable the capacity check below, so it is read as the smallest limit.
    this.limit = limit === 'all' ? Infinity : Number.isNaN(limit) ? 2 : Math.max(2, Math.floor(limit));
    this.capacity = 2 * this.limit;
  }

  /** Records iteration `iteration` at x; returns the next iteration to record. */
  add(iteration: number, x: ArrayLike<number>, value: number, gradientNorm: number): number {
    this.points.push({ iteration, point: Array.from(x), value, gradientNorm });
    if (this.points.length >= this.capacity) {
      this.stride *= 2;
      this.points = this.points.filter((p) => p.iteration % this.stride === 0);
    }
    this.next = (Math.floor(iteration / this.stride) + 1) * this.stride;
    return this.next;
  }

  /** The trace with the final iterate appended if it was not recorded, spread evenly down to the limit. */
  finish(iteration: number, x: ArrayLike<number>, value: number, gradientNorm: number): TracePoint[] {
    const last = this.points[this.points.length - 1];
    if (last === undefined || last.iteration !== iteration) {
      this.points.push({ iteration, point: Array.from(x), value, gradientNorm });
    }
    const count = this.points.length;
    if (count <= this.limit) return this.points;
    const kept: TracePoint[] = [];
    for (let j = 0; j < this.limit; j++) {
      kept.push(this.points[Math.round((j * (count - 1)) / (this.limit - 1))]);
    }
    return kept;
  }
}
