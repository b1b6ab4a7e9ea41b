// Analysis results as values: whatever goes wrong (bad formula, a bug, a cancelled or timed-out
// run) comes back as `{ ok: false, error }` with a message a person can read, never as a thrown
// exception or a stack trace. Shared by the worker, its client and inline runs.
import { analyze } from './analyze';
import type { EngineLimits } from './limits';
import { FormulaError, type Analysis, type AnalysisRequest, type FormulaErrorCode } from './types';

/** Error codes of an outcome: the formula's own, plus the ways a run can fail to finish. */
export type AnalysisErrorCode = FormulaErrorCode | 'cancelled' | 'timeout' | 'internal';

/** A failed analysis, ready to show. */
export interface AnalysisFailure {
  readonly message: string;
  readonly code: AnalysisErrorCode;
  /** 1-based column in the formula text, when known. */
  readonly column?: number;
}

/** The result of an analysis as a value. */
export type AnalysisOutcome =
  | { readonly ok: true; readonly analysis: Analysis }
  | { readonly ok: false; readonly error: AnalysisFailure };

/** Converts anything thrown into a failure value: FormulaErrors keep code and column, the rest is 'internal'. */
export function failureOf(error: unknown): AnalysisFailure {
  if (error instanceof FormulaError) {
    return error.column === undefined
      ? { message: error.message, code: error.code }
      : { message: error.message, code: error.code, column: error.column };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `Internal error: ${detail}`, code: 'internal' };
}

/** Runs `analyze` and returns its result or failure as a value; never throws. */
export function analyzeSafely(request: AnalysisRequest, limits?: Partial<EngineLimits>): AnalysisOutcome {
  try {
    return { ok: true, analysis: analyze(request, limits) };
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
}

/** Message from the client to the worker. */
export interface WorkerRequestMessage {
  readonly id: number;
  readonly request: AnalysisRequest;
  readonly limits?: Partial<EngineLimits>;
}

/** Message from the worker back to the client. */
export interface WorkerResponseMessage {
  readonly id: number;
  readonly outcome: AnalysisOutcome;
}
