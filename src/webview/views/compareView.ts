// The optimizer comparison: the optimizers the person picked, and their own, from the same start,
// overlaid on one landscape with a legend that names each one's η; then their losses. Dragging η
// moves the person's own optimizer; the picker above chooses the others.
import { ALL_OPTIMIZER_NAMES } from '../../engine/optimizers/registry';
import type { OptimizerName } from '../../engine/types';
import type { RunWire } from '../../shared/wire';
import { COMPARED_OPTIMIZERS } from '../../usecases/defaults';
import { h, replaceChildren } from '../dom';
import { OPTIMIZER_LABELS, formatNumber } from '../format';
import { figure, legend, type Series } from '../plots/common';
import { markerKey } from '../plots/keys';
import { landscapeChart, type LandscapeChart } from '../plots/landscape';
import { drawOverlay } from '../plots/overlay';
import { ComparePicker } from './comparePicker';
import { styleOf } from './compareStyle';
import type { ViewContext } from './context';
import { lossCharts } from './loss';

/** How each compared optimizer's η was chosen (usecases/sideRuns.ts comparisonOptions). */
const RATE_NOTE =
  'Yours runs as set; the SGD family at its default η or 1/λmax at the start if smaller; the others at their default η, without a schedule.';

/** A compared run in the legend: its optimizer, its η (and schedule), how far it went and where. */
function seriesLabel(run: RunWire, own: boolean): string {
  const schedule = run.scheduler ? ` with ${run.scheduler}` : '';
  return `${OPTIMIZER_LABELS[run.optimizer]} (${own ? 'yours, ' : ''}η = ${formatNumber(run.learningRate, 3)}${schedule}, ${run.iterations} it., f = ${formatNumber(run.final.value, 4)})`;
}

/** The compare view, kept between updates so its landscape can be reused. */
export class CompareView {
  private readonly body = h('div', { class: 'compare-body' });
  private readonly picker: ComparePicker;
  readonly element: HTMLElement;
  private readonly loss = lossCharts();
  private pick: (names: OptimizerName[]) => void = () => undefined;
  /** What goes below the controls in a narrow panel: the loss charts. */
  readonly secondary = this.loss.element;
  private chart: { key: string; chart: LandscapeChart } | undefined;

  constructor() {
    this.picker = new ComparePicker((names) => this.pick(names));
    this.element = h('div', { class: 'view-compare' }, this.picker.element, this.body);
  }

  update(vc: ViewContext): void {
    const given = vc.run.controls.optimizer.name;
    const own = ALL_OPTIMIZER_NAMES.find((n) => n === given) ?? 'gd';
    this.pick = vc.setCompared;
    this.picker.update(own, vc.compared ?? COMPARED_OPTIMIZERS);
    const runs = vc.scene.compare;
    if (!runs || runs.some((r) => r === undefined)) {
      replaceChildren(
        this.body,
        h('p', { class: 'hint', 'data-testid': 'compare-pending' }, 'Running the compared optimizers…'),
      );
      this.chart = undefined;
      return;
    }
    const { palette } = vc.ctx;
    let others = 0;
    const series: Series[] = (runs as RunWire[]).map((run) => {
      const mine = run.optimizer === own;
      return {
        label: seriesLabel(run, mine),
        ...styleOf(mine ? 0 : ++others, palette.overlays),
        trace: run.trace,
      };
    });
    const key = h(
      'div',
      {},
      legend(series, 'compare-legend'),
      h('p', { class: 'hint', 'data-testid': 'compare-rates' }, RATE_NOTE),
    );
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
    replaceChildren(this.body, ...blocks);
  }
}
