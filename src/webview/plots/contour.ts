// Two variables: filled contours of f with paths, start and end marked, basins of several starts,
// and a click handler that reports the point clicked (to start again from there).
import * as Plot from '@observablehq/plot';
import type { Landscape, MultiStartResult, TracePoint } from '../../engine/types';
import { type PlotElement, plot, baseOptions, extent, type PlotContext, type Series } from './common';
import { onDataClick } from './pick';
import { logContours } from './scales';

type Grid = Extract<Landscape, { kind: 'grid' }>;

/** Extra layers of a contour plot. */
export interface ContourExtras {
  /** How many iterates of the first path to show (the player's frame). */
  readonly frame?: number;
  readonly multistart?: MultiStartResult;
  /** Called with the point clicked, to start again from there. */
  readonly onPick?: (point: number[]) => void;
  readonly height?: number;
}

// The player redraws the chart every frame over the same grid: its drawn values are worked out once.
const shownValues = new WeakMap<readonly number[], { values: number[]; log: boolean }>();

/**
 * Values as drawn: when they span many orders of magnitude (Rosenbrock) the contours follow
 * log(1 + f − min) so that the valley shows; otherwise f itself.
 */
function contourValues(values: readonly number[]): { values: number[]; log: boolean } {
  const cached = shownValues.get(values);
  if (cached) return cached;
  const range = extent(values);
  const shown =
    !range || !logContours(values)
      ? { values: [...values], log: false }
      : { values: values.map((v) => Math.log1p(v - range[0])), log: true };
  shownValues.set(values, shown);
  return shown;
}

const px = (d: TracePoint): number => d.point[0];
const py = (d: TracePoint): number => d.point[1];

/** The contour plot with every series' path. */
export function contourPlot(
  ctx: PlotContext,
  grid: Grid,
  variables: readonly string[],
  series: readonly Series[],
  extras: ContourExtras = {},
): PlotElement {
  const { palette } = ctx;
  const shown = contourValues(grid.values);
  const marks: Plot.Markish[] = [
    Plot.contour(shown.values, {
      x1: grid.xRange[0],
      x2: grid.xRange[1],
      y1: grid.yRange[0],
      y2: grid.yRange[1],
      width: grid.nx,
      height: grid.ny,
      fill: Plot.identity,
      stroke: palette.foreground,
      strokeOpacity: 0.15,
      thresholds: 18,
    }),
  ];
  const basins = extras.multistart;
  if (basins) {
    for (const run of basins.runs) {
      const color = run.basin >= 0 ? palette.series[run.basin % palette.series.length] : palette.muted;
      marks.push(
        Plot.line(run.result.trace, { x: px, y: py, stroke: color, strokeOpacity: 0.7, strokeWidth: 1 }),
      );
      marks.push(
        Plot.dot([run.start], {
          x: (p: readonly number[]) => p[0],
          y: (p: readonly number[]) => p[1],
          r: 3,
          fill: color,
        }),
      );
    }
    marks.push(
      Plot.dot(basins.minima, {
        x: (m) => m.point[0],
        y: (m) => m.point[1],
        symbol: 'star',
        r: 7,
        fill: palette.foreground,
      }),
    );
  }
  series.forEach((s, index) => {
    const trace = index === 0 && extras.frame !== undefined ? s.trace.slice(0, extras.frame + 1) : s.trace;
    marks.push(
      Plot.line(trace, {
        x: px,
        y: py,
        stroke: s.color,
        strokeWidth: 2,
        strokeDasharray: s.dash,
        marker: trace.length < 60 ? 'circle-stroke' : 'none',
      }),
    );
    const start = s.trace[0];
    const end = trace[trace.length - 1];
    if (start) {
      marks.push(Plot.dot([start], { x: px, y: py, r: 5, fill: palette.start, stroke: palette.foreground }));
    }
    if (end) {
      marks.push(
        Plot.dot([end], { x: px, y: py, r: 6, symbol: 'diamond', fill: s.color, stroke: palette.foreground }),
      );
    }
  });
  const chart = plot({
    ...baseOptions(ctx, extras.height ?? 360),
    clip: true,
    x: { domain: grid.xRange, label: variables[0] ?? 'x' },
    y: { domain: grid.yRange, label: variables[1] ?? 'y' },
    color: { type: 'linear', range: [palette.accent, palette.background], interpolate: 'rgb' },
    marks,
  });
  const pick = extras.onPick;
  if (pick) onDataClick(chart, (x, y) => pick([x, y]));
  return chart;
}
