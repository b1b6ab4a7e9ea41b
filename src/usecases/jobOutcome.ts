// Job results as values: whatever goes wrong (bad formula text or options, a bug, a cancelled job)
// comes back as `{ ok: false, error }` with a message a person can read, never as a thrown exception
// or a stack trace. The host, its worker and the tests all speak it.
import { FormulaError, type FormulaErrorCode } from '../engine/types';
import { computeJob, type JobContext, type JobKind, type JobOf, type JobValues } from './jobs';

/** Why a job has no value: the formula's own error codes, or that it was cancelled or failed inside. */
export type JobErrorCode = FormulaErrorCode | 'cancelled' | 'internal';

/** A failed job, ready to show. */
export interface JobFailure {
  readonly message: string;
  readonly code: JobErrorCode;
  /** 1-based column in the formula text, when known. */
  readonly column?: number;
}

/** A job's value or failure. */
export type JobOutcome<K extends JobKind = JobKind> =
  { readonly ok: true; readonly value: JobValues[K] } | { readonly ok: false; readonly error: JobFailure };

/** Anything thrown, as a failure: FormulaErrors keep code and column, the rest is 'internal' without a stack. */
export function failureOf(error: unknown): JobFailure {
  if (error instanceof FormulaError) {
    return error.column === undefined
      ? { message: error.message, code: error.code }
      : { message: error.message, code: error.code, column: error.column };
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { message: `Internal error: ${detail.slice(0, 300)}`, code: 'internal' };
}

/** The failure of a job that was cancelled before it finished. */
export const CANCELLED: JobFailure = { message: 'The computation was cancelled.', code: 'cancelled' };

/** Computes a job and returns its value or failure; never throws. A job interrupted by its control is 'cancelled'. */
export function runJob<K extends JobKind>(request: JobOf<K>, ctx: JobContext): JobOutcome<K> {
  try {
    const value = computeJob(request, ctx);
    if (ctx.control?.interrupted() === true) return { ok: false, error: CANCELLED };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
}
