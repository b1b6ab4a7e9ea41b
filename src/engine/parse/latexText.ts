// LaTeX as the compute engine's parser gets it. Layout that carries no mathematics is blanked
// (\limits, \tag and \label, alignment environments and their & marks, a line break inside a wrapped formula), a
// decimal comma {,} becomes a point, and copied characters the parser does not know become their
// ASCII forms. Unbalanced \left and \right are refused here, where their columns are known.
import { latexFormulaEnd } from './domain';
import { quote, syntaxError } from './errors';
import { canonicalFunction } from './functionNames';
import {
  definitionSignAt,
  mapsToAt,
  mathLetterAt,
  matchAt,
  RewriteBuilder,
  SPACES,
  type Replacement,
  type Rewritten,
} from './text';

const ENVIRONMENT =
  /\\(?:begin|end)\s*\{(?:aligned|align\*?|alignat\*?|split|gathered|gather\*?|multline\*?|equation\*?|flalign\*?)\}(?:\{\d+\})?/y;
const LAYOUT = /\\(?:no)?limits(?![A-Za-z])/y;
// An equation's number and label, as papers write them: `x^2 \tag{1}`, `\label{eq:loss}`, `\nonumber`.
const DECORATION = /\\(?:tag\*?|label|eqref)\s*\{[^{}]*\}|\\no(?:number|tag)(?![A-Za-z])/y;
const ASTERISK = /\\ast(?![A-Za-z])|[\u2217\u2219]/y;
const NUMBER_WITH_COMMAS = /\d+(?:\{,\}\d+)+/y;
const LINE_BREAK = /\\\\(?:\[[^\]]*\])?/y;
// A row that starts with one of these continues the formula of the row before.
const CONTINUES = /^\s*&?\s*(?:[-+=*/]|\\(?:cdot|times|quad|qquad)(?![A-Za-z]))/;
const ENDS_WITH_OPERATOR = /(?:[-+=*/]|\\(?:cdot|times)|&)\s*$/;

// A vector written with an arrow or in bold math stands for its components, as \mathbf{x} does, when the
// formula writes them (`f(\vec{x}) = x_1^2 + x_2^2`); without components an arrow stays refused as an accent.
const VECTOR = /\\(?:vec|overrightarrow|bm)(?![A-Za-z])\s*(?:\{([^{}]*)\}|([A-Za-z]))/y;
// `\text{ReLU}(x)`: a function's name set as text, as some notes write it.
const TEXT_NAME = /\\(?:text|textrm|textit|textsf)\s*\{\s*([A-Za-z]+)\s*\}/y;

type Rule = (source: string, i: number, out: RewriteBuilder) => number;

/** Blanks a match of `pattern` at `i`; returns its length (0: no match). */
function blank(pattern: RegExp): Rule {
  return (source, i, out) => {
    const match = matchAt(pattern, source, i);
    if (match === null) return 0;
    out.copy(' '.repeat(match[0].length), i);
    return match[0].length;
  };
}

const asterisk: Rule = (source, i, out) => {
  const match = matchAt(ASTERISK, source, i);
  if (match === null) return 0;
  out.push('*', i);
  return match[0].length;
};

/** A rule from a text function of the shared ones (text.ts). */
function replacing(at: (source: string, i: number) => Replacement | undefined): Rule {
  return (source, i, out) => {
    const found = at(source, i);
    if (found === undefined) return 0;
    out.push(found.text, i);
    return found.length;
  };
}

const vector: Rule = (source, i, out) => {
  const match = matchAt(VECTOR, source, i);
  const name = match?.[1] ?? match?.[2] ?? '';
  if (match === null || !hasComponents(source, name.trim())) return 0;
  out.push(`\\mathbf{${name}}`, i);
  return match[0].length;
};

function hasComponents(source: string, name: string): boolean {
  if (!/^\\?[A-Za-z]+$/.test(name)) return false;
  return new RegExp(`(?<![A-Za-z])${name.replace('\\', '\\\\')}\\s*_`).test(source);
}

const textName: Rule = (source, i, out) => {
  const match = matchAt(TEXT_NAME, source, i);
  if (match === null || canonicalFunction(match[1]) === undefined) return 0;
  out.push(`\\operatorname{${match[1]}}`, i);
  return match[0].length;
};

/** `\\` inside a formula wrapped over rows; a break between two formulas stays (and is refused later). */
const lineBreak: Rule = (source, i, out) => {
  const match = matchAt(LINE_BREAK, source, i);
  if (match === null) return 0;
  const before = source.slice(0, i);
  const after = source.slice(i + match[0].length);
  if (!CONTINUES.test(after) && !ENDS_WITH_OPERATOR.test(before)) return 0;
  out.copy(' '.repeat(match[0].length), i);
  return match[0].length;
};

/** `1{,}5` is 1.5 (the decimal comma); `1{,}000{,}000` groups thousands; `1{,}500` could be either. */
const decimalComma =
  (offset: number): Rule =>
  (source, i, out) => {
    if (i > 0 && /[\d.]/.test(source[i - 1])) return 0;
    const match = matchAt(NUMBER_WITH_COMMAS, source, i);
    if (match === null) return 0;
    const [whole, ...groups] = match[0].split('{,}');
    const thousands = groups.every((g) => g.length === 3);
    if (groups.length === 1 && !thousands) {
      out.copy(whole, i);
      out.push('.', i + whole.length);
      out.copy(groups[0], i + whole.length + 3);
    } else if (groups.length > 1 && thousands) {
      let at = i;
      for (const part of [whole, ...groups]) {
        out.copy(part, at);
        at += part.length + 3;
      }
    } else {
      throw syntaxError(
        `${quote(match[0])} could be a decimal comma or digit grouping: write ${whole}.${groups.join('')} or ${whole}${groups.join('')}.`,
        offset + i + 1,
      );
    }
    return match[0].length;
  };

/** Rewrites LaTeX whose first character sits at `offset` for the parser; throws for unbalanced \left/\right and ambiguous commas. */
export function normalizeLatex(source: string, offset: number): Rewritten {
  checkLeftRight(source, offset);
  const rules: readonly Rule[] = [
    blank(ENVIRONMENT),
    blank(LAYOUT),
    blank(DECORATION),
    lineBreak,
    asterisk,
    vector,
    textName,
    replacing(mathLetterAt),
    replacing(definitionSignAt),
    replacing(mapsToAt),
    decimalComma(offset),
  ];
  const out = new RewriteBuilder();
  const end = latexFormulaEnd(source);
  let i = 0;
  while (i < source.length) {
    if (i >= end) {
      out.copy(' ', i);
      i += 1;
      continue;
    }
    const used = applyRules(rules, source, i, out);
    if (used > 0) {
      i += used;
      continue;
    }
    const c = source[i];
    const inEnvironment = c === '&' && /\\begin\s*\{/.test(source);
    out.copy(c === '\r' || SPACES.test(c) || inEnvironment ? ' ' : c, i);
    i += 1;
  }
  return out.finish(source.length);
}

function applyRules(rules: readonly Rule[], source: string, i: number, out: RewriteBuilder): number {
  for (const rule of rules) {
    const used = rule(source, i, out);
    if (used > 0) return used;
  }
  return 0;
}

const LEFT_RIGHT = /\\(left|right)(?![A-Za-z])\s*(\\[A-Za-z]+|\\.|.)?/g;

/** `\left(` needs a `\right…` after it and `\right)` a `\left…` before it, nested properly. */
function checkLeftRight(source: string, offset: number): void {
  const open: { at: number; text: string }[] = [];
  for (const match of source.matchAll(LEFT_RIGHT)) {
    const at = match.index ?? 0;
    const text = match[0].replace(/\s+/g, '');
    if (match[1] === 'left') {
      open.push({ at, text });
    } else if (open.pop() === undefined) {
      const column = offset + at + 1;
      throw syntaxError(
        `The LaTeX is unbalanced: ${text} at column ${column} has no \\left before it.`,
        column,
      );
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    const column = offset + unclosed.at + 1;
    throw syntaxError(
      `The LaTeX is unbalanced: ${unclosed.text} at column ${column} has no \\right after it.`,
      column,
    );
  }
}
