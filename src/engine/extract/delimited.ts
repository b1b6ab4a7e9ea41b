// One left-to-right pass over Markdown/LaTeX text that finds delimited math regions: `$...$`,
// `$$...$$`, `\(...\)`, `\[...\]`, LaTeX math environments and fenced ```math blocks. Code fences
// and inline code are skipped so a `$` inside code never opens math.
import type { MathSpanKind } from './span';

/** A delimited math region: `outer*` include the delimiters, `inner*` are the content. */
export interface MathRegion {
  readonly kind: MathSpanKind;
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly innerStart: number;
  readonly innerEnd: number;
}

/** LaTeX environments whose body is math (starred forms included). */
export const MATH_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'equation',
  'align',
  'gather',
  'multline',
  'flalign',
  'alignat',
  'eqnarray',
  'displaymath',
  'math',
  'dmath',
]);

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\n]*)$/;

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

/** Offset just past a fenced block's closing line (or the end of the text when it never closes). */
function fenceClose(text: string, bodyStart: number, marker: string): { bodyEnd: number; after: number } {
  let pos = bodyStart;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end);
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (m && m[1][0] === marker[0] && m[1].length >= marker.length) return { bodyEnd: pos, after: end };
    pos = end + 1;
  }
  return { bodyEnd: text.length, after: text.length };
}

/** Index of `needle` at or after `from`, skipping backslash escapes; -1 when absent. */
export function findUnescaped(text: string, needle: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text.startsWith(needle, j)) return j;
    if (text[j] === '\\') j++;
  }
  return -1;
}

/**
 * Closing `$` of inline math opened at `open`, by pandoc's rules, or -1; `scannedTo` is where the
 * search stopped. Whether a `$` can close does not depend on the opener, so a failed search also
 * rules out every opener before `scannedTo` (which keeps the scan linear on prose full of prices).
 */
function inlineDollarClose(text: string, open: number): { close: number; scannedTo: number } {
  const first = text[open + 1];
  if (first === undefined || /\s/.test(first)) return { close: -1, scannedTo: open + 1 };
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '\n' && /^[ \t]*(\n|$)/.test(text.slice(j + 1, j + 200))) return { close: -1, scannedTo: j };
    if (c === '$' && !/\s/.test(text[j - 1]) && !/[0-9]/.test(text[j + 1] ?? '')) {
      return { close: j, scannedTo: j };
    }
  }
  return { close: -1, scannedTo: text.length };
}

/** Finds every delimited math region in `text`, in document order. */
export function scanMathRegions(text: string): MathRegion[] {
  const regions: MathRegion[] = [];
  // Searches for a closer that failed: a later search for the same closer fails too, so skip it
  // (unclosed `\(` or `\begin{...}` repeated through a long text must not make the scan quadratic).
  const exhausted = new Map<string, number>();
  const closerAfter = (needle: string, from: number, escapes: boolean): number => {
    const failedFrom = exhausted.get(needle);
    if (failedFrom !== undefined && from >= failedFrom) return -1;
    const at = escapes ? findUnescaped(text, needle, from) : text.indexOf(needle, from);
    if (at < 0) exhausted.set(needle, from);
    return at;
  };
  let inlineDeadUntil = -1;
  let i = 0;
  while (i < text.length) {
    if (i === 0 || text[i - 1] === '\n') {
      const end = lineEnd(text, i);
      const fence = FENCE.exec(text.slice(i, end));
      if (fence) {
        const bodyStart = Math.min(end + 1, text.length);
        const close = fenceClose(text, bodyStart, fence[1]);
        if (fence[2].trim().split(/\s+/)[0].toLowerCase() === 'math') {
          regions.push({
            kind: 'fenced',
            outerStart: i,
            outerEnd: close.after,
            innerStart: bodyStart,
            innerEnd: close.bodyEnd,
          });
        }
        i = close.after + 1;
        continue;
      }
    }
    const c = text[i];
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const run = '`'.repeat(n);
      let j = text.indexOf(run, i + n);
      while (j >= 0 && text[j + n] === '`') j = text.indexOf(run, j + n + 1);
      i = j >= 0 ? j + n : i + n;
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') {
        const closer = next === '(' ? '\\)' : '\\]';
        const j = closerAfter(closer, i + 2, true);
        if (j >= 0) {
          const kind = next === '(' ? 'inline-paren' : 'display-bracket';
          regions.push({ kind, outerStart: i, outerEnd: j + 2, innerStart: i + 2, innerEnd: j });
          i = j + 2;
          continue;
        }
      }
      const env = /^\\begin\{([a-zA-Z]+)(\*?)\}/.exec(text.slice(i, i + 40));
      if (env && MATH_ENVIRONMENTS.has(env[1])) {
        let bodyStart = i + env[0].length;
        if (env[1] === 'alignat') {
          const arg = /^\{\d+\}/.exec(text.slice(bodyStart, bodyStart + 10));
          if (arg) bodyStart += arg[0].length;
        }
        const endTag = `\\end{${env[1]}${env[2]}}`;
        const j = closerAfter(endTag, bodyStart, false);
        if (j >= 0) {
          regions.push({
            kind: 'environment',
            outerStart: i,
            outerEnd: j + endTag.length,
            innerStart: bodyStart,
            innerEnd: j,
          });
          i = j + endTag.length;
          continue;
        }
      }
      i += 2;
      continue;
    }
    if (c === '$') {
      if (text[i + 1] === '$') {
        const j = closerAfter('$$', i + 2, true);
        if (j >= 0) {
          regions.push({
            kind: 'display-dollar',
            outerStart: i,
            outerEnd: j + 2,
            innerStart: i + 2,
            innerEnd: j,
          });
          i = j + 2;
          continue;
        }
        i += 2;
        continue;
      }
      if (i >= inlineDeadUntil) {
        const { close, scannedTo } = inlineDollarClose(text, i);
        if (close >= 0) {
          regions.push({
            kind: 'inline-dollar',
            outerStart: i,
            outerEnd: close + 1,
            innerStart: i + 1,
            innerEnd: close,
          });
          i = close + 1;
          continue;
        }
        inlineDeadUntil = scannedTo;
      }
    }
    i++;
  }
  return regions;
}
