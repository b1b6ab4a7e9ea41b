// The fixed table of functions, constants and operators a formula may use. The parser's allow-list
// walk and the compiler both read it, so nothing outside this table can reach generated code.

/** Accepted argument counts: one count, a list of counts, or any count from a minimum on. */
export type Arity = number | readonly number[] | { readonly atLeast: number };

/** One allowed function: how many arguments it takes and the JS implementation generated code calls. */
export interface AllowedFunction {
  readonly arity: Arity;
  /** A `Math.<name>` member, or `H.<name>` for a helper from FUNCTION_HELPERS. */
  readonly js: string;
}

/** Huber's δ when a formula gives none (torch.nn.functional.huber_loss's default). */
export const HUBER_DEFAULT_DELTA = 1;

/** log(Σ eᵃ) without overflow: the largest term is factored out (an infinite one is the answer). */
function logSumExp(...terms: number[]): number {
  const top = Math.max(...terms);
  if (!Number.isFinite(top)) return top;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - top);
  return top + Math.log(sum);
}

/** Huber's loss of a residual u: quadratic within δ of 0, linear beyond (torch's huber_loss of one element). */
function huber(u: number, delta = HUBER_DEFAULT_DELTA): number {
  if (!(delta > 0)) return NaN;
  const size = Math.abs(u);
  return size < delta ? 0.5 * u * u : delta * (size - 0.5 * delta);
}

/** Helpers for functions Math lacks (or gets wrong, such as 2-argument log); generated code calls them as `H.<name>`. */
export const FUNCTION_HELPERS: Readonly<Record<string, (...a: number[]) => number>> = Object.freeze({
  sec: (x: number): number => 1 / Math.cos(x),
  csc: (x: number): number => 1 / Math.sin(x),
  cot: (x: number): number => 1 / Math.tan(x),
  // mathjs reads log(x, b) as the base-b logarithm; Math.log would silently ignore b.
  log: (x: number, base?: number): number =>
    base === undefined ? Math.log(x) : Math.log(x) / Math.log(base),
  // torch.sigmoid's formula; for very negative x it rounds to 0, never to NaN.
  sigmoid: (x: number): number => 1 / (1 + Math.exp(-x)),
  // log(1 + eˣ) written so that eˣ never overflows: max(x, 0) + log(1 + e^−|x|).
  softplus: (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  relu: (x: number): number => Math.max(0, x),
  logsumexp: logSumExp,
  huber,
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
  ['sigmoid', { arity: 1, js: 'H.sigmoid' }],
  ['softplus', { arity: 1, js: 'H.softplus' }],
  ['relu', { arity: 1, js: 'H.relu' }],
  ['logsumexp', { arity: { atLeast: 1 }, js: 'H.logsumexp' }],
  ['huber', { arity: [1, 2], js: 'H.huber' }],
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

/** True when `count` is one of the counts `arity` accepts. */
export function arityAccepts(arity: Arity, count: number): boolean {
  if (typeof arity === 'number') return arity === count;
  if ('atLeast' in arity) return count >= arity.atLeast;
  return arity.includes(count);
}

/** True when `name` is an allowed function and `count` one of its accepted argument counts. */
export function acceptsArity(name: string, count: number): boolean {
  const entry = ALLOWED_FUNCTIONS.get(name);
  return entry !== undefined && arityAccepts(entry.arity, count);
}
