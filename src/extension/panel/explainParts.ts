// The jobs the learning-rate view adds for its explanation: the quadratic model at the run's start
// for its η (κ along its path), and momentum's (η, β) map from the start for the run's own momentum
// optimizer (heavy ball when it has none).
import type { PhaseOptimizer } from '../../engine/phaseKernel';
import type { RunOptions, RunResult } from '../../engine/types';
import { CONDITION_SAMPLES } from '../../usecases/explain';
import type { JobOf } from '../../usecases/jobs';

/** The run's path, sampled for κ (the job samples again; fewer points make a smaller key). */
function sampledPath(run: RunResult): { iteration: number; point: readonly number[] }[] {
  const trace = run.trace;
  if (trace.length <= CONDITION_SAMPLES) {
    return trace.map((t) => ({ iteration: t.iteration, point: t.point }));
  }
  return Array.from({ length: CONDITION_SAMPLES }, (_, k) => {
    const t = trace[Math.round((k * (trace.length - 1)) / (CONDITION_SAMPLES - 1))]!;
    return { iteration: t.iteration, point: t.point };
  });
}

export function explainRequest(formula: string, options: RunOptions, run: RunResult): JobOf<'explain'> {
  return {
    kind: 'explain',
    formula,
    point: options.start,
    ...(typeof options.optimizer.lr === 'number' ? { lr: options.optimizer.lr } : {}),
    maximize: options.maximize,
    ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
    path: sampledPath(run),
  };
}

/**
 * The model at the kept iterate numbered `iteration` of the run's trace, κ along the same sampled path
 * as the start's (so the κ plot stays); undefined at the start (the start's own job says it) or for an
 * iterate the trace does not keep. Keyed by the point, so a path played again computes nothing.
 */
export function explainAtRequest(
  formula: string,
  options: RunOptions,
  run: RunResult,
  iteration: number,
): JobOf<'explain'> | undefined {
  if (iteration <= 0) return undefined;
  const at = run.trace.find((t) => t.iteration === iteration);
  if (!at) return undefined;
  return { ...explainRequest(formula, options, run), point: at.point };
}

/** The map's optimizer: the run's when it has a β to tune, else heavy ball. */
export function phaseOptimizerOf(options: RunOptions): PhaseOptimizer {
  const name = options.optimizer.name;
  return name === 'nesterov' || name === 'adam' ? name : 'momentum';
}

export function phaseRequest(formula: string, options: RunOptions): JobOf<'phase'> {
  return { kind: 'phase', formula, options, phase: { optimizer: phaseOptimizerOf(options) } };
}
