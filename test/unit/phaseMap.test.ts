// The (η, β) map: each cell is the run runDescent (torch's update rules, checked against torch in
// reference.test.ts) would make, bit for bit; its best cell on a quadratic lies near Polyak's optimum.
import { strict as assert } from 'node:assert';
import { runDescent } from '../../src/engine/descent';
import {
  genericPhaseRunner,
  phaseRunner,
  PHASE_CONVERGED,
  PHASE_DIVERGED,
  type PhaseOptimizer,
} from '../../src/engine/phaseKernel';
import { linSpace, phaseMap, phaseSettings } from '../../src/engine/phaseMap';
import { quadraticModelAt } from '../../src/engine/quadraticModel';
import { DIVERGENCE_FACTOR } from '../../src/engine/settings';
import type { RunOptions } from '../../src/engine/types';
import { problemOf } from './problemOf';

const options = (start: number[], maximize = false): RunOptions => ({
  start,
  optimizer: { name: 'momentum' },
  stop: { maxIterations: 1000, gradientTolerance: 1e-6, stepTolerance: 0 },
  maximize,
  traceLimit: 2,
});

function viaRunDescent(
  text: string,
  vars: string[],
  start: number[],
  optimizer: PhaseOptimizer,
  lr: number,
  beta: number,
  maximize = false,
) {
  const optimizerSettings =
    optimizer === 'adam'
      ? { name: 'adam' as const, lr, betas: [beta, 0.999] as const }
      : // torch refuses Nesterov without momentum; at β = 0 both momentum variants are plain gd.
        beta === 0
        ? { name: 'gd' as const, lr }
        : { name: optimizer, lr, momentum: beta };
  return runDescent(problemOf(text, vars), { ...options(start, maximize), optimizer: optimizerSettings });
}

const ROSENBROCK = '(1-x)^2 + 100(y-x^2)^2';

describe('(η, β) phase map', () => {
  it('heavy ball on x²/2 from 1 at η = β = 0.5 lands on 0 in two steps (by hand: x = 0.5, then 0.5 − 0.5·(0.5 + 0.5))', () => {
    const problem = problemOf('x^2/2');
    const limits = { maxIterations: 100, gradientTolerance: 1e-6, divergenceLimit: 1e8, sign: 1 as const };
    const out = new Float64Array(2);
    assert.equal(
      phaseRunner(problem, 'momentum', limits)(Float64Array.of(1), 0.5, 0.5, out),
      PHASE_CONVERGED,
    );
    assert.deepEqual([...out], [2, 0]);
  });

  for (const optimizer of ['momentum', 'nesterov', 'adam'] as const) {
    it(`${optimizer}: every cell is runDescent's run, iterations and final f bit for bit`, () => {
      const cases: [string, string[], number[], boolean][] = [
        [ROSENBROCK, ['x', 'y'], [-1.2, 1], false],
        ['x^2 + 10y^2 + x*y', ['x', 'y'], [2, -1], false],
        ['-(x^2 + 3y^2 + z^2)', ['x', 'y', 'z'], [1, 1, 1], true],
      ];
      for (const [text, vars, start, maximize] of cases) {
        const problem = problemOf(text, vars);
        const settings = phaseSettings(problem, options(start, maximize), {
          optimizer,
          count: 5,
          maxIterations: 1000,
        });
        const map = phaseMap(problem, options(start, maximize), settings);
        map.betas.forEach((beta, r) =>
          map.learningRates.forEach((lr, c) => {
            const run = viaRunDescent(text, vars, start, optimizer, lr, beta, maximize);
            const what = `${text} η=${lr} β=${beta}`;
            const converged = run.stopReason === 'gradient-tolerance';
            assert.equal(map.iterations[r]![c], converged ? run.iterations : null, what);
            assert.equal(
              map.diverged[r]![c],
              run.stopReason === 'diverged' || run.stopReason === 'non-finite',
              what,
            );
            if (Number.isFinite(run.final.value)) assert.equal(map.finalValues[r]![c], run.final.value, what);
          }),
        );
      }
    });
  }

  it('the generic run (no kernel) agrees with the generated one', () => {
    const problem = problemOf(ROSENBROCK, ['x', 'y']);
    const limits = {
      maxIterations: 500,
      gradientTolerance: 1e-6,
      divergenceLimit: DIVERGENCE_FACTOR * 24.2,
      sign: 1 as const,
    };
    for (const optimizer of ['momentum', 'nesterov', 'adam'] as const) {
      const fused = phaseRunner(problem, optimizer, limits);
      const generic = genericPhaseRunner(problem, optimizer, limits);
      for (const [lr, beta] of [
        [1e-3, 0.9],
        [2e-3, 0.5],
        [0.01, 0.95],
      ] as const) {
        const a = new Float64Array(2);
        const b = new Float64Array(2);
        const start = Float64Array.of(-1.2, 1);
        assert.equal(fused(start, lr, beta, a), generic(start, lr, beta, b), `${optimizer} ${lr} ${beta}`);
        assert.deepEqual([...a], [...b], `${optimizer} ${lr} ${beta}`);
      }
    }
  });

  for (const kappa of [10, 100]) {
    it(`on x²/2 + ${kappa}y²/2 the best cell lies near Polyak's optimum`, () => {
      const text = `x^2/2 + ${kappa}*y^2/2`;
      const problem = problemOf(text, ['x', 'y']);
      const opts = options([1, 1]);
      const map = phaseMap(problem, opts, phaseSettings(problem, opts, { count: 40 }));
      // By hand: η* = 4/(√κ + 1)², β* = ((√κ − 1)/(√κ + 1))²: κ = 10 → 0.2310, 0.2699; κ = 100 → 0.0331, 0.6694.
      const polyak = quadraticModelAt(problem, [1, 1]).momentum!;
      const expected = kappa === 10 ? [0.231, 0.2699] : [0.0331, 0.6694];
      assert.ok(
        Math.abs(polyak.learningRate - expected[0]!) < 1e-3 && Math.abs(polyak.beta - expected[1]!) < 1e-3,
      );
      const best = map.best!;
      // Iterations to a tolerance also count the transient, so the grid's best is near, not at, the asymptotic optimum.
      assert.ok(
        Math.abs(Math.log(best.learningRate / polyak.learningRate)) < Math.log(1.3),
        `η ${best.learningRate} vs ${polyak.learningRate}`,
      );
      assert.ok(Math.abs(best.beta - polyak.beta) < 0.1, `β ${best.beta} vs ${polyak.beta}`);
      // And momentum beats the best plain step: (κ−1)/(κ+1) per step against (√κ−1)/(√κ+1).
      const plain = map.iterations[0]!.filter((v): v is number => v !== null);
      assert.ok(best.iterations < Math.min(...plain), `${best.iterations} < ${Math.min(...plain)}`);
    });
  }

  it('completes the settings around the critical step and refuses bad ranges', () => {
    const problem = problemOf('2x^2');
    const s = phaseSettings(problem, options([1]), {});
    // λmax = 4: critical 0.5, so η from 5e-4 to 1; β from 0 to 0.99 in 40 cells, 1000 iterations each.
    assert.ok(Math.abs(s.lrMin - 5e-4) < 1e-9 && Math.abs(s.lrMax - 1) < 1e-6);
    assert.deepEqual([s.betaMin, s.betaMax, s.count, s.maxIterations], [0, 0.99, 40, 1000]);
    assert.throws(() => phaseSettings(problem, options([1]), { betaMax: 1 }), /betas/);
    assert.throws(() => phaseSettings(problem, options([1]), { lrMin: 1, lrMax: 0.5 }), /learning rates/);
    assert.throws(() => phaseSettings(problem, options([1]), { count: 1 }), /cells/);
    assert.deepEqual(
      linSpace(0, 0.9, 4).map((v) => Math.round(v * 1e12) / 1e12),
      [0, 0.3, 0.6, 0.9],
    );
  });

  it('a map past its time budget keeps the rows done by then, at least one', () => {
    const problem = problemOf('x^2 + y^2', ['x', 'y']);
    // A budget that ran out long ago: the clock is read only to see that it did.
    const late: RunOptions = {
      ...options([1, 1]),
      stop: { timeBudgetMs: 1 },
      startedAt: performance.now() - 1e6,
    };
    const map = phaseMap(problem, late, phaseSettings(problem, late, { count: 5 }));
    assert.equal(map.iterations.length, 1);
    assert.deepEqual(map.betas, [0]);
    const full = phaseMap(problem, options([1, 1]), phaseSettings(problem, options([1, 1]), { count: 5 }));
    assert.equal(full.iterations.length, 5);
  });

  it('marks divergence past the heavy ball’s edge ηλ = 2(1 + β) on 2x²', () => {
    const problem = problemOf('2x^2');
    const opts = options([1]);
    // λ = 4: at β = 0.5 the edge is η = 2·1.5/4 = 0.75.
    const map = phaseMap(problem, opts, {
      ...phaseSettings(problem, opts, {}),
      lrMin: 0.7,
      lrMax: 0.8,
      betaMin: 0.5,
      betaMax: 0.5,
      count: 3,
    });
    const run = phaseRunner(problem, 'momentum', {
      maxIterations: 1000,
      gradientTolerance: 1e-6,
      divergenceLimit: 2e8,
      sign: 1,
    });
    assert.equal(run(Float64Array.of(1), 0.8, 0.5, new Float64Array(2)), PHASE_DIVERGED);
    assert.notEqual(map.iterations[0]![0], null, 'η = 0.7 converges');
    assert.equal(map.diverged[0]![2], true, 'η = 0.8 diverges');
  });
});
