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

/** Per run: the part for the iterate the player is on, and its computation (a newer position cancels it). */
export class PlayerCurvature {
  private readonly parts = new Map<number, ScenePart>();
  private readonly work = new Map<number, AbortController>();

  /**
   * Explains run `id` at its player's iterate (`record`; none when the run is not shown there), and
   * keeps the part. Undefined when a newer call or `forget` cancelled it.
   */
  async update(
    id: number,
    jobs: JobService,
    record: RunRecord | undefined,
  ): Promise<{ readonly part: ScenePart | undefined } | undefined> {
    this.work.get(id)?.abort();
    const controller = new AbortController();
    this.work.set(id, controller);
    const part = record ? await explainHereFor(jobs, record, controller.signal) : undefined;
    if (controller.signal.aborted) return undefined;
    this.work.delete(id);
    if (part) this.parts.set(id, part);
    else this.parts.delete(id);
    return { part };
  }

  /** Run `id`'s part, when there is one. */
  get(id: number): ScenePart | undefined {
    return this.parts.get(id);
  }

  /** Cancels run `id`'s computation and drops its part. */
  forget(id: number): void {
    this.work.get(id)?.abort();
    this.work.delete(id);
    this.parts.delete(id);
  }

  /** Cancels every computation. */
  abort(): void {
    for (const controller of this.work.values()) controller.abort();
  }
}
