// The host's compiled formulas, kept per text: parsing, differentiating and compiling happen once per
// formula however many runs, hovers and sweeps use it. Errors are cached too, so hovering over prose
// again costs a map look-up.
import { compileFormula, differentiationWorkOf } from '../engine/compile';
import { compileDataLoss } from '../engine/compile/dataLoss';
import { dataOfText, splitData } from '../engine/data/bound';
import { checkFormulaLength, type EngineLimits } from '../engine/limits';
import { parseFormula } from '../engine/parse';
import { LruCache } from '../shared/lruCache';
import { measureEvaluation, type CompiledFormula, type ProblemSource } from '../usecases/problems';

/** Formulas kept, least recently used dropped first. */
export const PROBLEM_CACHE_SIZE = 64;

type Entry = { readonly ok: CompiledFormula } | { readonly error: unknown };

/** A cache of compiled formulas under `limits` (its formula length applies to every text). */
export function createProblemCache(limits: EngineLimits, capacity = PROBLEM_CACHE_SIZE): ProblemSource {
  const cache = new LruCache<string, Entry>(capacity);
  const compiledWithin = (text: string, maxWork: number): CompiledFormula | undefined => {
    let entry = cache.get(text);
    if (entry === undefined) {
      try {
        // A loss over data arrives with its data set (bound.ts): the limits apply to the formula.
        const formulaText = splitData(text).formula;
        checkFormulaLength(formulaText, limits);
        const formula = parseFormula(formulaText, { maxLength: limits.maxFormulaLength });
        const data = dataOfText(text);
        if (data === undefined && maxWork !== Infinity && differentiationWorkOf(formula) > maxWork) {
          return undefined;
        }
        const problem = data === undefined ? compileFormula(formula) : compileDataLoss(formula, data).problem;
        entry = { ok: { formula, problem, evaluationNs: measureEvaluation(problem) } };
      } catch (error) {
        entry = { error };
      }
      cache.set(text, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.ok;
  };
  return {
    compiled: (text) => compiledWithin(text, Infinity)!,
    compiledWithin,
    peek: (text) => {
      const entry = cache.peek(text);
      return entry === undefined ? undefined : 'error' in entry ? 'failed' : entry.ok;
    },
  };
}
