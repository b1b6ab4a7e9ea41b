// Momentum's (η, β) map as a heat map: one cell per run, shaded by the iterations it took to
// converge (log scale, from the accent colour for the fewest to grey for the most), diverged cells in the error colour, cells that did not
// converge left empty; the current (η, β), the best cell and Polyak's optimum marked. A click (or a
// key on the focused map) picks a cell.
import * as Plot from '@observablehq/plot';
import { DIVERGED_CELL, type PhaseWire } from '../../shared/explainWire';
import { baseOptions, plot, readableAxis, type PlotContext, type PlotElement } from './common';

/** One drawn cell: its edges (η geometric, β arithmetic midpoints), its rates and iterations. */
interface Cell {
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
  readonly learningRate: number;
  readonly beta: number;
  readonly value: number;
}

/** Edges between grid values: geometric means on a log axis, midpoints on a linear one. */
function edges(values: Float64Array, log: boolean): number[] {
  const n = values.length;
  const mid = (a: number, b: number): number => (log ? Math.sqrt(a * b) : (a + b) / 2);
  const out: number[] = [];
  for (let i = 0; i <= n; i++) {
    if (i === 0) {
      out.push(
        n > 1
          ? log
            ? values[0]! ** 2 / mid(values[0]!, values[1]!)
            : 2 * values[0]! - mid(values[0]!, values[1]!)
          : values[0]! * 0.9,
      );
    } else if (i === n) {
      out.push(
        n > 1
          ? log
            ? values[n - 1]! ** 2 / mid(values[n - 2]!, values[n - 1]!)
            : 2 * values[n - 1]! - mid(values[n - 2]!, values[n - 1]!)
          : values[0]! * 1.1,
      );
    } else out.push(mid(values[i - 1]!, values[i]!));
  }
  return out;
}

export function phaseCells(map: PhaseWire): Cell[] {
  const xs = edges(map.learningRates, true);
  const ys = edges(map.betas, false);
  const cells: Cell[] = [];
  map.betas.forEach((beta, r) =>
    map.learningRates.forEach((learningRate, c) =>
      cells.push({
        x1: xs[c]!,
        x2: xs[c + 1]!,
        y1: ys[r]!,
        y2: ys[r + 1]!,
        learningRate,
        beta,
        value: map.cells[r * map.learningRates.length + c]!,
      }),
    ),
  );
  return cells;
}

/** The marks on the map: where the run is, the best cell, Polyak's optimum. */
export interface PhaseMarks {
  readonly current?: { readonly learningRate: number; readonly beta: number };
}

/** The heat map. */
export function phasePlot(ctx: PlotContext, map: PhaseWire, marks: PhaseMarks, height = 300): PlotElement {
  const cells = phaseCells(map);
  const converged = cells.filter((c) => Number.isFinite(c.value) && c.value >= 0);
  const diverged = cells.filter((c) => c.value === DIVERGED_CELL);
  const counts = converged.map((c) => Math.max(1, c.value));
  const lo = counts.length > 0 ? Math.min(...counts) : 1;
  const hi = counts.length > 0 ? Math.max(...counts, lo * 10) : 10;
  const first = map.learningRates[0]!;
  const last = map.learningRates[map.learningRates.length - 1]!;
  const x = readableAxis('log', [first, last], 'learning rate η', Math.max(3, Math.round(ctx.width / 90)));
  const betaName = map.optimizer === 'adam' ? 'β₁' : 'momentum β';
  const y = readableAxis('linear', [map.betas[0]!, map.betas[map.betas.length - 1]!], betaName, 5);
  const ring = (
    rates: { learningRate: number; beta: number }[],
    stroke: string,
    symbol: string,
    r: number,
  ): Plot.Markish => Plot.dot(rates, { x: 'learningRate', y: 'beta', stroke, strokeWidth: 2, symbol, r });
  return plot({
    ...baseOptions(ctx, height),
    marginLeft: y.margin,
    x: { ...x.options, domain: [cells[0]!.x1, cells[map.learningRates.length - 1]!.x2] },
    y: { ...y.options, domain: [cells[0]!.y1, cells[cells.length - 1]!.y2] },
    color: { type: 'log', domain: [lo, hi], range: [ctx.palette.accent, ctx.palette.muted] },
    marks: [
      Plot.rect(converged, {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        fill: (c: Cell) => Math.max(1, c.value),
        inset: 0,
      }),
      Plot.rect(diverged, {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        fill: ctx.palette.end,
        fillOpacity: 0.45,
        inset: 0,
      }),
      ...(map.best ? [ring([map.best], ctx.palette.foreground, 'circle', 4)] : []),
      ...(map.polyak ? [ring([map.polyak], ctx.palette.start, 'star', 7)] : []),
      ...(marks.current ? [ring([marks.current], ctx.palette.path, 'plus', 8)] : []),
    ],
  });
}

/** The cell nearest to a point in the chart's own pixels (for a click), or undefined off the map. */
export function cellAt(
  chart: PlotElement,
  map: PhaseWire,
  px: number,
  py: number,
): { learningRate: number; beta: number } | undefined {
  const sx = chart.scale('x');
  const sy = chart.scale('y');
  if (!sx?.invert || !sy?.invert) return undefined;
  const eta = Number(sx.invert(px));
  const beta = Number(sy.invert(py));
  if (!Number.isFinite(eta) || !Number.isFinite(beta)) return undefined;
  const nearest = (values: Float64Array, v: number, log: boolean): number => {
    let best = 0;
    const d = (a: number): number => Math.abs(log ? Math.log(a / v) : a - v);
    for (let i = 1; i < values.length; i++) if (d(values[i]!) < d(values[best]!)) best = i;
    return best;
  };
  const [x0, x1] = (sx.range ?? [0, 0]) as [number, number];
  const [y0, y1] = (sy.range ?? [0, 0]) as [number, number];
  if (px < Math.min(x0, x1) || px > Math.max(x0, x1) || py < Math.min(y0, y1) || py > Math.max(y0, y1)) {
    return undefined;
  }
  return {
    learningRate: map.learningRates[nearest(map.learningRates, eta, true)]!,
    beta: map.betas[nearest(map.betas, beta, false)]!,
  };
}
