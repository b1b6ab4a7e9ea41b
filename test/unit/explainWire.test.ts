// The explanation's wire values: what the host builds passes the webview's guard whole, and a map
// whose cells do not fill its grid, or an explanation with an unknown behaviour, is refused.
import { strict as assert } from 'node:assert';
import { resolveLimits } from '../../src/engine/limits';
import { createProblemCache } from '../../src/host/problemCache';
import { DIVERGED_CELL, toExplainWire, toPhaseWire } from '../../src/shared/explainWire';
import { partValue } from '../../src/shared/protocol';
import { computeJob } from '../../src/usecases/jobs';

const limits = resolveLimits();
const ctx = () => ({ problems: createProblemCache(limits), limits });

describe('explanation wire values', () => {
  it('a saddle’s model crosses with its nulls left out, its words and κ path kept', () => {
    const e = computeJob(
      {
        kind: 'explain',
        formula: 'x^2 - y^2',
        point: [1, 1],
        lr: 0.1,
        maximize: false,
        path: [{ iteration: 0, point: [1, 1] }],
      },
      ctx(),
    );
    const wire = toExplainWire(e, ['y runs away']);
    const parsed = partValue.parse({ kind: 'explain', value: wire });
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.equal(wire.conditionNumber, undefined);
    assert.equal(wire.momentum, undefined);
    assert.deepEqual(wire.effects, ['y runs away']);
    assert.ok(Number.isNaN(wire.conditionPath.kappas[0]!), 'κ of a saddle is NaN on the wire');
    const bad = partValue.parse({
      kind: 'explain',
      value: { ...wire, directions: [{ ...wire.directions[0], behaviour: 'explodes' }] },
    });
    assert.equal(bad.ok, false);
  });

  it('a map crosses row-major with −1 for diverged and NaN for not converged cells', () => {
    const outcome = computeJob(
      {
        kind: 'phase',
        formula: '2x^2',
        options: { start: [1], optimizer: {}, stop: {}, maximize: false, traceLimit: 2 },
        // λ = 4, β = 0: η = 0.1 converges, 0.6 diverges (ηλ = 2.4); 1e−5 does not converge in 100 steps; 1.4¹⁰⁰ passes the divergence limit.
        phase: { lrMin: 1e-5, lrMax: 0.6, count: 2, betaMin: 0, betaMax: 0, maxIterations: 100 },
      },
      ctx(),
    );
    const wire = toPhaseWire(outcome);
    assert.ok(Number.isNaN(wire.cells[0]!));
    assert.equal(wire.cells[1], DIVERGED_CELL);
    assert.ok(partValue.parse({ kind: 'phase', value: wire }).ok);
    assert.equal(
      partValue.parse({ kind: 'phase', value: { ...wire, cells: wire.cells.slice(1) } }).ok,
      false,
    );
  });
});
