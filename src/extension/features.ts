// What activation defers (bundled to dist/features.js, which requires the engine bundle
// dist/engine.js): the engine host of the window (compiled formulas, job cache, worker), the
// commands' work, the hover previews and the panel. Loaded on first need, or soon after activation.
import * as vscode from 'vscode';
import { EngineHost } from '../host/engineHost';
import { WARM_UP_FORMULA } from '../usecases/defaults';
import { insertIterationTables } from './commands/insertTable';
import { compareLearningRates, runGradientDescent } from './commands/runCommands';
import { ConvergenceHoverProvider } from './hover/hoverProvider';
import { GradientPanel, type NewRun, type PanelRunResult } from './panel/panel';
import { readSettings } from './settings';

/** The features of one window, as activation calls them. */
export interface Features extends vscode.Disposable {
  run(argument?: unknown): Promise<NewRun[]>;
  compareLearningRates(argument?: unknown): Promise<NewRun[]>;
  insertIterationTable(): Promise<string[]>;
  readonly hover: vscode.HoverProvider;
  /** Takes over a panel restored after a reload (its document is set; `early` is what its webview posted). */
  revive(panel: vscode.WebviewPanel, state: unknown, early: readonly unknown[]): void;
  /** The settings changed: cached hover previews are stale. */
  settingsChanged(): void;
  /** Pays the LaTeX parser's first use (~150 ms) now, not in a hover or a run. */
  warmUp(): void;
  /** The runs of the open panel. */
  panelRuns(): readonly PanelRunResult[];
}

/** Creates the window's engine host and the features around it. */
export function createFeatures(context: vscode.ExtensionContext): Features {
  const engine = new EngineHost(context.asAbsolutePath('dist/worker.js'), readSettings().limits);
  const hover = new ConvergenceHoverProvider(engine);
  return {
    run: (argument) => runGradientDescent(context, engine, argument),
    compareLearningRates: (argument) => compareLearningRates(context, engine, argument),
    insertIterationTable: () => insertIterationTables(engine),
    hover,
    revive: (panel, state, early) => void GradientPanel.revive(engine, panel, state, early),
    settingsChanged: () => hover.clear(),
    warmUp: () => {
      try {
        engine.problems(readSettings().limits).compiled(WARM_UP_FORMULA);
      } catch {
        // Warming up is best effort; real requests report their own errors.
      }
    },
    panelRuns: () => GradientPanel.current?.runs() ?? [],
    // The panel stays: VS Code restores it after a reload from what its webview saved.
    dispose: () => engine.dispose(),
  };
}
