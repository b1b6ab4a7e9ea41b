// The optimizer comparison: every optimizer from the same start, overlaid on one landscape with a
// legend that names each one's η; then their losses. Dragging η moves the person's own optimizer.
import type { RunWire } from '../../shared/wire';
import { h, replaceChildren } from '../dom';
import { OPTIMIZER_LABELS, formatNumber } from '../format';
import { figure, legend, seriesDash, type Series } from '../plots/common';
import { markerKey } from '../plots/keys';
import { landscapeChart, type LandscapeChart } from '../plots/landscape';
import { drawOverlay } from '../plots/overlay';
import type { ViewContext } from './context';
import { lossCharts } from './loss';

/** The compare view, kept between updates so its landscape can be reused. */
export class CompareView {
  readonly element = h('div', { class: 'view-compare' });
  private readonly loss = lossCharts();
  /** What goes below the controls in a narrow panel: the loss charts. */
  readonly secondary = this.loss.element;
  private chart: { key: string; chart: LandscapeChart } | undefined;

  update(vc: ViewContext): void {
    const runs = vc.scene.compare;
    if (!runs || runs.some((r) => r === undefined)) {
      replaceChildren(
        this.element,
        h('p', { class: 'hint', 'data-testid': 'compare-pending' }, 'Running every optimizer…'),
      );
      this.chart = undefined;
      return;
    }
    const { palette } = vc.ctx;
    const series: Series[] = (runs as RunWire[]).map((run, i) => ({
      label: `${OPTIMIZER_LABELS[run.optimizer]} (η = ${formatNumber(run.learningRate, 3)}, ${run.iterations} it., f = ${formatNumber(run.final.value, 4)})`,
      color: palette.overlays[i % palette.overlays.length]!,
      dash: seriesDash(i),
      trace: run.trace,
    }));
    const key = legend(series, 'compare-legend');
    const land = vc.scene.landscape;
    const blocks: HTMLElement[] = [];
    if (land && land.kind !== 'none') {
      const id = `${vc.scene.landscapeId}|${vc.ctx.width}|${vc.theme}`;
      if (this.chart?.key !== id) {
        const chart = landscapeChart(vc.ctx, land, runs[0]!.variables, 360);
        this.chart = chart ? { key: id, chart } : undefined;
      }
      if (this.chart) {
        const paths = series.map((s) => ({
          trace: s.trace,
          color: s.color,
          dash: s.dash ?? '',
          start: true,
          end: true,
        }));
        drawOverlay(this.chart.chart, paths, palette);
        blocks.push(
          figure(
            'Optimizers from the same start',
            'plot-main',
            key,
            this.chart.chart.svg,
            markerKey(palette, ['start', 'end']),
          ),
        );
      }
    }
    this.loss.element.hidden = false;
    this.loss.update(vc.ctx, series);
    // Without a landscape (three or more variables) the legend goes with the loss charts.
    if (blocks.length === 0) blocks.push(key);
    replaceChildren(this.element, ...blocks);
  }
}
