// "Insert Iteration Table": runs the engine on each formula in the editor (the panel need not be
// open) and writes a Markdown table of the first iterations under the formula's line or block,
// as one would by hand: x1 = 0.6, x2 = 0.36 for f(x) = 2x^2 from x0 = 1 with η = 0.1.
import * as vscode from 'vscode';
import type { EngineLimits } from '../../engine/limits';
import { analyzeSafely } from '../../engine/outcome';
import type { RunOptions } from '../../engine/types';
import { GradientPanel } from '../panel/panel';
import { iterationsMarkdown } from '../panel/table';
import { readSettings } from '../settings';
import { formulasInEditor, type EditorFormula } from './formulaSource';

/** Command id. */
export const INSERT_TABLE_COMMAND = 'gradientDescent.insertIterationTable';

/** Iterations written out (rows k = 0 .. TABLE_ITERATIONS). */
export const TABLE_ITERATIONS = 10;

/** The options of the panel's run of this formula when there is one (its controls may differ), else the settings'. */
function optionsFor(formula: string, fallback: RunOptions): RunOptions {
  const inPanel = GradientPanel.current?.runs().find((r) => r.formula === formula);
  return inPanel ? inPanel.options : fallback;
}

/** The table's text for one formula, or a message saying why there is none. */
function tableFor(
  formula: string,
  options: RunOptions,
  limits: EngineLimits,
): { table?: string; error?: string } {
  const outcome = analyzeSafely(
    {
      formula,
      options: { ...options, stop: { ...options.stop, maxIterations: TABLE_ITERATIONS }, traceLimit: 'all' },
    },
    limits,
  );
  if (!outcome.ok) return { error: outcome.error.message };
  return { table: iterationsMarkdown(outcome.analysis.run, TABLE_ITERATIONS + 1).trimEnd() };
}

/** Where the table goes: the end of the formula block's last line; and whether a blank line must follow. */
function insertionPoint(
  document: vscode.TextDocument,
  found: EditorFormula,
): { at: vscode.Position; blankAfter: boolean } {
  const line = document.lineAt(found.blockRange.end.line);
  const next = line.lineNumber + 1 < document.lineCount ? document.lineAt(line.lineNumber + 1) : undefined;
  return { at: line.range.end, blankAfter: next !== undefined && !next.isEmptyOrWhitespace };
}

/** Inserts a table under each formula of the active editor; resolves to the tables inserted. */
export async function insertIterationTables(): Promise<string[]> {
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
  const edits: { at: vscode.Position; text: string }[] = [];
  const tables: string[] = [];
  for (const formula of found) {
    const { table, error } = tableFor(formula.text, optionsFor(formula.text, settings.run), settings.limits);
    if (table === undefined) {
      void vscode.window.showErrorMessage(`Gradient Descent: ${error ?? 'no table'}`);
      continue;
    }
    const { at, blankAfter } = insertionPoint(editor.document, formula);
    edits.push({ at, text: `\n\n${table}${blankAfter ? '\n' : ''}` });
    tables.push(table);
  }
  if (edits.length === 0) return [];
  const applied = await editor.edit((builder) => {
    for (const edit of edits) builder.insert(edit.at, edit.text);
  });
  return applied ? tables : [];
}
