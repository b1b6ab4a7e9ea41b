// Activation: registers the commands, the hover provider and the panel's serializer around one engine
// host (compiled formulas, job cache, worker) for the window. Thin glue; the use cases do the work.
import * as vscode from 'vscode';
import { EngineHost } from '../host/engineHost';
import { INSERT_TABLE_COMMAND, insertIterationTables } from './commands/insertTable';
import { registerRunCommands } from './commands/runCommands';
import { ConvergenceHoverProvider } from './hover/hoverProvider';
import { GradientPanel, type PanelRunResult } from './panel/panel';
import { affectsSettings, readSettings } from './settings';

/** Delay before warming the formula parsers, leaving VS Code's own start-up alone. */
const WARM_UP_DELAY_MS = 1500;
/** A LaTeX formula whose parse loads the LaTeX parser (~150 ms the first time). */
const WARM_UP_FORMULA = '$f(x) = \\frac{1}{2}x^{2}$';

/** What `activate` returns (Extension.exports): read-only access for tests and other extensions. */
export interface GradientDescentApi {
  /** The runs in the open panel with their latest results (empty when no panel is open). */
  panelRuns(): readonly PanelRunResult[];
  /** Milliseconds `activate` took. */
  readonly activationMs: number;
}

/** Called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): GradientDescentApi {
  const started = performance.now();
  const engine = new EngineHost(context.asAbsolutePath('dist/worker.js'), readSettings().limits);
  const hover = new ConvergenceHoverProvider(engine);
  context.subscriptions.push(
    ...registerRunCommands(context, engine),
    vscode.commands.registerCommand(INSERT_TABLE_COMMAND, () => insertIterationTables(engine)),
    // Every language: the settings decide per document, so changing them needs no reload.
    vscode.languages.registerHoverProvider('*', hover),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event)) hover.clear();
    }),
    GradientPanel.registerSerializer(context, engine),
    { dispose: () => engine.dispose() },
  );
  // The LaTeX parser's first use costs ~150 ms; pay it once, soon after activation, not in a hover or run.
  setTimeout(() => {
    try {
      engine.problems(readSettings().limits).compiled(WARM_UP_FORMULA);
    } catch {
      // Warming up is best effort; real requests report their own errors.
    }
  }, WARM_UP_DELAY_MS).unref();
  const activationMs = performance.now() - started;
  return { panelRuns: () => GradientPanel.current?.runs() ?? [], activationMs };
}

/** Nothing to release beyond the subscriptions. */
export function deactivate(): void {}
