// The panel's way into the engine: the worker client, with runs queued one at a time (the client
// runs one request at a time and would cancel the previous one), failures turned into errors.
import { AnalysisClient } from '../../engine/workerClient';
import type { EngineLimits } from '../../engine/limits';
import type { Analysis, AnalysisRequest } from '../../engine/types';
import type { Analyzer } from './scheduler';

/** A user-facing engine failure, read by the scheduler like a FormulaError. */
class EngineFailure extends Error {
  constructor(
    message: string,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** An analyzer over a worker client, plus ways to change its limits and to stop its worker. */
export interface PanelAnalyzer {
  readonly analyze: Analyzer;
  setLimits(limits: Partial<EngineLimits>): void;
  dispose(): void;
}

/** Creates the analyzer for one panel; `workerScript` is dist/worker.js. */
export function createAnalyzer(workerScript: string, limits: Partial<EngineLimits>): PanelAnalyzer {
  const client = new AnalysisClient({ workerScript, limits });
  let tail: Promise<void> = Promise.resolve();
  const analyze = async (request: AnalysisRequest, signal: AbortSignal): Promise<Analysis> => {
    const previous = tail;
    let release = (): void => undefined;
    tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      if (signal.aborted) throw new EngineFailure('Run cancelled.');
      const outcome = await client.run(request, { signal });
      if (outcome.ok) return outcome.analysis;
      throw new EngineFailure(outcome.error.message, outcome.error.column);
    } finally {
      release();
    }
  };
  return { analyze, setLimits: (limits) => client.setLimits(limits), dispose: () => client.dispose() };
}
