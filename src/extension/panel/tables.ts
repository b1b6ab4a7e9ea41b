// The iteration table of a panel run, from the same run job the panel draws (cached, so copying
// computes nothing new).
import type { JobService } from '../../host/jobService';
import { resolveForFormula } from '../../usecases/runOptions';
import { iterationsCsv, iterationsMarkdown, listedRows, tableCaption } from '../../usecases/tables';
import type { RunRecord } from './state';

/** The run's table and its row count, or why there is none. */
export async function iterationTableFor(
  jobs: JobService,
  record: RunRecord,
  format: 'markdown' | 'csv',
): Promise<{ text: string; rows: number } | string> {
  const info = await jobs.get({ kind: 'formula', formula: record.formula });
  if (!info.ok) return 'the formula has an error';
  let options;
  try {
    options = resolveForFormula(record.options, info.value, jobs.limits);
  } catch {
    return 'the run has an error';
  }
  const run = await jobs.get({ kind: 'run', formula: record.formula, options });
  if (!run.ok) return 'the run has an error';
  const caption = tableCaption(record.formula, run.value);
  const text =
    format === 'markdown' ? iterationsMarkdown(run.value, { caption }) : iterationsCsv(run.value, caption);
  return { text, rows: listedRows(run.value) };
}
