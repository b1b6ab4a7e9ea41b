// Run options as every surface hands them to a job: the start completed to the formula's variables,
// the optimizer and stop settings resolved to torch's defaults and checked, everything within the
// limits. A job key is built from these, so two surfaces asking for the same run share one result.
import { startPoint } from '../engine/descent';
import { clampRequest, type EngineLimits } from '../engine/limits';
import { resolveScheduler } from '../engine/schedulers/registry';
import { refuseInapplicable } from '../engine/optionsApply';
import { resolveOptimizer, resolveStop, sideRun } from '../engine/settings';
import type { FormulaInfo, RunOptions } from '../engine/types';

/**
 * Complete, checked options for a formula of `dimension` variables; throws a FormulaError
 * ('bad-option') for a start of the wrong length, or settings or a schedule torch would refuse.
 */
export function resolveRunOptions(options: RunOptions, dimension: number, limits: EngineLimits): RunOptions {
  const clamped = clampRequest({ formula: '', options }, limits).options;
  const stop = resolveStop(clamped.stop);
  // A setting the optimizer does not read is refused, not dropped, whichever surface sent it.
  refuseInapplicable(clamped.optimizer);
  const { fitStart: _fit, scheduler, ...rest } = clamped;
  return {
    ...rest,
    start: Array.from(startPoint(clamped.start, dimension, clamped.fitStart)),
    optimizer: resolveOptimizer(clamped.optimizer),
    // Completed and checked here too, so that equal schedules give equal job keys and a bad one is
    // refused before anything runs.
    ...(scheduler ? { scheduler: resolveScheduler(scheduler) } : {}),
    stop: { ...stop, maxIterations: Math.min(stop.maxIterations, limits.maxIterations) },
  };
}

/**
 * As resolveRunOptions for the formula `info` describes, keeping only the parameter values it has:
 * a panel run whose formula was edited may still carry a value for a name the new text dropped.
 */
export function resolveForFormula(
  options: RunOptions,
  info: Pick<FormulaInfo, 'variables' | 'parameters'>,
  limits: EngineLimits,
): RunOptions {
  const given = options.parameters;
  let kept = options;
  if (given !== undefined) {
    const { parameters: _given, ...rest } = options;
    const known = info.parameters.filter((p) => Object.prototype.hasOwnProperty.call(given, p.name));
    kept =
      known.length === 0
        ? rest
        : { ...rest, parameters: Object.fromEntries(known.map((p) => [p.name, given[p.name]!])) };
  }
  return resolveRunOptions(kept, info.variables.length, limits);
}

/** Resolved options with another learning rate (a sweep's regime, a slider value). */
export function withLearningRate(options: RunOptions, lr: number): RunOptions {
  return { ...options, optimizer: { ...options.optimizer, lr } };
}

/** Options of one of `share` side runs that together take about one run's budget, with `trace` points each. */
export function sideOptions(options: RunOptions, share: number, trace: number): RunOptions {
  return sideRun(options, share, trace);
}
