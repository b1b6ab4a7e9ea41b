// The explanation jobs through the use-case layer: the model and the map as every surface gets them,
// keys that ignore what a map sets itself, Polyak's optimum only for a quadratic, and a cancelled map.
import { strict as assert } from 'node:assert';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions } from '../../src/engine/types';
import { createProblemCache } from '../../src/host/problemCache';
import { looksQuadratic } from '../../src/usecases/explain';
import { computeJob, jobKey, type JobContext } from '../../src/usecases/jobs';
import { runJob } from '../../src/usecases/jobOutcome';
import { problemOf } from './problemOf';

const limits = resolveLimits();
const ctx = (): JobContext => ({ problems: createProblemCache(limits), limits });
const options = (start: number[], lr = 0.1, momentum = 0.9): RunOptions => ({
  start,
  optimizer: { name: 'momentum', lr, momentum },
  stop: {},
  maximize: false,
  traceLimit: 2,
});

describe('explanation jobs', () => {
  it('explain: the model of x² + 4y² at (1, 1) for η = 0.3 (ηλ = 0.6 and 2.4), with κ = 4 along a path', () => {
    const path = [0, 1, 2].map((iteration) => ({ iteration, point: [1, 1 - iteration / 2] }));
    const e = computeJob(
      { kind: 'explain', formula: 'x^2 + 4y^2', point: [1, 1], lr: 0.3, maximize: false, path },
      ctx(),
    );
    assert.deepEqual(e.variables, ['x', 'y']);
    assert.deepEqual(
      e.model.directions.map((d) => d.behaviour),
      ['converges', 'diverges'],
    );
    assert.deepEqual(
      e.conditionPath.map((p) => [p.iteration, Math.round(p.kappa! * 1e6) / 1e6]),
      [
        [0, 4],
        [1, 4],
        [2, 4],
      ],
    );
  });

  it('phase: a map of a quadratic comes with Polyak’s optimum, a non-quadratic’s without', () => {
    const quad = computeJob(
      { kind: 'phase', formula: 'x^2 + 4y^2', options: options([1, 1]), phase: { count: 4 } },
      ctx(),
    );
    // λ = 2 and 8: η = 4/(√8 + √2)² = 4/18 = 0.2222, β = ((2 − 1)/(2 + 1))² = 1/9.
    assert.ok(
      Math.abs(quad.polyak!.learningRate - 4 / 18) < 1e-9 && Math.abs(quad.polyak!.beta - 1 / 9) < 1e-9,
    );
    assert.equal(quad.map.iterations.length, 4);
    const rosen = computeJob(
      { kind: 'phase', formula: '(1-x)^2 + 100(y-x^2)^2', options: options([-1.2, 1]), phase: { count: 3 } },
      ctx(),
    );
    assert.equal(rosen.polyak, null);
    assert.equal(looksQuadratic(problemOf('x^2 + x*y', ['x', 'y']), [3, -2]), true);
    assert.equal(looksQuadratic(problemOf('x^4', ['x']), [0.5]), false);
  });

  it('phase keys ignore the run’s own η and β, but not its start or the map’s range', () => {
    const key = (o: RunOptions, count = 10) =>
      jobKey({ kind: 'phase', formula: 'x^2', options: o, phase: { count } });
    assert.equal(key(options([1], 0.1, 0.9)), key(options([1], 0.5, 0.2)));
    assert.notEqual(key(options([1])), key(options([2])));
    assert.notEqual(key(options([1])), key(options([1]), 12));
  });

  it('a map interrupted between rows is cancelled, not an error', () => {
    const outcome = runJob(
      { kind: 'phase', formula: 'x^2 + y^2', options: options([1, 1]), phase: {} },
      { ...ctx(), control: { interrupted: () => true } },
    );
    assert.deepEqual(outcome.ok ? 'ok' : outcome.error.code, 'cancelled');
  });
});
