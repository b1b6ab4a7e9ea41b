// The engine against torch itself: trajectories that torch.optim and torch.optim.lr_scheduler
// (1.13, Debian's python3-torch) computed with scripts/reference/torch_reference.py. Every iterate and
// every step's learning rate must agree to 1e-12 relative to the trajectory's scale (the largest
// coordinate seen, or 1): the two differ only in the last bits of the gradient (torch's autograd
// and the engine's symbolic derivative evaluate in different orders) and of pow/exp.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFormula } from '../../src/engine/compile';
import { runDescent } from '../../src/engine/descent';
import { parseExpression } from '../../src/engine/math';
import { parseOptimizerSpec, parseSchedulerSpec } from '../../src/engine/spec';

interface ReferenceCase {
  readonly formula: string;
  readonly variables: string[];
  readonly start: number[];
  readonly optimizer: string;
  readonly scheduler: string | null;
  readonly maximize: boolean;
  readonly iterations: number;
  readonly points: number[][];
  readonly learningRates: number[];
}

interface ReferenceFile {
  readonly torch: string;
  readonly cases: readonly ReferenceCase[];
}

const TOLERANCE = 1e-12;

function load(name: string): ReferenceFile {
  return JSON.parse(
    readFileSync(join(__dirname, '..', 'reference', `${name}.json`), 'utf8'),
  ) as ReferenceFile;
}

/** The engine's run of a case: every iterate kept, every stop test off. */
function engineRun(c: ReferenceCase) {
  const problem = compileFormula({
    source: c.formula,
    expression: parseExpression(c.formula),
    variables: c.variables,
    notation: 'plain',
    parameters: [],
  });
  const spec = parseOptimizerSpec(c.optimizer);
  return runDescent(problem, {
    start: c.start,
    optimizer: spec.optimizer,
    ...(c.scheduler === null ? {} : { scheduler: parseSchedulerSpec(c.scheduler) }),
    stop: {
      maxIterations: c.iterations,
      gradientTolerance: 0,
      stepTolerance: 0,
      valueTolerance: 0,
      timeBudgetMs: 0,
    },
    maximize: c.maximize || spec.maximize === true,
    traceLimit: 'all',
  });
}

/** Largest deviation of a case in units of its scale. */
function deviation(c: ReferenceCase): number {
  const run = engineRun(c);
  assert.equal(
    run.iterations,
    c.iterations,
    `${c.optimizer} ${c.scheduler ?? ''}: stopped (${run.stopReason})`,
  );
  const scale = Math.max(1, ...c.points.flat().map(Math.abs));
  let worst = 0;
  c.points.forEach((expected, k) => {
    run.trace[k]!.point.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[i]!) / scale)));
  });
  if (c.scheduler !== null) {
    c.learningRates.forEach((expected, k) => {
      const rate = run.trace[k + 1]!.learningRate!;
      worst = Math.max(worst, Math.abs(rate - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE));
    });
  }
  return worst;
}

for (const name of ['optimizers', 'schedulers']) {
  const file = load(name);
  describe(`torch ${file.torch} reference trajectories: ${name}`, () => {
    let worst = 0;
    for (const c of file.cases) {
      const label = `${c.optimizer}${c.scheduler ? ` + ${c.scheduler}` : ''} on ${c.formula}${c.maximize ? ' (maximize)' : ''}`;
      it(label, () => {
        const d = deviation(c);
        worst = Math.max(worst, d);
        assert.ok(d <= TOLERANCE, `deviation ${d.toExponential(2)} > ${TOLERANCE}`);
      });
    }
    after(() =>
      console.log(`      ${file.cases.length} ${name} cases, largest deviation ${worst.toExponential(2)}`),
    );
  });
}
