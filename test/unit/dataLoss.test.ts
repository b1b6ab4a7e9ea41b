// Losses over data: sums up to m read as sums over the rows, compiled to a loop; values and gradients
// against hand computations on two or three rows.
import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { compileDataLoss } from '../../src/engine/compile/dataLoss';
import { tableOf } from '../../src/engine/data/table';
import { parseFormula } from '../../src/engine/parse';

const table = (header: string[], rows: number[][]) =>
  tableOf(
    header,
    rows.map((r) => r.map(String)),
    'the table',
  );

function evaluate(
  text: string,
  data: ReturnType<typeof table>,
  at: number[],
  parameters: Record<string, number> = {},
) {
  const formula = parseFormula(text);
  const { problem } = compileDataLoss(formula, data);
  problem.parameters?.names.forEach((name, i) => {
    if (name in parameters) problem.parameters!.values[i] = parameters[name];
  });
  const gradient = new Float64Array(problem.dimension);
  const value = problem.valueAndGradient(Float64Array.from(at), gradient);
  return { formula, problem, value, gradient: Array.from(gradient) };
}

function close(actual: number, expected: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} ≠ ${expected}`,
  );
}

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('losses over data', () => {
  const line = table(
    ['x', 'y'],
    [
      [1, 3],
      [2, 5],
      [3, 8],
    ],
  );

  it('reads m in the bounds as the row count, not a variable, and x_i, y_i as columns', () => {
    const f = parseFormula('J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2');
    assert.deepEqual(f.variables, ['w', 'b']);
    assert.deepEqual(f.parameters, []);
    assert.deepEqual(f.data, { count: 'm', columns: [{ base: 'x' }, { base: 'y' }] });
  });

  it('MSE: value and gradient at w = 1, b = 0.5 on three rows', () => {
    // Residuals w x + b − y: −1.5, −2.5, −4.5; J = (2.25 + 6.25 + 20.25) / 6.
    const r = evaluate('J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2', line, [1, 0.5]);
    close(r.value, 28.75 / 6, 'J');
    close(r.gradient[0], (-1.5 * 1 - 2.5 * 2 - 4.5 * 3) / 3, '∂J/∂w');
    close(r.gradient[1], (-1.5 - 2.5 - 4.5) / 3, '∂J/∂b');
    close(r.problem.value(Float64Array.from([1, 0.5])), 28.75 / 6, 'value()');
  });

  it('an L2 term λ w² whose λ is a parameter the run sets', () => {
    const text = 'J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2 + \\lambda w^2';
    const r = evaluate(text, line, [1, 0.5], { lambda: 0.1 });
    assert.deepEqual(
      r.formula.parameters.map((p) => p.name),
      ['lambda'],
    );
    close(r.value, 28.75 / 6 + 0.1, 'J');
    close(r.gradient[0], -20 / 3 + 0.2, '∂J/∂w');
  });

  it('an L2 term λ‖w‖² of the weights w_1, w_2 is λ(w_1² + w_2²); of a scalar w, λw²', () => {
    const data = table(['x1', 'x2', 'y'], [[1, 2, 1]]);
    const text =
      'J(w, b) = \\frac{1}{2}\\sum_{i=1}^{m} (w_1 x_{i1} + w_2 x_{i2} + b - y_i)^2 + \\lambda\\|w\\|^2';
    const r = evaluate(text, data, [1, -1, 0], { lambda: 0.5 });
    assert.deepEqual(r.problem.variables, ['w_1', 'w_2', 'b']);
    // Residual 1 − 2 − 1 = −2: J = 4/2 + 0.5 · (1 + 1).
    close(r.value, 2 + 1, 'J');
    assert.deepEqual(r.gradient, [-2 * 1 + 1, -2 * 2 - 1, -2]);
    const scalar = evaluate(
      'J(w, b) = \\sum_{i=1}^{m} (w x_i + b - y_i)^2 + \\lambda \\|w\\|^2',
      line,
      [1, 0.5],
      { lambda: 2 },
    );
    close(scalar.value, 28.75 + 2, 'J with a scalar w');
  });

  it('0…m−1 bounds, n as the count, and x^{(i)} as a column of row i', () => {
    const a = evaluate('J(w,b) = \\sum_{i=0}^{n-1} (y^{(i)} - w x^{(i)} - b)^2', line, [2, 0]);
    close(a.value, 1 + 1 + 4, 'J');
    close(a.gradient[0], -2 * (1 * 1 + 1 * 2 + 2 * 3), '∂J/∂w');
  });

  const signs = table(
    ['x', 'y'],
    [
      [1, 1],
      [2, -1],
    ],
  );

  it('the logistic loss log(1 + e^{−y(wx + b)})', () => {
    const r = evaluate(
      'J(w,b) = \\frac{1}{m}\\sum_{i=1}^{m} \\log(1 + e^{-y_i(w x_i + b)})',
      signs,
      [0.5, 0],
    );
    // Margins y(wx + b): 0.5 and −1.
    close(r.value, (Math.log(1 + Math.exp(-0.5)) + Math.log(1 + Math.exp(1))) / 2, 'J');
    close(r.gradient[0], (-sigma(-0.5) * 1 + sigma(1) * 2) / 2, '∂J/∂w');
    close(r.gradient[1], (-sigma(-0.5) + sigma(1)) / 2, '∂J/∂b');
  });

  it('cross-entropy with a sigmoid, labels 0 and 1', () => {
    const labels = table(
      ['x', 'y'],
      [
        [1, 1],
        [-2, 0],
      ],
    );
    const text =
      'J(w,b) = -\\frac{1}{m}\\sum_{i=1}^{m} \\left[y_i \\log(\\sigma(w x_i + b)) + (1 - y_i)\\log(1 - \\sigma(w x_i + b))\\right]';
    const r = evaluate(text, labels, [0.5, 0.25]);
    const p1 = sigma(0.75);
    const p2 = sigma(-0.75);
    close(r.value, -(Math.log(p1) + Math.log(1 - p2)) / 2, 'J');
    // ∂/∂w of the mean cross-entropy is mean((p − y) x).
    close(r.gradient[0], ((p1 - 1) * 1 + p2 * -2) / 2, '∂J/∂w');
    close(r.gradient[1], (p1 - 1 + p2) / 2, '∂J/∂b');
  });

  it('the hinge loss max(0, 1 − y(wx + b)), with its subgradient', () => {
    const r = evaluate('J(w,b) = \\sum_{i=1}^{m} \\max(0, 1 - y_i (w x_i + b))', signs, [0.5, 0]);
    close(r.value, 0.5 + 2, 'J');
    assert.deepEqual(r.gradient, [-1 + 2, -1 + 1]);
  });

  it('the Huber loss: quadratic near 0, linear beyond δ', () => {
    const r = evaluate(
      'J(w,b) = \\frac{1}{m}\\sum_{i=1}^{m} \\operatorname{huber}(w x_i + b - y_i, 1)',
      line,
      [1, 0.5],
    );
    // Residuals −1.5, −2.5, −4.5, all beyond δ = 1: |r| − 0.5 each; slope −1 each.
    close(r.value, (1 + 2 + 4) / 3, 'J');
    close(r.gradient[0], -(1 + 2 + 3) / 3, '∂J/∂w');
    close(r.gradient[1], -1, '∂J/∂b');
  });

  it('several features: x_{i1}, x_{i,2} read the columns x1 and x_2', () => {
    const data = table(
      ['x1', 'x_2', 'y'],
      [
        [1, 2, 1],
        [0, -1, 2],
      ],
    );
    const text = 'J(w_1, w_2) = \\frac{1}{2}\\sum_{i=1}^{m} (w_1 x_{i1} + w_2 x_{i,2} - y_i)^2';
    const r = evaluate(text, data, [1, 1]);
    // Residuals 1 + 2 − 1 = 2 and 0 − 1 − 2 = −3.
    close(r.value, (4 + 9) / 2, 'J');
    assert.deepEqual(r.gradient, [2 * 1 + -3 * 0, 2 * 2 + -3 * -1]);
  });

  it('reads the batch the binding names, and m is its size', () => {
    const { problem, binding } = compileDataLoss(
      parseFormula('J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2'),
      line,
    );
    binding.rows = Uint32Array.from([2, 0]);
    binding.count = 2;
    close(problem.value(Float64Array.from([1, 0.5])), (20.25 + 2.25) / 4, 'J on rows 3 and 1');
    binding.count = 1;
    close(problem.value(Float64Array.from([1, 0.5])), 20.25 / 2, 'J on row 3');
  });

  it('refuses a column the data lacks, naming the columns it has', () => {
    const f = parseFormula('J(w) = \\sum_{i=1}^{m} (w z_i - y_i)^2');
    assert.throws(
      () => compileDataLoss(f, line),
      /^FormulaError: The loss reads column z \(z_i\), but the table has the columns x, y\.$/,
    );
  });

  it('compileFormula asks for the data instead of compiling a loss over data', () => {
    const f = parseFormula('J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2');
    assert.throws(() => compileFormula(f), /sums over a data set \(up to m\): give it the data/);
  });

  it('refuses the row index outside a subscript, and m as a variable', () => {
    assert.throws(
      () => parseFormula('J(w) = \\sum_{i=1}^{m} (w i - y_i)^2'),
      /row index i .* can only be a subscript/,
    );
    assert.throws(() => parseFormula('J(w, m) = \\sum_{i=1}^{m} (w x_i - y_i)^2'), /m counts the rows/);
  });

  it('compiles a loop: 10,000 rows give the same value as 3 rows repeated', () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, k) =>
        [
          [1, 3],
          [2, 5],
          [3, 8],
        ][k % 3]!,
    );
    const big = table(['x', 'y'], rows);
    const r = evaluate('J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2', big, [1, 0.5]);
    // 3,334 rows of (1,3), 3,333 of each other.
    close(r.value, (3334 * 2.25 + 3333 * 6.25 + 3333 * 20.25) / 20_000, 'J');
  });
});
