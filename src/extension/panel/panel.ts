// The Gradient Descent webview panel: one per window, reused and revealed. The engine runs in the
// extension host (off-thread through the analyzer); the webview only draws what it is sent.
import * as vscode from 'vscode';
import { parsePersistedState } from '../../shared/messageGuards';
import type { PanelRun, PanelView } from '../../shared/protocol';
import {
  PanelController,
  type ControllerConfig,
  type ControllerEffects,
  type PanelRunResult,
} from './controller';
import { affectsSettings, readSettings, type LabSettings } from '../settings';
import { createAnalyzer, type PanelAnalyzer } from './engine';
import { makeNonce, renderHtml } from './html';
import { RunScheduler } from './scheduler';
import { createSerializer } from './serializer';

export type { PanelRun, PanelView } from '../../shared/protocol';
export type { PanelRunResult } from './controller';

/** How long a run may take before a cancellable progress notification appears. */
const PROGRESS_DELAY_MS = 400;

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

/** Worked steps shown per run. */
const WORKED_STEPS = 5;

function panelConfig(settings: LabSettings): ControllerConfig {
  return { sweep: settings.sweep, steps: WORKED_STEPS };
}

let log: vscode.LogOutputChannel | undefined;
function logChannel(): vscode.LogOutputChannel {
  log ??= vscode.window.createOutputChannel('Gradient Descent Panel', { log: true });
  return log;
}

/** The panel: webview, controller and scheduler tied together, disposed as one. */
export class GradientPanel {
  /** The webview panel's view type, also used by the serializer. */
  static readonly viewType = 'gradientDescent.panel';
  /** The panel of this window, if open. */
  static current: GradientPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduler: RunScheduler;
  private readonly analyzer: PanelAnalyzer;
  private readonly controller: PanelController;

  /** Opens the panel (or reveals the open one) and adds these runs to its run list. */
  static createOrShow(
    context: vscode.ExtensionContext,
    runs: readonly PanelRun[],
    view?: PanelView,
  ): GradientPanel {
    const existing = GradientPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.controller.addRuns(runs, view);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const panel = vscode.window.createWebviewPanel(
      GradientPanel.viewType,
      'Gradient Descent',
      { viewColumn: column, preserveFocus: true },
      webviewOptions(context.extensionUri),
    );
    const created = new GradientPanel(panel, context);
    created.controller.addRuns(runs, view);
    return created;
  }

  /** Takes over a panel VS Code restored after a reload, with the state its webview saved. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, state: unknown): GradientPanel {
    GradientPanel.current?.dispose();
    panel.webview.options = webviewOptions(context.extensionUri);
    const revived = new GradientPanel(panel, context);
    const restored = parsePersistedState(state);
    if (restored) revived.controller.restore(restored);
    return revived;
  }

  /** Registers the serializer that restores the panel after a window reload. */
  static registerSerializer(context: vscode.ExtensionContext): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(
      GradientPanel.viewType,
      createSerializer((panel, state) => void GradientPanel.revive(panel, context, state)),
    );
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
  ) {
    GradientPanel.current = this;
    const webview = panel.webview;
    const settings = readSettings();
    this.analyzer = createAnalyzer(context.asAbsolutePath('dist/worker.js'), settings.limits);
    this.scheduler = new RunScheduler(this.analyzer.analyze, {
      outcome: (key, outcome) => this.controller.receive(key, outcome),
      started: (_key, cancel, finished) => this.showProgress(cancel, finished),
    });
    this.controller = new PanelController(this.effects(), this.scheduler, panelConfig(settings));
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.svg');
    webview.html = renderHtml({
      cspSource: webview.cspSource,
      scriptUri: webview
        .asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview.js'))
        .toString(),
      styleUri: webview
        .asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'panel.css'))
        .toString(),
      nonce: makeNonce(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.controller.handle(message)),
      panel.onDidDispose(() => this.dispose()),
      // "Changes apply to new runs": an open panel takes the new sweep range and limits too.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsSettings(event)) return;
        const changed = readSettings();
        this.analyzer.setLimits(changed.limits);
        this.controller.configure(panelConfig(changed));
      }),
    );
  }

  /** The current runs and their results (for "Insert Iteration Table"). */
  runs(): readonly PanelRunResult[] {
    return this.controller.results();
  }

  /** Closes the panel and cancels its runs. */
  dispose(): void {
    if (GradientPanel.current === this) GradientPanel.current = undefined;
    this.scheduler.dispose();
    this.analyzer.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private effects(): ControllerEffects {
    return {
      post: (message) => void this.panel.webview.postMessage(message),
      copy: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
      save: (format, data, name) => this.savePlot(format, data, name),
      log: (message) => logChannel().warn(message),
    };
  }

  private showProgress(cancel: () => void, finished: Promise<void>): void {
    // A run that finishes first clears the timer, so no notification shows for it.
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
