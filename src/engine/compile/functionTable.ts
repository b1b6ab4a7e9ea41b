// The functions generated code may call: the formula table (functions.ts) plus the few that only
// mathjs's derivative emits (tanh' = sech^2 ...). Generated code refers to them as `Math.<name>` or
// `H.<name>` with H = COMPILER_HELPERS; names are looked up here, never copied from user text.
import { ALLOWED_FUNCTIONS, FUNCTION_HELPERS, acceptsArity } from '../functions';

/** A resolved function: the JS reference generated code uses and the same implementation for folding. */
export interface CompiledFunction {
  readonly js: string;
  readonly impl: (...args: number[]) => number;
}

/** Helpers for functions that appear only in derivatives. */
const DERIVATIVE_HELPERS: Readonly<Record<string, (x: number) => number>> = {
  sech: (x: number): number => 1 / Math.cosh(x),
  csch: (x: number): number => 1 / Math.sinh(x),
  coth: (x: number): number => 1 / Math.tanh(x),
};

/** The helper object passed to generated code as `H`. */
export const COMPILER_HELPERS: Readonly<Record<string, (...a: number[]) => number>> = Object.freeze({
  ...FUNCTION_HELPERS,
  ...DERIVATIVE_HELPERS,
});

const JS_REFERENCE = /^(Math|H)\.([A-Za-z][A-Za-z0-9]*)$/;

function resolveReference(js: string): CompiledFunction {
  const match = JS_REFERENCE.exec(js);
  if (!match) throw new Error(`Bad function reference in the table: ${js}`);
  const [, owner, member] = match;
  const holder: Record<string, unknown> =
    owner === 'Math' ? (Math as unknown as Record<string, unknown>) : COMPILER_HELPERS;
  const impl = Object.prototype.hasOwnProperty.call(holder, member) ? holder[member] : undefined;
  if (typeof impl !== 'function') throw new Error(`Function reference ${js} does not exist`);
  return { js, impl: impl as (...args: number[]) => number };
}

/** Resolves a function name and argument count to its JS reference; throws when it is not in the tables. */
export function lookupFunction(name: string, arity: number): CompiledFunction {
  // The 1-argument logarithm is Math.log itself; skipping the helper keeps the hot path direct.
  if (name === 'log' && arity === 1) return resolveReference('Math.log');
  if (Object.prototype.hasOwnProperty.call(DERIVATIVE_HELPERS, name) && arity === 1) {
    return resolveReference(`H.${name}`);
  }
  const entry = ALLOWED_FUNCTIONS.get(name);
  if (entry === undefined || !acceptsArity(name, arity)) {
    throw new Error(`Function ${name} with ${arity} argument(s) cannot be compiled`);
  }
  return resolveReference(entry.js);
}
