// The worker thread's work: computes the jobs that are too heavy for the host's thread. One job at a
// time; each answer is an outcome value, never an uncaught throw. A job stops early when the host
// writes its id into the shared cancel flag. It lives in the engine bundle (dist/engine.js), which
// the thread's entry (worker.ts) requires.
import type { MessagePort } from 'node:worker_threads';
import { resolveLimits, type EngineLimits } from '../engine/limits';
import { MessageChannel } from '../shared/channel';
import { WARM_UP_FORMULA } from '../usecases/defaults';
import { runJob } from '../usecases/jobOutcome';
import type { ProblemSource } from '../usecases/problems';
import { createProblemCache } from './problemCache';
import { CANCEL_SLOT, toWorker, type FromWorker, type ToWorker } from './workerProtocol';

/** Answers the host's jobs on `port`; `flags` is the shared cancel flag. */
export function serveJobs(port: MessagePort, flags: Int32Array): void {
  let problems: { readonly key: string; readonly source: ProblemSource } | undefined;
  const problemsFor = (limits: EngineLimits): ProblemSource => {
    const key = JSON.stringify(limits);
    if (problems?.key !== key) problems = { key, source: createProblemCache(limits) };
    return problems.source;
  };
  const handle = (message: ToWorker): FromWorker | undefined => {
    if (message.type === 'warm') {
      const limits = resolveLimits();
      runJob({ kind: 'formula', formula: WARM_UP_FORMULA }, { problems: problemsFor(limits), limits });
      return undefined;
    }
    const limits = resolveLimits(message.limits);
    const control = { interrupted: () => Atomics.load(flags, CANCEL_SLOT) === message.jobId };
    return {
      type: 'outcome',
      outcome: runJob(message.request, { problems: problemsFor(limits), limits, control }),
    };
  };
  const channel = new MessageChannel<ToWorker, FromWorker>({
    post: (m) => port.postMessage(m),
    incoming: toWorker,
    handle,
  });
  port.on('message', (raw: unknown) => channel.receive(raw));
}
