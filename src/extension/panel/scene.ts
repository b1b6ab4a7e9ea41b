// What one run needs for the view it is shown in, as jobs, in the order a person sees them: the run
// first (its path moves at once), then the landscape, the worked steps and what the view adds (the
// sweep and its regimes, the compared optimizers, the basins). Each part is reported as soon as its
// job is done; a job that is already cached costs nothing.
import type { OptimizerName, RunOptions, SweepSettings } from '../../engine/types';
import type { PanelView, PartValue } from '../../shared/protocol';
import {
  toBasinsWire,
  toCurvatureWire,
  toFormulaWire,
  toLandscapeWire,
  toRunWire,
  toStepsWire,
  toSweepWire,
} from '../../shared/wire';
import type { JobService } from '../../host/jobService';
import { BASIN_TRACE_POINTS, PREFETCH_AFTER_MS } from '../../usecases/defaults';
import { jobKey, type JobKind, type JobOf, type JobValues } from '../../usecases/jobs';
import type { JobFailure, JobOutcome } from '../../usecases/jobOutcome';
import { resolveForFormula, sideOptions } from '../../usecases/runOptions';
import { comparisonOptions, regimeOptions } from '../../usecases/sideRuns';
import { frameWindow, type PlotWindow } from '../../usecases/window';
import { curvatureEffects, outcomeOf, type Outcome } from '../../usecases/wording';
import { toExplainWire, toPhaseWire } from '../../shared/explainWire';
import { explainRequest, phaseRequest } from './explainParts';
import { panelDataRun } from '../../usecases/noteData';
import { toDataWire } from '../../shared/dataWire';
import { FormulaError } from '../../engine/types';
import type { RunRecord } from './state';

/** Settings every scene takes from the extension's settings. */
export interface SceneConfig {
  /** The settings' run options (trace length, time budget) the controls' values go on top of. */
  readonly base: RunOptions;
  readonly steps: number;
  readonly plotVariables: number;
  readonly sweep: Partial<SweepSettings>;
  /** Quiet time before the other views' jobs are computed in the background (PREFETCH_AFTER_MS). */
  readonly prefetchAfterMs?: number;
  /** Waits out that quiet time, or until `signal` aborts (a timer; tests pass their own clock). */
  readonly waitQuiet?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The places of a scene a part fills. */
export type Slot =
  | 'formula'
  | 'gradientText'
  | 'run'
  | 'landscape'
  | 'steps'
  | 'curvature'
  | 'sweep'
  | 'regimes'
  | 'compare'
  | 'basins'
  | 'explain'
  | 'explainHere'
  | 'phase'
  | 'data';

/** One part of a scene: where it goes, its job's key and its value as it crosses to the webview. */
export interface ScenePart {
  readonly slot: Slot;
  /** The place in a list slot (the regimes, the compared optimizers). */
  readonly index?: number;
  readonly key: string;
  readonly value: PartValue;
  /** The job that made it (for sending it again when the webview asks). */
  readonly request: JobOf<JobKind>;
}

/** A run's state as far as it is known. */
export interface SceneReport {
  readonly status: 'pending' | 'ok' | 'error';
  readonly outcome?: Outcome;
  readonly error?: JobFailure;
  readonly values: readonly ScenePart[];
  readonly waiting: readonly Slot[];
  readonly failures: readonly { readonly part: string; readonly message: string }[];
}

/** What planning a scene needs. */
export interface SceneContext {
  readonly jobs: JobService;
  readonly record: RunRecord;
  /** The view the run is shown in, or undefined when it is not selected (its run alone is computed). */
  readonly view: PanelView | undefined;
  /** The optimizers the comparison runs besides the run's own. */
  readonly compared: readonly OptimizerName[];
  readonly config: SceneConfig;
  readonly signal: AbortSignal;
  readonly setWindow: (window: PlotWindow | undefined) => void;
  /** Called once the run itself is known (or failed): what a person waits for. */
  readonly ranMain: () => void;
}

/** Turns a job value into the part the webview draws. */
export function wire<K extends JobKind>(kind: K, value: JobValues[K]): PartValue {
  const v = value as JobValues[JobKind];
  switch (kind) {
    case 'formula':
      return { kind: 'formula', value: toFormulaWire(v as JobValues['formula']) };
    case 'gradientText':
      return { kind: 'gradientText', value: v as JobValues['gradientText'] };
    case 'run':
      return { kind: 'run', value: toRunWire(v as JobValues['run']) };
    case 'landscape':
      return { kind: 'landscape', value: toLandscapeWire(v as JobValues['landscape']) };
    case 'curvature':
      return { kind: 'curvature', value: toCurvatureWire(v as JobValues['curvature']) };
    case 'sweep':
      return { kind: 'sweep', value: toSweepWire(v as JobValues['sweep']) };
    case 'basins':
      return { kind: 'basins', value: toBasinsWire(v as JobValues['basins']) };
    case 'explain': {
      const e = v as JobValues['explain'];
      return { kind: 'explain', value: toExplainWire(e, curvatureEffects(e.variables, e.model.directions)) };
    }
    case 'phase':
      return { kind: 'phase', value: toPhaseWire(v as JobValues['phase']) };
    case 'dataRun': {
      // The same job draws the run (its path and batch losses) and, asked with its fit, the data view.
      const data = toDataWire(v as JobValues['dataRun']);
      return data ? { kind: 'data', value: data } : { kind: 'run', value: toRunWire(v as JobValues['run']) };
    }
    default:
      return { kind: 'steps', value: toStepsWire(v as JobValues['steps']) };
  }
}

/** The scene being built: parts arrive, the report is sent after each. */
class Scene {
  private readonly parts: ScenePart[] = [];
  private readonly waiting = new Set<Slot>();
  private readonly failures: { part: string; message: string }[] = [];
  status: SceneReport['status'] = 'pending';
  outcome: Outcome | undefined;
  error: JobFailure | undefined;

  constructor(private readonly publish: (report: SceneReport) => void) {}

  wait(slot: Slot): void {
    this.waiting.add(slot);
  }

  /** Records a job's outcome in a slot; returns the value when it succeeded. */
  take<K extends JobKind>(
    slot: Slot,
    request: JobOf<K>,
    outcome: JobOutcome<K>,
    index?: number,
  ): JobValues[K] | undefined {
    this.waiting.delete(slot);
    if (!outcome.ok) {
      if (outcome.error.code !== 'cancelled') {
        this.failures.push({ part: slot, message: outcome.error.message });
      }
      return undefined;
    }
    const key = jobKey(request);
    this.parts.push({
      slot,
      key,
      value: wire(request.kind, outcome.value),
      request,
      ...(index !== undefined ? { index } : {}),
    });
    return outcome.value;
  }

  report(): void {
    this.publish({
      status: this.status,
      ...(this.outcome ? { outcome: this.outcome } : {}),
      ...(this.error ? { error: this.error } : {}),
      values: [...this.parts],
      waiting: [...this.waiting],
      failures: [...this.failures],
    });
  }
}

/** Plans and computes the scene of `ctx.record`, calling `report` each time it knows more. */
export async function planScene(ctx: SceneContext, report: (scene: SceneReport) => void): Promise<void> {
  const { jobs, record, signal } = ctx;
  const scene = new Scene(report);
  const get = <K extends JobKind>(request: JobOf<K>): Promise<JobOutcome<K>> => jobs.get(request, signal);
  const formulaJob = { kind: 'formula', formula: record.formula } as const;
  const info = scene.take('formula', formulaJob, await get(formulaJob));
  if (signal.aborted) return;
  if (!info) return fail(scene, jobs.peek(formulaJob), ctx);
  let options: RunOptions;
  try {
    options = resolveForFormula(record.options, info, jobs.limits);
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    return fail(scene, { ok: false, error: { message: error.message, code: error.code } }, ctx);
  }
  // A loss bound to its data runs by mini-batches; its path and losses are the run's.
  const runJob =
    panelDataRun(record.formula, options, false, record.batch) ??
    ({ kind: 'run', formula: record.formula, options } as const);
  const runOutcome = await get(runJob);
  if (signal.aborted) return;
  const run = scene.take('run', runJob, runOutcome);
  if (!run) return fail(scene, runOutcome, ctx);
  scene.status = 'ok';
  scene.outcome = outcomeOf(run);
  if (ctx.view === undefined) {
    scene.report();
    return ctx.ranMain();
  }
  await planView(ctx, scene, options, run);
}

/** The run's parameter values for a job that takes no run options (the landscape, λmax); none when unset. */
function parametersOf(options: RunOptions): { parameters?: RunOptions['parameters'] } {
  return options.parameters === undefined ? {} : { parameters: options.parameters };
}

function fail(scene: Scene, outcome: JobOutcome | undefined, ctx: SceneContext): void {
  scene.status = 'error';
  if (outcome && !outcome.ok) scene.error = outcome.error;
  scene.report();
  ctx.ranMain();
}

/** The parts the selected run's view adds to its run. */
async function planView(
  ctx: SceneContext,
  scene: Scene,
  options: RunOptions,
  run: JobValues['run'],
): Promise<void> {
  const { jobs, record, signal, config } = ctx;
  const formula = record.formula;
  const get = <K extends JobKind>(request: JobOf<K>): Promise<JobOutcome<K>> => jobs.get(request, signal);
  const dimension = run.variables.length;
  const window = frameWindow(record.window, options.start, [run.trace], dimension, config.plotVariables);
  ctx.setWindow(window);
  const tasks: Promise<void>[] = [];
  // The run goes out before any part that still has to be computed: those start on a later turn of
  // the event loop, so a newer edit that arrives meanwhile (a drag) cancels them before they cost.
  const later = nextTurn();
  const part: PartFn = (slot, request, index) => {
    const cached = jobs.peek(request);
    if (cached) return Promise.resolve(scene.take(slot, request, cached, index));
    scene.wait(slot);
    return later.then(async () => {
      if (signal.aborted) return undefined;
      const outcome = await get(request);
      return signal.aborted ? undefined : scene.take(slot, request, outcome, index);
    });
  };
  const after = <T>(promise: Promise<T>): void => {
    tasks.push(promise.then(() => (signal.aborted ? undefined : scene.report())));
  };
  const landscapeFor = (w: PlotWindow | undefined): Promise<unknown> =>
    w === undefined
      ? Promise.resolve()
      : part('landscape', { kind: 'landscape', formula, window: w, ...parametersOf(options) });
  // Cached parts (the unchanged landscape while η is dragged) go out with the run, in one report.
  after(landscapeFor(ctx.view === 'compare' ? undefined : window));
  after(part('steps', { kind: 'steps', formula, options, count: config.steps }));
  after(part('gradientText', { kind: 'gradientText', formula }));
  // λmax at the start, for the critical η's mark on the η slider (every view has the slider).
  after(part('curvature', curvatureRequest(formula, options)));
  if (ctx.view === 'runs' && record.starts.length > 0) {
    const basinOptions = sideOptions(options, record.starts.length, BASIN_TRACE_POINTS);
    after(part('basins', { kind: 'basins', formula, options: basinOptions, starts: record.starts }));
  }
  const dataJob = panelDataRun(formula, options, true, record.batch);
  if (dataJob !== undefined) after(part('data', dataJob));
  // The curvature at the start: the summary's words in every view, the learning-rate view's figure.
  after(part('explain', explainRequest(formula, options, run)));
  if (ctx.view === 'learning-rate') {
    after(planSweep(ctx, part, options));
    after(part('phase', phaseRequest(formula, options)));
  }
  if (ctx.view === 'compare') after(planComparison(ctx, part, options, run, window, landscapeFor));
  scene.report();
  ctx.ranMain();
  await Promise.all(tasks);
  await prefetch(ctx, options, run, window);
}

/**
 * Once the person has been quiet a moment, computes what the other views of this run would ask for
 * (into the job cache only; nothing is sent), so switching to them costs no computation.
 */
async function prefetch(
  ctx: SceneContext,
  options: RunOptions,
  run: JobValues['run'],
  window: PlotWindow | undefined,
): Promise<void> {
  const { jobs, signal } = ctx;
  await (ctx.config.waitQuiet ?? quiet)(ctx.config.prefetchAfterMs ?? PREFETCH_AFTER_MS, signal);
  if (signal.aborted) return;
  const silent: PartFn = async (_slot, request) => {
    if (signal.aborted) return undefined;
    const outcome = jobs.peek(request) ?? (await jobs.get(request, signal));
    return outcome.ok ? outcome.value : undefined;
  };
  // The comparison's wider window is the compare view's to choose; here nothing changes the state.
  const aside: SceneContext = { ...ctx, setWindow: () => undefined };
  if (ctx.view !== 'learning-rate') {
    await planSweep(aside, silent, options);
    const formula = ctx.record.formula;
    if (!signal.aborted) await silent('phase', phaseRequest(formula, options));
  }
  if (ctx.view !== 'compare' && !signal.aborted) {
    await planComparison(aside, silent, options, run, window, () => Promise.resolve());
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function quiet(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Resolves after the events already queued (a webview message) have been handled. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type PartFn = <K extends JobKind>(
  slot: Slot,
  request: JobOf<K>,
  index?: number,
) => Promise<JobValues[K] | undefined>;

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
