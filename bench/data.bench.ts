// Issue 13's speed figures: full-batch gradient descent on a 10,000-row linear regression
// (J(w, b) = 1/(2m) Σ (w x_i + b − y_i)², η = 0.5, 2,000 iterations, tolerances 0) through the engine's
// generated loop and runDataDescent; the same loop written by hand in JS over Float64Arrays; and NumPy
// doing the same vectorised update (python3 + numpy, when present). Prints iterations per second and
// the ratios; asserts nothing. Run with `npm run bench:data`.
import { spawnSync } from 'node:child_process';
import { compileDataLoss } from '../src/engine/compile/dataLoss';
import { runDataDescent } from '../src/engine/data/miniBatch';
import { tableOf } from '../src/engine/data/table';
import { parseFormula } from '../src/engine/parse';

const ROWS = 10_000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2_000);
const LR = 0.5;
const REPEATS = 3;
const LOSS = 'J(w,b) = \\frac{1}{2m}\\sum_{i=1}^{m} (w x_i + b - y_i)^2';

/** Rows on y = 2x + 1 with a deterministic wiggle, x in [0, 1). */
function data(): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(ROWS);
  const y = new Float64Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    x[i] = (i * 0.618033988749895) % 1;
    y[i] = 2 * x[i] + 1 + 0.1 * Math.sin(i);
  }
  return { x, y };
}

function best(run: () => { ms: number; point: number[] }): { ms: number; point: number[] } {
  let out = run();
  for (let k = 1; k < REPEATS; k++) {
    const next = run();
    if (next.ms < out.ms) out = next;
  }
  return out;
}

function engine(x: Float64Array, y: Float64Array): { ms: number; point: number[] } {
  const rows = Array.from(x, (v, i) => [String(v), String(y[i])]);
  const { problem } = compileDataLoss(parseFormula(LOSS), tableOf(['x', 'y'], rows, 'bench'));
  return best(() => {
    const t0 = performance.now();
    const run = runDataDescent(
      problem,
      {
        start: [0, 0],
        optimizer: { name: 'gd', lr: LR },
        stop: {
          maxIterations: ITERATIONS,
          gradientTolerance: 0,
          stepTolerance: 0,
          valueTolerance: 0,
          timeBudgetMs: 0,
        },
        maximize: false,
        traceLimit: 500,
      },
      { batchSize: ROWS, shuffle: false, seed: 0 },
    );
    return { ms: performance.now() - t0, point: [...run.final.point] };
  });
}

function handWritten(x: Float64Array, y: Float64Array): { ms: number; point: number[] } {
  return best(() => {
    const t0 = performance.now();
    let w = 0;
    let b = 0;
    for (let k = 0; k < ITERATIONS; k++) {
      let gw = 0;
      let gb = 0;
      for (let i = 0; i < ROWS; i++) {
        const r = w * x[i]! + b - y[i]!;
        gw += r * x[i]!;
        gb += r;
      }
      w -= (LR * gw) / ROWS;
      b -= (LR * gb) / ROWS;
    }
    return { ms: performance.now() - t0, point: [w, b] };
  });
}

const NUMPY = `
import sys, time, numpy as np
rows, iterations, lr = ${ROWS}, ${ITERATIONS}, ${LR}
i = np.arange(rows)
x = (i * 0.618033988749895) % 1
y = 2 * x + 1 + 0.1 * np.sin(i)
best = None
for _ in range(${REPEATS}):
    w = b = 0.0
    t0 = time.perf_counter()
    for _ in range(iterations):
        r = w * x + b - y
        w -= lr * np.dot(r, x) / rows
        b -= lr * r.sum() / rows
    ms = (time.perf_counter() - t0) * 1000
    best = ms if best is None else min(best, ms)
print(best, w, b)
`;

function numpy(): { ms: number; point: number[] } | string {
  const ran = spawnSync('python3', ['-c', NUMPY], { encoding: 'utf8' });
  if (ran.status !== 0) return (ran.stderr || 'python3 did not run').trim().split('\n').pop() ?? '';
  const [ms, w, b] = ran.stdout.trim().split(/\s+/).map(Number);
  return { ms: ms!, point: [w!, b!] };
}

const rate = (ms: number): string => `${Math.round((ITERATIONS / ms) * 1000).toLocaleString('en-US')} it/s`;
const { x, y } = data();
const ours = engine(x, y);
const hand = handWritten(x, y);
console.log(
  `Full-batch GD, ${ROWS.toLocaleString('en-US')} rows, ${ITERATIONS.toLocaleString('en-US')} iterations, η = ${LR}`,
);
console.log(
  `  engine (generated loop, runDataDescent): ${rate(ours.ms)}  (w, b) = (${ours.point.map((v) => v.toFixed(6)).join(', ')})`,
);
console.log(
  `  hand-written JS over Float64Arrays:      ${rate(hand.ms)}  (w, b) = (${hand.point.map((v) => v.toFixed(6)).join(', ')})`,
);
console.log(`  engine / hand-written: ${(hand.ms / ours.ms).toFixed(2)}x (goal ≥ 0.5x)`);
const np = numpy();
if (typeof np === 'string') console.log(`  NumPy: not measured (${np})`);
else {
  console.log(
    `  NumPy (vectorised update):               ${rate(np.ms)}  (w, b) = (${np.point.map((v) => v.toFixed(6)).join(', ')})`,
  );
  console.log(`  engine / NumPy: ${(np.ms / ours.ms).toFixed(2)}x (goal: faster than NumPy, > 1x)`);
}
