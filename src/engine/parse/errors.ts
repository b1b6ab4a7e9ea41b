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
