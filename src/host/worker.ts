// Worker-thread entry (bundled to dist/worker.js): computes the jobs that are too heavy for the host's
// thread. One job at a time; each answer is an outcome value, never an uncaught throw. A job stops
// early when the host writes its id into the shared cancel flag.
import { parentPort, workerData } from 'node:worker_threads';
import { resolveLimits, type EngineLimits } from '../engine/limits';
import { MessageChannel } from '../shared/channel';
import { runJob } from '../usecases/jobOutcome';
import type { ProblemSource } from '../usecases/problems';
import { createProblemCache } from './problemCache';
import { CANCEL_SLOT, toWorker, type FromWorker, type ToWorker } from './workerProtocol';

const port = parentPort;
const flags = workerData instanceof Int32Array ? workerData : new Int32Array(1);

let problems: { readonly key: string; readonly source: ProblemSource } | undefined;
function problemsFor(limits: EngineLimits): ProblemSource {
  const key = JSON.stringify(limits);
  if (problems?.key !== key) problems = { key, source: createProblemCache(limits) };
  return problems.source;
}

function handle(message: ToWorker): FromWorker | undefined {
  if (message.type === 'warm') {
    const limits = resolveLimits();
    runJob(
      { kind: 'formula', formula: '$f(x) = \\frac{1}{2}x^{2}$' },
      { problems: problemsFor(limits), limits },
    );
    return undefined;
  }
  const limits = resolveLimits(message.limits);
  const control = { interrupted: () => Atomics.load(flags, CANCEL_SLOT) === message.jobId };
  return {
    type: 'outcome',
    outcome: runJob(message.request, { problems: problemsFor(limits), limits, control }),
  };
}

if (port) {
  const channel = new MessageChannel<ToWorker, FromWorker>({
    post: (m) => port.postMessage(m),
    incoming: toWorker,
    handle,
  });
  port.on('message', (raw: unknown) => channel.receive(raw));
}
