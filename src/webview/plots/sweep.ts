// Learning-rate effects: final value and iterations against η (log axes), diverged runs marked
// and the critical η = 2/λmax drawn as a rule.
import * as Plot from '@observablehq/plot';
import type { SweepWire } from '../../shared/wire';
import {
  type PlotElement,
  plot,
  baseOptions,
  extent,
  readableAxis,
  yScaleType,
  type PlotContext,
} from './common';

/** The η axis of a sweep: log, over the rates swept. */
function rateAxis(sweep: SweepWire, width: number): ReturnType<typeof readableAxis> {
  const domain = extent(
    sweep.points.map((p) => p.learningRate),
    'log',
  ) ?? [1e-4, 1];
  return readableAxis('log', domain, 'learning rate η', Math.max(3, Math.round(width / 80)));
}

function criticalRule(ctx: PlotContext, sweep: SweepWire): Plot.Markish[] {
  const c = sweep.criticalLearningRate;
  if (c === undefined || !Number.isFinite(c) || c <= 0) return [];
  return [
    Plot.ruleX([c], { stroke: ctx.palette.end, strokeDasharray: '4,3' }),
    Plot.text([c], {
      x: (d: number) => d,
      frameAnchor: 'top',
      dy: 4,
      // Left of the rule: the diverged rates are marked to its right, along the top.
      dx: -4,
      textAnchor: 'end',
      text: () => '2/λmax',
      fill: ctx.palette.end,
    }),
  ];
}

/** Final value against η; diverged runs drawn as crosses along the top. */
export function sweepValuePlot(ctx: PlotContext, sweep: SweepWire, height = 240): PlotElement {
  const ok = sweep.points.filter((p) => !p.diverged && Number.isFinite(p.finalValue));
  const type = yScaleType(ok.map((p) => p.finalValue));
  const shown = type === 'log' ? ok.filter((p) => p.finalValue > 0) : ok;
  const diverged = sweep.points.filter((p) => p.diverged || !Number.isFinite(p.finalValue));
  const range = extent(
    shown.map((p) => p.finalValue),
    type,
  ) ?? [0, 1];
  const y = readableAxis(type, range, 'final f', 5);
  return plot({
    ...baseOptions(ctx, height),
    marginLeft: y.margin,
    x: rateAxis(sweep, ctx.width).options,
    y: { ...y.options, grid: true },
    marks: [
      Plot.line(shown, { x: 'learningRate', y: 'finalValue', stroke: ctx.palette.accent }),
      Plot.dot(shown, {
        x: 'learningRate',
        y: 'finalValue',
        fill: (p: SweepWire['points'][number]) => (p.converged ? ctx.palette.accent : ctx.palette.muted),
        r: 3,
      }),
      Plot.dot(diverged, {
        x: 'learningRate',
        frameAnchor: 'top',
        dy: 8,
        symbol: 'times',
        stroke: ctx.palette.end,
        r: 5,
      }),
      ...criticalRule(ctx, sweep),
    ],
  });
}

/** Iterations used against η. */
export function sweepIterationsPlot(ctx: PlotContext, sweep: SweepWire, height = 240): PlotElement {
  const counts = sweep.points.map((p) => p.iterations);
  const type = counts.every((n) => n > 0) ? 'log' : 'linear';
  const y = readableAxis(type, extent(counts, type) ?? [1, 10], 'iterations', 4);
  return plot({
    ...baseOptions(ctx, height),
    marginLeft: y.margin,
    x: rateAxis(sweep, ctx.width).options,
    y: { ...y.options, grid: true },
    marks: [
      Plot.line(sweep.points, { x: 'learningRate', y: 'iterations', stroke: ctx.palette.accent }),
      Plot.dot(sweep.points, {
        x: 'learningRate',
        y: 'iterations',
        r: 3,
        symbol: (p: SweepWire['points'][number]) => (p.diverged ? 'times' : 'circle'),
        stroke: (p: SweepWire['points'][number]) => (p.diverged ? ctx.palette.end : ctx.palette.accent),
      }),
      ...criticalRule(ctx, sweep),
    ],
  });
}

const SVG = 'http://www.w3.org/2000/svg';

/** Marks the current η on a sweep chart (a thin rule over the chart, moved without re-plotting it). */
export function markLearningRate(chart: PlotElement, eta: number, color: string): void {
  const x = chart.scale('x');
  const y = chart.scale('y');
  const px = Number(x?.apply?.(eta));
  const [bottom, top] = (y?.range ?? [0, 0]) as [number, number];
  let rule = chart.querySelector<SVGLineElement>('line[data-testid="current-lr"]');
  if (!rule) {
    rule = document.createElementNS(SVG, 'line');
    rule.setAttribute('data-testid', 'current-lr');
    rule.setAttribute('stroke-width', '2');
    chart.append(rule);
  }
  rule.setAttribute('stroke', color);
  rule.setAttribute('visibility', Number.isFinite(px) ? 'visible' : 'hidden');
  for (const [name, value] of [
    ['x1', px],
    ['x2', px],
    ['y1', bottom],
    ['y2', top],
  ] as const) {
    rule.setAttribute(name, String(Number.isFinite(value) ? value : 0));
  }
}
