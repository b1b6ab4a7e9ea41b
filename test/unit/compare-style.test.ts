// How the comparison tells its runs apart (src/webview/views/compareStyle.ts): the person's own
// run alone in the runs view's path colour and a solid line; every other of up to all the optimizers
// in another colour or dash, no two alike.
import * as assert from 'node:assert/strict';
import { ALL_OPTIMIZER_NAMES } from '../../src/engine/optimizers/registry';
import { styleOf } from '../../src/webview/views/compareStyle';

const COLOURS = ['orange', 'green', 'red', 'purple', 'yellow', 'grey'];

describe('compared runs’ styles', () => {
  it('gives the own run the path colour and the only solid line, and no two runs the same style', () => {
    const styles = ALL_OPTIMIZER_NAMES.map((_, slot) => styleOf(slot, COLOURS));
    assert.deepEqual(styles[0], { color: 'orange', dash: '' });
    for (const s of styles.slice(1)) {
      assert.notEqual(s.color, 'orange');
      assert.notEqual(s.dash, '');
    }
    const keys = styles.map((s) => `${s.color}|${s.dash}`);
    assert.equal(new Set(keys).size, keys.length, keys.join(', '));
    // The first six (the default comparison) each have their own colour and their own dash.
    assert.equal(new Set(styles.slice(0, 6).map((s) => s.color)).size, 6);
    assert.equal(new Set(styles.slice(0, 6).map((s) => s.dash)).size, 6);
  });
});
