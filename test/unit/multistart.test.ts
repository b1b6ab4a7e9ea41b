import { strict as assert } from 'node:assert';
import { compileFormula } from '../../src/engine/compile';
import { gridOfStarts, MAX_GRID_STARTS } from '../../src/engine/grid';
import { clusterRuns, runFromStarts, spread } from '../../src/engine/multistart';
import { parseFormula } from '../../src/engine/parse';
import type { RunResult, StationaryKind, StopReason } from '../../src/engine/types';

function result(
  point: number[],
  value: number,
  stopReason: StopReason = 'gradient-tolerance',
  stationary: StationaryKind = 'minimum',
): RunResult {
  return {
    variables: ['x', 'y'].slice(0, point.length),
    optimizer: 'gd',
    learningRate: 0.1,
    iterations: 10,
    stopReason,
    final: { point, value, gradientNorm: 0 },
    stationary,
    trace: [],
    gradientMethod: 'symbolic',
    elapsedMs: 0,
  };
}

describe('multi-start', () => {
  it('builds a grid of starts, first axis fastest, within the cap', () => {
    assert.deepEqual(
      gridOfStarts(
        [
          [0, 1],
          [10, 20],
        ],
        2,
      ),
      [
        [0, 10],
        [1, 10],
        [0, 20],
        [1, 20],
      ],
    );
    assert.deepEqual(gridOfStarts([[-1, 1]], 1), [[0]]);
    // 100 per axis in 3-D is 10⁶ starts; the largest n with n³ ≤ 2500 is 13 (13³ = 2197, 14³ = 2744).
    assert.equal(MAX_GRID_STARTS, 2500);
    const capped = gridOfStarts(
      [
        [0, 1],
        [0, 1],
        [0, 1],
      ],
      100,
    );
    assert.equal(capped.length, 13 ** 3);
    assert.deepEqual(
      capped.slice(0, 13).map((p) => p[0]),
      Array.from({ length: 13 }, (_, i) => i / 12),
      'the ends stay in, evenly spaced',
    );
    assert.deepEqual(gridOfStarts([], 5), []);
  });

  it('measures the spread of starts, at least 1', () => {
    assert.equal(
      spread([
        [0, 0],
        [3, 4],
      ]),
      5,
    );
    assert.equal(spread([[2, 2]]), 1);
    assert.equal(spread([]), 1);
  });

  it('clusters endpoints within a tolerance, orders optima best first and leaves non-converged runs out', () => {
    const starts = [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ];
    const results = [
      result([1, 1], 2),
      result([1.0001, 1], 1.9),
      result([-3, 2], 0.5),
      result([9, 9], 7, 'max-iterations'),
      result([NaN, 1], NaN, 'non-finite'),
    ];
    const clustered = clusterRuns(starts, results, 0.01, false);
    assert.equal(clustered.minima.length, 2);
    assert.deepEqual(clustered.minima[0], { point: [-3, 2], value: 0.5, count: 1 });
    assert.deepEqual(clustered.minima[1], { point: [1.0001, 1], value: 1.9, count: 2 });
    assert.deepEqual(
      clustered.runs.map((r) => r.basin),
      [1, 1, 0, -1, -1],
    );
    assert.deepEqual(clustered.runs[3]!.start, [3, 3]);
    const asMaxima = results.slice(0, 3).map((r) => ({ ...r, stationary: 'maximum' as const }));
    const maxima = clusterRuns(starts.slice(0, 3), asMaxima, 0.01, true);
    assert.deepEqual(
      maxima.runs.map((r) => r.basin),
      [0, 0, 1],
    );
    assert.equal(maxima.minima[0]!.value, 2);
  });

  it('keeps saddles and the wrong kind of extremum out of the optima; a flat point may be one', () => {
    const starts = [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ];
    const results = [
      result([0, 0], 0, 'gradient-tolerance', 'saddle'),
      result([1, 0], -1, 'gradient-tolerance', 'minimum'),
      result([5, 5], 3, 'gradient-tolerance', 'maximum'),
      result([0, 7], 2, 'step-tolerance', 'degenerate'),
    ];
    const minimizing = clusterRuns(starts, results, 0.01, false);
    assert.deepEqual(
      minimizing.runs.map((r) => r.basin),
      [-1, 0, -1, 1],
    );
    assert.deepEqual(
      minimizing.minima.map((m) => m.point),
      [
        [1, 0],
        [0, 7],
      ],
    );
    assert.deepEqual(
      clusterRuns(starts, results, 0.01, true).runs.map((r) => r.basin),
      [-1, -1, 0, 1],
    );
  });

  it('runs from the centre of a symmetric grid reach the saddle of a double well, which is no basin', () => {
    const problem = compileFormula(parseFormula('x^4 - 2x^2 + y^2'));
    const result = runFromStarts(
      problem,
      { start: [], optimizer: { name: 'gd', lr: 0.05 }, stop: {}, maximize: false, traceLimit: 2 },
      [
        [0, 1],
        [0.5, -1],
        [-0.7, 0.3],
      ],
    );
    assert.equal(result.runs[0]!.result.stationary, 'saddle');
    assert.equal(result.runs[0]!.basin, -1);
    assert.deepEqual(
      result.runs
        .slice(1)
        .map((r) => r.basin)
        .sort(),
      [0, 1],
    );
    assert.equal(result.minima.length, 2);
    for (const m of result.minima) {
      assert.ok(Math.abs(Math.abs(m.point[0]!) - 1) < 1e-5 && m.value < -0.999, JSON.stringify(m));
    }
  });

  it("finds Himmelblau's four minima from a grid of starts", () => {
    const problem = compileFormula(parseFormula('(x^2 + y - 11)^2 + (x + y^2 - 7)^2'));
    const starts = gridOfStarts(
      [
        [-5, 5],
        [-5, 5],
      ],
      6,
    );
    const result = runFromStarts(
      problem,
      {
        start: [],
        optimizer: { name: 'gd', lr: 0.005 },
        stop: { maxIterations: 20_000 },
        maximize: false,
        traceLimit: 2,
      },
      starts,
    );
    assert.equal(result.runs.length, 36);
    const known = [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ];
    assert.equal(result.minima.length, 4, JSON.stringify(result.minima));
    for (const m of result.minima) {
      assert.ok(m.value < 1e-8);
      assert.ok(
        known.some((k) => Math.hypot(k[0]! - m.point[0]!, k[1]! - m.point[1]!) < 1e-3),
        `unknown minimum ${m.point}`,
      );
    }
    assert.equal(
      result.minima.reduce((n, m) => n + m.count, 0),
      result.runs.filter((r) => r.basin >= 0).length,
    );
    for (const run of result.runs) {
      if (run.basin < 0) continue;
      const m = result.minima[run.basin]!;
      assert.ok(
        Math.hypot(m.point[0]! - run.result.final.point[0]!, m.point[1]! - run.result.final.point[1]!) < 0.2,
      );
    }
  });
});
