// Export: copy the iterations as a Markdown table or CSV, or the run as a PyTorch or NumPy script
// (the host builds the text and writes the clipboard), and save a plot as SVG or PNG with its
// heading and keys (the host shows the save dialog).
import type { WebviewMessage } from '../shared/protocol';
import { h } from './dom';
import { figureSvg } from './figureExport';

/** The chart as a standalone figure: the heading above, its figure's keys below (figureExport.ts). */
export function svgText(svg: SVGSVGElement, heading: readonly string[] = []): string {
  const keys = [...(svg.closest('figure')?.querySelectorAll('.legend') ?? [])];
  return figureSvg(svg, heading, keys);
}

/** A PNG data URL of a chart, drawn at twice its size on the theme's background. */
export async function pngDataUrl(
  svg: SVGSVGElement,
  background: string,
  heading: readonly string[] = [],
): Promise<string> {
  const text = svgText(svg, heading);
  const size = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(text);
  const width = Number(size?.[1]) || svg.clientWidth;
  const height = Number(size?.[2]) || svg.clientHeight;
  const image = new Image();
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** What saving a plot needs: the channel's request, the theme's background, the heading, the notice. */
export interface SaveContext {
  readonly ask: (message: WebviewMessage) => Promise<string>;
  readonly background: string;
  readonly heading: readonly string[];
  readonly notify: (text: string) => void;
}

/** Saves `svg` as a figure in `format` through the host's save dialog; a failure goes to the notice. */
export async function savePlot(svg: SVGSVGElement, format: 'svg' | 'png', ctx: SaveContext): Promise<void> {
  try {
    const data =
      format === 'svg' ? svgText(svg, ctx.heading) : await pngDataUrl(svg, ctx.background, ctx.heading);
    ctx.notify(await ctx.ask({ type: 'savePlot', format, data, name: 'gradient-descent' }));
  } catch (error) {
    ctx.notify(`Could not save the plot: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The export buttons for a run. `ask` sends a copy or save request and resolves to what to tell the
 * person; `mainSvg` finds the chart to save when clicked; `notify` shows the answer or a failure.
 */
export function renderExportBar(
  runId: number,
  ask: (message: WebviewMessage) => Promise<string>,
  mainSvg: () => SVGSVGElement | null,
  background: () => string,
  notify: (text: string) => void,
  heading: () => readonly string[] = () => [],
): HTMLElement {
  const post = (message: WebviewMessage): void => void ask(message).then(notify);
  const save = async (format: 'svg' | 'png'): Promise<void> => {
    const svg = mainSvg();
    if (svg) await savePlot(svg, format, { ask, background: background(), heading: heading(), notify });
  };
  return h(
    'div',
    { class: 'export', role: 'toolbar', 'aria-label': 'Export' },
    h(
      'button',
      {
        type: 'button',
        'data-testid': 'copy-markdown',
        onclick: () => post({ type: 'copyIterations', runId, format: 'markdown' }),
      },
      'Copy iterations (Markdown)',
    ),
    h(
      'button',
      {
        type: 'button',
        'data-testid': 'copy-csv',
        onclick: () => post({ type: 'copyIterations', runId, format: 'csv' }),
      },
      'Copy iterations (CSV)',
    ),
    h(
      'button',
      {
        type: 'button',
        'data-testid': 'copy-pytorch',
        title:
          'A script that runs the same torch.optim optimizer, schedule and steps, and prints the final point',
        onclick: () => post({ type: 'copyCode', runId, language: 'pytorch' }),
      },
      'Copy as PyTorch',
    ),
    h(
      'button',
      {
        type: 'button',
        'data-testid': 'copy-numpy',
        title: 'A script with the update rule written out in NumPy, which prints the final point',
        onclick: () => post({ type: 'copyCode', runId, language: 'numpy' }),
      },
      'Copy as NumPy',
    ),
    h(
      'button',
      { type: 'button', 'data-testid': 'save-svg', onclick: () => void save('svg') },
      'Save plot as SVG',
    ),
    h(
      'button',
      { type: 'button', 'data-testid': 'save-png', onclick: () => void save('png') },
      'Save plot as PNG',
    ),
  );
}
