// The one rule for writing numbers for people, shared by the webview, the hover, the iteration
// tables and the CLI; each passes its own preset (digits, minus sign). No vscode, no DOM.

/** The minus sign: typographic U+2212 for prose, ASCII '-' for text that programs read back. */
export type MinusSign = '−' | '-';

/** How many significant digits and which minus sign to write. */
export interface NumberTextOptions {
  /** Significant digits, 1..17 (clamped); also sets the fixed range's top, 10^digits. Default 6. */
  readonly digits?: number;
  /** Default '−' (U+2212). */
  readonly minus?: MinusSign;
  /** How the exponent form reads: 'e' ("1.5e7", default, what programs read back) or 'times' ("1.5×10⁷", prose). */
  readonly exponent?: 'e' | 'times';
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** Digits and minus signs as superscripts, other characters as they are: "-12" → "⁻¹²". */
export function superscript(text: string): string {
  return text.replace(/[0-9]/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!).replace(/[-−]/g, '⁻');
}

/** Digits as subscripts, other characters as they are: "12" → "₁₂". */
export function subscript(text: string): string {
  return text.replace(/[0-9]/g, (d) => SUBSCRIPT_DIGITS[Number(d)]!);
}

/** Superscript digits and ⁻ back to plain ones, other characters as they are: "⁻¹²" → "-12". */
export function fromSuperscript(text: string): string {
  return [...text]
    .map((c) =>
      c === '⁻' ? '-' : SUPERSCRIPT_DIGITS.includes(c) ? String(SUPERSCRIPT_DIGITS.indexOf(c)) : c,
    )
    .join('');
}

/** "1.5e-7" as "1.5×10⁻⁷", and "1e7" as "10⁷". */
function timesTen(text: string): string {
  const [mantissa, exponent] = text.split('e') as [string, string];
  const power = `10${superscript(exponent)}`;
  if (mantissa === '1' || mantissa === '-1') return `${mantissa === '-1' ? '-' : ''}${power}`;
  return `${mantissa}×${power}`;
}

const DEFAULT_DIGITS = 6;
// Seventeen digits round-trip any double; the cap also keeps 10^digits below 1e21, where String()
// itself would switch to exponent form.
const MAX_DIGITS = 17;

function digitsOf(options: NumberTextOptions | undefined): number {
  const digits = Math.round(options?.digits ?? DEFAULT_DIGITS);
  return Number.isFinite(digits) ? Math.min(MAX_DIGITS, Math.max(1, digits)) : DEFAULT_DIGITS;
}

/**
 * A number with `digits` significant digits and no fake trailing zeros: fixed notation for
 * 1e-4 <= |v| < 10^digits ("0.36", "1234.57"), otherwise exponent notation without "+" ("1.5e7",
 * "−2.5e−5", or with `exponent: 'times'` "1.5×10⁷"); "∞", "−∞", "NaN"; 0 and -0 as "0". A negative
 * value uses `minus`, and so does a negative exponent written with e.
 */
export function formatNumber(value: number, options?: NumberTextOptions): string {
  const minus = options?.minus ?? '−';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${minus}∞`;
  if (value === 0) return '0';
  const digits = digitsOf(options);
  // The range is judged on the rounded value so that 999999.7 (6 digits) is "1e6", not "1000000".
  const rounded = Number(value.toPrecision(digits));
  const abs = Math.abs(rounded);
  const fixed = abs >= 1e-4 && abs < 10 ** digits;
  const exponent = fixed ? '' : exponentText(value, digits, Number.isFinite(rounded));
  const text = fixed ? String(rounded) : options?.exponent === 'times' ? timesTen(exponent) : exponent;
  return minus === '-' ? text : text.replace(/-/g, minus);
}

/** Exponent form with `digits` significant digits, trailing mantissa zeros and "+" dropped. */
function exponentText(value: number, digits: number, roundNearest: boolean): string {
  // Next to Number.MAX_VALUE rounding up would write a number that reads back as Infinity
  // ("2e308"), so there the mantissa is cut instead.
  const [mantissa, exponent] = (
    roundNearest ? value.toExponential(digits - 1) : truncated(value, digits)
  ).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${trimmed}e${exponent.replace('+', '')}`;
}

function truncated(value: number, digits: number): string {
  const [mantissa, exponent] = value.toExponential(16).split('e');
  const sign = value < 0 ? 1 : 0;
  return `${mantissa.slice(0, sign + (digits === 1 ? 1 : digits + 1))}e${exponent}`;
}

/** A point as "(1, −2.5)", or the single number for one coordinate. */
export function formatPoint(point: readonly number[], options?: NumberTextOptions): string {
  const parts = point.map((v) => formatNumber(v, options));
  return parts.length === 1 ? parts[0] : `(${parts.join(', ')})`;
}
