// Data found in the note beside a loss (Markdown tables, LaTeX tabulars, Python lists), and the fit
// read from the loss for the panel's data view.
import { strict as assert } from 'node:assert';
import { dataOfText } from '../../src/engine/data/bound';
import { fitFrames } from '../../src/engine/data/fit';
import { latexTabulars, markdownTables, pythonLists } from '../../src/engine/data/noteData';
import { tableOf } from '../../src/engine/data/table';
import { parseFormula } from '../../src/engine/parse';
import { expressionTex, expressionText } from '../../src/engine/tex';
import { withNoteData } from '../../src/usecases/noteData';

const MSE = 'J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';

const NOTE = `# Fitting a line

| x | y |
|---|---:|
| 1 | 3 |
| 2 | 5 |
| 3 | 7 |

$$${MSE}$$

| name | age |
|------|-----|
| a    | 3   |
`;

describe('data in the note', () => {
  it('reads a Markdown table: header, separator, rows', () => {
    const [first, second] = markdownTables(NOTE);
    assert.deepEqual(first!.header, ['x', 'y']);
    assert.deepEqual(first!.rows, [
      ['1', '3'],
      ['2', '5'],
      ['3', '7'],
    ]);
    assert.equal(first!.origin, 'the table on line 3');
    assert.deepEqual(second!.header, ['name', 'age']);
  });

  it('binds the loss to the table whose columns it reads, and the run reads it', () => {
    const bound = withNoteData(MSE, NOTE, NOTE.indexOf('$$'));
    const table = dataOfText(bound)!;
    assert.deepEqual(table.columns, ['x', 'y']);
    assert.deepEqual(Array.from(table.values[1]!), [3, 5, 7]);
    assert.equal(table.origin, 'the table on line 3');
    assert.equal(withNoteData('f(x) = x^2', NOTE, 0), 'f(x) = x^2');
  });

  it('a bad cell in the table reaches the run as its one-line error', () => {
    const note = NOTE.replace('| 2 | 5 |', '| 2 | five |');
    assert.throws(
      () => dataOfText(withNoteData(MSE, note, 0)),
      /Row 2, column y of the data in the table on line 3 is "five", not a number\./,
    );
  });

  it('reads a LaTeX tabular, rules dropped', () => {
    const tex =
      '\\begin{tabular}{cc}\n\\hline\n$x$ & $y$ \\\\\n\\hline\n1 & 2 \\\\\n3 & 4 \\\\\n\\end{tabular}';
    const [t] = latexTabulars(tex);
    assert.deepEqual(t!.header, ['$x$', '$y$']);
    assert.deepEqual(t!.rows, [
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads Python lists and np.array assignments by the names the loss needs', () => {
    const code = 'import numpy as np\nx = [1, 2, 3]\ny = np.array([2.0, 4.1, 6.2])\nz = [9]\n';
    const [t] = pythonLists(code, ['x', 'y']);
    assert.deepEqual(t!.header, ['x', 'y']);
    assert.deepEqual(t!.rows[2], ['3', '6.2']);
  });

  it('writes a data sum as Σ with its columns in TeX and text', () => {
    const f = parseFormula(MSE);
    assert.equal(expressionText(f.expression), '1 / (2 m) * sum_i((w * x_i + b - y_i) ^ 2)');
    assert.match(expressionTex(f.expression), /\\sum_\{i=1\}\^\{m\}\\left\(.* x_\{i\}.* y_\{i\}/);
  });
});

describe('the fit read from the loss', () => {
  const point = (w: number, b: number) => ({ iteration: 0, point: [w, b], value: 0, gradientNorm: 0 });

  it('a regression: the prediction at x is w x + b, for MSE as for Huber', () => {
    const data = tableOf(
      ['x', 'y'],
      [
        ['0', '1'],
        ['4', '9'],
      ],
      't',
    );
    for (const text of [MSE, 'J(w,b) = \\sum_{i=1}^{m} \\operatorname{huber}(w x_i + b - y_i)']) {
      const fit = fitFrames(parseFormula(text), data, [point(2, 1)], undefined);
      assert.equal(fit.kind, 'curve');
      if (fit.kind !== 'curve') return;
      fit.grid.forEach((x, k) => assert.ok(Math.abs(fit.frames[0]![k]! - (2 * x + 1)) < 1e-6));
    }
  });

  it('labels ±1 with the logistic loss: the threshold where w x + b = 0', () => {
    const data = tableOf(
      ['x', 'y'],
      [
        ['0', '-1'],
        ['4', '1'],
      ],
      't',
    );
    const text = 'J(w,b) = \\frac{1}{m}\\sum_{i=1}^{m} \\log(1 + e^{-y_i(w x_i + b)})';
    const fit = fitFrames(parseFormula(text), data, [point(2, -3)], undefined);
    assert.equal(fit.kind, 'threshold');
    if (fit.kind === 'threshold') assert.ok(Math.abs(fit.frames[0]! - 1.5) < 1e-9);
  });

  it('two features with labels 0/1 and cross-entropy: the boundary line w₁x₁ + w₂x₂ + b = 0', () => {
    const data = tableOf(
      ['x1', 'x2', 'y'],
      [
        ['0', '0', '0'],
        ['2', '2', '1'],
        ['0', '2', '1'],
      ],
      't',
    );
    const text =
      'J(w_1,w_2,b) = -\\frac{1}{m}\\sum_{i=1}^{m} \\left[y_i \\log(\\sigma(w_1 x_{i1} + w_2 x_{i2} + b)) + (1 - y_i)\\log(1 - \\sigma(w_1 x_{i1} + w_2 x_{i2} + b))\\right]';
    const fit = fitFrames(
      parseFormula(text),
      data,
      [{ iteration: 0, point: [1, 1, -2], value: 0, gradientNorm: 0 }],
      undefined,
    );
    assert.equal(fit.kind, 'boundary');
    if (fit.kind !== 'boundary') return;
    // x₂ = 2 − x₁, inside the plot's x₂ range (−0.1 … 2.1) all along.
    fit.grid.forEach((x1, k) => {
      const x2 = fit.frames[0]![k]!;
      if (k > 0 && k < fit.grid.length - 1) assert.ok(Math.abs(x2 - (2 - x1)) < 1e-9, `${x1}: ${x2}`);
    });
  });
});
