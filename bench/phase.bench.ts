// Issue 14's figure: a 40 × 40 (η, β) map of 1,000-iteration runs on a 2-variable function (1.6 M
// iterations) in the engine, for heavy ball, Nesterov and Adam. The gradient tolerance is 0 so every
// cell runs its 1,000 iterations, on a range where none diverges; then the default map (auto range,
// tolerance 1e-6) as the panel asks for it. Prints figures, asserts nothing. `npm run bench:phase`.
import { compileFormula } from '../src/engine/compile';
import { parseExpression } from '../src/engine/math';
import { PHASE_OPTIMIZERS } from '../src/engine/phaseKernel';
import { phaseMap, phaseSettings, type PhaseMap } from '../src/engine/phaseMap';
import type { RunOptions } from '../src/engine/types';

const FORMULA = '(1 - x)^2 + 100*(y - x^2)^2';
const REPEATS = 5;

const problem = compileFormula({
  source: FORMULA,
  expression: parseExpression(FORMULA),
  variables: ['x', 'y'],
  notation: 'plain',
  parameters: [],
});

function options(gradientTolerance: number): RunOptions {
  return {
    start: [-1.2, 1],
    optimizer: { name: 'momentum' },
    stop: { gradientTolerance },
    maximize: false,
    traceLimit: 2,
  };
}

/** The fastest of REPEATS maps after one that warms the generated loop up, in ms. */
function time(make: () => PhaseMap): { ms: number; map: PhaseMap } {
  let ms = Infinity;
  let map = make();
  for (let r = 0; r < REPEATS; r++) {
    const t0 = performance.now();
    map = make();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, map };
}

const count = (map: PhaseMap, test: (r: number, c: number) => boolean): number =>
  map.betas.reduce((sum, _, r) => sum + map.learningRates.filter((_, c) => test(r, c)).length, 0);

console.log(`(η, β) map, 40 × 40 cells × 1,000 iterations on ${FORMULA} from (−1.2, 1), best of ${REPEATS}:`);
for (const optimizer of PHASE_OPTIMIZERS) {
  const full = options(0);
  const range = optimizer === 'adam' ? { lrMin: 1e-4, lrMax: 1e-2 } : { lrMin: 1e-6, lrMax: 1e-3 };
  const settings = { ...phaseSettings(problem, full, { optimizer, ...range }), betaMax: 0.9 };
  const { ms, map } = time(() => phaseMap(problem, full, settings));
  const blown = count(map, (r, c) => map.diverged[r]![c]!);
  const rate = (1.6e6 / ms / 1e3).toFixed(1);
  console.log(
    `  ${optimizer.padEnd(9)} full 1.6 M iterations: ${ms.toFixed(1)} ms (${rate} M iterations/s; ${blown} cells diverged)`,
  );
  const auto = options(1e-6);
  const panel = phaseSettings(problem, auto, { optimizer });
  const asked = time(() => phaseMap(problem, auto, panel));
  const converged = count(asked.map, (r, c) => asked.map.iterations[r]![c] !== null);
  console.log(
    `  ${''.padEnd(9)} default map (η ${panel.lrMin.toExponential(1)}…${panel.lrMax.toExponential(1)}): ${asked.ms.toFixed(1)} ms, ${converged} of 1600 cells converged`,
  );
}
