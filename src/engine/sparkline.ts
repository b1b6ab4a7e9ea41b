// A tiny loss-curve sparkline as an SVG string (and data URI) for hover previews, where a plotting
// library is out of reach: one polyline, one end dot, mid-tone colours that read on dark and light.
import { minMax, spansDecades } from './extent';

/** Options for {@link sparklineSvg}. */
export interface SparklineOptions {
  readonly width?: number;
  readonly height?: number;
  /** Line colour; a mid-tone blue by default (readable on light and dark backgrounds). */
  readonly stroke?: string;
  /** End-dot colour; orange by default (red-ish when the run diverged). */
  readonly dot?: string;
}

const DEFAULT_STROKE = '#3794ff';
const DEFAULT_DOT = '#e8912d';
const PAD = 2;

/** A hex colour, or the fallback: nothing but a colour ever reaches the markup. */
function colour(value: string | undefined, fallback: string): string {
  return value !== undefined && /^#[0-9a-fA-F]{3,8}$/.test(value) ? value : fallback;
}

/** At most two samples per pixel column, first and last kept: more cannot show and would only bloat the hover. */
function sampled(values: readonly number[], width: number): { i: number; v: number }[] {
  const n = values.length;
  const keep = Math.min(n, Math.max(2, 2 * Math.round(width)));
  if (keep === n) return values.map((v, i) => ({ i, v }));
  return Array.from({ length: keep }, (_, k) => {
    const i = Math.round((k * (n - 1)) / (keep - 1));
    return { i, v: values[i] };
  });
}

/** Rounds a coordinate to 0.1 px so the string stays short. */
function r(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/**
 * An SVG sparkline of `values` (e.g. f(x_k) per iteration). Non-finite values are left out; a log
 * scale is used when all values are positive and span more than two decades. Returns an empty
 * string when no finite value remains.
 */
export function sparklineSvg(values: readonly number[], options: SparklineOptions = {}): string {
  const width = options.width ?? 120;
  const height = options.height ?? 28;
  const indexed = sampled(values, width).filter((p) => Number.isFinite(p.v));
  if (indexed.length === 0) return '';
  const log = spansDecades(indexed.map((p) => p.v));
  const ys = indexed.map((p) => (log ? Math.log10(p.v) : p.v));
  const [yMin, yMax] = minMax(ys) ?? [0, 0];
  const ySpan = yMax - yMin || 1;
  const xMax = Math.max(1, values.length - 1);
  const points = indexed.map((p, k) => {
    const x = PAD + (p.i / xMax) * (width - 2 * PAD);
    const y = yMax === yMin ? height / 2 : PAD + ((yMax - ys[k]) / ySpan) * (height - 2 * PAD);
    return `${r(x)},${r(y)}`;
  });
  const [lastX, lastY] = points[points.length - 1].split(',');
  const stroke = colour(options.stroke, DEFAULT_STROKE);
  const dot = colour(options.dot, DEFAULT_DOT);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<polyline fill="none" stroke="${stroke}" stroke-width="1.5" stroke-linejoin="round" points="${points.join(' ')}"/>` +
    `<circle cx="${lastX}" cy="${lastY}" r="2.5" fill="${dot}"/>` +
    `</svg>`
  );
}

/** The sparkline as a `data:image/svg+xml;base64,...` URI, or '' when there is nothing to draw. */
export function sparklineDataUri(values: readonly number[], options: SparklineOptions = {}): string {
  const svg = sparklineSvg(values, options);
  return svg ? `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` : '';
}
