// The optimizer comparison: every optimizer from the same start, overlaid with a legend.
import type { Analysis } from '../engine/types';
import { h } from './dom';
import { OPTIMIZER_LABELS, formatNumber } from './format';
import { mainPlot } from './mainPlot';
import { figure, legend, seriesDash, type PlotContext, type Series } from './plots/common';
import { lossPlots } from './plots/loss';

/** The comparison charts, or a note while they are computed. */
export function renderCompareView(analysis: Analysis, ctx: PlotContext): HTMLElement[] {
  const runs = analysis.comparison;
  if (!runs) return [h('p', { class: 'hint', 'data-testid': 'compare-pending' }, 'Running every optimizer…')];
  const series: Series[] = runs.map((run, i) => ({
    label: `${OPTIMIZER_LABELS[run.optimizer]} (η = ${formatNumber(run.learningRate, 3)}, ${run.iterations} it., f = ${formatNumber(run.final.value, 4)})`,
    color: ctx.palette.series[i % ctx.palette.series.length],
    dash: seriesDash(i),
    trace: run.trace,
  }));
  const key = legend(series, 'compare-legend');
  const out: HTMLElement[] = [];
  if (analysis.landscape.kind !== 'none') {
    out.push(figure('Optimizers from the same start', 'plot-main', key, mainPlot(ctx, analysis, series)));
  }
  out.push(
    figure(
      'Value and gradient norm against the iteration',
      'plot-loss',
      analysis.landscape.kind === 'none' ? key : null,
      h('div', { class: 'pair' }, ...lossPlots(ctx, series)),
    ),
  );
  return out;
}
