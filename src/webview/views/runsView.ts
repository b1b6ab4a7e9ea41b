// The runs view: the landscape with the descent path (curve or contours; coordinates against the
// iteration for three or more variables), the player, and f and ‖∇f‖ against the iteration. The
// landscape is drawn once per landscape, width and theme; a new η or start redraws the path overlay
// and the loss lines only, and the player moves the ball without redrawing anything else.
import { gridOfStarts } from '../../engine/grid';
import type { LandscapeWire, RunWire } from '../../shared/wire';
import { BASIN_STARTS_PER_AXIS } from '../../usecases/defaults';
import { h, replaceChildren } from '../dom';
import { coordinate, figure } from '../plots/common';
import { contourKey, markerKey } from '../plots/keys';
import { contourRange, landscapeChart, type LandscapeChart } from '../plots/landscape';
import { LineChart } from '../plots/lineChart';
import { drawOverlay, type OverlayPath } from '../plots/overlay';
import { onPick } from '../plots/pick';
import { createPlayer, type Player } from '../player';
import type { ViewContext } from './context';
import { DataView } from './dataView';
import { describeBound } from '../../engine/data/bound';
import { lossCharts, type LossCharts } from './loss';
import { scheduleChart } from './schedule';

/** Most coordinates drawn as separate lines; more would be unreadable. */
const MAX_COORDINATE_LINES = 12;
const MAIN_HEIGHT = 360;
const CURVE_HEIGHT = 320;

/** Starts on a grid inside the landscape (the centres of its cells), to show the basins. */
export function basinStarts(
  land: Extract<LandscapeWire, { kind: 'grid' }>,
  per = BASIN_STARTS_PER_AXIS,
): number[][] {
  const inner = ([lo, hi]: readonly [number, number]): [number, number] => [
    lo + (hi - lo) / (2 * per),
    hi - (hi - lo) / (2 * per),
  ];
  return gridOfStarts([inner(land.xRange), inner(land.yRange)], per);
}

/** The runs view, kept between updates so its layers can be reused. */
export class RunsView {
  readonly element: HTMLElement;
  /** What goes below the controls in a narrow panel: the loss charts and, with a schedule, η. */
  readonly secondary: HTMLElement;
  private readonly schedule = scheduleChart();
  private readonly holder = h('div', { class: 'plot-holder' });
  private readonly playerHolder = h('div', { class: 'player-holder' });
  private readonly keyHolder = h('div', { class: 'key-holder' });
  private keyOf = '';
  private readonly hints = h('div', { class: 'row' });
  private readonly main: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly loss: LossCharts = lossCharts();
  private readonly dataView = new DataView();
  private chart: { key: string; chart: LandscapeChart } | undefined;
  private coordinates: LineChart | undefined;
  private player: { key: string; player: Player } | undefined;
  private context: ViewContext | undefined;

  constructor() {
    this.main = figure('', 'plot-main', this.holder, this.keyHolder, this.playerHolder, this.hints);
    this.caption = this.main.querySelector('figcaption > span')!;
    this.element = h('div', { class: 'view-runs' }, this.dataView.element, this.main);
    this.secondary = h('div', { class: 'secondary-runs' }, this.loss.element, this.schedule.element);
  }

  /** Draws what changed since the last update. */
  update(vc: ViewContext): void {
    this.context = vc;
    const { run, landscape } = vc.scene;
    if (!run) return;
    // A landscape still on its way keeps the one drawn; three or more variables have none.
    const land = landscape ?? (run.variables.length > 2 ? { kind: 'none' as const } : undefined);
    this.caption.textContent =
      run.variables.length === 1
        ? 'f and the iterates'
        : run.variables.length === 2 && land?.kind !== 'none'
          ? 'Contours of f and the path'
          : 'Coordinates against the iteration';
    if (land) this.drawLandscape(vc, land, run);
    this.drawKey(vc, land);
    const frame = Math.min(
      vc.local.frames.get(vc.run.id) ?? run.trace.iterations.length - 1,
      run.trace.iterations.length - 1,
    );
    this.dataView.update(vc.ctx, vc.scene.data, `${vc.scene.dataId}|${vc.ctx.width}|${vc.theme}`, frame);
    this.drawPlayer(vc, run);
    this.drawHints(vc, land);
    this.loss.update(vc.ctx, [
      { label: describeBound(vc.run.formula), color: vc.ctx.palette.path, trace: run.trace },
    ]);
    this.schedule.update(vc.ctx, run);
  }

  private drawLandscape(vc: ViewContext, land: LandscapeWire, run: RunWire): void {
    if (land.kind === 'none') {
      this.chart = undefined;
      this.coordinates ??= new LineChart({
        xLabel: 'iteration',
        yLabel: 'coordinate',
        height: 320,
        logWhenSpread: false,
      });
      if (this.holder.firstChild !== this.coordinates.element) {
        replaceChildren(this.holder, this.coordinates.element);
      }
      const shown = run.variables.slice(0, MAX_COORDINATE_LINES);
      this.coordinates.update(
        vc.ctx,
        shown.map((name, axis) => ({
          color: vc.ctx.palette.series[axis % vc.ctx.palette.series.length]!,
          xs: run.trace.iterations,
          ys: Array.from(run.trace.iterations, (_, i) => coordinate(run.trace, i, axis)),
          label: name,
        })),
      );
      return;
    }
    const key = `${vc.scene.landscapeId}|${vc.ctx.width}|${vc.theme}`;
    if (this.chart?.key !== key) {
      const height = land.kind === 'curve' ? CURVE_HEIGHT : MAIN_HEIGHT;
      const chart = landscapeChart(vc.ctx, land, run.variables, height);
      if (!chart) return;
      onPick(chart, {
        click: (point) => this.context?.placeStart(point, 'click'),
        drag: (point) => this.context?.placeStart(point, 'drag'),
        release: (point) => this.context?.placeStart(point, 'release'),
      });
      this.chart = { key, chart };
      replaceChildren(this.holder, chart.svg);
    }
  }

  /** The overlay at the player's frame: the path so far, the ball, the start and the end. */
  private drawFrame(vc: ViewContext, run: RunWire, frame: number): void {
    this.dataView.showFrame(frame);
    const chart = this.chart?.chart;
    if (!chart) return;
    vc.local.frames.set(vc.run.id, frame);
    const { palette } = vc.ctx;
    const paths: OverlayPath[] = [];
    const basins = vc.scene.basins;
    // Each basin in the colour of the minimum its starts reach (never the contours' own blue).
    const basinColor = (i: number): string =>
      i >= 0 ? palette.overlays[(i + 1) % palette.overlays.length]! : palette.muted;
    for (const b of basins?.runs ?? []) {
      const color = basinColor(b.basin);
      paths.push({ trace: b.trace, color, width: 1, opacity: 0.7, start: true, markers: false });
    }
    paths.push({
      trace: run.trace,
      color: palette.path,
      upTo: frame,
      start: true,
      end: chart.kind === 'grid',
      ball: true,
    });
    const stars = (basins?.minima ?? []).map((m, i) => ({
      x: m.point[0]!,
      y: m.point[1]!,
      color: basinColor(i),
    }));
    drawOverlay(chart, paths, palette, stars);
  }

  private drawPlayer(vc: ViewContext, run: RunWire): void {
    const count = run.trace.iterations.length;
    const key = `${vc.scene.runId}`;
    // The ball rolls from the start of the first new result after a click, and only of that one.
    const rolling = this.player?.key !== key && vc.local.rolling.has(vc.run.id) && this.chart !== undefined;
    if (this.player?.key === key) {
      this.drawFrame(vc, run, Math.min(vc.local.frames.get(vc.run.id) ?? count - 1, count - 1));
      return;
    }
    this.player?.player.stop();
    // A new result shows its whole path, unless the ball was just placed: then it rolls from its start.
    if (rolling) vc.local.rolling.delete(vc.run.id);
    const frame = rolling ? 0 : count - 1;
    this.drawFrame(vc, run, frame);
    if (!this.chart || count < 2) {
      this.player = undefined;
      replaceChildren(this.playerHolder);
      return;
    }
    const player = createPlayer(
      run.trace.iterations,
      frame,
      (k) => this.context && this.drawFrame(this.context, run, k),
    );
    vc.onCleanup(player.stop);
    this.player = { key, player };
    replaceChildren(this.playerHolder, player.element);
    if (rolling) player.play();
  }

  /** What the colours and markers mean, drawn again only when the landscape or the basins change. */
  private drawKey(vc: ViewContext, land: LandscapeWire | undefined): void {
    const basins = vc.scene.basins !== undefined;
    const key = `${vc.scene.landscapeId}|${vc.theme}|${basins}|${land?.kind}`;
    if (key === this.keyOf) return;
    this.keyOf = key;
    if (!land || land.kind === 'none') {
      replaceChildren(this.keyHolder);
      return;
    }
    const { palette } = vc.ctx;
    const markers = markerKey(palette, [
      'start',
      ...(land.kind === 'grid' ? (['end'] as const) : []),
      'ball',
      ...(basins ? (['minimum'] as const) : []),
    ]);
    if (land.kind === 'curve') {
      replaceChildren(this.keyHolder, markers);
      return;
    }
    const { range, log } = contourRange(land);
    replaceChildren(this.keyHolder, contourKey(palette, range, log), markers);
  }

  private drawHints(vc: ViewContext, land: LandscapeWire | undefined): void {
    if (!land || land.kind === 'none') {
      replaceChildren(this.hints);
      return;
    }
    const hint = h(
      'span',
      { class: 'hint' },
      land.kind === 'curve'
        ? 'Click on the plot to place the ball there and watch it roll; drag to move the start.'
        : 'Click on the plot to start again from there; drag to move the start.',
    );
    const buttons =
      land.kind === 'grid'
        ? [
            h(
              'button',
              {
                type: 'button',
                'data-testid': 'basins-button',
                onclick: () => vc.setStarts(basinStarts(land)),
              },
              `Show basins (${BASIN_STARTS_PER_AXIS ** 2} starts)`,
            ),
            vc.run.starts.length > 0
              ? h(
                  'button',
                  { type: 'button', 'data-testid': 'basins-clear', onclick: () => vc.setStarts([]) },
                  'Clear basins',
                )
              : null,
          ]
        : [];
    replaceChildren(this.hints, hint, ...buttons);
  }
}
