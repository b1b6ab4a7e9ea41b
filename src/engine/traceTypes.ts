// A run's recorded iterates and why and where it ended.
/** The step of a run that its time budget cut: its iterations (stop reason 'time-budget') or the classification of its end. */
export type BudgetCut = 'iterations' | 'classification';

/** Why a run ended. */
export type StopReason =
  | 'gradient-tolerance'
  | 'step-tolerance'
  | 'value-tolerance'
  | 'max-iterations'
  | 'time-budget'
  | 'diverged'
  | 'non-finite'
  /** Newton's method met a Hessian (plus its shift) that is not positive definite (negative when maximizing). */
  | 'not-positive-definite';

/** Every stop reason, indexed by the code generated loops return (the message guards check against it too). */
export const STOP_CODES: readonly StopReason[] = [
  'max-iterations',
  'non-finite',
  'diverged',
  'gradient-tolerance',
  'step-tolerance',
  'value-tolerance',
  'time-budget',
  'not-positive-definite',
];

/** Kind of point reached, from the Hessian's eigenvalues ('not-stationary' when the gradient is not small). */
export type StationaryKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'not-stationary';

/** One recorded iterate; iteration 0 is the start. */
export interface TracePoint {
  readonly iteration: number;
  readonly point: readonly number[];
  readonly value: number;
  readonly gradientNorm: number;
  /**
   * The learning rate of the step that led here (torch's param_groups[0]['lr'] at that step): kept
   * when a scheduler or line search makes it vary, absent at the start and on constant-rate runs.
   */
  readonly learningRate?: number;
}
