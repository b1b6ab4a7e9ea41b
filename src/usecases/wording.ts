// The one place that words how a run went: whether it converged, stopped or diverged, why, what kind
// of point it reached, and what to try next. The panel, the hover, the CLI and the tables all say it
// with these words.
import { isConverged, isDiverged } from '../engine/stopReasons';
import type { RunResult, StationaryKind, StopReason } from '../engine/types';
import { formatNumber } from '../shared/numberText';

/** How a run ended, in one word: the run list and the tables show it. */
export type Outcome = 'converged' | 'stopped' | 'diverged';

/** The words for one run. */
export interface OutcomeWords {
  readonly outcome: Outcome;
  /** "Converged in 30 iterations", "Diverged at iteration 12", "The start is already a local minimum". */
  readonly headline: string;
  /** Why it ended: "the gradient became smaller than the tolerance". */
  readonly reason: string;
  /** The kind of point it ended at: "a local minimum". */
  readonly point: string;
  /** What to try next, when something would help. */
  readonly advice?: string;
  /** True when no step was taken because the start already met a tolerance. */
  readonly atStart: boolean;
}

/** The facts of a run the words are built from. */
export type RunFacts = Pick<RunResult, 'stopReason' | 'iterations' | 'stationary' | 'unbounded'> &
  Partial<Pick<RunResult, 'budgetCut'>>;

/** The step of a run its time budget cut, in words. */
export function budgetCutText(cut: NonNullable<RunResult['budgetCut']>): string {
  return cut === 'iterations'
    ? 'the time budget ran out during the iterations'
    : 'the time budget ran out before the end point was classified';
}

/** "1 iteration", "2 iterations". */
export function iterationCount(n: number): string {
  return `${n} iteration${n === 1 ? '' : 's'}`;
}

/** The kind of point, as a phrase: "a local minimum". */
export function stationaryText(kind: StationaryKind): string {
  switch (kind) {
    case 'minimum':
      return 'a local minimum';
    case 'maximum':
      return 'a local maximum';
    case 'saddle':
      return 'a saddle point';
    case 'degenerate':
      return 'a stationary point of unclear kind (the Hessian is singular)';
    case 'not-stationary':
      return 'not a stationary point (the gradient is not small)';
  }
}

const REASONS: Readonly<Record<StopReason, string>> = {
  'gradient-tolerance': 'the gradient became smaller than the tolerance',
  'step-tolerance': 'the steps became smaller than the tolerance',
  'value-tolerance': 'the value stopped changing',
  'max-iterations': 'the iteration limit was reached before it converged',
  'time-budget': 'the time budget ran out',
  diverged: 'the values grew without bound',
  'non-finite': 'the function or its gradient is undefined there',
  'not-positive-definite': "the Hessian is not positive definite there, so Newton's step would not descend",
};

/** One-word outcome of a stop reason. */
export function outcomeOf(run: Pick<RunResult, 'stopReason'>): Outcome {
  return isConverged(run.stopReason) ? 'converged' : isDiverged(run.stopReason) ? 'diverged' : 'stopped';
}

/** Why the run ended, in words (for a start that met a tolerance, that it does). */
function reasonOf(run: RunFacts, atStart: boolean): string {
  if (run.unbounded) {
    return `f ${run.unbounded === 'below' ? 'fell' : 'rose'} without bound (towards ${run.unbounded === 'below' ? '−∞' : '+∞'})`;
  }
  if (atStart) return START_REASONS[run.stopReason] ?? REASONS[run.stopReason];
  return REASONS[run.stopReason];
}

const START_REASONS: Partial<Record<StopReason, string>> = {
  'gradient-tolerance': 'the gradient there is below the tolerance',
  'step-tolerance': 'the first step is below the tolerance',
  'value-tolerance': 'the value does not change',
};

function headlineOf(run: RunFacts, atStart: boolean): string {
  const n = iterationCount(run.iterations);
  if (atStart) return `The start is already ${stationaryText(run.stationary)}`;
  switch (run.stopReason) {
    case 'gradient-tolerance':
    case 'step-tolerance':
    case 'value-tolerance':
      return `Converged in ${n}`;
    case 'max-iterations':
      return `Stopped after the maximum of ${n}`;
    case 'time-budget':
    case 'not-positive-definite':
      return `Stopped after ${n}`;
    case 'diverged':
    case 'non-finite':
      return run.stopReason === 'diverged'
        ? `Diverged at iteration ${run.iterations}`
        : `Stopped at iteration ${run.iterations}`;
  }
}

function adviceOf(run: RunFacts, atStart: boolean): string | undefined {
  if (atStart) return 'There is nothing to descend: choose another start.';
  if (run.unbounded) {
    const fell = run.unbounded === 'below';
    return `It has no ${fell ? 'minimum' : 'maximum'} along this path; a smaller learning rate only slows the ${fell ? 'fall' : 'climb'}.`;
  }
  if (run.stopReason === 'diverged') return 'Try a smaller learning rate.';
  return undefined;
}

/** The words for how a run went. */
export function describeOutcome(run: RunFacts): OutcomeWords {
  const atStart = run.iterations === 0 && isConverged(run.stopReason) && run.stationary !== 'not-stationary';
  const advice = adviceOf(run, atStart);
  return {
    outcome: outcomeOf(run),
    headline: headlineOf(run, atStart),
    reason: reasonOf(run, atStart),
    // A classification the budget cut says nothing about the point: say so rather than "not stationary".
    point:
      run.budgetCut === 'classification'
        ? 'not classified (the time budget ran out first)'
        : stationaryText(run.stationary),
    ...(advice !== undefined ? { advice } : {}),
    atStart,
  };
}

/** The outcome as one or two sentences: "Converged in 30 iterations: the gradient became smaller than the tolerance." */
export function outcomeSentence(run: RunFacts): string {
  const words = describeOutcome(run);
  const first = `${words.headline}: ${words.reason}.`;
  return words.advice ? `${first} ${words.advice}` : first;
}

/** A fit after training on data, for the hover and the panel: "w = 2.00, b = 1.00 after 40 epochs". */
export function fitSentence(variables: readonly string[], point: readonly number[], epochs: number): string {
  const values = variables.map(
    (name, i) => `${name} = ${formatNumber(point[i] ?? NaN, { digits: 3, minus: '−' })}`,
  );
  const count = formatNumber(epochs, { digits: 3, minus: '−' });
  return `${values.join(', ')} after ${count} epoch${epochs === 1 ? '' : 's'}`;
}
