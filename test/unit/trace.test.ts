// The kept trace never aliases (issue 8): a run that alternates keeps its alternation however long it
// is, every kept point is a real iterate, the extremes survive, and the first iterates stay consecutive.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { runDescent } from '../../src/engine/descent';
import { MAX_TRACE_NUMBERS, TraceRecorder, traceHead } from '../../src/engine/trace';
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

/** Feeds `rows` (x…, f, ‖∇f‖ per iterate) to a recorder and returns its trace. */
function record(dimension: number, limit: number | 'all', rows: readonly number[][]): TracePoint[] {
  const recorder = new TraceRecorder(dimension, limit);
  for (const row of rows) recorder.record(row.slice(0, dimension), row[dimension]!, row[dimension + 1]!);
  return recorder.finish();
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
