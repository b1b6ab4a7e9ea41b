// An optimisation problem written as such: `\min_{w,b} J`, `\arg\min_x (x-1)^2`,
// `\operatorname*{arg\,min}_{\theta} L`, `\underset{x}{\min} f`. The subscript names the variables,
// as a definition's left side does; a maximisation is refused with what to do instead.
import { notAllowed, quote } from './errors';
import { matchAt } from './text';

/** The objective after an optimisation prefix, with where it starts and the subscript's text. */
export interface Objective {
  /** The LaTeX under the operator, e.g. `w, b` or `\theta`. */
  readonly subscript: string;
  /** Index in the text where the objective itself starts. */
  readonly bodyStart: number;
}

// \min, \arg\min, \argmin (a common macro), \operatorname*{arg\,min}, \mathrm{argmin}, \mathop{\mathrm{arg\,min}}.
const OPERATOR =
  /\\arg\s*\\(min|max)(?![A-Za-z])|\\arg(min|max)(?![A-Za-z])|\\(min|max)(?![A-Za-z])|\\(?:operatorname\*?|mathrm|mathop|text)\s*\{\s*(?:\\(?:mathrm|operatorname)\s*\{)?\s*(?:arg\s*(?:\\[,;:!]\s*)?)?(min|max)\s*\}(?:\s*\})?/y;
const LIMITS = /\s*\\(?:no)?limits(?![A-Za-z])/y;
const UNDERSET = /\s*\\underset\s*\{/y;
// A subscript: `{…}` with one level of nested braces, a command such as \theta, or one letter.
const SUBSCRIPT = /\s*_\s*(?:\{((?:[^{}]|\{[^{}]*\})*)\}|(\\[A-Za-z]+(?:\s*\{[^{}]*\})?|[A-Za-z]))/y;

/** The objective of `text` (at `offset` in the selection) when it starts with a minimisation over named variables. */
export function objectiveOf(text: string, offset: number): Objective | undefined {
  const start = text.length - text.trimStart().length;
  const under = matchAt(UNDERSET, text, 0);
  if (under !== null) {
    const sub = matchAt(/((?:[^{}]|\{[^{}]*\})*)\}\s*\{/y, text, under[0].length);
    if (sub === null) return undefined;
    const op = matchAt(OPERATOR, text, under[0].length + sub[0].length);
    const close = op === null ? null : matchAt(/\s*\}/y, text, op.index + op[0].length);
    if (op === null || close === null) return undefined;
    return checked(text, start + offset, sub[1], op, close.index + close[0].length);
  }
  const op = matchAt(OPERATOR, text, start);
  if (op === null) return undefined;
  let at = op.index + op[0].length;
  const limits = matchAt(LIMITS, text, at);
  if (limits !== null) at += limits[0].length;
  const sub = matchAt(SUBSCRIPT, text, at);
  if (sub === null) return undefined;
  return checked(text, start + offset, sub[1] ?? sub[2], op, at + sub[0].length);
}

/** A maximisation is refused; a minimisation with nothing after it too. */
function checked(
  text: string,
  selectionIndex: number,
  subscript: string,
  op: RegExpExecArray,
  bodyStart: number,
): Objective | undefined {
  // `\min_i a_i` is a minimum over an index, which the mapper refuses in its own words.
  if (/^\s*[ijklmn]\s*$/.test(subscript)) return undefined;
  const kind = op.slice(1).find((group) => group !== undefined);
  const prefix = text.slice(0, bodyStart);
  if (kind === 'max') {
    throw notAllowed(
      `${quote(prefix)} asks for a maximum: select the function after it and choose Maximize (--maximize in the CLI).`,
      selectionIndex + 1,
    );
  }
  if (text.slice(bodyStart).trim() === '') {
    throw notAllowed(`${quote(prefix)} needs the function to minimize after it.`, selectionIndex + 1);
  }
  return { subscript, bodyStart };
}
