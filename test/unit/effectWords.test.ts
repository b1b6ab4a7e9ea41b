// The words for what gd's η does along each direction, checked on runs whose iterates show it: each
// sentence is written out by hand from the closed-form curvature, and the run's iterates are checked
// to do what the sentence says.
import { strict as assert } from 'node:assert';
import { runDescent } from '../../src/engine/descent';
import { quadraticModelAt } from '../../src/engine/quadraticModel';
import { resolveLimits } from '../../src/engine/limits';
import { createProblemCache } from '../../src/host/problemCache';
import { hoverPreview } from '../../src/usecases/hover';
import { curvatureEffects, stepsToShrink } from '../../src/usecases/wording';
import { problemOf } from './problemOf';

function iterates(text: string, vars: string[], start: number[], lr: number, steps: number): number[][] {
  const run = runDescent(problemOf(text, vars), {
    start,
    optimizer: { name: 'gd', lr },
    stop: { maxIterations: steps, gradientTolerance: 0, stepTolerance: 0 },
    maximize: false,
    traceLimit: 'all',
  });
  return run.trace.map((p) => [...p.point]);
}

function words(text: string, vars: string[], point: number[], lr: number): string[] {
  return curvatureEffects(vars, quadraticModelAt(problemOf(text, vars), point, lr).directions);
}

describe('curvature effect words', () => {
  it('0.01w² + b² at η = 1: b alternates sign (η·λ_b = 2·1), w crawls by 0.98 (ln 1e−6 / ln 0.98 = 684 → about 700)', () => {
    const lines = words('0.01w^2 + b^2', ['w', 'b'], [1, 1], 1);
    assert.deepEqual(lines, [
      'b alternates sign each step: η·λ_b = 2, exactly the critical step',
      'w crawls: factor 0.98 per step, about 700 steps to 1e−6',
    ]);
    const path = iterates('0.01w^2 + b^2', ['w', 'b'], [1, 1], 1, 6);
    path.forEach(([w, b], k) => {
      assert.equal(b, k % 2 === 0 ? 1 : -1, `b at ${k}`);
      assert.ok(Math.abs(w! - 0.98 ** k) < 1e-12, `w at ${k}`);
    });
  });

  it('0.12(x+2y)² + 0.01(2x−y)² at η = 2: diverges along (1, 2)/√5 = (0.45, 0.89), ηλ = 2·1.2 = 2.4', () => {
    const text = '0.12(x+2y)^2 + 0.01(2x-y)^2';
    assert.deepEqual(words(text, ['x', 'y'], [1, 1], 2), [
      'It diverges along (0.45, 0.89): η·λ = 2.4, past the critical 2, ×1.4 per step with alternating sign',
    ]);
    const along = iterates(text, ['x', 'y'], [1, 1], 2, 6).map(([x, y]) => (x! + 2 * y!) / Math.sqrt(5));
    for (let k = 1; k < along.length; k++) assert.ok(Math.abs(along[k]! / along[k - 1]! + 1.4) < 1e-9);
  });

  it('x² + 10y² at η = 0.08: y oscillates (ηλ = 1.6, factor 0.6: 27.04 → 28 steps), x converges is not named', () => {
    assert.deepEqual(words('x^2 + 10y^2', ['x', 'y'], [1, 1], 0.08), [
      'y oscillates, overshooting each step: η·λ_y = 1.6, factor 0.6 per step, about 28 steps to 1e−6',
    ]);
    const ys = iterates('x^2 + 10y^2', ['x', 'y'], [1, 1], 0.08, 5).map((p) => p[1]!);
    for (let k = 1; k < ys.length; k++) assert.ok(ys[k]! * ys[k - 1]! < 0, `y changes sign at ${k}`);
  });

  it('the saddle x² − y² at η = 0.1: y runs away (×1.2); x² + y²/2 at η = 0.2: y converges by 1 − 0.2 = 0.8 (61.9 → 62 steps)', () => {
    assert.deepEqual(words('x^2 - y^2', ['x', 'y'], [1, 0.1], 0.1), [
      'y runs away: the curvature is negative (λ_y = −2), ×1.2 per step',
    ]);
    assert.deepEqual(words('x^2 + y^2/2', ['x', 'y'], [1, 1], 0.2), [
      'y converges: factor 0.8 per step, about 62 steps to 1e−6',
    ]);
    assert.deepEqual(words('x^2', ['x'], [1], 0.5), ['x lands in one step: η·λ_x = 1']);
    assert.equal(stepsToShrink(0.5), 'about 20 steps to 1e−6');
    // ηλ = 0.001: the factor shows its distance from 1 (0.999, not 1); ln 1e−6 / ln 0.999 = 13,809 → about 10,000.
    assert.deepEqual(words('x^2 + 3y^2', ['x', 'y'], [1, 1], 0.0005), [
      'x crawls: factor 0.999 per step, about 10,000 steps to 1e−6',
    ]);
  });

  it('the hover names the effect of a run that did not converge, and none for one that did or for momentum', () => {
    const limits = resolveLimits();
    const hover = (lr: number, name: 'gd' | 'momentum' = 'gd') =>
      hoverPreview(
        createProblemCache(limits),
        '0.01w^2 + b^2',
        { start: [1, 1], optimizer: { name, lr }, stop: {}, maximize: false, traceLimit: 50 },
        limits,
        1000,
      );
    const stuck = hover(1);
    assert.ok(stuck.includes('the iteration limit was reached'), stuck);
    assert.ok(stuck.includes('b alternates sign each step: η·λ\\_b = 2, exactly the critical step.'), stuck);
    assert.ok(stuck.includes('w crawls: factor 0.98 per step, about 700 steps to 1e−6.'), stuck);
    // η = 50: w's ηλ = 1, b's 100: diverges at once.
    assert.ok(hover(50).includes('b diverges: η·λ\\_b = 100, past the critical 2, ×99 per step'), hover(50));
    // η = 0.9: b's factor 0.1, w's 0.982; |∇f| = 0.02·w < 1e−6 after ln(5e−5)/ln(0.982) ≈ 545 steps: converged, nothing to excuse.
    const done = hover(0.9);
    assert.ok(done.includes('converged in') && !done.includes('crawls'), done);
    assert.ok(!hover(1, 'momentum').includes('alternates'));
  });
});
