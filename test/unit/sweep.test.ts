import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { parseFormula } from '../../src/engine/parse';
import {
  criticalOf,
  defaultSweepSettings,
  logSpace,
  lambdaMaxAt,
  pickRegimes,
  sweepAround,
  sweepLearningRates,
} from '../../src/engine/sweep';
import type { RunOptions, SweepPoint, SweepResult } from '../../src/engine/types';

const problemOf = (text: string) => compileFormula(parseFormula(text));
const options = (start: number[], maximize = false): RunOptions => ({
  start,
  optimizer: { name: 'gd' },
  stop: {},
  maximize,
  traceLimit: 2,
});

describe('learning-rate sweep', () => {
  it('spaces learning rates logarithmically, ends included', () => {
    const rates = logSpace(1e-3, 10, 5);
    assert.equal(rates[0], 1e-3);
    assert.equal(rates[4], 10);
    for (let i = 1; i < rates.length; i++) assert.ok(Math.abs(rates[i]! / rates[i - 1]! - 10) < 1e-9);
  });

  it('finds the critical step 2/λmax and the divergence beyond it on 2x²', () => {
    const sweep = sweepLearningRates(problemOf('2x^2'), options([1]), { lrMin: 0.05, lrMax: 1, count: 12 });
    assert.ok(Math.abs(sweep.lambdaMax - 4) < 1e-6);
    assert.ok(Math.abs(sweep.criticalLearningRate! - 0.5) < 1e-6);
    assert.equal(sweep.points.length, 12);
    for (const p of sweep.points) {
      if (p.learningRate > 0.51) assert.ok(p.diverged && !p.converged, `η=${p.learningRate} diverges`);
      if (p.learningRate < 0.49) assert.ok(p.converged && !p.diverged, `η=${p.learningRate} converges`);
    }
    const fast = sweep.points.filter((p) => p.converged);
    // Convergence is fastest near η = 1/λ = 0.25, where one step lands on the minimum.
    const fastest = fast.reduce((a, b) => (b.iterations < a.iterations ? b : a));
    assert.ok(fastest.learningRate > 0.15 && fastest.learningRate < 0.4, String(fastest.learningRate));
  });

  it('uses the curvature of −f when maximizing, and has no critical step on a concave start', () => {
    const up = sweepLearningRates(problemOf('-(x^2) - 3y^2'), options([1, 1], true), {
      lrMin: 0.01,
      lrMax: 0.1,
      count: 2,
    });
    assert.ok(Math.abs(up.lambdaMax - 6) < 1e-5);
    const concave = sweepLearningRates(problemOf('-(x^2)'), options([1]), {
      lrMin: 0.01,
      lrMax: 0.1,
      count: 2,
    });
    assert.equal(concave.criticalLearningRate, null);
    assert.equal(criticalOf(NaN), null);
    assert.equal(criticalOf(0), null);
  });

  it('defaults the range around the critical step so every regime appears', () => {
    const p = problemOf('(1-x)^2 + 100(y-x^2)^2');
    const s = defaultSweepSettings(p, options([-1.2, 1]));
    const critical = sweepLearningRates(p, options([-1.2, 1]), { ...s, count: 2 }).criticalLearningRate!;
    assert.ok(s.lrMin < critical / 100 && s.lrMax > critical);
    assert.deepEqual(defaultSweepSettings(p, options([-1.2, 1]), { lrMin: 1, count: 3 }), {
      lrMin: 1,
      lrMax: 1000,
      count: 3,
    });
    assert.equal(defaultSweepSettings(p, options([-1.2, 1]), { lrMax: 1e-6 }).lrMin, 1e-9);
    const flat = defaultSweepSettings(problemOf('-(x^2)'), options([1]));
    assert.equal(flat.lrMin, 1e-4);
    assert.equal(flat.lrMax, 1);
  });

  it('picks too-small, good and too-large learning rates sensibly', () => {
    const sweep = sweepLearningRates(problemOf('2x^2'), options([1]), { lrMin: 1e-3, lrMax: 1, count: 16 });
    const r = pickRegimes(sweep, { lrMin: 1e-3, lrMax: 1, count: 16 });
    const good = sweep.points.find((p) => p.learningRate === r.good)!;
    assert.ok(good.converged);
    assert.ok(sweep.points.filter((p) => p.converged).every((p) => p.iterations >= good.iterations));
    assert.ok(r.large > sweep.criticalLearningRate!);
    assert.equal(r.small, r.good / 100);
  });

  it('falls back sensibly when nothing converges or everything diverges', () => {
    const point = (learningRate: number, finalValue: number, diverged: boolean): SweepPoint => ({
      learningRate,
      finalValue,
      iterations: 10,
      stopReason: diverged ? 'diverged' : 'max-iterations',
      converged: false,
      diverged,
    });
    const noneConverged: SweepResult = {
      points: [point(0.1, 5, false), point(0.2, 3, false), point(0.4, 1e9, true)],
      lambdaMax: NaN,
      criticalLearningRate: null,
    };
    assert.deepEqual(pickRegimes(noneConverged, { lrMin: 0.1, lrMax: 0.4, count: 3 }), {
      small: 0.002,
      good: 0.2,
      large: 0.4,
    });
    assert.equal(pickRegimes(noneConverged, { lrMin: 0.1, lrMax: 0.4, count: 3 }, true).good, 0.1);
    const allDiverged: SweepResult = {
      points: [point(1, NaN, true)],
      lambdaMax: 4,
      criticalLearningRate: 0.5,
    };
    const r = pickRegimes(allDiverged, { lrMin: 1, lrMax: 2, count: 2 });
    assert.equal(r.good, 0.25);
    assert.equal(r.large, 0.625);
  });

  it('never calls a run that has not moved converged, so a tiny η is never the good one', () => {
    const settings = { lrMin: 1e-14, lrMax: 0.3, count: 8 };
    const sweep = sweepLearningRates(problemOf('(x - 3)^2 + 5'), options([1]), settings);
    const tiny = sweep.points[0];
    assert.equal(tiny?.learningRate, 1e-14);
    assert.equal(tiny?.stopReason, 'step-tolerance');
    assert.equal(tiny?.converged, false);
    const good = pickRegimes(sweep, settings).good;
    assert.ok(good > 0.01, `good η ${good}`);
    const atMinimum = sweepLearningRates(problemOf('(x - 3)^2'), options([3]), {
      lrMin: 0.01,
      lrMax: 0.1,
      count: 2,
    });
    assert.ok(atMinimum.points.every((p) => p.iterations === 0 && !p.converged));
  });

  it('counts λmax against the time budget and says when it was cut', () => {
    const spent = { ...options([1]), stop: { timeBudgetMs: 50 }, startedAt: performance.now() - 1e6 };
    const { sweep, settings } = sweepAround(problemOf('2x^2'), spent, { count: 2 });
    assert.equal(sweep.lambdaMaxCut, true);
    assert.ok(Number.isNaN(sweep.lambdaMax));
    assert.equal(sweep.criticalLearningRate, null);
    assert.deepEqual([settings.lrMin, settings.lrMax], [1e-4, 1]);
    assert.equal(sweepAround(problemOf('2x^2'), options([1]), { count: 2 }).sweep.lambdaMaxCut, undefined);
    assert.ok(Number.isNaN(lambdaMaxAt(problemOf('2x^2'), [1], false, -Infinity)));
  });
});
