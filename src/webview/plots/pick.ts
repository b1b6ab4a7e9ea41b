// Pointing at a landscape reads back data coordinates: a click places the start there (the ball then
// rolls from it), a drag moves the start with the pointer (the path follows at once).
import type { LandscapeChart } from './landscape';

/** What the person does with the pointer on a chart. */
export interface PickHandlers {
  /** A click without movement at this data point. */
  click(point: number[]): void;
  /** The pointer, held down, moved to this data point. */
  drag(point: number[]): void;
  /** The held pointer was let go at this data point. */
  release(point: number[]): void;
}

/** Movement (in pixels) that makes a press a drag rather than a click. */
const DRAG_PIXELS = 3;

/** Data coordinates of a pointer event on the chart ([x] on a curve, [x, y] on contours). */
function dataPoint(chart: LandscapeChart, event: PointerEvent): number[] | undefined {
  const svg = chart.svg;
  const rect = svg.getBoundingClientRect();
  // The SVG may be drawn smaller than its width attribute in a narrow panel: scale back.
  const width = Number(svg.getAttribute('width')) || rect.width;
  const height = Number(svg.getAttribute('height')) || rect.height;
  const px = ((event.clientX - rect.left) * width) / rect.width;
  const py = ((event.clientY - rect.top) * height) / rect.height;
  const [x, y] = chart.invert(px, py);
  if (!Number.isFinite(x) || (chart.kind === 'grid' && !Number.isFinite(y))) return undefined;
  return chart.kind === 'curve' ? [x] : [x, y];
}

/** Wires clicks and drags on the chart to `handlers`, and marks it as pickable. */
export function onPick(chart: LandscapeChart, handlers: PickHandlers): void {
  const svg = chart.svg;
  svg.classList.add('pickable');
  let down: { x: number; y: number; dragging: boolean } | undefined;
  svg.addEventListener('pointerdown', (e: Event) => {
    const event = e as PointerEvent;
    if (event.button !== 0) return;
    down = { x: event.clientX, y: event.clientY, dragging: false };
    svg.setPointerCapture?.(event.pointerId);
  });
  svg.addEventListener('pointermove', (e: Event) => {
    const event = e as PointerEvent;
    if (!down) return;
    if (!down.dragging && Math.hypot(event.clientX - down.x, event.clientY - down.y) < DRAG_PIXELS) return;
    down.dragging = true;
    const point = dataPoint(chart, event);
    if (point) handlers.drag(point);
  });
  const finish = (e: Event): void => {
    const event = e as PointerEvent;
    const was = down;
    down = undefined;
    if (!was) return;
    const point = dataPoint(chart, event);
    if (!point) return;
    if (was.dragging) handlers.release(point);
    else handlers.click(point);
  };
  svg.addEventListener('pointerup', finish);
  svg.addEventListener('pointercancel', () => (down = undefined));
}
