// Reads the formula out of a line of code: the right side of an assignment (`y = ...`,
// `const f = (x) => ...`, `loss: float = ...`) or of a `return`, continued over following lines
// while brackets stay open or the line ends in a backslash. Comments and a trailing `;` are dropped.
import type { MathSpan } from './span';

const MAX_CONTINUATION_LINES = 20;

/** Bracket depth change of a code fragment (strings are not special: formulas hold none). */
function depthDelta(s: string): number {
  let d = 0;
  for (const c of s) {
    if (c === '(' || c === '[' || c === '{') d++;
    else if (c === ')' || c === ']' || c === '}') d--;
  }
  return d;
}

/** Offset where a line comment starts (`#` or `//`), or the line's length. */
function codeEnd(line: string): number {
  const hash = line.indexOf('#');
  const slashes = line.indexOf('//');
  const cuts = [hash, slashes].filter((k) => k >= 0);
  return cuts.length ? Math.min(...cuts) : line.length;
}

/** Offset in `line` where the right side starts, and which kind of statement it is; null when none. */
function rightSideStart(line: string): { at: number; kind: 'assignment' | 'return' } | null {
  const ret = /(?:^|[:;{]\s*)\s*(?:return|yield)\s+/.exec(line);
  if (ret) return { at: ret.index + ret[0].length, kind: 'return' };
  const lambda = /\blambda\b[^:]*:\s*/.exec(line);
  const arrow = /=>\s*/.exec(line);
  for (let k = 0; k < line.length; k++) {
    if (line[k] !== '=') continue;
    const before = line[k - 1] ?? '';
    const after = line[k + 1] ?? '';
    if (after === '=' || after === '>' || /[=!<>+\-*/%&|^:@~]/.test(before)) {
      if (after === '=' || after === '>') k++;
      continue;
    }
    let at = k + 1;
    const tail = line.slice(at);
    const arrowAfter = arrow && arrow.index > k ? arrow : null;
    const lambdaAfter = lambda && lambda.index > k ? lambda : null;
    if (arrowAfter) at = arrowAfter.index + arrowAfter[0].length;
    else if (lambdaAfter) at = lambdaAfter.index + lambdaAfter[0].length;
    else at += tail.length - tail.trimStart().length;
    return { at, kind: 'assignment' };
  }
  if (lambda) return { at: lambda.index + lambda[0].length, kind: 'assignment' };
  return null;
}

/** The right side of the assignment or `return` on the line containing `offset`; null when none. */
export function codeFormulaAt(text: string, offset: number): MathSpan | null {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const firstEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, firstEnd < 0 ? text.length : firstEnd);
  const code = line.slice(0, codeEnd(line));
  const side = rightSideStart(code);
  if (!side) return null;
  const start = lineStart + side.at;
  let end = lineStart + code.length;
  let depth = depthDelta(code.slice(side.at));
  let continued = /\\\s*$/.test(code);
  let pos = firstEnd;
  for (let n = 0; pos >= 0 && (depth > 0 || continued) && n < MAX_CONTINUATION_LINES; n++) {
    const nextStart = pos + 1;
    const nextEnd = text.indexOf('\n', nextStart);
    const next = text.slice(nextStart, nextEnd < 0 ? text.length : nextEnd);
    const nextCode = next.slice(0, codeEnd(next));
    depth += depthDelta(nextCode);
    continued = /\\\s*$/.test(nextCode);
    end = nextStart + nextCode.length;
    pos = nextEnd;
  }
  let raw = text.slice(start, end).replace(/[\s;]+$/, '');
  // A one-line body such as `{ return x*x; }` leaves closers that belong to the enclosing code.
  while (depthDelta(raw) < 0 && /[)\]}]$/.test(raw)) raw = raw.slice(0, -1).replace(/[\s;]+$/, '');
  const body = raw
    .replace(/\\\s*\n/g, ' ')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  if (body === '') return null;
  return {
    text: body,
    start,
    end: start + raw.length,
    kind: side.kind,
    outerStart: lineStart,
    outerEnd: start + raw.length,
  };
}
