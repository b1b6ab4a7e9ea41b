// Plain gd with the compiled gradient inlined into one generated loop: iterates live in locals, no calls
// per iteration. It is genericLoop (loop.ts) specialised to x ← x − η·∇f, and to the stop tests that are
// on (a tolerance of 0 never fires, so its test is left out). The source is built from the kernel
// (IR output, see compile/emit.ts) and fixed text only.
import { COMPILER_HELPERS } from './compile/functionTable';
import type { Kernel } from './compile';
import { CLOCK_INTERVAL, STOP_CODES, type LoopLimits, type LoopState } from './loop';
import type { TraceRecorder } from './trace';
import type { StopReason } from './types';

type FusedLoop = (
  x: Float64Array,
  g: Float64Array,
  s: Float64Array,
  p: Float64Array,
  rec: TraceRecorder,
  now: () => number,
) => number;

/** Which tolerance tests a generated loop contains. */
interface Tests {
  readonly gradient: boolean;
  readonly step: boolean;
  readonly value: boolean;
}

const cache = new WeakMap<Kernel, Map<string, FusedLoop>>();

function generate(kernel: Kernel, tests: Tests): FusedLoop {
  const n = kernel.dimension;
  const idx = Array.from({ length: n }, (_, i) => i);
  const list = (f: (i: number) => string, sep: string): string => idx.map(f).join(sep);
  const gradientNorm = `Math.sqrt(0 + ${list((i) => `g${i} * g${i}`, ' + ')})`;
  const body = `
let ${list((i) => `v${i} = x[${i}]`, ', ')};
let ${list((i) => `g${i} = g[${i}]`, ', ')};
let f = s[0], it = s[2];
const step = p[0], maxIter = p[1], gradTol = p[2], stepTol = p[3], valueTol = p[4], limit = p[5], budget = p[6], t0 = p[7];
let next = rec.next;
let reason = -1;
// Calls (recording, the clock) stay out of the inner loop: V8 keeps the iterate in registers that way.
for (;;) {
  if (it >= maxIter) { reason = 0; break; }
  const end = Math.min(maxIter, next, (Math.floor(it / ${CLOCK_INTERVAL}) + 1) * ${CLOCK_INTERVAL});
  while (it < end) {
    ${tests.value ? 'const fPrev = f;' : ''}
    ${list((i) => `const n${i} = v${i} - step * g${i};`, ' ')}
    ${tests.step ? `${list((i) => `const d${i} = n${i} - v${i};`, ' ')} const sn = Math.sqrt(0 + ${list((i) => `d${i} * d${i}`, ' + ')});` : ''}
    ${list((i) => `v${i} = n${i};`, ' ')}
    {
      ${kernel.statements.join('\n      ')}
      f = ${kernel.valueExpression};
      ${list((i) => `g${i} = ${kernel.gradientExpressions[i]};`, '\n      ')}
    }
    it++;
    // u * 0 is 0 for finite u and NaN otherwise, so the sum is 0 exactly when everything is finite.
    if (f * 0 + ${list((i) => `v${i} * 0 + g${i} * 0`, ' + ')} !== 0) { reason = 1; break; }
    if (Math.abs(f) > limit) { reason = 2; break; }
    ${tests.gradient ? `if (${gradientNorm} < gradTol) { reason = 3; break; }` : ''}
    ${tests.step ? 'if (sn < stepTol) { reason = 4; break; }' : ''}
    ${tests.value ? 'if (Math.abs(f - fPrev) < valueTol) { reason = 5; break; }' : ''}
  }
  if (it === next) { ${list((i) => `x[${i}] = v${i};`, ' ')} next = rec.add(it, x, f, ${gradientNorm}); }
  if (reason >= 0) break;
  if (it % ${CLOCK_INTERVAL} === 0 && budget > 0 && now() - t0 > budget) { reason = 6; break; }
}
${list((i) => `x[${i}] = v${i}; g[${i}] = g${i};`, ' ')}
s[0] = f; s[1] = ${gradientNorm}; s[2] = it;
return reason;`;
  const factory = new Function(
    'H',
    `"use strict";\nreturn function fusedGd(x, g, s, p, rec, now) {${body}\n};`,
  ) as (helpers: typeof COMPILER_HELPERS) => FusedLoop;
  return factory(COMPILER_HELPERS);
}

function loopFor(kernel: Kernel, tests: Tests): FusedLoop {
  let loops = cache.get(kernel);
  if (loops === undefined) {
    loops = new Map();
    cache.set(kernel, loops);
  }
  const key = `${+tests.gradient}${+tests.step}${+tests.value}`;
  let loop = loops.get(key);
  if (loop === undefined) {
    loop = generate(kernel, tests);
    loops.set(key, loop);
  }
  return loop;
}

/** Runs plain gd (x ← x − lr·∇f, or + when maximizing) with the kernel inlined; same contract as genericLoop. */
export function fusedGdLoop(
  kernel: Kernel,
  lr: number,
  maximize: boolean,
  state: LoopState,
  limits: LoopLimits,
  recorder: TraceRecorder,
): StopReason {
  const loop = loopFor(kernel, {
    gradient: limits.gradientTolerance > 0,
    step: limits.stepTolerance > 0,
    value: limits.valueTolerance > 0,
  });
  const scalars = Float64Array.of(state.value, state.gradientNorm, state.iterations);
  // torch's maximize negates the gradient: x − lr·(−g) is exactly x − (−lr)·g.
  const params = Float64Array.of(
    maximize ? -lr : lr,
    limits.maxIterations,
    limits.gradientTolerance,
    limits.stepTolerance,
    limits.valueTolerance,
    limits.divergenceLimit,
    limits.timeBudgetMs,
    limits.startedAt,
  );
  const code = loop(state.x, state.gradient, scalars, params, recorder, () => performance.now());
  state.value = scalars[0];
  state.gradientNorm = scalars[1];
  state.iterations = scalars[2];
  return STOP_CODES[code];
}
