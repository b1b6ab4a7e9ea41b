// Which part of the plane a panel run's landscape shows. The window covers the start and the paths
// drawn on it, with a margin, and it stays put while what it must cover still fits it well: dragging
// η or the start then redraws only the path, not the contours (layered rendering, issue 8). A path
// that runs away (a divergence) is covered only until it leaves the region where f was reasonable, so
// the valley stays in view and the path is seen leaving it.
import { windowAround, type PlotWindow } from '../engine/landscape';
import type { TracePoint } from '../engine/types';

export type { PlotWindow } from '../engine/landscape';

/** A path is covered while |f − f(x₀)| stays below this many times max(1, |f(x₀)|). */
const RUNAWAY_FACTOR = 100;
/** A window is kept while what it must cover spans at least this fraction of it on every axis. */
const KEEP_FRACTION = 0.25;

/** The leading part of a path that has not run away (at least its start). */
export function coveredPart(trace: readonly TracePoint[]): readonly TracePoint[] {
  const first = trace[0];
  if (first === undefined) return trace;
  const limit = RUNAWAY_FACTOR * Math.max(1, Math.abs(first.value));
  const end = trace.findIndex(
    (p) =>
      !Number.isFinite(p.value) || !p.point.every(Number.isFinite) || Math.abs(p.value - first.value) > limit,
  );
  return end < 0 ? trace : trace.slice(0, Math.max(1, end));
}

function inside(inner: readonly [number, number], outer: readonly [number, number]): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

function fillsEnough(inner: readonly [number, number], outer: readonly [number, number]): boolean {
  return inner[1] - inner[0] >= KEEP_FRACTION * (outer[1] - outer[0]);
}

/** True when `previous` still shows `needed` well: it holds it, and it is not more than four times as wide. */
function stillFits(needed: PlotWindow, previous: PlotWindow): boolean {
  const axes: [readonly [number, number] | undefined, readonly [number, number] | undefined][] = [
    [needed.x, previous.x],
    [needed.y, previous.y],
  ];
  return axes.every(([n, p]) =>
    n === undefined || p === undefined ? n === p : inside(n, p) && fillsEnough(n, p),
  );
}

/**
 * The window for a run of `dimension` variables starting at `start` with these paths drawn on it:
 * `previous` when it still fits them, else a new one around them; undefined when nothing is plotted.
 */
export function frameWindow(
  previous: PlotWindow | undefined,
  start: readonly number[],
  paths: readonly (readonly TracePoint[])[],
  dimension: number,
  maxPlotVariables: number,
): PlotWindow | undefined {
  const covered = paths.flatMap((path) => coveredPart(path));
  const needed = windowAround(start, covered, dimension, maxPlotVariables);
  if (needed === undefined) return undefined;
  return previous !== undefined && stillFits(needed, previous) ? previous : needed;
}
