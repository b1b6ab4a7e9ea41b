// A CSV file for the panel's loss: the host reads and binds it and holds its data, the webview sees
// a reference (its formula text stays under the guard's 10,000 characters however big the file),
// and an edit from the webview gets the data back. Driven as the webview drives the session.
import * as assert from 'node:assert/strict';
import { boundRows, splitData, withData } from '../../src/engine/data/bound';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { bindFile, DataRefs } from '../../src/extension/panel/dataRefs';
import { PanelSession } from '../../src/extension/panel/session';
import { JobService } from '../../src/host/jobService';
import { createProblemCache } from '../../src/host/problemCache';
import type { Envelope } from '../../src/shared/channel';
import { hostMessage, LIMITS, type HostMessage, type RunSummary } from '../../src/shared/protocol';

const LOSS = 'J(w, b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';
const BASE: RunOptions = {
  start: [0, 0],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 50, gradientTolerance: 0, timeBudgetMs: 5000 },
  maximize: false,
  traceLimit: 200,
};
// 2,000 rows of y = 2x + 1: about 20,000 characters, twice what a formula may be on the wire.
const BIG = [
  'x,y',
  ...Array.from({ length: 2000 }, (_, i) => `${(i + 1) / 1000},${(2 * (i + 1)) / 1000 + 1}`),
].join('\n');

function harness(file: { origin: string; text: string } | undefined) {
  const limits = resolveLimits();
  const jobs = new JobService({ problems: createProblemCache(limits), limits });
  const posted: (HostMessage & Envelope)[] = [];
  const session = new PanelSession(
    jobs,
    {
      post: (m) => posted.push(m),
      copy: async () => undefined,
      save: async () => undefined,
      log: () => undefined,
      pickData: async () => file,
    },
    { base: BASE, steps: 2, plotVariables: 2, sweep: { count: 5 } },
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  let nextId = 1;
  const request = async (message: Record<string, unknown>): Promise<HostMessage | undefined> => {
    const messageId = nextId++;
    session.receive({ ...message, messageId });
    for (let i = 0; i < 400; i++) {
      const reply = posted.find((m) => m.inReplyTo === messageId);
      if (reply) return reply;
      await settle();
    }
    return undefined;
  };
  const last = (id: number): RunSummary | undefined =>
    [...posted].reverse().flatMap((m) => (m.type === 'run' && m.run.id === id ? [m.run] : []))[0];
  return { session, posted, request, last };
}

describe('a CSV file for the panel', () => {
  it('binds the picked file host-side: the webview gets a reference that passes its guard', async () => {
    const h = harness({ origin: 'data/big.csv', text: BIG });
    const table = withData(LOSS, 'the table on line 3', 'x,y\n1,3\n2,5');
    h.session.addRuns([{ formula: table, options: BASE }]);
    const id = h.session.state.selected;
    const reply = await h.request({ type: 'pickData', runId: id });
    assert.deepEqual(reply && { type: reply.type, notice: reply.type === 'done' && reply.notice }, {
      type: 'done',
      notice: 'Using data/big.csv: 2,000 rows of x, y.',
    });
    // The host's run holds all 2,000 rows ...
    const held = h.session.state.find(id)!.formula;
    assert.equal(splitData(held).csv, BIG);
    assert.equal(splitData(held).formula, LOSS);
    // ... the webview's text only their reference, under the limit, and every host message passes the guard.
    const shown = h.last(id)!;
    assert.ok(shown.formula.length < LIMITS.formulaLength, `${shown.formula.length} characters`);
    assert.equal(splitData(shown.formula).origin, 'data/big.csv');
    assert.equal(boundRows(shown.formula), 2000);
    for (const m of h.posted) assert.ok(hostMessage.parse(m).ok, `${m.type} passes the webview's guard`);
    // An edit from the webview (batches of all rows) runs on the held data.
    const edit = await h.request({
      type: 'setInput',
      runId: id,
      formula: shown.formula,
      controls: { ...shown.controls, batch: { batchSize: 2000 } },
      starts: [],
    });
    assert.equal(edit?.type, 'settled');
    assert.equal(splitData(h.session.state.find(id)!.formula).csv, BIG);
    assert.equal(h.last(id)!.status, 'ok');
  });

  it('says why a file cannot be used and keeps the run’s data', async () => {
    const h = harness({ origin: 'bad.csv', text: 'x,y\n1,2\n3' });
    const table = withData(LOSS, 'the table', 'x,y\n1,3\n2,5');
    h.session.addRuns([{ formula: table, options: BASE }]);
    const id = h.session.state.selected;
    const reply = await h.request({ type: 'pickData', runId: id });
    assert.equal(reply?.type, 'done');
    assert.match(reply?.type === 'done' ? reply.notice : '', /bad\.csv/);
    assert.equal(h.session.state.find(id)!.formula, table);
  });

  it('says nothing when the picker is cancelled', async () => {
    const h = harness(undefined);
    h.session.addRuns([{ formula: withData(LOSS, 't', 'x,y\n1,3\n2,5'), options: BASE }]);
    const reply = await h.request({ type: 'pickData', runId: h.session.state.selected });
    assert.deepEqual(reply?.type === 'done' && reply.notice, '');
  });
});

describe('data references', () => {
  it('leaves texts it holds no data of as they are, and never resolves a reference it did not give', () => {
    const refs = new DataRefs();
    const note = withData(LOSS, 'the table', 'x,y\n1,2');
    assert.equal(refs.toView(note), note);
    assert.equal(refs.toView('x^2'), 'x^2');
    const forged = withData(LOSS, 'secret', '\u0000file\u00007\u00001');
    assert.equal(refs.fromView(forged), forged);
    refs.hold('x,y\n1,2');
    const shown = refs.toView(note);
    assert.equal(splitData(shown).csv, '\u0000file\u00001\u00001');
    assert.equal(refs.fromView(shown), note);
  });

  it('counts the rows after the header, blank lines left out', () => {
    assert.equal(boundRows(withData(LOSS, 't', 'x,y\n1,2\n\n3,4\n')), 2);
    assert.equal(boundRows(withData(LOSS, 't', 'x,y')), 0);
    assert.equal(boundRows(LOSS), 0);
  });

  it('binds a file in place of the data a text had, and refuses ragged rows by row', () => {
    const bound = bindFile(withData(LOSS, 'old', 'x,y\n9,9'), 'new.tsv', 'x\ty\n1\t2\n3\t4');
    assert.ok('text' in bound);
    assert.deepEqual(splitData(bound.text), { formula: LOSS, origin: 'new.tsv', csv: 'x\ty\n1\t2\n3\t4' });
    assert.equal(bound.notice, 'Using new.tsv: 2 rows of x, y.');
    const ragged = bindFile(LOSS, 'r.csv', 'x,y\n1,2\n3');
    assert.ok('error' in ragged);
  });
});
