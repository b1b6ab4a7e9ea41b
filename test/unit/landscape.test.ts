import { strict as assert } from 'node:assert';
import {
  coveringRange,
  curveRange,
  withValleys,
  balanced,
  CURVE_SAMPLES,
  GRID_SIDE,
  sampleLandscape as sample,
  windowAround,
} from '../../src/engine/landscape';
import type { Problem, TracePoint } from '../../src/engine/types';

/** A hand-made problem: f(x) = sum of fn over coordinates, enough for sampling tests. */
function problem(dimension: number, f: (x: Float64Array) => number): Problem {
  return {
    variables: ['x', 'y', 'z'].slice(0, dimension),
    dimension,
    value: f,
    valueAndGradient: (x) => f(x),
    gradientMethod: 'symbolic',
    gradientText: () => [],
  };
}

/** Samples f over the window around a start and a trace, as a panel run's first window. */
function sampleLandscape(
  p: Problem,
  start: readonly number[],
  points: readonly TracePoint[],
  plotVariables = 2,
) {
  return sample(p, windowAround(start, points, p.dimension, plotVariables));
}

function trace(points: number[][]): TracePoint[] {
  return points.map((point, iteration) => ({ iteration, point, value: 0, gradientNorm: 0 }));
}

describe('landscape sampling', () => {
  it('samples a curve covering the whole trace with a margin', () => {
    const p = problem(1, (x) => 2 * x[0]! ** 2);
    const l = sampleLandscape(p, [1], trace([[1], [0.6], [-0.2]]));
    assert.equal(l.kind, 'curve');
    if (l.kind !== 'curve') return;
    assert.equal(l.xs.length, CURVE_SAMPLES);
    assert.ok(l.xs[0]! < -0.2 && l.xs[l.xs.length - 1]! > 1);
    l.xs.forEach((x, i) => assert.equal(l.values[i], 2 * x * x));
  });

  it("widens a curve to the valley beside it: the quartic's left minimum is not cut at the edge", () => {
    // f = x⁴ − 3x² + x: f′ = 4x³ − 6x + 1 = 0 at x ≈ −1.3008 (minimum), 0.1682 (maximum), 1.1309 (minimum).
    const quartic = problem(1, (x) => x[0]! ** 4 - 3 * x[0]! ** 2 + x[0]!);
    const [lo, hi] = withValleys(quartic, [-1.25, 1.25]);
    assert.ok(lo < -1.3008 - 0.15 * 2.5, `left end ${lo}`);
    // The right minimum is inside but within the margin of the edge: its far wall is brought in too.
    assert.ok(hi > 1.1309 + 0.3, `right end ${hi}`);
    assert.deepEqual(withValleys(quartic, [-2, 2]), [-2, 2], 'both valleys well inside: unchanged');
    // Without a valley near either side the range stays: x² on [−1, 1], e^(−x), and a window on a slope.
    assert.deepEqual(
      withValleys(
        problem(1, (x) => x[0]! ** 2),
        [-1, 1],
      ),
      [-1, 1],
    );
    assert.deepEqual(
      withValleys(
        problem(1, (x) => Math.exp(-x[0]!)),
        [0, 2],
      ),
      [0, 2],
    );
    // A minimum beyond the reach (one width) is not pulled in: (x − 10)² seen on [0, 2].
    assert.deepEqual(
      withValleys(
        problem(1, (x) => (x[0]! - 10) ** 2),
        [0, 2],
      ),
      [0, 2],
    );
    // One just beyond the right edge is: (x − 2.5)² on [0, 2] widens to show it with a margin.
    const [, right] = withValleys(
      problem(1, (x) => (x[0]! - 2.5) ** 2),
      [0, 2],
    );
    assert.ok(right > 2.5 + 0.3 && right < 3.2, `right end ${right}`);
  });

  it('keeps a 2-D window from squeezing into bands: the narrower axis spans at least 0.4 of the wider', () => {
    // x² − y² from (1, 1) runs up y: x covers [0, 1.1], y [0, 10].
    const [x, y] = balanced([0, 1.1], [0, 10]);
    assert.deepEqual(y, [0, 10]);
    assert.ok(Math.abs(x[1] - x[0] - 4) < 1e-12 && Math.abs((x[0] + x[1]) / 2 - 0.55) < 1e-12, `x ${x}`);
    // Ranges already in proportion stay as they are.
    assert.deepEqual(balanced([-1.5, 1.5], [-0.5, 1.5]), [
      [-1.5, 1.5],
      [-0.5, 1.5],
    ]);
  });

  it('samples a 2-D grid, row-major with y ascending, covering trace and start', () => {
    const p = problem(2, (x) => x[0]! + 10 * x[1]!);
    const l = sampleLandscape(
      p,
      [-3, 5],
      trace([
        [-3, 5],
        [2, -1],
      ]),
    );
    assert.equal(l.kind, 'grid');
    if (l.kind !== 'grid') return;
    assert.equal(l.nx, GRID_SIDE);
    assert.equal(l.values.length, GRID_SIDE * GRID_SIDE);
    assert.ok(l.xRange[0] < -3 && l.xRange[1] > 2);
    assert.ok(l.yRange[0] < -1 && l.yRange[1] > 5);
    assert.equal(l.values[0], l.xRange[0] + 10 * l.yRange[0]);
    assert.ok(Math.abs(l.values[GRID_SIDE * GRID_SIDE - 1]! - (l.xRange[1] + 10 * l.yRange[1])) < 1e-9);
    assert.ok(l.values[GRID_SIDE]! > l.values[0]!, 'second row is higher in y');
  });

  it('gives NaN for non-finite values and for a throwing function', () => {
    const p = problem(1, (x) => (x[0]! > 0 ? Math.log(x[0]!) : x[0]! === 0 ? Infinity : NaN));
    const l = sampleLandscape(p, [1], trace([[-1], [1]]));
    assert.equal(l.kind, 'curve');
    if (l.kind !== 'curve') return;
    assert.ok(l.values.some((v) => Number.isNaN(v)));
    assert.ok(l.values.every((v) => Number.isNaN(v) || Number.isFinite(v)));
    const throwing = problem(2, () => {
      throw new Error('boom');
    });
    const g = sampleLandscape(throwing, [0, 0], []);
    assert.ok(g.kind === 'grid' && g.values.every((v) => Number.isNaN(v)));
  });

  it("returns 'none' for three or more variables or beyond the plotting limit", () => {
    assert.equal(
      sampleLandscape(
        problem(3, () => 0),
        [0, 0, 0],
        [],
      ).kind,
      'none',
    );
    assert.equal(
      sampleLandscape(
        problem(2, () => 0),
        [0, 0],
        [],
        1,
      ).kind,
      'none',
    );
  });

  it('opens a window around a run that never moved and skips non-finite points', () => {
    assert.deepEqual(coveringRange([0], trace([[0]]), 0), [-1, 1]);
    assert.deepEqual(coveringRange([10], trace([[10], [Infinity], [NaN]]), 0), [5, 15]);
    assert.deepEqual(coveringRange([], [], 0), [-1, 1]);
  });

  it("widens a curve to both sides of a near origin, so the other valley shows, and keeps a far path's window", () => {
    // x⁴ − 3x² + x from 2: the path stays in the right valley (about 1.13); the left one (about −1.30) must show.
    const [lo, hi] = curveRange([2], trace([[2], [1.5], [1.13]]));
    assert.ok(lo < -1.3 && hi > 2, `[${lo}, ${hi}]`);
    assert.equal(lo, -hi);
    // The default start 1 on the same quartic: a short path, but the origin's side still shows.
    const near = curveRange([1], trace([[1], [1.1], [1.13]]));
    assert.ok(near[0] < -1.25 && near[1] === -near[0], `[${near[0]}, ${near[1]}]`);
    // (x − 50)² from 51: showing the origin would make the window about 90 times wider; it stays on the path.
    const far = curveRange([51], trace([[51], [50.2], [50]]));
    assert.deepEqual(far, coveringRange([51], trace([[51], [50.2], [50]]), 0));
    assert.ok(far[0] > 49);
  });
});
