// The messages beside the controls (src/webview/fieldCheck.ts): what is wrong, in words.
import * as assert from 'node:assert/strict';
import { LIMITS } from '../../src/shared/protocol';
import { iterationsProblem, rateProblem, startProblem, toleranceProblem } from '../../src/webview/fieldCheck';

describe('messages beside the controls', () => {
  it('names a start that is not numbers, and says nothing of one that is', () => {
    assert.equal(startProblem('abc', undefined), '“abc” is not a list of numbers: write e.g. 1, -2.5.');
    assert.match(startProblem('   ', undefined)!, /^Type the initial point/);
    assert.match(startProblem('x'.repeat(60), undefined)!, /^“x{40}…” is not/);
    assert.equal(startProblem('1, 2', [1, 2]), undefined);
  });

  it('wants η above 0, max iterations whole from 1 to the limit, a tolerance from 0 to 1', () => {
    assert.equal(rateProblem('0.1'), undefined);
    assert.equal(rateProblem('0'), 'η must be a number above 0 (not 0).');
    assert.equal(rateProblem('-1'), 'η must be a number above 0 (not -1).');
    assert.match(rateProblem('')!, /^Type a learning rate/);
    assert.equal(iterationsProblem(1), undefined);
    assert.equal(iterationsProblem(LIMITS.maxIterations), undefined);
    for (const bad of [0, -3, 2.5, NaN, LIMITS.maxIterations + 1]) {
      assert.match(
        iterationsProblem(bad)!,
        /^Max iterations must be a whole number from 1 to [0-9,]+\.$/,
        String(bad),
      );
    }
    assert.equal(toleranceProblem(0), undefined);
    assert.equal(toleranceProblem(1), undefined);
    for (const bad of [-0.1, 1.5, NaN]) assert.ok(toleranceProblem(bad), String(bad));
  });
});
