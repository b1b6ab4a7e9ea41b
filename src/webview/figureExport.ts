// A saved plot that stands on its own, as a figure a teacher can paste: a heading (the formula, then
// the optimizer, η and start) above the chart, and below it the keys its figure shows on screen
// (the markers, the contour ramp, the compared optimizers), drawn as SVG in the theme's colours.
const SVG = 'http://www.w3.org/2000/svg';
const TITLE_PX = 14;
const LINE_PX = 12;
const PAD = 8;
const SWATCH = 12;
const GAP = 14;

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

let measure: CanvasRenderingContext2D | null | undefined;
/** The width of `text` in the chart's font at `px` (an estimate when no canvas is there). */
function textWidth(text: string, px: number, family: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * px * 0.6;
  measure.font = `${px}px ${family}`;
  return measure.measureText(text).width;
}

/** One entry of a key as SVG: its swatch, icon or ramp, then its words. */
interface KeyEntry {
  readonly mark: SVGElement;
  readonly markWidth: number;
  readonly label: string;
}

function swatchEntry(item: Element): KeyEntry {
  const icon = item.querySelector('svg');
  const label = (item.textContent ?? '').trim();
  if (icon) {
    const copy = icon.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('width', String(SWATCH));
    copy.setAttribute('height', String(SWATCH));
    return { mark: copy, markWidth: SWATCH, label };
  }
  const swatch = item.querySelector('.swatch');
  const fill = swatch ? getComputedStyle(swatch).backgroundColor : 'currentColor';
  return { mark: el('rect', { width: SWATCH, height: 4, y: 4, fill }), markWidth: SWATCH, label };
}

let gradients = 0;
/** The contour key: "f = lo", a ramp in the same two colours, "hi" and the log note, as one entry. */
function rampEntry(key: Element, defs: SVGDefsElement): KeyEntry {
  const ramp = key.querySelector('.ramp');
  const colours = ramp ? (getComputedStyle(ramp).backgroundImage.match(/rgba?\([^)]*\)/g) ?? []) : [];
  const id = `gd-export-ramp-${++gradients}`;
  const gradient = el('linearGradient', { id });
  colours.forEach((colour, i) =>
    gradient.append(
      el('stop', { offset: colours.length > 1 ? i / (colours.length - 1) : 0, 'stop-color': colour }),
    ),
  );
  defs.append(gradient);
  const words = [...key.children]
    .filter((c) => !c.classList.contains('ramp'))
    .map((c) => c.textContent ?? '');
  const group = el('g', {});
  group.append(
    el('rect', {
      width: 60,
      height: SWATCH,
      fill: `url(#${id})`,
      stroke: 'currentColor',
      'stroke-opacity': 0.4,
    }),
  );
  return { mark: group, markWidth: 60, label: `${words[0] ?? ''} → ${words.slice(1).join(' ')}`.trim() };
}

/** The entries of every key in a figure, in the order they appear. */
function keyEntries(keys: readonly Element[], defs: SVGDefsElement): KeyEntry[] {
  return keys.flatMap((key) =>
    key.classList.contains('contour-key')
      ? [rampEntry(key, defs)]
      : [...key.querySelectorAll('.legend-item')].map(swatchEntry),
  );
}

/**
 * The chart `chart` as a standalone SVG figure: `heading` lines above (the first one larger), the
 * keys below, flowed into rows as wide as the chart. Colours and font are the theme's, written in.
 */
export function figureSvg(
  chart: SVGSVGElement,
  heading: readonly string[],
  keys: readonly Element[],
): string {
  const style = getComputedStyle(chart);
  const family = style.fontFamily || 'sans-serif';
  const width = Number(chart.getAttribute('width')) || chart.clientWidth;
  const height = Number(chart.getAttribute('height')) || chart.clientHeight;
  const root = el('svg', { xmlns: SVG, 'font-family': family, color: style.color, fill: 'currentColor' });
  const defs = el('defs', {});
  root.append(defs);
  let y = PAD;
  heading.forEach((line, i) => {
    const px = i === 0 ? TITLE_PX : LINE_PX;
    y += px + 2;
    root.append(el('text', { x: PAD, y, 'font-size': px, 'font-weight': i === 0 ? 'bold' : 'normal' }, line));
  });
  y += PAD;
  const body = chart.cloneNode(true) as SVGSVGElement;
  body.setAttribute('x', '0');
  body.setAttribute('y', String(y));
  root.append(body);
  y += height + PAD;
  let x = PAD;
  let row = y;
  for (const entry of keyEntries(keys, defs)) {
    const w = entry.markWidth + 4 + textWidth(entry.label, LINE_PX, family);
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      row += SWATCH + 6;
    }
    const g = el('g', { transform: `translate(${x},${row})` });
    g.append(
      entry.mark,
      el('text', { x: entry.markWidth + 4, y: SWATCH - 1, 'font-size': LINE_PX }, entry.label),
    );
    root.append(g);
    x += w + GAP;
  }
  const total = keys.length > 0 ? row + SWATCH + PAD : y;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(Math.ceil(total)));
  root.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(total)}`);
  return new XMLSerializer().serializeToString(root);
}
