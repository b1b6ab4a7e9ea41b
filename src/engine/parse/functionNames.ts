// The names a formula may call table functions by, in every notation: the table's own, the usual
// other spellings (ln, arctan, sgn) and the names machine-learning notes use (ReLU, expit, LSE).
import { ALLOWED_FUNCTIONS } from '../functions';

// Other spellings people use for table functions, as written.
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['ln', 'log'],
  ['arcsin', 'asin'],
  ['arccos', 'acos'],
  ['arctan', 'atan'],
  ['sgn', 'sign'],
  ['arcsinh', 'asinh'],
  ['arccosh', 'acosh'],
  ['arctanh', 'atanh'],
  ['arsinh', 'asinh'],
  ['arcosh', 'acosh'],
  ['artanh', 'atanh'],
  ['power', 'pow'],
]);

// Machine-learning names, matched in any letter case (ReLU, Softplus, LogSumExp, LSE).
const ML_NAMES: ReadonlyMap<string, string> = new Map([
  ['sigmoid', 'sigmoid'],
  ['expit', 'sigmoid'],
  ['logistic', 'sigmoid'],
  ['softplus', 'softplus'],
  ['relu', 'relu'],
  ['logsumexp', 'logsumexp'],
  ['lse', 'logsumexp'],
  ['logaddexp', 'logsumexp'],
  ['huber', 'huber'],
]);

/** The table name a written function name stands for, or undefined when it names no table function. */
export function canonicalFunction(name: string): string | undefined {
  if (ALLOWED_FUNCTIONS.has(name)) return name;
  return ALIASES.get(name) ?? ML_NAMES.get(name.toLowerCase());
}

/** The table's names, for messages that list what is known. */
export function knownFunctionNames(): string {
  return [...ALLOWED_FUNCTIONS.keys()].join(', ');
}
