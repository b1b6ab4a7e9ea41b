// Where a command's formulas come from in an editor: each non-empty selection, else the math under
// each cursor (delimited math, or an assignment's right side in code).
import * as vscode from 'vscode';
import { findMathAt, isCodeLanguage, unwrapMath } from '../../engine/extract';

/** A formula found in a document, with its range and the range of its whole block (delimiters included). */
export interface EditorFormula {
  readonly text: string;
  readonly range: vscode.Range;
  readonly blockRange: vscode.Range;
}

/** The formula of one selection: its text without wrapping delimiters; the enclosing math block when inside one. */
function fromSelection(
  document: vscode.TextDocument,
  text: string,
  selection: vscode.Selection,
): EditorFormula {
  const enclosing = findMathAt(text, document.offsetAt(selection.start));
  const blockRange =
    enclosing && document.offsetAt(selection.end) <= enclosing.outerEnd
      ? new vscode.Range(document.positionAt(enclosing.outerStart), document.positionAt(enclosing.outerEnd))
      : new vscode.Range(selection.start, selection.end);
  return {
    text: unwrapMath(document.getText(selection)),
    range: new vscode.Range(selection.start, selection.end),
    blockRange,
  };
}

/** The formulas a command should run for this editor, in selection order; empty when there are none. */
export function formulasInEditor(editor: vscode.TextEditor): EditorFormula[] {
  const { document } = editor;
  const text = document.getText();
  const selected = editor.selections.filter((s) => !s.isEmpty);
  if (selected.length > 0) {
    return selected.map((s) => fromSelection(document, text, s)).filter((f) => f.text !== '');
  }
  const code = isCodeLanguage(document.languageId);
  const found: EditorFormula[] = [];
  for (const cursor of editor.selections) {
    const span = findMathAt(text, document.offsetAt(cursor.active), { code });
    if (!span || found.some((f) => document.offsetAt(f.range.start) === span.start)) continue;
    found.push({
      text: span.text,
      range: new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)),
      blockRange: new vscode.Range(document.positionAt(span.outerStart), document.positionAt(span.outerEnd)),
    });
  }
  return found;
}
