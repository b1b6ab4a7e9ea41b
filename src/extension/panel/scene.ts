// What one run needs for the view it is shown in, as jobs, in the order a person sees them: the run
// first (its path moves at once), then what its view adds (viewPlans.ts, one planner per view). Each
// part is reported as soon as its job is done; a job that is already cached costs nothing.
import { PANEL_VIEWS, type PanelView } from '../../shared/protocol';
import type { RunOptions } from '../../engine/types';
import { FormulaError } from '../../engine/types';
import { PREFETCH_AFTER_MS } from '../../usecases/defaults';
import { jobKey, type JobKind, type JobOf, type JobValues } from '../../usecases/jobs';
import type { JobFailure, JobOutcome } from '../../usecases/jobOutcome';
import { resolveForFormula } from '../../usecases/runOptions';
import { frameWindow, type PlotWindow } from '../../usecases/window';
import { outcomeOf, type Outcome } from '../../usecases/wording';
import { panelDataRun } from '../../usecases/noteData';
import { wire } from './partWire';
import type { PartFn, SceneContext, ScenePart, SceneReport, Slot } from './sceneTypes';
import { parametersOf, VIEW_PLANNERS, type ViewWork } from './viewPlans';

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
  await planView(ctx, ctx.view, scene, options, run);
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
  view: PanelView,
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
  const work: ViewWork = {
    ctx,
    options,
    run,
    window,
    part,
    after: (task) => {
      tasks.push(task.then(() => (signal.aborted ? undefined : scene.report())));
    },
    landscapeFor: (w) =>
      w === undefined
        ? Promise.resolve()
        : part('landscape', { kind: 'landscape', formula, window: w, ...parametersOf(options) }),
  };
  VIEW_PLANNERS[view].plan(work);
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
  for (const view of PANEL_VIEWS) {
    const planner = VIEW_PLANNERS[view];
    if (view === ctx.view || !planner.prefetch) continue;
    if (signal.aborted) return;
    await planner.prefetch(aside, silent, options, run, window);
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
