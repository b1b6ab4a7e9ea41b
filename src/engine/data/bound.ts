// A formula with its data set, as one text: the jobs, the job cache and the worker key everything by
// formula text, so a loss over data travels as its formula followed by a marker and the data as
// CSV. The marker holds a NUL, which no formula can contain (refuseInvisible refuses it).
import { MAX_DATA_TEXT } from '../limits';
import { FormulaError } from '../types';
import { parseDelimited, type DataTable } from './table';

const MARKER = '\n\u0000data\u0000';

/** The text of `formula` bound to a data set given as CSV/TSV text; `origin` names it for people. */
export function withData(formula: string, origin: string, csv: string): string {
  if (origin.includes('\n') || origin.includes('\u0000')) throw new Error('Bad data origin');
  return `${formula}${MARKER}${origin}\n${csv}`;
}

/** The same, from a table already read (the note's table, Python lists). */
export function withTable(formula: string, table: DataTable): string {
  const rows = Array.from({ length: table.rows }, (_, r) => table.values.map((c) => String(c[r])).join(','));
  return withData(formula, table.origin, [table.columns.join(','), ...rows].join('\n'));
}

/** The formula part of a text, and its data text when it has some. */
export function splitData(text: string): { formula: string; origin?: string; csv?: string } {
  const at = text.indexOf(MARKER);
  if (at < 0) return { formula: text };
  const rest = text.slice(at + MARKER.length);
  const newline = rest.indexOf('\n');
  if (newline < 0) return { formula: text.slice(0, at) };
  return { formula: text.slice(0, at), origin: rest.slice(0, newline), csv: rest.slice(newline + 1) };
}

/** The data set of a text bound by withData, read and checked; undefined for a bare formula. */
export function dataOfText(text: string): DataTable | undefined {
  const { origin, csv } = splitData(text);
  if (origin === undefined || csv === undefined) return undefined;
  if (csv.length > MAX_DATA_TEXT) {
    throw new FormulaError(
      `The data in ${origin} is longer than ${MAX_DATA_TEXT.toLocaleString('en-US')} characters.`,
      'too-long',
    );
  }
  return parseDelimited(csv, origin);
}

/** The formula a person reads and edits in a bound text (the data stays out of sight). */
export function formulaPart(text: string): string {
  return splitData(text).formula;
}

/** An edited formula with the data the original text was bound to, so an edit keeps the data. */
export function rebindData(edited: string, original: string): string {
  const at = original.indexOf(MARKER);
  return at < 0 || edited.includes(MARKER) ? edited : `${edited}${original.slice(at)}`;
}

/** "J(w, b) = … (data: the table on line 3)" for lists and titles; the text itself without data. */
export function describeBound(text: string): string {
  const { formula, origin } = splitData(text);
  return origin === undefined ? text : `${formula} (data: ${origin})`;
}

/** What stands for data a host holds (a file's, too big for the webview): `FILE_REF<id>\0<rows>`. */
export const FILE_REF = '\u0000file\u0000';

/** The rows of a bound text's data (its non-empty lines after the header, or a held file's count); 0 without data. */
export function boundRows(text: string): number {
  const { csv } = splitData(text);
  if (csv === undefined) return 0;
  if (csv.startsWith(FILE_REF)) return Number(csv.split('\u0000').pop()) || 0;
  let lines = 0;
  for (const line of csv.split('\n')) if (line.trim() !== '') lines++;
  return Math.max(0, lines - 1);
}
