// The messages between the host and its worker thread, each with its schema (the worker is our own
// code, but what crosses a thread is still checked before use). A job is a request; its outcome is
// the reply. Cancelling a running job sets a shared flag the job's loop reads (no message can reach
// a worker that is busy computing).
import type { EngineLimits } from '../engine/limits';
import { id, isRecord, literal, object, ok, fail, union, type Infer, type Schema } from '../shared/schema';
import type { JobRequest } from '../usecases/jobs';
import type { JobOutcome } from '../usecases/jobOutcome';

/** Slot of the shared flag array that holds the id of the job to stop. */
export const CANCEL_SLOT = 0;

/** Anything the engine will check itself (a job request, limits): here only that it is an object. */
function record<T>(what: string): Schema<T> {
  return { parse: (v) => (isRecord(v) ? ok(v as T) : fail(`${what} is not an object`)) };
}

/** host → worker: compute this job (a request; `jobId` is what the cancel flag names). */
const jobMessage = object({
  type: literal('job'),
  jobId: id(),
  request: record<JobRequest>('request'),
  limits: record<EngineLimits>('limits'),
});

/** host → worker: load the engine's lazily initialised parts now, before the first real job. */
const warmMessage = object({ type: literal('warm') });

/** Everything the host sends to the worker. */
export const toWorker = union('type', { job: jobMessage, warm: warmMessage });
export type ToWorker = Infer<typeof toWorker>;

/** worker → host: the answer to a job. */
const outcomeMessage = object({ type: literal('outcome'), outcome: record<JobOutcome>('outcome') });

/** Everything the worker sends to the host. */
export const fromWorker = union('type', { outcome: outcomeMessage });
export type FromWorker = Infer<typeof fromWorker>;
