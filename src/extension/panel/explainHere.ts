// The learning-rate view's curvature at the iterate its player is on: the explain job at that kept
// iterate of the run's (cached) path, as a part for the summary's `explainHere` slot. Nothing new is
// run: without the run's result in the cache there is nothing to explain yet.
import type { JobService } from '../../host/jobService';
import { jobKey } from '../../usecases/jobs';
import { resolveForFormula } from '../../usecases/runOptions';
import { explainAtRequest } from './explainParts';
import { wire } from './partWire';
import type { ScenePart } from './sceneTypes';
import type { RunRecord } from './state';

/** The part explaining the curvature at `record.explainAt`, or undefined (at the start, cancelled, failed). */
export async function explainHereFor(
  jobs: JobService,
  record: RunRecord,
  signal: AbortSignal,
): Promise<ScenePart | undefined> {
  if (record.explainAt === undefined) return undefined;
  const info = jobs.peek({ kind: 'formula', formula: record.formula });
  if (!info?.ok) return undefined;
  let options;
  try {
    options = resolveForFormula(record.options, info.value, jobs.limits);
  } catch {
    return undefined;
  }
  const run = jobs.peek({ kind: 'run', formula: record.formula, options });
  if (!run?.ok) return undefined;
  const request = explainAtRequest(record.formula, options, run.value, record.explainAt);
  if (!request) return undefined;
  const outcome = await jobs.get(request, signal);
  if (signal.aborted || !outcome.ok) return undefined;
  return { slot: 'explainHere', key: jobKey(request), value: wire('explain', outcome.value), request };
}
