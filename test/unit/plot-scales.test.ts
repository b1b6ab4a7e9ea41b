// Scale choices of the panel's charts that decide whether they read well: contours of Rosenbrock
// follow the log of f (so the valley shows) while a quadratic bowl keeps f itself (the ticks of the
// axes are tested in axes.test.ts).
import { strict as assert } from 'node:assert';
import { minMax } from '../../src/engine/extent';
import { logContours } from '../../src/webview/plots/scales';

/** f on an n×n grid over [x0, x1]×[y0, y1]. */
function grid(
  f: (x: number, y: number) => number,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
  n = 40,
): number[] {
  const values: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      values.push(f(x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * j) / (n - 1)));
    }
  }
  return values;
}

describe('log contours', () => {
  it('uses log(1 + f − min) for Rosenbrock around the path from (−1.2, 1)', () => {
    const values = grid((x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.55, 1.3], [-0.15, 1.2]);
    assert.equal(logContours(values), true);
  });

  it('keeps f itself for a quadratic bowl, centred or seen from one side', () => {
    assert.equal(logContours(grid((x, y) => x * x + 3 * y * y, [-1.2, 1.2], [-1.2, 1.2])), false);
    assert.equal(logContours(grid((x, y) => x * x + 3 * y * y, [-0.2, 1.2], [-0.2, 1.2])), false);
  });
});

describe('scale choices on long traces', () => {
  // A trace as long as the webview accepts per run, and more: spreading it into Math.min/max overflows the stack.
  const long = Array.from({ length: 300_000 }, (_, i) => 10 ** -(i % 7));

  it('finds the range of 300 000 values (what the y scale type and extents use), skipping non-finite ones', () => {
    assert.deepEqual(minMax([...long, NaN, Infinity, -Infinity]), [1e-6, 1]);
    assert.equal(minMax([NaN, Infinity]), undefined);
  });
});
