// The result type of math extraction, shared by the delimited-math scanner and the code reader.

/** How a formula was delimited in the document. */
export type MathSpanKind =
  | 'inline-dollar'
  | 'display-dollar'
  | 'inline-paren'
  | 'display-bracket'
  | 'environment'
  | 'fenced'
  | 'assignment'
  | 'return';

/** A formula found in document text; `start`/`end` are offsets of the formula inside its delimiters. */
export interface MathSpan {
  /** The formula text (trimmed; alignment marks and labels removed for LaTeX environments). */
  readonly text: string;
  /** Offset of the first character of the formula in the document text. */
  readonly start: number;
  /** Offset just past the formula's last character. */
  readonly end: number;
  readonly kind: MathSpanKind;
}

/** Builds a span from a raw slice, trimming whitespace and moving the offsets with it. */
export function trimmedSpan(source: string, start: number, end: number, kind: MathSpanKind): MathSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(source[s])) s++;
  while (e > s && /\s/.test(source[e - 1])) e--;
  if (s >= e) return null;
  return { text: source.slice(s, e), start: s, end: e, kind };
}
