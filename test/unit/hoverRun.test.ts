import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, type EngineLimits } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { createProblemCache } from '../../src/host/problemCache';
import { hoverPreview as preview, isBareSymbol, previewInSlices as inSlices } from '../../src/usecases/hover';

/** The hover's computation over a fresh cache of compiled formulas. */
const hoverPreview = (text: string, options: RunOptions, limits: EngineLimits, budgetMs: number) =>
  preview(createProblemCache(limits), text, options, limits, budgetMs);
const previewInSlices = (
  text: string,
  options: RunOptions,
  limits: EngineLimits,
  cancelled: () => boolean,
  budgetMs?: number,
  slices?: number,
) => inSlices(createProblemCache(limits), text, options, limits, cancelled, budgetMs, slices);

function options(lr: number): RunOptions {
  return {
    start: [1],
    optimizer: { name: 'gd', lr },
    stop: { maxIterations: 1000, gradientTolerance: 1e-6 },
    maximize: false,
    traceLimit: 500,
  };
}

describe('hover run', () => {
  it('previews the run the engine makes of the formula', () => {
    const md = hoverPreview('f(x) = 2x^{2}', options(0.1), DEFAULT_LIMITS, 1000);
    // By hand: x_k = 0.6^k and f′(x_k) = 4·0.6^k, first below 1e-6 at k = 30 (4·0.6^29 ≈ 1.47e-6,
    // 4·0.6^30 ≈ 8.84e-7); x* = 0.6^30 ≈ 2.211e-7 and f(x*) = 2·0.6^60 ≈ 9.775e-14.
    assert.match(md, /converged in 30 iterations to x\\\* = 2\.211e−7, f\(x\\\*\) = 9\.775e−14/);
  });

  it('gives the critical η = 2/λmax when gd diverges (f = 2x², f″ = 4, so 0.5)', () => {
    const md = hoverPreview('2x^2', options(0.6), DEFAULT_LIMITS, 1000);
    assert.match(md, /diverged at iteration \d+ \(critical η ≈ 0\.5\)/);
  });

  it('has no preview for text that is not a formula', () => {
    for (const text of ['the learning rate was too large', 'x +', '5', 'import(x)', 'x.constructor']) {
      assert.equal(hoverPreview(text, options(0.1), DEFAULT_LIMITS, 1000), 'not-a-formula', text);
    }
  });

  it('gives up when the budget is spent', () => {
    assert.equal(hoverPreview('x^2 + y^2', options(0.1), DEFAULT_LIMITS, 0), 'over-budget');
  });

  it('refuses a formula over the length limit', () => {
    const limits = { ...DEFAULT_LIMITS, maxFormulaLength: 10 };
    assert.equal(hoverPreview('x^2 + y^2 + z^2 + w^2', options(0.1), limits, 1000), 'not-a-formula');
  });
});

describe('hover run in slices', () => {
  it('settles with the preview when a slice fits', async () => {
    const outcome = await previewInSlices('x^2 + y^2', options(0.1), DEFAULT_LIMITS, () => false, 1000);
    assert.equal(outcome.final, true);
    assert.match(outcome.markdown ?? '', /converged/);
  });

  it('settles with nothing for text that is not a formula', async () => {
    assert.deepEqual(
      await previewInSlices('hello world again', options(0.1), DEFAULT_LIMITS, () => false, 1000),
      { markdown: null, final: true },
    );
  });

  it('gives up unsettled when no slice fits or the hover is cancelled', async () => {
    assert.deepEqual(await previewInSlices('x^2', options(0.1), DEFAULT_LIMITS, () => false, 0, 3), {
      markdown: null,
      final: false,
    });
    let asked = 0;
    const cancelled = () => ++asked > 0;
    assert.deepEqual(await previewInSlices('x^2', options(0.1), DEFAULT_LIMITS, cancelled, 1000), {
      markdown: null,
      final: false,
    });
    assert.equal(asked, 1, 'checked before any work');
  });
});

describe('hover: lone symbols are not formulas to preview', () => {
  it('recognizes names of quantities in prose', () => {
    for (const text of ['x', '\\alpha', 'x_0', '\\mathbf{w}_t', '\\mathbf{w}_{t+1}', '\\eta', 'theta']) {
      assert.equal(isBareSymbol(text), true, text);
      assert.equal(hoverPreview(text, options(0.1), DEFAULT_LIMITS, 1000), 'not-a-formula', text);
    }
  });

  it('keeps real formulas', () => {
    for (const text of ['x^2', '2x', '\\sin(x)', 'x_0^2 + 1', 'f(x) = x']) {
      assert.equal(isBareSymbol(text), false, text);
    }
  });

  it('names the critical η only when η is past it', () => {
    // x² − y² from (1, 1): λmax = 2, critical η = 1; at η = 0.1 the run diverges along −y², not by oscillation.
    const md = hoverPreview('x^2 - y^2', { ...options(0.1), start: [1, 1] }, DEFAULT_LIMITS, 1000);
    assert.match(md, /diverged at iteration \d+(?! \(critical)/);
    assert.doesNotMatch(md, /critical/);
  });
});
