// The one place that words how a run went: whether it converged, stopped or diverged, why, what kind
// of point it reached, and what to try next; and what gd's η does along each direction of the
// curvature (crawls, oscillates, diverges). The panel, the hover, the CLI and the tables all say it
// with these words.
import { isConverged, isDiverged } from '../engine/stopReasons';
import { EXACT_RELATIVE, type DirectionEffect } from '../engine/quadraticModel';
import type { RunResult, StationaryKind, StopReason } from '../engine/types';
import { formatNumber, formatPoint, type NumberTextOptions } from '../shared/numberText';

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

/** One-word outcome of a stop reason; a tolerance met where the gradient is not small for f is no convergence. */
export function outcomeOf(run: Pick<RunResult, 'stopReason'> & Partial<RunFacts>): Outcome {
  if (isConverged(run.stopReason)) return falselyConverged(run) ? 'stopped' : 'converged';
  return isDiverged(run.stopReason) ? 'diverged' : 'stopped';
}

/** A tolerance stop (`--tol 5` on x² at 1) at a point the classification finds not stationary. */
function falselyConverged(run: Partial<RunFacts>): boolean {
  return run.stationary === 'not-stationary' && run.budgetCut !== 'classification';
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
      if (!falselyConverged(run)) return `Converged in ${n}`;
      return run.iterations === 0 ? 'Stopped at the start' : `Stopped after ${n}`;
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
  if (isConverged(run.stopReason) && falselyConverged(run)) {
    return "The gradient is not small for this function's scale there: lower the tolerance.";
  }
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

/** What gd's factor per step is said to shrink a component to. */
export const SHRINK_TARGET = 1e-6;
/** A vector component this close to ±1 names its variable instead of the vector. */
const AXIS_COMPONENT = 0.999;
const EFFECT_NUMBERS: NumberTextOptions = { digits: 2 };

/**
 * Two significant digits, every digit of a whole part up to 6 (ηλ = 100, not 1e2), and enough for a
 * factor just below 1 to show its distance from 1 (0.999, not 1).
 */
function short(value: number): string {
  const whole = Number.isFinite(value) && value !== 0 ? Math.floor(Math.log10(Math.abs(value))) + 1 : 0;
  const belowOne = value > 0 && value < 1 ? Math.ceil(-Math.log10(1 - value)) + 1 : 0;
  return formatNumber(value, { digits: Math.min(6, Math.max(2, whole, belowOne)) });
}

/** The direction as a variable ("w") when it lies along one axis, else its vector ("(0.45, 0.89)"). */
export function directionName(variables: readonly string[], vector: readonly number[]): string | undefined {
  const axis = vector.findIndex((c) => Math.abs(c) >= AXIS_COMPONENT);
  return axis >= 0 ? variables[axis] : undefined;
}

/** "about 700": steps for a factor to shrink a component to SHRINK_TARGET, to one significant figure from 100 on. */
export function stepsToShrink(factor: number): string {
  const steps = Math.log(SHRINK_TARGET) / Math.log(factor);
  const shown = steps < 100 ? Math.ceil(steps) : Number(steps.toPrecision(1));
  return `about ${shown.toLocaleString('en-US')} step${shown === 1 ? '' : 's'} to ${formatNumber(SHRINK_TARGET)}`;
}

/** One direction's effect in a sentence, in the person's variable names. */
export function effectSentence(variables: readonly string[], d: DirectionEffect): string {
  const name = directionName(variables, d.vector);
  const subject = name ?? 'It';
  const along = name === undefined ? ` along ${formatPoint(d.vector, EFFECT_NUMBERS)}` : '';
  const lambda = name === undefined ? 'λ' : `λ_${name}`;
  const product = `η·${lambda} = ${short(d.stepCurvature)}`;
  const factor = short(d.factor);
  const near = (target: number): boolean => Math.abs(d.stepCurvature - target) <= EXACT_RELATIVE * target;
  switch (d.behaviour) {
    case 'flat':
      return `${subject} is flat${along}: the gradient does not move ${name ?? 'it'}`;
    case 'diverges':
      return d.stepCurvature < 0
        ? `${subject} runs away${along}: the curvature is negative (${lambda} = ${short(d.eigenvalue)}), ×${factor} per step`
        : `${subject} diverges${along}: ${product}, past the critical 2, ×${factor} per step with alternating sign`;
    case 'oscillates':
      return near(2)
        ? `${subject} alternates sign each step${along}: ${product}, exactly the critical step`
        : `${subject} oscillates${along}, overshooting each step: ${product}, factor ${factor} per step, ${stepsToShrink(d.factor)}`;
    case 'crawls':
      return `${subject} crawls${along}: factor ${factor} per step, ${stepsToShrink(d.factor)}`;
    case 'converges':
      return near(1)
        ? `${subject} lands in one step${along}: ${product}`
        : `${subject} converges${along}: factor ${factor} per step, ${stepsToShrink(d.factor)}`;
  }
}

/**
 * The one or two effects worth naming for gd at its η: the direction that overshoots most (diverging
 * before oscillating), and the one that crawls slowest; the slowest converging one when neither.
 */
export function curvatureEffects(
  variables: readonly string[],
  directions: readonly DirectionEffect[],
): string[] {
  const rank: Record<DirectionEffect['behaviour'], number> = {
    diverges: 3,
    oscillates: 2,
    crawls: 1,
    converges: 0,
    flat: -1,
  };
  const wild = directions
    .filter((d) => d.behaviour === 'diverges' || d.behaviour === 'oscillates')
    .sort((a, b) => rank[b.behaviour] - rank[a.behaviour] || b.factor - a.factor)[0];
  const slow = directions
    .filter((d) => d.behaviour === 'crawls' || (wild === undefined && d.behaviour === 'converges'))
    .sort((a, b) => b.factor - a.factor)[0];
  return [wild, slow]
    .filter((d): d is DirectionEffect => d !== undefined)
    .map((d) => effectSentence(variables, d));
}

/** A fit after training on data, for the hover and the panel: "w = 2.00, b = 1.00 after 40 epochs". */
export function fitSentence(variables: readonly string[], point: readonly number[], epochs: number): string {
  const values = variables.map(
    (name, i) => `${name} = ${formatNumber(point[i] ?? NaN, { digits: 3, minus: '−' })}`,
  );
  const count = formatNumber(epochs, { digits: 3, minus: '−' });
  return `${values.join(', ')} after ${count} epoch${epochs === 1 ? '' : 's'}`;
}
