// Small constructors for the typed errors the parser raises, so every stage words them alike.
import { FormulaError } from '../types';

/** A syntax error at a 1-based column (omitted when unknown). */
export function syntaxError(message: string, column?: number): FormulaError {
  return new FormulaError(message, 'syntax', column);
}

/** A construct outside the allow-list. */
export function notAllowed(message: string, column?: number): FormulaError {
  return new FormulaError(message, 'not-allowed', column);
}

/** Said of `x^2 + y^2 = z` in every notation: an equation whose left side names no function. */
export const EQUATION_MESSAGE =
  'This is an equation: the left side of = is not a name such as f(x) or y. Select the function to minimize.';

/** What a transpose is, in every notation. */
export const MATRIX_WORDS =
  'matrix notation (a transpose); write the products out, as in a x_1^2 + 2b x_1 x_2 + c x_2^2';

/** 1-based column of the first occurrence of `needle` in `source`, if it occurs. */
export function columnOf(source: string, needle: string): number | undefined {
  if (needle === '') return undefined;
  const index = source.indexOf(needle);
  return index < 0 ? undefined : index + 1;
}

/** Shortens text quoted in a message so that a 10,000-character selection never floods the UI. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? `"${flat}"` : `"${flat.slice(0, max - 1)}…"`;
}
