// The explain and phase commands of the CLI, in-process: the contract's JSON fields exactly, their
// values on quadratics known in closed form (worked out by hand), the readable text, and refusals.
import { strict as assert } from 'node:assert';
import { runCli } from '../../src/cli/main';

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const near = (a: number, b: number, tol = 1e-7): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('CLI explain and phase', () => {
  it('explain --json: x² + 4y² at (1, 2), η = 0.3: λ = 2, 8; κ = 4; 2/8; 2/10; Polyak 4/18, 1/9; factors 0.4, 1.4', () => {
    const ran = cli('explain', 'x^2 + 4y^2', '--start', '1,2', '--lr', '0.3', '--json');
    assert.equal(ran.code, 0, ran.stderr);
    const j = JSON.parse(ran.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(j), [
      'variables',
      'point',
      'eigenvalues',
      'eigenvectors',
      'conditionNumber',
      'criticalLearningRate',
      'optimalLearningRate',
      'momentum',
      'directions',
    ]);
    const e = j as {
      point: number[];
      eigenvalues: number[];
      eigenvectors: number[][];
      conditionNumber: number;
      criticalLearningRate: number;
      optimalLearningRate: number;
      momentum: { learningRate: number; beta: number };
      directions: { eigenvalue: number; vector: number[]; factor: number; behaviour: string }[];
    };
    assert.deepEqual(e.point, [1, 2]);
    assert.ok(near(e.eigenvalues[0]!, 2) && near(e.eigenvalues[1]!, 8));
    assert.deepEqual(e.eigenvectors, [
      [1, 0],
      [0, 1],
    ]);
    assert.ok(
      near(e.conditionNumber, 4) && near(e.criticalLearningRate, 0.25) && near(e.optimalLearningRate, 0.2),
    );
    assert.deepEqual(Object.keys(e.momentum), ['learningRate', 'beta']);
    assert.ok(near(e.momentum.learningRate, 4 / 18) && near(e.momentum.beta, 1 / 9));
    assert.deepEqual(Object.keys(e.directions[0]!), ['eigenvalue', 'vector', 'factor', 'behaviour']);
    assert.deepEqual(
      e.directions.map((d) => [Math.round(d.factor * 1e6) / 1e6, d.behaviour]),
      [
        [0.4, 'converges'],
        [1.4, 'diverges'],
      ],
    );
  });

  it('explain on a saddle: conditionNumber, optimalLearningRate and momentum are null; the text says saddle', () => {
    const j = JSON.parse(cli('explain', 'x^2 - 3y^2', '--json').stdout) as Record<string, unknown>;
    assert.equal(j.conditionNumber, null);
    assert.equal(j.optimalLearningRate, null);
    assert.equal(j.momentum, null);
    const text = cli('explain', 'x^2 - 3y^2', '--lr', '0.1').stdout;
    assert.match(text, /a saddle/);
    assert.match(text, /condition number κ = λmax\/λmin: none/);
    // λ_y = −6: factor |1 + 0.6| = 1.6.
    assert.match(text, /y runs away: the curvature is negative \(λ_y = −6\), ×1\.6 per step\./);
    // The variables' order, and each axis direction named by its variable.
    assert.match(text, /^Local quadratic model in \(x, y\) at \(1, 1\)/);
    assert.match(text, /λ = −6 along y \(0, 1\): at η = 0\.1 factor 1\.6, diverges/);
    assert.match(text, /λ = 2 along x \(1, 0\): at η = 0\.1 factor 0\.8, converges/);
  });

  it('phase --json: the contract’s fields, one row per β, and the best cell', () => {
    const ran = cli('phase', 'x^2/2 + 10*y^2/2', '--count', '6', '--max-iter', '300', '--json');
    assert.equal(ran.code, 0, ran.stderr);
    const j = JSON.parse(ran.stdout) as {
      learningRates: number[];
      betas: number[];
      iterations: (number | null)[][];
      best: { learningRate: number; beta: number; iterations: number };
    };
    assert.deepEqual(Object.keys(j), ['learningRates', 'betas', 'iterations', 'best']);
    // λmax = 10: η from 2e−4 to 0.4; β from 0 to 0.99.
    assert.ok(near(j.learningRates[0]!, 2e-4) && near(j.learningRates[5]!, 0.4));
    assert.deepEqual([j.betas[0], j.betas[5]], [0, 0.99]);
    assert.equal(j.iterations.length, 6);
    assert.ok(j.iterations.every((row) => row.length === 6));
    const counts = j.iterations.flat().filter((v): v is number => v !== null);
    assert.equal(j.best.iterations, Math.min(...counts));
    assert.deepEqual(Object.keys(j.best), ['learningRate', 'beta', 'iterations']);
  });

  it('phase takes its own ranges and optimizers, and refuses others', () => {
    const j = JSON.parse(
      cli(
        'phase',
        'x^2',
        '--optimizer',
        'nesterov',
        '--lr-min',
        '0.01',
        '--lr-max',
        '1',
        '--beta-min',
        '0.2',
        '--beta-max',
        '0.8',
        '--count',
        '3',
        '--json',
      ).stdout,
    ) as { learningRates: number[]; betas: number[] };
    assert.deepEqual(
      j.learningRates.map((v) => Math.round(v * 1e9) / 1e9),
      [0.01, 0.1, 1],
    );
    assert.deepEqual(
      j.betas.map((v) => Math.round(v * 1e9) / 1e9),
      [0.2, 0.5, 0.8],
    );
    assert.equal(cli('phase', 'x^2', '--optimizer', 'gd').code, 2);
    assert.equal(cli('phase', 'x^2', '--beta-max', '1').code, 2);
    assert.equal(cli('phase', 'x^2', '--beta-min', '0.5', '--beta-max', '0.4').code, 2);
    assert.equal(cli('phase', 'x^2', '--count', '500').code, 2);
    assert.equal(cli('explain', 'x^2', '--count', '5').code, 2);
    assert.match(cli('phase', 'x^2', '--count', '4').stdout, /best: η = .*, β = .* in \d+ iterations/);
  });
});
