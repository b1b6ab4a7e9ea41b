// The webview's requests the session answers with a line for the person: copy a run's iterations or
// its code, save a plot, read a data file the person picks.
import type { CodeLanguage } from '../../engine/export';
import type { JobService } from '../../host/jobService';
import { runCodeFor } from './code';
import type { SessionEffects } from './sessionEffects';
import type { RunRecord } from './state';
import { iterationTableFor } from './tables';

/** Copies run `record`'s iterations as a Markdown table or CSV; what to tell the person. */
export async function copyIterations(
  jobs: JobService,
  effects: SessionEffects,
  record: RunRecord | undefined,
  format: 'markdown' | 'csv',
): Promise<string> {
  if (!record) return 'Nothing to copy: the run is gone.';
  const table = await iterationTableFor(jobs, record, format);
  if (typeof table !== 'object') return `Nothing to copy yet: ${table}.`;
  await effects.copy(table.text);
  return `Copied ${table.rows} iterations as ${format === 'markdown' ? 'a Markdown table' : 'CSV'}.`;
}

/** Copies run `record` as a standalone script; what to tell the person. */
export async function copyCode(
  jobs: JobService,
  effects: SessionEffects,
  record: RunRecord | undefined,
  language: CodeLanguage,
): Promise<string> {
  if (!record) return 'Nothing to copy: the run is gone.';
  const code = await runCodeFor(jobs, record, language);
  if (typeof code !== 'object') return `Nothing to copy yet: ${code}.`;
  await effects.copy(code.text);
  return code.notice;
}

/** Saves a plot where the person says; what to tell them (nothing when they cancelled). */
export async function savePlot(
  effects: SessionEffects,
  format: 'svg' | 'png',
  data: string,
  name: string,
): Promise<string> {
  try {
    const where = await effects.save(format, data, name);
    return where ? `Saved ${where}` : '';
  } catch (error) {
    return `Could not save the plot: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The file the person picks: its name and text, undefined when cancelled, or what went wrong reading it. */
export async function pickFile(
  effects: SessionEffects,
): Promise<{ readonly origin: string; readonly text: string } | { readonly error: string } | undefined> {
  try {
    return await effects.pickData?.();
  } catch (error) {
    return { error: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` };
  }
}
