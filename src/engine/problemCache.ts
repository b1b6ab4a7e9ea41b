// Parsed and compiled formulas kept per text, so that a panel re-run with another η, a hover over
// the same formula or a sweep does not parse, differentiate and simplify again (simplifying the
// gradient text alone costs tens of milliseconds). Errors are cached too: hovering over prose
// again costs a map look-up.
import { compileFormula, differentiationWorkOf } from './compile';
import { checkFormulaLength, type EngineLimits } from './limits';
import { LruCache } from './lruCache';
import { parseFormula } from './parse';
import type { Formula, Problem } from './types';

/** Formulas kept, least recently used dropped first. */
export const PROBLEM_CACHE_SIZE = 64;

/** A compiled formula; `gradientText` is filled the first time it is asked for. */
export interface CachedProblem {
  readonly formula: Formula;
  readonly problem: Problem;
  gradientText?: readonly string[];
}

type Entry = { readonly ok: CachedProblem } | { readonly error: unknown };
const cache = new LruCache<string, Entry>(PROBLEM_CACHE_SIZE);

function key(text: string, limits: EngineLimits): string {
  return `${limits.maxFormulaLength}\u0000${text}`;
}

/** The parsed and compiled formula for `text`; throws the (cached) FormulaError for bad text. */
export function compiledFormula(text: string, limits: EngineLimits): CachedProblem {
  return compiledWithin(text, limits, Infinity) as CachedProblem;
}

/**
 * As compiledFormula, but an uncached formula whose symbolic partials would walk more than
 * `maxWork` tree nodes is parsed only (once), not compiled: undefined then.
 */
export function compiledWithin(
  text: string,
  limits: EngineLimits,
  maxWork: number,
): CachedProblem | undefined {
  const k = key(text, limits);
  let entry = cache.get(k);
  if (entry === undefined) {
    try {
      checkFormulaLength(text, limits);
      const formula = parseFormula(text, { maxLength: limits.maxFormulaLength });
      if (maxWork !== Infinity && differentiationWorkOf(formula) > maxWork) return undefined;
      entry = { ok: { formula, problem: compileFormula(formula) } };
    } catch (error) {
      entry = { error };
    }
    cache.set(k, entry);
  }
  if ('error' in entry) throw entry.error;
  return entry.ok;
}

/** What the cache knows about `text` without computing anything: nothing, compiled, or compiled with its gradient text. */
export function cacheState(text: string, limits: EngineLimits): 'none' | 'failed' | 'compiled' | 'described' {
  const entry = cache.peek(key(text, limits));
  if (entry === undefined) return 'none';
  if ('error' in entry) return 'failed';
  return entry.ok.gradientText === undefined ? 'compiled' : 'described';
}

/** Empties the cache (tests). */
export function clearProblemCache(): void {
  cache.clear();
}
