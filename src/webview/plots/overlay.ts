// The moving marks over a landscape: descent paths, their start and end, the ball at the player's
// frame, basin starts and the minima they reach. Redrawn on every change of η or frame: a few SVG
// elements whose path data comes from the landscape chart's scales, so it costs a millisecond.
import type { TraceWire } from '../../shared/wire';
import { coordinate } from './common';
import type { LandscapeChart } from './landscape';

const SVG = 'http://www.w3.org/2000/svg';
/** A path with fewer kept iterates than this shows each of them as a small circle. */
const MARKED_BELOW = 60;

/** One path drawn over the landscape. */
export interface OverlayPath {
  readonly trace: TraceWire;
  readonly color: string;
  readonly dash?: string;
  /** The last kept iterate drawn (the player's frame); all of them when undefined. */
  readonly upTo?: number;
  readonly width?: number;
  readonly opacity?: number;
  /** Marks: a dot at the start, a diamond at the end, the ball at `upTo`. */
  readonly start?: boolean;
  readonly end?: boolean;
  readonly ball?: boolean;
  /** Each kept iterate as a small circle (short paths). */
  readonly markers?: boolean;
}

/** A point marked with a star (a minimum basins reach), in the colour of the paths that reach it. */
export interface OverlayStar {
  readonly x: number;
  readonly y: number;
  readonly color: string;
}

function element<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** Pixel position of kept iterate i: (x, f) on a curve, (x, y) on contours. */
function position(chart: LandscapeChart, trace: TraceWire, i: number): [number, number] {
  const x = coordinate(trace, i, 0);
  const y = chart.kind === 'curve' ? trace.values[i]! : coordinate(trace, i, 1);
  return [chart.x(x), chart.y(y)];
}

function finitePair(p: [number, number]): boolean {
  return Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** SVG path data through kept iterates 0..last (a non-finite point breaks the line). */
export function pathData(chart: LandscapeChart, trace: TraceWire, last: number): string {
  let d = '';
  let pen = 'M';
  for (let i = 0; i <= last; i++) {
    const p = position(chart, trace, i);
    if (!finitePair(p)) {
      pen = 'M';
      continue;
    }
    d += `${pen}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    pen = 'L';
  }
  return d;
}

function diamond(x: number, y: number, r: number): string {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}

/** The colours of the marks: outline and start dot. */
export interface MarkColours {
  readonly foreground: string;
  readonly start: string;
}

function pathElements(chart: LandscapeChart, path: OverlayPath, colours: MarkColours): SVGElement[] {
  const foreground = colours.foreground;
  const count = path.trace.iterations.length;
  if (count === 0) return [];
  const last = Math.min(count - 1, path.upTo ?? count - 1);
  const out: SVGElement[] = [
    element('path', {
      d: pathData(chart, path.trace, last),
      fill: 'none',
      stroke: path.color,
      'stroke-width': path.width ?? 2,
      'stroke-opacity': path.opacity ?? 1,
      'stroke-dasharray': path.dash ?? '',
      'stroke-linejoin': 'round',
      'data-testid': 'path',
    }),
  ];
  if (path.markers ?? count < MARKED_BELOW) {
    for (let i = 0; i <= last; i++) {
      const [cx, cy] = position(chart, path.trace, i);
      if (Number.isFinite(cx) && Number.isFinite(cy)) {
        out.push(
          element('circle', { cx, cy, r: 2.5, fill: 'none', stroke: path.color, 'data-testid': 'iterate' }),
        );
      }
    }
  }
  const mark = (i: number, testId: string, build: (x: number, y: number) => SVGElement): void => {
    const p = position(chart, path.trace, i);
    if (!finitePair(p)) return;
    const el = build(p[0], p[1]);
    el.setAttribute('data-testid', testId);
    out.push(el);
  };
  if (path.start) {
    mark(0, 'start', (x, y) =>
      element('circle', { cx: x, cy: y, r: 5, fill: colours.start, stroke: foreground }),
    );
  }
  if (path.end) {
    mark(count - 1, 'end', (x, y) =>
      element('path', { d: diamond(x, y, 6), fill: path.color, stroke: foreground }),
    );
  }
  if (path.ball) {
    mark(last, 'ball', (x, y) =>
      element('circle', { cx: x, cy: y, r: 7, fill: path.color, stroke: foreground }),
    );
  }
  return out;
}

/** Draws the paths (and stars) over the chart, replacing what was drawn before. */
export function drawOverlay(
  chart: LandscapeChart,
  paths: readonly OverlayPath[],
  colours: MarkColours,
  stars: readonly OverlayStar[] = [],
): void {
  const children: SVGElement[] = paths.flatMap((p) => pathElements(chart, p, colours));
  for (const star of stars) {
    const px = chart.x(star.x);
    const py = chart.y(star.y);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    children.push(
      element('path', {
        d: starPath(px, py, 8),
        fill: star.color,
        stroke: colours.foreground,
        'data-testid': 'minimum',
      }),
    );
  }
  chart.overlay.replaceChildren(...children);
}

function starPath(x: number, y: number, r: number): string {
  const points = Array.from({ length: 10 }, (_, k) => {
    const angle = (Math.PI * k) / 5 - Math.PI / 2;
    const radius = k % 2 === 0 ? r : r * 0.45;
    return `${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`;
  });
  return `M${points.join('L')}Z`;
}
