// First steps of each optimizer on f(x) = x² (∇f = 2x) from x0 = 1, against torch.optim's formulas worked by hand.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { parseExpression } from '../../src/engine/math';
import { createOptimizer, type Optimizer } from '../../src/engine/optimizers';
import { resolveOptimizer, resolveStop, DEFAULT_STOP } from '../../src/engine/settings';
import { FormulaError, OPTIMIZER_NAMES, type OptimizerSettings } from '../../src/engine/types';

const square = (x: Float64Array): number => x[0] * x[0];

/** Runs `steps` steps on f(x) = x² from x0 and returns the iterates x1..xn. */
function iterates(
  optimizer: Optimizer,
  x0: number,
  steps: number,
  f = square,
  grad = (x: number) => 2 * x,
): number[] {
  const x = Float64Array.of(x0);
  const out: number[] = [];
  for (let k = 0; k < steps; k++) {
    optimizer.step(x, Float64Array.of(grad(x[0])), f(x));
    out.push(x[0]);
  }
  return out;
}

function near(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= 1e-12, `${actual} vs ${expected}`);
}

describe('optimizers (torch.optim update rules)', () => {
  it('gd: x1 = x0 − η·g0', () => {
    const [x1, x2] = iterates(createOptimizer({ name: 'gd', lr: 0.1 }, 1), 1, 2);
    near(x1, 1 - 0.1 * 2);
    near(x2, 0.8 - 0.1 * 1.6);
  });

  it('momentum: buf = g on the first step, then μ·buf + (1 − dampening)·g', () => {
    const [x1, x2] = iterates(createOptimizer({ name: 'momentum', lr: 0.1, momentum: 0.9 }, 1), 1, 2);
    near(x1, 1 - 0.1 * 2); // buf = 2
    near(x2, 0.8 - 0.1 * (0.9 * 2 + 1.6)); // buf = 3.4
    const damped = createOptimizer({ name: 'momentum', lr: 0.1, momentum: 0.9, dampening: 0.5 }, 1);
    const [y1, y2] = iterates(damped, 1, 2);
    near(y1, 0.8); // no dampening on the first step
    near(y2, 0.8 - 0.1 * (0.9 * 2 + 0.5 * 1.6));
    assert.deepEqual(damped.state(), [
      { name: 'momentum_buffer', symbol: 'buf', value: [0.9 * 2 + 0.5 * 1.6] },
    ]);
  });

  it('nesterov: step along g + μ·buf', () => {
    const [x1, x2] = iterates(createOptimizer({ name: 'nesterov', lr: 0.1, momentum: 0.9 }, 1), 1, 2);
    near(x1, 1 - 0.1 * (2 + 0.9 * 2)); // 0.62
    const g1 = 2 * 0.62;
    const buf = 0.9 * 2 + g1;
    near(x2, 0.62 - 0.1 * (g1 + 0.9 * buf));
  });

  it('adagrad: sum += g², x −= clr·g/(√sum + eps), clr = lr/(1 + (t−1)·lr_decay)', () => {
    const eps = 1e-10;
    const [x1, x2] = iterates(
      createOptimizer({ name: 'adagrad', lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 1 }, 1),
      1,
      2,
    );
    near(x1, 1 - (0.1 * 2) / (Math.sqrt(1 + 4) + eps));
    const g1 = 2 * x1;
    near(x2, x1 - ((0.1 / 1.5) * g1) / (Math.sqrt(5 + g1 * g1) + eps));
  });

  it('rmsprop: v = α·v + (1−α)·g², plain, centered and with momentum', () => {
    const eps = 1e-8;
    const [x1, x2] = iterates(createOptimizer({ name: 'rmsprop', lr: 0.01 }, 1), 1, 2);
    const v1 = 0.01 * 4;
    near(x1, 1 - (0.01 * 2) / (Math.sqrt(v1) + eps));
    const g1 = 2 * x1;
    const v2 = 0.99 * v1 + 0.01 * g1 * g1;
    near(x2, x1 - (0.01 * g1) / (Math.sqrt(v2) + eps));

    const centered = createOptimizer({ name: 'rmsprop', lr: 0.01, centered: true, momentum: 0.5 }, 1);
    const [c1, c2] = iterates(centered, 1, 2);
    const gbar1 = 0.01 * 2;
    const buf1 = 2 / (Math.sqrt(v1 - gbar1 * gbar1) + eps);
    near(c1, 1 - 0.01 * buf1);
    const h1 = 2 * c1;
    const w2 = 0.99 * v1 + 0.01 * h1 * h1;
    const gbar2 = gbar1 + 0.01 * (h1 - gbar1);
    const buf2 = 0.5 * buf1 + h1 / (Math.sqrt(w2 - gbar2 * gbar2) + eps);
    near(c2, c1 - 0.01 * buf2);
    assert.deepEqual(
      centered.state().map((q) => q.name),
      ['square_avg', 'grad_avg', 'momentum_buffer'],
    );
  });

  it('adam: bias-corrected m and v, eps added outside the root', () => {
    const eps = 1e-8;
    const adam = createOptimizer({ name: 'adam', lr: 0.1 }, 1);
    const [x1, x2] = iterates(adam, 1, 2);
    // t = 1: m = 0.1·2 = 0.2, v = 0.001·4 = 0.004, step size 0.1/(1 − 0.9) = 1, denominator √0.004/√0.001 + eps = 2 + eps.
    near(x1, 1 - (1 * 0.2) / (2 + eps));
    const g1 = 2 * x1;
    const m2 = 0.9 * 0.2 + 0.1 * g1;
    const v2 = 0.999 * 0.004 + 0.001 * g1 * g1;
    const bc1 = 1 - 0.9 ** 2;
    const bc2 = 1 - 0.999 ** 2;
    near(x2, x1 - ((0.1 / bc1) * m2) / (Math.sqrt(v2) / Math.sqrt(bc2) + eps));
    const state = Object.fromEntries(adam.state().map((q) => [q.symbol, q.value[0]]));
    near(state['m'], m2);
    near(state['v'], v2);
    near(state['m̂'], m2 / bc1);
    near(state['v̂'], v2 / bc2);
  });

  it('adam with amsgrad uses the running maximum of v', () => {
    const eps = 1e-8;
    const grads = [2, 0];
    let k = 0;
    const ams = createOptimizer({ name: 'adam', lr: 0.1, amsgrad: true }, 1);
    const [x1, x2] = iterates(ams, 1, 2, square, () => grads[k++]);
    near(x1, 1 - 0.2 / (2 + eps));
    // v drops to 0.999·0.004 after a zero gradient, but the maximum stays 0.004.
    const m2 = 0.9 * 0.2;
    near(x2, x1 - ((0.1 / (1 - 0.81)) * m2) / (Math.sqrt(0.004) / Math.sqrt(1 - 0.999 ** 2) + eps));
  });

  it('maximize steps exactly as minimizing with the negated gradient, for every optimizer', () => {
    for (const name of OPTIMIZER_NAMES) {
      const up = createOptimizer({ name }, 2, true);
      const down = createOptimizer({ name }, 2, false);
      const a = Float64Array.of(0.5, -1);
      const b = Float64Array.of(0.5, -1);
      for (let k = 0; k < 5; k++) {
        const g = Float64Array.of(Math.cos(a[0]) + 1, a[1] - 2);
        up.step(a, g, 0);
        down.step(
          b,
          g.map((v) => -v),
          0,
        );
        assert.deepEqual(Array.from(a), Array.from(b), name);
      }
      assert.ok(a[0] > 0.5, `${name} ascends`);
    }
  });

  it('Armijo backtracking halves η until sufficient decrease', () => {
    const problem = compileFormula({
      source: '2x^2',
      expression: parseExpression('2 * x^2'),
      variables: ['x'],
      notation: 'plain',
      parameters: [],
    });
    const gd = createOptimizer({ name: 'gd', lr: 1, lineSearch: true }, 1, false, problem);
    const x = Float64Array.of(1);
    // t = 1 → x = −3 (f = 18), t = 0.5 → x = −1 (f = 2 > 2 − 1e-4·0.5·16), t = 0.25 → x = 0 accepted.
    const used = gd.step(x, Float64Array.of(4), 2);
    assert.equal(used, 0.25);
    assert.equal(x[0], 0);
  });

  it('resolves torch defaults and rejects invalid settings', () => {
    const adam: OptimizerSettings = resolveOptimizer({ name: 'adam' });
    assert.deepEqual([adam.betas, adam.eps, adam.amsgrad], [[0.9, 0.999], 1e-8, false]);
    assert.equal(resolveOptimizer({ name: 'adagrad' }).eps, 1e-10);
    assert.equal(resolveOptimizer({ name: 'rmsprop' }).alpha, 0.99);
    assert.equal(resolveOptimizer({ name: 'rmsprop' }).momentum, 0);
    assert.equal(resolveOptimizer({ name: 'momentum' }).momentum, 0.9);
    assert.equal(resolveOptimizer({}).lr, 0.1);
    assert.deepEqual(resolveStop({ maxIterations: 5 }), { ...DEFAULT_STOP, maxIterations: 5 });
    const bad = [
      { lr: 0 },
      { lr: Number.NaN },
      { name: 'nesterov' as const, dampening: 0.1 },
      { name: 'nesterov' as const, momentum: 0 },
      { name: 'adam' as const, lineSearch: true },
      { betas: [1, 0.9] as const },
      { name: 'lion' as unknown as 'gd' },
    ];
    for (const settings of bad) {
      assert.throws(
        () => resolveOptimizer(settings),
        (e: unknown) => e instanceof FormulaError && e.code === 'bad-option',
        JSON.stringify(settings),
      );
    }
    assert.throws(() => resolveStop({ maxIterations: 1.5 }), FormulaError);
  });
});
