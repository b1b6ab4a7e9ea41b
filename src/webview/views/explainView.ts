// The learning-rate view's explanation: the curvature at the start (curvatureFigure.ts) and momentum's
// (η, β) map, whose cells, best cell and Polyak mark set η and β in the controls.
import type { PhaseWire } from '../../shared/explainWire';
import { h, replaceChildren } from '../dom';
import { formatNumber } from '../format';
import { figure, legend, type PlotContext } from '../plots/common';
import { cellAt, phasePlot } from '../plots/phase';
import type { ViewContext } from './context';
import { CurvatureFigure } from './curvatureFigure';

/** The shades' key: the fewest and most iterations, diverged, not converged. */
function phaseLegend(ctx: PlotContext, map: PhaseWire): HTMLElement {
  const counts = Array.from(map.cells).filter((v) => Number.isFinite(v) && v >= 0);
  const items = [
    ...(counts.length > 0
      ? [
          { label: `${Math.min(...counts)} iterations`, color: ctx.palette.accent },
          { label: `${Math.max(...counts)} iterations`, color: ctx.palette.muted },
        ]
      : []),
    { label: 'diverged', color: ctx.palette.end },
    { label: 'did not converge', color: ctx.palette.background },
  ];
  return legend(items, 'phase-legend');
}

/** The run's (η, β) as the map's optimizer reads it: gd is heavy ball with β = 0. */
function currentRates(vc: ViewContext, map: PhaseWire): { learningRate: number; beta: number } | undefined {
  const o = vc.run.controls.optimizer;
  const lr = typeof o.lr === 'number' ? o.lr : undefined;
  if (lr === undefined) return undefined;
  const name = o.name ?? 'gd';
  if (map.optimizer === 'adam') {
    return name === 'adam' && Array.isArray(o.betas)
      ? { learningRate: lr, beta: Number(o.betas[0]) }
      : undefined;
  }
  if (name === 'gd') return { learningRate: lr, beta: 0 };
  if (name === map.optimizer) {
    return { learningRate: lr, beta: typeof o.momentum === 'number' ? o.momentum : 0 };
  }
  return undefined;
}

/** Whether (η, β) lies on the map (a mark outside would be drawn past its edges). */
function onMap(map: PhaseWire, rates: { learningRate: number; beta: number }): boolean {
  const within = (v: number, values: Float64Array): boolean =>
    v >= values[0]! * (1 - 1e-9) && v <= values[values.length - 1]! * (1 + 1e-9) + 1e-12;
  return within(rates.learningRate, map.learningRates) && within(rates.beta, map.betas);
}

function phaseFigure(vc: ViewContext, map: PhaseWire): HTMLElement {
  const rates = currentRates(vc, map);
  const current = rates && onMap(map, rates) ? rates : undefined;
  const chart = phasePlot({ ...vc.ctx, width: Math.min(vc.ctx.width, 640) }, map, current ? { current } : {});
  const pick = (rates: { learningRate: number; beta: number }): void =>
    vc.setRates(map.optimizer, rates.learningRate, rates.beta);
  chart.addEventListener('click', (event: Event) => {
    if (!(event instanceof MouseEvent)) return;
    const box = chart.getBoundingClientRect();
    const scale = box.width > 0 ? chart.clientWidth / box.width || 1 : 1;
    const cell = cellAt(chart, map, (event.clientX - box.left) * scale, (event.clientY - box.top) * scale);
    if (cell) pick(cell);
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('data-testid', 'phase-map');
  const best = map.best;
  const describe = best
    ? `Fewest iterations: ${best.iterations} at η = ${formatNumber(best.learningRate, 3)}, β = ${formatNumber(best.beta, 3)}`
    : `No cell converged within ${map.maxIterations} iterations`;
  chart.setAttribute('aria-label', `Iterations to converge over η and β for ${map.optimizer}. ${describe}.`);
  const button = (
    label: string,
    testId: string,
    rates: { learningRate: number; beta: number },
  ): HTMLElement => h('button', { type: 'button', 'data-testid': testId, onclick: () => pick(rates) }, label);
  const name = { momentum: 'heavy-ball momentum', nesterov: 'Nesterov momentum', adam: 'Adam (β₁)' }[
    map.optimizer
  ];
  return figure(
    `Iterations to converge over (η, β): ${name}`,
    'plot-phase',
    h(
      'p',
      { class: 'hint', 'data-testid': 'phase-note' },
      `${describe}. Each cell is a run of at most ${map.maxIterations} iterations from the start to ‖∇f‖ < ${formatNumber(map.gradientTolerance, 2)}. `,
      current
        ? "+ is the run's η and β, "
        : rates
          ? `The run's η = ${formatNumber(rates.learningRate, 3)}, β = ${formatNumber(rates.beta, 3)} lie outside the map. `
          : '',
      `${map.polyak ? "☆ is Polyak's optimum for this quadratic, " : ''}○ the best cell. Click a cell to use it.`,
    ),
    phaseLegend(vc.ctx, map),
    chart,
    h(
      'div',
      { class: 'phase-actions' },
      best
        ? button(
            `Use the best cell (η = ${formatNumber(best.learningRate, 3)}, β = ${formatNumber(best.beta, 3)})`,
            'phase-use-best',
            best,
          )
        : null,
      map.polyak
        ? button(
            `Use Polyak's optimum (η = ${formatNumber(map.polyak.learningRate, 3)}, β = ${formatNumber(map.polyak.beta, 3)})`,
            'phase-use-polyak',
            map.polyak,
          )
        : null,
    ),
  );
}

/** The explanation below the sweep, redrawn when its parts, the run's η and β, the size or the theme change. */
export class ExplainPanel {
  readonly element = h('div', { class: 'view-explain' });
  private readonly curvatureSlot = h('div');
  private readonly phaseSlot = h('div');
  private curvature: { key: string; figure: CurvatureFigure } | undefined;
  private explainKey = '';
  private phaseKey = '';

  constructor() {
    this.element.append(this.curvatureSlot, this.phaseSlot);
  }

  update(vc: ViewContext): void {
    const p = vc.run.parts ?? {};
    const o = vc.run.controls.optimizer;
    const rates = [o.name, o.lr, o.momentum, JSON.stringify(o.betas)].join('|');
    const { phase } = vc.scene;
    // The model at the player's iterate when it is off the start, else the start's.
    const explain = vc.scene.explainHere ?? vc.scene.explain;
    const failed = (part: string): string | undefined =>
      vc.run.failures?.find((f) => f.part === part)?.message;
    const pending = (part: string, what: string): HTMLElement => {
      const why = failed(part);
      return h(
        'p',
        { class: 'hint', 'data-testid': `${part}-pending` },
        why ? `The ${what} could not be computed: ${why}` : `Computing the ${what}…`,
      );
    };
    // The contour chart stays while its landscape, size and theme do (a drag on it goes on).
    const chartKey = [p.landscape, vc.ctx.width, vc.theme].join('|');
    if (this.curvature?.key !== chartKey) this.curvature = { key: chartKey, figure: new CurvatureFigure(vc) };
    const explainKey = [chartKey, p.explain, p.explainHere, p.run, rates].join('|');
    if (explain && explainKey !== this.explainKey) {
      this.explainKey = explainKey;
      this.curvature.figure.update(vc, explain);
    }
    if (explain) {
      if (this.curvatureSlot.firstChild !== this.curvature.figure.element) {
        replaceChildren(this.curvatureSlot, this.curvature.figure.element);
      }
    } else {
      replaceChildren(this.curvatureSlot, pending('explain', 'curvature'));
    }
    const phaseKey = [p.phase, vc.ctx.width, vc.theme, rates, failed('phase')].join('|');
    if (phaseKey !== this.phaseKey) {
      this.phaseKey = phaseKey;
      replaceChildren(this.phaseSlot, phase ? phaseFigure(vc, phase) : pending('phase', '(η, β) map'));
    }
  }
}
