// The panel's run scheduler: debounced, the latest request per run wins, earlier ones are
// cancelled, and failures arrive as values a person can read.
import * as assert from 'node:assert/strict';
import type { Analysis, AnalysisRequest } from '../../src/engine/types';
import { FormulaError } from '../../src/engine/types';
import { RunScheduler, toRunError, type Outcome } from '../../src/extension/panel/scheduler';

const OPTIONS = { start: [1], optimizer: {}, stop: {}, maximize: false, traceLimit: 10 };
const request = (formula: string): AnalysisRequest => ({ formula, options: OPTIONS });
const fakeAnalysis = (formula: string): Analysis => ({ formula: { source: formula } }) as unknown as Analysis;
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An analyzer whose runs finish when the test says so. */
function controllable() {
  const calls: { formula: string; signal: AbortSignal; finish: () => void }[] = [];
  const analyzer = (r: AnalysisRequest, signal: AbortSignal): Promise<Analysis> =>
    new Promise((resolve, reject) => {
      calls.push({ formula: r.formula, signal, finish: () => resolve(fakeAnalysis(r.formula)) });
      signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  return { calls, analyzer };
}

describe('run scheduler', () => {
  it('debounces: quick successive requests for a run start only the last', async () => {
    const { calls, analyzer } = controllable();
    const outcomes: [number, Outcome][] = [];
    const s = new RunScheduler(analyzer, { outcome: (k, o) => outcomes.push([k, o]) }, 30);
    for (const f of ['x', 'x^', 'x^2']) s.schedule(1, request(f));
    await tick(60);
    assert.deepEqual(
      calls.map((c) => c.formula),
      ['x^2'],
    );
    calls[0].finish();
    await tick(5);
    assert.equal(outcomes.length, 1);
    assert.ok(outcomes[0][1].ok && outcomes[0][1].analysis.formula.source === 'x^2');
    s.dispose();
  });

  it('cancels the run in flight when a newer request comes, and reports only the newest', async () => {
    const { calls, analyzer } = controllable();
    const outcomes: Outcome[] = [];
    const s = new RunScheduler(analyzer, { outcome: (_k, o) => outcomes.push(o) }, 0);
    s.schedule(1, request('slow'));
    s.schedule(1, request('fast'));
    assert.equal(calls.length, 2);
    assert.equal(calls[0].signal.aborted, true);
    assert.equal(calls[1].signal.aborted, false);
    calls[1].finish();
    calls[0].finish();
    await tick(5);
    assert.equal(outcomes.length, 1);
    assert.ok(outcomes[0].ok && outcomes[0].analysis.formula.source === 'fast');
    s.dispose();
  });

  it('keeps runs of different keys independent and offers each for progress and cancelling', async () => {
    const { calls, analyzer } = controllable();
    const outcomes: [number, Outcome][] = [];
    const started: number[] = [];
    let cancelFirst = (): void => undefined;
    const s = new RunScheduler(
      analyzer,
      {
        outcome: (k, o) => outcomes.push([k, o]),
        started: (k, cancel) => {
          started.push(k);
          if (k === 1) cancelFirst = cancel;
        },
      },
      0,
    );
    s.schedule(1, request('a'));
    s.schedule(2, request('b'));
    assert.deepEqual(started, [1, 2]);
    cancelFirst();
    calls[1].finish();
    await tick(5);
    const byKey = new Map(outcomes);
    assert.equal(byKey.get(1)?.ok, false);
    assert.ok(byKey.get(2)?.ok);
    s.dispose();
  });

  it('turns FormulaErrors into message and column, anything else into a sentence without a stack', () => {
    assert.deepEqual(toRunError(new FormulaError('Unexpected ")"', 'syntax', 4)), {
      message: 'Unexpected ")"',
      column: 4,
    });
    const other = toRunError(new TypeError('boom\n    at foo (bar.js:1:1)'));
    assert.match(other.message, /boom/);
    assert.doesNotMatch(other.message, /at foo/);
  });
});
