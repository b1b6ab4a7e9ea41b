// A loss over data run from a note: the formula bound to the table (or lists) the note gives it, so
// "Run Gradient Descent" and the hover on the loss find the data beside it.
import { splitData, withData } from '../engine/data/bound';
import type { RunOptions } from '../engine/types';
import { PANEL_BATCH } from './defaults';
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

/** How the panel's controls take a run's rows (PANEL_BATCH until the person sets them). */
export type PanelBatch = typeof PANEL_BATCH;

/** The panel's run on data for a formula text bound to its data, by `panel` (PANEL_BATCH by default); undefined for any other text. */
export function panelDataRun(
  formula: string,
  options: RunOptions,
  fit = false,
  panel: PanelBatch = PANEL_BATCH,
): JobOf<'dataRun'> | undefined {
  if (splitData(formula).csv === undefined) return undefined;
  // File order has no seed: left at 0 so one order is one job key, whatever seed the field holds.
  const batch = { batchSize: panel.batchSize, shuffle: panel.shuffle, seed: panel.shuffle ? panel.seed : 0 };
  const epochs = panel.epochs === undefined ? {} : { epochs: panel.epochs };
  return { kind: 'dataRun', formula, options, batch, ...epochs, ...(fit ? { fit: true } : {}) };
}
