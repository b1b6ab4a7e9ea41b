// Learning-rate effects: final value and iterations against η (log axes), diverged runs marked
// and the critical η = 2/λmax drawn as a rule.
import * as Plot from '@observablehq/plot';
import type { SweepPoint, SweepResult } from '../../engine/types';
import { type PlotElement, plot, baseOptions, extent, yScaleType, type PlotContext } from './common';
import { decadeTicks } from './scales';

function criticalRule(ctx: PlotContext, sweep: SweepResult): Plot.Markish[] {
  const c = sweep.criticalLearningRate;
  if (c === null || !Number.isFinite(c) || c <= 0) return [];
  return [
    Plot.ruleX([c], { stroke: ctx.palette.end, strokeDasharray: '4,3' }),
    Plot.text([c], {
      x: (d: number) => d,
      frameAnchor: 'top',
      dy: 4,
      dx: 4,
      textAnchor: 'start',
      text: () => '2/λmax',
      fill: ctx.palette.end,
    }),
  ];
}

/** Final value against η; diverged runs drawn as crosses along the top. */
export function sweepValuePlot(ctx: PlotContext, sweep: SweepResult, height = 240): PlotElement {
  const ok = sweep.points.filter((p) => !p.diverged && Number.isFinite(p.finalValue));
  const type = yScaleType(ok.map((p) => p.finalValue));
  const shown = type === 'log' ? ok.filter((p) => p.finalValue > 0) : ok;
  const diverged = sweep.points.filter((p) => p.diverged || !Number.isFinite(p.finalValue));
  return plot({
    ...baseOptions(ctx, height),
    x: { type: 'log', label: 'learning rate η' },
    y: {
      type,
      label: 'final f',
      grid: true,
      ...(type === 'log' ? { ticks: decadeTicks(shown.map((p) => p.finalValue)) } : {}),
      ...(shown.length === 0 ? { domain: [0, 1] } : {}),
    },
    marks: [
      Plot.line(shown, { x: 'learningRate', y: 'finalValue', stroke: ctx.palette.accent }),
      Plot.dot(shown, {
        x: 'learningRate',
        y: 'finalValue',
        fill: (p: SweepPoint) => (p.converged ? ctx.palette.accent : ctx.palette.muted),
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
export function sweepIterationsPlot(ctx: PlotContext, sweep: SweepResult, height = 240): PlotElement {
  const its = extent(sweep.points.map((p) => p.iterations)) ?? [1, 10];
  const ticks = its[0] > 0 ? decadeTicks(sweep.points.map((p) => p.iterations)) : undefined;
  return plot({
    ...baseOptions(ctx, height),
    x: { type: 'log', label: 'learning rate η' },
    y: { type: its[0] > 0 ? 'log' : 'linear', label: 'iterations', grid: true, ...(ticks ? { ticks } : {}) },
    marks: [
      Plot.line(sweep.points, { x: 'learningRate', y: 'iterations', stroke: ctx.palette.accent }),
      Plot.dot(sweep.points, {
        x: 'learningRate',
        y: 'iterations',
        r: 3,
        symbol: (p: SweepPoint) => (p.diverged ? 'times' : 'circle'),
        stroke: (p: SweepPoint) => (p.diverged ? ctx.palette.end : ctx.palette.accent),
      }),
      ...criticalRule(ctx, sweep),
    ],
  });
}
