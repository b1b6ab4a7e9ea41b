// "Run Gradient Descent" and "Compare Learning Rates": gather the formulas (argument, selections,
// math under the cursors, else the input box) and open each as a run in the panel.
import * as vscode from 'vscode';
import type { PanelRun, PanelView } from '../../shared/protocol';
import { GradientPanel } from '../panel/panel';
import { readSettings } from '../settings';
import { askForFormula } from './formulaInput';
import { formulasInEditor } from './formulaSource';

/** Command id of "Run Gradient Descent". */
export const RUN_COMMAND = 'gradientDescent.run';
/** Command id of "Compare Learning Rates" (opens the panel on the learning-rate view). */
export const COMPARE_COMMAND = 'gradientDescent.compareLearningRates';

/** Formula texts for a command: a string argument (hover link, tests), the editor's formulas, or the input box. */
async function gatherFormulas(argument: unknown, title: string): Promise<string[]> {
  if (typeof argument === 'string' && argument.trim() !== '') return [argument.trim()];
  const editor = vscode.window.activeTextEditor;
  const inEditor = editor ? formulasInEditor(editor).map((f) => f.text) : [];
  if (inEditor.length > 0) return inEditor;
  const typed = await askForFormula(readSettings(editor?.document).limits, title);
  return typed === undefined ? [] : [typed];
}

/** Opens the formulas as runs in the panel on `view`; resolves to the runs added (empty when cancelled). */
async function openRuns(
  context: vscode.ExtensionContext,
  argument: unknown,
  view: PanelView,
  title: string,
): Promise<PanelRun[]> {
  const formulas = await gatherFormulas(argument, title);
  if (formulas.length === 0) return [];
  const settings = readSettings(vscode.window.activeTextEditor?.document);
  const runs = formulas.map((formula) => ({ formula, options: settings.run }));
  GradientPanel.createOrShow(context, runs, view);
  return runs;
}

/** Registers both commands. */
export function registerRunCommands(context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RUN_COMMAND, (argument?: unknown) =>
      openRuns(context, argument, 'runs', 'Run Gradient Descent'),
    ),
    vscode.commands.registerCommand(COMPARE_COMMAND, (argument?: unknown) =>
      openRuns(context, argument, 'learning-rate', 'Compare Learning Rates'),
    ),
  ];
}
