// The rules runDescent and startPoint decide before and after the loop (src/engine/descent.ts):
// which starts are refused and how, the checks at the start point, the budget's deadline, the side a
// divergence ran off to, the cut it reports, and its own clock. Expectations worked out by hand.
import { strict as assert } from 'node:assert';
import { runDescent, startPoint } from '../../src/engine/descent';
import { FormulaError, type RunOptions } from '../../src/engine/types';
import { problemOf } from './problemOf';

function options(extra: Partial<RunOptions> = {}): RunOptions {
  return {
    start: [1],
    optimizer: { name: 'gd', lr: 0.1 },
    stop: {},
    maximize: false,
    traceLimit: 100,
    ...extra,
  };
}

/** Asserts that `fn` throws a 'bad-option' FormulaError whose message matches. */
function refused(fn: () => unknown, message: RegExp): void {
  assert.throws(
    fn,
    (e: unknown) => e instanceof FormulaError && e.code === 'bad-option' && message.test(e.message),
  );
}

describe('the start of a run', () => {
  it('refuses a start that is not a list, is too long, or holds something that is not a finite number', () => {
    refused(() => startPoint('1, 2' as unknown as number[], 2), /^A start must be a list of numbers$/);
    refused(
      () => startPoint([1, 2, 3], 2),
      /^The start has 3 coordinates but the formula has 2 variables: give one number per variable\.$/,
    );
    refused(
      () => startPoint([1, 2], 1),
      /^The start has 2 coordinates but the formula has 1 variable: give one number per variable\.$/,
    );
    refused(() => startPoint([1, NaN], 2), /^Start coordinates must be finite numbers$/);
    refused(() => startPoint([Infinity], 1), /^Start coordinates must be finite numbers$/);
    refused(() => startPoint(['1' as unknown as number], 1), /^Start coordinates must be finite numbers$/);
  });

  it('repeats the last coordinate for the variables a short start leaves out, and cuts a long one when fitting', () => {
    assert.deepEqual(Array.from(startPoint([1, 2], 4)), [1, 2, 2, 2]);
    assert.deepEqual(Array.from(startPoint([], 2)), [1, 1]);
    assert.deepEqual(Array.from(startPoint([1, 2, 3], 2, true)), [1, 2]);
  });

  it('stops at once where f or ∇f is not finite: 1/x at 0, and √x at 0 (f = 0, f′ infinite)', () => {
    const pole = runDescent(problemOf('1 / x'), options({ start: [0] }));
    assert.deepEqual([pole.stopReason, pole.iterations], ['non-finite', 0]);
    const root = runDescent(problemOf('sqrt(x)'), options({ start: [0] }));
    assert.equal(root.final.value, 0);
    assert.deepEqual([root.stopReason, root.iterations], ['non-finite', 0]);
  });

  it('stops on the gradient tolerance only below it: |f′| = 1 at a tolerance of 1 takes a step first', () => {
    // f = x²/2 from 1: f′ = 1, not below 1; after one step at η = 0.1, x = 0.9 and f′ = 0.9 < 1.
    const r = runDescent(problemOf('x^2 / 2'), options({ stop: { gradientTolerance: 1 } }));
    assert.deepEqual([r.stopReason, r.iterations], ['gradient-tolerance', 1]);
  });
});

describe('the budget, the divergence and the clock of a run', () => {
  it('has no deadline with a time budget of 0, however long ago the run started', () => {
    // 2x² from 1 at η = 0.1 converges in 30 iterations (x_k = 0.6^k, 4·0.6^30 < 1e-6).
    const r = runDescent(
      problemOf('2 * x^2'),
      options({ stop: { timeBudgetMs: 0 }, startedAt: performance.now() - 1e9 }),
    );
    assert.deepEqual([r.stopReason, r.iterations], ['gradient-tolerance', 30]);
    assert.equal(r.budgetCut, undefined);
  });

  it('says the iterations were cut when the budget (or the caller) stopped the run', () => {
    const r = runDescent(
      problemOf('x'),
      options({ stop: { maxIterations: 100_000, gradientTolerance: 0 } }),
      {
        interrupted: () => true,
      },
    );
    assert.equal(r.stopReason, 'time-budget');
    assert.equal(r.budgetCut, 'iterations');
  });

  it('tells which way f ran off: below when minimizing −x², above when maximizing x², neither for an overshoot', () => {
    const down = runDescent(problemOf('-x^2'), options({ optimizer: { name: 'gd', lr: 0.5 } }));
    assert.deepEqual([down.stopReason, down.unbounded], ['diverged', 'below']);
    const up = runDescent(problemOf('x^2'), options({ optimizer: { name: 'gd', lr: 0.5 }, maximize: true }));
    assert.deepEqual([up.stopReason, up.unbounded], ['diverged', 'above']);
    // x² at η = 1.5: x_{k+1} = −2x_k, so f grows without bound but stays positive: an overshoot.
    const over = runDescent(problemOf('x^2'), options({ optimizer: { name: 'gd', lr: 1.5 } }));
    assert.deepEqual([over.stopReason, over.unbounded], ['diverged', undefined]);
    // Ascent on −x² at η = 1.5 overshoots the same way, with f ever more negative: not 'above'.
    const overUp = runDescent(
      problemOf('-x^2'),
      options({ optimizer: { name: 'gd', lr: 1.5 }, maximize: true }),
    );
    assert.deepEqual([overUp.stopReason, overUp.unbounded], ['diverged', undefined]);
    // A run that converges to a negative minimum (x² − 4 at 0) ran off nowhere.
    const low = runDescent(problemOf('x^2 - 4'), options());
    assert.deepEqual([low.stopReason, low.unbounded], ['gradient-tolerance', undefined]);
  });

  it('follows a schedule with plain gd too: 2x² from 1 at η = 0.1 halved after every step (StepLR)', () => {
    // x₁ = 1 − 0.1·4 = 0.6; η = 0.05: x₂ = 0.6 − 0.05·2.4 = 0.48; η = 0.025: x₃ = 0.48 − 0.025·1.92 = 0.432.
    const r = runDescent(
      problemOf('2 * x^2'),
      options({ stop: { maxIterations: 3 }, scheduler: { name: 'StepLR', stepSize: 1, gamma: 0.5 } }),
    );
    const xs = r.trace.map((p) => p.point[0]!);
    [1, 0.6, 0.48, 0.432].forEach((x, i) => assert.ok(Math.abs(xs[i]! - x) < 1e-15, `x${i} = ${xs[i]}`));
    assert.deepEqual(
      r.trace.slice(1).map((p) => p.learningRate),
      [0.1, 0.05, 0.025],
    );
    assert.equal(r.scheduler, 'StepLR');
  });

  it('times itself from its own call: elapsed is the clock now minus then', () => {
    // A clock that ticks 1 ms per reading: a short run reads it a handful of times.
    let now = 1e6;
    Object.defineProperty(performance, 'now', {
      value: () => (now += 1),
      configurable: true,
      writable: true,
    });
    try {
      const r = runDescent(problemOf('2 * x^2'), options({ stop: { maxIterations: 2 } }));
      assert.ok(r.elapsedMs > 0 && r.elapsedMs < 100, `elapsed ${r.elapsedMs}`);
    } finally {
      delete (performance as { now?: unknown }).now;
    }
  });
});
