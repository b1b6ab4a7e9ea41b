// The shared iteration loop (src/engine/loop.ts) driven directly, with optimizers and functions made
// for each stop test, so each test states one rule: which stop fires, at which iteration, relative
// to what. (Plain gd runs the fused loop, so the other suites reach this one only through other
// optimizers.) Expectations are worked out by hand in each comment.
import { strict as assert } from 'node:assert';
import {
  CLOCK_INTERVAL,
  STOP_CODES,
  allFinite,
  genericLoop,
  outOfTime,
  type LoopLimits,
  type LoopState,
} from '../../src/engine/loop';
import type { Optimizer, ParamGroup } from '../../src/engine/optimizers';
import { TraceRecorder } from '../../src/engine/trace';
import type { Problem, StopReason } from '../../src/engine/types';

/** A one-variable problem with `f` and a constant gradient `slope` (NaN to poison it). */
function problemOf(f: (x: number) => number, slope = 1): Problem {
  return {
    variables: ['x'],
    dimension: 1,
    value: (x) => f(x[0]!),
    valueAndGradient: (x, out) => {
      out[0] = slope;
      return f(x[0]!);
    },
    gradientMethod: 'symbolic',
    gradientText: () => [],
  };
}

/** An optimizer that moves x by `move(x)` each step and returns `used` as the rate it used. */
function mover(
  move: (x: number) => number,
  used = 0.1,
  stopAfter?: { steps: number; reason: StopReason },
): Optimizer {
  const group: ParamGroup = { lr: 0.1, initialLr: undefined, momentum: 0, beta1: 0, cycles: undefined };
  let steps = 0;
  return {
    name: 'sgd',
    group,
    step(x) {
      steps++;
      x[0] = move(x[0]!);
      return used;
    },
    state: () => [],
    get stopReason() {
      return stopAfter && steps >= stopAfter.steps ? stopAfter.reason : undefined;
    },
  };
}

const LIMITS: LoopLimits = {
  maxIterations: 10,
  gradientTolerance: 0,
  stepTolerance: 0,
  valueTolerance: 0,
  divergenceLimit: 1e300,
  timeBudgetMs: 0,
  startedAt: 0,
};

/** Runs the loop from x0 and returns the stop reason and the iterations done. */
function run(
  problem: Problem,
  optimizer: Optimizer,
  x0: number,
  limits: Partial<LoopLimits> = {},
  recorder = new TraceRecorder(1, 100),
): { reason: StopReason; iterations: number; x: number } {
  const x = Float64Array.of(x0);
  const gradient = new Float64Array(1);
  const value = problem.valueAndGradient(x, gradient);
  const state: LoopState = { x, gradient, value, gradientNorm: Math.abs(gradient[0]!), iterations: 0 };
  const reason = genericLoop(problem, optimizer, state, { ...LIMITS, ...limits }, recorder);
  return { reason, iterations: state.iterations, x: x[0]! };
}

describe('the iteration loop', () => {
  it('stops on a step short next to max(1, ‖x‖): 1e-4 at x = 1000 with a tolerance of 1e-6, not at x = 0.5', () => {
    // At x = 1000 the test is 1e-4 < 1e-6 · 1000 = 1e-3: it fires after the first step.
    const far = run(
      problemOf(() => 0),
      mover((x) => x + 1e-4),
      1000,
      { stepTolerance: 1e-6 },
    );
    assert.deepEqual([far.reason, far.iterations], ['step-tolerance', 1]);
    // Near 0 the scale is 1: 1e-4 < 1e-6 is false, so the run goes to its cap.
    const near = run(
      problemOf(() => 0),
      mover((x) => x + 1e-4),
      0.5,
      { stepTolerance: 1e-6 },
    );
    assert.deepEqual([near.reason, near.iterations], ['max-iterations', 10]);
  });

  it('stops on a change of f small next to max(1, |f|): 1e-4 at f ≈ 1000 with a tolerance of 1e-6', () => {
    // f = 1000 + 1e-4·x and x moves by 1: |Δf| = 1e-4 < 1e-6 · 1000.0001.
    const f = (x: number): number => 1000 + 1e-4 * x;
    const big = run(
      problemOf(f),
      mover((x) => x + 1),
      0,
      { valueTolerance: 1e-6 },
    );
    assert.deepEqual([big.reason, big.iterations], ['value-tolerance', 1]);
    // f = 1e-4·x near 0: the scale is 1, and 1e-4 < 1e-6 is false.
    const small = run(
      problemOf((x) => 1e-4 * x),
      mover((x) => x + 1),
      0,
      { valueTolerance: 1e-6 },
    );
    assert.equal(small.reason, 'max-iterations');
  });

  it('calls a run non-finite when only the gradient, or only the point, stops being finite', () => {
    const poisonedGradient = run(
      problemOf(() => 1, NaN),
      mover((x) => x + 1),
      0,
    );
    assert.deepEqual([poisonedGradient.reason, poisonedGradient.iterations], ['non-finite', 1]);
    // f ignores x, so only x itself is NaN.
    const poisonedPoint = run(
      problemOf(() => 1),
      mover(() => NaN),
      0,
    );
    assert.deepEqual([poisonedPoint.reason, poisonedPoint.iterations], ['non-finite', 1]);
  });

  it('diverges only past the limit: |f| = 10 at a limit of 10 goes on, 11 stops', () => {
    // f = x from 9 in steps of 1: f = 10 after the first step, 11 after the second.
    const r = run(
      problemOf((x) => x),
      mover((x) => x + 1),
      9,
      { divergenceLimit: 10 },
    );
    assert.deepEqual([r.reason, r.iterations], ['diverged', 2]);
  });

  it('asks the clock only every CLOCK_INTERVAL iterations, and stops there when interrupted', () => {
    let asked = 0;
    const r = run(
      problemOf(() => 0),
      mover((x) => x + 1),
      0,
      {
        maxIterations: 10 * CLOCK_INTERVAL,
        interrupted: () => {
          asked++;
          return true;
        },
      },
    );
    assert.deepEqual([r.reason, r.iterations, asked], ['time-budget', CLOCK_INTERVAL, 1]);
  });

  it("returns the optimizer's own stop (Newton at a Hessian that is not positive definite) before counting the step", () => {
    const r = run(
      problemOf(() => 0),
      mover((x) => x, 0.1, { steps: 3, reason: 'not-positive-definite' }),
      0,
    );
    assert.deepEqual([r.reason, r.iterations], ['not-positive-definite', 2]);
  });

  it("records the group's rate by default and the step's own with stepRate (a line search's accepted step)", () => {
    const recorded = (stepRate: boolean | undefined): (number | undefined)[] => {
      const recorder = new TraceRecorder(1, 100, true);
      const x = Float64Array.of(0);
      const gradient = new Float64Array(1);
      const problem = problemOf(() => 0);
      const state: LoopState = { x, gradient, value: 0, gradientNorm: 1, iterations: 0 };
      recorder.record(x, 0, 1);
      const limits = { ...LIMITS, maxIterations: 2 };
      const optimizer = mover((v) => v + 1, 0.5);
      if (stepRate === undefined) genericLoop(problem, optimizer, state, limits, recorder);
      else genericLoop(problem, optimizer, state, limits, recorder, { scheduler: undefined, stepRate });
      return recorder.finish().map((p) => p.learningRate);
    };
    assert.deepEqual(recorded(undefined).slice(1), [0.1, 0.1]);
    assert.deepEqual(recorded(false).slice(1), [0.1, 0.1]);
    assert.deepEqual(recorded(true).slice(1), [0.5, 0.5]);
  });

  it('records every iterate, or with a limit of 2 only the last one, once, at its iteration', () => {
    class Counting extends TraceRecorder {
      records = 0;
      lasts: number[] = [];
      override record(x: ArrayLike<number>, value: number, gradientNorm: number, lr?: number): void {
        this.records++;
        super.record(x, value, gradientNorm, lr);
      }
      override recordLast(
        iteration: number,
        x: ArrayLike<number>,
        value: number,
        norm: number,
        lr?: number,
      ): void {
        this.lasts.push(iteration);
        super.recordLast(iteration, x, value, norm, lr);
      }
    }
    const every = new Counting(1, 100);
    run(
      problemOf(() => 0),
      mover((x) => x + 1),
      0,
      { maxIterations: 5 },
      every,
    );
    assert.deepEqual([every.records, every.lasts], [5, []]);
    const ends = new Counting(1, 2);
    run(
      problemOf(() => 0),
      mover((x) => x + 1),
      0,
      { maxIterations: 5 },
      ends,
    );
    // recordLast records through record once: the last iterate, at iteration 5.
    assert.deepEqual([ends.records, ends.lasts], [1, [5]]);
  });
});

describe('the loop’s helpers', () => {
  it('allFinite: false for any NaN or ±∞, true otherwise (and for no entries)', () => {
    assert.equal(allFinite(Float64Array.of(1, NaN)), false);
    assert.equal(allFinite(Float64Array.of(-Infinity, 2)), false);
    assert.equal(allFinite(Float64Array.of(1, 2)), true);
    assert.equal(allFinite(new Float64Array(0)), true);
  });

  it('outOfTime: an interruption stops at once; a budget of 0 never runs out; a budget runs out strictly after it', () => {
    const at = (now: number, limits: Partial<LoopLimits>): boolean => {
      Object.defineProperty(performance, 'now', { value: () => now, configurable: true, writable: true });
      try {
        return outOfTime({ ...LIMITS, ...limits });
      } finally {
        delete (performance as { now?: unknown }).now;
      }
    };
    assert.equal(at(0, { interrupted: () => true }), true);
    assert.equal(at(1e9, { timeBudgetMs: 0, startedAt: 0, interrupted: () => false }), false);
    assert.equal(at(10, { timeBudgetMs: 10, startedAt: 0 }), false, 'exactly the budget is not past it');
    assert.equal(at(10.5, { timeBudgetMs: 10, startedAt: 0 }), true);
    assert.ok(performance.now() > 0, 'the clock is back');
  });

  it('numbers the stop reasons as the generated loops return them, each once', () => {
    // fusedGd's generated code returns an index into this list: its order is the contract.
    assert.deepEqual(STOP_CODES, [
      'max-iterations',
      'non-finite',
      'diverged',
      'gradient-tolerance',
      'step-tolerance',
      'value-tolerance',
      'time-budget',
      'not-positive-definite',
    ]);
  });
});
