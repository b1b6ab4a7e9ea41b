// Worker-thread entry (bundled to dist/worker.js, a few lines that require dist/engine.js): serves
// the host's jobs on the thread's port (workerMain.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { serveJobs } from './workerMain';

if (parentPort) serveJobs(parentPort, workerData instanceof Int32Array ? workerData : new Int32Array(1));
