// One run of SGD with momentum, Nesterov or Adam from a start, reduced to what the (η, β) map needs:
// the iterations until ‖∇f‖ falls below the tolerance, or the stop (diverged, cut by the iteration
// limit) and the final f. With a kernel (compile/kernel.ts) the gradient is inlined into one generated
// loop with the iterate and the optimizer's state in locals, as fusedGd.ts does for plain gd; without,
// the same update runs on problem.valueAndGradient. Both follow torch.optim's arithmetic exactly
// (optimizers/sgd.ts, adam.ts): the tests compare them with runDescent bit for bit.
import { COMPILER_HELPERS } from './compile/functionTable';
import type { Kernel } from './compile';
import { kernelOf } from './compile';
import { loadParameters } from './compile/emit';
import type { Problem } from './types';

/** The optimizers a map can be made for; β is momentum's μ, or Adam's β₁. */
export type PhaseOptimizer = 'momentum' | 'nesterov' | 'adam';
export const PHASE_OPTIMIZERS: readonly PhaseOptimizer[] = ['momentum', 'nesterov', 'adam'];

/** torch's Adam defaults for what the map does not vary. */
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

/** How a run of the map ended. */
export const PHASE_CONVERGED = 0;
export const PHASE_DIVERGED = 1;
export const PHASE_LIMIT = 2;

/** The stop tests of every run of one map. */
export interface PhaseLimits {
  readonly maxIterations: number;
  readonly gradientTolerance: number;
  /** |f| above this is divergence. */
  readonly divergenceLimit: number;
  /** −1 when maximizing (torch's maximize negates the gradient), else 1. */
  readonly sign: 1 | -1;
}

/** One run: `out` receives [iterations, final f]; returns PHASE_CONVERGED, _DIVERGED or _LIMIT. */
export type PhaseRun = (start: Float64Array, lr: number, beta: number, out: Float64Array) => number;

/** `weight` and `1 − weight` of torch's lerp for Adam's first moment (it branches on |weight| < 0.5). */
function lerpWeights(beta1: number): [number, number, boolean] {
  const w = 1 - beta1;
  return [w, 1 - w, Math.abs(w) < 0.5];
}

/** The generated per-coordinate update of x (v{i}) from the gradient g{i}, optimizer state in locals. */
function updateSource(optimizer: PhaseOptimizer, i: number): string {
  if (optimizer === 'adam') {
    return `{ const d = sign * g${i};
      m${i} = near ? m${i} + w * (d - m${i}) : d - (d - m${i}) * wc;
      q${i} = beta2 * q${i} + (1 - beta2) * d * d;
      v${i} -= (stepSize * m${i}) / (Math.sqrt(q${i}) / bc2 + eps); }`;
  }
  // torch keeps buf = d on its first step; μ·0 + d is that same d.
  const use = optimizer === 'nesterov' ? `d + beta * m${i}` : `m${i}`;
  return `{ const d = sign * g${i}; m${i} = beta * m${i} + d; v${i} -= lr * (${use}); }`;
}

function generate(kernel: Kernel, optimizer: PhaseOptimizer, limits: PhaseLimits): PhaseRun {
  const n = kernel.dimension;
  const idx = Array.from({ length: n }, (_, i) => i);
  const list = (f: (i: number) => string, sep: string): string => idx.map(f).join(sep);
  const adam = optimizer === 'adam';
  const evaluate = `{
    ${kernel.statements.join('\n    ')}
    f = ${kernel.valueExpression};
    ${list((i) => `g${i} = ${kernel.gradientExpressions[i]};`, '\n    ')}
  }`;
  const body = `
${loadParameters(kernel.parameters.length)}
let ${list((i) => `v${i} = x[${i}], g${i} = 0, m${i} = 0, q${i} = 0`, ', ')};
let f = 0;
${evaluate}
let it = 0, code = ${PHASE_LIMIT};
const [w, wc, near] = weights(beta);
const beta2 = ${ADAM_BETA2}, eps = ${ADAM_EPS};
if (Math.sqrt(0 + ${list((i) => `g${i} * g${i}`, ' + ')}) < gradTol) code = ${PHASE_CONVERGED};
else while (it < maxIt) {
  ${adam ? 'const stepSize = lr / (1 - p1[it]); const bc2 = b2[it];' : ''}
  ${list((i) => updateSource(optimizer, i), '\n  ')}
  ${evaluate}
  it++;
  if (f * 0 + ${list((i) => `v${i} * 0 + g${i} * 0`, ' + ')} !== 0 || Math.abs(f) > limit) { code = ${PHASE_DIVERGED}; break; }
  if (Math.sqrt(0 + ${list((i) => `g${i} * g${i}`, ' + ')}) < gradTol) { code = ${PHASE_CONVERGED}; break; }
}
out[0] = it; out[1] = f;
return code;`;
  const factory = new Function(
    'H',
    'P',
    'weights',
    'sign',
    'maxIt',
    'gradTol',
    'limit',
    `"use strict";\nreturn function phaseRun(x, lr, beta, out, p1, b2) {${body}\n};`,
  ) as (
    helpers: typeof COMPILER_HELPERS,
    parameters: Float64Array,
    weights: typeof lerpWeights,
    sign: number,
    maxIt: number,
    gradTol: number,
    limit: number,
  ) => TabledRun;
  return tabled(
    limits.maxIterations,
    factory(
      COMPILER_HELPERS,
      kernel.parameters,
      lerpWeights,
      limits.sign,
      limits.maxIterations,
      limits.gradientTolerance,
      limits.divergenceLimit,
    ),
  );
}

/** A run reading βᵗ and √(1 − β₂ᵗ) from tables (Adam's bias corrections), t = index + 1. */
type TabledRun = (
  start: Float64Array,
  lr: number,
  beta: number,
  out: Float64Array,
  p1: Float64Array,
  b2: Float64Array,
) => number;

/**
 * Adam's Math.pow(β₁, t) and √(1 − Math.pow(β₂, t)) per step, the very values torch's arithmetic
 * uses, worked out once per β (a map's row) instead of twice per iteration.
 */
function tabled(maxIterations: number, run: TabledRun): PhaseRun {
  const size = Math.max(0, Math.min(maxIterations, 1e7));
  const p1 = new Float64Array(size);
  const b2 = Float64Array.from({ length: size }, (_, k) => Math.sqrt(1 - Math.pow(ADAM_BETA2, k + 1)));
  let tableBeta = NaN;
  return (start, lr, beta, out) => {
    if (beta !== tableBeta) {
      for (let k = 0; k < size; k++) p1[k] = Math.pow(beta, k + 1);
      tableBeta = beta;
    }
    return run(start, lr, beta, out, p1, b2);
  };
}

function normOf(g: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  return Math.sqrt(sum);
}

function finite(f: number, x: Float64Array, g: Float64Array): boolean {
  if (!Number.isFinite(f)) return false;
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]) || !Number.isFinite(g[i])) return false;
  return true;
}

/** The same run on problem.valueAndGradient, for problems without a kernel (numeric partials). */
function generic(problem: Problem, optimizer: PhaseOptimizer, limits: PhaseLimits): PhaseRun {
  const n = problem.dimension;
  const { sign, maxIterations, gradientTolerance, divergenceLimit } = limits;
  const x = new Float64Array(n);
  const g = new Float64Array(n);
  const m = new Float64Array(n);
  const q = new Float64Array(n);
  return (start, lr, beta, out) => {
    x.set(start);
    m.fill(0);
    q.fill(0);
    let f = problem.valueAndGradient(x, g);
    let it = 0;
    let code = normOf(g) < gradientTolerance ? PHASE_CONVERGED : PHASE_LIMIT;
    const [w, wc, near] = lerpWeights(beta);
    while (code === PHASE_LIMIT && it < maxIterations) {
      const t = it + 1;
      const stepSize = lr / (1 - Math.pow(beta, t));
      const bc2 = Math.sqrt(1 - Math.pow(ADAM_BETA2, t));
      for (let i = 0; i < n; i++) {
        const d = sign * g[i];
        if (optimizer === 'adam') {
          m[i] = near ? m[i] + w * (d - m[i]) : d - (d - m[i]) * wc;
          q[i] = ADAM_BETA2 * q[i] + (1 - ADAM_BETA2) * d * d;
          x[i] -= (stepSize * m[i]) / (Math.sqrt(q[i]) / bc2 + ADAM_EPS);
        } else {
          m[i] = beta * m[i] + d;
          x[i] -= lr * (optimizer === 'nesterov' ? d + beta * m[i] : m[i]);
        }
      }
      f = problem.valueAndGradient(x, g);
      it++;
      if (!finite(f, x, g) || Math.abs(f) > divergenceLimit) code = PHASE_DIVERGED;
      else if (normOf(g) < gradientTolerance) code = PHASE_CONVERGED;
    }
    out[0] = it;
    out[1] = f;
    return code;
  };
}

/** Generated loops are this much code per variable; beyond it the generic run is used. */
export const PHASE_FUSED_MAX_DIMENSION = 32;

/** The run of one map: generated when the problem has a kernel and few variables, generic otherwise. */
export function phaseRunner(problem: Problem, optimizer: PhaseOptimizer, limits: PhaseLimits): PhaseRun {
  const kernel = kernelOf(problem);
  if (kernel !== undefined && kernel.dimension <= PHASE_FUSED_MAX_DIMENSION) {
    return generate(kernel, optimizer, limits);
  }
  return generic(problem, optimizer, limits);
}

/** The generic run, exported so the tests can hold the generated one to it. */
export const genericPhaseRunner = generic;
