// The job cache: each job's outcome kept by its key, computed once however many callers ask for it at
// once, and run where its estimated cost says (inline when cheap, else in the worker). A caller's
// AbortSignal withdraws its interest; a job nobody is interested in any more is cancelled. The
// counts of computed jobs per kind are kept for tests and the bench.
import type { EngineLimits } from '../engine/limits';
import { LruCache } from '../shared/lruCache';
import { estimateJobMs } from '../usecases/cost';
import { INLINE_BUDGET_MS, JOB_CACHE_SIZE } from '../usecases/defaults';
import { jobKey, type JobKind, type JobOf, type JobRequest } from '../usecases/jobs';
import { CANCELLED, runJob, type JobOutcome } from '../usecases/jobOutcome';
import type { ProblemSource } from '../usecases/problems';

/** Runs jobs somewhere else than the caller's thread. */
export interface RemoteRunner {
  run<K extends JobKind>(request: JobOf<K>, signal?: AbortSignal): Promise<JobOutcome<K>>;
}

interface InFlight {
  readonly promise: Promise<JobOutcome>;
  readonly controller: AbortController;
  interested: number;
}

/** Where the job cache runs jobs. */
export interface JobServiceOptions {
  readonly problems: ProblemSource;
  readonly limits: EngineLimits;
  /** The worker; without one every job runs inline. */
  readonly remote?: RemoteRunner;
  readonly capacity?: number;
  readonly inlineBudgetMs?: number;
}

/** Cached, shared, cancellable jobs. */
export class JobService {
  private readonly cache: LruCache<string, JobOutcome>;
  private readonly inFlight = new Map<string, InFlight>();
  /** Jobs computed (not served from the cache), per kind. */
  readonly computed: Record<JobKind, number> = {
    formula: 0,
    gradientText: 0,
    run: 0,
    landscape: 0,
    curvature: 0,
    sweep: 0,
    basins: 0,
    steps: 0,
    explain: 0,
    phase: 0,
    dataRun: 0,
  };

  constructor(private readonly options: JobServiceOptions) {
    this.cache = new LruCache(options.capacity ?? JOB_CACHE_SIZE);
  }

  /** The limits jobs run under. */
  get limits(): EngineLimits {
    return this.options.limits;
  }

  /** The outcome when it is already known, computing nothing. */
  peek<K extends JobKind>(request: JobOf<K>): JobOutcome<K> | undefined {
    return this.cache.get(jobKey(request)) as JobOutcome<K> | undefined;
  }

  /** The job's outcome: from the cache, from a computation in flight, or computed now. */
  get<K extends JobKind>(request: JobOf<K>, signal?: AbortSignal): Promise<JobOutcome<K>> {
    const key = jobKey(request);
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached as JobOutcome<K>);
    if (signal?.aborted) return Promise.resolve({ ok: false, error: CANCELLED });
    let flight = this.inFlight.get(key);
    // A computation everybody gave up on is being cancelled: a new caller starts it again.
    if (flight?.controller.signal.aborted) {
      this.inFlight.delete(key);
      flight = undefined;
    }
    if (!flight) {
      flight = this.start(key, request);
      if (!this.inFlight.has(key)) return flight.promise as Promise<JobOutcome<K>>;
    }
    const current = flight;
    // Every caller counts; one without a signal never withdraws, so the job always finishes for it.
    current.interested++;
    signal?.addEventListener(
      'abort',
      () => {
        if (--current.interested === 0) current.controller.abort();
      },
      { once: true },
    );
    return current.promise as Promise<JobOutcome<K>>;
  }

  /** Forgets every outcome (the limits or the engine changed). */
  clear(): void {
    this.cache.clear();
  }

  private start(key: string, request: JobRequest): InFlight {
    this.computed[request.kind]++;
    const controller = new AbortController();
    const remote = this.options.remote;
    const cost = estimateJobMs(request, this.options.problems, this.options.limits);
    if (!remote || cost <= (this.options.inlineBudgetMs ?? INLINE_BUDGET_MS)) {
      const outcome = runJob(request, { problems: this.options.problems, limits: this.options.limits });
      this.cache.set(key, outcome);
      return { promise: Promise.resolve(outcome), controller, interested: 0 };
    }
    const flight: InFlight = {
      promise: remote.run(request, controller.signal).then((outcome) => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        if (outcome.ok || outcome.error.code !== 'cancelled') this.cache.set(key, outcome);
        return outcome;
      }),
      controller,
      interested: 0,
    };
    this.inFlight.set(key, flight);
    return flight;
  }
}
