// Samples f for plotting: a curve for one variable, a grid for two, nothing for more. The range
// covers the start and every finite trace point with a margin, so the path is always on the plot
// (a curve also shows the origin's side when it is near).
import type { Landscape, Problem, TracePoint } from './types';

/** Samples of a curve (one variable). */
export const CURVE_SAMPLES = 241;
/** Grid side (two variables). */
export const GRID_SIDE = 60;
/** Fraction of the covered span added on each side. */
const MARGIN = 0.15;

/** The smallest and largest finite coordinate `axis` over the start and the trace, widened by a margin. */
export function coveringRange(
  start: readonly number[],
  trace: readonly TracePoint[],
  axis: number,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const visit = (v: number | undefined): void => {
    if (v === undefined || !Number.isFinite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  visit(start[axis]);
  for (const p of trace) visit(p.point[axis]);
  if (lo > hi) return [-1, 1];
  const span = hi - lo;
  const mid = (lo + hi) / 2;
  // A run that never moved still gets a readable window around where it sits.
  if (span <= 1e-9 * Math.max(1, Math.abs(mid))) {
    const half = Math.max(1, Math.abs(mid) * 0.5);
    return [mid - half, mid + half];
  }
  return [lo - span * MARGIN, hi + span * MARGIN];
}

/** How many times wider than the path's own window a curve may grow to show the origin's side. */
const MAX_WIDENING = 20;

/**
 * The window of a curve (one variable): the covering range, widened to [−R, R] (R: its largest
 * magnitude plus the margin) unless that would make it more than MAX_WIDENING times wider. Textbook
 * functions centre their valleys near the origin, so the curve then shows both sides and a ball can
 * be placed in the other valley (seed "gradient-descent-intro": start at 2, miss the global
 * minimum); a path far from the origin for its size keeps its own window.
 */
export function curveRange(start: readonly number[], trace: readonly TracePoint[]): [number, number] {
  const [lo, hi] = coveringRange(start, trace, 0);
  const r = Math.max(Math.abs(lo), Math.abs(hi)) * (1 + MARGIN);
  return 2 * r > MAX_WIDENING * (hi - lo) ? [lo, hi] : [-r, r];
}

function finiteOrNaN(v: number): number {
  return Number.isFinite(v) ? v : NaN;
}

function safeValue(problem: Problem, x: Float64Array): number {
  try {
    return finiteOrNaN(problem.value(x));
  } catch {
    return NaN;
  }
}

/** Evenly spaced values from lo to hi inclusive. */
function linspace(lo: number, hi: number, n: number): number[] {
  const step = (hi - lo) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + i * step));
}

/** The part of the plane (or line) a landscape samples: x, and y for two variables. */
export interface PlotWindow {
  readonly x: readonly [number, number];
  readonly y?: readonly [number, number];
}

/**
 * The window around a run: for one variable curveRange, for two the covering range of each axis; undefined
 * for more than `maxPlotVariables` or more than two variables (nothing to sample).
 */
export function windowAround(
  start: readonly number[],
  trace: readonly TracePoint[],
  dimension: number,
  maxPlotVariables = 2,
): PlotWindow | undefined {
  if (dimension < 1 || dimension > Math.min(2, maxPlotVariables)) return undefined;
  if (dimension === 1) return { x: curveRange(start, trace) };
  return { x: coveringRange(start, trace, 0), y: coveringRange(start, trace, 1) };
}

/**
 * Samples f over a window: a curve of CURVE_SAMPLES points for one variable, a GRID_SIDE² grid
 * (row-major, y ascending) for two; 'none' when the window does not fit the problem.
 */
export function sampleLandscape(problem: Problem, window: PlotWindow | undefined): Landscape {
  const dim = problem.dimension;
  if (window === undefined || dim < 1 || dim > 2 || (dim === 2) !== (window.y !== undefined)) {
    return { kind: 'none' };
  }
  const x = new Float64Array(dim);
  if (dim === 1) {
    const xs = Float64Array.from(linspace(window.x[0], window.x[1], CURVE_SAMPLES));
    const values = xs.map((v) => {
      x[0] = v;
      return safeValue(problem, x);
    });
    return { kind: 'curve', xs, values };
  }
  const xRange = window.x;
  const yRange = window.y!;
  const gx = linspace(xRange[0], xRange[1], GRID_SIDE);
  const gy = linspace(yRange[0], yRange[1], GRID_SIDE);
  const values = new Float64Array(GRID_SIDE * GRID_SIDE);
  for (let j = 0; j < GRID_SIDE; j++) {
    x[1] = gy[j]!;
    for (let i = 0; i < GRID_SIDE; i++) {
      x[0] = gx[i]!;
      values[j * GRID_SIDE + i] = safeValue(problem, x);
    }
  }
  return {
    kind: 'grid',
    xRange: [xRange[0], xRange[1]],
    yRange: [yRange[0], yRange[1]],
    nx: GRID_SIDE,
    ny: GRID_SIDE,
    values,
  };
}
