// The learning-rate view: the sweep charts and side-by-side paths at a too-small, a good and a
// too-large η.
import type { Analysis } from '../engine/types';
import { h } from './dom';
import { formatNumber, runOutcomeText } from './format';
import { mainPlot } from './mainPlot';
import { figure, type PlotContext } from './plots/common';
import { sweepIterationsPlot, sweepValuePlot } from './plots/sweep';

/** The sweep and regimes charts, or a note while they are computed. */
export function renderLearningRateView(analysis: Analysis, ctx: PlotContext): HTMLElement[] {
  const out: HTMLElement[] = [];
  const sweep = analysis.sweep;
  if (!sweep) {
    return [h('p', { class: 'hint', 'data-testid': 'lr-pending' }, 'Computing the learning-rate sweep…')];
  }
  const half = { ...ctx, width: Math.max(260, ctx.width / 2 - 8) };
  const critical = sweep.criticalLearningRate;
  const note =
    critical === null
      ? `λmax = ${formatNumber(sweep.lambdaMax, 4)} ≤ 0 at the start: no finite critical learning rate.`
      : `Critical learning rate 2/λmax = ${formatNumber(critical, 4)} (λmax = ${formatNumber(sweep.lambdaMax, 4)}); beyond it plain gradient descent diverges near the start.`;
  out.push(
    figure(
      'Learning-rate sweep',
      'plot-sweep',
      h('p', { class: 'hint', 'data-testid': 'critical-lr' }, note),
      h('div', { class: 'pair' }, sweepValuePlot(half, sweep), sweepIterationsPlot(half, sweep)),
    ),
  );
  const regimes = analysis.regimes;
  if (regimes) {
    const third = { ...ctx, width: Math.max(180, ctx.width / 3 - 12) };
    const cells = (
      [
        ['too small', regimes.small],
        ['good', regimes.good],
        ['too large', regimes.large],
      ] as const
    ).map(([label, run]) =>
      h(
        'div',
        { class: 'regime', 'data-testid': `regime-${label.replace(' ', '-')}` },
        h('h4', {}, `η ${label}: ${formatNumber(run.learningRate, 3)}`),
        mainPlot(third, { ...analysis, run }, [{ label, color: ctx.palette.path, trace: run.trace }], {
          height: 220,
        }),
        h('p', { class: 'hint' }, runOutcomeText(run)),
      ),
    );
    out.push(
      figure('Too small, good and too large η', 'plot-regimes', h('div', { class: 'triple' }, ...cells)),
    );
  }
  return out;
}
