// The panel's batches on data: the guard of what the webview sends, the state that keeps them per
// run (through a reload), the job they plan, and the fields' checks. Expectations worked out by hand.
import * as assert from 'node:assert/strict';
import { withData } from '../../src/engine/data/bound';
import type { RunOptions } from '../../src/engine/types';
import { PanelState } from '../../src/extension/panel/state';
import { batchControls, LIMITS, runControls, type RunControls } from '../../src/shared/protocol';
import { PANEL_BATCH } from '../../src/usecases/defaults';
import { panelDataRun } from '../../src/usecases/noteData';
import { batchSizeProblem, epochsProblem, seedProblem } from '../../src/webview/fieldCheck';

const BASE: RunOptions = {
  start: [0, 0],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { timeBudgetMs: 500 },
  maximize: false,
  traceLimit: 300,
};
const LOSS = withData('J(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2', 't.csv', 'x,y\n1,2\n2,4');
const controls = (over: Partial<RunControls> = {}): RunControls => ({
  start: [0, 0],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: {},
  maximize: false,
  ...over,
});

describe('batch controls guard', () => {
  it('takes whole numbers in range and fills shuffle and seed when missing', () => {
    assert.deepEqual(batchControls.parse({ batchSize: 8 }), {
      ok: true,
      value: { batchSize: 8, shuffle: false, seed: 0 },
    });
    assert.deepEqual(batchControls.parse({ batchSize: 1, shuffle: true, seed: 42, epochs: 3 }), {
      ok: true,
      value: { batchSize: 1, shuffle: true, seed: 42, epochs: 3 },
    });
  });

  it('rounds and clamps: batch size 0 is 1, 2.6 is 3, a huge one the row limit; a negative seed 0', () => {
    const parse = (v: unknown) => batchControls.parse(v);
    assert.equal((parse({ batchSize: 0 }) as { value: { batchSize: number } }).value.batchSize, 1);
    assert.equal((parse({ batchSize: 2.6 }) as { value: { batchSize: number } }).value.batchSize, 3);
    assert.equal((parse({ batchSize: 1e9 }) as { value: { batchSize: number } }).value.batchSize, 100_000);
    const seeded = parse({ batchSize: 2, shuffle: true, seed: -5, epochs: 1e9 }) as {
      value: { seed: number; epochs: number };
    };
    assert.equal(seeded.value.seed, 0);
    assert.equal(seeded.value.epochs, LIMITS.epochs);
  });

  it('refuses a batch size that is missing or not a number', () => {
    assert.equal(batchControls.parse({}).ok, false);
    assert.equal(batchControls.parse({ batchSize: 'all' }).ok, false);
    assert.equal(batchControls.parse({ batchSize: Number.NaN }).ok, false);
    assert.equal(batchControls.parse(null).ok, false);
  });

  it('drops malformed batches from a run’s controls (the default applies) and keeps good ones', () => {
    const bad = runControls.parse({ ...controls(), batch: { batchSize: 'x' } });
    assert.ok(bad.ok);
    assert.equal(bad.value.batch, undefined);
    const good = runControls.parse({ ...controls(), batch: { batchSize: 10, shuffle: true, seed: 7 } });
    assert.ok(good.ok);
    assert.deepEqual(good.value.batch, { batchSize: 10, shuffle: true, seed: 7 });
  });
});

describe('panel state keeps each run’s batches', () => {
  it('sets them with the controls, reports them, and drops them when the controls have none', () => {
    const state = new PanelState();
    const [record] = state.add([{ formula: LOSS, options: BASE }]);
    assert.equal(record!.batch, undefined);
    const batch = { batchSize: 2, shuffle: true, seed: 3 };
    const set = state.setInput(record!.id, LOSS, controls({ batch }), []);
    assert.deepEqual(set!.batch, batch);
    assert.deepEqual(state.saved()[0]!.controls.batch, batch);
    const cleared = state.setInput(record!.id, LOSS, controls(), []);
    assert.equal(cleared!.batch, undefined);
    assert.equal('batch' in state.saved()[0]!.controls, false);
  });

  it('takes them back from what the webview saved', () => {
    const state = new PanelState();
    const batch = { batchSize: 1, shuffle: false, seed: 0, epochs: 5 };
    state.restore(
      {
        runs: [{ id: 4, formula: LOSS, controls: controls({ batch }), starts: [] }],
        selected: 4,
        view: 'runs',
      },
      BASE,
    );
    assert.deepEqual(state.find(4)!.batch, batch);
  });
});

describe('the panel’s run on data', () => {
  it('runs batches of 4 in file order until the person sets them', () => {
    const job = panelDataRun(LOSS, BASE)!;
    assert.deepEqual(job.batch, { batchSize: 4, shuffle: false, seed: 0 });
    assert.equal(job.epochs, undefined);
    assert.deepEqual(PANEL_BATCH, { batchSize: 4, shuffle: false, seed: 0 });
  });

  it('takes the person’s batch size, shuffle, seed and epochs', () => {
    const job = panelDataRun(LOSS, BASE, true, { batchSize: 2, shuffle: true, seed: 9, epochs: 30 })!;
    assert.deepEqual(job.batch, { batchSize: 2, shuffle: true, seed: 9 });
    assert.equal(job.epochs, 30);
    assert.equal(job.fit, true);
  });

  it('keys file order by one seed, whatever the seed field holds', () => {
    const a = panelDataRun(LOSS, BASE, false, { batchSize: 2, shuffle: false, seed: 9 })!;
    assert.equal(a.batch.seed, 0);
  });

  it('plans no data run for a bare formula', () => {
    assert.equal(panelDataRun('x^2', BASE, false, { batchSize: 2, shuffle: true, seed: 1 }), undefined);
  });
});

describe('batch field checks', () => {
  it('batch size: whole numbers from 1', () => {
    assert.equal(batchSizeProblem(1), undefined);
    assert.equal(batchSizeProblem(100_000), undefined);
    assert.match(batchSizeProblem(0)!, /whole number of rows from 1 to 100,000/);
    assert.ok(batchSizeProblem(2.5));
    assert.ok(batchSizeProblem(100_001));
    assert.ok(batchSizeProblem(Number.NaN));
  });

  it('epochs: empty, or whole numbers from 1', () => {
    assert.equal(epochsProblem('', Number.NaN), undefined);
    assert.equal(epochsProblem(' ', Number.NaN), undefined);
    assert.equal(epochsProblem('3', 3), undefined);
    assert.ok(epochsProblem('0', 0));
    assert.ok(epochsProblem('1.5', 1.5));
    assert.ok(epochsProblem('e', Number.NaN));
  });

  it('seed: whole numbers from 0 to 2^31 - 1', () => {
    assert.equal(seedProblem(0), undefined);
    assert.equal(seedProblem(2147483647), undefined);
    assert.ok(seedProblem(2147483648));
    assert.ok(seedProblem(-1));
    assert.ok(seedProblem(0.5));
  });
});
