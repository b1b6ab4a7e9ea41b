// Schedules in the engine: rates worked by hand where torch 1.13 has no reference (CyclicLR cycling
// β₁, torch ≥ 2.0's behaviour), composites, OneCycleLR bounding the run, the trace keeping each
// bucket's highest and lowest rate, and the checks of resolveScheduler.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { runDescent } from '../../src/engine/descent';
import { parseExpression } from '../../src/engine/math';
import type { ParamGroup } from '../../src/engine/optimizers';
import { createScheduler } from '../../src/engine/schedulers';
import { resolveScheduler } from '../../src/engine/schedulers/registry';
import { FormulaError, type RunOptions, type SchedulerSettings } from '../../src/engine/types';

const bowl = compileFormula({
  source: 'x^2 + 3*y^2',
  expression: parseExpression('x^2 + 3*y^2'),
  variables: ['x', 'y'],
  notation: 'plain',
  parameters: [],
});

function run(scheduler: SchedulerSettings, maxIterations: number, extra: Partial<RunOptions> = {}) {
  return runDescent(bowl, {
    start: [1, 1],
    optimizer: { name: 'sgd', lr: 0.1, momentum: 0.5 },
    scheduler,
    stop: { maxIterations, gradientTolerance: 0, stepTolerance: 0 },
    maximize: false,
    traceLimit: 'all',
    ...extra,
  });
}

function close(actual: readonly number[], expected: readonly number[]): void {
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) <= 1e-15, `${actual} vs ${expected}`));
}

describe('schedules', () => {
  it("cycles Adam's β₁ against the rate: CyclicLR(0.01, 0.1, step_size_up=2, momentum 0.8..0.9)", () => {
    const group: ParamGroup = { lr: 0.1, initialLr: undefined, momentum: 0, beta1: 0.9, cycles: 'betas' };
    const s = resolveScheduler({
      name: 'CyclicLR',
      baseLr: 0.01,
      maxLr: 0.1,
      stepSizeUp: 2,
      baseMomentum: 0.8,
    });
    const scheduler = createScheduler(s, group, 100);
    const seen: number[][] = [[group.lr, group.beta1]];
    for (let k = 0; k < 4; k++) {
      scheduler.step(0);
      seen.push([group.lr, group.beta1]);
    }
    // Positions in the cycle of 4: 0, ¼, ½, ¾, 1 → rising halfway, at the top, falling halfway, back.
    const expected = [
      [0.01, 0.9],
      [0.055, 0.85],
      [0.1, 0.8],
      [0.055, 0.85],
      [0.01, 0.9],
    ];
    seen.forEach((pair, k) => close(pair, expected[k]!));
  });

  it('multiplies chained factors: ConstantLR(0.5, 2) with ExponentialLR(0.9) from 0.1 gives 0.05, 0.045, 0.081, 0.0729', () => {
    const r = run(
      {
        name: 'ChainedScheduler',
        schedulers: [
          { name: 'ConstantLR', factor: 0.5, totalIters: 2 },
          { name: 'ExponentialLR', gamma: 0.9 },
        ],
      },
      4,
    );
    close(
      r.trace.slice(1).map((t) => t.learningRate!),
      [0.05, 0.045, 0.081, 0.0729],
    );
  });

  it("ends the run with OneCycleLR's total_steps, and spans the run when total_steps is left out", () => {
    const short = run({ name: 'OneCycleLR', maxLr: 0.1, totalSteps: 50 }, 1000);
    assert.deepEqual([short.iterations, short.stopReason], [50, 'max-iterations']);
    const spanning = run({ name: 'OneCycleLR', maxLr: 0.1 }, 200);
    assert.equal(spanning.iterations, 200);
    // The last step (step 199 of 200) anneals all the way to max_lr / 25 / 10⁴.
    assert.ok(Math.abs(spanning.trace[200]!.learningRate! - 0.1 / 25 / 1e4) < 1e-18);
  });

  it("keeps every bucket's highest and lowest rate: a CyclicLR's peaks survive a 40-point trace of 2000 steps", () => {
    const cyclic: SchedulerSettings = { name: 'CyclicLR', baseLr: 0.001, maxLr: 0.05, stepSizeUp: 7 };
    const all = run(cyclic, 2000);
    const kept = run(cyclic, 2000, { traceLimit: 40 });
    assert.ok(kept.trace.length <= 40);
    const rates = (trace: typeof all.trace): number[] => trace.slice(1).map((t) => t.learningRate!);
    assert.equal(Math.max(...rates(kept.trace)), Math.max(...rates(all.trace)));
    assert.equal(Math.min(...rates(kept.trace)), Math.min(...rates(all.trace)));
    for (const t of kept.trace) assert.deepEqual(t, all.trace[t.iteration]);
    assert.equal(all.trace[0]!.learningRate, undefined, 'the start has no step');
  });

  it('refuses unknown schedulers, nested plateaus and values outside their range', () => {
    const bad: SchedulerSettings[] = [
      { name: 'Warmup' as 'StepLR' },
      { name: 'ChainedScheduler', schedulers: [{ name: 'ReduceLROnPlateau' }] },
      {
        name: 'SequentialLR',
        schedulers: [{ name: 'StepLR' }, { name: 'ExponentialLR' }],
        milestones: [5, 9],
      },
      {
        name: 'SequentialLR',
        schedulers: [{ name: 'StepLR' }, { name: 'StepLR' }, { name: 'StepLR' }],
        milestones: [9, 5],
      },
      { name: 'ReduceLROnPlateau', factor: 1 },
      { name: 'CosineAnnealingLR', tMax: 2.5 },
      { name: 'OneCycleLR', annealStrategy: 'cosine' as 'cos' },
    ];
    for (const s of bad) {
      assert.throws(
        () => resolveScheduler(s),
        (e: unknown) => e instanceof FormulaError && e.code === 'bad-option',
        JSON.stringify(s),
      );
    }
  });
});
