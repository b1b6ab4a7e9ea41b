// Activation: registers the commands, the hover provider and the panel's serializer. Thin glue;
// the engine does the work.
import * as vscode from 'vscode';
import { warmUpEngine } from '../engine/analyze';
import { INSERT_TABLE_COMMAND, insertIterationTables } from './commands/insertTable';
import { registerRunCommands } from './commands/runCommands';
import { ConvergenceHoverProvider } from './hover/hoverProvider';
import { GradientPanel, type PanelRunResult } from './panel/panel';
import { affectsSettings } from './settings';

/** Delay before warming the formula parsers, leaving VS Code's own start-up alone. */
const WARM_UP_DELAY_MS = 1500;

/** What `activate` returns (Extension.exports): read-only access for tests and other extensions. */
export interface GradientDescentApi {
  /** The runs in the open panel with their latest results (empty when no panel is open). */
  panelRuns(): readonly PanelRunResult[];
}

/** Called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): GradientDescentApi {
  const hover = new ConvergenceHoverProvider();
  context.subscriptions.push(
    ...registerRunCommands(context),
    vscode.commands.registerCommand(INSERT_TABLE_COMMAND, () => insertIterationTables()),
    // Every language: the settings decide per document, so changing them needs no reload.
    vscode.languages.registerHoverProvider('*', hover),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsSettings(event)) hover.clear();
    }),
    GradientPanel.registerSerializer(context),
  );
  // The LaTeX parser's first use costs ~150 ms; pay it once, soon after activation, not in a hover.
  setTimeout(warmUpEngine, WARM_UP_DELAY_MS).unref();
  return { panelRuns: () => GradientPanel.current?.runs() ?? [] };
}

/** Nothing to release beyond the subscriptions. */
export function deactivate(): void {}
