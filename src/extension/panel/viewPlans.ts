// One planner per view of the panel: the parts each view draws for the selected run, asked for in the
// order a person sees them, and what each computes into the job cache while another view is shown.
import type { RunOptions } from '../../engine/types';
import type { PanelView } from '../../shared/protocol';
import { BASIN_TRACE_POINTS } from '../../usecases/defaults';
import type { JobOf, JobValues } from '../../usecases/jobs';
import { sideOptions } from '../../usecases/runOptions';
import { comparisonOptions, regimeOptions } from '../../usecases/sideRuns';
import { frameWindow, type PlotWindow } from '../../usecases/window';
import { panelDataRun } from '../../usecases/noteData';
import { explainRequest, phaseRequest } from './explainParts';
import type { PartFn, SceneContext } from './sceneTypes';

/** What a view's planner works with: the run, its window, and how to ask for a part. */
export interface ViewWork {
  readonly ctx: SceneContext;
  readonly options: RunOptions;
  readonly run: JobValues['run'];
  /** The window framing the run's path. */
  readonly window: PlotWindow | undefined;
  readonly part: PartFn;
  /** Reports the scene again once `task` is done. */
  after(task: Promise<unknown>): void;
  /** Asks for the landscape over window `w` (nothing when there is none). */
  landscapeFor(w: PlotWindow | undefined): Promise<unknown>;
}

/** How one view plans its jobs. */
export interface ViewPlanner {
  /** Asks for every part the view draws besides the run itself. */
  plan(work: ViewWork): void;
  /** Computes into the job cache only (nothing is sent) what the view would ask for beyond every view's parts. */
  prefetch?(
    ctx: SceneContext,
    silent: PartFn,
    options: RunOptions,
    run: JobValues['run'],
    window: PlotWindow | undefined,
  ): Promise<void>;
}

/** The planners, by view. */
export const VIEW_PLANNERS: Readonly<Record<PanelView, ViewPlanner>> = {
  runs: {
    plan: (work) => {
      everyViewsParts(work, work.window);
      const { ctx, options, part } = work;
      const { formula, starts } = ctx.record;
      if (starts.length > 0) {
        const basinOptions = sideOptions(options, starts.length, BASIN_TRACE_POINTS);
        work.after(part('basins', { kind: 'basins', formula, options: basinOptions, starts }));
      }
      fitAndModelParts(work);
    },
  },
  'learning-rate': {
    plan: (work) => {
      everyViewsParts(work, work.window);
      fitAndModelParts(work);
      work.after(planSweep(work.ctx, work.part, work.options));
      work.after(work.part('phase', phaseRequest(work.ctx.record.formula, work.options)));
    },
    prefetch: async (ctx, silent, options) => {
      await planSweep(ctx, silent, options);
      if (!ctx.signal.aborted) await silent('phase', phaseRequest(ctx.record.formula, options));
    },
  },
  compare: {
    plan: (work) => {
      // The comparison frames its landscape once the compared paths are known.
      everyViewsParts(work, undefined);
      fitAndModelParts(work);
      const { ctx, part, options, run, window, landscapeFor } = work;
      work.after(planComparison(ctx, part, options, run, window, landscapeFor));
    },
    prefetch: (ctx, silent, options, run, window) =>
      planComparison(ctx, silent, options, run, window, () => Promise.resolve()),
  },
};

/** What every view draws first: the landscape over `landscapeWindow`, the worked steps, the gradient, λmax. */
function everyViewsParts(work: ViewWork, landscapeWindow: PlotWindow | undefined): void {
  const { ctx, options, part } = work;
  const formula = ctx.record.formula;
  // Cached parts (the unchanged landscape while η is dragged) go out with the run, in one report.
  work.after(work.landscapeFor(landscapeWindow));
  work.after(part('steps', { kind: 'steps', formula, options, count: ctx.config.steps }));
  work.after(part('gradientText', { kind: 'gradientText', formula }));
  // λmax at the start, for the critical η's mark on the η slider (every view has the slider).
  work.after(part('curvature', curvatureRequest(formula, options)));
}

/** What every view draws next: the fit of a loss over data, and the curvature at the start. */
function fitAndModelParts(work: ViewWork): void {
  const { ctx, options, part, run } = work;
  const { formula, batch } = ctx.record;
  const dataJob = panelDataRun(formula, options, true, batch);
  if (dataJob !== undefined) work.after(part('data', dataJob));
  // The curvature at the start: the summary's words in every view, the learning-rate view's figure.
  work.after(part('explain', explainRequest(formula, options, run)));
}

/** The run's parameter values for a job that takes no run options (the landscape, λmax); none when unset. */
export function parametersOf(options: RunOptions): { parameters?: RunOptions['parameters'] } {
  return options.parameters === undefined ? {} : { parameters: options.parameters };
}

async function planSweep(ctx: SceneContext, part: PartFn, options: RunOptions): Promise<void> {
  const formula = ctx.record.formula;
  const sweep = await part('sweep', { kind: 'sweep', formula, options, sweep: ctx.config.sweep });
  if (!sweep || ctx.signal.aborted) return;
  await Promise.all(
    regimeOptions(options, sweep).map((o, i) => part('regimes', { kind: 'run', formula, options: o }, i)),
  );
}

/** λmax at the run's start: what the critical η 2/λmax is read from. */
function curvatureRequest(formula: string, options: RunOptions): JobOf<'curvature'> {
  return {
    kind: 'curvature',
    formula,
    start: options.start,
    maximize: options.maximize,
    ...parametersOf(options),
  };
}

async function planComparison(
  ctx: SceneContext,
  part: PartFn,
  options: RunOptions,
  run: JobValues['run'],
  window: PlotWindow | undefined,
  landscapeFor: (w: PlotWindow | undefined) => Promise<unknown>,
): Promise<void> {
  const { record, config } = ctx;
  const formula = record.formula;
  const curvature = await part('curvature', curvatureRequest(formula, options));
  if (!curvature || ctx.signal.aborted) return;
  const runs = await Promise.all(
    comparisonOptions(options, curvature, ctx.compared).map((o, i) =>
      part('compare', { kind: 'run', formula, options: o === 'own' ? options : o }, i),
    ),
  );
  if (ctx.signal.aborted) return;
  // The contours hold every compared path that stayed finite (a diverged one would stretch the window).
  const paths = runs.filter((r) => r !== undefined).map((r) => r.trace);
  const covering = frameWindow(window, options.start, paths, run.variables.length, config.plotVariables);
  ctx.setWindow(covering);
  await landscapeFor(covering);
}
