// Runs analyses for the extension host without blocking it. Requests whose estimated work is under
// `inlineBelowMs` (default 50 ms) run inline; the rest go to a worker thread that is kept warm
// between runs. A run is cancelled by its AbortSignal, by its timeout, or by starting the next run
// (the worker is terminated and restarted on demand). Every path resolves to an outcome value.
import { Worker } from 'node:worker_threads';
import { estimateWorkMs } from './estimate';
import { resolveLimits, type EngineLimits } from './limits';
import {
  analyzeSafely,
  type AnalysisOutcome,
  type WorkerRequestMessage,
  type WorkerResponseMessage,
} from './outcome';
import type { AnalysisRequest } from './types';

/** How the client is set up. */
export interface AnalysisClientOptions {
  /** Absolute path of the worker script (the extension passes `context.asAbsolutePath('dist/worker.js')`). */
  readonly workerScript: string;
  /** Limits passed to every analysis. */
  readonly limits?: Partial<EngineLimits>;
  /** Requests estimated below this many ms run inline (0 sends everything to the worker). */
  readonly inlineBelowMs?: number;
  /** Default timeout of a worker run, in ms. */
  readonly timeoutMs?: number;
  /** Node options for the worker thread. */
  readonly execArgv?: readonly string[];
  /** Start a fresh worker right after one is terminated, so the next run does not wait for it to load (default true). */
  readonly keepWarm?: boolean;
}

/** Per-run options. */
export interface RunControl {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** Default timeout of a worker run. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default inline threshold. */
export const DEFAULT_INLINE_BELOW_MS = 50;

/** Loads the worker's lazily initialised parts (mathjs, the LaTeX parser); its answer is ignored. */
const WARM_UP: WorkerRequestMessage = {
  id: 0,
  request: {
    formula: '$f(x) = x^{2}$',
    options: { start: [1], optimizer: {}, stop: { maxIterations: 1 }, maximize: false, traceLimit: 2 },
  },
};

interface Pending {
  readonly id: number;
  settle(outcome: AnalysisOutcome, workerIsSound: boolean): void;
}

/** Runs analyses inline or in a worker thread; one run at a time, a new run cancels the previous. */
export class AnalysisClient {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private nextId = 1;
  private limits: EngineLimits;
  private disposed = false;

  constructor(private readonly options: AnalysisClientOptions) {
    this.limits = resolveLimits(options.limits);
  }

  /** Limits for the runs that start from now on (settings changed); a run in flight keeps its own. */
  setLimits(limits: Partial<EngineLimits>): void {
    this.limits = resolveLimits(limits);
  }

  /** True when the request would run inline rather than in the worker. */
  runsInline(request: AnalysisRequest): boolean {
    return estimateWorkMs(request, this.limits) < (this.options.inlineBelowMs ?? DEFAULT_INLINE_BELOW_MS);
  }

  /** Analyzes the request; resolves with an outcome (never rejects). Cancels any run in flight. */
  run(request: AnalysisRequest, control: RunControl = {}): Promise<AnalysisOutcome> {
    this.cancel();
    if (this.disposed) return Promise.resolve(failed('cancelled', 'The analysis client was closed.'));
    if (control.signal?.aborted) return Promise.resolve(failed('cancelled', 'The run was cancelled.'));
    if (this.runsInline(request)) return Promise.resolve(analyzeSafely(request, this.limits));
    return this.runInWorker(request, control);
  }

  /** Cancels the run in flight, if any (its promise resolves with code 'cancelled'). */
  cancel(): void {
    this.pending?.settle(failed('cancelled', 'The run was cancelled.'), false);
  }

  /** Starts the worker and loads the engine in it ahead of the first run (module loading takes a few hundred ms). */
  warmUp(): void {
    if (this.disposed || this.worker) return;
    try {
      this.ensureWorker().postMessage(WARM_UP);
    } catch {
      // A worker that cannot start reports it on the next run.
    }
  }

  /** Cancels any run and stops the worker for good. */
  dispose(): void {
    this.disposed = true;
    this.cancel();
    this.stopWorker();
  }

  private runInWorker(request: AnalysisRequest, control: RunControl): Promise<AnalysisOutcome> {
    const id = this.nextId++;
    return new Promise<AnalysisOutcome>((resolve) => {
      let worker: Worker;
      try {
        worker = this.ensureWorker();
      } catch (error) {
        resolve(failed('internal', `Could not start the analysis worker: ${(error as Error).message}`));
        return;
      }
      const timeoutMs = control.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const onAbort = (): void => pending.settle(failed('cancelled', 'The run was cancelled.'), false);
      const timer = setTimeout(
        () =>
          pending.settle(
            failed('timeout', `The run took longer than ${Math.round(timeoutMs)} ms and was stopped.`),
            false,
          ),
        timeoutMs,
      );
      const pending: Pending = {
        id,
        settle: (outcome, workerIsSound) => {
          if (this.pending !== pending) return;
          this.pending = undefined;
          clearTimeout(timer);
          control.signal?.removeEventListener('abort', onAbort);
          // A worker still computing cannot be interrupted any other way.
          if (!workerIsSound) this.stopWorker();
          resolve(outcome);
        },
      };
      this.pending = pending;
      control.signal?.addEventListener('abort', onAbort, { once: true });
      const message: WorkerRequestMessage = { id, request, limits: this.limits };
      try {
        worker.postMessage(message);
      } catch (error) {
        pending.settle(
          failed('internal', `Could not send the request to the worker: ${(error as Error).message}`),
          false,
        );
      }
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(
      this.options.workerScript,
      this.options.execArgv ? { execArgv: [...this.options.execArgv] } : {},
    );
    // The host decides when to exit; an idle worker must not keep it alive.
    worker.unref();
    worker.on('message', (message: WorkerResponseMessage) => {
      if (this.pending && message?.id === this.pending.id) this.pending.settle(message.outcome, true);
    });
    worker.on('error', (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.pending?.settle(failed('internal', `The analysis worker failed: ${error.message}`), false);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.pending?.settle(failed('internal', 'The analysis worker stopped unexpectedly.'), false);
    });
    this.worker = worker;
    return worker;
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
    if (worker && this.options.keepWarm !== false && !this.disposed) this.warmUp();
  }
}

function failed(code: 'cancelled' | 'timeout' | 'internal', message: string): AnalysisOutcome {
  return { ok: false, error: { message, code } };
}
