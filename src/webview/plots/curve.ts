// One variable: the curve f(x) with the iterates on it, the current one drawn as a ball.
import * as Plot from '@observablehq/plot';
import type { Landscape, TracePoint } from '../../engine/types';
import { type PlotElement, plot, baseOptions, extent, type PlotContext, type Series } from './common';
import { onDataClick } from './pick';

type Curve = Extract<Landscape, { kind: 'curve' }>;

/** Options of the curve plot. */
export interface CurveExtras {
  /** How many iterates of the first path to show (the player's frame). */
  readonly frame?: number;
  /** Called with [x] of a click, to place the ball there. */
  readonly onPick?: (point: number[]) => void;
  readonly height?: number;
}

/** The curve with one or more paths. */
export function curvePlot(
  ctx: PlotContext,
  curve: Curve,
  variable: string,
  series: readonly Series[],
  extras: CurveExtras = {},
): PlotElement {
  const frame = extras.frame ?? Number.MAX_SAFE_INTEGER;
  const points = curve.xs.map((x, i) => ({ x, y: curve.values[i] }));
  const yDomain = extent(curve.values) ?? [0, 1];
  const xDomain = extent(curve.xs) ?? [0, 1];
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: ctx.palette.grid }),
    Plot.line(points, { x: 'x', y: 'y', stroke: ctx.palette.muted, strokeWidth: 1.5 }),
  ];
  series.forEach((s, index) => {
    const shown: readonly TracePoint[] = index === 0 ? s.trace.slice(0, frame + 1) : s.trace;
    const px = (d: TracePoint): number => d.point[0];
    const py = (d: TracePoint): number => d.value;
    marks.push(
      Plot.line(shown, {
        x: px,
        y: py,
        stroke: s.color,
        strokeOpacity: 0.8,
        strokeDasharray: s.dash,
        marker: 'circle-stroke',
      }),
    );
    const ball = shown[shown.length - 1];
    if (ball) {
      marks.push(Plot.dot([ball], { x: px, y: py, r: 7, fill: s.color, stroke: ctx.palette.foreground }));
    }
  });
  const first = series[0]?.trace[0];
  if (first) {
    marks.push(
      Plot.text([first], {
        x: (d: TracePoint) => d.point[0],
        y: (d: TracePoint) => d.value,
        text: () => 'start',
        dy: -12,
        fill: ctx.palette.foreground,
      }),
    );
  }
  const chart = plot({
    ...baseOptions(ctx, extras.height ?? 320),
    clip: true,
    x: { domain: xDomain, label: variable },
    y: { domain: yDomain, label: 'f', grid: true, nice: true },
    marks,
  });
  const pick = extras.onPick;
  if (pick) onDataClick(chart, (x) => pick([x]));
  return chart;
}
