// Where a loss over data meets the editor: the hover previews the fit, Insert Iteration Table writes
// epochs and losses, and the wording of a fit.
import { strict as assert } from 'node:assert';
import { DEFAULT_LIMITS } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { createProblemCache } from '../../src/host/problemCache';
import { hoverPreview } from '../../src/usecases/hover';
import { withNoteData } from '../../src/usecases/noteData';
import { insertedTable } from '../../src/usecases/tables';
import { fitSentence } from '../../src/usecases/wording';

const LOSS = 'J(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';
// y = 2x + 1 exactly: the fit is w = 2, b = 1.
const NOTE = `| x | y |\n|---|---|\n| 0 | 1 |\n| 1 | 3 |\n| 2 | 5 |\n| 3 | 7 |\n\n$$${LOSS}$$\n`;
const OPTIONS: RunOptions = {
  start: [0, 0],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 5_000 },
  maximize: false,
  traceLimit: 100,
};

describe('a loss over data in the editor', () => {
  it('words a fit: the values and the epochs', () => {
    assert.equal(fitSentence(['w', 'b'], [2, 1], 40), 'w = 2, b = 1 after 40 epochs');
    assert.equal(fitSentence(['w'], [-0.5], 1), 'w = −0.5 after 1 epoch');
  });

  it('the hover finds the table and previews the fit', () => {
    const bound = withNoteData(LOSS, NOTE, NOTE.indexOf('$$'));
    const markdown = hoverPreview(createProblemCache(DEFAULT_LIMITS), bound, OPTIONS, DEFAULT_LIMITS, 2_000);
    assert.equal(typeof markdown, 'string');
    assert.match(String(markdown), /Fit to the table on line 1: w = 2, b = 1 after \d+ epochs/);
  });

  it('Insert Iteration Table writes epochs, the variables and the loss on all rows', () => {
    const bound = withNoteData(LOSS, NOTE, NOTE.indexOf('$$'));
    const made = insertedTable(createProblemCache(DEFAULT_LIMITS), bound, OPTIONS, DEFAULT_LIMITS);
    assert.ok('table' in made, JSON.stringify(made));
    const lines = made.table.split('\n');
    assert.match(lines[0]!, /\(data: the table on line 1\).*batches of 4 in file order/);
    assert.equal(lines[2], '| epoch | w | b | loss on all rows |');
    // Epoch 0 is the start: at w = b = 0 the loss is (1 + 9 + 25 + 49) / (2 · 4) = 10.5.
    assert.equal(lines[4], '| 0 | 0 | 0 | 10.5 |');
    assert.equal(lines.length, 4 + 11);
  });
});
