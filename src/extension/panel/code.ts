// A panel run as a standalone script, from the same run job the panel draws (cached, so copying runs
// nothing new): the script takes as many steps as the run took before a stop test fired, as the
// CLI's `code` command does. Built from the allow-listed tree, never from the person's text.
import { exportCode, type CodeLanguage } from '../../engine/export';
import { optimizerDescriptor } from '../../engine/optimizers/registry';
import { parseFormula } from '../../engine/parse';
import type { JobService } from '../../host/jobService';
import { resolveRunOptions } from '../../usecases/runOptions';
import type { RunRecord } from './state';

const LANGUAGE_NAMES: Readonly<Record<CodeLanguage, string>> = { pytorch: 'PyTorch', numpy: 'NumPy' };

/** The run's script and the line that tells the person what was copied, or why there is none. */
export async function runCodeFor(
  jobs: JobService,
  record: RunRecord,
  language: CodeLanguage,
): Promise<{ text: string; notice: string } | string> {
  const info = await jobs.get({ kind: 'formula', formula: record.formula });
  if (!info.ok) return 'the formula has an error';
  let options;
  try {
    options = resolveRunOptions(record.options, info.value.variables.length, jobs.limits);
  } catch {
    return 'the run has an error';
  }
  const run = await jobs.get({ kind: 'run', formula: record.formula, options });
  if (!run.ok) return 'the run has an error';
  // The same text the job parsed, so the same tree (parsing is cheap next to the run).
  const formula = parseFormula(record.formula, { maxLength: jobs.limits.maxFormulaLength });
  const { iterations } = run.value;
  const text = exportCode({ formula, options, iterations }, language);
  const optimizer = optimizerDescriptor(run.value.optimizer).label;
  const schedule = run.value.scheduler ? ` with ${run.value.scheduler}` : '';
  const steps = `${iterations} ${iterations === 1 ? 'step' : 'steps'}`;
  return {
    text,
    notice: `Copied the run as a ${LANGUAGE_NAMES[language]} script: ${steps} of ${optimizer}${schedule}; it prints the final point.`,
  };
}
