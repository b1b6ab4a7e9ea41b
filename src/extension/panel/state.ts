// The one owner of the panel's state: the run list, which run is selected, the view, and each run's
// plot window. The webview never holds these; it sends intents, and the session turns the state into
// jobs and messages. vscode-free, so tests drive it directly.
import { ALL_OPTIMIZER_NAMES, knownSettings, readsParameter } from '../../engine/optimizers/registry';
import { schedulerDescriptor } from '../../engine/schedulers/registry';
import type { OptimizerName, OptimizerSettings, RunOptions, SchedulerSettings } from '../../engine/types';
import type { BatchControls, PanelView, PersistedState, RunControls, SavedRun } from '../../shared/protocol';
import { COMPARED_OPTIMIZERS, PANEL_RUNS } from '../../usecases/defaults';
import type { PlotWindow } from '../../usecases/window';

/** A run as a command hands it to the panel. */
export interface NewRun {
  readonly formula: string;
  readonly options: RunOptions;
  /** Where the formula came from, e.g. "notes.md:12". */
  readonly label?: string;
}

/** One run of the list. */
export interface RunRecord {
  readonly id: number;
  readonly formula: string;
  /** Everything the run uses: the controls' values on top of the settings (trace length, time budget). */
  readonly options: RunOptions;
  readonly starts: readonly (readonly number[])[];
  readonly label?: string;
  /** The landscape's window, kept while the paths still fit it (usecases/window.ts). */
  readonly window?: PlotWindow;
  /** The iterate the learning-rate view's player is on, whose curvature it explains (absent: the start). */
  readonly explainAt?: number;
  /** How a run on data takes its rows, once the person set it (the panel's default until then). */
  readonly batch?: BatchControls;
}

/** The controls' part of a run's options (and its batches on data), as the webview shows them. */
export function controlsOf(options: RunOptions, batch?: BatchControls): RunControls {
  const scheduler = options.scheduler as unknown as RunControls['scheduler'];
  return {
    start: options.start,
    optimizer: options.optimizer,
    ...(scheduler ? { scheduler } : {}),
    stop: {
      ...(options.stop.maxIterations !== undefined ? { maxIterations: options.stop.maxIterations } : {}),
      ...(options.stop.gradientTolerance !== undefined
        ? { gradientTolerance: options.stop.gradientTolerance }
        : {}),
    },
    maximize: options.maximize,
    ...(options.parameters !== undefined ? { parameters: options.parameters } : {}),
    ...(batch !== undefined ? { batch } : {}),
  };
}

/**
 * The optimizer settings of plain control values: the names the named optimizer reads (others are
 * dropped); an unknown name keeps what some optimizer reads, for the engine to refuse by name.
 */
export function optimizerOf(values: RunControls['optimizer']): Partial<OptimizerSettings> {
  const known = knownSettings(values);
  const name = known.name;
  if (!ALL_OPTIMIZER_NAMES.includes(name as OptimizerName)) return known;
  return Object.fromEntries(
    Object.entries(known).filter(
      ([key]) => key === 'name' || readsParameter(name!, key as keyof OptimizerSettings),
    ),
  ) as Partial<OptimizerSettings>;
}

/**
 * A schedule of plain control values: the arguments its class takes (others are dropped); an
 * unknown class goes on as named, for the engine to refuse.
 */
export function schedulerOf(values: RunControls['scheduler']): SchedulerSettings | undefined {
  if (values === undefined) return undefined;
  const descriptor = schedulerDescriptor(values.name);
  const keys = new Set(['name', ...(descriptor?.params.map((p) => p.key) ?? [])]);
  return Object.fromEntries(
    Object.entries(values).filter(([key]) => keys.has(key)),
  ) as unknown as SchedulerSettings;
}

/** `base` (the settings' options) with the controls' values put in. */
export function withControls(base: RunOptions, controls: RunControls): RunOptions {
  const { scheduler: _old, parameters: _formulas, ...rest } = base;
  const scheduler = schedulerOf(controls.scheduler);
  const values = controls.parameters;
  return {
    ...rest,
    ...(scheduler ? { scheduler } : {}),
    start: controls.start,
    optimizer: optimizerOf(controls.optimizer),
    stop: { ...base.stop, ...controls.stop },
    maximize: controls.maximize,
    // The person typed this start: it must fit the formula, not be cut to it.
    fitStart: false,
    // No values means the formula's own: left out, so the job keys stay those of a run without any.
    ...(values !== undefined && Object.keys(values).length > 0 ? { parameters: values } : {}),
  };
}

/** The panel's runs, selection and view. */
export class PanelState {
  private records: RunRecord[] = [];
  private selectedId = 0;
  private current: PanelView = 'runs';
  private comparing: readonly OptimizerName[] = COMPARED_OPTIMIZERS;
  private nextId = 1;

  /** The runs, oldest first. */
  get runs(): readonly RunRecord[] {
    return this.records;
  }

  /** The id of the selected run (0 when there is none). */
  get selected(): number {
    return this.selectedRun?.id ?? 0;
  }

  /** The selected run. */
  get selectedRun(): RunRecord | undefined {
    return this.records.find((r) => r.id === this.selectedId) ?? this.records[0];
  }

  get view(): PanelView {
    return this.current;
  }

  /** The optimizers the comparison runs besides the person's own, in display order. */
  get compared(): readonly OptimizerName[] {
    return this.comparing;
  }

  /** Picks the optimizers the comparison runs beside the person's own (repeats dropped, display order). */
  setCompared(names: readonly OptimizerName[]): void {
    this.comparing = ALL_OPTIMIZER_NAMES.filter((name) => names.includes(name));
  }

  /** The run with this id. */
  find(id: number): RunRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /**
   * Adds runs and selects the first. A run equal to one already listed (same formula and options) is
   * not added twice: that one moves to the end. The oldest runs are dropped past PANEL_RUNS.
   */
  add(runs: readonly NewRun[], view?: PanelView): RunRecord[] {
    if (view) this.current = view;
    const added = runs.map((run) => {
      const same = this.records.find(
        (r) => r.formula === run.formula && JSON.stringify(r.options) === JSON.stringify(run.options),
      );
      this.records = this.records.filter((r) => r !== same);
      const record: RunRecord = same ?? {
        id: this.nextId++,
        formula: run.formula,
        options: run.options,
        starts: [],
        ...(run.label !== undefined ? { label: run.label } : {}),
      };
      this.records.push(record);
      return record;
    });
    this.records = this.records.slice(-PANEL_RUNS);
    const kept = added.filter((r) => this.records.includes(r));
    if (kept[0]) this.selectedId = kept[0].id;
    return kept;
  }

  /** Replaces a run's input with what the controls now say; undefined for an unknown run. */
  setInput(
    id: number,
    formula: string,
    controls: RunControls,
    starts: readonly (readonly number[])[],
  ): RunRecord | undefined {
    // A new input makes a new path: its player starts again at the start.
    return this.update(id, (r) => {
      const { batch: _old, explainAt: _at, ...rest } = r;
      const batch = controls.batch;
      // Without batch controls (a formula not over data) the record keeps none: the default applies.
      return {
        ...rest,
        formula,
        options: withControls(r.options, controls),
        starts,
        ...(batch !== undefined ? { batch } : {}),
      };
    });
  }

  /** Puts the learning-rate view's player on iterate `iteration` of a run (0: the start); false for an unknown run. */
  setExplainAt(id: number, iteration: number): boolean {
    return (
      this.update(id, (r) => {
        const { explainAt: _old, ...rest } = r;
        return iteration > 0 ? { ...rest, explainAt: iteration } : rest;
      }) !== undefined
    );
  }

  /** Keeps the window a run's landscape was sampled over. */
  setWindow(id: number, window: PlotWindow | undefined): void {
    this.update(id, (r) => {
      const { window: _old, ...rest } = r;
      return window === undefined ? rest : { ...rest, window };
    });
  }

  /** Selects a run; false for an unknown one. */
  select(id: number): boolean {
    if (!this.find(id)) return false;
    this.selectedId = id;
    return true;
  }

  /** Removes a run (the first one left is selected when it was); false for an unknown one. */
  remove(id: number): boolean {
    if (!this.find(id)) return false;
    this.records = this.records.filter((r) => r.id !== id);
    if (this.selectedId === id) this.selectedId = this.records[0]?.id ?? 0;
    return true;
  }

  setView(view: PanelView): void {
    this.current = view;
  }

  /** Takes back the runs a webview saved (after a reload), on top of the settings' options. */
  restore(saved: PersistedState, base: RunOptions): void {
    this.records = saved.runs.slice(-PANEL_RUNS).map((r) => ({
      id: r.id,
      formula: r.formula,
      options: withControls(base, r.controls),
      starts: r.starts,
      ...(r.label !== undefined ? { label: r.label } : {}),
      ...(r.controls.batch !== undefined ? { batch: r.controls.batch } : {}),
    }));
    // Ids key jobs and messages: a tampered state that repeats an id keeps its first run only.
    this.records = this.records.filter((r, i) => this.records.findIndex((o) => o.id === r.id) === i);
    this.nextId = Math.max(1, ...this.records.map((r) => r.id + 1));
    this.selectedId = this.find(saved.selected) ? saved.selected : (this.records[0]?.id ?? 0);
    this.current = saved.view;
    if (saved.compare) this.setCompared(saved.compare);
  }

  /** The runs as the webview saves them. */
  saved(): SavedRun[] {
    return this.records.map((r) => ({
      id: r.id,
      formula: r.formula,
      controls: controlsOf(r.options, r.batch),
      starts: r.starts,
      ...(r.label !== undefined ? { label: r.label } : {}),
    }));
  }

  private update(id: number, change: (r: RunRecord) => RunRecord): RunRecord | undefined {
    const index = this.records.findIndex((r) => r.id === id);
    if (index < 0) return undefined;
    const next = change(this.records[index]!);
    this.records[index] = next;
    return next;
  }
}
