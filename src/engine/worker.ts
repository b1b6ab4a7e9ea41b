// Worker-thread entry (bundled to dist/worker.js): runs analyses off the extension host's thread.
// Each message is one request; the answer is always an outcome value, never an uncaught throw.
import { parentPort } from 'node:worker_threads';
import { analyzeSafely, failureOf, type WorkerRequestMessage, type WorkerResponseMessage } from './outcome';

const port = parentPort;
if (port) {
  port.on('message', (message: WorkerRequestMessage) => {
    const id = typeof message?.id === 'number' ? message.id : -1;
    let response: WorkerResponseMessage;
    try {
      response = { id, outcome: analyzeSafely(message.request, message.limits) };
    } catch (error) {
      response = { id, outcome: { ok: false, error: failureOf(error) } };
    }
    port.postMessage(response);
  });
}
