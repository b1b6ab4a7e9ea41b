// The runs view: the main chart (with the player, click-to-restart and basins) and the loss charts.
import { gridOfStarts } from '../engine/grid';
import type { Analysis, Landscape } from '../engine/types';
import type { RunInput, RunView } from '../shared/protocol';
import { h } from './dom';
import { animates, mainPlot } from './mainPlot';
import { createPlayer } from './player';
import { figure, type PlotContext, type Series } from './plots/common';
import { lossPlots } from './plots/loss';

/** What the views need from the page. */
export interface ViewDeps {
  readonly ctx: PlotContext;
  /** Re-runs the run with `update` applied to its current input (the controls may have changed it since this render). */
  edit(update: (current: RunInput) => RunInput): void;
  /** Player frame per run id. */
  readonly frames: Map<number, number>;
  /** Runs to play from the start once their new result is in (see WebviewState.rolling). */
  readonly rolling: Set<number>;
  /** Registers cleanup for the next re-render (timers). */
  onCleanup(fn: () => void): void;
}

/** Starting points on a 5×5 grid inside the landscape (the centres of its cells), to show the basins. */
export function basinStarts(land: Extract<Landscape, { kind: 'grid' }>, per = 5): number[][] {
  const inner = ([lo, hi]: readonly [number, number]): [number, number] => [
    lo + (hi - lo) / (2 * per),
    hi - (hi - lo) / (2 * per),
  ];
  return gridOfStarts([inner(land.xRange), inner(land.yRange)], per);
}

/** The run's main chart and loss charts. */
export function renderRunsView(run: RunView, analysis: Analysis, deps: ViewDeps): HTMLElement[] {
  const { ctx } = deps;
  const series: Series[] = [{ label: run.formula, color: ctx.palette.path, trace: analysis.run.trace }];
  const trace = analysis.run.trace;
  const holder = h('div', { class: 'plot-holder' });
  const pick = (point: number[]): void => {
    // A pointer is not precise to 15 digits: 4 significant ones keep the start box readable.
    const start = point.map((v) => Number(v.toPrecision(4)));
    deps.rolling.add(run.id);
    deps.edit((current) => ({ ...current, options: { ...current.options, start } }));
  };
  const draw = (frame: number): void => {
    deps.frames.set(run.id, frame);
    holder.replaceChildren(
      mainPlot(ctx, analysis, series, {
        frame,
        ...(analysis.multistart ? { multistart: analysis.multistart } : {}),
        ...(analysis.landscape.kind !== 'none' ? { onPick: pick } : {}),
      }),
    );
  };
  // A placed ball rolls from its start once the run that starts there has its result.
  const roll = run.status === 'ok' && deps.rolling.delete(run.id) && animates(analysis);
  const frame = roll ? 0 : (deps.frames.get(run.id) ?? trace.length - 1);
  draw(frame);
  const extras: HTMLElement[] = [];
  if (animates(analysis) && trace.length > 1) {
    const player = createPlayer(trace.length, frame, draw);
    deps.onCleanup(player.stop);
    extras.push(player.element);
    if (roll) player.play();
  }
  const land = analysis.landscape;
  if (land.kind === 'curve') {
    extras.push(
      h(
        'div',
        { class: 'row' },
        h('span', { class: 'hint' }, 'Click on the plot to place the ball there and watch it roll.'),
      ),
    );
  }
  if (land.kind === 'grid') {
    extras.push(
      h(
        'div',
        { class: 'row' },
        h('span', { class: 'hint' }, 'Click on the plot to start again from there.'),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'basins-button',
            onclick: () => deps.edit((current) => ({ ...current, starts: basinStarts(land) })),
          },
          'Show basins (25 starts)',
        ),
        run.starts.length > 0
          ? h(
              'button',
              {
                type: 'button',
                'data-testid': 'basins-clear',
                onclick: () => deps.edit((current) => ({ ...current, starts: [] })),
              },
              'Clear basins',
            )
          : null,
      ),
    );
  }
  const title =
    land.kind === 'curve'
      ? 'f and the iterates'
      : land.kind === 'grid'
        ? 'Contours of f and the path'
        : 'Coordinates against the iteration';
  return [
    figure(title, 'plot-main', holder, ...extras),
    figure(
      'Value and gradient norm against the iteration',
      'plot-loss',
      h('div', { class: 'pair' }, ...lossPlots(ctx, series)),
    ),
  ];
}
