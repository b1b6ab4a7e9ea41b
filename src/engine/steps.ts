// Worked steps: the first few updates written out with the gradient, the optimizer's state in
// torch's names (momentum_buffer, exp_avg, exp_avg_sq and the bias-corrected m̂, v̂ ...) and the
// learning rate actually used. Drives the same optimizer (and scheduler) as runDescent.
import { createRun, startPoint } from './descent';
import { bindParameters } from './parameters';
import type { Problem, RunOptions, WorkedStep } from './types';

/** Writes out up to `count` updates from the start; stops early once a value or point is not finite, or the optimizer cannot step. */
export function explainSteps(problem: Problem, options: RunOptions, count: number): WorkedStep[] {
  const dimension = problem.dimension;
  bindParameters(problem, options.parameters);
  const { optimizer, scheduler } = createRun(problem, options);
  const x = startPoint(options.start, dimension, options.fitStart);
  const gradient = new Float64Array(dimension);
  const steps: WorkedStep[] = [];
  for (let k = 0; k < count; k++) {
    const value = problem.valueAndGradient(x, gradient);
    if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) break;
    const point = Array.from(x);
    const learningRate = optimizer.step(x, gradient, value);
    if (optimizer.stopReason !== undefined) break;
    scheduler?.step(value);
    steps.push({
      iteration: k,
      point,
      value,
      gradient: Array.from(gradient),
      quantities: optimizer.state().map((q) => ({ name: q.name, symbol: q.symbol, value: [...q.value] })),
      learningRate,
      next: Array.from(x),
    });
    if (!x.every(Number.isFinite)) break;
  }
  return steps;
}
