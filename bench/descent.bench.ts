// Issue 2 §3 speed goal, side by side in one run: plain gd on Rosenbrock from (-1.2, 1), η = 0.001,
// 30 million iterations, tolerances 0, through runDescent (keeping only the endpoints, as a sweep does,
// and keeping a faithful 500-point trace, as the panel does); the same loop written by hand in JS; and
// mathjs compile().evaluate on fewer iterations, scaled per iteration. Then one line per optimizer
// (iterations per second on the same function), so that a regression in any of them shows. Run with
// `npm run bench`.
import { compileFormula } from '../src/engine/compile';
import { runDescent } from '../src/engine/descent';
import { differentiate, parseExpression, simplifyNode } from '../src/engine/math';
import { parseOptimizerSpec, parseSchedulerSpec } from '../src/engine/spec';
import type { RunOptions } from '../src/engine/types';

const FORMULA = '(1 - x)^2 + 100*(y - x^2)^2';
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30_000_000);
const MATHJS_ITERATIONS = Number(process.env.BENCH_MATHJS_ITERATIONS ?? 300_000);
const LR = 0.001;
const REPEATS = 5;

interface Measurement {
  readonly ms: number;
  readonly iterations: number;
  readonly point: readonly number[];
}

/** The same gd loop written by hand: f and ∇f of Rosenbrock in plain JS, x ← x − η∇f. */
function handWritten(iterations: number): Measurement {
  const t0 = performance.now();
  let x = -1.2;
  let y = 1;
  let f = 0;
  for (let k = 0; k < iterations; k++) {
    const a = 1 - x;
    const b = y - x * x;
    const gx = -2 * a - 400 * x * b;
    const gy = 200 * b;
    x -= LR * gx;
    y -= LR * gy;
    f = a * a + 100 * b * b;
  }
  const ms = performance.now() - t0;
  if (!Number.isFinite(f)) throw new Error('hand-written loop diverged');
  return { ms, iterations, point: [x, y] };
}

/** The engine's run; `traceLimit` 2 keeps the endpoints only, 500 a faithful trace (every bucket's extremes). */
function engine(iterations: number, traceLimit: number): Measurement {
  const problem = compileFormula({
    source: FORMULA,
    expression: parseExpression(FORMULA),
    variables: ['x', 'y'],
    notation: 'plain',
    parameters: [],
  });
  const options: RunOptions = {
    start: [-1.2, 1],
    optimizer: { name: 'gd', lr: LR },
    stop: {
      maxIterations: iterations,
      gradientTolerance: 0,
      stepTolerance: 0,
      valueTolerance: 0,
      timeBudgetMs: 0,
    },
    maximize: false,
    traceLimit,
  };
  const t0 = performance.now();
  const result = runDescent(problem, options);
  const ms = performance.now() - t0;
  if (result.iterations !== iterations) throw new Error(`runDescent stopped early: ${result.stopReason}`);
  return { ms, iterations, point: result.final.point };
}

/** mathjs's own evaluation: compiled f and (simplified, so faster) partials evaluated per iteration. */
function mathjs(iterations: number): Measurement {
  const f = parseExpression(FORMULA);
  const value = f.compile();
  const dx = simplifyNode(differentiate(f, 'x')).compile();
  const dy = simplifyNode(differentiate(f, 'y')).compile();
  const scope = { x: -1.2, y: 1 };
  let last = 0;
  const t0 = performance.now();
  for (let k = 0; k < iterations; k++) {
    const gx = dx.evaluate(scope) as number;
    const gy = dy.evaluate(scope) as number;
    scope.x -= LR * gx;
    scope.y -= LR * gy;
    last = value.evaluate(scope) as number;
  }
  const ms = performance.now() - t0;
  if (!Number.isFinite(last)) throw new Error('mathjs loop diverged');
  return { ms, iterations, point: [scope.x, scope.y] };
}

/** Best of REPEATS rounds; the three loops take turns so that load from other processes hits them alike. */
function bestOfRounds(runs: readonly (() => Measurement)[]): Measurement[] {
  const fastest: (Measurement | undefined)[] = runs.map(() => undefined);
  for (let r = 0; r < REPEATS; r++) {
    runs.forEach((run, i) => {
      const m = run();
      const current = fastest[i];
      if (current === undefined || m.ms < current.ms) fastest[i] = m;
    });
  }
  return fastest as Measurement[];
}

const perIteration = (m: Measurement): number => (m.ms * 1e6) / m.iterations;

const [ours, faithful, hand, theirs] = bestOfRounds([
  () => engine(ITERATIONS, 2),
  () => engine(ITERATIONS, 500),
  () => handWritten(ITERATIONS),
  () => mathjs(MATHJS_ITERATIONS),
]);

const row = (name: string, m: Measurement): string =>
  `${name.padEnd(26)} ${String(m.iterations).padStart(10)} it  ${m.ms.toFixed(1).padStart(9)} ms  ${perIteration(m).toFixed(2).padStart(8)} ns/it  end (${m.point.map((v) => v.toPrecision(8)).join(', ')})`;
console.log(`gd on Rosenbrock ${FORMULA}, start (-1.2, 1), η = ${LR}; best of ${REPEATS}`);
console.log(row('runDescent (engine)', ours));
console.log(row('  with a 500-point trace', faithful));
console.log(row('hand-written JS', hand));
console.log(row('mathjs compile().evaluate', theirs));
const speedVsHand = perIteration(hand) / perIteration(ours);
const speedVsMathjs = perIteration(theirs) / perIteration(ours);
const faithfulVsHand = perIteration(hand) / perIteration(faithful);
console.log(
  `engine speed / hand-written speed: ${speedVsHand.toFixed(2)}x (goal >= 0.5x) ${speedVsHand >= 0.5 ? 'OK' : 'MISSED'}`,
);
console.log(
  `  with a faithful 500-point trace: ${faithfulVsHand.toFixed(2)}x (every iterate is written and each bucket keeps its extremes)`,
);
console.log(
  `engine speed / mathjs speed:       ${speedVsMathjs.toFixed(1)}x (goal >= 50x) ${speedVsMathjs >= 50 ? 'OK' : 'MISSED'}`,
);

/** One optimizer on Rosenbrock: `settings` as torch's call, `repeats` fresh runs of `iterations` steps. */
interface OptimizerBench {
  readonly label: string;
  readonly optimizer: string;
  readonly scheduler?: string;
  readonly iterations: number;
  /** Fresh runs, for LBFGS, whose steps become trivial once it has converged. */
  readonly runs?: number;
}

const FIRST_ORDER = Number(process.env.BENCH_OPTIMIZER_ITERATIONS ?? 1_000_000);
const OPTIMIZER_BENCHES: readonly OptimizerBench[] = [
  { label: 'SGD, momentum', optimizer: 'SGD(lr=0.0001, momentum=0.9)', iterations: FIRST_ORDER },
  {
    label: 'SGD, Nesterov, weight decay',
    optimizer: 'SGD(lr=0.0001, momentum=0.9, nesterov=True, weight_decay=0.001)',
    iterations: FIRST_ORDER,
  },
  {
    label: 'SGD + CosineAnnealingLR',
    optimizer: 'SGD(lr=0.001)',
    scheduler: `CosineAnnealingLR(T_max=${FIRST_ORDER})`,
    iterations: FIRST_ORDER,
  },
  { label: 'ASGD', optimizer: 'ASGD(lr=0.0001)', iterations: FIRST_ORDER },
  { label: 'Adagrad', optimizer: 'Adagrad(lr=0.1)', iterations: FIRST_ORDER },
  { label: 'Adadelta', optimizer: 'Adadelta()', iterations: FIRST_ORDER },
  { label: 'RMSprop, centered', optimizer: 'RMSprop(lr=0.001, centered=True)', iterations: FIRST_ORDER },
  { label: 'Rprop', optimizer: 'Rprop()', iterations: FIRST_ORDER },
  { label: 'Adam', optimizer: 'Adam(lr=0.001)', iterations: FIRST_ORDER },
  { label: 'AdamW, amsgrad', optimizer: 'AdamW(lr=0.001, amsgrad=True)', iterations: FIRST_ORDER },
  { label: 'Adamax', optimizer: 'Adamax(lr=0.001)', iterations: FIRST_ORDER },
  { label: 'NAdam', optimizer: 'NAdam(lr=0.001)', iterations: FIRST_ORDER },
  { label: 'RAdam', optimizer: 'RAdam(lr=0.001)', iterations: FIRST_ORDER },
  {
    label: 'LBFGS, strong Wolfe (steps)',
    optimizer: "LBFGS(line_search_fn='strong_wolfe')",
    iterations: 25,
    runs: 200,
  },
  { label: 'Newton', optimizer: 'newton', iterations: FIRST_ORDER / 10 },
];

function optimizerBench(bench: OptimizerBench): { ms: number; iterations: number; stop: string } {
  const problem = compileFormula({
    source: FORMULA,
    expression: parseExpression(FORMULA),
    variables: ['x', 'y'],
    notation: 'plain',
    parameters: [],
  });
  const options: RunOptions = {
    start: [-1.2, 1],
    optimizer: parseOptimizerSpec(bench.optimizer).optimizer,
    ...(bench.scheduler ? { scheduler: parseSchedulerSpec(bench.scheduler) } : {}),
    stop: {
      maxIterations: bench.iterations,
      gradientTolerance: 0,
      stepTolerance: 0,
      valueTolerance: 0,
      timeBudgetMs: 0,
    },
    maximize: false,
    traceLimit: 2,
  };
  let best = Infinity;
  let iterations = 0;
  let stop = '';
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    iterations = 0;
    for (let k = 0; k < (bench.runs ?? 1); k++) {
      const result = runDescent(problem, options);
      iterations += result.iterations;
      stop = result.stopReason;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, iterations, stop };
}

console.log(`\nEach optimizer on the same Rosenbrock run (generic loop; iterations per second, best of 3):`);
for (const bench of OPTIMIZER_BENCHES) {
  const { ms, iterations, stop } = optimizerBench(bench);
  const rate = (iterations / ms) * 1000;
  const note = stop === 'max-iterations' ? '' : `  (stopped: ${stop})`;
  console.log(
    `${bench.label.padEnd(30)} ${String(iterations).padStart(9)} it  ${ms.toFixed(1).padStart(8)} ms  ${Math.round(
      rate / 1000,
    )
      .toLocaleString('en-US')
      .padStart(7)} k it/s${note}`,
  );
}
