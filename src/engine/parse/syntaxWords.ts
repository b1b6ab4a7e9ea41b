// mathjs's syntax errors in words a person understands, and the bracket check that finds an
// unclosed or stray bracket before mathjs does (its "Parenthesis ) expected" names no place).
import { quote, syntaxError } from './errors';

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const OPENERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** Refuses an unclosed, stray or mismatched bracket; `column(i)` maps an index of `text` to a column. */
export function checkBrackets(text: string, column: (index: number) => number): void {
  const open: number[] = [];
  let quoteChar: string | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    // Brackets inside quotes are text; the allow-list refuses the text itself.
    if (quoteChar !== undefined) {
      if (c === quoteChar) quoteChar = undefined;
      continue;
    }
    // What follows # is a comment (Python's, and mathjs's).
    if (c === '#') break;
    if (c === '"' || c === "'") quoteChar = c;
    else if (CLOSERS[c] !== undefined) open.push(i);
    else if (OPENERS[c] !== undefined) {
      const last = open.pop();
      if (last === undefined) {
        throw syntaxError(
          `The ${c} at column ${column(i)} closes a bracket that was never opened.`,
          column(i),
        );
      }
      if (text[last] !== OPENERS[c]) {
        throw syntaxError(
          `The ${c} at column ${column(i)} does not match the ${text[last]} at column ${column(last)}: close it with ${CLOSERS[text[last]]}.`,
          column(i),
        );
      }
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    const c = text[unclosed];
    throw syntaxError(
      `The ${c} at column ${column(unclosed)} is never closed: add the ${CLOSERS[c]} that ends it.`,
      column(unclosed),
    );
  }
}

/** A mathjs SyntaxError message, rephrased; `at` is the 1-based column in the person's text. */
export function describeMathjsError(
  message: string,
  text: string,
  char: number | undefined,
  at?: number,
): string {
  const where = at === undefined ? '' : ` at column ${at}`;
  const found = char === undefined ? undefined : text.slice(Math.max(0, char - 1)).trim()[0];
  if (/^Unexpected end of expression/.test(message)) {
    const last = text.trimEnd().slice(-1);
    return `The formula stops too early${last ? ` after "${last}"` : ''}: something must follow it.`;
  }
  if (/^Value expected/.test(message)) {
    return `A number or a name is missing${where}${found ? `, before "${found}"` : ''}.`;
  }
  if (/^Property name expected after dot/.test(message)) {
    return `The "."${where} is not part of a number: select only the formula, without the sentence around it.`;
  }
  if (/object key|Comma , or bracket|Colon : expected/.test(message)) {
    return 'Braces { } group only in LaTeX; in plain math use parentheses ( ).';
  }
  if (/^End of string|^Bad escape character/.test(message)) {
    return 'A quote starts text here, and text cannot be part of a formula.';
  }
  const part = /^(?:Syntax error in part|Unexpected part|Unexpected operator) "?(.*?)"?$/s.exec(message);
  if (part !== null) {
    if (part[1].startsWith('`')) {
      return 'Backticks (`) mark code in Markdown: select the formula between them.';
    }
    return `${quote(part[1], 20)}${where} is not expected here.`;
  }
  return `The formula cannot be read${where}.`;
}
