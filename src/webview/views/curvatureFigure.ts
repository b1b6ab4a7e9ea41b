// The curvature at the start, or at the iterate the player is on, for the learning-rate view: the
// contours with the Hessian's eigen-directions drawn through that point, coloured by what η does
// along each; κ, 2/λmax, the best fixed step and Polyak's optimum; the effect words; κ along the
// path. The start can be placed or dragged on the contours, as on the runs view's.
import type { ExplainWire } from '../../shared/explainWire';
import type { LandscapeWire, RunWire, TraceWire } from '../../shared/wire';
import { EXPLAIN_AT_EVERY_MS } from '../../usecases/defaults';
import { h, replaceChildren } from '../dom';
import { formatNumber, formatPoint } from '../format';
import { coordinate, figure, type PlotContext } from '../plots/common';
import { landscapeChart, type LandscapeChart } from '../plots/landscape';
import { LineChart } from '../plots/lineChart';
import { drawOverlay } from '../plots/overlay';
import { onPick } from '../plots/pick';
import { createPlayer, type Player } from '../player';
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
function directionsGroup(
  ctx: PlotContext,
  chart: LandscapeChart,
  landscape: LandscapeWire,
  e: ExplainWire,
): SVGElement | undefined {
  if (landscape.kind !== 'grid' || e.point.length !== 2) return undefined;
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
  return group;
}

/** The index of the kept iterate at `point` (the model's point is one of the trace's), 0 when none is. */
function frameAt(trace: TraceWire, point: ArrayLike<number>): number {
  const d = point.length;
  for (let i = 0; i < trace.iterations.length; i++) {
    let same = true;
    for (let axis = 0; axis < d && same; axis++) same = coordinate(trace, i, axis) === point[axis];
    if (same) return i;
  }
  return 0;
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

/**
 * κ against the iteration, when the path has two or more positive definite iterates. Where the model
 * is not positive definite (a saddle stretch) κ is undefined and the line breaks: it never bridges it.
 */
function conditionChart(ctx: PlotContext, e: ExplainWire): HTMLElement | null {
  const { iterations, kappas } = e.conditionPath;
  const ys = Array.from(kappas, (k) => (Number.isFinite(k) ? k : NaN));
  const defined = ys.filter(Number.isFinite).length;
  if (defined < 2) return null;
  const chart = new LineChart(
    { xLabel: 'iteration', yLabel: 'κ', height: 120, logWhenSpread: true },
    'plot-kappa',
  );
  chart.update({ ...ctx, width: Math.min(ctx.width, 420) }, [
    { color: ctx.palette.accent, xs: Array.from(iterations), ys, label: 'κ' },
  ]);
  const gaps = defined < ys.length;
  return h(
    'div',
    { class: 'kappa' },
    h('h4', {}, 'κ along the path'),
    chart.element,
    gaps
      ? h('p', { class: 'hint' }, 'Gaps: the model is not positive definite there, so κ is undefined.')
      : null,
  );
}

/** The contours' width: beside the numbers (about 400 px of them) when the panel is wide, else the panel's. */
function contourWidth(width: number): number {
  return width >= 820 ? Math.min(520, width - 420) : Math.min(520, width);
}

/**
 * The curvature at the start or at the player's iterate: the contour chart is kept while its
 * landscape, size and theme stay, so that a drag of the start on it goes on while the explanation of
 * each new start arrives; the overlay, the words, the numbers and κ along the path are redrawn in
 * place. The player moves the ball at once and asks for the iterate's model at most every
 * EXPLAIN_AT_EVERY_MS (the last position always), so playing stays light.
 */
export class CurvatureFigure {
  readonly element: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly words = h('p', { class: 'hint', 'data-testid': 'curvature-effects' });
  private readonly side = h('div', { class: 'curvature-side' });
  private readonly kappa = h('div');
  private readonly playerSlot = h('div', { class: 'curvature-player' });
  private readonly chart: LandscapeChart | undefined;
  private latest: ViewContext;
  private directions: SVGElement | undefined;
  private player: { key: number | undefined; player: Player; run: RunWire } | undefined;
  private frame = 0;
  private asked = 0;
  private wanted = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(vc: ViewContext) {
    this.latest = vc;
    const { ctx, scene } = vc;
    const landscape = scene.landscape;
    this.chart =
      landscape && landscape.kind === 'grid' && scene.run
        ? landscapeChart({ ...ctx, width: contourWidth(ctx.width) }, landscape, scene.run.variables, 260)
        : undefined;
    if (this.chart) {
      this.chart.svg.setAttribute('role', 'img');
      onPick(this.chart, {
        click: (point) => this.latest.placeStart(point, 'click'),
        drag: (point) => this.latest.placeStart(point, 'drag'),
        release: (point) => this.latest.placeStart(point, 'release'),
      });
    }
    this.element = figure(
      'Curvature at the start',
      'plot-curvature',
      this.words,
      h(
        'div',
        { class: 'pair' },
        this.chart ? h('div', {}, this.chart.svg, this.playerSlot) : null,
        this.side,
      ),
      this.kappa,
    );
    this.caption = this.element.querySelector('figcaption > span') ?? h('span');
  }

  /** Draws the explanation `e` of the run in `vc` over the kept chart. */
  update(vc: ViewContext, e: ExplainWire): void {
    this.latest = vc;
    const { ctx, scene } = vc;
    const lr = typeof vc.run.controls.optimizer.lr === 'number' ? vc.run.controls.optimizer.lr : undefined;
    const frame = scene.run ? frameAt(scene.run.trace, e.point) : 0;
    const iteration = scene.run?.trace.iterations[frame] ?? 0;
    const where = iteration > 0 ? `iterate ${iteration}` : 'the start';
    this.caption.textContent = `Curvature at ${where} ${formatPoint(e.point, 3)}`;
    this.caption.setAttribute('data-testid', 'curvature-caption');
    const { chart } = this;
    const landscape = scene.landscape;
    if (chart && landscape && scene.run && e.point.length === 2) {
      this.directions = directionsGroup(ctx, chart, landscape, e);
      this.drawPlayer(vc, scene.run, frame);
      this.drawFrame();
      chart.svg.setAttribute(
        'aria-label',
        `Contours with the Hessian's eigen-directions through ${where} ${formatPoint(e.point, 3)}; click or drag to move the start`,
      );
    }
    const gd = vc.run.controls.optimizer.name === undefined || vc.run.controls.optimizer.name === 'gd';
    this.words.textContent =
      e.effects.length > 0 ? `${gd ? '' : 'With plain gd at this η: '}${e.effects.join('. ')}.` : '';
    replaceChildren(this.side, numbers(e, lr));
    replaceChildren(this.kappa, conditionChart(ctx, e));
  }

  /** A player over the run's kept iterates, made again for each new result, on the shown model's iterate. */
  private drawPlayer(vc: ViewContext, run: RunWire, frame: number): void {
    if (this.player?.key === vc.scene.runId) return;
    this.player?.player.stop();
    this.frame = frame;
    this.asked = run.trace.iterations[frame] ?? 0;
    this.wanted = this.asked;
    const player = createPlayer(run.trace.iterations, frame, (k) => this.show(k));
    vc.onCleanup(() => {
      player.stop();
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
    });
    this.player = { key: vc.scene.runId, player, run };
    replaceChildren(this.playerSlot, run.trace.iterations.length > 1 ? player.element : null);
  }

  /** The player is on kept iterate `k`: the ball moves now, the model follows. */
  private show(k: number): void {
    this.frame = k;
    this.drawFrame();
    const run = this.player?.run;
    if (run) this.ask(run.trace.iterations[k] ?? 0);
  }

  /** The path, the ball at the player's frame and the eigen-directions through the model's point. */
  private drawFrame(): void {
    const { chart, player } = this;
    if (!chart || !player) return;
    const { palette } = this.latest.ctx;
    const trace = player.run.trace;
    drawOverlay(
      chart,
      [
        { trace, color: palette.path, start: true, end: true, opacity: 0.6 },
        ...(this.frame > 0
          ? [{ trace, color: palette.path, upTo: this.frame, ball: true, markers: false }]
          : []),
      ],
      palette,
    );
    if (this.directions) chart.overlay.append(this.directions);
  }

  /** Asks for the model at `iteration` at once, then at most every EXPLAIN_AT_EVERY_MS, the last always. */
  private ask(iteration: number): void {
    this.wanted = iteration;
    if (this.timer !== undefined) return;
    if (this.asked !== iteration) {
      this.asked = iteration;
      this.latest.explainAt(iteration);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.wanted !== this.asked) this.ask(this.wanted);
    }, EXPLAIN_AT_EVERY_MS);
  }
}
