// The fixed table of functions, constants and operators a formula may use. The parser's allow-list
// walk and the compiler both read it, so nothing outside this table can reach generated code.

/** One allowed function: how many arguments it takes and the JS implementation generated code calls. */
export interface AllowedFunction {
  /** Accepted argument counts. */
  readonly arity: number | readonly number[];
  /** A `Math.<name>` member, or `H.<name>` for a helper from FUNCTION_HELPERS. */
  readonly js: string;
}

/** Helpers for functions Math lacks (or gets wrong, such as 2-argument log); generated code calls them as `H.<name>`. */
export const FUNCTION_HELPERS: Readonly<Record<string, (...a: number[]) => number>> = Object.freeze({
  sec: (x: number): number => 1 / Math.cos(x),
  csc: (x: number): number => 1 / Math.sin(x),
  cot: (x: number): number => 1 / Math.tan(x),
  // mathjs reads log(x, b) as the base-b logarithm; Math.log would silently ignore b.
  log: (x: number, base?: number): number =>
    base === undefined ? Math.log(x) : Math.log(x) / Math.log(base),
});

const table: readonly (readonly [string, AllowedFunction])[] = [
  ['sin', { arity: 1, js: 'Math.sin' }],
  ['cos', { arity: 1, js: 'Math.cos' }],
  ['tan', { arity: 1, js: 'Math.tan' }],
  ['sec', { arity: 1, js: 'H.sec' }],
  ['csc', { arity: 1, js: 'H.csc' }],
  ['cot', { arity: 1, js: 'H.cot' }],
  ['asin', { arity: 1, js: 'Math.asin' }],
  ['acos', { arity: 1, js: 'Math.acos' }],
  ['atan', { arity: 1, js: 'Math.atan' }],
  ['atan2', { arity: 2, js: 'Math.atan2' }],
  ['sinh', { arity: 1, js: 'Math.sinh' }],
  ['cosh', { arity: 1, js: 'Math.cosh' }],
  ['tanh', { arity: 1, js: 'Math.tanh' }],
  ['asinh', { arity: 1, js: 'Math.asinh' }],
  ['acosh', { arity: 1, js: 'Math.acosh' }],
  ['atanh', { arity: 1, js: 'Math.atanh' }],
  ['exp', { arity: 1, js: 'Math.exp' }],
  ['expm1', { arity: 1, js: 'Math.expm1' }],
  ['log', { arity: [1, 2], js: 'H.log' }],
  ['log1p', { arity: 1, js: 'Math.log1p' }],
  ['log10', { arity: 1, js: 'Math.log10' }],
  ['log2', { arity: 1, js: 'Math.log2' }],
  ['sqrt', { arity: 1, js: 'Math.sqrt' }],
  ['cbrt', { arity: 1, js: 'Math.cbrt' }],
  ['abs', { arity: 1, js: 'Math.abs' }],
  ['sign', { arity: 1, js: 'Math.sign' }],
  ['pow', { arity: 2, js: 'Math.pow' }],
  ['max', { arity: 2, js: 'Math.max' }],
  ['min', { arity: 2, js: 'Math.min' }],
];

/** Functions a formula may call, by mathjs name. */
export const ALLOWED_FUNCTIONS: ReadonlyMap<string, AllowedFunction> = new Map(table);

/** Named constants: they stay symbols in the tree and the compiler inlines the number. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['e', Math.E],
  ['pi', Math.PI],
  ['tau', 2 * Math.PI],
]);

/** mathjs OperatorNode `fn` names a formula may use. */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
]);

/** True when `name` is an allowed function and `count` one of its accepted argument counts. */
export function acceptsArity(name: string, count: number): boolean {
  const entry = ALLOWED_FUNCTIONS.get(name);
  if (entry === undefined) return false;
  return typeof entry.arity === 'number' ? entry.arity === count : entry.arity.includes(count);
}
