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
  /** Offset where the delimited region (or code statement) starts, delimiters included. */
  readonly outerStart: number;
  /** Offset just past the region's closing delimiter (or the statement's end). */
  readonly outerEnd: number;
}
