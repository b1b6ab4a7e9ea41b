// The panel's host side: it takes the webview's intents, changes the one state (state.ts), asks the
// job cache for what the selected run's view draws, and sends each job value once. Newest wins: a run
// edited again abandons the work of its previous input (its jobs stay cached). vscode-free.
import type { RunOptions, RunResult, SweepResult, SweepSettings } from '../../engine/types';
import { resolveForFormula } from '../../usecases/runOptions';
import { MessageChannel, type Envelope } from '../../shared/channel';
import {
  webviewMessage,
  type HostMessage,
  type PanelView,
  type PersistedState,
  type RunSummary,
  type WebviewMessage,
} from '../../shared/protocol';
import type { JobService } from '../../host/jobService';
import { jobKey } from '../../usecases/jobs';
import { PartSender } from './parts';
import { planScene } from './scene';
import { wire } from './partWire';
import type { SceneConfig, ScenePart, SceneReport } from './sceneTypes';
import { controlsOf, PanelState, type NewRun, type RunRecord } from './state';
import { iterationTableFor } from './tables';
import { runCodeFor } from './code';
import { explainHereFor } from './explainHere';
import { bindFile, DataRefs } from './dataRefs';
import { splitData } from '../../engine/data/bound';
import type { CodeLanguage } from '../../engine/export';

/** What the session does to the outside world. */
export interface SessionEffects {
  post(message: HostMessage & Envelope): void;
  copy(text: string): Promise<void>;
  /** Asks where to save and writes the file; the saved location, or undefined if cancelled. */
  save(format: 'svg' | 'png', data: string, name: string): Promise<string | undefined>;
  log(message: string): void;
  /** Asks for a CSV/TSV file and reads it: its name and text, or undefined if cancelled. */
  pickData?(): Promise<{ readonly origin: string; readonly text: string } | undefined>;
  /** A main run the person may wait for: show progress after a while, with a way to cancel it. */
  busy?(finished: Promise<unknown>, cancel: () => void): void;
}

/** Settings the session applies to every run. */
export interface SessionConfig extends SceneConfig {
  readonly sweep: Partial<SweepSettings>;
}

/** A run with its latest results, as `GradientPanel.runs()` reports it (tests, Insert Iteration Table). */
export interface PanelRunResult {
  readonly formula: string;
  readonly options: RunOptions;
  readonly summary: RunSummary;
  /** The run's result, once computed. */
  readonly run?: RunResult;
  /** Its learning-rate sweep, once the learning-rate view computed it. */
  readonly sweep?: SweepResult;
  readonly error?: string;
}

/** The panel's host side for one webview. */
export class PanelSession {
  readonly state = new PanelState();
  private readonly channel: MessageChannel<WebviewMessage, HostMessage>;
  private readonly parts: PartSender;
  private readonly work = new Map<number, AbortController>();
  private readonly summaries = new Map<number, RunSummary>();
  /** Per run: the curvature at the iterate the learning-rate view's player is on, and its computation. */
  private readonly here = new Map<number, ScenePart>();
  private readonly hereWork = new Map<number, AbortController>();
  /** Data bound from files, held here: the webview's texts refer to it. */
  private readonly refs = new DataRefs();

  constructor(
    private jobs: JobService,
    private readonly effects: SessionEffects,
    private config: SessionConfig,
  ) {
    this.parts = new PartSender((m) => this.effects.post(m));
    this.channel = new MessageChannel<WebviewMessage, HostMessage>({
      post: (m) => this.effects.post(m),
      incoming: webviewMessage,
      handle: (m) => this.dispatch(m),
      reject: (reason) => this.effects.log(`Ignored webview message: ${reason}`),
    });
  }

  /** Takes one untrusted message from the webview. Never throws. */
  receive(raw: unknown): void {
    this.channel.receive(raw);
  }

  /** Adds runs (from a command), optionally switching the view, and computes them. */
  addRuns(runs: readonly NewRun[], view?: PanelView): void {
    const added = this.state.add(runs, view);
    this.postState();
    for (const run of added) void this.refresh(run.id);
  }

  /** Takes the runs a webview saved before a reload. */
  restore(saved: PersistedState): void {
    this.state.restore(saved, this.config.base);
    this.postState();
    for (const run of this.state.runs) void this.refresh(run.id);
  }

  /** New settings or a new job cache (limits changed): everything is computed again. */
  configure(config: SessionConfig, jobs?: JobService): void {
    this.config = config;
    if (jobs) this.jobs = jobs;
    for (const run of this.state.runs) void this.refresh(run.id);
  }

  /** The runs with their latest summaries and, from the job cache, their results. */
  results(): readonly PanelRunResult[] {
    return this.state.runs.map((record) => {
      const summary = this.summaries.get(record.id) ?? this.summary(record, 'pending');
      const info = this.jobs.peek({ kind: 'formula', formula: record.formula });
      let run: RunResult | undefined;
      let sweep: SweepResult | undefined;
      if (info?.ok) {
        try {
          const options = resolveForFormula(record.options, info.value, this.jobs.limits);
          const ran = this.jobs.peek({ kind: 'run', formula: record.formula, options });
          const swept = this.jobs.peek({
            kind: 'sweep',
            formula: record.formula,
            options,
            sweep: this.config.sweep,
          });
          run = ran?.ok ? ran.value : undefined;
          sweep = swept?.ok ? swept.value.sweep : undefined;
        } catch {
          // Options the engine refuses: the summary carries the message.
        }
      }
      return {
        formula: record.formula,
        options: record.options,
        summary,
        ...(run ? { run } : {}),
        ...(sweep ? { sweep } : {}),
        ...(summary.error ? { error: summary.error.message } : {}),
      };
    });
  }

  /** The job cache the session uses. */
  get jobService(): JobService {
    return this.jobs;
  }

  /** Stops all work. */
  dispose(): void {
    for (const controller of [...this.work.values(), ...this.hereWork.values()]) controller.abort();
    this.work.clear();
    this.channel.close('The panel was closed.');
  }

  private async dispatch(message: WebviewMessage): Promise<HostMessage | undefined> {
    switch (message.type) {
      case 'ready':
        // A new webview has nothing of what was sent to the previous one.
        this.parts.forget();
        if (this.state.runs.length === 0 && message.saved && message.saved.runs.length > 0) {
          this.restore(message.saved);
        } else {
          this.postState();
          const selected = this.state.selected;
          if (selected) void this.refresh(selected);
        }
        return undefined;
      case 'setInput': {
        const formula = this.refs.fromView(message.formula);
        const record = this.state.setInput(message.runId, formula, message.controls, message.starts);
        if (!record) return { type: 'settled' };
        this.forgetHere(record.id);
        await this.refresh(record.id);
        return { type: 'settled' };
      }
      case 'select':
        if (this.state.select(message.runId)) void this.refresh(message.runId);
        this.postState();
        return undefined;
      case 'remove':
        if (this.state.remove(message.runId)) {
          this.work.get(message.runId)?.abort();
          this.work.delete(message.runId);
          this.summaries.delete(message.runId);
          this.forgetHere(message.runId);
          this.postState();
          const selected = this.state.selected;
          if (selected) void this.refresh(selected);
        }
        return undefined;
      case 'setView':
        this.state.setView(message.view);
        this.postState();
        if (this.state.selected) void this.refresh(this.state.selected);
        return undefined;
      case 'need':
        void this.resend(message.ids);
        return undefined;
      case 'copyIterations':
        return { type: 'done', notice: await this.copy(message.runId, message.format) };
      case 'copyCode':
        return { type: 'done', notice: await this.copyCode(message.runId, message.language) };
      case 'setCompare':
        this.state.setCompared(message.optimizers);
        this.postState();
        if (this.state.selected) void this.refresh(this.state.selected);
        return undefined;
      case 'explainAt':
        if (this.state.setExplainAt(message.runId, message.iteration)) void this.explainHere(message.runId);
        return undefined;
      case 'savePlot':
        return { type: 'done', notice: await this.save(message.format, message.data, message.name) };
      case 'pickData':
        return { type: 'done', notice: await this.pickData(message.runId) };
    }
  }

  /**
   * Computes what run `id` needs now and tells the webview as the parts arrive. Resolves once the run
   * itself is known (the rest of its scene follows).
   */
  private refresh(id: number): Promise<void> {
    this.work.get(id)?.abort();
    const controller = new AbortController();
    this.work.set(id, controller);
    const record = this.state.find(id);
    if (!record) return Promise.resolve();
    let ranMain = (): void => undefined;
    const main = new Promise<void>((resolve) => (ranMain = resolve));
    this.effects.busy?.(main, () => controller.abort());
    const selected = this.state.selected === id;
    void planScene(
      {
        jobs: this.jobs,
        record,
        view: selected ? this.state.view : undefined,
        compared: this.state.compared,
        config: this.config,
        signal: controller.signal,
        setWindow: (window) => this.state.setWindow(id, window),
        ranMain,
      },
      (scene) => {
        if (controller.signal.aborted || !this.state.find(id)) return;
        this.parts.send(scene.values);
        const summary = this.summary(this.state.find(id) ?? record, scene.status, scene);
        this.summaries.set(id, summary);
        this.effects.post({ type: 'run', run: summary });
      },
    )
      .catch((error: unknown) => this.effects.log(`Run ${id} failed: ${String(error)}`))
      .finally(() => {
        ranMain();
        if (this.work.get(id) === controller) this.work.delete(id);
      });
    return main;
  }

  /**
   * Explains the curvature at the iterate the player is on, apart from the scene (the sweep and the
   * map go on): a newer position cancels the older one's work; the start's model stays as it was.
   */
  private async explainHere(id: number): Promise<void> {
    this.hereWork.get(id)?.abort();
    const controller = new AbortController();
    this.hereWork.set(id, controller);
    const record = this.state.find(id);
    const shown = record && this.state.selected === id && this.state.view === 'learning-rate';
    const part = shown ? await explainHereFor(this.jobs, record, controller.signal) : undefined;
    if (controller.signal.aborted) return;
    this.hereWork.delete(id);
    if (part) this.parts.send([part]);
    if (part) this.here.set(id, part);
    else this.here.delete(id);
    const summary = this.summaries.get(id);
    if (!summary?.parts) return;
    const { explainHere: _old, ...parts } = summary.parts;
    const next = { ...summary, parts: { ...parts, ...this.hereIds(id) } };
    this.summaries.set(id, next);
    this.effects.post({ type: 'run', run: next });
  }

  /** The summary's slot for the curvature at the player's iterate, when there is one. */
  private hereIds(id: number): { explainHere?: number } {
    const part = this.here.get(id);
    return part ? { explainHere: this.parts.idOf(part.key) } : {};
  }

  private forgetHere(id: number): void {
    this.hereWork.get(id)?.abort();
    this.hereWork.delete(id);
    this.here.delete(id);
  }

  private summary(record: RunRecord, status: RunSummary['status'], scene?: SceneReport): RunSummary {
    const failure = scene?.error;
    const error = failure && {
      message: failure.message,
      ...(failure.column !== undefined ? { column: failure.column } : {}),
    };
    return {
      id: record.id,
      formula: this.refs.toView(record.formula),
      controls: controlsOf(record.options, record.batch),
      starts: record.starts,
      ...(record.label !== undefined ? { label: record.label } : {}),
      status,
      ...(scene?.outcome ? { outcome: scene.outcome } : {}),
      ...(error ? { error } : {}),
      ...(scene && this.state.selected === record.id
        ? {
            parts: { ...this.parts.ids(scene.values), ...this.hereIds(record.id) },
            waiting: scene.waiting,
            failures: scene.failures,
          }
        : {}),
    };
  }

  /** Sends again the values the webview asked for (computed again when the cache dropped them). */
  private async resend(ids: readonly number[]): Promise<void> {
    for (const id of ids) {
      const request = this.parts.requestOf(id);
      if (!request) continue;
      const outcome = await this.jobs.get(request);
      if (!outcome.ok) continue;
      this.parts.unsent(id);
      this.parts.send([
        { slot: 'run', key: jobKey(request), value: wire(request.kind, outcome.value), request },
      ]);
    }
  }

  private postState(): void {
    this.effects.post({
      type: 'state',
      runs: this.state.runs.map((r) => this.summaries.get(r.id) ?? this.summary(r, 'pending')),
      selected: this.state.selected,
      view: this.state.view,
      compare: this.state.compared,
    });
  }

  private async copy(runId: number, format: 'markdown' | 'csv'): Promise<string> {
    const record = this.state.find(runId);
    if (!record) return 'Nothing to copy: the run is gone.';
    const table = await iterationTableFor(this.jobs, record, format);
    if (typeof table !== 'object') return `Nothing to copy yet: ${table}.`;
    await this.effects.copy(table.text);
    return `Copied ${table.rows} iterations as ${format === 'markdown' ? 'a Markdown table' : 'CSV'}.`;
  }

  private async copyCode(runId: number, language: CodeLanguage): Promise<string> {
    const record = this.state.find(runId);
    if (!record) return 'Nothing to copy: the run is gone.';
    const code = await runCodeFor(this.jobs, record, language);
    if (typeof code !== 'object') return `Nothing to copy yet: ${code}.`;
    await this.effects.copy(code.text);
    return code.notice;
  }

  /** Binds a file the person picks to run `runId`'s loss, its data held here, and runs it. */
  private async pickData(runId: number): Promise<string> {
    if (!this.state.find(runId) || !this.effects.pickData) return 'No run to use the file for.';
    let picked;
    try {
      picked = await this.effects.pickData();
    } catch (error) {
      return `Could not read the file: ${error instanceof Error ? error.message : String(error)}`;
    }
    const record = this.state.find(runId);
    if (!picked || !record) return '';
    const bound = bindFile(record.formula, picked.origin, picked.text);
    if ('error' in bound) return bound.error;
    this.refs.hold(splitData(bound.text).csv!);
    this.state.setInput(runId, bound.text, controlsOf(record.options, record.batch), record.starts);
    await this.refresh(runId);
    return bound.notice;
  }

  private async save(format: 'svg' | 'png', data: string, name: string): Promise<string> {
    try {
      const where = await this.effects.save(format, data, name);
      return where ? `Saved ${where}` : '';
    } catch (error) {
      return `Could not save the plot: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
