// The input box a command falls back to when the editor offers no formula: validates as you type
// with the parser's message and column.
import * as vscode from 'vscode';
import type { EngineLimits } from '../../engine/limits';
import { EMPTY_HINT, formulaProblem } from './validate';

/** Asks for a formula; resolves to the accepted text, or undefined when the person cancels. */
export async function askForFormula(limits: EngineLimits, title: string): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: 'Formula to run gradient descent on (plain, LaTeX or Python syntax)',
    placeHolder: EMPTY_HINT,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? undefined : formulaProblem(value, limits)),
  });
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}
