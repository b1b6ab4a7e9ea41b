// Activation, and nothing heavier: registers the commands, the hover provider, the configuration
// listener and the panel's serializer, each delegating to the features (features.ts: the engine, the
// use cases, the job cache, the panel), which load on first need and soon after activation in the
// background. So activation costs a few milliseconds, and a panel restored after a reload paints what
// it saved before the engine has loaded. esbuild.js keeps this bundle free of the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMPARE_COMMAND, INSERT_TABLE_COMMAND, RUN_COMMAND, SETTINGS_SECTION } from './contributions';
import type { Features } from './features';
import { registerPanelSerializer } from './panel/serializer';
import type { PanelRunResult } from './panel/session';

/** Delay before loading the features and warming the formula parsers, leaving VS Code's own start-up alone. */
const WARM_UP_DELAY_MS = 1500;

/** What `activate` returns (Extension.exports): read-only access for tests and other extensions. */
export interface GradientDescentApi {
  /** The runs in the open panel with their latest results (empty when no panel is open). */
  panelRuns(): readonly PanelRunResult[];
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
  /** The extension's bundles (dist/*.js) loaded when `activate` returned: not the engine's. */
  readonly loadedAtActivation: readonly string[];
}

/** This extension's bundles (dist/*.js) in Node's module cache. */
function loadedBundles(extensionPath: string): string[] {
  const dist = path.join(fs.realpathSync(extensionPath), 'dist');
  return Object.keys(require.cache)
    .filter((file) => path.dirname(file) === dist)
    .map((file) => `dist/${path.basename(file)}`);
}

/** Called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): GradientDescentApi {
  const started = performance.now();
  let loaded: Features | undefined;
  let loading: Promise<Features> | undefined;
  /** The features, loaded once; a failed load is tried again on the next need. */
  const features = (): Promise<Features> => {
    loading ??= import('./features').then(
      (module) => {
        loaded = module.createFeatures(context);
        context.subscriptions.push(loaded);
        return loaded;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(RUN_COMMAND, async (argument?: unknown) =>
      (await features()).run(argument),
    ),
    vscode.commands.registerCommand(COMPARE_COMMAND, async (argument?: unknown) =>
      (await features()).compareLearningRates(argument),
    ),
    vscode.commands.registerCommand(INSERT_TABLE_COMMAND, async () =>
      (await features()).insertIterationTable(),
    ),
    // Every language: the settings decide per document, so changing them needs no reload.
    vscode.languages.registerHoverProvider('*', {
      provideHover: async (document, position, token) =>
        (await features()).hover.provideHover(document, position, token),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS_SECTION)) loaded?.settingsChanged();
    }),
    registerPanelSerializer(
      context.extensionUri,
      async () => (await features()).revive,
      (error) =>
        void vscode.window.showErrorMessage(
          `Gradient Descent: the restored panel could not load the engine: ${String(error)}`,
        ),
    ),
  );
  // The engine's load and the LaTeX parser's first use cost hundreds of ms: pay them soon, not in a hover or run.
  setTimeout(() => {
    features().then(
      (f) => f.warmUp(),
      () => undefined, // Best effort: a real request reports the failure.
    );
  }, WARM_UP_DELAY_MS).unref();
  const activationMs = performance.now() - started;
  return {
    panelRuns: () => loaded?.panelRuns() ?? [],
    activationMs,
    loadedAtActivation: loadedBundles(context.extensionPath),
  };
}

/** Nothing to release beyond the subscriptions. */
export function deactivate(): void {}
