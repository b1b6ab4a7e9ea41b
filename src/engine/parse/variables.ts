// Orders a formula's variables: the definition's left side first, in its order, then every other
// free symbol in natural order (`x_2` before `x_10`).
import { ALLOWED_FUNCTIONS, CONSTANTS } from '../functions';
import { FormulaError } from '../types';
import { notAllowed } from './errors';

const CHUNK = /(\d+)|(\D+)/g;

/** Natural order: runs of digits compare by value, everything else by code point. */
export function naturalCompare(a: string, b: string): number {
  const left = a.match(CHUNK) ?? [];
  const right = b.match(CHUNK) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === y) continue;
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    if (bothDigits) {
      const byValue = compareDigits(x, y);
      if (byValue !== 0) return byValue;
    }
    return x < y ? -1 : 1;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares digit runs by numeric value without converting (runs can be longer than a double holds). */
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Variables in order; throws 'no-variable' or 'too-many-variables', and refuses parameters that are constants or functions. */
export function orderVariables(
  symbols: ReadonlySet<string>,
  params: readonly string[] | undefined,
  maxVariables: number,
): readonly string[] {
  const ordered: string[] = [];
  const seen = new Set<string>();
  for (const param of params ?? []) {
    if (CONSTANTS.has(param) || ALLOWED_FUNCTIONS.has(param)) {
      throw notAllowed(
        `${param} names a ${CONSTANTS.has(param) ? 'constant' : 'function'} and cannot be a variable.`,
      );
    }
    if (seen.has(param)) throw notAllowed(`The variable ${param} is listed twice on the left side.`);
    seen.add(param);
    ordered.push(param);
  }
  const rest = [...symbols].filter((s) => !seen.has(s)).sort(naturalCompare);
  ordered.push(...rest);
  if (ordered.length === 0) {
    throw new FormulaError(
      'The formula has no variable: it is a constant, so there is nothing to descend on.',
      'no-variable',
    );
  }
  if (ordered.length > maxVariables) {
    throw new FormulaError(
      `The formula has ${ordered.length} variables; at most ${maxVariables} are supported.`,
      'too-many-variables',
    );
  }
  return ordered;
}
