// What is wrong with a control's value, in words for the message beside it (undefined when it is
// fine). Pure functions, tested in Node; the controls show the message and send nothing until fixed.
import { LIMITS } from '../shared/protocol';

/** The initial point's text, read as numbers (`point`) or not. */
export function startProblem(text: string, point: readonly number[] | undefined): string | undefined {
  if (point) return undefined;
  const shown = text.trim();
  return shown === ''
    ? 'Type the initial point: one number per variable, separated by commas.'
    : `“${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}” is not a list of numbers: write e.g. 1, -2.5.`;
}

/** The learning rate's box: a positive number. */
export function rateProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Type a learning rate η, a number above 0.';
  const value = Number(text);
  return value > 0 && Number.isFinite(value) ? undefined : `η must be a number above 0 (not ${text.trim()}).`;
}

/** Max iterations: a whole number from 1 to the limit. */
export function iterationsProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 1 && value <= LIMITS.maxIterations
    ? undefined
    : `Max iterations must be a whole number from 1 to ${LIMITS.maxIterations.toLocaleString('en-US')}.`;
}

/** The gradient tolerance: from 0 to 1. */
export function toleranceProblem(value: number): string | undefined {
  return value >= 0 && value <= 1 ? undefined : 'The gradient tolerance must be a number from 0 to 1.';
}

/** A run on data's batch size: a whole number of rows from 1 up. */
export function batchSizeProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 1 && value <= LIMITS.batchSize
    ? undefined
    : `The batch size must be a whole number of rows from 1 to ${LIMITS.batchSize.toLocaleString('en-US')}.`;
}

/** Epochs: empty (max iterations set the length) or a whole number from 1 to the limit. */
export function epochsProblem(text: string, value: number): string | undefined {
  if (text.trim() === '') return undefined;
  return Number.isInteger(value) && value >= 1 && value <= LIMITS.epochs
    ? undefined
    : `Epochs must be empty or a whole number from 1 to ${LIMITS.epochs.toLocaleString('en-US')}.`;
}

/** The shuffle's seed: a whole number from 0 to 2³¹ − 1. */
export function seedProblem(value: number): string | undefined {
  return Number.isInteger(value) && value >= 0 && value <= LIMITS.seed
    ? undefined
    : `The seed must be a whole number from 0 to ${LIMITS.seed.toLocaleString('en-US')}.`;
}
