// The runs a view draws beside the person's own: the too-small, good and too-large learning rates of
// the sweep, and every optimizer from the same start for the comparison.
import { resolveOptimizer } from '../engine/settings';
import { OPTIMIZER_NAMES, type OptimizerName, type RunOptions } from '../engine/types';
import { SIDE_TRACE_POINTS } from './defaults';
import type { Curvature, SweepOutcome } from './jobs';
import { sideOptions, withLearningRate } from './runOptions';

const SGD_FAMILY: ReadonlySet<OptimizerName> = new Set(['gd', 'momentum', 'nesterov']);

/** The regimes' runs: the person's optimizer at the sweep's too-small, good and too-large η. */
export function regimeOptions(options: RunOptions, sweep: SweepOutcome): readonly RunOptions[] {
  const { small, good, large } = sweep.regimes;
  return [small, good, large].map((lr) => sideOptions(withLearningRate(options, lr), 3, SIDE_TRACE_POINTS));
}

/**
 * One run per optimizer for the comparison, in display order: 'own' for the person's own optimizer,
 * which is their run exactly as set; the other adaptive ones at their defaults (their η is a step per
 * coordinate, roughly scale-free); the other SGD-family ones at their default η capped by 1/λmax at the
 * start, the classic stable step, because the SGD default on a steep function only shows a divergence.
 */
export function comparisonOptions(
  options: RunOptions,
  curvature: Curvature,
): readonly (RunOptions | 'own')[] {
  const own = options.optimizer.name ?? 'gd';
  const lambdaMax = curvature.lambdaMax;
  const stable = Number.isFinite(lambdaMax) && lambdaMax > 0 ? 1 / lambdaMax : Infinity;
  return OPTIMIZER_NAMES.map((name) => {
    if (name === own) return 'own';
    const defaults = resolveOptimizer({ name });
    const settings = SGD_FAMILY.has(name) ? { ...defaults, lr: Math.min(defaults.lr, stable) } : defaults;
    return sideOptions({ ...options, optimizer: settings }, OPTIMIZER_NAMES.length, SIDE_TRACE_POINTS);
  });
}
