// Text as a parser gets it: rewritten (math copied from rendered pages, wrapped lines) with the
// index each character came from, so that columns of later errors still point into what the
// person selected. Invisible characters are refused by name before any of this.
import { FormulaError } from '../types';

/** Rewritten text and, per character (and one past the end), its index in the original. */
export interface Rewritten {
  readonly text: string;
  readonly origin: readonly number[];
}

/** Builds a Rewritten piece by piece. */
export class RewriteBuilder {
  private text = '';
  private readonly origin: number[] = [];

  /** Appends `piece`, every character of which comes from `from` in the original. */
  push(piece: string, from: number): void {
    this.text += piece;
    for (let i = 0; i < piece.length; i += 1) this.origin.push(from);
  }

  /** Appends original characters [from, from + piece.length) unchanged. */
  copy(piece: string, from: number): void {
    this.text += piece;
    for (let i = 0; i < piece.length; i += 1) this.origin.push(from + i);
  }

  finish(end: number): Rewritten {
    return { text: this.text, origin: [...this.origin, end] };
  }
}

/** Text that was not rewritten. */
export function unchanged(text: string): Rewritten {
  return { text, origin: Array.from({ length: text.length + 1 }, (_, i) => i) };
}

/** The original index of index `i` of the rewritten text (clamped to its ends). */
export function originOf(rewritten: Rewritten, i: number): number {
  const { origin } = rewritten;
  return origin[Math.max(0, Math.min(i, origin.length - 1))];
}

// Characters that do not show on screen: copied with text, they make a formula read differently from how it looks.
const INVISIBLE: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SOFT HYPHEN'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

/** Control characters other than tab and line ends are as invisible as the ones named above. */
function invisibleName(code: number): string | undefined {
  const named = INVISIBLE.get(code);
  if (named !== undefined) return named;
  if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code < 0xa0)) {
    return 'CONTROL CHARACTER';
  }
  return undefined;
}

/** U+200B for 0x200b. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Refuses text holding a character that does not show, naming it (it is never echoed raw). */
export function refuseInvisible(text: string): void {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const name = invisibleName(code);
    if (name !== undefined) {
      throw new FormulaError(
        `The selection holds an invisible character (${codePointName(code)} ${name}) at column ${i + 1}; delete it and retype what is around it.`,
        'syntax',
        i + 1,
      );
    }
  }
}

/** Spaces that copied text carries (no-break, thin, figure ...): each is a plain space. */
export const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

/** A piece of text at `i` a rule rewrites, and how many characters of the original it replaces. */
export interface Replacement {
  readonly text: string;
  readonly length: number;
}

/** The match of a sticky (`y`) `pattern` starting exactly at `i`, or null. */
export function matchAt(pattern: RegExp, source: string, i: number): RegExpExecArray | null {
  pattern.lastIndex = i;
  return pattern.exec(source);
}

// `𝑥` (mathematical italic, as Word and MathML copy it) and `ｘ` (full-width) are the letter x.
const MATH_LETTER = /[\u{1D400}-\u{1D7FF}\uFF01-\uFF5E]/uy;

/** The plain form of a mathematical or full-width character at `i`. */
export function mathLetterAt(source: string, i: number): Replacement | undefined {
  const match = matchAt(MATH_LETTER, source, i);
  return match === null ? undefined : { text: match[0].normalize('NFKC'), length: match[0].length };
}

// A definition written with a definition sign: `f(x) := x^2`, `\coloneqq`, `\triangleq`, `≔`, `≜`.
const DEFINES =
  /:=|≔|≜|\\(?:coloneqq|coloneq|triangleq|eqqcolon)(?![A-Za-z])|\\stackrel\s*\{\s*(?:\\text\s*\{\s*def\s*\}|\\mathrm\s*\{\s*def\s*\}|def)\s*\}\s*\{\s*=\s*\}/y;

/** `=` for a definition sign at `i`. */
export function definitionSignAt(source: string, i: number): Replacement | undefined {
  const match = matchAt(DEFINES, source, i);
  return match === null ? undefined : { text: '=', length: match[0].length };
}

// `x \mapsto x^2`, `f: (x, y) ↦ x^2 + y^2`, `x -> x^2`: a function written as a map is a definition.
const MAPS_TO =
  /(?:(\\?[A-Za-z]+)\s*:\s*)?(\(\s*[^()]*\)|\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*(?:\\mapsto(?![A-Za-z])|↦|->)/y;

/** `f(x) =` for a map's head at the start of the text. */
export function mapsToAt(source: string, i: number): Replacement | undefined {
  if (source.slice(0, i).trim() !== '') return undefined;
  const match = matchAt(MAPS_TO, source, i);
  if (match === null) return undefined;
  const args = match[2].startsWith('(') ? match[2] : `(${match[2]})`;
  return { text: `${match[1] ?? 'f'}${args} =`, length: match[0].length };
}
