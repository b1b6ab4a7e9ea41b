// What a stop reason says about a run, as a leaf module: the webview's words (usecases/wording.ts)
// need these without pulling in the engine.
import type { StopReason } from './types';

/** True for the stop reasons of a run that converged. */
export function isConverged(reason: StopReason): boolean {
  return reason === 'gradient-tolerance' || reason === 'step-tolerance' || reason === 'value-tolerance';
}

/** True for the stop reasons of a run that blew up. */
export function isDiverged(reason: StopReason): boolean {
  return reason === 'diverged' || reason === 'non-finite';
}
