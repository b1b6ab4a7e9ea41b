// Variable names from MathJSON symbols: font commands are dropped (`\mathbf{w}` is w), Greek letters
// keep their LaTeX names (`\lambda` is lambda, `\theta_0` is theta_0) and named constants map onto
// the table's (π is pi, ℯ is e).
import { notAllowed, quote } from './errors';
import type { SymView } from './mathjson';

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['Pi', 'pi'],
  ['ExponentialE', 'e'],
  ['\u212f', 'e'],
  ['GoldenRatio', 'varphi'],
]);

// Font commands the compute engine records as name suffixes (`\mathbf{w}` is `w_bold`): a bold w is still w.
const STYLES: ReadonlySet<string> = new Set([
  'bold',
  'italic',
  'upright',
  'blackboard',
  'calligraphic',
  'fraktur',
  'script',
  'sansserif',
  'monospace',
  'doublestruck',
  'boldItalic',
  'bolditalic',
]);

/** The variable name of a MathJSON symbol: `theta_0` stays, `w_bold` is `w`, `epsilonSymbol` is `varepsilon`. */
export function symbolName(sym: SymView): string {
  const mapped = SYMBOLS.get(sym.name);
  if (mapped !== undefined) return mapped;
  const parts = sym.name.split('_').filter((part) => !STYLES.has(part));
  const base = parts.join('_').replace(/^([A-Za-z]+)Symbol$/, 'var$1');
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(base) || base.endsWith('_')) {
    throw notAllowed(`${quote(sym.latex ?? sym.name)} cannot be used as a variable name.`);
  }
  return base;
}

/** True for a symbol written as a word in upright type, `\operatorname{relu}` or `\mathrm{ReLU}`: the name of a function. */
export function isOperatorName(sym: SymView): boolean {
  return (
    /^\\(?:operatorname\*?|mathrm|text|textrm|mathop)\s*\{/.test(sym.latex ?? '') &&
    /^[A-Za-z]{2,}$/.test(sym.name)
  );
}
