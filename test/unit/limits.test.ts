import { strict as assert } from 'node:assert';
import { clampRequest, DEFAULT_LIMITS, HARD_LIMITS, resolveLimits } from '../../src/engine/limits';
import { FormulaError, type AnalysisRequest } from '../../src/engine/types';

const base: AnalysisRequest = {
  formula: 'x^2',
  options: { start: [1], optimizer: {}, stop: {}, maximize: false, traceLimit: 100 },
};

describe('limits', () => {
  it('resolves settings within [1, hard cap] and falls back to defaults', () => {
    const l = resolveLimits({ maxIterations: 1e12, timeBudgetMs: -5, maxFormulaLength: NaN });
    assert.equal(l.maxIterations, HARD_LIMITS.maxIterations);
    assert.equal(l.timeBudgetMs, 1);
    assert.equal(l.maxFormulaLength, DEFAULT_LIMITS.maxFormulaLength);
  });

  it('clamps iterations, budget, trace, sweep, starts and steps', () => {
    const limits = resolveLimits({
      maxIterations: 1000,
      timeBudgetMs: 200,
      maxStarts: 3,
      maxSweepCount: 10,
      maxSteps: 5,
      maxTracePoints: 50,
    });
    const r = clampRequest(
      {
        ...base,
        options: { ...base.options, stop: { maxIterations: 1e9, timeBudgetMs: 1e9 }, traceLimit: 'all' },
        sweep: { lrMin: -1, lrMax: 1e12, count: 1e6 },
        starts: [[1], [2], [3], [4], [5]],
        steps: 1e6,
      },
      limits,
    );
    assert.equal(r.options.stop.maxIterations, 1000);
    assert.equal(r.options.stop.timeBudgetMs, 200);
    assert.equal(r.options.traceLimit, 50);
    assert.deepEqual(r.sweep, { lrMin: 1e-12, lrMax: 1e6, count: 10 });
    assert.equal(r.starts?.length, 3);
    assert.equal(r.steps, 5);
  });

  it('turns a missing or zero budget into the limit, and keeps smaller requests', () => {
    assert.equal(clampRequest(base).options.stop.timeBudgetMs, DEFAULT_LIMITS.timeBudgetMs);
    const small = clampRequest({
      ...base,
      options: { ...base.options, stop: { maxIterations: 7, timeBudgetMs: 3 } },
    });
    assert.equal(small.options.stop.maxIterations, 7);
    assert.equal(small.options.stop.timeBudgetMs, 3);
  });

  it('rejects an over-long formula with a typed error', () => {
    const long = { ...base, formula: 'x+'.repeat(DEFAULT_LIMITS.maxFormulaLength) };
    assert.throws(
      () => clampRequest(long),
      (e: unknown) => e instanceof FormulaError && e.code === 'too-long',
    );
  });

  it('repairs junk from an untrusted sender', () => {
    const junk = { formula: 42, options: { start: 'x', traceLimit: -3 } } as unknown as AnalysisRequest;
    const r = clampRequest(junk);
    assert.equal(r.formula, '');
    assert.deepEqual(r.options.start, []);
    assert.equal(r.options.traceLimit, 2);
    assert.equal(r.options.maximize, false);
    assert.deepEqual(clampRequest({ formula: 'x' } as unknown as AnalysisRequest).options.start, []);
  });
});
