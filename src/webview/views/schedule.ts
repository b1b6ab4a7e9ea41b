// η against the iteration, for a run whose learning rate varies (a schedule, or gd's line search):
// the rate of the step that led to each kept iterate. Hidden when the run has no such rates; a rate
// that did not change within the run is said in words (a flat line says less). The axes stay while
// the line fits them (plots/lineChart.ts), so dragging η moves only the line.
import type { RunWire } from '../../shared/wire';
import { h } from '../dom';
import { formatNumber } from '../format';
import { figure, type PlotContext } from '../plots/common';
import { LineChart } from '../plots/lineChart';

/** The η chart in its figure. */
export interface ScheduleChart {
  readonly element: HTMLElement;
  update(ctx: PlotContext, run: RunWire): void;
}

const HEIGHT = 180;

/** The finite rates' range, or undefined when there are none. */
function range(rates: Float64Array): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rates) {
    if (!Number.isFinite(r)) continue;
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** Makes the η chart. */
export function scheduleChart(): ScheduleChart {
  const chart = new LineChart(
    { xLabel: 'iteration', yLabel: 'η', height: HEIGHT, logWhenSpread: true },
    'lr-chart',
  );
  const note = h('p', { class: 'hint', 'data-testid': 'lr-constant' });
  const element = figure('Learning rate η against the iteration', 'plot-schedule', chart.element, note);
  const caption = element.querySelector('figcaption > span')!;
  element.hidden = true;
  return {
    element,
    update(ctx, run) {
      const rates = run.trace.learningRates;
      const span = rates && range(rates);
      element.hidden = span === undefined;
      if (!rates || !span) return;
      const why = run.scheduler ?? 'line search';
      caption.textContent = `Learning rate η against the iteration (${why})`;
      const flat = span[0] === span[1];
      chart.element.hidden = flat;
      note.hidden = !flat;
      if (flat) {
        const steps = run.iterations === 1 ? '1 iteration' : `${run.iterations} iterations`;
        note.textContent = `η = ${formatNumber(span[0])} for all ${steps}: ${why} did not change it within this run.`;
        return;
      }
      chart.update(ctx, [{ color: ctx.palette.path, xs: run.trace.iterations, ys: rates }]);
    },
  };
}
