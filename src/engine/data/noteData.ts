// Data sets written in a note beside the loss: Markdown pipe tables (the header row names the
// columns), LaTeX tabulars (the first row names them), and Python lists or NumPy arrays assigned
// in the same file (`x = [1, 2, 3]`, `y = np.array([...])`).
import type { DataSpec } from '../types';
import { columnName } from './table';

/** A table found in a note, as written (read and checked by tableOf when it is used), with the offset where it starts. */
export interface NoteTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly origin: string;
  readonly offset: number;
}

const splitRow = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());

const isSeparator = (line: string): boolean => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);

/** Every Markdown pipe table: a header row, a `|---|---|` row, then rows, until a line without a pipe. */
export function markdownTables(text: string): NoteTable[] {
  const lines = text.split('\n');
  const found: NoteTable[] = [];
  let offset = 0;
  const offsets = lines.map((line) => {
    const at = offset;
    offset += line.length + 1;
    return at;
  });
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].includes('|') || !isSeparator(lines[i + 1])) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].includes('|') && lines[j].trim() !== ''; j++) {
      rows.push(splitRow(lines[j]));
    }
    const origin = `the table on line ${i + 1}`;
    found.push({ header: splitRow(lines[i]), rows, origin, offset: offsets[i] });
    i = j - 1;
  }
  return found;
}

/** Every LaTeX tabular: cells split by &, rows by \\, rules (\hline, \toprule …) dropped; the first row is the header. */
export function latexTabulars(text: string): NoteTable[] {
  const found: NoteTable[] = [];
  const pattern = /\\begin\{tabular\}\{[^}]*\}([\s\S]*?)\\end\{tabular\}/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const rows = m[1]
      .replace(/\\(hline|toprule|midrule|bottomrule)\b/g, '')
      .split('\\\\')
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map((r) => r.split('&').map((c) => c.trim()));
    if (rows.length === 0) continue;
    const line = text.slice(0, m.index).split('\n').length;
    found.push({
      header: rows[0],
      rows: rows.slice(1),
      origin: `the tabular on line ${line}`,
      offset: m.index,
    });
  }
  return found;
}

/** The lists assigned in a file (`x = [1, 2]`, `y = np.array([3, 4])`), as one table of the names asked for. */
export function pythonLists(text: string, names: readonly string[]): NoteTable[] {
  const lists = new Map<string, string[]>();
  let first = Infinity;
  const pattern = /^[ \t]*([A-Za-z_]\w*)\s*=\s*(?:(?:np|numpy)\.array\(\s*)?\[([^\][]*)\]\s*\)?/gm;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!names.includes(m[1])) continue;
    lists.set(
      m[1],
      m[2]
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    );
    first = Math.min(first, m.index);
  }
  if (lists.size === 0) return [];
  const header = [...lists.keys()];
  const length = Math.max(...header.map((n) => lists.get(n)!.length));
  // Shorter lists leave their cells empty, which tableOf refuses, naming the row.
  const rows = Array.from({ length }, (_, r) => header.map((n) => lists.get(n)![r] ?? ''));
  return [{ header, rows, origin: 'the lists in the file', offset: first }];
}

/** The column names a loss's references could read (x for x_i; x1, x_1 for x_{i,1}). */
export function wantedColumns(spec: DataSpec): string[] {
  return spec.columns.flatMap((c) =>
    c.feature === undefined ? [c.base] : [`${c.base}${c.feature}`, `${c.base}_${c.feature}`],
  );
}

function covers(table: NoteTable, spec: DataSpec): boolean {
  const columns = table.header.map(columnName);
  return spec.columns.every((c) =>
    c.feature === undefined
      ? columns.includes(c.base)
      : columns.includes(`${c.base}${c.feature}`) || columns.includes(`${c.base}_${c.feature}`),
  );
}

/**
 * The data set a loss at `offset` reads from its note: among the tables (or lists) whose columns it
 * needs, the nearest one; else the nearest table of all (its run then names the missing column);
 * undefined when the note has none.
 */
export function noteDataFor(text: string, offset: number, spec: DataSpec): NoteTable | undefined {
  const tables = [...markdownTables(text), ...latexTabulars(text), ...pythonLists(text, wantedColumns(spec))];
  if (tables.length === 0) return undefined;
  const byDistance = [...tables].sort((a, b) => Math.abs(a.offset - offset) - Math.abs(b.offset - offset));
  return byDistance.find((t) => covers(t, spec)) ?? byDistance[0];
}
