import { strict as assert } from 'node:assert';
import { differentiate, parseExpression } from '../../src/engine/math';

describe('hardened mathjs instance', () => {
  it('differentiates through the private reference', () => {
    const d = differentiate(parseExpression('2 * x^2'), 'x');
    const value = d.compile().evaluate({ x: 1 });
    assert.equal(value, 4);
  });

  it('keeps evaluate and import out of reach of expression text', () => {
    for (const text of [
      'evaluate("1+1")',
      'import({}, {})',
      'createUnit("foo")',
      'parse("1")',
      'simplify("x")',
    ]) {
      assert.throws(() => parseExpression(text).compile().evaluate({}), /disabled/, text);
    }
  });
});
