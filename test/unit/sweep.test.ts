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

describe('learning-rate sweep: its rules one at a time', () => {
  const point = (learningRate: number, over: Partial<SweepPoint> = {}): SweepPoint => ({
    learningRate,
    finalValue: 1,
    iterations: 10,
    stopReason: 'max-iterations',
    converged: false,
    diverged: false,
    ...over,
  });
  const sweepOf = (points: SweepPoint[], criticalLearningRate: number | null = null): SweepResult => ({
    points,
    lambdaMax: criticalLearningRate === null ? NaN : 2 / criticalLearningRate,
    criticalLearningRate,
  });
  const settings = { lrMin: 0.01, lrMax: 1, count: 3 };

  it('logSpace: one value for a count of 0 or 1, the geometric middle between the ends', () => {
    assert.deepEqual(logSpace(2, 8, 1), [2]);
    assert.deepEqual(logSpace(2, 8, 0), [2]);
    const three = logSpace(1, 100, 3);
    assert.equal(three.length, 3);
    assert.ok(Math.abs(three[1]! - 10) < 1e-12);
    assert.deepEqual(logSpace(0.5, 2, 2), [0.5, 2]);
  });

  it('criticalOf: 2/λmax for a positive finite λmax only', () => {
    assert.equal(criticalOf(4), 0.5);
    for (const lambda of [0, -1, NaN, Infinity]) assert.equal(criticalOf(lambda), null, String(lambda));
  });

  it('λmax is the largest curvature of f, of −f when maximizing, NaN where the curvature is not finite', () => {
    // x² − 3y²: curvatures 2 and −6; maximizing looks at −f: 6 and −2.
    assert.ok(Math.abs(lambdaMaxAt(problemOf('x^2 - 3y^2'), [0, 0], false) - 2) < 1e-9);
    assert.ok(Math.abs(lambdaMaxAt(problemOf('x^2 - 3y^2'), [0, 0], true) - 6) < 1e-9);
    assert.ok(Number.isNaN(lambdaMaxAt(problemOf('sqrt(x)'), [0], false)));
  });

  it('defaults the range to [c/1000, 2c] around the critical c, [1e-4, 1] without one, 25 rates', () => {
    assert.deepEqual(defaultSweepSettings(problemOf('2x^2'), options([1])), {
      lrMin: 0.0005,
      lrMax: 1,
      count: 25,
    });
    assert.deepEqual(defaultSweepSettings(problemOf('-x^2'), options([1])), {
      lrMin: 1e-4,
      lrMax: 1,
      count: 25,
    });
    assert.equal(defaultSweepSettings(problemOf('2x^2'), options([1]), { count: 7 }).count, 7);
  });

  it('keeps a given end and moves the other three decades away when the range would be empty', () => {
    const p = problemOf('2x^2');
    assert.deepEqual(defaultSweepSettings(p, options([1]), { lrMin: 5 }), {
      lrMin: 5,
      lrMax: 5000,
      count: 25,
    });
    const low = defaultSweepSettings(p, options([1]), { lrMax: 1e-5 });
    assert.ok(Math.abs(low.lrMin - 1e-8) < 1e-20 && low.lrMax === 1e-5);
    assert.deepEqual(defaultSweepSettings(p, options([1]), { lrMin: 1, lrMax: 1 }), {
      lrMin: 0.001,
      lrMax: 1,
      count: 25,
    });
    assert.deepEqual(defaultSweepSettings(p, options([1]), { lrMin: 0.1, lrMax: 0.2 }), {
      lrMin: 0.1,
      lrMax: 0.2,
      count: 25,
    });
  });

  it('runs at least two rates, a whole number of them, each with its own outcome', () => {
    const two = sweepLearningRates(problemOf('2x^2'), options([1]), { lrMin: 0.1, lrMax: 0.2, count: 1.9 });
    assert.deepEqual(
      two.points.map((p) => p.learningRate),
      [0.1, 0.2],
    );
    // On 2x² from 1 a step multiplies x by 1 − 4η: 0.6 at η = 0.1, 0.2 at η = 0.2, so fewer iterations.
    assert.ok(two.points.every((p) => p.converged && !p.diverged && p.stopReason === 'gradient-tolerance'));
    assert.ok(two.points[1]!.iterations < two.points[0]!.iterations);
    assert.ok(two.points[1]!.finalValue < 1e-12);
    const three = sweepLearningRates(problemOf('2x^2'), options([1]), { lrMin: 0.1, lrMax: 0.4, count: 3.9 });
    assert.equal(three.points.length, 3);
    assert.ok(Math.abs(three.points[1]!.learningRate - 0.2) < 1e-15);
  });

  it('does not call λmax cut when it is NaN for want of a finite curvature', () => {
    const { sweep } = sweepAround(
      problemOf('sqrt(x) + x^2'),
      { ...options([0]), stop: { timeBudgetMs: 0 } },
      {
        count: 2,
      },
    );
    assert.ok(Number.isNaN(sweep.lambdaMax));
    assert.equal(sweep.lambdaMaxCut, undefined);
  });

  it('good: the fastest converged η, the first of equals; small: good / 100', () => {
    const sweep = sweepOf([
      point(0.01, { converged: true, iterations: 50 }),
      point(0.1, { converged: true, iterations: 8 }),
      point(0.2, { converged: true, iterations: 8 }),
      point(0.5, { converged: true, iterations: 20 }),
    ]);
    assert.deepEqual(pickRegimes(sweep, settings), { small: 0.001, good: 0.1, large: 1 });
  });

  it('good without a converged run: the best final value among the stable runs, −f when maximizing', () => {
    const sweep = sweepOf([
      point(0.01, { finalValue: 4 }),
      point(0.1, { finalValue: 2 }),
      point(0.2, { finalValue: 2 }),
      point(0.3, { finalValue: NaN }),
      point(0.4, { finalValue: -9, diverged: true }),
      point(0.5, { finalValue: 9 }),
    ]);
    assert.equal(pickRegimes(sweep, settings).good, 0.1);
    assert.equal(pickRegimes(sweep, settings, true).good, 0.5);
  });

  it('good without a stable run: half the critical η, else the range’s low end', () => {
    const diverging = [point(0.3, { diverged: true, finalValue: Infinity }), point(0.6, { diverged: true })];
    assert.equal(pickRegimes(sweepOf(diverging, 0.2), settings).good, 0.1);
    assert.equal(pickRegimes(sweepOf(diverging), settings).good, 0.01);
  });

  it('large: 1.25 × the critical η when that is above good, else the first diverging η above good, else 10 × good', () => {
    const converged = point(0.1, { converged: true, iterations: 5 });
    assert.equal(pickRegimes(sweepOf([converged], 0.4), settings).large, 0.5);
    // The critical η is below good (a good η found past the edge): the first η above good that diverged.
    const past = [
      point(0.05, { diverged: true }),
      converged,
      point(0.3, { diverged: true }),
      point(0.6, { diverged: true }),
    ];
    assert.equal(pickRegimes(sweepOf(past, 0.08), settings).large, 0.3);
    // 1.25 × 0.08 = 0.1 is not above good = 0.1.
    assert.equal(
      pickRegimes(sweepOf([point(0.3, { diverged: true }), converged], 0.08), settings).large,
      0.3,
    );
    assert.equal(pickRegimes(sweepOf([converged]), settings).large, 1);
    assert.equal(pickRegimes(sweepOf([converged, point(0.3)]), settings).large, 1);
  });
});
