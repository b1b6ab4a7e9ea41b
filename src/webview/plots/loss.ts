// Always shown: the value and the gradient norm against the iteration (log scale where it fits).
import * as Plot from '@observablehq/plot';
import type { TracePoint } from '../../engine/types';
import {
  type PlotElement,
  plot,
  baseOptions,
  finite,
  yScaleType,
  type PlotContext,
  type Series,
} from './common';
import { decadeTicks } from './scales';

function seriesPlot(
  ctx: PlotContext,
  series: readonly Series[],
  pick: (t: TracePoint) => number,
  label: string,
  height: number,
): PlotElement {
  const all = series.flatMap((s) => s.trace.map(pick));
  const type = yScaleType(all);
  const usable = (t: TracePoint): boolean => Number.isFinite(pick(t)) && (type === 'linear' || pick(t) > 0);
  const ticks = type === 'log' ? decadeTicks(all) : undefined;
  return plot({
    ...baseOptions(ctx, height),
    x: { label: 'iteration' },
    y: {
      type,
      label,
      grid: true,
      ...(ticks ? { ticks } : {}),
      ...(finite(all).length === 0 ? { domain: [0, 1] } : {}),
    },
    marks: series.map((s) =>
      Plot.line(s.trace.filter(usable), {
        x: 'iteration',
        y: pick,
        stroke: s.color,
        strokeWidth: 1.5,
        strokeDasharray: s.dash,
      }),
    ),
  });
}

/** Two charts: f against the iteration and ‖∇f‖ against the iteration. */
export function lossPlots(ctx: PlotContext, series: readonly Series[], height = 200): PlotElement[] {
  const half = { ...ctx, width: Math.max(240, ctx.width / 2 - 8) };
  return [
    seriesPlot(half, series, (t) => t.value, 'f', height),
    seriesPlot(half, series, (t) => t.gradientNorm, '‖∇f‖', height),
  ];
}
