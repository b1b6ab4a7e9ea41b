// Plain math and code as mathjs reads it: math copied from rendered pages (x², x₁, √x, ½, −, ×, ·,
// no-break and thin spaces), Python's digit grouping (1_000), CRLF line ends and formulas wrapped
// over lines become ASCII mathjs syntax; every character keeps the index it came from.
import { plainFormulaEnd } from './domain';
import { definitionSignAt, mapsToAt, mathLetterAt, RewriteBuilder, SPACES, type Rewritten } from './text';

// Each maps to one ASCII character.
const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '\u2212': '-',
  '\u2013': '-',
  '\u00d7': '*',
  '\u00b7': '*',
  '\u22c5': '*',
  '\u2217': '*',
  '\u2219': '*',
  '\u00f7': '/',
  '\u2044': '/',
};

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '\u2070': '0',
  '\u00b9': '1',
  '\u00b2': '2',
  '\u00b3': '3',
  '\u2074': '4',
  '\u2075': '5',
  '\u2076': '6',
  '\u2077': '7',
  '\u2078': '8',
  '\u2079': '9',
  '\u207a': '+',
  '\u207b': '-',
  '\u207d': '(',
  '\u207e': ')',
  '\u207f': 'n',
  '\u1d40': 'T',
};

const SUBSCRIPT_ZERO = 0x2080;

const FRACTIONS: Readonly<Record<string, string>> = {
  '\u00bd': '1/2',
  '\u2153': '1/3',
  '\u2154': '2/3',
  '\u00bc': '1/4',
  '\u00be': '3/4',
  '\u2155': '1/5',
  '\u2159': '1/6',
  '\u215b': '1/8',
};

const ROOTS: Readonly<Record<string, string>> = { '\u221a': 'sqrt', '\u221b': 'cbrt' };
// Written as symbols, these constants would otherwise run into the names around them (2πr).
const CONSTANT_SIGNS: Readonly<Record<string, string>> = { '\u03c0': 'pi', '\u212f': 'e' };

const NAME_CHAR = /[\p{L}\p{N}_]/u;
// A line ending in one of these, or the next one starting with one, continues the formula.
const ENDS_UNFINISHED = /[-+*/^=(,[{\\]$/;
const STARTS_CONTINUED = /^[-+*/^)\]},=\u2212\u00d7\u00b7\u22c5]/;

/** Rewrites plain math or code into mathjs syntax, keeping the origin of every character. */
export function normalizePlain(source: string): Rewritten {
  const out = new RewriteBuilder();
  let depth = 0;
  let i = 0;
  const end = plainFormulaEnd(source);
  while (i < source.length) {
    const c = source[i];
    if (i >= end) {
      out.push(' ', i);
      i += 1;
      continue;
    }
    const run = superscriptRun(source, i);
    if (run.length > 0) {
      out.push(/^\d+$/.test(run) ? `^${run}` : `^(${run})`, i);
      i += run.length;
      continue;
    }
    const code = c.charCodeAt(0);
    if (code >= SUBSCRIPT_ZERO && code <= SUBSCRIPT_ZERO + 9) {
      let digits = '';
      while (i + digits.length < source.length && isSubscriptDigit(source.charCodeAt(i + digits.length))) {
        digits += String(source.charCodeAt(i + digits.length) - SUBSCRIPT_ZERO);
      }
      out.push(`_${digits}`, i);
      i += digits.length;
      continue;
    }
    if (c === '\n') {
      out.push(joinsLines(source, i, depth) ? ' ' : '\n', i);
      i += 1;
      continue;
    }
    const rewritten = mathLetterAt(source, i) ?? definitionSignAt(source, i) ?? mapsToAt(source, i);
    if (rewritten !== undefined) {
      out.push(rewritten.text, i);
      i += rewritten.length;
      continue;
    }
    if (c === '_' && isDigitGroup(source, i)) {
      i += 1;
      continue;
    }
    depth += c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0;
    out.push(replacement(source, i), i);
    i += 1;
  }
  return out.finish(source.length);
}

/** What the character at `i` becomes (itself unless it is one of the typographic forms). */
function replacement(source: string, i: number): string {
  const c = source[i];
  if (c === '\r' || SPACES.test(c)) return ' ';
  // A backslash that ends a line is Python's line continuation.
  if (c === '\\' && /^\r?\n/.test(source.slice(i + 1))) return ' ';
  const simple = TYPOGRAPHIC[c];
  if (simple !== undefined) return simple;
  const fraction = FRACTIONS[c];
  if (fraction !== undefined) return `(${fraction})`;
  const root = ROOTS[c];
  if (root !== undefined) return NAME_CHAR.test(source[i + 1] ?? '') ? `${root} ` : root;
  const constant = CONSTANT_SIGNS[c];
  if (constant !== undefined) {
    const before = i > 0 && NAME_CHAR.test(source[i - 1]) && !/\d/.test(source[i - 1]) ? ' ' : '';
    const after = NAME_CHAR.test(source[i + 1] ?? '') ? ' ' : '';
    return `${before}${constant}${after}`;
  }
  return c;
}

function superscriptRun(source: string, from: number): string {
  let run = '';
  for (let i = from; i < source.length && SUPERSCRIPTS[source[i]] !== undefined; i += 1) {
    run += SUPERSCRIPTS[source[i]];
  }
  return run;
}

function isSubscriptDigit(code: number): boolean {
  return code >= SUBSCRIPT_ZERO && code <= SUBSCRIPT_ZERO + 9;
}

/** `_` between digits of a number (1_000_000), not in a name such as x_1_2. */
function isDigitGroup(source: string, i: number): boolean {
  if (!/\d/.test(source[i - 1] ?? '') || !/\d/.test(source[i + 1] ?? '')) return false;
  let start = i - 1;
  while (start > 0 && /[\d_]/.test(source[start - 1])) start -= 1;
  return start === 0 || !/[\p{L}_.]/u.test(source[start - 1]);
}

/** A line break inside brackets, after an operator or before one, is a formula wrapped over lines. */
function joinsLines(source: string, i: number, depth: number): boolean {
  if (depth > 0) return true;
  const before = source.slice(0, i).replace(/\r$/, '').trimEnd();
  const after = source.slice(i + 1).trimStart();
  if (before === '' || after === '') return true;
  return ENDS_UNFINISHED.test(before) || STARTS_CONTINUED.test(after);
}
