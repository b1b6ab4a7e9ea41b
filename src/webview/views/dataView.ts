// The data view of a run on data: the rows with the model's fit at the player's iterate (a line or
// curve for one feature, the threshold or the boundary between two labels), and the loss of each
// step's batch, noisy for small batches, with its running mean and the full-data loss per epoch.
import * as Plot from '@observablehq/plot';
import type { DataWire } from '../../shared/dataWire';
import { formatNumber } from '../../shared/numberText';
import { h, replaceChildren } from '../dom';
import { baseOptions, extent, figure, legend, plot, type PlotContext } from '../plots/common';
import { LineChart } from '../plots/lineChart';

/** The event the data view's "Use a CSV file…" button sends up to plotRequests.ts, which asks the host. */
export const PICK_DATA_EVENT = 'gd-pick-data';

const FIT_HEIGHT = 300;
const LOSS_HEIGHT = 200;
/** Steps the running mean averages over. */
const RUNNING_WINDOW = 20;

/** The mean of the last RUNNING_WINDOW values at each point. */
export function runningMean(values: ArrayLike<number>, window = RUNNING_WINDOW): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    if (i >= window) sum -= values[i - window]!;
    out[i] = sum / Math.min(i + 1, window);
  }
  return out;
}

/** The data figure and the batch-loss figure, kept between updates. */
export class DataView {
  readonly element: HTMLElement;
  private readonly fitHolder = h('div', { class: 'plot-holder' });
  private readonly fitKey = h('div', { class: 'key-holder' });
  private readonly fitCaption: HTMLElement;
  private readonly loss = new LineChart(
    { xLabel: 'iteration', yLabel: 'loss', height: LOSS_HEIGHT, logWhenSpread: true },
    'batch-loss',
  );
  private readonly lossKey = h('div', { class: 'key-holder' });
  private readonly compare = new LineChart(
    { xLabel: 'epoch', yLabel: 'loss on all rows', height: LOSS_HEIGHT, logWhenSpread: true },
    'batch-compare',
  );
  private readonly compareKey = h('div', { class: 'key-holder' });
  private data: DataWire | undefined;
  private ctx: PlotContext | undefined;
  private drawn = '';

  constructor() {
    const fit = figure('The data and the fit', 'plot-data', this.fitHolder, this.fitKey);
    this.fitCaption = fit.querySelector('figcaption > span')!;
    const loss = figure('Loss per step and per epoch', 'plot-batch-loss', this.loss.element, this.lossKey);
    const compare = figure(
      'Batch sizes compared: the loss on all rows per epoch',
      'plot-batch-compare',
      this.compare.element,
      this.compareKey,
    );
    const pick = h(
      'button',
      {
        type: 'button',
        'data-testid': 'pick-data',
        title: 'Run the loss on a CSV or TSV file from the workspace (its header row names the columns)',
      },
      'Use a CSV file…',
    );
    pick.addEventListener('click', () =>
      pick.dispatchEvent(new CustomEvent(PICK_DATA_EVENT, { bubbles: true })),
    );
    const bar = h('div', { class: 'row' }, pick);
    this.element = h('div', { class: 'view-data', 'data-testid': 'data-view' }, bar, fit, loss, compare);
  }

  /** Draws the data part (or hides the view without one); `frame` is the player's kept iterate. */
  update(ctx: PlotContext, data: DataWire | undefined, key: string, frame: number): void {
    this.data = data;
    this.ctx = ctx;
    this.element.hidden = data === undefined;
    if (data === undefined) return;
    if (this.drawn !== key) {
      this.drawn = key;
      this.drawLoss(ctx, data);
      this.drawComparison(ctx, data);
    }
    this.showFrame(frame);
  }

  /** The fit at kept iterate `frame`. */
  showFrame(frame: number): void {
    const { data, ctx } = this;
    if (!data || !ctx) return;
    const k = Math.max(0, Math.min(frame, data.iterations.length - 1));
    const iteration = data.iterations[k] ?? 0;
    const epoch = data.batchesPerEpoch > 0 ? iteration / data.batchesPerEpoch : 0;
    const order = data.shuffle ? 'shuffled' : 'in file order';
    this.fitCaption.textContent = `The data (${data.rows} rows) and the fit after ${formatNumber(epoch, { digits: 3 })} epochs (batches of ${data.batchSize}, ${order})`;
    const svg = this.fitPlot(ctx, data, k);
    svg.setAttribute('role', 'img');
    svg.setAttribute(
      'aria-label',
      `${data.rows} rows of ${data.features.join(', ')} and ${data.target}, with the model's fit at iteration ${iteration}`,
    );
    replaceChildren(this.fitHolder, svg);
  }

  private fitPlot(ctx: PlotContext, data: DataWire, k: number): Element {
    const { palette } = ctx;
    const [first, second] = data.columns;
    const target = data.columns[data.columns.length - 1]!;
    const fit = data.fit;
    const two = data.features.length === 2;
    const xs = first!;
    const ys = two ? second! : target;
    const labelled = data.labels !== undefined;
    // The second class differs from the first by shape too (a ring), and from the fit's colour.
    const second_ = palette.series[2] ?? palette.accent;
    const positive = (i: number): boolean => labelled && target[i] === data.labels![1];
    const rows = Array.from(xs, (_, i) => i);
    const marks: Plot.Markish[] = [
      Plot.dot(
        rows.filter((i) => !positive(i)),
        { x: (i: number) => xs[i], y: (i: number) => ys[i], fill: palette.series[0], r: 3, fillOpacity: 0.8 },
      ),
      Plot.dot(rows.filter(positive), {
        x: (i: number) => xs[i],
        y: (i: number) => ys[i],
        stroke: second_,
        strokeWidth: 1.5,
        r: 3.5,
      }),
    ];
    if (fit.kind === 'curve' || fit.kind === 'boundary') {
      const n = fit.grid.length;
      const row = Array.from(fit.grid, (x, j) => [x, fit.frames[k * n + j]!] as const);
      marks.push(
        Plot.line(
          row.filter(([, y]) => Number.isFinite(y)),
          { x: (p) => p[0], y: (p) => p[1], stroke: palette.path, strokeWidth: 2, clip: true },
        ),
      );
    } else if (fit.kind === 'threshold') {
      const at = fit.frames[k]!;
      if (Number.isFinite(at)) marks.push(Plot.ruleX([at], { stroke: palette.path, strokeWidth: 2 }));
    }
    const xDomain = extent(xs);
    const yDomain = extent(ys);
    const svg = plot({
      ...baseOptions(ctx, FIT_HEIGHT),
      x: { label: data.features[0], ...(xDomain ? { domain: xDomain } : {}) },
      y: { label: two ? data.features[1] : data.target, ...(yDomain ? { domain: yDomain } : {}) },
      marks,
    });
    const items = [
      { label: labelled ? `${data.target} = ${data.labels![0]}` : 'rows', color: palette.series[0]! },
      ...(labelled ? [{ label: `${data.target} = ${data.labels![1]} (rings)`, color: second_ }] : []),
      { label: fit.kind === 'curve' ? 'the fit' : 'the decision boundary', color: palette.path },
    ];
    replaceChildren(this.fitKey, legend(items, 'data-key'));
    return svg;
  }

  private drawComparison(ctx: PlotContext, data: DataWire): void {
    const { palette } = ctx;
    const dashes = ['', '6 3', '2 2', '8 3 2 3'];
    const lines = data.comparison.map((c, i) => ({
      color: palette.series[i % palette.series.length]!,
      ...(dashes[i] ? { dash: dashes[i] } : {}),
      label: c.batchSize >= data.rows ? `all ${data.rows} rows` : `batch ${c.batchSize}`,
      xs: c.epochs,
      ys: c.losses,
    }));
    this.compare.update(
      ctx,
      lines.map(({ label: _label, ...line }) => line),
    );
    replaceChildren(this.compareKey, legend(lines, 'batch-compare-key'));
  }

  private drawLoss(ctx: PlotContext, data: DataWire): void {
    const { palette } = ctx;
    this.loss.update(ctx, [
      { color: palette.muted, xs: data.iterations, ys: data.losses },
      { color: palette.path, xs: data.iterations, ys: runningMean(data.losses) },
      {
        color: palette.series[2] ?? palette.accent,
        dash: '6 3',
        xs: data.epochIterations,
        ys: data.epochLosses,
      },
    ]);
    replaceChildren(
      this.lossKey,
      legend(
        [
          { label: `loss of each batch of ${data.batchSize}`, color: palette.muted },
          { label: `running mean of ${RUNNING_WINDOW} steps`, color: palette.path },
          {
            label: `loss on all ${data.rows} rows after each epoch`,
            color: palette.series[2] ?? palette.accent,
            dash: '6 3',
          },
        ],
        'batch-loss-key',
      ),
    );
  }
}
