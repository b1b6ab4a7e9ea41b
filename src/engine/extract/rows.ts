// Turns a delimited math region into the one formula a person means: the row under the cursor of a
// multi-row display (rows split at `\\` or `\newline`), cleaned of alignment marks and labels.
import type { MathRegion } from './delimited';
import type { MathSpan } from './span';

const ROW_BREAK = /\\\\(\[[^\]]*\])?|\\newline(?![a-zA-Z])/g;

/** Removes what only typesets: `&`, labels, tags, \nonumber, inner aligned/split wrappers, trailing punctuation. */
export function cleanLatexRow(row: string): string {
  return row
    .replace(/\\(label|tag\*?)\{[^}]*\}/g, ' ')
    .replace(/\\(nonumber|notag)(?![a-zA-Z])/g, ' ')
    .replace(/\\(begin|end)\{(aligned|split|gathered|alignedat)\}(\{\d+\})?/g, ' ')
    .replace(/(^|[^\\])&/g, '$1 ')
    .replace(/\s+/g, ' ')
    .replace(/(\\[,;:!]|\\quad|\\qquad|[\s,.;])+$/g, '')
    .trim();
}

/** The formula of `region` at `offset`: the whole content, or the row containing the cursor. */
export function spanOfRegion(text: string, region: MathRegion, offset: number): MathSpan | null {
  const { innerStart, innerEnd } = region;
  const inner = text.slice(innerStart, innerEnd);
  const rows: { start: number; end: number }[] = [];
  let last = 0;
  for (const m of inner.matchAll(ROW_BREAK)) {
    rows.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  rows.push({ start: last, end: inner.length });
  const local = offset - innerStart;
  const candidates = rows.filter((r) => cleanLatexRow(inner.slice(r.start, r.end)) !== '');
  if (candidates.length === 0) return null;
  const row = candidates.find((r) => local >= r.start && local <= r.end) ?? candidates[0];
  let s = row.start;
  let e = row.end;
  while (s < e && /\s/.test(inner[s])) s++;
  while (e > s && /\s/.test(inner[e - 1])) e--;
  const { kind, outerStart, outerEnd } = region;
  return {
    text: cleanLatexRow(inner.slice(s, e)),
    start: innerStart + s,
    end: innerStart + e,
    kind,
    outerStart,
    outerEnd,
  };
}
