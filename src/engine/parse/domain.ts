// A formula in a note often ends with the domain of its variables or the sentence's punctuation:
// `f(x) = x^2, x \in \mathbb{R}`, `x^2 + y^2 \quad (x, y \in \mathbb{R}^2)`, `(x, y ∈ ℝ)`, `x^2,`.
// Over all of ℝ or ℝⁿ the domain constrains nothing (descent here is unconstrained), so it is left
// out; any other set stays, and is refused as a constraint. The clause is read backwards from the
// last ∈ piece by piece, each test on a short tail: no pattern can backtrack over a long selection.

interface Dialect {
  /** The membership sign, last one in the text. */
  readonly member: RegExp;
  /** What follows it to the end: the reals, maybe to a power, and closing marks. */
  readonly reals: RegExp;
  /** One name at the end of a tail. */
  readonly name: RegExp;
  /** One piece of the gap between the formula and the clause, at the end of a tail. */
  readonly gap: RegExp;
  /** An opening bracket at the end of a tail. */
  readonly open: RegExp;
}

const LATEX: Dialect = {
  member: /\\in(?![A-Za-z])|∈/g,
  reals:
    /^\s*(?:\\mathbb\s*\{\s*R\s*\}|\\mathbb\s+R|\\R(?![A-Za-z])|ℝ)(?:\s*\^\s*(?:\{[^{}]*\}|\w+))?\s*(?:\\right\s*)?\)?\s*[.,;]?\s*$/,
  name: /(?:\\(?:mathbf|boldsymbol|vec|bm)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)(?:_(?:\{[^{}]*\}|\w))?$/,
  gap: /(?:\s|,|;|\\[,;:! ]|\\q?quad|\\text\s*\{[^{}]*\}|\\forall)$/,
  open: /(?:\\left\s*)?\($/,
};

const PLAIN: Dialect = {
  member: /∈/g,
  reals: /^\s*ℝ(?:\^?\d+|[²³ⁿ]|\^n)?\s*\)?\s*[.,;]?\s*$/u,
  name: /[A-Za-z\u0370-\u03ff][\w\u0370-\u03ff]*$/u,
  gap: /(?:\s|,|;|∀|(?<!\w)(?:for|where|with))$/u,
  open: /\($/,
};

const TAIL = 80;
const PUNCTUATION = /\s*[,;]\s*$/;
// A formula that ends like this is missing its last operand.
const ENDS_OPEN = /(?:[-+*/=^_{(]|\\cdot|\\times|\\left)\s*$/;

/** Where the formula of a LaTeX selection ends: before a trailing domain over ℝ or ℝⁿ, else at its end. */
export function latexFormulaEnd(source: string): number {
  return domainStart(source, LATEX);
}

/** Where the formula of a plain selection ends: before a domain over ℝ or ℝⁿ or a trailing comma or semicolon. */
export function plainFormulaEnd(source: string): number {
  const end = domainStart(source, PLAIN);
  const tail = Math.max(0, end - TAIL);
  const match = PUNCTUATION.exec(source.slice(tail, end));
  return match === null || tail + match.index === 0 ? end : tail + match.index;
}

function domainStart(source: string, dialect: Dialect): number {
  const member = lastMatch(source, dialect.member);
  const rest = member === undefined ? '' : source.slice(member.end);
  if (member === undefined || rest.length > TAIL || !dialect.reals.test(rest)) return source.length;
  const starts = nameStarts(source, strip(source, skipSpaces(source, member.start), /\)$/), dialect);
  // The longest list after which the formula ends whole: in `x^2 + y, x, y \in ℝ` the first y is the formula's.
  for (const start of starts.reverse()) {
    // An opening bracket, maybe with spaces inside it: `\left( x \in`; else the names' own start.
    const opened = strip(source, skipSpaces(source, start), dialect.open);
    let begin = opened < skipSpaces(source, start) ? opened : start;
    for (
      let next = strip(source, begin, dialect.gap);
      next < begin;
      next = strip(source, begin, dialect.gap)
    ) {
      begin = next;
    }
    const formula = source.slice(0, begin);
    // A domain alone is no formula: it stays, to be refused as what it is.
    if (formula.trim() !== '' && !ENDS_OPEN.test(formula.slice(-TAIL))) return begin;
  }
  return source.length;
}

/** Where the list of names before `end` could start, nearest first: `y \in`, then `x, y \in`. */
function nameStarts(source: string, end: number, dialect: Dialect): number[] {
  const starts: number[] = [];
  let at = end;
  for (;;) {
    const comma = starts.length === 0 ? at : strip(source, skipSpaces(source, at), /,$/);
    if (starts.length > 0 && comma === skipSpaces(source, at)) break;
    const name = strip(source, skipSpaces(source, comma), dialect.name);
    if (name === skipSpaces(source, comma)) break;
    starts.push(name);
    at = name;
  }
  return starts;
}

function lastMatch(source: string, pattern: RegExp): { start: number; end: number } | undefined {
  let last: { start: number; end: number } | undefined;
  for (const match of source.matchAll(pattern)) {
    last = { start: match.index, end: match.index + match[0].length };
  }
  return last;
}

/** Where the text before `end` stops once `pattern` is removed from its end (`end` when it does not match there). */
function strip(source: string, end: number, pattern: RegExp): number {
  const from = Math.max(0, end - TAIL);
  const match = pattern.exec(source.slice(from, end));
  return match === null ? end : from + match.index;
}

function skipSpaces(source: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(source[at - 1])) at -= 1;
  return at;
}
