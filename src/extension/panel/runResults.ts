// A panel run's latest results as the job cache holds them, for GradientPanel.runs() (tests, Insert
// Iteration Table): only what is already computed; nothing is asked for.
import type { RunOptions, RunResult, SweepResult, SweepSettings } from '../../engine/types';
import type { RunSummary } from '../../shared/protocol';
import type { JobService } from '../../host/jobService';
import { resolveForFormula } from '../../usecases/runOptions';
import type { RunRecord } from './state';

/** A run with its latest results, as `GradientPanel.runs()` reports it (tests, Insert Iteration Table). */
export interface PanelRunResult {
  readonly formula: string;
  readonly options: RunOptions;
  readonly summary: RunSummary;
  /** The run's result, once computed. */
  readonly run?: RunResult;
  /** Its learning-rate sweep, once the learning-rate view computed it. */
  readonly sweep?: SweepResult;
  readonly error?: string;
}

/** Run `record`'s results, with its summary, from what the job cache holds. */
export function runResultOf(
  jobs: JobService,
  record: RunRecord,
  summary: RunSummary,
  sweepSettings: Partial<SweepSettings>,
): PanelRunResult {
  const info = jobs.peek({ kind: 'formula', formula: record.formula });
  let run: RunResult | undefined;
  let sweep: SweepResult | undefined;
  if (info?.ok) {
    try {
      const options = resolveForFormula(record.options, info.value, jobs.limits);
      const ran = jobs.peek({ kind: 'run', formula: record.formula, options });
      const swept = jobs.peek({
        kind: 'sweep',
        formula: record.formula,
        options,
        sweep: sweepSettings,
      });
      run = ran?.ok ? ran.value : undefined;
      sweep = swept?.ok ? swept.value.sweep : undefined;
    } catch {
      // Options the engine refuses: the summary carries the message.
    }
  }
  return {
    formula: record.formula,
    options: record.options,
    summary,
    ...(run ? { run } : {}),
    ...(sweep ? { sweep } : {}),
    ...(summary.error ? { error: summary.error.message } : {}),
  };
}
