// Clicks on a chart read back as data coordinates, so a person can place the start by pointing:
// the ball on the curve (1 variable) or a point on the contours (2 variables).
import type { PlotElement } from './common';

/** Calls `onPick(x, y)` with the data coordinates of each click on `chart`, and marks it clickable. */
export function onDataClick(chart: PlotElement, onPick: (x: number, y: number) => void): void {
  const x = chart.scale('x');
  const y = chart.scale('y');
  if (!x?.invert || !y?.invert) return;
  chart.classList.add('pickable');
  chart.addEventListener('click', (e: Event) => {
    const event = e as MouseEvent;
    const rect = chart.getBoundingClientRect();
    // The SVG may be drawn smaller than its width attribute in a narrow panel: scale back.
    const width = Number(chart.getAttribute('width')) || rect.width;
    const height = Number(chart.getAttribute('height')) || rect.height;
    const sx = ((event.clientX - rect.left) * width) / rect.width;
    const sy = ((event.clientY - rect.top) * height) / rect.height;
    const px = Number(x.invert?.(sx));
    const py = Number(y.invert?.(sy));
    if (Number.isFinite(px) && Number.isFinite(py)) onPick(px, py);
  });
}
