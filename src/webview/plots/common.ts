// Shared plot settings: sizes, theme colours, scale choices, the series legend, and the way a trace's
// columns are read.
import * as Plot from '@observablehq/plot';
import { minMax, spansDecades } from '../../engine/extent';
import type { TraceWire } from '../../shared/wire';
import { h } from '../dom';
import type { Palette } from '../theme';
import { axisTicks, marginFor, readableRange, type AxisType } from './axes';

/** Class Plot puts on every chart; media/panel.css styles it (Plot's own <style> is blocked by the CSP). */
export const PLOT_CLASS = 'gd-plot';

/** What every plot needs: colours and the width it may use. */
export interface PlotContext {
  readonly palette: Palette;
  readonly width: number;
}

/** A labelled path for plots that overlay several runs. */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly trace: TraceWire;
  /** An SVG stroke-dasharray ("6 3"), so that overlaid paths differ by more than colour. */
  readonly dash?: string;
}

export { seriesDash } from './dashes';

/** A CSS mask that cuts a legend swatch into the dashes of `dash` (undefined when solid). */
export function dashMask(dash: string): string | undefined {
  const lengths = dash
    .split(/\s+/)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  if (lengths.length < 2) return undefined;
  let at = 0;
  const stops = lengths.map((length, i) => {
    const stop = `${i % 2 === 0 ? 'black' : 'transparent'} ${at}px ${at + length}px`;
    at += length;
    return stop;
  });
  return `repeating-linear-gradient(to right, ${stops.join(', ')})`;
}

/** Options every plot starts from. */
export function baseOptions(ctx: PlotContext, height: number): Plot.PlotOptions {
  return {
    className: PLOT_CLASS,
    width: Math.max(240, Math.round(ctx.width)),
    height,
    marginLeft: 60,
    style: { background: 'transparent', color: ctx.palette.foreground, fontSize: '11px' },
  };
}

/** 'log' when every finite value is positive and they span more than two decades, else 'linear'. */
export function yScaleType(values: ArrayLike<number>): 'log' | 'linear' {
  return spansDecades(Array.from(values)) ? 'log' : 'linear';
}

/** [min, max] of the finite values, widened when flat; undefined when there are none. */
export function extent(values: ArrayLike<number>, type: AxisType = 'linear'): [number, number] | undefined {
  const range = minMax(Array.from(values));
  return range && readableRange(range[0], range[1], type);
}

/** A Plot axis with readable ticks over `domain`, and the left margin its labels need (for a y axis). */
export function readableAxis(
  type: AxisType,
  domain: readonly [number, number],
  label: string,
  count = 5,
): { readonly options: Plot.ScaleOptions; readonly margin: number } {
  const { ticks, tickFormat, widest } = axisTicks(type, domain, count);
  return {
    options: { type, domain: [domain[0], domain[1]], label, ticks, tickFormat },
    margin: marginFor(widest),
  };
}

/** Coordinate `axis` of kept iterate `i`. */
export function coordinate(trace: TraceWire, i: number, axis: number): number {
  return trace.points[i * trace.dimension + axis]!;
}

/** A legend of coloured (and dashed, like their paths) swatches, built with DOM APIs (labels are text). */
export function legend(
  items: readonly { label: string; color: string; dash?: string }[],
  testId: string,
): HTMLElement {
  return h(
    'div',
    { class: 'legend', 'data-testid': testId, role: 'list' },
    ...items.map((item) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = item.color;
      const mask = item.dash ? dashMask(item.dash) : undefined;
      if (mask) {
        swatch.style.setProperty('mask-image', mask);
        swatch.style.setProperty('-webkit-mask-image', mask);
      }
      return h('span', { class: 'legend-item', role: 'listitem' }, swatch, item.label);
    }),
  );
}

/** The event a figure's save button sends up the page (detail: the format); plotRequests.ts saves the figure. */
export const SAVE_FIGURE_EVENT = 'gd-save-figure';

/** A titled block holding one chart, with a data-testid for tests and buttons that save it. */
export function figure(title: string, testId: string, ...content: (Node | null)[]): HTMLElement {
  const save = (format: 'svg' | 'png'): HTMLElement =>
    h(
      'button',
      {
        type: 'button',
        class: 'icon figure-save',
        'data-testid': `save-figure-${format}`,
        'aria-label': `Save ${title || 'this plot'} as ${format.toUpperCase()}`,
        title: `Save as ${format.toUpperCase()}`,
        onclick: (event: Event) =>
          (event.currentTarget as HTMLElement).dispatchEvent(
            new CustomEvent(SAVE_FIGURE_EVENT, { bubbles: true, detail: format }),
          ),
      },
      format.toUpperCase(),
    );
  return h(
    'figure',
    { class: 'chart', 'data-testid': testId },
    h('figcaption', {}, h('span', {}, title), h('span', { class: 'figure-saves' }, save('svg'), save('png'))),
    ...content,
  );
}

/** What Plot.plot returns: an SVG (or a figure with a legend) with its scales. */
export type PlotElement = ReturnType<typeof Plot.plot>;

/**
 * Plot.plot without its generated <style> element: the CSP (no 'unsafe-inline') would refuse it and log a
 * violation, and media/panel.css already carries the same rules for PLOT_CLASS.
 */
export function plot(options: Plot.PlotOptions): PlotElement {
  const element = Plot.plot(options);
  for (const style of element.querySelectorAll('style')) style.remove();
  return element;
}
