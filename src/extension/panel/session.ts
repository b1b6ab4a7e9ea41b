// The panel's host side: it takes the webview's intents, changes the one state (state.ts), asks the
// job cache for what the selected run's view draws, and sends each job value once. Newest wins: a run
// edited again abandons the work of its previous input (its jobs stay cached). vscode-free.
import type { SweepSettings } from '../../engine/types';
import { MessageChannel } from '../../shared/channel';
import {
  webviewMessage,
  type HostMessage,
  type PanelView,
  type PersistedState,
  type RunSummary,
  type WebviewMessage,
} from '../../shared/protocol';
import type { JobService } from '../../host/jobService';
import { PartSender } from './parts';
import { planScene } from './scene';
import type { SceneConfig, SceneReport } from './sceneTypes';
import { controlsOf, PanelState, type NewRun, type RunRecord } from './state';
import { PlayerCurvature } from './explainHere';
import { bindFile, DataRefs } from './dataRefs';
import { splitData } from '../../engine/data/bound';
import { runResultOf, type PanelRunResult } from './runResults';
import { summaryOf } from './runSummary';
import { copyCode, copyIterations, pickFile, savePlot } from './requests';
import type { SessionEffects } from './sessionEffects';

/** Settings the session applies to every run. */
export interface SessionConfig extends SceneConfig {
  readonly sweep: Partial<SweepSettings>;
}

export type { PanelRunResult } from './runResults';
export type { SessionEffects } from './sessionEffects';

/** The requests answered with `done` and a notice. */
type RequestType = 'copyIterations' | 'copyCode' | 'savePlot' | 'pickData';

/** The panel's host side for one webview. */
export class PanelSession {
  readonly state = new PanelState();
  private readonly channel: MessageChannel<WebviewMessage, HostMessage>;
  private readonly parts: PartSender;
  private readonly work = new Map<number, AbortController>();
  private readonly summaries = new Map<number, RunSummary>();
  /** Per run: the curvature at the iterate the learning-rate view's player is on. */
  private readonly here = new PlayerCurvature();
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
    return this.state.runs.map((record) =>
      runResultOf(
        this.jobs,
        record,
        this.summaries.get(record.id) ?? this.summary(record, 'pending'),
        this.config.sweep,
      ),
    );
  }

  /** The job cache the session uses. */
  get jobService(): JobService {
    return this.jobs;
  }

  /** Stops all work. */
  dispose(): void {
    for (const controller of this.work.values()) controller.abort();
    this.here.abort();
    this.work.clear();
    this.channel.close('The panel was closed.');
  }

  private async dispatch(message: WebviewMessage): Promise<HostMessage | undefined> {
    switch (message.type) {
      case 'ready':
        this.ready(message.saved);
        return undefined;
      case 'setInput': {
        const formula = this.refs.fromView(message.formula);
        const record = this.state.setInput(message.runId, formula, message.controls, message.starts);
        if (!record) return { type: 'settled' };
        this.here.forget(record.id);
        await this.refresh(record.id);
        return { type: 'settled' };
      }
      case 'select':
        if (this.state.select(message.runId)) void this.refresh(message.runId);
        this.postState();
        return undefined;
      case 'remove':
        this.remove(message.runId);
        return undefined;
      case 'setView':
        this.state.setView(message.view);
        this.postState();
        if (this.state.selected) void this.refresh(this.state.selected);
        return undefined;
      case 'need':
        void this.parts.resend(message.ids, this.jobs);
        return undefined;
      case 'setCompare':
        this.state.setCompared(message.optimizers);
        this.postState();
        if (this.state.selected) void this.refresh(this.state.selected);
        return undefined;
      case 'explainAt':
        if (this.state.setExplainAt(message.runId, message.iteration)) void this.explainHere(message.runId);
        return undefined;
      case 'copyIterations':
      case 'copyCode':
      case 'savePlot':
      case 'pickData':
        return { type: 'done', notice: await this.answer(message) };
    }
  }

  /** A webview loaded: the state it lacks, or the runs it saved when the host has none. */
  private ready(saved: PersistedState | undefined): void {
    // A new webview has nothing of what was sent to the previous one.
    this.parts.forget();
    if (this.state.runs.length === 0 && saved && saved.runs.length > 0) {
      this.restore(saved);
    } else {
      this.postState();
      const selected = this.state.selected;
      if (selected) void this.refresh(selected);
    }
  }

  private remove(runId: number): void {
    if (!this.state.remove(runId)) return;
    this.work.get(runId)?.abort();
    this.work.delete(runId);
    this.summaries.delete(runId);
    this.here.forget(runId);
    this.postState();
    const selected = this.state.selected;
    if (selected) void this.refresh(selected);
  }

  /** What to tell the person in answer to a copy, save or file request. */
  private answer(message: Extract<WebviewMessage, { type: RequestType }>): Promise<string> {
    switch (message.type) {
      case 'copyIterations':
        return copyIterations(this.jobs, this.effects, this.state.find(message.runId), message.format);
      case 'copyCode':
        return copyCode(this.jobs, this.effects, this.state.find(message.runId), message.language);
      case 'savePlot':
        return savePlot(this.effects, message.format, message.data, message.name);
      case 'pickData':
        return this.pickData(message.runId);
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
    const record = this.state.find(id);
    const shown = record && this.state.selected === id && this.state.view === 'learning-rate';
    const done = await this.here.update(id, this.jobs, shown ? record : undefined);
    if (!done) return;
    if (done.part) this.parts.send([done.part]);
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

  private summary(record: RunRecord, status: RunSummary['status'], scene?: SceneReport): RunSummary {
    const parts =
      scene && this.state.selected === record.id
        ? { ...this.parts.ids(scene.values), ...this.hereIds(record.id) }
        : undefined;
    return summaryOf(record, this.refs.toView(record.formula), status, scene, parts);
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

  /** Binds a file the person picks to run `runId`'s loss, its data held here, and runs it. */
  private async pickData(runId: number): Promise<string> {
    if (!this.state.find(runId) || !this.effects.pickData) return 'No run to use the file for.';
    const picked = await pickFile(this.effects);
    if (picked && 'error' in picked) return picked.error;
    const record = this.state.find(runId);
    if (!picked || !record) return '';
    const bound = bindFile(record.formula, picked.origin, picked.text);
    if ('error' in bound) return bound.error;
    this.refs.hold(splitData(bound.text).csv!);
    this.state.setInput(runId, bound.text, controlsOf(record.options, record.batch), record.starts);
    await this.refresh(runId);
    return bound.notice;
  }
}
