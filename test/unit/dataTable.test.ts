// Reading data sets: a CSV or TSV text to named columns, and the one-line refusals of bad data.
import { strict as assert } from 'node:assert';
import { parseDelimited, tableOf, tableOfLists } from '../../src/engine/data/table';
import { MAX_DATA_ROWS } from '../../src/engine/limits';

describe('data tables', () => {
  it('reads a CSV with a header row into named columns', () => {
    const t = parseDelimited('x,y\n1,3\n2,5.5\n-3,1e-2\n', 'data.csv');
    assert.deepEqual(t.columns, ['x', 'y']);
    assert.equal(t.rows, 3);
    assert.deepEqual(Array.from(t.values[0]), [1, 2, -3]);
    assert.deepEqual(Array.from(t.values[1]), [3, 5.5, 0.01]);
  });

  it('reads a TSV, skips blank and # lines and quotes around cells', () => {
    const t = parseDelimited('# measured\n"x1"\tx2\ty\n\n1\t2\t3\n4\t5\t6\n', 'data.tsv');
    assert.deepEqual(t.columns, ['x1', 'x2', 'y']);
    assert.deepEqual(Array.from(t.values[2]), [3, 6]);
  });

  it('takes LaTeX names in a header ($x_{1}$ is x_1) and a typographic minus in a cell', () => {
    const t = tableOf(['$x_{1}$', '$y$'], [['−2', '$3$']], 'the table');
    assert.deepEqual(t.columns, ['x_1', 'y']);
    assert.deepEqual([t.values[0][0], t.values[1][0]], [-2, 3]);
  });

  it('refuses ragged rows, saying which row and how many cells', () => {
    assert.throws(
      () => parseDelimited('x,y\n1,2\n3\n', 'data.csv'),
      /^FormulaError: Row 2 of the data in data\.csv has 1 cell; the header names 2 columns\.$/,
    );
  });

  it('refuses a non-numeric cell, naming its row and column', () => {
    assert.throws(
      () => parseDelimited('x,y\n1,2\n3,abc\n', 'data.csv'),
      /Row 2, column y of the data in data\.csv is "abc", not a number\./,
    );
  });

  it('refuses a header without rows, a nameless column and a name used twice', () => {
    assert.throws(() => parseDelimited('x,y\n', 'd.csv'), /has a header but no rows/);
    assert.throws(() => tableOf(['x', ''], [['1', '2']], 'd'), /Column 2 of the data in d has no name/);
    assert.throws(() => tableOf(['x', 'x'], [['1', '2']], 'd'), /two columns named x/);
  });

  it('refuses data over the row limit, saying the limit', () => {
    const text = `x\n${'1\n'.repeat(MAX_DATA_ROWS + 1)}`;
    assert.throws(() => parseDelimited(text, 'big.csv'), /has 100,001 rows; at most 100,000 are read\./);
    assert.equal(parseDelimited(`x\n${'1\n'.repeat(MAX_DATA_ROWS)}`, 'ok.csv').rows, MAX_DATA_ROWS);
  });

  it('refuses lists of different lengths, giving each length', () => {
    const lists = new Map([
      ['x', ['1', '2', '3']],
      ['y', ['1', '2']],
    ]);
    assert.throws(() => tableOfLists(lists, 'the file'), /differ in length: x has 3, y has 2\./);
  });
});
