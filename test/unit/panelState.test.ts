// The panel's one owner of state, driven directly: adding, selecting and removing runs, and the
// round trip through what the webview saves (a window reload restores every run, not just the first).
import * as assert from 'node:assert/strict';
import type { RunOptions } from '../../src/engine/types';
import {
  controlsOf,
  optimizerOf,
  PanelState,
  schedulerOf,
  withControls,
  type NewRun,
} from '../../src/extension/panel/state';
import type { PersistedState, RunControls, SavedRun } from '../../src/shared/protocol';
import { COMPARED_OPTIMIZERS, PANEL_RUNS } from '../../src/usecases/defaults';

const BASE: RunOptions = {
  start: [0],
  optimizer: { name: 'gd', lr: 0.1 },
  // No stop test that the controls show, so a run's controls round-trip as they were given.
  stop: { timeBudgetMs: 500 },
  maximize: false,
  traceLimit: 300,
};

const controls = (over: Partial<RunControls> = {}): RunControls => ({
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: {},
  maximize: false,
  ...over,
});

const saved = (id: number, over: Partial<SavedRun> = {}): SavedRun => ({
  id,
  formula: `(x - ${id})^2`,
  controls: controls({ start: [id] }),
  starts: [],
  ...over,
});

const state = (runs: SavedRun[], over: Partial<PersistedState> = {}): PersistedState => ({
  runs,
  selected: 0,
  view: 'runs',
  ...over,
});

const newRun = (formula: string, over: Partial<RunOptions> = {}): NewRun => ({
  formula,
  options: { ...BASE, ...over },
});

describe('panel state: restoring what the webview saved', () => {
  it('keeps every saved run, in order, with its formula, start, starts and label', () => {
    const s = new PanelState();
    s.restore(
      state([saved(3), saved(5, { label: 'notes.md:4', starts: [[1], [2]] }), saved(9)], { selected: 5 }),
      BASE,
    );
    assert.deepEqual(
      s.runs.map((r) => [r.id, r.formula, r.options.start, r.starts, r.label]),
      [
        [3, '(x - 3)^2', [3], [], undefined],
        [5, '(x - 5)^2', [5], [[1], [2]], 'notes.md:4'],
        [9, '(x - 9)^2', [9], [], undefined],
      ],
    );
    assert.ok(!('label' in s.runs[0]!), 'no label key without a label');
    assert.equal(s.selected, 5);
    // The settings' options stay under the controls: the trace length and the time budget.
    assert.equal(s.runs[1]!.options.traceLimit, 300);
    assert.equal(s.runs[1]!.options.stop.timeBudgetMs, 500);
  });

  it('gives the next new run an id past every restored one', () => {
    const s = new PanelState();
    s.restore(state([saved(4), saved(11), saved(2)]), BASE);
    const [added] = s.add([newRun('y^2')]);
    assert.equal(added!.id, 12);
    assert.equal(s.selected, 12);
    const empty = new PanelState();
    empty.restore(state([]), BASE);
    assert.equal(empty.add([newRun('y^2')])[0]!.id, 1);
    const zero = new PanelState();
    zero.restore(state([saved(0)]), BASE);
    assert.equal(zero.add([newRun('y^2')])[0]!.id, 1);
  });

  it('keeps the last PANEL_RUNS runs of a longer list', () => {
    const s = new PanelState();
    const runs = Array.from({ length: PANEL_RUNS + 2 }, (_, i) => saved(i + 1));
    s.restore(state(runs), BASE);
    assert.deepEqual(
      s.runs.map((r) => r.id),
      runs.slice(2).map((r) => r.id),
    );
  });

  it('keeps the first of runs that repeat an id (a tampered state)', () => {
    const s = new PanelState();
    s.restore(
      state([saved(2), saved(2, { formula: 'evil' }), saved(3), saved(3, { formula: 'again' })]),
      BASE,
    );
    assert.deepEqual(
      s.runs.map((r) => [r.id, r.formula]),
      [
        [2, '(x - 2)^2'],
        [3, '(x - 3)^2'],
      ],
    );
  });

  it('selects the first run when the saved selection is not among them, 0 when there are none', () => {
    const s = new PanelState();
    s.restore(state([saved(6), saved(7)], { selected: 99 }), BASE);
    assert.equal(s.selected, 6);
    s.restore(state([], { selected: 6 }), BASE);
    assert.equal(s.selected, 0);
    assert.equal(s.selectedRun, undefined);
  });

  it('takes back the view and the compared optimizers, in the registry’s order, or keeps the default', () => {
    const s = new PanelState();
    // The registry lists RMSprop before Adam; a repeat is dropped.
    s.restore(state([saved(1)], { view: 'compare', compare: ['adam', 'rmsprop', 'adam'] }), BASE);
    assert.equal(s.view, 'compare');
    assert.deepEqual(s.compared, ['rmsprop', 'adam']);
    const plain = new PanelState();
    plain.restore(state([saved(1)], { view: 'learning-rate' }), BASE);
    assert.equal(plain.view, 'learning-rate');
    assert.deepEqual(plain.compared, COMPARED_OPTIMIZERS);
  });

  it('saves what it restored: the round trip is the identity', () => {
    const s = new PanelState();
    const runs = [
      saved(1, { label: 'a.md:1' }),
      saved(2, {
        controls: controls({
          start: [1, 2],
          optimizer: { name: 'adam', lr: 0.01, betas: [0.8, 0.99] },
          scheduler: { name: 'StepLR', stepSize: 5, gamma: 0.5 },
          stop: { maxIterations: 40, gradientTolerance: 1e-6 },
          maximize: true,
          parameters: { a: 2 },
        }),
        starts: [[0, 0]],
      }),
    ];
    s.restore(state(runs), BASE);
    assert.deepEqual(s.saved(), runs);
  });
});

describe('panel state: the run list', () => {
  it('starts empty on the runs view, and adding nothing changes nothing', () => {
    const s = new PanelState();
    assert.deepEqual([s.runs, s.selected, s.view], [[], 0, 'runs']);
    s.add([newRun('x^2')]);
    assert.deepEqual(s.add([]), []);
    assert.equal(s.selected, 1);
  });

  it('keeps a run’s label, and no label key without one', () => {
    const s = new PanelState();
    const [labelled, plain] = s.add([{ ...newRun('x^2'), label: 'notes.md:12' }, newRun('y^2')]);
    assert.equal(labelled!.label, 'notes.md:12');
    assert.ok(!('label' in plain!));
    assert.deepEqual(
      s.saved().map((r) => r.label),
      ['notes.md:12', undefined],
    );
  });

  it('adds runs and selects the first added; the same run again moves to the end', () => {
    const s = new PanelState();
    const [a, b] = s.add([newRun('x^2'), newRun('y^2')], 'learning-rate');
    assert.deepEqual([a!.id, b!.id, s.selected, s.view], [1, 2, 1, 'learning-rate']);
    const [again] = s.add([newRun('x^2')]);
    assert.equal(again, a);
    assert.deepEqual(
      s.runs.map((r) => r.id),
      [2, 1],
    );
    assert.equal(s.view, 'learning-rate', 'no view given keeps the view');
    const [other] = s.add([newRun('x^2', { maximize: true })]);
    assert.equal(other!.id, 3, 'other options make another run');
  });

  it('drops the oldest past PANEL_RUNS, and reports only the added runs it kept', () => {
    const s = new PanelState();
    s.add(Array.from({ length: PANEL_RUNS }, (_, i) => newRun(`x^2 + ${i}`)));
    const kept = s.add([newRun('y^2'), newRun('z^2')]);
    assert.equal(s.runs.length, PANEL_RUNS);
    assert.deepEqual(
      kept.map((r) => r.formula),
      ['y^2', 'z^2'],
    );
    assert.equal(s.runs[0]!.formula, 'x^2 + 2');
    const crowded = new PanelState();
    const added = crowded.add(Array.from({ length: PANEL_RUNS + 1 }, (_, i) => newRun(`w^2 + ${i}`)));
    assert.equal(added.length, PANEL_RUNS);
    assert.equal(crowded.selected, added[0]!.id, 'the first run kept is selected');
  });

  it('selects and removes only runs it has; removing the selected run selects the first left', () => {
    const s = new PanelState();
    s.add([newRun('a^2'), newRun('b^2'), newRun('c^2')]);
    assert.equal(s.select(99), false);
    assert.equal(s.select(2), true);
    assert.equal(s.selected, 2);
    assert.equal(s.remove(99), false);
    assert.equal(s.remove(3), true);
    assert.equal(s.selected, 2, 'removing another run keeps the selection');
    assert.equal(s.remove(2), true);
    assert.equal(s.selected, 1);
    assert.equal(s.remove(1), true);
    assert.equal(s.selected, 0);
  });

  it('replaces a run’s input and keeps or forgets its plot window', () => {
    const s = new PanelState();
    const [r] = s.add([newRun('x^2')]);
    assert.equal(s.setInput(99, 'y', controls(), []), undefined);
    const changed = s.setInput(r!.id, 'x^4', controls({ start: [3] }), [[1]]);
    assert.deepEqual([changed!.formula, changed!.options.start, changed!.starts], ['x^4', [3], [[1]]]);
    const window = { x: [-1, 1], y: [-1, 1] } as unknown as Parameters<PanelState['setWindow']>[1];
    s.setWindow(r!.id, window);
    assert.equal(s.find(r!.id)!.window, window);
    s.setWindow(r!.id, undefined);
    assert.ok(!('window' in s.find(r!.id)!));
  });
});

describe('panel state: controls and options', () => {
  it('keeps the optimizer settings the named optimizer reads, and all known ones for an unknown name', () => {
    assert.deepEqual(optimizerOf({ name: 'gd', lr: 0.1, momentum: 0.9, betas: [0.9, 0.99] }), {
      name: 'gd',
      lr: 0.1,
    });
    assert.deepEqual(optimizerOf({ name: 'adam', lr: 0.1, momentum: 0.9, betas: [0.8, 0.9] }), {
      name: 'adam',
      lr: 0.1,
      betas: [0.8, 0.9],
    });
    assert.deepEqual(optimizerOf({ name: 'lion', lr: 0.1, momentum: 0.9, colour: 'red' }), {
      name: 'lion',
      lr: 0.1,
      momentum: 0.9,
    });
  });

  it('keeps a schedule’s own arguments, and an unknown class as named', () => {
    assert.equal(schedulerOf(undefined), undefined);
    assert.deepEqual(schedulerOf({ name: 'StepLR', stepSize: 2, gamma: 0.5, tMax: 9 }), {
      name: 'StepLR',
      stepSize: 2,
      gamma: 0.5,
    });
    assert.deepEqual(schedulerOf({ name: 'EvilLR', stepSize: 2 }), { name: 'EvilLR' });
  });

  it('puts the controls over the settings: the typed start is kept whole, no parameters leave the formula’s own', () => {
    const withSchedule = {
      ...BASE,
      scheduler: { name: 'StepLR', stepSize: 3, gamma: 0.1 },
      parameters: { a: 3 },
    };
    const options = withControls(withSchedule as RunOptions, controls({ stop: { maxIterations: 7 } }));
    assert.equal(options.fitStart, false);
    assert.equal(options.scheduler, undefined, 'a schedule the controls dropped goes');
    assert.equal(options.parameters, undefined, 'parameters the controls do not set go');
    assert.deepEqual(options.stop, { maxIterations: 7, timeBudgetMs: 500 });
    assert.equal(withControls(BASE, controls({ parameters: {} })).parameters, undefined);
    assert.deepEqual(withControls(BASE, controls({ parameters: { a: 2 } })).parameters, { a: 2 });
    assert.deepEqual(controlsOf(withControls(BASE, controls())), controls());
  });
});
