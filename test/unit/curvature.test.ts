// The curvature of f at a point, on functions whose curvatures and kinks are worked out by hand: the
// jump of ∇f across a kink, and which curvatures settled() keeps after re-measuring them one Newton
// step along their own direction.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import {
  EIGENVALUE_MAX_DIMENSION,
  extremeCurvatures,
  settled,
  spectrumAt,
  type Spectrum,
} from '../../src/engine/curvature';
import { parseExpression } from '../../src/engine/math';
import { lambdaMaxAt } from '../../src/engine/sweep';
import type { Problem } from '../../src/engine/types';

function problemOf(text: string, variables: string[]): Problem {
  return compileFormula({
    source: text,
    expression: parseExpression(text),
    variables,
    notation: 'plain',
    parameters: [],
  });
}

/** The whole-Hessian spectrum at `point` and its settled form. */
function spectra(text: string, variables: string[], point: number[]): [Spectrum, Spectrum] {
  const problem = problemOf(text, variables);
  const x = Float64Array.from(point);
  const gradient = new Float64Array(x.length);
  problem.valueAndGradient(x, gradient);
  const spectrum = spectrumAt(problem, x, gradient, Infinity)!;
  return [spectrum, settled(problem, x, spectrum)];
}

function near(actual: number, expected: number, relative: number): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} vs ${expected}`);
}

describe('curvature: kinks', () => {
  it('records the jump of ∇f across a kink: 2 for |x − 3| at 3, whatever the step of the differences', () => {
    // ∇f jumps from −1 to 1; far from 0 the differences' step is 3·HESSIAN_STEP, and the jump is the
    // same.
    const [spectrum] = spectra('abs(x - 3)', ['x'], [3]);
    assert.equal(spectrum.directions.length, 1);
    near(spectrum.directions[0]!.kink!, 2, 1e-9);
    // A kink is not a curvature of f: it sets no scale.
    assert.equal(spectrum.scale, 0);
  });
});

describe('curvature: settled()', () => {
  it('sets to 0 a curvature that vanishes towards the stationary point: x⁴ at 0.01', () => {
    // f'' = 12x² = 0.0012; the Newton step x − f'/f'' = 2x/3 sees 4/9 of it, a change of 5/9 > ½.
    const [spectrum, kept] = spectra('x^4', ['x'], [0.01]);
    near(spectrum.highest, 0.0012, 1e-3);
    assert.deepEqual(
      kept.directions.map((d) => d.curvature),
      [0],
    );
    assert.deepEqual([kept.lowest, kept.highest, kept.scale], [0, 0, 0]);
  });

  it('keeps a curvature that holds along its own Newton step, measured one step along the eigenvector', () => {
    // f = F(u) + (x − y)² with u = x + y and F(u) = (u − 5)² + exp(2(u − 5))/4. At x = y = 2.8 (u = 5.6)
    // the curvature along (1, 1)/√2 is 2F''(u) = 2(2 + e^1.2), and ∇f has no component along (1, −1).
    // Newton's step along (1, 1)/√2 moves u by F'/F'' = (1.2 + e^1.2/2)/(2 + e^1.2) ≈ 0.538, to where
    // F'' ≈ 3.13 of 5.32: a change of less than half, so it stays. The wrong places are all more than
    // half away: u + 0.538 (F'' ≈ 11.7), u − 2·0.538 (F'' ≈ 2.39), and 0 (F'' ≈ 2).
    const text = '(x + y - 5)^2 + exp(2*(x + y - 5))/4 + (x - y)^2';
    const [, kept] = spectra(text, ['x', 'y'], [2.8, 2.8]);
    const along = 2 * (2 + Math.exp(1.2));
    near(kept.highest, along, 1e-6);
    near(kept.lowest, 4, 1e-6);
  });
});

describe('curvature: where f is not finite', () => {
  it("has no curvature at 1/x's pole: the differences straddle it and see 0, but f and ∇f are infinite", () => {
    const reciprocal = problemOf('1/x', ['x']);
    const at0 = extremeCurvatures(reciprocal, [0], Infinity)!;
    assert.ok(Number.isNaN(at0.lowest) && Number.isNaN(at0.highest), JSON.stringify(at0));
    assert.ok(Number.isNaN(lambdaMaxAt(reciprocal, [0], false)));
    // Away from the pole, f'' = 2/x³: 2 at 1.
    near(lambdaMaxAt(reciprocal, [1], false), 2, 1e-6);
  });

  it('has none where a partial is not finite, where the differences reach where f is not defined, nor at a pole beyond the whole-Hessian size', () => {
    // √|x| + y² at (0, 1): f = 1, but ∂f/∂x is not finite (the differences alone would say 1/(2·√step)).
    const cusp = extremeCurvatures(problemOf('sqrt(abs(x)) + y^2', ['x', 'y']), [0, 1], Infinity)!;
    assert.ok(Number.isNaN(cusp.lowest) && Number.isNaN(cusp.highest), JSON.stringify(cusp));
    // √x + y² at (10⁻⁵, 1): f and ∇f are finite, but the differences along x reach below 0.
    assert.ok(Number.isNaN(lambdaMaxAt(problemOf('sqrt(x) + y^2', ['x', 'y']), [1e-5, 1], false)));
    // Σ xᵢ² + 1/x₁ at x₁ = 0 with more variables than the whole Hessian is taken for (Lanczos).
    const n = EIGENVALUE_MAX_DIMENSION + 1;
    const variables = Array.from({ length: n }, (_, i) => `x${i + 1}`);
    const text = `${variables.map((v) => `${v}^2`).join(' + ')} + 1/x1`;
    const start = variables.map((_, i) => (i === 0 ? 0 : 1));
    const extremes = extremeCurvatures(problemOf(text, variables), start, Infinity)!;
    assert.ok(Number.isNaN(extremes.highest), JSON.stringify(extremes));
  });
});
