// The learning-rate view: final value and iterations against η with the critical step 2/λmax and the
// current η marked, η against the iteration when a schedule varies it (the runs view's chart), and
// the paths at a too-small, a good and a too-large η side by side. The sweep does not depend on the
// current η, so dragging η moves only its mark.
import { outcomeSentence } from '../../usecases/wording';
import type { LandscapeWire, RunWire } from '../../shared/wire';
import { h, replaceChildren } from '../dom';
import { criticalNote, formatNumber } from '../format';
import { coordinate, figure, type PlotContext, type PlotElement } from '../plots/common';
import { landscapeChart } from '../plots/landscape';
import { LineChart } from '../plots/lineChart';
import { drawOverlay } from '../plots/overlay';
import { markLearningRate, sweepIterationsPlot, sweepValuePlot } from '../plots/sweep';
import type { ViewContext } from './context';
import { ExplainPanel } from './explainView';
import { scheduleChart } from './schedule';

const REGIMES = ['too small', 'good', 'too large'] as const;

/** The learning-rate view, kept between updates so the sweep charts can be reused. */
export class LearningRateView {
  readonly element = h('div', { class: 'view-learning-rate' });
  /** What goes below the controls in a narrow panel: the three regimes. */
  readonly secondary = h('div', { class: 'view-regimes' });
  private sweep: { key: string; charts: PlotElement[]; figure: HTMLElement } | undefined;
  private regimes: { key: string; figure: HTMLElement } | undefined;
  /** The curvature at the start and momentum's (η, β) map, below the sweep. */
  private readonly explain = new ExplainPanel();
  /** η against the iteration, shown when the run's rate varies (a schedule, gd's line search). */
  private readonly schedule = scheduleChart();

  update(vc: ViewContext): void {
    const { sweep, run } = vc.scene;
    if (run) this.schedule.update(vc.ctx, run);
    if (!sweep) {
      const failed = vc.run.failures?.find((f) => f.part === 'sweep');
      const text = failed
        ? `The sweep could not run: ${failed.message}`
        : 'Computing the learning-rate sweep…';
      this.explain.update(vc);
      replaceChildren(
        this.element,
        h('p', { class: 'hint', 'data-testid': 'lr-pending' }, text),
        this.schedule.element,
        this.explain.element,
      );
      replaceChildren(this.secondary);
      this.sweep = undefined;
      this.regimes = undefined;
      return;
    }
    const key = `${vc.scene.sweepId}|${vc.ctx.width}|${vc.theme}`;
    if (this.sweep?.key !== key) {
      const half = { ...vc.ctx, width: Math.max(260, vc.ctx.width / 2 - 8) };
      const charts = [sweepValuePlot(half, sweep), sweepIterationsPlot(half, sweep)];
      const note = criticalNote(sweep);
      const fig = figure(
        'Learning-rate sweep',
        'plot-sweep',
        h('p', { class: 'hint', 'data-testid': 'critical-lr' }, note),
        h('div', { class: 'pair' }, ...charts),
      );
      this.sweep = { key, charts, figure: fig };
    }
    for (const chart of this.sweep.charts) {
      markLearningRate(chart, run?.learningRate ?? NaN, vc.ctx.palette.path);
    }
    this.drawRegimes(vc);
    this.explain.update(vc);
    if (this.element.firstChild !== this.sweep.figure) {
      replaceChildren(this.element, this.sweep.figure, this.schedule.element, this.explain.element);
    }
    if (this.regimes && this.secondary.firstChild !== this.regimes.figure) {
      replaceChildren(this.secondary, this.regimes.figure);
    }
  }

  private drawRegimes(vc: ViewContext): void {
    const runs = vc.scene.regimes;
    if (!runs || runs.some((r) => r === undefined)) return;
    const key = `${vc.run.parts?.regimes?.join(',')}|${vc.scene.landscapeId}|${vc.ctx.width}|${vc.theme}`;
    if (this.regimes?.key === key) return;
    const third = { ...vc.ctx, width: Math.max(180, vc.ctx.width / 3 - 12) };
    const cells = REGIMES.map((label, i) => regimeCell(third, label, runs[i]!, vc.scene.landscape));
    this.regimes = {
      key,
      figure: figure(
        'Too small, good and too large η',
        'plot-regimes',
        h('div', { class: 'triple' }, ...cells),
      ),
    };
  }
}

/** One regime: its η, its path on the landscape (or its coordinates), and how it went. */
function regimeCell(
  ctx: PlotContext,
  label: string,
  run: RunWire,
  landscape: LandscapeWire | undefined,
): HTMLElement {
  const chart = landscape ? landscapeChart(ctx, landscape, run.variables, 220) : undefined;
  let plotElement: Element;
  if (chart) {
    drawOverlay(chart, [{ trace: run.trace, color: ctx.palette.path, start: true, end: true }], ctx.palette);
    plotElement = chart.svg;
  } else {
    const lines = new LineChart({
      xLabel: 'iteration',
      yLabel: 'coordinate',
      height: 220,
      logWhenSpread: false,
    });
    lines.update(
      ctx,
      run.variables.slice(0, 6).map((name, axis) => ({
        color: ctx.palette.series[axis % ctx.palette.series.length]!,
        xs: run.trace.iterations,
        ys: Array.from(run.trace.iterations, (_, i) => coordinate(run.trace, i, axis)),
        label: name,
      })),
    );
    plotElement = lines.element;
  }
  return h(
    'div',
    { class: 'regime', 'data-testid': `regime-${label.replace(' ', '-')}` },
    h('h4', {}, `η ${label}: ${formatNumber(run.learningRate, 3)}`),
    plotElement,
    h('p', { class: 'hint' }, outcomeSentence(run)),
  );
}
