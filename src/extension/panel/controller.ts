// The panel's state and message handling, free of `vscode` so that tests can drive it: the run
// list, which run is selected, the view, and what each webview message does.
import type { Analysis, AnalysisRequest, RunOptions, SweepSettings } from '../../engine/types';
import { parseWebviewMessage } from '../../shared/messageGuards';
import {
  LIMITS,
  type HostMessage,
  type PanelRun,
  type PanelView,
  type PersistedState,
  type RunInput,
  type RunView,
  type WebviewMessage,
  viewLacksData,
} from '../../shared/protocol';
import type { Outcome, RunScheduler } from './scheduler';
import { iterationsCsv, iterationsMarkdown } from './table';

/** What the controller does to the outside world. */
export interface ControllerEffects {
  post(message: HostMessage): void;
  copy(text: string): Promise<void>;
  /** Asks where to save and writes the file; resolves to the saved location, or undefined if cancelled. */
  save(format: 'svg' | 'png', data: string, name: string): Promise<string | undefined>;
  log(message: string): void;
}

/** Engine request settings the panel adds to every run. */
export interface ControllerConfig {
  readonly sweep: SweepSettings;
  readonly steps: number;
}

/** A run's input and latest outcome, as `GradientPanel.runs()` returns it. */
export interface PanelRunResult {
  readonly formula: string;
  readonly options: RunOptions;
  readonly analysis?: Analysis;
  readonly error?: string;
}

/** Default engine request settings for the panel. */
export const DEFAULT_CONFIG: ControllerConfig = { sweep: { lrMin: 1e-4, lrMax: 2, count: 40 }, steps: 5 };

/** The engine request for one run in one view. */
export function buildRequest(input: RunInput, view: PanelView, config: ControllerConfig): AnalysisRequest {
  return {
    formula: input.formula,
    options: input.options,
    landscape: true,
    steps: config.steps,
    ...(view === 'learning-rate' ? { sweep: config.sweep } : {}),
    ...(view === 'compare' ? { compare: true } : {}),
    ...(input.starts.length > 0 ? { starts: input.starts } : {}),
  };
}

/** Holds the run list and answers webview messages. */
export class PanelController {
  private runList: RunView[] = [];
  private selected = 0;
  private view: PanelView = 'runs';
  private nextId = 1;

  constructor(
    private readonly effects: ControllerEffects,
    private readonly scheduler: RunScheduler,
    private config: ControllerConfig = DEFAULT_CONFIG,
  ) {}

  /** New settings (sweep range, steps) for the runs scheduled from now on. */
  configure(config: ControllerConfig): void {
    this.config = config;
  }

  /** Adds runs (the first new one is selected), optionally switches view, and runs them. */
  addRuns(runs: readonly PanelRun[], view?: PanelView): void {
    if (view) this.view = view;
    const appended = runs.map((r) =>
      this.append({ id: this.nextId++, formula: r.formula, options: r.options, starts: [] }),
    );
    // More runs than LIMITS.runs at once: the earliest new ones were dropped again by append.
    const added = appended.filter((r) => this.runList.includes(r));
    if (added.length > 0) this.selected = added[0].id;
    this.postState();
    for (const run of added) this.schedule(run, true);
    this.ensureViewData();
  }

  /** Restores a persisted state (after a reload) and re-runs every run. */
  restore(state: PersistedState): void {
    this.view = state.view;
    for (const input of state.runs) {
      const run = this.append(input);
      this.nextId = Math.max(this.nextId, run.id + 1);
    }
    this.selected = this.runList.some((r) => r.id === state.selected)
      ? state.selected
      : (this.runList[0]?.id ?? 0);
    this.postState();
    for (const run of this.runList) this.schedule(run, true);
  }

  /** Handles one untrusted message from the webview; never throws. */
  handle(raw: unknown): void {
    const message = parseWebviewMessage(raw, (reason) =>
      this.effects.log(`Ignored webview message: ${reason}`),
    );
    if (!message) return;
    try {
      this.dispatch(message);
    } catch (error) {
      this.effects.log(
        `Panel message ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** The engine's outcome for a run. */
  receive(runId: number, outcome: Outcome): void {
    const index = this.runList.findIndex((r) => r.id === runId);
    if (index < 0) return;
    const { id, formula, options, starts, revision, analysis } = this.runList[index];
    const input = { id, formula, options, starts, ...(revision === undefined ? {} : { revision }) };
    // On an error the last good analysis stays, so the panel keeps its plots (shown as stale).
    const run: RunView = outcome.ok
      ? { ...input, status: 'ok', analysis: outcome.analysis }
      : { ...input, status: 'error', error: outcome.error, ...(analysis ? { analysis } : {}) };
    this.runList[index] = run;
    this.effects.post({ type: 'runUpdate', run });
    // The view may have changed while this run was in flight, after its request was built.
    if (runId === this.selected) this.ensureViewData();
  }

  /** The current runs with their results. */
  results(): readonly PanelRunResult[] {
    return this.runList.map((r) => ({
      formula: r.formula,
      options: r.options,
      ...(r.analysis && r.status === 'ok' ? { analysis: r.analysis } : {}),
      ...(r.error ? { error: r.error.message } : {}),
    }));
  }

  /** Sends the whole state (in answer to `ready`). */
  postState(): void {
    this.effects.post({ type: 'state', runs: this.runList, selected: this.selected, view: this.view });
  }

  private append(input: RunInput): RunView {
    const run: RunView = { ...input, status: 'pending' };
    this.runList.push(run);
    while (this.runList.length > LIMITS.runs) {
      const dropped = this.runList.shift();
      if (dropped) this.scheduler.cancel(dropped.id);
    }
    return run;
  }

  private schedule(run: RunInput, immediate = false): void {
    this.scheduler.schedule(run.id, buildRequest(run, this.view, this.config), immediate);
  }

  /** Re-runs the selected run when the view needs a part its analysis lacks. */
  private ensureViewData(): void {
    const run = this.runList.find((r) => r.id === this.selected);
    if (!run || run.status !== 'ok' || !run.analysis) return;
    if (viewLacksData(this.view, run.analysis)) this.schedule(run, true);
  }

  private find(runId: number): RunView | undefined {
    const run = this.runList.find((r) => r.id === runId);
    if (!run) this.effects.log(`Ignored webview message for unknown run ${runId}`);
    return run;
  }

  private dispatch(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        // A panel revived without serializer state takes the runs its webview saved.
        if (this.runList.length === 0 && message.saved && message.saved.runs.length > 0) {
          this.restore(message.saved);
        } else this.postState();
        return;
      case 'updateRun': {
        const current = this.find(message.runId);
        if (!current) return;
        const { runId, formula, options, starts, revision } = message;
        const run: RunView = {
          id: runId,
          formula,
          options,
          starts,
          revision,
          status: 'pending',
          ...(current.analysis ? { analysis: current.analysis } : {}),
        };
        this.runList[this.runList.indexOf(current)] = run;
        this.schedule(run);
        return;
      }
      case 'selectRun':
        if (!this.find(message.runId)) return;
        this.selected = message.runId;
        this.ensureViewData();
        return;
      case 'removeRun':
        if (!this.find(message.runId)) return;
        this.scheduler.cancel(message.runId);
        this.runList = this.runList.filter((r) => r.id !== message.runId);
        if (this.selected === message.runId) this.selected = this.runList[0]?.id ?? 0;
        this.postState();
        // The run now shown may lack what the view draws (its sweep, its comparison).
        this.ensureViewData();
        return;
      case 'setView':
        this.view = message.view;
        this.ensureViewData();
        return;
      case 'copyIterations':
        void this.copy(message.runId, message.format);
        return;
      case 'savePlot':
        void this.save(message.format, message.data, message.name);
        return;
    }
  }

  private async copy(runId: number, format: 'markdown' | 'csv'): Promise<void> {
    const run = this.find(runId);
    // A pending or failed run may keep its previous analysis for the plots; it no longer matches the run's input.
    const result = run?.status === 'ok' ? run.analysis?.run : undefined;
    if (!result) {
      const why =
        run?.status === 'pending'
          ? 'the run is still running'
          : run?.status === 'error'
            ? 'the run has an error'
            : 'the run has no result';
      this.effects.post({ type: 'notice', text: `Nothing to copy yet: ${why}.` });
      return;
    }
    await this.effects.copy(format === 'markdown' ? iterationsMarkdown(result) : iterationsCsv(result));
    const label = format === 'markdown' ? 'a Markdown table' : 'CSV';
    this.effects.post({ type: 'notice', text: `Copied ${result.trace.length} iterations as ${label}.` });
  }

  private async save(format: 'svg' | 'png', data: string, name: string): Promise<void> {
    try {
      const where = await this.effects.save(format, data, name);
      if (where) this.effects.post({ type: 'notice', text: `Saved ${where}` });
    } catch (error) {
      this.effects.post({
        type: 'notice',
        text: `Could not save the plot: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}
