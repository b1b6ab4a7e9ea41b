// The learning-rate view's explanation: the curvature at the start (the contours with the Hessian's
// eigen-directions drawn through the start, coloured by what η does along each; κ, 2/λmax, the best
// fixed step and Polyak's optimum; the effect words; κ along the path) and momentum's (η, β) map,
// whose cells, best cell and Polyak mark set η and β in the controls.
import type { ExplainWire, PhaseWire } from '../../shared/explainWire';
import type { LandscapeWire } from '../../shared/wire';
import { h, replaceChildren } from '../dom';
import { formatNumber, formatPoint } from '../format';
import { figure, legend, type PlotContext } from '../plots/common';
import { landscapeChart, type LandscapeChart } from '../plots/landscape';
import { LineChart } from '../plots/lineChart';
import { drawOverlay } from '../plots/overlay';
import { cellAt, phasePlot } from '../plots/phase';
import type { ViewContext } from './context';

const SVG = 'http://www.w3.org/2000/svg';

type Direction = ExplainWire['directions'][number];

/** A behaviour's colour: red diverging, the path's orange oscillating, green converging, yellow crawling. */
function behaviourColour(ctx: PlotContext, d: Direction): string {
  const p = ctx.palette;
  const crawl = p.series[5] ?? p.muted;
  return { diverges: p.end, oscillates: p.path, converges: p.start, crawls: crawl, flat: p.muted }[
    d.behaviour
  ];
}

function svgElement(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The eigen-directions as segments through the point, a quarter of the window long each way. */
function drawDirections(
  ctx: PlotContext,
  chart: LandscapeChart,
  landscape: LandscapeWire,
  e: ExplainWire,
): void {
  if (landscape.kind !== 'grid' || e.point.length !== 2) return;
  const reach =
    0.25 * Math.min(landscape.xRange[1] - landscape.xRange[0], landscape.yRange[1] - landscape.yRange[0]);
  const [px, py] = [e.point[0]!, e.point[1]!];
  const group = svgElement('g', { 'data-testid': 'eigen-directions' });
  for (const d of e.directions) {
    const [vx, vy] = [d.vector[0]!, d.vector[1]!];
    const colour = behaviourColour(ctx, d);
    const line = svgElement('line', {
      x1: chart.x(px - reach * vx),
      y1: chart.y(py - reach * vy),
      x2: chart.x(px + reach * vx),
      y2: chart.y(py + reach * vy),
      stroke: colour,
      'stroke-width': 3,
      'data-testid': 'eigen-direction',
    });
    const title = svgElement('title', {});
    title.textContent = `λ = ${formatNumber(d.eigenvalue, 3)} along ${formatPoint(d.vector, 2)}: ${d.behaviour}`;
    line.append(title);
    // The label goes at the end nearer the window's centre, so that it stays inside the plot.
    const cx = (landscape.xRange[0] + landscape.xRange[1]) / 2;
    const cy = (landscape.yRange[0] + landscape.yRange[1]) / 2;
    const toward =
      (px + reach * vx - cx) ** 2 + (py + reach * vy - cy) ** 2 <=
      (px - reach * vx - cx) ** 2 + (py - reach * vy - cy) ** 2
        ? 1
        : -1;
    const lx = chart.x(px + toward * reach * vx);
    const ly = chart.y(py + toward * reach * vy);
    const label = svgElement('text', {
      x: lx,
      y: ly - 6,
      'text-anchor': lx > chart.x(cx) ? 'end' : 'start',
      'paint-order': 'stroke',
      stroke: ctx.palette.background,
      'stroke-width': 3,
      fill: colour,
      'font-size': 11,
    });
    label.textContent = `λ = ${formatNumber(d.eigenvalue, 3)} ${d.behaviour}`;
    group.append(line, label);
  }
  chart.overlay.append(group);
}

/** The numbers of the model, as a description list. */
function numbers(e: ExplainWire, lr: number | undefined): HTMLElement {
  const n = (v: number | undefined, what: string): string => (v === undefined ? what : formatNumber(v, 4));
  const notPd =
    e.shape === 'saddle'
      ? 'none (a saddle)'
      : e.shape === 'maximum'
        ? 'none (a maximum)'
        : 'none (a flat direction)';
  const rows: [string, string][] = [
    ...e.directions.map((d): [string, string] => [
      `λ = ${formatNumber(d.eigenvalue, 4)} along ${formatPoint(d.vector, 2)}`,
      lr === undefined ? d.behaviour : `|1 − ηλ| = ${formatNumber(d.factor, 3)}: ${d.behaviour}`,
    ]),
    ['condition number κ', n(e.conditionNumber, notPd)],
    ['critical step 2/λmax', n(e.criticalLearningRate, 'none (no positive curvature)')],
    [
      'best fixed step 2/(λmin + λmax)',
      e.optimalLearningRate === undefined
        ? notPd
        : `${formatNumber(e.optimalLearningRate, 4)} (error ×${formatNumber(e.optimalContraction ?? NaN, 3)} per step)`,
    ],
    [
      'heavy ball (Polyak)',
      e.momentum
        ? `η = ${formatNumber(e.momentum.learningRate, 4)}, β = ${formatNumber(e.momentum.beta, 3)}`
        : notPd,
    ],
  ];
  return h(
    'dl',
    { class: 'curvature-numbers', 'data-testid': 'curvature-numbers' },
    ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

/** κ against the iteration, when the path has two or more positive definite iterates. */
function conditionChart(ctx: PlotContext, e: ExplainWire): HTMLElement | null {
  const { iterations, kappas } = e.conditionPath;
  const kept = Array.from(kappas, (k, i) => [iterations[i]!, k] as const).filter(([, k]) =>
    Number.isFinite(k),
  );
  if (kept.length < 2) return null;
  const chart = new LineChart(
    { xLabel: 'iteration', yLabel: 'κ', height: 120, logWhenSpread: true },
    'plot-kappa',
  );
  chart.update({ ...ctx, width: Math.min(ctx.width, 420) }, [
    { color: ctx.palette.accent, xs: kept.map(([i]) => i), ys: kept.map(([, k]) => k), label: 'κ' },
  ]);
  return h('div', { class: 'kappa' }, h('h4', {}, 'κ along the path'), chart.element);
}

/** The contours' width: beside the numbers (about 400 px of them) when the panel is wide, else the panel's. */
function contourWidth(width: number): number {
  return width >= 820 ? Math.min(520, width - 420) : Math.min(520, width);
}

function curvatureFigure(vc: ViewContext, e: ExplainWire): HTMLElement {
  const { ctx, scene } = vc;
  const lr = typeof vc.run.controls.optimizer.lr === 'number' ? vc.run.controls.optimizer.lr : undefined;
  const landscape = scene.landscape;
  const chart =
    landscape && scene.run && e.point.length === 2
      ? landscapeChart({ ...ctx, width: contourWidth(ctx.width) }, landscape, scene.run.variables, 260)
      : undefined;
  if (chart && landscape && scene.run) {
    drawOverlay(
      chart,
      [{ trace: scene.run.trace, color: ctx.palette.path, start: true, end: true, opacity: 0.6 }],
      ctx.palette,
    );
    drawDirections(ctx, chart, landscape, e);
    chart.svg.setAttribute('role', 'img');
    chart.svg.setAttribute(
      'aria-label',
      `Contours with the Hessian's eigen-directions through the start ${formatPoint(e.point, 3)}`,
    );
  }
  const gd = vc.run.controls.optimizer.name === undefined || vc.run.controls.optimizer.name === 'gd';
  const words =
    e.effects.length > 0 ? `${gd ? '' : 'With plain gd at this η: '}${e.effects.join('. ')}.` : '';
  return figure(
    `Curvature at the start ${formatPoint(e.point, 3)}`,
    'plot-curvature',
    h('p', { class: 'hint', 'data-testid': 'curvature-effects' }, words),
    h('div', { class: 'pair' }, chart ? chart.svg : null, numbers(e, lr)),
    conditionChart(ctx, e),
  );
}

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

function phaseFigure(vc: ViewContext, map: PhaseWire): HTMLElement {
  const current = currentRates(vc, map);
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
      `+ is the run's η and β${map.polyak ? ", ☆ Polyak's optimum for this quadratic" : ''}, ○ the best cell. Click a cell to use it.`,
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
  private key = '';

  update(vc: ViewContext): void {
    const p = vc.run.parts ?? {};
    const o = vc.run.controls.optimizer;
    const key = [
      p.explain,
      p.phase,
      p.landscape,
      p.run,
      vc.ctx.width,
      vc.theme,
      o.name,
      o.lr,
      o.momentum,
      JSON.stringify(o.betas),
    ].join('|');
    if (key === this.key) return;
    this.key = key;
    const { explain, phase } = vc.scene;
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
    replaceChildren(
      this.element,
      explain ? curvatureFigure(vc, explain) : pending('explain', 'curvature'),
      phase ? phaseFigure(vc, phase) : pending('phase', '(η, β) map'),
    );
  }
}
