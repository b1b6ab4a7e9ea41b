// Generated source of a fully symbolic problem, kept beside the Problem so that runDescent can build a
// fused loop with the gradient inlined. Only compileFormula registers kernels.
import type { Problem } from '../types';

/** The generated statements and expressions of f and ∇f over locals v0..v(n-1). */
export interface Kernel {
  readonly dimension: number;
  /** `const tN = ...;` statements shared by f and every partial. */
  readonly statements: readonly string[];
  readonly valueExpression: string;
  readonly gradientExpressions: readonly string[];
  /** The problem's parameter slots, which the statements read as `p_0`, `p_1` … (loadParameters). */
  readonly parameters: Float64Array;
}

const kernels = new WeakMap<Problem, Kernel>();

/** Records the kernel a problem was compiled from. */
export function registerKernel(problem: Problem, kernel: Kernel): void {
  kernels.set(problem, kernel);
}

/** The kernel of a problem made by compileFormula with symbolic gradients, else undefined. */
export function kernelOf(problem: Problem): Kernel | undefined {
  return kernels.get(problem);
}
