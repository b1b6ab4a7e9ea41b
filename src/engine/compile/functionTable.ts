// The functions generated code may call: the formula table (functions.ts) plus the few that only
// derivatives use (tanh' = sech², relu' = step ...). Generated code refers to them as `Math.<name>` or
// `H.<name>` with H = COMPILER_HELPERS; names are looked up here, never copied from user text.
import { ALLOWED_FUNCTIONS, FUNCTION_HELPERS, acceptsArity, arityAccepts, type Arity } from '../functions';

/** A resolved function: the JS reference generated code uses and the same implementation for folding. */
export interface CompiledFunction {
  readonly js: string;
  readonly impl: (...args: number[]) => number;
}

/** Helpers for functions that appear only in derivatives, with their argument counts. */
const DERIVATIVE_HELPERS: Readonly<
  Record<string, { readonly arity: Arity; readonly fn: (...a: number[]) => number }>
> = {
  // mathjs's derivatives of tanh, csch and coth.
  sech: { arity: 1, fn: (x) => 1 / Math.cosh(x) },
  csch: { arity: 1, fn: (x) => 1 / Math.sinh(x) },
  coth: { arity: 1, fn: (x) => 1 / Math.tanh(x) },
  // relu′ as torch defines it: 0 at 0 (and for NaN).
  step: { arity: 1, fn: (x) => (x > 0 ? 1 : 0) },
  // ∂max(a, b)/∂a as torch.maximum's backward: the gradient is split evenly on a tie.
  maxSlope: { arity: 2, fn: (a, b) => (a > b ? 1 : a === b ? 0.5 : 0) },
  // ∂huber(u, δ)/∂u: u clamped to [−δ, δ].
  huberSlope: { arity: 2, fn: (u, d) => (d > 0 ? Math.min(d, Math.max(-d, u)) : NaN) },
  // ∂huber(u, δ)/∂δ: 0 on the quadratic part, |u| − δ on the linear one.
  huberDeltaSlope: { arity: 2, fn: (u, d) => (d > 0 ? Math.max(0, Math.abs(u) - d) : NaN) },
};

/** The helper object passed to generated code as `H`. */
export const COMPILER_HELPERS: Readonly<Record<string, (...a: number[]) => number>> = Object.freeze({
  ...FUNCTION_HELPERS,
  ...Object.fromEntries(Object.entries(DERIVATIVE_HELPERS).map(([name, h]) => [name, h.fn])),
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
  const helper = Object.prototype.hasOwnProperty.call(DERIVATIVE_HELPERS, name)
    ? DERIVATIVE_HELPERS[name]
    : undefined;
  if (helper !== undefined && arityAccepts(helper.arity, arity)) return resolveReference(`H.${name}`);
  const entry = ALLOWED_FUNCTIONS.get(name);
  if (entry === undefined || !acceptsArity(name, arity)) {
    throw new Error(`Function ${name} with ${arity} argument(s) cannot be compiled`);
  }
  return resolveReference(entry.js);
}
