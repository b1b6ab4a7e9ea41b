// How many points a trace keeps: the limit asked for, within a memory bound, and its consecutive head.

/** Coordinates whose extremes every bucket keeps; f, ‖∇f‖ (and a varying learning rate) are always tracked too. */
export const TRACE_EXTREME_COORDINATES = 16;
/** Most numbers (points × (variables + 3)) one trace may hold, whatever limit it was given. */
export const MAX_TRACE_NUMBERS = 4_000_000;

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
