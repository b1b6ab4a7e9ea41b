// Keys that say what the marks of a plot are: the contours' colour ramp with the values it spans,
// and the start, end and ball markers, drawn as the plot draws them. DOM only (labels are text).
import { formatNumber } from '../format';
import { h } from '../dom';
import type { Palette } from '../theme';

const SVG = 'http://www.w3.org/2000/svg';

/** The markers a plot may draw over its paths. */
export type Marker = 'start' | 'end' | 'ball' | 'minimum';

const MARKER_LABELS: Record<Marker, string> = {
  start: 'start',
  end: 'last iterate',
  ball: 'the ball (the player’s iterate)',
  minimum: 'a minimum the basin’s starts reach',
};

function icon(marker: Marker, palette: Palette): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('viewBox', '0 0 14 14');
  svg.setAttribute('aria-hidden', 'true');
  const shape =
    marker === 'end' || marker === 'minimum'
      ? document.createElementNS(SVG, 'path')
      : document.createElementNS(SVG, 'circle');
  if (marker === 'end') {
    shape.setAttribute('d', 'M7 1L13 7L7 13L1 7Z');
    shape.setAttribute('fill', palette.path);
  } else if (marker === 'minimum') {
    shape.setAttribute('d', 'M7 0.5L8.6 5L13.5 5.2L9.6 8.1L11 12.8L7 10L3 12.8L4.4 8.1L0.5 5.2L5.4 5Z');
    shape.setAttribute('fill', palette.overlays[1] ?? palette.foreground);
  } else {
    shape.setAttribute('cx', '7');
    shape.setAttribute('cy', '7');
    shape.setAttribute('r', marker === 'ball' ? '6' : '4.5');
    shape.setAttribute('fill', marker === 'ball' ? palette.path : palette.start);
  }
  shape.setAttribute('stroke', palette.foreground);
  svg.append(shape);
  return svg;
}

/** The markers' key, in the order given. */
export function markerKey(palette: Palette, markers: readonly Marker[]): HTMLElement {
  return h(
    'div',
    { class: 'legend', role: 'list', 'data-testid': 'marker-key' },
    ...markers.map((m) =>
      h('span', { class: 'legend-item', role: 'listitem' }, icon(m, palette), MARKER_LABELS[m]),
    ),
  );
}

/** The contours' ramp: low values in the accent colour fading to the background at high ones. */
export function contourKey(
  palette: Palette,
  range: readonly [number, number],
  logScale: boolean,
): HTMLElement {
  const ramp = h('span', { class: 'ramp', 'aria-hidden': 'true' });
  ramp.style.background = `linear-gradient(to right, ${palette.accent}, ${palette.background})`;
  ramp.style.borderColor = palette.grid;
  const [lo, hi] = range;
  return h(
    'div',
    {
      class: 'legend contour-key',
      'data-testid': 'contour-key',
      role: 'img',
      'aria-label': `Contours of f from ${formatNumber(lo, 3)} (darkest) to ${formatNumber(hi, 3)}${logScale ? ', spaced on a log scale' : ''}`,
    },
    h('span', {}, `f = ${formatNumber(lo, 3)}`),
    ramp,
    h('span', {}, formatNumber(hi, 3)),
    logScale ? h('span', { class: 'hint' }, '(contours spaced on a log scale)') : null,
  );
}
