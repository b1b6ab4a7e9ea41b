import { strict as assert } from 'node:assert';
import { explainSteps } from '../../src/engine/steps';
import type { Problem, RunOptions } from '../../src/engine/types';

/** f(x) = 2x², the seed example, written by hand so the test does not depend on the compiler. */
const quadratic: Problem = {
  variables: ['x'],
  dimension: 1,
  value: (x) => 2 * x[0]! * x[0]!,
  valueAndGradient: (x, out) => {
    out[0] = 4 * x[0]!;
    return 2 * x[0]! * x[0]!;
  },
  gradientMethod: 'symbolic',
  gradientText: () => ['4 * x'],
};

function options(optimizer: RunOptions['optimizer'], start: number[] = [1]): RunOptions {
  return { start, optimizer, stop: {}, maximize: false, traceLimit: 100 };
}

function quantity(
  step: { quantities: readonly { name: string; value: readonly number[] }[] },
  name: string,
): number {
  const q = step.quantities.find((c) => c.name === name);
  assert.ok(q, `quantity ${name}`);
  return q.value[0]!;
}

describe('worked steps', () => {
  it('reproduces the seed: f(x) = 2x², x0 = 1, η = 0.1 gives 0.6 then 0.36 with gradients 4 and 2.4', () => {
    const steps = explainSteps(quadratic, options({ name: 'gd', lr: 0.1 }), 2);
    assert.equal(steps.length, 2);
    assert.deepEqual(
      steps.map((s) => s.iteration),
      [0, 1],
    );
    assert.deepEqual(
      steps.map((s) => s.point[0]),
      [1, 0.6],
    );
    assert.deepEqual(
      steps.map((s) => s.gradient[0]),
      [4, 2.4],
    );
    assert.deepEqual(
      steps.map((s) => s.next[0]),
      [0.6, 0.36],
    );
    assert.deepEqual(
      steps.map((s) => s.value),
      [2, 2 * 0.6 * 0.6],
    );
    assert.deepEqual(
      steps.map((s) => s.learningRate),
      [0.1, 0.1],
    );
    assert.deepEqual(steps[0]!.quantities, []);
  });

  it("shows momentum's buffer under torch's name", () => {
    const steps = explainSteps(quadratic, options({ name: 'momentum', lr: 0.1, momentum: 0.9 }), 2);
    assert.equal(quantity(steps[0]!, 'momentum_buffer'), 4);
    assert.ok(Math.abs(quantity(steps[1]!, 'momentum_buffer') - (0.9 * 4 + 2.4)) < 1e-12);
    assert.ok(Math.abs(steps[1]!.next[0]! - (0.6 - 0.1 * (0.9 * 4 + 2.4))) < 1e-12);
  });

  it("shows Adam's moments and their bias-corrected forms", () => {
    const [first] = explainSteps(quadratic, options({ name: 'adam', lr: 0.1 }), 1);
    assert.ok(first);
    assert.ok(Math.abs(quantity(first, 'exp_avg') - 0.1 * 4) < 1e-12);
    assert.ok(Math.abs(quantity(first, 'exp_avg_sq') - 0.001 * 16) < 1e-12);
    assert.ok(Math.abs(quantity(first, 'exp_avg_hat') - 4) < 1e-12);
    assert.ok(Math.abs(quantity(first, 'exp_avg_sq_hat') - 16) < 1e-12);
    // First Adam step moves by about lr whatever the gradient's size.
    assert.ok(Math.abs(first.next[0]! - (1 - (0.1 * 4) / (4 + 1e-8))) < 1e-12);
  });

  it('stops once the iterate is no longer finite', () => {
    // f′(1e10) = 4e10, so x1 = 1e10 − 1e300·4e10 overflows to −∞: the first step is written, then it stops.
    const steps = explainSteps(quadratic, options({ name: 'gd', lr: 1e300 }, [1e10]), 10);
    assert.equal(steps.length, 1);
    assert.deepEqual([steps[0]!.point[0], steps[0]!.gradient[0], steps[0]!.next[0]], [1e10, 4e10, -Infinity]);
  });

  it('climbs when maximizing and completes a short start', () => {
    const [ascent] = explainSteps(quadratic, { ...options({ name: 'gd', lr: 0.1 }), maximize: true }, 1);
    assert.equal(ascent!.next[0], 1.4);
    const [fromDefault] = explainSteps(quadratic, options({ name: 'gd', lr: 0.1 }, []), 1);
    assert.deepEqual(fromDefault!.point, [1]);
  });
});
