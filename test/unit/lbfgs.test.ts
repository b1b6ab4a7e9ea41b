// LBFGS's bookkeeping inside one step(), worked by hand on f(x) = x² (∇f = 2x) and checked against
// torch 1.13 by counting closure calls: which inner iterations evaluate f, and where the step stops.
// The trajectories themselves are in reference.test.ts.
import { strict as assert } from 'node:assert';
import { createOptimizer } from '../../src/engine/optimizers';
import type { OptimizerSettings, Problem } from '../../src/engine/types';

/** x² with a count of its evaluations. */
function countedSquare(): Problem & { evaluations: number } {
  const problem = {
    variables: ['x'],
    dimension: 1,
    gradientMethod: 'symbolic' as const,
    evaluations: 0,
    value: (x: Float64Array) => x[0] * x[0],
    valueAndGradient(x: Float64Array, out: Float64Array): number {
      problem.evaluations++;
      out[0] = 2 * x[0];
      return x[0] * x[0];
    },
    gradientText: () => ['2 x'],
  };
  return problem;
}

/** One step() from x0, with ∇f and f at x0 given as the descent loop gives them. */
function oneStep(settings: Partial<OptimizerSettings>, x0: number) {
  const problem = countedSquare();
  const optimizer = createOptimizer({ name: 'lbfgs', ...settings }, 1, false, problem);
  const x = Float64Array.of(x0);
  const rate = optimizer.step(x, Float64Array.of(2 * x0), x0 * x0);
  return { x: x[0], rate, evaluations: problem.evaluations, state: optimizer.state() };
}

function near(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= 1e-12, `${actual} vs ${expected}`);
}

describe('LBFGS inside one step', () => {
  // From 1: the first step is t = min(1, 1/|∇f|₁)·lr = 0.05 along −2, to 0.9; from then on the pairs
  // (y, s) = (2s, s) give the exact inverse Hessian ½, so d = −x and each step of lr = 0.1 keeps 90%.
  it('with fixed steps, evaluates f after every inner iteration but the last (torch skips the closure there)', () => {
    const r = oneStep({ lr: 0.1, maxIter: 3, maxEval: 10 }, 1);
    near(r.x, 0.729);
    assert.equal(r.evaluations, 2);
    assert.equal(r.rate, 0.1);
    // torch's state['d'], the last direction: −0.81 = −x at 0.81.
    assert.deepEqual(
      r.state.map((q) => [q.name, q.symbol]),
      [['d', 'd']],
    );
    near(r.state[0]!.value[0]!, -0.81);
  });

  it('with the strong Wolfe search, evaluates in every inner iteration, the last too', () => {
    const r = oneStep({ lr: 0.1, maxIter: 3, maxEval: 10, lineSearchFn: 'strong_wolfe' }, 1);
    near(r.x, 0.729);
    assert.equal(r.evaluations, 3);
  });

  it('max_eval defaults to max_iter·5 // 4 and counts the evaluation at x0: max_iter 3 stops at 3, after two steps', () => {
    const r = oneStep({ lr: 0.1, maxIter: 3 }, 1);
    near(r.x, 0.81);
    assert.equal(r.evaluations, 2);
  });

  it('takes no step where |∇f| is within tolerance_grad already: rate 0 and no state, even for 0 ≤ 0', () => {
    const r = oneStep({ lr: 0.1, toleranceGrad: 0 }, 0);
    assert.deepEqual([r.x, r.rate, r.evaluations, r.state], [0, 0, 0, []]);
  });

  it('stops inside the step once |∇f| is within tolerance_grad: lr = 1 lands on 0 at once, with t = 0.5', () => {
    const r = oneStep({ lr: 1, toleranceGrad: 0 }, 1);
    assert.deepEqual([r.x, r.rate, r.evaluations], [0, 0.5, 1]);
    assert.deepEqual(r.state[0]!.value, [-2]);
  });
});
