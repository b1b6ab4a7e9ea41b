// The start offered when the given one is already stationary (usecases/suggestStart.ts).
import * as assert from 'node:assert/strict';
import { descendingStart } from '../../src/usecases/suggestStart';

describe('a start that descends', () => {
  it("moves the first coordinate to −1.2 times itself: Rosenbrock's (−1.2, 1) from its minimum (1, 1)", () => {
    assert.deepEqual(descendingStart([1, 1]), [-1.2, 1]);
    assert.deepEqual(descendingStart([2, 3, 4]), [-2.4, 3, 4]);
    assert.deepEqual(descendingStart([-0.5]), [0.6]);
  });

  it('moves a coordinate at 0 to 1, and gives a start to a run with none', () => {
    assert.deepEqual(descendingStart([0, 0]), [1, 0]);
    assert.deepEqual(descendingStart([]), [1]);
  });
});
