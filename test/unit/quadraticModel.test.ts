// The local quadratic model on quadratics whose Hessian, κ and steps are known in closed form (worked
// out by hand in each case), and the behaviour words checked against the iterates gd really takes.
import { strict as assert } from 'node:assert';
import { runDescent } from '../../src/engine/descent';
import {
  behaviourOf,
  conditionAlong,
  directionEffects,
  EXACT_RELATIVE,
  quadraticModelAt,
} from '../../src/engine/quadraticModel';
import { problemOf } from './problemOf';

const close = (actual: number | null | undefined, expected: number, what: string, tol = 1e-7): void => {
  assert.ok(actual !== null && actual !== undefined, `${what} is ${String(actual)}`);
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} ≠ ${expected}`,
  );
};

/** Components of the gd iterates (from a trace of every iterate) along a unit vector. */
function along(
  text: string,
  variables: string[],
  start: number[],
  lr: number,
  vector: readonly number[],
  steps: number,
): number[] {
  const result = runDescent(problemOf(text, variables), {
    start,
    optimizer: { name: 'gd', lr },
    stop: { maxIterations: steps, gradientTolerance: 0, stepTolerance: 0 },
    maximize: false,
    traceLimit: 'all',
  });
  return result.trace.map((p) => p.point.reduce((sum, v, i) => sum + v * vector[i]!, 0));
}

describe('local quadratic model', () => {
  it('3x² + y²/2: H = diag(6, 1), κ = 6, 2/λmax = 1/3, 2/(λmin+λmax) = 2/7, contraction 5/7', () => {
    const m = quadraticModelAt(problemOf('3x^2 + y^2/2', ['x', 'y']), [1, 2]);
    close(m.eigenvalues[0], 1, 'λmin');
    close(m.eigenvalues[1], 6, 'λmax');
    assert.deepEqual(
      m.eigenvectors.map((v) => v.map((c) => Math.round(c * 1e9) / 1e9)),
      [
        [0, 1],
        [1, 0],
      ],
    );
    assert.equal(m.shape, 'positive-definite');
    close(m.conditionNumber, 6, 'κ');
    close(m.criticalLearningRate, 1 / 3, '2/λmax');
    close(m.optimalLearningRate, 2 / 7, 'best η');
    close(m.optimalContraction, 5 / 7, 'contraction');
    // Polyak: η = 4/(√6 + 1)² = 0.33617…, β = ((√6 − 1)/(√6 + 1))² = 0.17661…
    close(m.momentum?.learningRate, 4 / (Math.sqrt(6) + 1) ** 2, 'Polyak η');
    close(m.momentum?.beta, ((Math.sqrt(6) - 1) / (Math.sqrt(6) + 1)) ** 2, 'Polyak β');
    close(m.momentum?.learningRate, 0.33617, 'Polyak η by hand', 1e-5);
    close(m.momentum?.beta, 0.176571, 'Polyak β by hand', 1e-5);
  });

  it('x² + xy + y²: H = [[2, 1], [1, 2]], λ = 1 along (1, −1)/√2 and 3 along (1, 1)/√2, κ = 3', () => {
    const m = quadraticModelAt(problemOf('x^2 + x*y + y^2', ['x', 'y']), [0.3, -2]);
    close(m.eigenvalues[0], 1, 'λmin');
    close(m.eigenvalues[1], 3, 'λmax');
    const s = Math.SQRT1_2;
    close(Math.abs(m.eigenvectors[0]![0]!), s, 'v₁ x');
    close(m.eigenvectors[0]![0]! * m.eigenvectors[0]![1]!, -0.5, 'v₁ is (1, −1)/√2');
    close(m.eigenvectors[1]![0]!, s, 'v₂ x');
    close(m.eigenvectors[1]![1]!, s, 'v₂ y');
    close(m.conditionNumber, 3, 'κ');
    close(m.optimalLearningRate, 0.5, 'best η = 2/4');
    close(m.optimalContraction, 0.5, '(3−1)/(3+1)');
    close(m.momentum?.beta, ((Math.sqrt(3) - 1) / (Math.sqrt(3) + 1)) ** 2, 'Polyak β');
  });

  it('three variables x² + 2y² + 50z²: λ = 2, 4, 100, κ = 50, 2/λmax = 0.02', () => {
    const m = quadraticModelAt(problemOf('x^2 + 2y^2 + 50z^2', ['x', 'y', 'z']), [1, 1, 1], 0.015);
    [2, 4, 100].forEach((v, i) => close(m.eigenvalues[i], v, `λ${i}`));
    close(m.conditionNumber, 50, 'κ');
    close(m.criticalLearningRate, 0.02, '2/λmax');
    close(m.optimalLearningRate, 2 / 102, 'best η');
    close(m.momentum?.learningRate, 4 / (10 + Math.SQRT2) ** 2, 'Polyak η');
    // η = 0.015: ηλ = 0.03, 0.06, 1.5 → factors 0.97, 0.94, 0.5.
    assert.deepEqual(
      m.directions.map((d) => d.behaviour),
      ['crawls', 'crawls', 'oscillates'],
    );
    close(m.directions[0]!.factor, 0.97, 'factor x');
    close(m.directions[2]!.factor, 0.5, 'factor z');
  });

  it('a saddle x² − y²: κ, best η and momentum are null; 2/λmax = 1; the descent direction grows', () => {
    const m = quadraticModelAt(problemOf('x^2 - y^2', ['x', 'y']), [0, 0], 0.1);
    close(m.eigenvalues[0], -2, 'λmin');
    close(m.eigenvalues[1], 2, 'λmax');
    assert.equal(m.shape, 'saddle');
    assert.equal(m.conditionNumber, null);
    assert.equal(m.optimalLearningRate, null);
    assert.equal(m.momentum, null);
    close(m.criticalLearningRate, 1, '2/λmax');
    assert.deepEqual(
      m.directions.map((d) => d.behaviour),
      ['diverges', 'converges'],
    );
    close(m.directions[0]!.factor, 1.2, '|1 − 0.1·(−2)|');
  });

  it('a maximum −x² − 3y²: no step when minimizing; maximizing descends −f with κ = 3', () => {
    const problem = problemOf('-x^2 - 3y^2', ['x', 'y']);
    const min = quadraticModelAt(problem, [1, 1]);
    assert.equal(min.shape, 'maximum');
    assert.equal(min.conditionNumber, null);
    assert.equal(min.criticalLearningRate, null);
    const max = quadraticModelAt(problem, [1, 1], 0.2, true);
    assert.equal(max.shape, 'positive-definite');
    close(max.eigenvalues[0], -6, 'f’s λmin stays f’s');
    close(max.conditionNumber, 3, 'κ of −f');
    close(max.criticalLearningRate, 1 / 3, '2/6');
    // −f has curvature 2 along x and 6 along y: ηλ = 0.4 and 1.2.
    assert.deepEqual(
      max.directions.map((d) => [d.eigenvalue < -4, d.behaviour]),
      [
        [true, 'oscillates'],
        [false, 'converges'],
      ],
    );
  });

  it('words the boundaries: ηλ exactly 2 oscillates, just above diverges, λ = 0 is flat', () => {
    assert.equal(behaviourOf(0.5, 4, 1e-9), 'oscillates');
    assert.equal(behaviourOf(0.5001, 4, 1e-9), 'diverges');
    assert.equal(behaviourOf(0.25, 4, 1e-9), 'converges');
    assert.equal(behaviourOf(0.2501, 4, 1e-9), 'oscillates');
    assert.equal(behaviourOf(0.025, 4, 1e-9), 'crawls');
    assert.equal(behaviourOf(0.1, 0, 1e-9), 'flat');
  });

  it('the words match the iterates: oscillating components alternate sign, crawling ones shrink by the factor', () => {
    // 2x² + 0.01y² (λ = 4 and 0.02) at η = 0.4: ηλ = 1.6 along x (factor 0.6, alternating), 0.008 along y (0.992).
    const m = quadraticModelAt(problemOf('2x^2 + 0.01y^2', ['x', 'y']), [1, 1], 0.4);
    const [y, x] = m.directions;
    assert.equal(x!.behaviour, 'oscillates');
    assert.equal(y!.behaviour, 'crawls');
    const xs = along('2x^2 + 0.01y^2', ['x', 'y'], [1, 1], 0.4, x!.vector, 8);
    for (let k = 1; k < xs.length; k++) {
      assert.ok(xs[k]! * xs[k - 1]! < 0, `x changes sign at step ${k}`);
      close(Math.abs(xs[k]! / xs[k - 1]!), 0.6, `x factor at ${k}`, 1e-9);
    }
    const ys = along('2x^2 + 0.01y^2', ['x', 'y'], [1, 1], 0.4, y!.vector, 8);
    for (let k = 1; k < ys.length; k++) close(ys[k]! / ys[k - 1]!, 0.992, `y factor at ${k}`, 1e-9);
  });

  it('the words match the iterates: a diverging direction grows by |1 − ηλ| = 1.4 while alternating', () => {
    // (x+y)² + 0.1(x−y)²: λ = 4 along (1,1)/√2, 0.4 along (1,−1)/√2; η = 0.6 → ηλ = 2.4 and 0.24.
    const text = '(x+y)^2 + 0.1(x-y)^2';
    const m = quadraticModelAt(problemOf(text, ['x', 'y']), [1, 0], 0.6);
    const steep = m.directions[1]!;
    assert.equal(steep.behaviour, 'diverges');
    close(steep.stepCurvature, 2.4, 'ηλ');
    const cs = along(text, ['x', 'y'], [1, 0], 0.6, steep.vector, 6);
    for (let k = 1; k < cs.length; k++) close(cs[k]! / cs[k - 1]!, -1.4, `ratio at ${k}`, 1e-9);
    assert.equal(m.directions[0]!.behaviour, 'converges');
  });

  it('κ along Rosenbrock’s path grows as it turns into the valley', () => {
    // At (−1, 1): H = [[1200·1 − 400·1 + 2, 400], [400, 200]] = [[802, 400], [400, 200]]; at (1, 1): [[802, −400], [−400, 200]].
    const [start, bottom] = conditionAlong(problemOf('(1-x)^2 + 100(y-x^2)^2', ['x', 'y']), [
      [0, 0],
      [1, 1],
    ]);
    // At (0, 0): H = diag(2, 200), κ = 100; at the minimum (1, 1): λ = 501 ± √(301² + 400²) = 501 ± 500.6, κ ≈ 2508.
    // The differences' step δ = 1e-4 adds 400·δ² to f_xx from the x³ term: 1e-5 of κ.
    close(start, 100, 'κ at the origin', 1e-5);
    const root = Math.sqrt(301 ** 2 + 400 ** 2);
    close(bottom, (501 + root) / (501 - root), 'κ at (1, 1)', 1e-5);
  });

  it('orients each eigenvector by its largest component: x² − 2xy + 4y², λ = 5 ∓ √13', () => {
    // H = [[2, −2], [−2, 8]]: (2 − λ)v₁ − 2v₂ = 0, so v₂ = (2 − λ)v₁/2: 0.3028 v₁ for λ = 5 − √13,
    // −3.3028 v₁ for λ = 5 + √13; each made positive in its largest component.
    const m = quadraticModelAt(problemOf('x^2 - 2*x*y + 4*y^2', ['x', 'y']), [1, 1]);
    const r = Math.sqrt(13);
    close(m.eigenvalues[0]!, 5 - r, 'λmin', 1e-6);
    close(m.eigenvalues[1]!, 5 + r, 'λmax', 1e-6);
    const unit = (a: number, b: number): number[] => [a / Math.hypot(a, b), b / Math.hypot(a, b)];
    const [low, high] = [unit(1, (2 - (5 - r)) / 2), unit(-1, -(2 - (5 + r)) / 2)];
    m.eigenvectors[0]!.forEach((v, i) => close(v, low[i]!, `v_min[${i}]`, 1e-6));
    m.eigenvectors[1]!.forEach((v, i) => close(v, high[i]!, `v_max[${i}]`, 1e-6));
    assert.ok(
      m.eigenvectors[1]![0]! < 0 && m.eigenvectors[1]![1]! > 0,
      'the larger component is the positive one',
    );
    assert.deepEqual(m.point, [1, 1]);
  });

  it('never prints −0 in an axis-aligned eigenvector', () => {
    for (const text of ['3*x^2 + y^2/2', '-x^2 - 3*y^2', 'x^2 - y^2']) {
      const m = quadraticModelAt(problemOf(text, ['x', 'y']), [0.5, -2]);
      for (const v of m.eigenvectors.flat()) assert.ok(!Object.is(v, -0), `${text}: ${m.eigenvectors}`);
    }
  });

  it('words the edges of each regime exactly', () => {
    assert.equal(behaviourOf(0.1, 0, 0), 'flat', 'λ = 0 with a zero threshold of 0');
    assert.equal(behaviourOf(0, 5, 0), 'crawls', 'η = 0: the factor is 1, not a divergence');
    const two = 2 * (1 + EXACT_RELATIVE);
    const one = 1 * (1 + EXACT_RELATIVE);
    assert.equal(behaviourOf(1, two, 0), 'oscillates', 'ηλ at the critical step, within rounding');
    assert.equal(behaviourOf(1, one, 0), 'converges', 'ηλ = 1 within rounding: one step to the minimum');
  });

  it('calls a direction flat below 1e-6 of the largest |λ|: 10000x² + 0.0001y²', () => {
    // λ = 20000 and 0.0002: the second is below 1e-6 · 20000 = 0.02.
    const m = quadraticModelAt(problemOf('10000*x^2 + 0.0001*y^2', ['x', 'y']), [1, 1], 1e-5);
    assert.equal(m.shape, 'degenerate');
    assert.equal(m.conditionNumber, null);
    assert.deepEqual(
      m.directions.map((d) => d.behaviour),
      ['flat', 'converges'],
    );
    const effects = directionEffects(
      1e-5,
      [2e-4, 2e4],
      [
        [0, 1],
        [1, 0],
      ],
      1,
    );
    assert.deepEqual(
      effects.map((d) => d.behaviour),
      ['flat', 'converges'],
      'ηλ = 0.2: factor 0.8',
    );
  });

  it('has no critical step when the largest descended curvature is 0: y − x²', () => {
    const m = quadraticModelAt(problemOf('y - x^2', ['x', 'y']), [1, 1]);
    assert.deepEqual(m.eigenvalues, [-2, 0]);
    assert.equal(m.criticalLearningRate, null);
  });

  it('refuses a curvature that is not finite, and κ along a path is null there', () => {
    // √x has no real value left of 0, so its second derivative there is not a number; at (1, 1) H = diag(1.75, 2).
    const problem = problemOf('sqrt(x) + x^2 + y^2', ['x', 'y']);
    assert.throws(() => quadraticModelAt(problem, [-1, 1]), /not finite/);
    assert.deepEqual(
      conditionAlong(problem, [
        [-1, 1],
        [1, 1],
      ]).map((k) => k === null),
      [true, false],
    );
  });

  it('works the curvature out for up to 64 variables, and refuses 65 by name', () => {
    const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `v${i}`);
    const sum = (n: number): string =>
      names(n)
        .map((v) => `${v}^2`)
        .join(' + ');
    // Σ vᵢ²: H = 2I, κ = 1.
    const m = quadraticModelAt(problemOf(sum(64), names(64)), new Array<number>(64).fill(1));
    assert.equal(m.eigenvalues.length, 64);
    close(m.conditionNumber, 1, 'κ');
    assert.throws(
      () => quadraticModelAt(problemOf(sum(65), names(65)), new Array<number>(65).fill(1)),
      /up to 64 variables; this formula has 65/,
    );
  });
});
