// The extension host's engine: one cache of compiled formulas, one job cache and one worker per
// window, shared by the panel and Insert Iteration Table. New limits (settings) give a new cache.
import type { EngineLimits } from '../engine/limits';
import type { ProblemSource } from '../usecases/problems';
import { JobService } from './jobService';
import { createProblemCache } from './problemCache';
import { WorkerRunner } from './workerRunner';

/** The engine of one window. */
export class EngineHost {
  private current:
    { readonly key: string; readonly jobs: JobService; readonly problems: ProblemSource } | undefined;
  private limits: EngineLimits;
  private readonly worker: WorkerRunner;

  constructor(workerScript: string, limits: EngineLimits) {
    this.limits = limits;
    this.worker = new WorkerRunner(workerScript, () => this.limits);
  }

  /** The job cache for these limits (the same one while they do not change). */
  jobs(limits: EngineLimits): JobService {
    const key = JSON.stringify(limits);
    if (this.current?.key !== key) {
      this.limits = limits;
      const problems = createProblemCache(limits);
      this.current = { key, problems, jobs: new JobService({ problems, limits, remote: this.worker }) };
    }
    return this.current.jobs;
  }

  /** The compiled formulas under these limits (the hover reads them). */
  problems(limits: EngineLimits): ProblemSource {
    this.jobs(limits);
    return this.current!.problems;
  }

  /** Starts the worker ahead of the first heavy job. */
  warmUp(): void {
    this.worker.warmUp();
  }

  dispose(): void {
    this.worker.dispose();
  }
}
