import assert from 'node:assert/strict';
import { resolveLimits } from '../../src/engine/limits';
import { EMPTY_HINT, formulaProblem } from '../../src/extension/commands/validate';

describe('input box validation', () => {
  const limits = resolveLimits({ maxFormulaLength: 100 });

  it('accepts formulas in each notation', () => {
    for (const text of ['x^2', 'f(x) = 2x^{2}', '(1-x)^2 + 100(y-x^2)^2', 'x**2 + 3*y']) {
      assert.equal(formulaProblem(text, limits), undefined, text);
    }
  });

  it("gives the parser's message with the column for a broken formula", () => {
    const message = formulaProblem('x +', limits);
    assert.ok(message);
    assert.match(message, /\(column \d+\)$/);
  });

  it('refuses unsafe calls, constants and over-long text with a message', () => {
    assert.ok(formulaProblem('import(x)', limits));
    assert.ok(formulaProblem('5', limits));
    assert.match(formulaProblem('x+'.repeat(60) + 'x', limits) ?? '', /limit is 100/);
  });

  it('hints what to type when empty', () => {
    assert.equal(formulaProblem('   ', limits), EMPTY_HINT);
  });
});
