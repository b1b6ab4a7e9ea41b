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

/** How far beyond a curve's window, in window widths, the valleys next to it are looked for. */
const VALLEY_REACH = 1;
export const VALLEY_SCAN = 801;

/**
 * A curve's range widened to show the valley next to each side: the nearest local minimum of f
 * beyond the window or within its margin of the edge (within VALLEY_REACH widths), with a margin,
 * so a valley the ball could roll or be clicked into is not cut at the edge (the quartic's left one).
 */
export function withValleys(problem: Problem, range: readonly [number, number]): [number, number] {
  const [lo, hi] = range;
  const width = hi - lo;
  if (!(width > 0) || !Number.isFinite(width)) return [lo, hi];
  const xs = linspace(lo - VALLEY_REACH * width, hi + VALLEY_REACH * width, VALLEY_SCAN);
  const point = new Float64Array(1);
  const values = xs.map((v) => {
    point[0] = v;
    return safeValue(problem, point);
  });
  let left = lo;
  let right = hi;
  const edge = MARGIN * width;
  for (let i = 1; i + 1 < xs.length; i++) {
    const v = values[i]!;
    if (!(v < values[i - 1]! && v <= values[i + 1]!)) continue;
    const x = xs[i]!;
    if (x < lo + edge && (left === lo || x > left)) left = x;
    if (x > hi - edge && (right === hi || x < right)) right = x;
  }
  const span = Math.max(right, hi) - Math.min(left, lo);
  return [
    left === lo ? lo : Math.min(lo, left - MARGIN * span),
    right === hi ? hi : Math.max(hi, right + MARGIN * span),
  ];
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
  const [x, y] = balanced(coveringRange(start, trace, 0), coveringRange(start, trace, 1));
  return { x, y };
}

/** The narrower axis of a 2-D window spans at least this fraction of the wider one. */
const LEAST_ASPECT = 0.4;

/**
 * Two ranges with the narrower widened about its middle to LEAST_ASPECT of the wider: a path that
 * runs along one axis (x² − y² from (1, 1) runs up y) would otherwise squeeze the contours into bands.
 */
export function balanced(x: [number, number], y: [number, number]): [[number, number], [number, number]] {
  const widen = (r: [number, number], least: number): [number, number] => {
    const span = r[1] - r[0];
    if (span >= least) return r;
    const mid = (r[0] + r[1]) / 2;
    return [mid - least / 2, mid + least / 2];
  };
  const sx = x[1] - x[0];
  const sy = y[1] - y[0];
  return [widen(x, LEAST_ASPECT * sy), widen(y, LEAST_ASPECT * sx)];
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
    const [lo, hi] = withValleys(problem, window.x);
    const xs = Float64Array.from(linspace(lo, hi, CURVE_SAMPLES));
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
