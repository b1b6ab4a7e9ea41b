// Armijo backtracking on objectives scripted step by step: from x = 0 along d, the trial points are
// −t·d, and the objective answers a chosen φ for each t, so each case sits on one side of
// φ(x − t d) ≤ φ(x) − c·t·‖d‖² by a margin worked out by hand.
import { strict as assert } from 'node:assert';
import { ARMIJO_C, ARMIJO_MAX_HALVINGS } from '../../src/engine/optimizers';
import { armijoStep } from '../../src/engine/optimizers/lineSearch';

/** An objective that answers `phi(t)` at the trial point −t·d (d's first entry is `d0`), and logs each t. */
function scripted(d0: number, phi: (t: number) => number) {
  const tried: number[] = [];
  const objective = (trial: Float64Array): number => {
    const t = -trial[0]! / d0;
    tried.push(t);
    return phi(t);
  };
  return { objective, tried };
}

describe('Armijo backtracking', () => {
  it('takes the first step whose decrease reaches c·t·‖d‖², equality included', () => {
    // φ0 = 1, d = (1): at t = 1 the bound is exactly 1 − c.
    const { objective, tried } = scripted(1, (t) => (t === 1 ? 1 - ARMIJO_C * 1 * 1 : 0));
    const x = Float64Array.of(0);
    assert.equal(armijoStep(x, Float64Array.of(1), 1, objective, 1, false), 1);
    assert.deepEqual(tried, [1]);
    assert.deepEqual(Array.from(x), [-1]);
  });

  it('halves t until the decrease is enough, measured with ‖d‖² (not ‖d‖ or 1/‖d‖²)', () => {
    // d = (2, 0): ‖d‖² = 4. At t = 1 the bound is 1 − 4c; φ = 1 − 2c misses it (1/‖d‖² or ‖d‖ would
    // pass it), so t halves; at t = 0.5 the bound is 1 − 2c and φ = 1 − 2c passes.
    const { objective, tried } = scripted(2, () => 1 - 2 * ARMIJO_C);
    const x = Float64Array.of(0, 5);
    assert.equal(armijoStep(x, Float64Array.of(2, 0), 1, objective, 1, false), 0.5);
    assert.deepEqual(tried, [1, 0.5]);
    assert.deepEqual(Array.from(x), [-1, 5]);
  });

  it('scales the bound by t: a decrease of c/2 at t = 1/2 passes, where c/t would ask 4c', () => {
    const { objective, tried } = scripted(1, (t) => (t === 1 ? 5 : 1 - ARMIJO_C / 2));
    assert.equal(armijoStep(Float64Array.of(0), Float64Array.of(1), 1, objective, 1, false), 0.5);
    assert.deepEqual(tried, [1, 0.5]);
  });

  it('gives up after ARMIJO_MAX_HALVINGS halvings and takes the smallest step', () => {
    const { objective, tried } = scripted(1, () => 10);
    const x = Float64Array.of(0);
    const t = armijoStep(x, Float64Array.of(1), 1, objective, 1, false);
    assert.equal(t, 0.5 ** ARMIJO_MAX_HALVINGS);
    assert.equal(tried.length, ARMIJO_MAX_HALVINGS + 1);
    assert.equal(tried[tried.length - 1], t);
    assert.deepEqual(Array.from(x), [-t]);
  });

  it('when maximizing, asks the increase of f: φ = −f', () => {
    // f0 = −1, so φ0 = 1; f = −(1 − c) at t = 1 is φ = 1 − c: accepted; a lower f is refused.
    const up = scripted(1, () => -(1 - ARMIJO_C));
    assert.equal(armijoStep(Float64Array.of(0), Float64Array.of(1), -1, up.objective, 1, true), 1);
    const down = scripted(1, (t) => (t === 1 ? -5 : -(1 - ARMIJO_C)));
    assert.equal(armijoStep(Float64Array.of(0), Float64Array.of(1), -1, down.objective, 1, true), 0.5);
  });
});
