// The kept trace never aliases (issue 8): a run that alternates keeps its alternation however long it
// is, every kept point is a real iterate, the extremes survive, and the first iterates stay consecutive.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { runDescent } from '../../src/engine/descent';
import { TraceRecorder } from '../../src/engine/trace';
import { MAX_TRACE_NUMBERS, effectiveTraceLimit, traceHead } from '../../src/engine/traceLimit';
import type { Problem, RunOptions, TracePoint } from '../../src/engine/types';
import { problemOf } from './problemOf';

function gd(problem: Problem, start: number[], lr: number, iterations: number, traceLimit: number | 'all') {
  const options: RunOptions = {
    start,
    optimizer: { name: 'gd', lr },
    stop: { maxIterations: iterations, gradientTolerance: 0, stepTolerance: 0 },
    maximize: false,
    traceLimit,
  };
  return runDescent(problem, options);
}

/** Sign changes along a sequence (zeros skipped). */
function signChanges(values: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const v of values) {
    const s = Math.sign(v);
    if (s !== 0 && last !== 0 && s !== last) changes++;
    if (s !== 0) last = s;
  }
  return changes;
}

/** Feeds `rows` (x…, f, ‖∇f‖ (, lr) per iterate) to a recorder and returns its trace. */
function record(
  dimension: number,
  limit: number | 'all',
  rows: readonly number[][],
  learningRates = false,
): TracePoint[] {
  const recorder = new TraceRecorder(dimension, limit, learningRates);
  for (const row of rows) {
    recorder.record(row.slice(0, dimension), row[dimension]!, row[dimension + 1]!, row[dimension + 2]);
  }
  return recorder.finish();
}

/** 20 iterates whose channels each have one lowest and one highest value, at the iterations given. */
function spikes(extremes: readonly (readonly [number, number])[], rest: readonly number[]): number[][] {
  return Array.from({ length: 20 }, (_, k) =>
    rest.map((v, c) => (k === extremes[c]![0] ? v - 1 : k === extremes[c]![1] ? v + 1 : v)),
  );
}

describe('trace recording', () => {
  it('2x² from 1 at η = 0.5 alternates x = 1, −1, 1, … on every kept point, both signs shown', () => {
    // x_{k+1} = x_k − 0.5·4x_k = −x_k: the exact alternation of the issue.
    const r = gd(problemOf('2 * x^2', ['x']), [1], 0.5, 100_000, 50);
    assert.ok(r.trace.length <= 50);
    for (const t of r.trace) assert.equal(t.point[0], t.iteration % 2 === 0 ? 1 : -1);
    const tail = r.trace.filter((t) => t.iteration >= traceHead(50)).map((t) => t.point[0]!);
    assert.ok(signChanges(tail) >= 10, `only ${signChanges(tail)} sign changes after the head`);
  });

  it('(w − 3)² + 10b² at η = 0.1 keeps b alternating between 1 and −1 along the whole run', () => {
    // b_{k+1} = (1 − 0.1·20)·b_k = −b_k from b = 1; w_{k+1} = 3 + 0.8·(w_k − 3).
    const r = gd(problemOf('(w - 3)^2 + 10*b^2', ['w', 'b']), [1, 1], 0.1, 20_000, 200);
    const bs = r.trace.map((t) => t.point[1]!);
    assert.ok(
      bs.every((b) => Math.abs(Math.abs(b) - 1) < 1e-12),
      'b stays ±1',
    );
    const late = r.trace.filter((t) => t.iteration > 10_000).map((t) => t.point[1]!);
    assert.ok(late.includes(1) && late.includes(-1), 'both signs late in the run');
    assert.ok(signChanges(bs) >= 40, `${signChanges(bs)} sign changes`);
  });

  it('keeps every iterate of a run no longer than its limit', () => {
    const r = gd(problemOf('(w - 3)^2 + 10*b^2', ['w', 'b']), [1, 1], 0.05, 999, 1000);
    assert.deepEqual(
      r.trace.map((t) => t.iteration),
      Array.from({ length: 1000 }, (_, k) => k),
    );
  });

  it('keeps the first quarter of the limit as consecutive iterates (the head, for tables)', () => {
    const r = gd(problemOf('2 * x^2', ['x']), [1], 0.001, 50_000, 400);
    assert.equal(traceHead(400), 100);
    assert.deepEqual(
      r.trace.slice(0, 100).map((t) => t.iteration),
      Array.from({ length: 100 }, (_, k) => k),
    );
    assert.ok(r.trace[100]!.iteration > 100, 'the shape part is downsampled');
  });

  it('a spike between strides survives: the largest and smallest iterate of every channel is kept', () => {
    // 1,000,000 rows, a single spike of x at an odd iteration and a single dip of f elsewhere.
    const rows: number[][] = [];
    for (let k = 0; k < 1_000_000; k++) {
      const x = k === 777_777 ? 50 : Math.cos(k / 1000);
      const f = k === 333_333 ? -9 : 1 / (1 + k);
      rows.push([x, f, k === 10_001 ? 1e6 : 1]);
    }
    const trace = record(1, 60, rows);
    const at = (k: number) => trace.find((t) => t.iteration === k);
    assert.ok(trace.length <= 60, `${trace.length}`);
    assert.equal(at(777_777)?.point[0], 50);
    assert.equal(at(333_333)?.value, -9);
    assert.equal(at(10_001)?.gradientNorm, 1e6);
    assert.equal(trace[0]!.iteration, 0);
    assert.equal(trace[trace.length - 1]!.iteration, 999_999);
  });

  it('property: a subset of the real iterates, in order, within the limit, with the global extremes', () => {
    const row = fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 2, max: 300 }),
        (rows, limit) => {
          const data = rows.map(([x, f, g]) => [x, f, g]);
          const trace = record(1, limit, data);
          assert.ok(trace.length <= limit, `${trace.length} > ${limit}`);
          for (let i = 1; i < trace.length; i++) assert.ok(trace[i]!.iteration > trace[i - 1]!.iteration);
          for (const t of trace) assert.deepEqual([t.point[0], t.value, t.gradientNorm], data[t.iteration]);
          assert.equal(trace[0]!.iteration, 0);
          assert.equal(trace[trace.length - 1]!.iteration, data.length - 1);
          const kept = new Set(trace.map((t) => t.iteration));
          // When points are scarce, f's extremes come right after the first and the last, then ‖∇f‖'s, then x's.
          const fs = data.map((r) => r[1]!);
          if (limit >= 6) {
            assert.ok(kept.has(fs.indexOf(Math.min(...fs))) && kept.has(fs.indexOf(Math.max(...fs))));
          }
          if (limit >= 12) {
            const xs = data.map((r) => r[0]!);
            assert.ok(kept.has(xs.indexOf(Math.min(...xs))) && kept.has(xs.indexOf(Math.max(...xs))));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps at least 2 points and at most the memory bound, a whole number of them', () => {
    // MAX_TRACE_NUMBERS / (variables + 3): 4,000,000 / 4 = 1,000,000; / 1,000,003 < 4; / 3,000,003 < 2.
    assert.equal(effectiveTraceLimit('all', 1), 1_000_000);
    assert.equal(effectiveTraceLimit(50, 1), 50);
    assert.equal(effectiveTraceLimit(7.9, 1), 7);
    assert.equal(effectiveTraceLimit(1, 1), 2);
    assert.equal(effectiveTraceLimit(Number.NaN, 1), 2);
    assert.equal(effectiveTraceLimit(10, 1_000_000), 3);
    assert.equal(effectiveTraceLimit('all', 3_000_000), 2);
    assert.deepEqual([traceHead(7), traceHead(8), traceHead(2)], [1, 2, 0]);
  });

  it('counts a recorded learning rate against the memory bound: 997 variables keep 4,000 points, or 3,996 with it', () => {
    // 4,000,000 / (997 + 3) = 4,000; with the rate as one more number per point, ⌊4,000,000 / 1,001⌋ = 3,996.
    const kept = (learningRates: boolean): number => {
      const recorder = new TraceRecorder(997, 'all', learningRates);
      const x = new Float64Array(997);
      for (let k = 0; k < 4000; k++) recorder.record(x.fill(k), k, k, 0.1);
      return recorder.finish().length;
    };
    assert.equal(kept(false), 4000);
    assert.ok(kept(true) <= 3996);
  });

  it('keeps f, then ‖∇f‖, then the coordinates when one bucket holds more than the limit', () => {
    // A limit of 10: the head is iterations 0 and 1, the rest 8 points. The single bucket of 20 iterates
    // holds the first, the last and 8 extremes (f at 5, 7; ‖∇f‖ at 9, 11; x at 13, 15; y at 16, 17):
    // 8 of them are kept, the first and the last, then f's, ‖∇f‖'s and x's; y's go.
    const rows = spikes(
      [
        [13, 15],
        [16, 17],
        [5, 7],
        [9, 11],
      ],
      [0, 0, 0, 1],
    );
    assert.deepEqual(
      record(2, 10, rows).map((t) => t.iteration),
      [0, 1, 5, 7, 9, 11, 13, 15, 19],
    );
  });

  it("keeps a learning rate's extremes after ‖∇f‖'s and before the coordinates, and no rate for the start", () => {
    // As above with x, f, ‖∇f‖ and the rate (0.1, lowest 0.05 at 16, highest 0.3 at 17; NaN at the start).
    const rows = spikes(
      [
        [13, 15],
        [5, 7],
        [9, 11],
        [16, 17],
      ],
      [0, 0, 1, 0.1],
    ).map((r, k) => (k === 0 ? [r[0]!, r[1]!, r[2]!, NaN] : k === 16 ? [...r.slice(0, 3), 0.05] : r));
    rows[17]![3] = 0.3;
    const trace = record(1, 10, rows, true);
    assert.deepEqual(
      trace.map((t) => t.iteration),
      [0, 1, 5, 7, 9, 11, 16, 17, 19],
    );
    assert.deepEqual(
      trace.map((t) => t.learningRate),
      [undefined, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.3, 0.1],
    );
  });

  it('widens its buckets while recording: 5,461 rising iterates at a limit of 12 leave buckets of 1,024', () => {
    // The closed buckets may hold 2·(12 − 3) = 18 points; rising values keep 2 per bucket, so w must
    // reach 2·⌊5,461 / w⌋ ≤ 18: 512 gives 20, 1,024 gives 10. The 5,461st row fills the raw chunk.
    const recorder = new TraceRecorder(1, 12);
    for (let k = 0; k < 5461; k++) recorder.record([k], -k, k);
    assert.equal(recorder.bucketWidth, 1024);
  });

  it('keeps the start alone after no iteration and the start and the end after one, in a trace of 2', () => {
    const p = problemOf('2 * x^2', ['x']);
    for (const problem of [p, { ...p }]) {
      assert.deepEqual(
        gd(problem, [1], 0.1, 0, 2).trace.map((t) => [t.iteration, t.point[0]]),
        [[0, 1]],
      );
      // x₁ = 1 − 0.1·4 = 0.6.
      const one = gd(problem, [1], 0.1, 1, 2).trace;
      assert.deepEqual(
        one.map((t) => t.iteration),
        [0, 1],
      );
      assert.ok(Math.abs(one[1]!.point[0]! - 0.6) < 1e-12);
    }
  });

  it("'all' keeps every iterate until points × variables would pass the memory bound", () => {
    const n = 1000;
    const cap = Math.floor(MAX_TRACE_NUMBERS / (n + 3));
    const rows = Array.from({ length: cap + 500 }, (_, k) => [...new Array<number>(n).fill(k), k, k]);
    const trace = record(n, 'all', rows);
    assert.ok(trace.length <= cap, `${trace.length} > ${cap}`);
    assert.equal(trace[trace.length - 1]!.iteration, cap + 499);
    const short = record(
      2,
      'all',
      rows.slice(0, 3000).map((r) => [r[0]!, r[1]!, r[n]!, r[n + 1]!]),
    );
    assert.equal(short.length, 3000);
  });
});
