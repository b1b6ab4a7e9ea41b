// Runs jobs in a worker thread, one at a time, so that heavy ones never block the extension host. The
// worker starts early (warmUp) and stays warm between jobs; a queued job whose caller lost interest is
// dropped without running, a running one is asked to stop through a shared flag (and the worker is
// replaced if it does not stop soon). Every path resolves to an outcome value.
import { Worker } from 'node:worker_threads';
import type { EngineLimits } from '../engine/limits';
import { MessageChannel } from '../shared/channel';
import type { JobKind, JobOf } from '../usecases/jobs';
import { CANCELLED, type JobOutcome } from '../usecases/jobOutcome';
import { CANCEL_SLOT, fromWorker, type FromWorker, type ToWorker } from './workerProtocol';

/** How long a cancelled job may take to stop before its worker is replaced. */
const STOP_GRACE_MS = 2_000;
/** A job running longer than this (beyond any run's budget) is stopped and its worker replaced. */
const HARD_TIMEOUT_MS = 150_000;

interface Queued {
  readonly request: JobOf<JobKind>;
  readonly resolve: (outcome: JobOutcome) => void;
  readonly signal: AbortSignal | undefined;
}

interface Live {
  readonly worker: Worker;
  readonly channel: MessageChannel<FromWorker, ToWorker>;
}

const internal = (message: string): JobOutcome => ({ ok: false, error: { message, code: 'internal' } });

/** The worker thread and its queue. */
export class WorkerRunner {
  private live: Live | undefined;
  private readonly queue: Queued[] = [];
  private running: Queued | undefined;
  private runningId = 0;
  private readonly flags = new Int32Array(new SharedArrayBuffer(4));
  private nextJobId = 1;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly limits: () => EngineLimits,
  ) {}

  /** Computes `request` in the worker; resolves when done, cancelled (through `signal`) or failed. */
  run<K extends JobKind>(request: JobOf<K>, signal?: AbortSignal): Promise<JobOutcome<K>> {
    if (this.disposed || signal?.aborted) return Promise.resolve({ ok: false, error: CANCELLED });
    return new Promise<JobOutcome<K>>((resolve) => {
      const item: Queued = { request, resolve: resolve as (o: JobOutcome) => void, signal };
      signal?.addEventListener('abort', () => this.drop(item), { once: true });
      this.queue.push(item);
      this.next();
    });
  }

  /** Starts the worker and loads the engine in it, so the first heavy job does not wait for that. */
  warmUp(): void {
    if (this.disposed) return;
    try {
      this.ensure().channel.notify({ type: 'warm' });
    } catch {
      // A worker that cannot start says so on its first job.
    }
  }

  /** Cancels everything and stops the worker for good. */
  dispose(): void {
    this.disposed = true;
    for (const item of this.queue.splice(0)) item.resolve({ ok: false, error: CANCELLED });
    this.stop('The worker was closed.');
  }

  private drop(item: Queued): void {
    const index = this.queue.indexOf(item);
    if (index >= 0) {
      this.queue.splice(index, 1);
      item.resolve({ ok: false, error: CANCELLED });
    } else if (this.running === item) {
      Atomics.store(this.flags, CANCEL_SLOT, this.runningId);
      const live = this.live;
      setTimeout(() => {
        if (this.running === item && this.live === live) this.stop('The computation did not stop in time.');
      }, STOP_GRACE_MS).unref();
    }
  }

  private next(): void {
    if (this.running || this.queue.length === 0) return;
    const item = this.queue.shift()!;
    let live: Live;
    try {
      live = this.ensure();
    } catch (error) {
      item.resolve(internal(`Could not start the worker: ${(error as Error).message}`));
      this.next();
      return;
    }
    this.running = item;
    const jobId = this.nextJobId++;
    this.runningId = jobId;
    const timer = setTimeout(
      () => this.stop('The computation took too long and was stopped.'),
      HARD_TIMEOUT_MS,
    );
    timer.unref();
    live.channel
      .request({ type: 'job', jobId, request: item.request, limits: this.limits() })
      .then(
        (reply) => this.finish(item, reply.outcome),
        (error: Error) => this.finish(item, internal(error.message)),
      )
      .finally(() => clearTimeout(timer));
  }

  private finish(item: Queued, outcome: JobOutcome): void {
    if (this.running !== item) return;
    this.running = undefined;
    item.resolve(item.signal?.aborted ? { ok: false, error: CANCELLED } : outcome);
    this.next();
  }

  private ensure(): Live {
    if (this.live) return this.live;
    const worker = new Worker(this.script, { workerData: this.flags });
    // The host decides when to exit; an idle worker must not keep it alive.
    worker.unref();
    const channel = new MessageChannel<FromWorker, ToWorker>({
      post: (m) => worker.postMessage(m),
      incoming: fromWorker,
      handle: () => undefined,
    });
    worker.on('message', (raw: unknown) => channel.receive(raw));
    const gone = (why: string): void => {
      if (this.live?.worker !== worker) return;
      this.live = undefined;
      channel.close(why);
    };
    worker.on('error', (error: Error) => gone(`The worker failed: ${error.message}`));
    worker.on('exit', () => gone('The worker stopped unexpectedly.'));
    this.live = { worker, channel };
    return this.live;
  }

  private stop(reason: string): void {
    const live = this.live;
    this.live = undefined;
    if (!live) return;
    live.channel.close(reason);
    void live.worker.terminate();
    if (!this.disposed) this.warmUp();
  }
}
