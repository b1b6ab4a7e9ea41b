// Checks formula text as a person types it into the input box: the parser's own message, with the
// column where it applies. vscode-free so it is unit-tested.
import { checkFormulaLength, type EngineLimits } from '../../engine/limits';
import { parseFormula } from '../../engine/parse';
import { FormulaError } from '../../engine/types';

/** Hint shown while the input box is empty. */
export const EMPTY_HINT = 'Type a formula, e.g. (1-x)^2 + 100(y-x^2)^2 or f(x) = 2x^{2}';

/** Undefined when `text` is a usable formula, else a message for the person typing it. */
export function formulaProblem(text: string, limits: EngineLimits): string | undefined {
  if (text.trim() === '') return EMPTY_HINT;
  try {
    checkFormulaLength(text, limits);
    parseFormula(text);
    return undefined;
  } catch (error) {
    if (error instanceof FormulaError) {
      return error.column === undefined ? error.message : `${error.message} (column ${error.column})`;
    }
    return 'This text cannot be read as a formula.';
  }
}
