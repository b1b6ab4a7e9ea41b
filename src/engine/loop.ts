// The iteration loop shared by every optimizer. fusedGd.ts generates the same loop with plain gd and
// the gradient inlined; the two must agree bit for bit (tested), so change both together.
import type { Optimizer } from './optimizers';
import type { Scheduler } from './schedulers';
import type { TraceRecorder } from './trace';
import type { Problem, StopReason } from './types';

/** Clock reads happen once per this many iterations. */
export const CLOCK_INTERVAL = 256;

/** The iterate between the loop and its caller; updated in place. */
export interface LoopState {
  readonly x: Float64Array;
  readonly gradient: Float64Array;
  value: number;
  gradientNorm: number;
  iterations: number;
}

/**
 * Stop tests of one run, resolved; a tolerance of 0 never fires because norms are ≥ 0. The step and
 * value tolerances are relative: to max(1, ‖x‖) and max(1, |f|), so they mean the same far from 0.
 */
export interface LoopLimits {
  readonly maxIterations: number;
  readonly gradientTolerance: number;
  readonly stepTolerance: number;
  readonly valueTolerance: number;
  /** |f| above this is divergence. */
  readonly divergenceLimit: number;
  readonly timeBudgetMs: number;
  /** performance.now() at the start of the run. */
  readonly startedAt: number;
  /** Asked with the clock: true stops the run (as 'time-budget'), e.g. when its job was cancelled. */
  readonly interrupted?: () => boolean;
}

/** True when the run must stop at this clock check: its budget ran out or its caller interrupts it. */
export function outOfTime(limits: LoopLimits): boolean {
  if (limits.interrupted?.() === true) return true;
  return limits.timeBudgetMs > 0 && performance.now() - limits.startedAt > limits.timeBudgetMs;
}

export { STOP_CODES } from './traceTypes';

/** ‖v‖₂ summed left to right (the generated loop sums in the same order). */
export function norm(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}

/** True when every entry is finite (f, x and ∇f must be, or the run stops as 'non-finite'). */
export function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/**
 * The schedule of a run: torch's scheduler.step() after each optimizer step. `stepRate` records the
 * rate the step returned (the line search's accepted step) instead of the group's.
 */
export interface LoopSchedule {
  readonly scheduler: Scheduler | undefined;
  readonly stepRate: boolean;
}

/** Runs optimizer steps from `state` until a stop test fires; returns the reason. */
export function genericLoop(
  problem: Problem,
  optimizer: Optimizer,
  state: LoopState,
  limits: LoopLimits,
  recorder: TraceRecorder,
  schedule: LoopSchedule = { scheduler: undefined, stepRate: false },
): StopReason {
  const { x, gradient } = state;
  const n = x.length;
  const previous = new Float64Array(n);
  const { scheduler, stepRate } = schedule;
  let { value, iterations } = state;
  let lastRate = NaN;
  let reason: StopReason;
  for (;;) {
    if (iterations >= limits.maxIterations) {
      reason = 'max-iterations';
      break;
    }
    const previousValue = value;
    previous.set(x);
    const groupRate = optimizer.group.lr;
    const used = optimizer.step(x, gradient, value);
    if (optimizer.stopReason !== undefined) {
      reason = optimizer.stopReason;
      break;
    }
    lastRate = stepRate ? used : groupRate;
    scheduler?.step(previousValue);
    let stepSquared = 0;
    let sizeSquared = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i] - previous[i];
      stepSquared += d * d;
      sizeSquared += x[i] * x[i];
    }
    const step = Math.sqrt(stepSquared);
    const size = Math.max(1, Math.sqrt(sizeSquared));
    value = problem.valueAndGradient(x, gradient);
    iterations++;
    const gradientNorm = norm(gradient);
    state.gradientNorm = gradientNorm;
    if (!recorder.endpointsOnly) recorder.record(x, value, gradientNorm, lastRate);
    if (!(Number.isFinite(value) && allFinite(x) && allFinite(gradient))) reason = 'non-finite';
    else if (Math.abs(value) > limits.divergenceLimit) reason = 'diverged';
    else if (gradientNorm < limits.gradientTolerance) reason = 'gradient-tolerance';
    else if (step < limits.stepTolerance * size) reason = 'step-tolerance';
    else if (Math.abs(value - previousValue) < limits.valueTolerance * Math.max(1, Math.abs(value))) {
      reason = 'value-tolerance';
    } else if (iterations % CLOCK_INTERVAL === 0 && outOfTime(limits)) {
      reason = 'time-budget';
    } else continue;
    break;
  }
  state.value = value;
  state.iterations = iterations;
  if (recorder.endpointsOnly) recorder.recordLast(iterations, x, value, state.gradientNorm, lastRate);
  return reason;
}
