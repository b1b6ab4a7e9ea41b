// "Insert Iteration Table": runs the engine on each formula in the editor (the panel need not be
// open) and writes a Markdown table of the first iterations, with a caption saying what was run,
// after the paragraph or display block of the formula: x1 = 0.6, x2 = 0.36 for f(x) = 2x^2 from
// x0 = 1 with η = 0.1. When the panel shows a run of the same formula, its settings are used.
import * as vscode from 'vscode';
import type { EngineHost } from '../../host/engineHost';
import type { RunOptions } from '../../engine/types';
import { TABLE_ITERATIONS } from '../../usecases/defaults';
import { withNoteData } from '../../usecases/noteData';
import { insertedTable } from '../../usecases/tables';
import { GradientPanel } from '../panel/panel';
import { readSettings } from '../settings';
import { formulasInEditor, type EditorFormula } from './formulaSource';

export { TABLE_ITERATIONS };

/** The options of the panel's run of this formula: the one the person looks at, else the newest; else the settings'. */
function optionsFor(formula: string, fallback: RunOptions): RunOptions {
  const panel = GradientPanel.current;
  const selected = panel?.selectedRun();
  if (selected?.formula === formula) return selected.options;
  const runs = panel?.runs() ?? [];
  const newest = [...runs].reverse().find((r) => r.formula === formula);
  return newest ? newest.options : fallback;
}

/** Where the table goes: after the last line of the paragraph holding the formula's block. */
function insertionPoint(document: vscode.TextDocument, found: EditorFormula): vscode.Position {
  let line = found.blockRange.end.line;
  while (line + 1 < document.lineCount && !document.lineAt(line + 1).isEmptyOrWhitespace) line++;
  return document.lineAt(line).range.end;
}

/** Inserts a table under each formula of the active editor; resolves to the tables inserted. */
export async function insertIterationTables(engine: EngineHost): Promise<string[]> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Gradient Descent: open a document with a formula first.');
    return [];
  }
  const found = formulasInEditor(editor);
  if (found.length === 0) {
    void vscode.window.showWarningMessage(
      'Gradient Descent: select a formula, or put the cursor in one, to insert its iteration table.',
    );
    return [];
  }
  const settings = readSettings(editor.document);
  const problems = engine.problems(settings.limits);
  const edits: { at: vscode.Position; text: string }[] = [];
  const tables: string[] = [];
  const note = editor.document.getText();
  for (const formula of found) {
    // A loss over data takes the note's table, as Run Gradient Descent does.
    const text = withNoteData(formula.text, note, editor.document.offsetAt(formula.range.start));
    const made = insertedTable(problems, text, optionsFor(text, settings.run), settings.limits);
    if ('error' in made) {
      void vscode.window.showErrorMessage(`Gradient Descent: ${made.error}`);
      continue;
    }
    const at = insertionPoint(editor.document, formula);
    const next = at.line + 1 < editor.document.lineCount ? editor.document.lineAt(at.line + 1) : undefined;
    edits.push({
      at,
      text: `\n\n${made.table}${next !== undefined && !next.isEmptyOrWhitespace ? '\n' : ''}`,
    });
    tables.push(made.table);
  }
  if (edits.length === 0) return [];
  const applied = await editor.edit((builder) => {
    for (const edit of edits) builder.insert(edit.at, edit.text);
  });
  return applied ? tables : [];
}
