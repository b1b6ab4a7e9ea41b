// "Run Gradient Descent" and "Compare Learning Rates": gather the formulas (argument, selections,
// math under the cursors, else the input box) and open each as a run in the panel. Activation
// registers the commands (extension.ts); this is their work, loaded on first use.
import * as vscode from 'vscode';
import { parameterValuesNear } from '../../engine/extract/parameterValues';
import type { EngineHost } from '../../host/engineHost';
import type { PanelView } from '../../shared/protocol';
import { GradientPanel, type NewRun } from '../panel/panel';
import { withNoteData } from '../../usecases/noteData';
import { notedOptions, type NotedValues } from '../../usecases/notedValues';
import { readSettings } from '../settings';
import { askForFormula } from './formulaInput';
import { formulasInEditor } from './formulaSource';

/** A formula and where it came from. */
interface Found {
  readonly formula: string;
  readonly label?: string;
  /** The values the note around it gives its parameters, for names the formula has. */
  readonly noted?: NotedValues;
}

/** Formulas for a command: a string argument (hover link, tests), the editor's formulas, or the input box. */
async function gatherFormulas(argument: unknown, title: string): Promise<Found[]> {
  if (typeof argument === 'string' && argument.trim() !== '') return [{ formula: argument.trim() }];
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const name = editor.document.uri.path.split('/').pop() ?? '';
    const text = editor.document.getText();
    const found = formulasInEditor(editor).map((f) => {
      const offset = editor.document.offsetAt(f.range.start);
      return {
        // A loss over data takes the table (or lists) the note gives it.
        formula: withNoteData(f.text, text, offset),
        label: `${name}:${f.range.start.line + 1}`,
        noted: (names: readonly string[]) => parameterValuesNear(text, offset, names),
      };
    });
    if (found.length > 0) return found;
  }
  const typed = await askForFormula(readSettings(editor?.document).limits, title);
  return typed === undefined ? [] : [{ formula: typed }];
}

/** Opens the formulas as runs in the panel on `view`; resolves to the runs added (empty when cancelled). */
async function openRuns(
  context: vscode.ExtensionContext,
  engine: EngineHost,
  argument: unknown,
  view: PanelView,
  title: string,
): Promise<NewRun[]> {
  const found = await gatherFormulas(argument, title);
  if (found.length === 0) return [];
  const settings = readSettings(vscode.window.activeTextEditor?.document);
  const runs = found.map((f) => ({
    formula: f.formula,
    options: f.noted ? notedOptions(f.formula, settings.run, f.noted) : settings.run,
    ...(f.label ? { label: f.label } : {}),
  }));
  GradientPanel.createOrShow(context, engine, runs, view);
  return runs;
}

/** "Run Gradient Descent": the formulas as runs in the panel's runs view. */
export function runGradientDescent(
  context: vscode.ExtensionContext,
  engine: EngineHost,
  argument?: unknown,
): Promise<NewRun[]> {
  return openRuns(context, engine, argument, 'runs', 'Run Gradient Descent');
}

/** "Compare Learning Rates": the formulas as runs, the panel on the learning-rate view. */
export function compareLearningRates(
  context: vscode.ExtensionContext,
  engine: EngineHost,
  argument?: unknown,
): Promise<NewRun[]> {
  return openRuns(context, engine, argument, 'learning-rate', 'Compare Learning Rates');
}
