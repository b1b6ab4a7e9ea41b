// Shared plot settings: sizes, theme colours, scale choices and the series legend.
import * as Plot from '@observablehq/plot';
import type { TracePoint } from '../../engine/types';
import { h } from '../dom';
import type { Palette } from '../theme';
import { minMax } from '../../engine/extent';

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
  readonly trace: readonly TracePoint[];
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

/** The finite entries of `values`. */
export function finite(values: readonly number[]): number[] {
  return values.filter(Number.isFinite);
}

/** 'log' when every finite value is positive and they span more than two decades, else 'linear'. */
export function yScaleType(values: readonly number[]): 'log' | 'linear' {
  const f = finite(values);
  const range = minMax(f);
  if (f.length < 2 || !range || range[0] <= 0) return 'linear';
  return range[1] / range[0] > 100 ? 'log' : 'linear';
}

/** [min, max] of the finite values, widened when flat; undefined when there are none. */
export function extent(values: readonly number[]): [number, number] | undefined {
  const range = minMax(values);
  if (!range) return undefined;
  const [lo, hi] = range;
  return lo === hi ? [lo - 1, hi + 1] : range;
}

/** A legend of coloured swatches, built with DOM APIs (labels are text). */
export function legend(items: readonly { label: string; color: string }[], testId: string): HTMLElement {
  return h(
    'div',
    { class: 'legend', 'data-testid': testId, role: 'list' },
    ...items.map((item) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = item.color;
      return h('span', { class: 'legend-item', role: 'listitem' }, swatch, item.label);
    }),
  );
}

/** A titled block holding one chart, with a data-testid for tests. */
export function figure(title: string, testId: string, ...content: (Node | null)[]): HTMLElement {
  return h('figure', { class: 'chart', 'data-testid': testId }, h('figcaption', {}, title), ...content);
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
