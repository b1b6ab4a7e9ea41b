// Where jobs get compiled formulas from. The host keeps them in a cache (src/host/problemCache.ts)
// so that a re-run with another η, a hover over the same formula or a sweep does not parse and
// differentiate again; the interface keeps the use cases free of how that is done.
import type { Formula, Problem } from '../engine/types';

/** A parsed and compiled formula, with the measured cost of one evaluation of f and ∇f. */
export interface CompiledFormula {
  readonly formula: Formula;
  readonly problem: Problem;
  /** Nanoseconds of one valueAndGradient call, measured once after compiling (for cost estimates). */
  readonly evaluationNs: number;
}

/** Compiled formulas by their text. */
export interface ProblemSource {
  /** The compiled formula; throws the FormulaError of bad text (cached too). */
  compiled(text: string): CompiledFormula;
  /** As compiled, or undefined (parsed only) when its symbolic partials would walk more than `maxWork` nodes. */
  compiledWithin(text: string, maxWork: number): CompiledFormula | undefined;
  /** The cached entry, computing nothing: a compiled formula, 'failed', or undefined when unknown. */
  peek(text: string): CompiledFormula | 'failed' | undefined;
}

/**
 * Times `problem.valueAndGradient` at x = (1, …, 1): the fastest of three rounds of at least 0.1 ms
 * or 2,048 calls each, so that a pause of the thread (a busy machine, a garbage collection) does not
 * make a cheap formula look expensive.
 */
export function measureEvaluation(problem: Problem): number {
  const x = new Float64Array(problem.dimension).fill(1);
  const g = new Float64Array(problem.dimension);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let calls = 0;
    let elapsed = 0;
    while (calls < 2_048 && elapsed < 0.1) {
      for (let k = 0; k < 16; k++) problem.valueAndGradient(x, g);
      calls += 16;
      elapsed = performance.now() - started;
    }
    best = Math.min(best, (elapsed * 1e6) / calls);
  }
  return best;
}
