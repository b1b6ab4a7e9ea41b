// The Gradient Descent webview panel: one per window, reused and revealed. Thin glue between VS Code
// and the session (session.ts), which owns the state and asks the job cache for the work; the webview
// only draws what it is sent.
import * as vscode from 'vscode';
import { MAX_DATA_TEXT } from '../../engine/limits';
import { persistedState, type PanelView } from '../../shared/protocol';
import type { EngineHost } from '../../host/engineHost';
import { WORKED_STEPS } from '../../usecases/defaults';
import { PANEL_VIEW_TYPE } from '../contributions';
import { affectsSettings, readSettings, type LabSettings } from '../settings';
import { PanelSession, type PanelRunResult, type SessionConfig } from './session';
import { setPanelDocument, webviewOptions } from './shell';
import type { NewRun, RunRecord } from './state';

export type { PanelView } from '../../shared/protocol';
export type { NewRun } from './state';
export type { PanelRunResult } from './session';

/** How long a run may take before a cancellable progress notification appears. */
const PROGRESS_DELAY_MS = 400;

function sessionConfig(settings: LabSettings): SessionConfig {
  return {
    base: settings.run,
    steps: WORKED_STEPS,
    plotVariables: settings.limits.maxPlotVariables,
    sweep: settings.sweep,
  };
}

let log: vscode.LogOutputChannel | undefined;
function logChannel(): vscode.LogOutputChannel {
  log ??= vscode.window.createOutputChannel('Gradient Descent Panel', { log: true });
  return log;
}

/** The panel: webview and session tied together, disposed as one. */
export class GradientPanel {
  /** The webview panel's view type, also used by the serializer. */
  static readonly viewType = PANEL_VIEW_TYPE;
  /** The panel of this window, if open. */
  static current: GradientPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly session: PanelSession;

  /** Opens the panel (or reveals the open one) and adds these runs to its run list. */
  static createOrShow(
    context: vscode.ExtensionContext,
    engine: EngineHost,
    runs: readonly NewRun[],
    view?: PanelView,
  ): GradientPanel {
    const existing = GradientPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.session.addRuns(runs, view);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const panel = vscode.window.createWebviewPanel(
      GradientPanel.viewType,
      'Gradient Descent',
      { viewColumn: column, preserveFocus: true },
      webviewOptions(context.extensionUri),
    );
    setPanelDocument(panel, context.extensionUri);
    const created = new GradientPanel(panel, engine);
    created.session.addRuns(runs, view);
    return created;
  }

  /**
   * Takes over a panel restored after a window reload, whose document activation already set (so it
   * painted what it saved): `early` are the messages its webview posted meanwhile (its `ready`, which
   * carries the saved runs), `state` what VS Code kept of it.
   */
  static revive(
    engine: EngineHost,
    panel: vscode.WebviewPanel,
    state: unknown,
    early: readonly unknown[],
  ): GradientPanel {
    GradientPanel.current?.dispose();
    const revived = new GradientPanel(panel, engine);
    for (const message of early) revived.session.receive(message);
    // No `ready` yet: restore from VS Code's copy now; the webview's `ready` then finds the runs there.
    const saved = persistedState.parse(state);
    if (revived.session.state.runs.length === 0 && saved.ok && saved.value.runs.length > 0) {
      revived.session.restore(saved.value);
    }
    return revived;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    engine: EngineHost,
  ) {
    GradientPanel.current = this;
    const webview = panel.webview;
    const settings = readSettings();
    engine.warmUp();
    this.session = new PanelSession(
      engine.jobs(settings.limits),
      {
        post: (message) => void webview.postMessage(message),
        copy: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
        save: (format, data, name) => this.savePlot(format, data, name),
        pickData: () => pickDataFile(),
        log: (message) => logChannel().warn(message),
        busy: (finished, cancel) => showProgress(finished, cancel),
      },
      sessionConfig(settings),
    );
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.session.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      // "Changes apply to new runs": an open panel takes the new settings and limits too.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsSettings(event)) return;
        const changed = readSettings();
        this.session.configure(sessionConfig(changed), engine.jobs(changed.limits));
      }),
    );
  }

  /** The current runs and their latest summaries (tests, "Insert Iteration Table"). */
  runs(): readonly PanelRunResult[] {
    return this.session.results();
  }

  /** The run the person is looking at. */
  selectedRun(): RunRecord | undefined {
    return this.session.state.selectedRun;
  }

  /** Closes the panel and stops its work. */
  dispose(): void {
    if (GradientPanel.current === this) GradientPanel.current = undefined;
    this.session.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private async savePlot(format: 'svg' | 'png', data: string, name: string): Promise<string | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${name}.${format}`;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      saveLabel: 'Save Plot',
    });
    if (!target) return undefined;
    const bytes =
      format === 'svg'
        ? new TextEncoder().encode(data)
        : Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    return vscode.workspace.asRelativePath(target);
  }
}

/** Asks for a CSV/TSV file and reads it, refusing one over the data limit before decoding it. */
async function pickDataFile(): Promise<{ origin: string; text: string } | undefined> {
  const [uri] =
    (await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'CSV or TSV': ['csv', 'tsv'] },
      openLabel: 'Use for the Loss',
      ...(vscode.workspace.workspaceFolders?.[0]
        ? { defaultUri: vscode.workspace.workspaceFolders[0].uri }
        : {}),
    })) ?? [];
  if (!uri) return undefined;
  const origin = vscode.workspace.asRelativePath(uri);
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > MAX_DATA_TEXT) {
    throw new Error(`${origin} is longer than ${MAX_DATA_TEXT.toLocaleString('en-US')} characters.`);
  }
  return { origin, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
}

/** A cancellable progress notification for work that is still running after PROGRESS_DELAY_MS. */
function showProgress(finished: Promise<unknown>, cancel: () => void): void {
  // Work that finishes first clears the timer, so no notification shows for it.
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Gradient descent: running…',
        cancellable: true,
      },
      (_progress, token) => {
        const subscription = token.onCancellationRequested(cancel);
        return finished.finally(() => subscription.dispose());
      },
    );
  }, PROGRESS_DELAY_MS);
  void finished.then(() => clearTimeout(timer));
}
