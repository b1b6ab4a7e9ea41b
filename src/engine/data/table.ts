// A data set as a loss over data reads it: named numeric columns of equal length. Every reader (a
// Markdown table, a LaTeX tabular, Python lists, a CSV or TSV file) hands its header and cells to
// tableOf, which refuses ragged rows, non-numeric cells and data over the limits in one line each.
import { MAX_DATA_COLUMNS, MAX_DATA_ROWS, MAX_DATA_TEXT } from '../limits';
import { FormulaError } from '../types';

/** Columns of numbers, each `rows` long, named by the header. */
export interface DataTable {
  readonly columns: readonly string[];
  /** One array per column, in `columns` order. */
  readonly values: readonly Float64Array[];
  readonly rows: number;
  /** Where the data came from, for people ("the table in the note", "data.csv"). */
  readonly origin: string;
}

function dataError(message: string): FormulaError {
  return new FormulaError(message, 'bad-option');
}

/** A cell as a number: 1, -2.5, 1e-3, with a typographic minus; anything else is undefined. */
export function cellNumber(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/^\$(.*)\$$/, '$1')
    .replace(/−/g, '-')
    .trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const value = Number(t);
  return Number.isFinite(value) ? value : undefined;
}

/** A column name as the loss spells it: `x`, `x_1`, `x1`; LaTeX braces and $ are dropped. */
export function columnName(text: string): string {
  return text
    .trim()
    .replace(/^\$(.*)\$$/, '$1')
    .replace(/[{}\s\\]/g, '')
    .trim();
}

/** The table of `header` and `cells` (rows of cell text); throws a one-line FormulaError on bad data. */
export function tableOf(
  header: readonly string[],
  cells: readonly (readonly string[])[],
  origin: string,
): DataTable {
  const columns = header.map(columnName);
  if (columns.length === 0 || columns.every((c) => c === '')) {
    throw dataError(`The data in ${origin} has no header row naming its columns.`);
  }
  if (columns.length > MAX_DATA_COLUMNS) {
    throw dataError(
      `The data in ${origin} has ${columns.length} columns; at most ${MAX_DATA_COLUMNS} are read.`,
    );
  }
  const blank = columns.findIndex((c) => c === '');
  if (blank >= 0) throw dataError(`Column ${blank + 1} of the data in ${origin} has no name in the header.`);
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice !== undefined) throw dataError(`The data in ${origin} has two columns named ${twice}.`);
  if (cells.length === 0) throw dataError(`The data in ${origin} has a header but no rows.`);
  if (cells.length > MAX_DATA_ROWS) {
    throw dataError(
      `The data in ${origin} has ${cells.length.toLocaleString('en-US')} rows; at most ${MAX_DATA_ROWS.toLocaleString('en-US')} are read.`,
    );
  }
  const values = columns.map(() => new Float64Array(cells.length));
  cells.forEach((row, r) => {
    if (row.length !== columns.length) {
      throw dataError(
        `Row ${r + 1} of the data in ${origin} has ${row.length} cell${row.length === 1 ? '' : 's'}; the header names ${columns.length} columns.`,
      );
    }
    row.forEach((cell, c) => {
      const value = cellNumber(cell);
      if (value === undefined) {
        throw dataError(
          `Row ${r + 1}, column ${columns[c]} of the data in ${origin} is "${cell.trim().slice(0, 20)}", not a number.`,
        );
      }
      values[c][r] = value;
    });
  });
  return { columns, values, rows: cells.length, origin };
}

/** The table of named lists of numbers (Python's `x = [1, 2, 3]`); the lists must be equally long. */
export function tableOfLists(lists: ReadonlyMap<string, readonly string[]>, origin: string): DataTable {
  const names = [...lists.keys()];
  const lengths = names.map((n) => lists.get(n)!.length);
  const first = lengths[0] ?? 0;
  const odd = names.find((_, i) => lengths[i] !== first);
  if (odd !== undefined) {
    throw dataError(
      `The lists in ${origin} differ in length: ${names.map((n, i) => `${n} has ${lengths[i]}`).join(', ')}.`,
    );
  }
  const rows = Array.from({ length: first }, (_, r) => names.map((n) => lists.get(n)![r]));
  return tableOf(names, rows, origin);
}

/** A CSV or TSV text (header row first; tabs, commas or semicolons between cells) as a table. */
export function parseDelimited(text: string, origin: string): DataTable {
  if (text.length > MAX_DATA_TEXT) {
    throw dataError(
      `${origin} is ${text.length.toLocaleString('en-US')} characters long; data of up to ${MAX_DATA_TEXT.toLocaleString('en-US')} characters is read.`,
    );
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (lines.length === 0) throw dataError(`${origin} is empty.`);
  const separator = lines[0].includes('\t')
    ? '\t'
    : lines[0].includes(',')
      ? ','
      : lines[0].includes(';')
        ? ';'
        : /\s+/;
  const split = (line: string): string[] =>
    line
      .trim()
      .split(separator)
      .map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  return tableOf(split(lines[0]), lines.slice(1).map(split), origin);
}
