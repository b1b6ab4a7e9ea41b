// Descent on losses over data: full batch reaching the least-squares line, the rows of each mini-batch
// in file order, the file-order trajectory against an independent reference
// (scripts/reference/minibatch_reference.py), and seeded shuffles.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataLoss } from '../../src/engine/compile/dataLoss';
import { BatchSampler } from '../../src/engine/data/batches';
import { runDataDescent } from '../../src/engine/data/miniBatch';
import { tableOf } from '../../src/engine/data/table';
import { parseFormula } from '../../src/engine/parse';
import { parseOptimizerSpec } from '../../src/engine/spec';
import type { RunOptions } from '../../src/engine/types';

const MSE = 'J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';

function dataProblem(text: string, columns: Record<string, readonly number[]>) {
  const names = Object.keys(columns);
  const rows = columns[names[0]]!.map((_, r) => names.map((n) => String(columns[n]![r])));
  return compileDataLoss(parseFormula(text), tableOf(names, rows, 'the table')).problem;
}

function options(optimizer: RunOptions['optimizer'], start: number[], maxIterations: number): RunOptions {
  return {
    start,
    optimizer,
    stop: { maxIterations, gradientTolerance: 0, stepTolerance: 0, valueTolerance: 0 },
    maximize: false,
    traceLimit: 'all',
  };
}

describe('descent on data', () => {
  it('full-batch gd reaches the least-squares line', () => {
    // x = 1…4, y = 3, 5, 7, 10: Sxy = 11.5, Sxx = 5, so w = 2.3 and b = 6.25 − 2.3 · 2.5 = 0.5.
    const problem = dataProblem(MSE, { x: [1, 2, 3, 4], y: [3, 5, 7, 10] });
    const run = runDataDescent(problem, options({ name: 'gd', lr: 0.1 }, [0, 0], 5_000), {
      batchSize: 4,
      shuffle: false,
      seed: 0,
    });
    assert.ok(Math.abs(run.final.point[0]! - 2.3) < 1e-9, `w = ${run.final.point[0]}`);
    assert.ok(Math.abs(run.final.point[1]! - 0.5) < 1e-9, `b = ${run.final.point[1]}`);
    assert.equal(run.data.batchSize, 4);
    assert.equal(run.data.batchesPerEpoch, 1);
  });

  it('file order takes rows 1–4, 5–8, the 2 left, then starts again', () => {
    const sampler = new BatchSampler(10, { batchSize: 4, shuffle: false, seed: 0 });
    const batches: number[][] = [];
    const ends: boolean[] = [];
    for (let k = 0; k < 5; k++) {
      batches.push(Array.from(sampler.next()));
      ends.push(sampler.endOfEpoch());
    }
    assert.deepEqual(batches, [
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    assert.deepEqual(ends, [false, false, true, false, false]);
  });

  it('a seed gives the same shuffles every time, another seed others, each epoch a permutation', () => {
    const epochs = (seed: number) => {
      const sampler = new BatchSampler(20, { batchSize: 20, shuffle: true, seed });
      return [0, 1, 2].map(() => {
        const order = Array.from(sampler.next());
        sampler.endOfEpoch();
        return order;
      });
    };
    assert.deepEqual(epochs(7), epochs(7));
    assert.notDeepEqual(epochs(7), epochs(8));
    const [first, second] = epochs(7);
    assert.notDeepEqual(first, second);
    for (const order of epochs(7)) {
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        [...Array(20).keys()],
      );
    }
  });

  it('seeded mini-batch runs repeat exactly; another seed takes another path', () => {
    const problem = dataProblem(MSE, { x: [1, 2, 3, 4, 5, 6], y: [2, 4, 5, 4, 5, 7] });
    const run = (seed: number) =>
      runDataDescent(problem, options({ name: 'sgd', lr: 0.02 }, [0, 0], 30), {
        batchSize: 2,
        shuffle: true,
        seed,
      }).trace.map((p) => p.point);
    assert.deepEqual(run(3), run(3));
    assert.notDeepEqual(run(3), run(4));
  });

  interface ReferenceCase {
    readonly name: string;
    readonly formula: string;
    readonly x: number[];
    readonly y: number[];
    readonly batch: number;
    readonly optimizer: string;
    readonly start: number[];
    readonly steps: number;
    readonly points: number[][];
  }
  const reference = JSON.parse(
    readFileSync(join(__dirname, '..', 'reference', 'minibatch.json'), 'utf8'),
  ) as { made_with: string; cases: ReferenceCase[] };

  for (const c of reference.cases) {
    it(`file-order mini-batches step by step against ${reference.made_with}: ${c.name}`, () => {
      const problem = dataProblem(c.formula, { x: c.x, y: c.y });
      const { optimizer } = parseOptimizerSpec(c.optimizer);
      const run = runDataDescent(problem, options(optimizer, c.start, c.steps), {
        batchSize: c.batch,
        shuffle: false,
        seed: 0,
      });
      assert.equal(run.iterations, c.steps);
      assert.equal(run.trace.length, c.points.length);
      run.trace.forEach((p, k) => {
        p.point.forEach((v, j) => {
          const expected = c.points[k]![j]!;
          assert.ok(
            Math.abs(v - expected) <= 1e-12 * Math.max(1, Math.abs(expected)),
            `step ${k}, θ${j}: ${v} ≠ ${expected}`,
          );
        });
      });
    });
  }

  it('records the full-data loss after every epoch, and the batch loss at every step', () => {
    const problem = dataProblem(MSE, { x: [1, 2, 3, 4, 5], y: [1, 2, 3, 4, 5] });
    const run = runDataDescent(
      problem,
      options({ name: 'sgd', lr: 0.01 }, [0, 0], 0),
      { batchSize: 2, shuffle: false, seed: 0 },
      2,
    );
    assert.equal(run.iterations, 6);
    assert.deepEqual(
      run.data.epochLosses.map((e) => e.iteration),
      [0, 3, 6],
    );
    // At w = b = 0 the loss of all rows is Σy²/(2·5) = 55/10; the first batch's is (1 + 4)/(2·2).
    assert.equal(run.data.epochLosses[0]!.value, 5.5);
    assert.equal(run.trace[0]!.value, 1.25);
    assert.equal(run.data.epochs, 2);
  });
});
