// A loss over data run from a note: the formula bound to the table (or lists) the note gives it, so
// "Run Gradient Descent" and the hover on the loss find the data beside it.
import { splitData, withData } from '../engine/data/bound';
import type { RunOptions } from '../engine/types';
import { PANEL_BATCH_SIZE } from './defaults';
import type { JobOf } from './jobs';
import { noteDataFor } from '../engine/data/noteData';
import { parseFormula } from '../engine/parse';

/** `formula` bound to the note's data when it sums over a data set and the note has some; else `formula`. */
export function withNoteData(formula: string, note: string, offset: number): string {
  let spec;
  try {
    spec = parseFormula(formula).data;
  } catch {
    return formula;
  }
  const found = spec === undefined ? undefined : noteDataFor(note, offset, spec);
  if (found === undefined) return formula;
  // Tab-separated as written: a bad cell is refused when the run reads it, in its one-line error.
  const lines = [found.header, ...found.rows].map((cells) =>
    cells.map((c) => c.replace(/[\t\n]/g, ' ')).join('\t'),
  );
  return withData(formula, found.origin, lines.join('\n'));
}

/** The panel's run on data for a formula text bound to its data (file-order batches of PANEL_BATCH_SIZE); undefined for any other text. */
export function panelDataRun(
  formula: string,
  options: RunOptions,
  fit = false,
): JobOf<'dataRun'> | undefined {
  if (splitData(formula).csv === undefined) return undefined;
  const batch = { batchSize: PANEL_BATCH_SIZE, shuffle: false, seed: 0 };
  return { kind: 'dataRun', formula, options, batch, ...(fit ? { fit: true } : {}) };
}
