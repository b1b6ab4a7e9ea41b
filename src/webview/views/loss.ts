// f and ‖∇f‖ against the iteration (log scale where the values span decades), for one run or several
// overlaid; the axes stay while the lines fit them (plots/lineChart.ts).
import { h } from '../dom';
import { figure, type PlotContext, type Series } from '../plots/common';
import { LineChart } from '../plots/lineChart';

/** The two loss charts in their figure. */
export interface LossCharts {
  readonly element: HTMLElement;
  update(ctx: PlotContext, series: readonly Series[]): void;
}

const HEIGHT = 200;

/** Makes the pair of loss charts. */
export function lossCharts(): LossCharts {
  const value = new LineChart(
    { xLabel: 'iteration', yLabel: 'f', height: HEIGHT, logWhenSpread: true },
    'loss-value',
  );
  const gradient = new LineChart(
    { xLabel: 'iteration', yLabel: '‖∇f‖', height: HEIGHT, logWhenSpread: true },
    'loss-gradient',
  );
  const element = figure(
    'Value and gradient norm against the iteration',
    'plot-loss',
    h('div', { class: 'pair' }, value.element, gradient.element),
  );
  return {
    element,
    update(ctx, series) {
      const half = { ...ctx, width: Math.max(240, ctx.width / 2 - 8) };
      const lines = (pick: (s: Series) => Float64Array) =>
        series.map((s) => ({
          color: s.color,
          ...(s.dash ? { dash: s.dash } : {}),
          xs: s.trace.iterations,
          ys: pick(s),
        }));
      value.update(
        half,
        lines((s) => s.trace.values),
      );
      gradient.update(
        half,
        lines((s) => s.trace.gradientNorms),
      );
    },
  };
}
