// A formula as LaTeX, for the panel to typeset: mathjs's own printer, with the person's names written
// as they would write them (theta_0 as θ₀ in \theta_{0}, x1 as x_{1}, lr as \mathit{lr}) instead of
// mathjs's escaped text (theta\_0) or unit faces (\mathrm{b} for the bit).
import { parseExpression, type MathNode } from './math';
import { readColumn, readDataSum } from './parse/dataSum';

const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
]);

/** One name part: a Greek letter's command, a letter, or a longer word in italics. */
function namePart(part: string): string {
  if (GREEK.has(part)) return `\\${part}`;
  if (
    /^[A-Za-z]$/.test(part) ||
    (part.length <= 2 && [...part].length === 1 && part.codePointAt(0)! > 0x7f)
  ) {
    return part;
  }
  if (/^[0-9]+$/.test(part)) return part;
  return `\\mathit{${part.replace(/[^A-Za-z0-9]/g, '')}}`;
}

/** A variable or parameter name as LaTeX: `theta_0` → `\theta_{0}`, `x12` → `x_{12}`, `w_ij` → `w_{ij}`. */
export function nameTex(name: string): string {
  const underscore = name.indexOf('_');
  if (underscore > 0) {
    const sub = name.slice(underscore + 1);
    return `${namePart(name.slice(0, underscore))}_{${nameTex(sub) || sub}}`;
  }
  const digits = /^([A-Za-z]+)([0-9]+)$/.exec(name);
  if (digits && digits[1]!.length === 1) return `${namePart(digits[1]!)}_{${digits[2]}}`;
  return namePart(name);
}

// In GREEK's order: epsilon is the lunate ϵ and phi the straight ϕ, as LaTeX draws them.
const GREEK_LETTERS = 'αβγδϵεζηθϑικλμνξπρστυϕφχψωΓΔΘΛΞΠΣΦΨΩ';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** A name as plain text a person would write: `theta_0` → θ₀, `x12` → x₁₂, `lambda` → λ, `w_ij` stays. */
export function nameText(name: string): string {
  const greek = (part: string): string => {
    const i = [...GREEK].indexOf(part);
    return i < 0 ? part : [...GREEK_LETTERS][i]!;
  };
  const subscript = (digits: string): string => digits.replace(/[0-9]/g, (d) => SUBSCRIPT_DIGITS[Number(d)]!);
  const split = /^([A-Za-z]+)_?([0-9]+)$/.exec(name);
  if (split && (split[1]!.length === 1 || GREEK.has(split[1]!))) {
    return greek(split[1]!) + subscript(split[2]!);
  }
  const underscore = name.indexOf('_');
  if (underscore > 0) return `${greek(name.slice(0, underscore))}_${name.slice(underscore + 1)}`;
  return greek(name);
}

/** The expression as LaTeX, with names written by nameTex and implicit products without a dot. */
export function expressionTex(node: MathNode): string {
  let index = 'i';
  const options = {
    implicit: 'hide' as const,
    // A leading space, as mathjs writes symbols: `\cdot` followed by a name must not run into it.
    handler: (n: MathNode): string | undefined => {
      if (n.type === 'SymbolNode' && 'name' in n) return ` ${nameTex(String(n.name))}`;
      const sum = readDataSum(n);
      if (sum !== undefined) {
        index = sum.index;
        return `\\sum_{${sum.index}=1}^{${nameTex(sum.count)}}\\left(${sum.body.toTex(options)}\\right)`;
      }
      const column = readColumn(n);
      if (column === undefined) return undefined;
      const sub = column.feature === undefined ? index : `${index},${column.feature}`;
      return ` ${namePart(column.base)}_{${sub}}`;
    },
  };
  return node.toTex(options);
}

/** The expression as plain math text, a sum over data written sum_i(…) and its columns x_i. */
export function expressionText(node: MathNode): string {
  const options = {
    handler: (n: MathNode): string | undefined => {
      const sum = readDataSum(n);
      if (sum !== undefined) return `sum_${sum.index}(${sum.body.toString(options)})`;
      const column = readColumn(n);
      if (column === undefined) return undefined;
      return column.feature === undefined ? `${column.base}_i` : `${column.base}_i_${column.feature}`;
    },
  };
  return node.toString(options);
}

/** Plain math text (mathjs syntax, as the engine writes a derivative) as LaTeX; the text itself if it does not parse. */
export function textTex(text: string): string {
  try {
    return expressionTex(parseExpression(text));
  } catch {
    return `\\text{${text.replace(/[\\{}$&#^_%~]/g, ' ')}}`;
  }
}
