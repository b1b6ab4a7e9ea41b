// The landscape layer: the curve of f (one variable) or its filled contours (two), drawn with Plot once
// per landscape, size and theme. What moves (paths, the ball, the start) is drawn over it in the
// overlay group (overlay.ts), so a new η or a player frame never redraws the contours.
import * as Plot from '@observablehq/plot';
import type { LandscapeWire } from '../../shared/wire';
import { baseOptions, extent, plot, readableAxis, type PlotContext, type PlotElement } from './common';
import { logContours } from './scales';

const SVG = 'http://www.w3.org/2000/svg';
let clipCount = 0;

/** A drawn landscape: its chart, its scales and the group the moving marks go into. */
export interface LandscapeChart {
  readonly kind: 'curve' | 'grid';
  readonly svg: PlotElement;
  /** Data to pixels. */
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  /** Pixels (in the chart's own coordinates) to data. */
  readonly invert: (px: number, py: number) => [number, number];
  /** Clipped to the plot area. */
  readonly overlay: SVGGElement;
}

type Grid = Extract<LandscapeWire, { kind: 'grid' }>;
type Curve = Extract<LandscapeWire, { kind: 'curve' }>;

// Contour values are worked out once per grid (the chart may be drawn again at another width).
const shownValues = new WeakMap<Float64Array, Float64Array>();

/**
 * Values as drawn: when they span many orders of magnitude (Rosenbrock) the contours follow
 * log(1 + f − min) so that the valley shows; otherwise f itself.
 */
function contourValues(values: Float64Array): Float64Array {
  const cached = shownValues.get(values);
  if (cached) return cached;
  const range = extent(values);
  const shown =
    !range || !logContours(Array.from(values)) ? values : values.map((v) => Math.log1p(v - range[0]));
  shownValues.set(values, shown);
  return shown;
}

/** The values the contours span and whether they are spaced on a log scale (for the contour key). */
export function contourRange(grid: Grid): { readonly range: [number, number]; readonly log: boolean } {
  const range = extent(grid.values) ?? [0, 1];
  return { range, log: contourValues(grid.values) !== grid.values };
}

function contourChart(
  ctx: PlotContext,
  grid: Grid,
  variables: readonly string[],
  height: number,
): PlotElement {
  const { palette } = ctx;
  const x = readableAxis('linear', grid.xRange, variables[0] ?? 'x', Math.max(4, Math.round(ctx.width / 80)));
  const y = readableAxis('linear', grid.yRange, variables[1] ?? 'y', Math.max(3, Math.round(height / 45)));
  return plot({
    ...baseOptions(ctx, height),
    marginLeft: y.margin,
    x: x.options,
    y: y.options,
    color: { type: 'linear', range: [palette.accent, palette.background], interpolate: 'rgb' },
    marks: [
      Plot.contour(Array.from(contourValues(grid.values)), {
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
    ],
  });
}

/** The range widened to round values, as Plot's nice option would (the ticks then end at its edges). */
function niceRange([lo, hi]: [number, number]): [number, number] {
  const scale = Plot.scale({ y: { domain: [lo, hi], nice: true } });
  const d = (scale.domain ?? [lo, hi]) as [number, number];
  return [Number(d[0]), Number(d[1])];
}

function curveChart(ctx: PlotContext, curve: Curve, variable: string, height: number): PlotElement {
  const points = Array.from(curve.xs, (x, i) => ({ x, y: curve.values[i]! }));
  const x = readableAxis(
    'linear',
    extent(curve.xs) ?? [0, 1],
    variable,
    Math.max(4, Math.round(ctx.width / 80)),
  );
  const y = readableAxis('linear', niceRange(extent(curve.values) ?? [0, 1]), 'f', 5);
  return plot({
    ...baseOptions(ctx, height),
    marginLeft: y.margin,
    x: x.options,
    y: { ...y.options, grid: true },
    marks: [
      Plot.ruleY([0], { stroke: ctx.palette.grid }),
      Plot.line(points, { x: 'x', y: 'y', stroke: ctx.palette.muted, strokeWidth: 1.5 }),
    ],
  });
}

/** Draws the landscape; undefined when there is none (three or more variables). */
export function landscapeChart(
  ctx: PlotContext,
  landscape: LandscapeWire,
  variables: readonly string[],
  height: number,
): LandscapeChart | undefined {
  if (landscape.kind === 'none') return undefined;
  const svg =
    landscape.kind === 'grid'
      ? contourChart(ctx, landscape, variables, height)
      : curveChart(ctx, landscape, variables[0] ?? 'x', height);
  const sx = svg.scale('x');
  const sy = svg.scale('y');
  if (!sx?.apply || !sy?.apply || !sx.invert || !sy.invert) return undefined;
  const [left, right] = (sx.range ?? [0, 0]) as [number, number];
  const [bottom, top] = (sy.range ?? [0, 0]) as [number, number];
  const id = `gd-clip-${++clipCount}`;
  const clip = document.createElementNS(SVG, 'clipPath');
  clip.setAttribute('id', id);
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', String(Math.min(left, right)));
  rect.setAttribute('y', String(Math.min(top, bottom)));
  rect.setAttribute('width', String(Math.abs(right - left)));
  rect.setAttribute('height', String(Math.abs(bottom - top)));
  clip.append(rect);
  const overlay = document.createElementNS(SVG, 'g');
  overlay.setAttribute('clip-path', `url(#${id})`);
  overlay.setAttribute('data-testid', 'overlay');
  svg.append(clip, overlay);
  const x = sx.apply.bind(sx) as (v: number) => number;
  const y = sy.apply.bind(sy) as (v: number) => number;
  const invert = (px: number, py: number): [number, number] => [
    Number(sx.invert?.(px)),
    Number(sy.invert?.(py)),
  ];
  return { kind: landscape.kind, svg, x, y, invert, overlay };
}
