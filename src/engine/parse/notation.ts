// Decides which notation a selection is written in and cuts away math delimiters (`$..$`,
// `$$..$$`, `\(..\)`, `\[..\]`), keeping the offset of what remains so columns stay true.
import type { Notation } from '../types';
import { findUnescaped, scanMathRegions } from '../extract/delimited';
import { syntaxError } from './errors';

/** The part of the selection to parse, its notation and where it starts in the original text. */
export interface Selection {
  readonly notation: Notation;
  readonly body: string;
  /** 0-based index of `body` in the original text. */
  readonly offset: number;
}

/** One `$..$` or `$$..$$` span of Markdown: its inner text and where that starts. */
interface MathSpan {
  readonly inner: string;
  readonly start: number;
}

const PAIRS: readonly (readonly [string, string])[] = [
  ['$$', '$$'],
  ['\\[', '\\]'],
  ['\\(', '\\)'],
  ['$', '$'],
];

const CODE_MODULE = /(?:^|[^\w.])(np|numpy|math|jnp|jax|torch|F|nn|scipy|special)\s*\.\s*[A-Za-z_]/;
const JS_MODULE = /(?:^|[^\w.])Math\s*\.\s*[A-Za-z_]/;
const PYTHON_SYNTAX = /\*\*|^\s*lambda\b|^\s*def\s|^\s*return\b|^\s*[A-Za-z_]\w*\s*=\s*lambda\b/;
const JS_SYNTAX = /=>/;
const LATEX_MARKUP = /\\[A-Za-z]|\\[,;:! ]|[_^]\s*\{|\\\{/;

/** Splits the selection into notation, body and offset; throws FormulaError for unusable Markdown. */
export function selectNotation(text: string): Selection {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  for (const [open, close] of PAIRS) {
    const inner = wholeSpan(trimmed, open, close);
    if (inner !== undefined) return { notation: 'latex', body: inner, offset: start + open.length };
  }
  const span = singleMarkdownSpan(text);
  if (span !== undefined) return { notation: 'latex', body: span.inner, offset: span.start };
  return { notation: guessNotation(trimmed), body: trimmed, offset: start };
}

/** Inner text when `text` is exactly one delimited span, e.g. `$x^2$` but not `$a$ and $b$`. */
function wholeSpan(text: string, open: string, close: string): string | undefined {
  if (text.length < open.length + close.length) return undefined;
  if (!text.startsWith(open) || !text.endsWith(close)) return undefined;
  const inner = text.slice(open.length, text.length - close.length);
  if (open.startsWith('$') && findUnescaped(inner, '$', 0) >= 0) return undefined;
  if (!open.startsWith('$') && inner.includes(close)) return undefined;
  return inner;
}

/**
 * The one math span in prose such as `minimize $f(x) = x^2$ here`, found by the same rules as the
 * editor's math finder (pandoc's: `$5 and $10` holds no span); none or several is an error.
 */
function singleMarkdownSpan(text: string): MathSpan | undefined {
  const dollar = findUnescaped(text, '$', 0);
  if (dollar < 0) return undefined;
  const spans = scanMathRegions(text).filter(
    (r) => r.kind === 'inline-dollar' || r.kind === 'display-dollar',
  );
  if (spans.length === 0) {
    throw syntaxError(
      `The $ at column ${dollar + 1} is never closed: no $ that can end a formula follows it.`,
      dollar + 1,
    );
  }
  if (spans.length > 1) {
    throw syntaxError(
      `The selection holds ${spans.length} formulas between $ signs; select just one of them.`,
      spans[1].outerStart + 1,
    );
  }
  return { inner: text.slice(spans[0].innerStart, spans[0].innerEnd), start: spans[0].innerStart };
}

/** Notation of text without math delimiters, from the markers each notation has and the others lack. */
function guessNotation(text: string): Notation {
  if (JS_MODULE.test(text) || JS_SYNTAX.test(text)) return 'javascript';
  if (CODE_MODULE.test(text) || PYTHON_SYNTAX.test(text)) return 'python';
  if (LATEX_MARKUP.test(text)) return 'latex';
  return 'plain';
}
