// Which names may be variables: never one that means something to mathjs or to JavaScript
// objects, nor (outside LaTeX) a keyword of the code people select.
import { columnOf, notAllowed, quote } from './errors';

// Names that mean something else to mathjs or to JavaScript objects: never variables.
const RESERVED: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
  'constructor',
  'Infinity',
  'NaN',
  'true',
  'false',
  'null',
  'undefined',
  'i',
  'this',
  'eval',
  'Function',
]);

// Keywords of the code people select: `return x**2` is a statement, not a product. LaTeX has no
// such words. `lambda` is not among them: a `lambda x:` header is read before this (parse/code.ts),
// and anywhere else, in every notation, lambda is the Greek letter of a regularisation weight or an
// eigenvalue (`(w - 3)^2 + lambda w^2`, as `--param lambda=0.1` names it).
const CODE_KEYWORDS: ReadonlySet<string> = new Set([
  'return',
  'def',
  'import',
  'from',
  'for',
  'while',
  'if',
  'else',
  'let',
  'const',
  'var',
  'function',
  'new',
  'class',
  'await',
  'yield',
  'print',
  'async',
]);

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Throws 'not-allowed' for names that cannot be variables: object-property names, reserved words, odd characters. */
export function assertVariableName(name: string, source: string, codeKeywords = true): void {
  if (RESERVED.has(name) || (codeKeywords && CODE_KEYWORDS.has(name))) {
    throw notAllowed(`${quote(name)} is a reserved name and cannot be a variable.`, columnOf(source, name));
  }
  if (!NAME.test(name)) {
    throw notAllowed(`${quote(name)} cannot be used as a variable name.`, columnOf(source, name));
  }
}

/** Whether assertVariableName accepts `name`. */
export function isVariableName(name: string, codeKeywords = true): boolean {
  return !RESERVED.has(name) && !(codeKeywords && CODE_KEYWORDS.has(name)) && NAME.test(name);
}
