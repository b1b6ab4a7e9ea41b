// A line chart in two layers: the axes, drawn with Plot and kept while their rounded ("nice") domains
// stay the same, and the lines, redrawn as SVG paths through the axes' scales. A change of η moves the
// loss curves without re-plotting the chart, unless the curves leave the axes' range.
import * as Plot from '@observablehq/plot';
import { baseOptions, extent, plot, readableAxis, type PlotContext, type PlotElement } from './common';

const SVG = 'http://www.w3.org/2000/svg';

/** One line: x and y columns of the same length. */
export interface LineSeries {
  readonly color: string;
  readonly dash?: string;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  /** A label written at the line's end (the coordinates chart names its variables). */
  readonly label?: string;
}

/** What the chart shows besides its lines. */
export interface LineChartOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height: number;
  /** A log y axis when the values span decades (and are positive). */
  readonly logWhenSpread: boolean;
}

interface Axes {
  readonly key: string;
  readonly svg: PlotElement;
  readonly lines: SVGGElement;
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
}

function niceDomain(type: 'linear' | 'log', domain: [number, number]): [number, number] {
  const scale = Plot.scale({ y: { type, domain, nice: true } });
  const d = (scale.domain ?? domain) as [number, number];
  return [Number(d[0]), Number(d[1])];
}

function pathOf(series: LineSeries, axes: Axes, log: boolean): string {
  let d = '';
  let pen = 'M';
  for (let i = 0; i < series.xs.length; i++) {
    const v = series.ys[i]!;
    const px = axes.x(series.xs[i]!);
    const py = log && !(v > 0) ? NaN : axes.y(v);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = 'M';
      continue;
    }
    d += `${pen}${px.toFixed(1)},${py.toFixed(1)}`;
    pen = 'L';
  }
  return d;
}

/** True when positive values span at least two decades: a log axis then shows them better. */
function spreads(values: readonly number[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo > 0 && hi / lo >= 100;
}

/** A line chart that keeps its axes while they still fit. */
export class LineChart {
  /** The holder the chart's SVG lives in. */
  readonly element: HTMLElement;
  private axes: Axes | undefined;

  constructor(
    private readonly options: LineChartOptions,
    testId?: string,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'line-chart';
    if (testId) this.element.setAttribute('data-testid', testId);
  }

  /** Draws `series`, re-plotting the axes only when their domain, size or colours changed. */
  update(ctx: PlotContext, series: readonly LineSeries[]): void {
    const xs = series.flatMap((s) => Array.from(s.xs));
    const ys = series.flatMap((s) => Array.from(s.ys).filter(Number.isFinite));
    const positive = ys.filter((v) => v > 0);
    const log = this.options.logWhenSpread && positive.length === ys.length && spreads(positive);
    const type = log ? 'log' : 'linear';
    const xDomain = niceDomain('linear', extent(xs) ?? [0, 1]);
    const yDomain = niceDomain(type, extent(log ? positive : ys, type) ?? [0, 1]);
    const key = [ctx.width, this.options.height, type, ...xDomain, ...yDomain, ctx.palette.foreground].join(
      '|',
    );
    if (this.axes?.key !== key) this.axes = this.drawAxes(ctx, key, xDomain, yDomain, type);
    const axes = this.axes;
    const children: SVGElement[] = [];
    for (const s of series) {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', pathOf(s, axes, log));
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', s.color);
      path.setAttribute('stroke-width', '1.5');
      if (s.dash) path.setAttribute('stroke-dasharray', s.dash);
      path.setAttribute('data-testid', 'line');
      children.push(path);
      const last = s.xs.length - 1;
      if (s.label !== undefined && last >= 0) {
        const text = document.createElementNS(SVG, 'text');
        text.setAttribute('x', String(axes.x(s.xs[last]!) + 6));
        text.setAttribute('y', String(axes.y(s.ys[last]!)));
        text.setAttribute('fill', ctx.palette.foreground);
        text.setAttribute('dominant-baseline', 'middle');
        text.setAttribute('data-testid', 'line-label');
        text.textContent = s.label;
        children.push(text);
      }
    }
    axes.lines.replaceChildren(...children);
  }

  private drawAxes(
    ctx: PlotContext,
    key: string,
    xDomain: [number, number],
    yDomain: [number, number],
    type: 'linear' | 'log',
  ): Axes {
    const x = readableAxis('linear', xDomain, this.options.xLabel, Math.max(3, Math.round(ctx.width / 90)));
    const y = readableAxis(
      type,
      yDomain,
      this.options.yLabel,
      Math.max(3, Math.round(this.options.height / 50)),
    );
    const svg = plot({
      ...baseOptions(ctx, this.options.height),
      marginLeft: y.margin,
      marginRight: 40,
      x: x.options,
      y: { ...y.options, grid: true },
      marks: [Plot.ruleY([yDomain[0]], { strokeOpacity: 0 })],
    });
    const lines = document.createElementNS(SVG, 'g');
    lines.setAttribute('data-testid', 'lines');
    svg.append(lines);
    this.element.replaceChildren(svg);
    const sx = svg.scale('x');
    const sy = svg.scale('y');
    return {
      key,
      svg,
      lines,
      x: (v: number): number => Number(sx?.apply?.(v)),
      y: (v: number): number => Number(sy?.apply?.(v)),
    };
  }
}
