// The runs a view draws beside the person's own: the too-small, good and too-large learning rates of
// the sweep, and the optimizers the person compares from the same start.
import { ALL_OPTIMIZER_NAMES, optimizerDescriptor } from '../engine/optimizers/registry';
import { resolveOptimizer } from '../engine/settings';
import type { OptimizerName, RunOptions } from '../engine/types';
import { COMPARED_OPTIMIZERS, SIDE_TRACE_POINTS } from './defaults';
import type { Curvature, SweepOutcome } from './jobs';
import { sideOptions, withLearningRate } from './runOptions';

/** The regimes' runs: the person's optimizer at the sweep's too-small, good and too-large η. */
export function regimeOptions(options: RunOptions, sweep: SweepOutcome): readonly RunOptions[] {
  const { small, good, large } = sweep.regimes;
  return [small, good, large].map((lr) => sideOptions(withLearningRate(options, lr), 3, SIDE_TRACE_POINTS));
}

/** The optimizers a comparison runs: the picked ones and the person's own, in display order. */
export function comparedNames(own: OptimizerName, picked: readonly OptimizerName[]): OptimizerName[] {
  return ALL_OPTIMIZER_NAMES.filter((name) => name === own || picked.includes(name));
}

/**
 * One run per compared optimizer, in display order: 'own' for the person's own optimizer, which is
 * their run exactly as set (with its schedule); the others at a constant η, without the schedule
 * (a cyclic one would set every optimizer's rate alike): the adaptive and second-order ones at their
 * default η (a step per coordinate, or the Newton step, roughly scale-free); the SGD family at its
 * default η capped by 1/λmax at the start, the classic stable step, because the SGD default on a
 * steep function only shows a divergence.
 */
export function comparisonOptions(
  options: RunOptions,
  curvature: Curvature,
  picked: readonly OptimizerName[] = COMPARED_OPTIMIZERS,
): readonly (RunOptions | 'own')[] {
  const names = comparedNames(options.optimizer.name ?? 'gd', picked);
  const lambdaMax = curvature.lambdaMax;
  const stable = Number.isFinite(lambdaMax) && lambdaMax > 0 ? 1 / lambdaMax : Infinity;
  const { scheduler: _schedule, ...constant } = options;
  return names.map((name) => {
    if (name === (options.optimizer.name ?? 'gd')) return 'own';
    const defaults = resolveOptimizer({ name });
    const sgd = optimizerDescriptor(name).family === 'sgd';
    const settings = sgd ? { ...defaults, lr: Math.min(defaults.lr, stable) } : defaults;
    return sideOptions({ ...constant, optimizer: settings }, names.length, SIDE_TRACE_POINTS);
  });
}
