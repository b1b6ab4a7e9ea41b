// Axes people read: ticks at round values, log ticks as powers of ten (10⁻³) or plain decimals and
// never SI prefixes ("100m" reads as 100·m), and a margin wide enough for the longest tick label.
// Pure functions (no DOM, no Plot), so they are tested in Node.
import { superscript } from '../../shared/numberText';

/** A scale's type as the plots use it. */
export type AxisType = 'linear' | 'log';

/** What a Plot axis needs to draw readable ticks. */
export interface AxisTicks {
  readonly ticks: number[];
  readonly tickFormat: (value: number) => string;
  /** The widest label, in characters (for the margin). */
  readonly widest: number;
}

/** 10 to the power `exponent`, written 10⁻³. */
export function powerOfTen(exponent: number): string {
  return `10${superscript(String(exponent))}`;
}

/** 10^e exactly as a number ("1e-5" parsed, not 10 ** -5 = 0.000009999999999999999). */
function decade(exponent: number): number {
  return Number(`1e${exponent}`);
}

/** Values written as plain decimals on a log axis when every tick lies in this range. */
const PLAIN_LOW = 1e-2;
const PLAIN_HIGH = 1e4;

/**
 * Ticks of a log axis over `domain` (positive): the powers of ten inside it, those whose exponent is a
 * multiple of k when there are more than `most`; 1, 2 and 5 times the powers when fewer than two are inside.
 */
export function logTicks(domain: readonly [number, number], most = 6): number[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  if (!(lo > 0) || !Number.isFinite(hi)) return [];
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  if (last - first >= 1) {
    const every = Math.max(1, Math.ceil((last - first + 1) / Math.max(2, most)));
    const ticks: number[] = [];
    // Multiples of `every` as exponents (10⁻⁶, 10⁻³, 10⁰), so 1 stays a tick when it is inside.
    for (let e = first; e <= last; e++) if (e % every === 0) ticks.push(decade(e));
    return ticks;
  }
  const ticks: number[] = [];
  for (let e = first - 1; e <= last; e++) {
    for (const m of [1, 2, 5]) {
      const v = m * decade(e);
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(Number(v.toPrecision(12)));
    }
  }
  // Within a fraction of a decade (16,546 to 20,000 iterations) 1, 2 and 5 leave one tick or none:
  // round ticks as on a linear axis instead, placed on the log scale.
  return ticks.length >= 2 ? ticks : linearTicks([lo, hi], Math.max(2, most - 1));
}

/** Round ticks (1, 2 or 5 times a power of ten apart) over `domain`, about `count` of them. */
export function linearTicks(domain: readonly [number, number], count = 5): number[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo];
  const step = niceStep((hi - lo) / Math.max(1, count));
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    // Rounded to the step's decimals, so 0.1 + 0.2 prints as 0.3.
    ticks.push(Number((k * step).toFixed(decimalsOf(step))));
  }
  return ticks;
}

function niceStep(raw: number): number {
  const power = decade(Math.floor(Math.log10(raw)));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Decimals needed to write multiples of `step` exactly. */
function decimalsOf(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** A plain decimal or, for very large or small magnitudes, m×10ⁿ. */
function plain(value: number, decimals: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-4) {
    const exponent = Math.floor(Math.log10(magnitude));
    const mantissa = Number((value / decade(exponent)).toPrecision(3));
    const sign = value < 0 ? '−' : '';
    return Math.abs(mantissa) === 1
      ? `${sign}${powerOfTen(exponent)}`
      : `${mantissa.toString().replace('-', '−')}×${powerOfTen(exponent)}`;
  }
  return value.toFixed(Math.min(decimals, 12)).replace('-', '−');
}

/** Ticks and their labels for an axis of `type` over `domain`. */
export function axisTicks(type: AxisType, domain: readonly [number, number], count = 5): AxisTicks {
  if (type === 'log') {
    const ticks = logTicks(domain, Math.max(3, count + 1));
    const plainly = ticks.every((t) => t >= PLAIN_LOW && t <= PLAIN_HIGH);
    const tickFormat = (v: number): string => {
      const exponent = Math.log10(v);
      if (plainly) return String(Number(v.toPrecision(6)));
      return Math.abs(exponent - Math.round(exponent)) < 1e-9
        ? powerOfTen(Math.round(exponent))
        : plain(v, Math.max(0, 2 - Math.floor(exponent)))
            .replace(/(\.\d*?)0+$/, '$1')
            .replace(/\.$/, '');
    };
    return withWidest(ticks, tickFormat);
  }
  const ticks = linearTicks(domain, count);
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const decimals = decimalsOf(step);
  return withWidest(ticks, (v) => plain(v, decimals));
}

function withWidest(ticks: number[], tickFormat: (v: number) => string): AxisTicks {
  const widest = Math.max(1, ...ticks.map((t) => tickFormat(t).length));
  return { ticks, tickFormat, widest };
}

/** Pixels per character of an 11 px tick label, and the tick and padding beside it. */
const CHAR_PX = 6.6;
const TICK_PX = 14;

/** A left margin that fits labels `widest` characters long (at least `least` px). */
export function marginFor(widest: number, least = 36): number {
  return Math.max(least, Math.ceil(widest * CHAR_PX + TICK_PX));
}

/**
 * [min, max] of a series made readable: a flat (or nearly flat, to rounding) series gets a range
 * around its value instead of ticks that differ in the seventh digit.
 */
export function readableRange(lo: number, hi: number, type: AxisType): [number, number] {
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo > 1e-9 * Math.max(1e-300, scale)) return [lo, hi];
  const v = (lo + hi) / 2;
  if (type === 'log' && v > 0) return [v / 10, v * 10];
  if (v === 0) return [-1, 1];
  const pad = Math.abs(v) * 0.1;
  return [v - pad, v + pad];
}
