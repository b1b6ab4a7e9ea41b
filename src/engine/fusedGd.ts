// Plain gd with the compiled gradient inlined into one generated loop: iterates live in locals, no calls
// per iteration. It is genericLoop (loop.ts) specialised to x ← x − η·∇f, and to the stop tests that are
// on (a tolerance of 0 never fires, so its test is left out). The source is built from the kernel
// (IR output, see compile/emit.ts) and fixed text only.
import { COMPILER_HELPERS } from './compile/functionTable';
import type { Kernel } from './compile';
import { loadParameters } from './compile/emit';
import { CLOCK_INTERVAL, outOfTime, STOP_CODES, type LoopLimits, type LoopState } from './loop';
import type { TraceRecorder } from './trace';
import type { StopReason } from './types';

/**
 * One pass of iterations: from the state in x, g and s (f, ‖∇f‖, iteration, row) up to iteration `end`,
 * writing each iterate as a row of `buffer` and its channels' extremes into `ext`; returns a stop
 * code, or −1 when the pass reached `end`. The state goes back into x, g and s.
 */
type FusedPass = (
  x: Float64Array,
  g: Float64Array,
  s: Float64Array,
  p: Float64Array,
  buffer: Float64Array,
  ext: Float64Array,
  end: number,
) => number;

/** Which tolerance tests a generated loop contains. */
interface Tests {
  /** Whether iterates are written to the trace's chunk (not when the trace keeps only the endpoints). */
  readonly record: boolean;
  readonly gradient: boolean;
  readonly step: boolean;
  readonly value: boolean;
}

const cache = new WeakMap<Kernel, Map<string, FusedPass>>();

function generate(kernel: Kernel, tests: Tests): FusedPass {
  const n = kernel.dimension;
  const idx = Array.from({ length: n }, (_, i) => i);
  const list = (f: (i: number) => string, sep: string): string => idx.map(f).join(sep);
  // Statements end in ';' and join with nothing between them.
  const each = (f: (i: number) => string): string => list(f, '');
  const gradientNorm = `Math.sqrt(0 + ${list((i) => `g${i} * g${i}`, ' + ')})`;
  const w = n + 2;
  // The channels whose extremes the trace keeps, in the recorder's order: every coordinate, f, ‖∇f‖.
  // They are kept in `ext`, not in locals: as locals they push the iterate out of registers.
  const track = [...idx.map((i) => `v${i}`), 'f', 'gn']
    .map(
      (v, c) =>
        `if (${v} < ext[${4 * c}]) { ext[${4 * c}] = ${v}; ext[${4 * c + 1}] = r; } ` +
        `if (${v} > ext[${4 * c + 2}]) { ext[${4 * c + 2}] = ${v}; ext[${4 * c + 3}] = r; }`,
    )
    .join('');
  const body = `
${loadParameters(kernel.parameters.length)}
let ${list((i) => `v${i} = x[${i}]`, ', ')};
let ${list((i) => `g${i} = g[${i}]`, ', ')};
let f = s[0], it = s[2], r = s[3] | 0;
const step = p[0], gradTol = p[2], stepTol = p[3], valueTol = p[4], limit = p[5];
let reason = -1;
while (it < end) {
  ${tests.value ? 'const fPrev = f;' : ''}
  ${each((i) => `const n${i} = v${i} - step * g${i};`)}
  ${tests.step ? `${each((i) => `const d${i} = n${i} - v${i};`)} const sn = Math.sqrt(0 + ${list((i) => `d${i} * d${i}`, ' + ')}); const xn = Math.max(1, Math.sqrt(0 + ${list((i) => `n${i} * n${i}`, ' + ')}));` : ''}
  ${each((i) => `v${i} = n${i};`)}
  {
    ${kernel.statements.join('')}
    f = ${kernel.valueExpression};
    ${each((i) => `g${i} = ${kernel.gradientExpressions[i]};`)}
  }
  it++;
  const gn = ${gradientNorm};
  ${tests.record ? `const o = (r * ${w}) | 0;` : ''}
  ${tests.record ? `${each((i) => `buffer[o + ${i}] = v${i};`)} buffer[o + ${n}] = f; buffer[o + ${n + 1}] = gn;` : ''}
  ${tests.record ? track : ''}
  ${tests.record ? 'r = (r + 1) | 0;' : ''}
  // u * 0 is 0 for finite u and NaN otherwise, so the sum is 0 exactly when everything is finite.
  if (f * 0 + ${list((i) => `v${i} * 0 + g${i} * 0`, ' + ')} !== 0) { reason = 1; break; }
  if (Math.abs(f) > limit) { reason = 2; break; }
  ${tests.gradient ? 'if (gn < gradTol) { reason = 3; break; }' : ''}
  ${tests.step ? 'if (sn < stepTol * xn) { reason = 4; break; }' : ''}
  ${tests.value ? 'if (Math.abs(f - fPrev) < valueTol * Math.max(1, Math.abs(f))) { reason = 5; break; }' : ''}
}
${each((i) => `x[${i}] = v${i}; g[${i}] = g${i};`)}
s[0] = f; s[1] = ${gradientNorm}; s[2] = it; s[3] = r;
return reason;`;
  const factory = new Function(
    'H',
    'P',
    `"use strict";\nreturn function fusedGdPass(x, g, s, p, buffer, ext, end) {${body}\n};`,
  ) as (helpers: typeof COMPILER_HELPERS, parameters: Float64Array) => FusedPass;
  return factory(COMPILER_HELPERS, kernel.parameters);
}

function passFor(kernel: Kernel, tests: Tests): FusedPass {
  let passes = cache.get(kernel);
  if (passes === undefined) {
    passes = new Map();
    cache.set(kernel, passes);
  }
  const key = JSON.stringify(tests);
  let pass = passes.get(key);
  if (pass === undefined) {
    pass = generate(kernel, tests);
    passes.set(key, pass);
  }
  return pass;
}

/**
 * Runs plain gd (x ← x − lr·∇f, or + when maximizing) with the kernel inlined; same contract as
 * genericLoop. The generated pass never calls out: the trace and the clock are served here between
 * passes, so a rarely taken path of theirs cannot deoptimize the hot loop.
 */
export function fusedGdLoop(
  kernel: Kernel,
  lr: number,
  maximize: boolean,
  state: LoopState,
  limits: LoopLimits,
  recorder: TraceRecorder,
): StopReason {
  const record = !recorder.endpointsOnly;
  // A tolerance of 0 never fires (norms are ≥ 0), so its test is left out of the loop.
  const on = (tolerance: number): boolean => tolerance > 0;
  const pass = passFor(kernel, {
    record,
    gradient: on(limits.gradientTolerance),
    step: on(limits.stepTolerance),
    value: on(limits.valueTolerance),
  });
  const scalars = Float64Array.of(state.value, state.gradientNorm, state.iterations, recorder.filled);
  // torch's maximize negates the gradient: x − lr·(−g) is exactly x − (−lr)·g.
  const params = Float64Array.of(
    maximize ? -lr : lr,
    limits.maxIterations,
    limits.gradientTolerance,
    limits.stepTolerance,
    limits.valueTolerance,
    limits.divergenceLimit,
  );
  const ext = recorder.extremes;
  let code = 0;
  for (;;) {
    const it = scalars[2]!;
    if (it >= limits.maxIterations) break;
    const width = record ? recorder.bucketWidth : CLOCK_INTERVAL;
    const from = recorder.filled;
    // A pass stays inside one clock interval, one chunk of the trace and one bucket of it.
    const end = Math.min(
      limits.maxIterations,
      record ? it + (recorder.rows - from) : Infinity,
      (Math.floor(it / CLOCK_INTERVAL) + 1) * CLOCK_INTERVAL,
      (Math.floor((it + 1) / width) + 1) * width - 1,
    );
    // No value is below +∞ or above −∞, so a channel's row is written whenever its extreme is.
    for (let c = 0; c < ext.length; c += 4) {
      ext[c] = Infinity;
      ext[c + 2] = -Infinity;
    }
    const reason = pass(state.x, state.gradient, scalars, params, recorder.buffer, ext, end);
    // Without recording the pass leaves the row count alone, and the segment is empty.
    recorder.filled = scalars[3]!;
    recorder.segment(from, recorder.filled);
    if (recorder.filled === recorder.rows) {
      recorder.flush();
      scalars[3] = 0;
    }
    if (reason !== -1) {
      code = reason;
      break;
    }
    if (scalars[2]! % CLOCK_INTERVAL === 0 && outOfTime(limits)) {
      code = 6;
      break;
    }
  }
  state.value = scalars[0]!;
  state.gradientNorm = scalars[1]!;
  state.iterations = scalars[2]!;
  // Without recording this is the run's last iterate; with it, the last is in the trace already.
  recorder.recordLast(state.iterations, state.x, state.value, state.gradientNorm);
  return STOP_CODES[code]!;
}
