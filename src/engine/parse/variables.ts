// A formula's variables and parameters. With a definition's left side, the names it lists are the
// variables, in its order (a vector name such as \mathbf{x} with x_1, x_2 in the body stands for
// those), and every other free name is a parameter with a value; without one, every free name is
// a variable, in natural order (`x_2` before `x_10`).
import { ALLOWED_FUNCTIONS, CONSTANTS } from '../functions';
import { DEFAULT_PARAMETER_VALUE } from '../settings';
import { FormulaError, type Parameter } from '../types';
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

/** A formula's names, split. */
export interface Names {
  readonly variables: readonly string[];
  readonly parameters: readonly Parameter[];
}

/**
 * Variables and parameters of a formula whose free names are `symbols` (in order of first use) and
 * whose left side lists `params` (undefined without one). Throws 'no-variable' or
 * 'too-many-variables', and refuses a left side that names a constant or a function, or a name twice.
 */
export function splitNames(
  symbols: ReadonlySet<string>,
  params: readonly string[] | undefined,
  maxVariables: number,
): Names {
  if (params === undefined) {
    return { variables: checkCount([...symbols].sort(naturalCompare), maxVariables), parameters: [] };
  }
  const variables: string[] = [];
  for (const param of params) {
    if (CONSTANTS.has(param) || ALLOWED_FUNCTIONS.has(param)) {
      throw notAllowed(
        `${param} names a ${CONSTANTS.has(param) ? 'constant' : 'function'} and cannot be a variable.`,
      );
    }
    if (params.indexOf(param) !== params.lastIndexOf(param)) {
      throw notAllowed(`The variable ${param} is listed twice on the left side.`);
    }
    for (const name of components(param, symbols)) if (!variables.includes(name)) variables.push(name);
  }
  const named = new Set(variables);
  const parameters = [...symbols]
    .filter((s) => !named.has(s))
    .map((name) => ({ name, value: DEFAULT_PARAMETER_VALUE }));
  return { variables: checkCount(variables, maxVariables), parameters };
}

/** A left-side name the body does not use, but whose subscripted forms it does (w for w_1, w_2), stands for those. */
function components(param: string, symbols: ReadonlySet<string>): string[] {
  if (symbols.has(param)) return [param];
  const parts = [...symbols].filter((s) => s.startsWith(`${param}_`)).sort(naturalCompare);
  return parts.length > 0 ? parts : [param];
}

function checkCount(variables: readonly string[], maxVariables: number): readonly string[] {
  if (variables.length === 0) {
    throw new FormulaError(
      'The formula has no variable: it is a constant, so there is nothing to descend on.',
      'no-variable',
    );
  }
  if (variables.length > maxVariables) {
    throw new FormulaError(
      `The formula has ${variables.length} variables; at most ${maxVariables} are supported.`,
      'too-many-variables',
    );
  }
  return variables;
}
