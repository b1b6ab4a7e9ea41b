// The one wording of how a run went, shared by the panel, the hover, the CLI and the tables; and the
// iteration tables with their caption, listing consecutive iterations and then the last, never every k-th.
import * as assert from 'node:assert/strict';
import { resolveLimits } from '../../src/engine/limits';
import type { RunOptions, RunResult } from '../../src/engine/types';
import { createProblemCache } from '../../src/host/problemCache';
import { computeJob } from '../../src/usecases/jobs';
import { resolveRunOptions } from '../../src/usecases/runOptions';
import {
  formatCell,
  iterationsCsv,
  iterationsMarkdown,
  tableCaption,
  tableRows,
} from '../../src/usecases/tables';
import { describeOutcome, outcomeOf, outcomeSentence } from '../../src/usecases/wording';

const OPTIONS: RunOptions = {
  start: [1],
  optimizer: { name: 'gd', lr: 0.1 },
  stop: { maxIterations: 50 },
  maximize: false,
  traceLimit: 100,
};

function run(formula: string, options: Partial<RunOptions> = {}): RunResult {
  const limits = resolveLimits();
  const ctx = { problems: createProblemCache(limits), limits };
  const info = computeJob({ kind: 'formula', formula }, ctx);
  const resolved = resolveRunOptions({ ...OPTIONS, ...options }, info.variables.length, limits);
  return computeJob({ kind: 'run', formula, options: resolved }, ctx);
}

describe('outcome wording', () => {
  it('says why a run stopped', () => {
    const facts = { iterations: 7, stationary: 'not-stationary' as const };
    assert.equal(
      outcomeSentence({ ...facts, stopReason: 'diverged' }),
      'Diverged at iteration 7: the values grew without bound. Try a smaller learning rate.',
    );
    assert.match(
      outcomeSentence({ ...facts, iterations: 1, stopReason: 'gradient-tolerance', stationary: 'minimum' }),
      /^Converged in 1 iteration:/,
    );
    assert.equal(describeOutcome({ ...facts, stopReason: 'max-iterations' }).outcome, 'stopped');
    assert.equal(describeOutcome({ ...facts, stopReason: 'non-finite' }).outcome, 'diverged');
  });

  it('does not call a tolerance stop converged where the gradient is not small for f', () => {
    // x² from 1 with a gradient tolerance of 5: |f′(1)| = 2 < 5 stops at once, far from the minimum at 0.
    const early = run('x^2', { start: [1], stop: { gradientTolerance: 5 } });
    assert.equal(early.iterations, 0);
    assert.equal(early.stopReason, 'gradient-tolerance');
    assert.equal(early.stationary, 'not-stationary');
    assert.equal(describeOutcome(early).outcome, 'stopped');
    assert.equal(outcomeOf(early), 'stopped');
    assert.equal(
      outcomeSentence(early),
      "Stopped at the start: the gradient became smaller than the tolerance. The gradient is not small for this function's scale there: lower the tolerance.",
    );
    const later = { ...early, iterations: 3 };
    assert.match(outcomeSentence(later), /^Stopped after 3 iterations: the gradient became smaller/);
    // The same stop at a point the classification calls a minimum is a convergence.
    assert.equal(outcomeOf({ ...later, stationary: 'minimum' }), 'converged');
    // A classification cut by the time budget says nothing either way: the tolerance is believed.
    assert.equal(outcomeOf({ ...later, budgetCut: 'classification' }), 'converged');
  });

  it('says a smaller learning rate will not help when f ran off the way descent goes', () => {
    const saddle = run('x^2 - y^2', { start: [1, 1], stop: { maxIterations: 5000 } });
    assert.equal(saddle.unbounded, 'below');
    assert.match(
      outcomeSentence(saddle),
      /^Diverged at iteration \d+: f fell without bound \(towards −∞\)\. It has no minimum along this path; a smaller learning rate only slows the fall\.$/,
    );
    assert.match(
      outcomeSentence({ ...saddle, unbounded: 'above' }),
      /f rose without bound \(towards \+∞\)\. It has no maximum/,
    );
    // x² at η = 1.5: x_{k+1} = (1 − 3)x_k = −2x_k, an overshoot that a smaller η cures.
    const overshoot = run('x^2', { optimizer: { name: 'gd', lr: 1.5 }, stop: { maxIterations: 5000 } });
    assert.match(
      outcomeSentence(overshoot),
      /^Diverged at iteration \d+: the values grew without bound\. Try a smaller learning rate\.$/,
    );
  });

  it('says the start is already a minimum when no step was taken (Rosenbrock from (1, 1))', () => {
    const atMinimum = run('(1-x)^2 + 100(y-x^2)^2', { start: [1, 1], optimizer: { name: 'gd', lr: 0.001 } });
    const words = describeOutcome(atMinimum);
    assert.ok(words.atStart);
    assert.equal(words.headline, 'The start is already a local minimum');
    assert.match(words.advice ?? '', /choose another start/);
  });
});

describe('iteration tables', () => {
  it('writes table cells with 6 digits and an ASCII minus, exponent form from 1e6 and below 1e-4', () => {
    assert.equal(formatCell(-0.6), '-0.6');
    assert.equal(formatCell(123456.789), '123457');
    assert.equal(formatCell(1234567), '1.23457e6');
    assert.equal(formatCell(2e6), '2e6');
    assert.equal(formatCell(1e-5), '1e-5');
    assert.equal(formatCell(-2.5e-5), '-2.5e-5');
    assert.equal(formatCell(-Infinity), '-∞');
    assert.equal(formatCell(NaN), 'NaN');
    assert.equal(formatCell(-0), '0');
  });

  it('builds Markdown and CSV tables of the iterations, captioned', () => {
    const r = run('2x^2');
    const md = iterationsMarkdown(r, { head: 3 }).trim().split('\n');
    assert.deepEqual(md.slice(0, 2), ['| k | x | f | ‖∇f‖ |', '| --- | --- | --- | --- |']);
    assert.equal(md[3], '| 1 | 0.6 | 0.72 | 2.4 |');
    const fromLeft = iterationsMarkdown(run('2x^2', { start: [-1] }), { head: 3 })
      .trim()
      .split('\n');
    assert.equal(fromLeft[3], '| 1 | -0.6 | 0.72 | 2.4 |');
    const caption = tableCaption('f(x) = 2x^2', r);
    assert.equal(caption, 'f(x) = 2x^2 · gd, η = 0.1 · from x₀ = 1');
    assert.ok(iterationsMarkdown(r, { caption }).startsWith(`*${caption}*\n\n| k |`));
    const csv = iterationsCsv(r, caption).trim().split('\n');
    assert.equal(csv[0], `# ${caption}`);
    assert.equal(csv[1], 'k,x,f,grad_norm');
    assert.equal(csv.length, r.trace.length + 2);
  });

  it('lists consecutive iterations then the last, and says how many it left out, never every k-th', () => {
    // 2x² from 1 at η = 0.5 alternates 1, −1, 1, … for 5000 iterations; a 400-point trace keeps 100 in a row.
    const long = run('2x^2', {
      optimizer: { name: 'gd', lr: 0.5 },
      stop: { maxIterations: 5000, gradientTolerance: 0 },
      traceLimit: 400,
    });
    const { rows, skipped } = tableRows(long);
    assert.deepEqual(
      rows.slice(0, -1).map((t) => t.iteration),
      Array.from({ length: 100 }, (_, k) => k),
    );
    assert.equal(rows.at(-1)!.iteration, 5000);
    assert.equal(skipped, 5000 - 99 - 1);
    assert.ok(
      rows.every((t) => t.point[0] === (t.iteration % 2 === 0 ? 1 : -1)),
      'the rows alternate as the run does',
    );
    const md = iterationsMarkdown(long);
    assert.match(md, /\| … \| 4900 iterations not listed \| {2}\| {2}\|/);
    assert.match(iterationsCsv(long), /# iterations 100 to 4999 not listed/);
  });
});
