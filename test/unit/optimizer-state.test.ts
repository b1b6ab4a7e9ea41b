// What each optimizer shows besides its step: its name, its state under torch.optim's state names
// (the worked-steps view prints them), the objective it needs, which settings run the fused gd loop,
// and the small numeric helpers (lerp, maxAbs, pyMin, pyMax) that must round as ATen and Python do.
// f(x) = x² (∇f = 2x) from x0 = 1 throughout; every expected value is worked out by hand.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { parseExpression } from '../../src/engine/math';
import { ALL_OPTIMIZER_NAMES, createOptimizer, type Optimizer } from '../../src/engine/optimizers';
import { isPlainGd } from '../../src/engine/optimizers/index';
import { lerp } from '../../src/engine/optimizers/optimizer';
import { maxAbs, pyMax, pyMin, sumAbs } from '../../src/engine/optimizers/vector';
import { resolveOptimizer } from '../../src/engine/settings';
import type { OptimizerSettings } from '../../src/engine/types';

const square = compileFormula({
  source: 'x^2',
  expression: parseExpression('x^2'),
  variables: ['x'],
  notation: 'plain',
  parameters: [],
});

/** Steps `optimizer` `steps` times on x² from 1 and returns the iterates. */
function run(optimizer: Optimizer, steps: number, x0 = 1): number[] {
  const x = Float64Array.of(x0);
  const out: number[] = [];
  for (let k = 0; k < steps; k++) {
    optimizer.step(x, Float64Array.of(2 * x[0]), x[0] * x[0]);
    out.push(x[0]);
  }
  return out;
}

const stateOf = (optimizer: Optimizer) =>
  Object.fromEntries(optimizer.state().map((q) => [q.name, { symbol: q.symbol, value: q.value }]));

function near(actual: number | undefined, expected: number, tolerance = 1e-12): void {
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${actual} vs ${expected}`,
  );
}

describe('optimizers: names and state', () => {
  it('each optimizer answers to its own name, and has no state before its first step', () => {
    for (const name of ALL_OPTIMIZER_NAMES) {
      const optimizer = createOptimizer({ name }, 1, false, square);
      assert.equal(optimizer.name, name);
      assert.deepEqual(optimizer.state(), [], name);
    }
  });

  it('gd keeps no momentum buffer, nor does SGD with momentum 0 (torch leaves it None)', () => {
    const gd = createOptimizer({ name: 'gd', lr: 0.1 }, 1);
    run(gd, 2);
    assert.deepEqual(gd.state(), []);
    const sgd = createOptimizer({ name: 'sgd', lr: 0.1, momentum: 0 }, 1);
    assert.deepEqual(run(sgd, 2), [0.8, 0.64]);
    assert.deepEqual(sgd.state(), []);
    // Dampening scales only a momentum buffer: without momentum torch ignores it.
    const damped = createOptimizer({ name: 'sgd', lr: 0.1, momentum: 0, dampening: 0.5 }, 1);
    assert.deepEqual(run(damped, 2), [0.8, 0.64]);
  });

  it('Adagrad: sum = Σg², under G', () => {
    const adagrad = createOptimizer({ name: 'adagrad', lr: 0.1 }, 1);
    const [x1] = run(adagrad, 1);
    near(x1, 1 - (0.1 * 2) / (2 + 1e-10));
    assert.deepEqual(stateOf(adagrad), { sum: { symbol: 'G', value: [4] } });
    run(adagrad, 1, x1);
    near(stateOf(adagrad).sum?.value[0], 4 + (2 * x1!) ** 2);
  });

  it('Adagrad and Adadelta add weight decay to the gradient', () => {
    // g = 2 + 0.5·1 = 2.5: sum = 6.25, x1 = 1 − 0.1·2.5/(2.5 + eps) ≈ 0.9.
    const adagrad = createOptimizer({ name: 'adagrad', lr: 0.1, weightDecay: 0.5 }, 1);
    run(adagrad, 1);
    near(stateOf(adagrad).sum?.value[0], 6.25);
    const adadelta = createOptimizer({ name: 'adadelta', lr: 1, weightDecay: 0.5 }, 1);
    run(adadelta, 1);
    near(stateOf(adadelta).square_avg?.value[0], 0.1 * 6.25);
  });

  it('Adadelta: v = ρ·v + (1 − ρ)·g², Δ = √(u + eps)/√(v + eps)·g, u = ρ·u + (1 − ρ)·Δ²', () => {
    const adadelta = createOptimizer({ name: 'adadelta', lr: 1 }, 1);
    const [x1] = run(adadelta, 1);
    const v = 0.1 * 4;
    const delta = (Math.sqrt(1e-6) / Math.sqrt(v + 1e-6)) * 2;
    near(x1, 1 - delta);
    const state = stateOf(adadelta);
    assert.deepEqual(Object.keys(state), ['square_avg', 'acc_delta']);
    assert.deepEqual([state.square_avg?.symbol, state.acc_delta?.symbol], ['v', 'u']);
    near(state.square_avg?.value[0], v);
    near(state.acc_delta?.value[0], 0.1 * delta * delta);
  });

  it('ASGD: ax follows x until t0 steps, then averages the iterates from there', () => {
    // λ = 0 keeps η = lr: x = 0.8, 0.64, 0.512, 0.4096. With t0 = 0, μ = 1/max(1, t): steps 1 and 2
    // copy x (μ = 1), step 3 averages with μ = 1/2, step 4 with μ = 1/3: ax = (x2 + x3 + x4)/3.
    const asgd = createOptimizer({ name: 'asgd', lr: 0.1, lambd: 0, t0: 0 }, 1);
    const xs = run(asgd, 2);
    near(xs[1], 0.64);
    assert.deepEqual(stateOf(asgd), { ax: { symbol: 'x̄', value: [xs[1]!] } });
    run(asgd, 1, xs[1]);
    near(stateOf(asgd).ax?.value[0], (0.64 + 0.512) / 2);
    run(asgd, 1, 0.512);
    near(stateOf(asgd).ax?.value[0], (0.64 + 0.512 + 0.4096) / 3);
    const late = createOptimizer({ name: 'asgd', lr: 0.1, lambd: 0 }, 1);
    const ys = run(late, 3);
    assert.deepEqual(stateOf(late).ax?.value, [ys[2]!], 'before t0 = 10⁶ steps ax is x');
  });

  it('ASGD: x ← x·(1 − λη) − η·g, then η = lr/(1 + λ·lr·t)^α', () => {
    const asgd = createOptimizer({ name: 'asgd', lr: 0.1, lambd: 0.5, alpha: 0.75, weightDecay: 0.2 }, 1);
    const [x1, x2] = run(asgd, 2);
    // g = 2 + 0.2 = 2.2; x1 = 1·(1 − 0.05) − 0.1·2.2 = 0.73.
    near(x1, 0.73);
    const eta = 0.1 / Math.pow(1 + 0.5 * 0.1 * 1, 0.75);
    near(x2, 0.73 * (1 - 0.5 * eta) - eta * (2 * 0.73 + 0.2 * 0.73));
  });

  it('RMSprop shows v, then ḡ when centered, then buf only with momentum', () => {
    const names = (settings: Partial<OptimizerSettings>) => {
      const optimizer = createOptimizer({ name: 'rmsprop', lr: 0.01, ...settings }, 1);
      run(optimizer, 2);
      return optimizer.state().map((q) => `${q.name}:${q.symbol}`);
    };
    assert.deepEqual(names({}), ['square_avg:v']);
    assert.deepEqual(names({ momentum: 0 }), ['square_avg:v']);
    assert.deepEqual(names({ centered: true }), ['square_avg:v', 'grad_avg:ḡ']);
    assert.deepEqual(names({ momentum: 0.5 }), ['square_avg:v', 'momentum_buffer:buf']);
  });

  it('RMSprop with momentum: buf = μ·buf + g/avg, x −= lr·buf; weight decay joins g', () => {
    const eps = 1e-8;
    const rms = createOptimizer({ name: 'rmsprop', lr: 0.01, momentum: 0.5, weightDecay: 0.5 }, 1);
    const [x1] = run(rms, 1);
    // g = 2 + 0.5 = 2.5; v = 0.01·6.25; buf = 2.5/(√v + eps).
    const buf = 2.5 / (Math.sqrt(0.0625) + eps);
    near(x1, 1 - 0.01 * buf);
    near(stateOf(rms).momentum_buffer?.value[0], buf);
  });

  it('Adam shows v_max only with amsgrad', () => {
    const names = (amsgrad: boolean) => {
      const adam = createOptimizer({ name: 'adam', amsgrad }, 1);
      run(adam, 1);
      return adam.state().map((q) => `${q.name}:${q.symbol}`);
    };
    assert.ok(!names(false).includes('max_exp_avg_sq:v_max'));
    assert.ok(names(true).includes('max_exp_avg_sq:v_max'));
    assert.ok(names(false).includes('exp_avg:m') && names(false).includes('exp_avg_sq:v'));
  });

  it("Adamax shows m and u, NAdam and RAdam m and v, under torch's names, after the first step", () => {
    // g = 2 from zero state: m = (1 − 0.9)·2, u = max(0, |g| + eps), v = (1 − 0.999)·g².
    const after = (name: 'adamax' | 'nadam' | 'radam') => {
      const optimizer = createOptimizer({ name, lr: 0.1 }, 1);
      run(optimizer, 1);
      return stateOf(optimizer);
    };
    const adamax = after('adamax');
    assert.deepEqual(Object.keys(adamax), ['exp_avg', 'exp_inf']);
    assert.deepEqual([adamax.exp_avg!.symbol, adamax.exp_inf!.symbol], ['m', 'u']);
    near(adamax.exp_avg!.value[0], 0.2);
    near(adamax.exp_inf!.value[0], 2 + 1e-8);
    for (const name of ['nadam', 'radam'] as const) {
      const state = after(name);
      assert.deepEqual(Object.keys(state), ['exp_avg', 'exp_avg_sq'], name);
      assert.deepEqual([state.exp_avg!.symbol, state.exp_avg_sq!.symbol], ['m', 'v'], name);
      near(state.exp_avg!.value[0], 0.2);
      near(state.exp_avg_sq!.value[0], 0.004);
    }
  });

  it('Adam with weight decay adds wd·x to g (L2), AdamW decays x itself', () => {
    const eps = 1e-8;
    const adam = createOptimizer({ name: 'adam', lr: 0.1, weightDecay: 0.5 }, 1);
    const [x1] = run(adam, 1);
    // g = 2.5: m̂ = 2.5, v̂ = 6.25: x1 = 1 − 0.1·2.5/(2.5 + eps).
    near(x1, 1 - (0.1 * 2.5) / (2.5 + eps));
    const adamw = createOptimizer({ name: 'adamw', lr: 0.1, weightDecay: 0.5 }, 1);
    const [w1] = run(adamw, 1);
    // x·(1 − lr·wd) = 0.95, then the plain Adam step on g = 2: 0.1·2/(2 + eps).
    near(w1, 0.95 - (0.1 * 2) / (2 + eps));
  });

  it('Rprop: prev and s; s grows by η₊ while the sign holds, shrinks by η₋ and skips the move when it flips', () => {
    const rprop = createOptimizer({ name: 'rprop', lr: 0.1 }, 1);
    const [x1, x2] = run(rprop, 2);
    near(x1, 0.9); // s = lr, no previous gradient
    near(x2, 0.9 - 0.12); // same sign: s = 0.1·1.2
    assert.deepEqual(
      rprop.state().map((q) => `${q.name}:${q.symbol}`),
      ['prev:g_prev', 'step_size:s'],
    );
    near(stateOf(rprop).step_size?.value[0], 0.12);
    near(stateOf(rprop).prev?.value[0], 1.8);
    const flip = createOptimizer({ name: 'rprop', lr: 0.6 }, 1);
    const [y1, y2] = run(flip, 2);
    near(y1, 0.4);
    near(y2, 0.4 - 0.72 * 1); // s = 0.72, sign of g = 0.8 still +: x = −0.32
    const [y3] = run(flip, 1, y2);
    near(y3, y2!, 0); // g flipped sign: s halves to 0.36, no move
    near(stateOf(flip).step_size?.value[0], 0.36);
    assert.deepEqual(stateOf(flip).prev?.value, [0]);
  });

  it('SGD with weight decay and momentum, and gd with a line search when maximizing', () => {
    const sgd = createOptimizer({ name: 'momentum', lr: 0.1, momentum: 0.5, weightDecay: 0.5 }, 1);
    const [x1] = run(sgd, 1);
    near(x1, 1 - 0.1 * 2.5);
    near(stateOf(sgd).momentum_buffer?.value[0], 2.5);
    const cap = compileFormula({
      source: '-2x^2',
      expression: parseExpression('-2 * x^2'),
      variables: ['x'],
      notation: 'plain',
      parameters: [],
    });
    // The mirror of the Armijo test: −2x² from 1 upward, η = 1 → 0.5 → 0.25 lands on 0.
    const up = createOptimizer({ name: 'gd', lr: 1, lineSearch: true }, 1, true, cap);
    const x = Float64Array.of(1);
    assert.equal(up.step(x, Float64Array.of(-4), -2), 0.25);
    assert.equal(x[0], 0);
  });

  it('LBFGS, Newton and a line search need the objective, and say so', () => {
    for (const settings of [
      { name: 'lbfgs' as const },
      { name: 'newton' as const },
      { name: 'gd' as const, lineSearch: true },
    ]) {
      assert.throws(
        () => {
          const optimizer = createOptimizer(settings, 1);
          optimizer.step(Float64Array.of(1), Float64Array.of(2), 1);
        },
        new RegExp(`^Error: ${settings.name} needs the objective$`),
      );
    }
  });
});

describe('optimizers: which settings the fused gd loop runs', () => {
  const plain = (settings: Partial<OptimizerSettings>) => isPlainGd(resolveOptimizer(settings));

  it('plain gd and SGD without momentum, weight decay or line search; nothing else', () => {
    assert.equal(plain({ name: 'gd' }), true);
    assert.equal(plain({ name: 'sgd' }), true);
    assert.equal(plain({ name: 'sgd', momentum: 0.9 }), false);
    assert.equal(plain({ name: 'sgd', weightDecay: 0.1 }), false);
    assert.equal(plain({ name: 'gd', lineSearch: true }), false);
    for (const name of ALL_OPTIMIZER_NAMES.filter((n) => n !== 'gd' && n !== 'sgd')) {
      assert.equal(plain({ name }), false, name);
    }
  });
});

describe('optimizers: numeric helpers', () => {
  it('lerp computes from the nearer end, as ATen does: the two forms differ in the last bit', () => {
    // self + w·(end − self) and end − (end − self)·(1 − w) round differently for these values.
    const fromSelf = (self: number, end: number, w: number) => self + w * (end - self);
    const fromEnd = (self: number, end: number, w: number) => end - (end - self) * (1 - w);
    for (const [self, end, w] of [
      [0.2, 0.7, 0.9],
      [0.1, 0.7, 0.5],
    ] as const) {
      assert.notEqual(fromSelf(self, end, w), fromEnd(self, end, w));
      assert.equal(lerp(self, end, w), fromEnd(self, end, w), `w = ${w} starts from end`);
    }
    for (const w of [0.3, 0.1, -0.3]) {
      assert.notEqual(fromSelf(0.1, 0.7, w), fromEnd(0.1, 0.7, w));
      assert.equal(lerp(0.1, 0.7, w), fromSelf(0.1, 0.7, w), `w = ${w} starts from self`);
    }
  });

  it('maxAbs is the largest |aᵢ| anywhere in the vector, NaN when any entry is NaN', () => {
    assert.equal(maxAbs(Float64Array.of(1, -5, 3)), 5);
    assert.equal(maxAbs(Float64Array.of()), 0);
    assert.ok(Number.isNaN(maxAbs(Float64Array.of(1, NaN, 9))));
    assert.ok(Number.isNaN(maxAbs(Float64Array.of(NaN, 9))));
    assert.equal(sumAbs(Float64Array.of(1, -5, 3)), 9);
  });

  it('pyMin and pyMax keep the first argument on ties and when the second is NaN, as Python does', () => {
    assert.equal(pyMin(2, 1), 1);
    assert.equal(pyMin(1, 2), 1);
    assert.ok(Object.is(pyMin(0, -0), 0));
    assert.ok(Object.is(pyMin(-0, 0), -0));
    assert.equal(pyMin(1, NaN), 1);
    assert.ok(Number.isNaN(pyMin(NaN, 1)));
    assert.equal(pyMax(1, 2), 2);
    assert.equal(pyMax(2, 1), 2);
    assert.ok(Object.is(pyMax(0, -0), 0));
    assert.ok(Object.is(pyMax(-0, 0), -0));
    assert.equal(pyMax(1, NaN), 1);
  });
});
